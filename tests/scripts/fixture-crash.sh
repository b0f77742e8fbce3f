#!/bin/bash
# Crash dumps that explain themselves (../shared/fixtures/q35-vtd-crash, q35-amd-crash: Debian
# 6.1, KASLR, 5-level paging, VMCOREINFO): with --dump as the only table option, from BOTH the
# ELF and the kdump-compressed dump, every page of every mappings.tsv row translates to its
# recorded physical address and every fault row faults; `walk --dump` names the unit with the
# register base and CAP/ECAP (VT-d) or EFR (AMD-Vi) that registers.txt shows; the register set
# found in the dump's kernel agrees with registers.txt (no disagreement reported); `fault --dump`
# with no line reads the dump's own kernel log; the ELF dump rewritten as /proc/kcore lays a
# running kernel out (tests/tools/mkkcore) walks and translates the same.
set -u
shared=${SHARED:-../shared}
for name in q35-vtd-crash q35-amd-crash; do
	[ -f "$shared/fixtures/$name/mappings.tsv" ] || { echo "needs $shared/fixtures/$name"; exit 77; }
done
command -v zstd >/dev/null || { echo "needs zstd to unpack the fixtures' dumps"; exit 77; }
IOMMUTOOL=${IOMMUTOOL:-build/iommutool}
tmp=$(mktemp -d "${TMPROOT:-${TMPDIR:-/tmp}}/fixture-crash.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
run() { ${IOMMUTOOL_WRAP:-} "$IOMMUTOOL" "$@"; }
hexlib='function hex(s,  i, v) { s = tolower(s); sub(/^0x/, "", s); v = 0
		for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
		return v }
	function tohex(v,  s, d) { s = ""; do { d = v % 16; s = substr("0123456789abcdef", d + 1, 1) s
		v = (v - d) / 16 } while (v > 0); return "0x" s }'
bad=0
complain() { echo "$*"; bad=$((bad + 1)); }
# A hexadecimal value as 0x... in lower case without leading zeros (as text: awk's numbers
# cannot hold 64 bits); registers.txt's value of NAME so.
norm='function norm(s) { s = tolower(s); sub(/^0x0*/, "", s); return "0x" (s == "" ? "0" : s) }'
reg() { awk -v n="$1" "$norm"'$1 == n { print norm($5) }' "$2"; }

for name in q35-vtd-crash q35-amd-crash; do
	fixture=$shared/fixtures/$name
	zstd -q -d "$fixture/vmcore.elf.zst" -o "$tmp/vmcore.elf" &&
		zstd -q -d "$fixture/vmcore.kdump.zst" -o "$tmp/vmcore.kdump" ||
		{ echo "cannot unpack $name's dumps"; exit 1; }
	awk -F'\t' "$hexlib"'
	!/^#/ && $1 ~ /^0000:/ {
		iova = hex($2); size = hex($4)
		for (off = 0; off < size; off += 4096)
			if ($6 == "ok") print tohex(iova + off), tohex(hex($3) + off)
			else print tohex(iova + off), "fault"
	}' "$fixture/mappings.tsv" >"$tmp/expected"
	cut -d' ' -f1 "$tmp/expected" >"$tmp/addresses"
	pages=$(grep -vc fault "$tmp/expected")
	faults=$(grep -c fault "$tmp/expected")
	base=$(sed -n 's/^## .* unit at \(0x[0-9a-f]*\).*/\1/p' "$fixture/registers.txt")
	case $name in
	*vtd*) want="VT-d legacy CAP $(reg CAP_REG "$fixture/registers.txt") ECAP $(reg ECAP_REG "$fixture/registers.txt")" ;;
	*) want="AMD-Vi translating EFR $(reg EXT_FEATURES "$fixture/registers.txt")" ;;
	esac

	for format in elf kdump; do
		dump=$tmp/vmcore.$format
		out=$tmp/$format.out
		run translate --dump "$dump" --device 0000:00:04.0 <"$tmp/addresses" >"$out" 2>"$tmp/err"
		[ $? = 1 ] || complain "$name $format: translate should exit 1 (some addresses fault): $(head -n 3 "$tmp/err")"
		# "0x... -> 0x...", or "0x...: fault ..." (VT-d) / "0x...: event 2 IO_PAGE_FAULT ..." (AMD-Vi)
		awk '/^0x/ { if ($2 == "->") print $1, $3; else { sub(":", "", $1); print $1, "fault" } }' "$out" >"$tmp/got"
		if ! cmp -s "$tmp/expected" "$tmp/got"; then
			complain "$name $format: translations differ from mappings.tsv:"
			diff "$tmp/expected" "$tmp/got" | head -n 10
		fi
		echo "$name $format: $(grep -vc fault "$tmp/got")/$pages pages mapped as recorded, $(grep -c fault "$tmp/got")/$faults fault rows fault"

		# walk opens with the kernel and its units, as registers.txt has them.
		run walk --dump "$dump" >"$tmp/walk" 2>"$tmp/err" || complain "$name $format: walk --dump failed: $(head -n 3 "$tmp/err")"
		grep -q '^kernel 6\.1\.0-56-amd64$' "$tmp/walk" || complain "$name $format: walk names no kernel release"
		grep -q '^command line: console=ttyS0' "$tmp/walk" || complain "$name $format: walk shows no command line"
		got=$(awk "$norm"'/^  [a-z]+[0-9]+ +0x/ { line = $2 " " $3 " " $4; for (i = 5; i < NF; i++)
			if ($i == "CAP" || $i == "ECAP" || $i == "EFR") line = line " " $i " " norm($(i + 1))
			print line }' "$tmp/walk")
		[ "$got" = "$base $want" ] || complain "$name $format: walk shows '$got', registers.txt '$base $want'"
		echo "$name $format: walk: $got"

		# fault with nothing to read decodes the dump's own log (no IOMMU fault in it).
		run fault --dump "$dump" </dev/null >"$tmp/fault" 2>"$tmp/err"
		code=$?
		records=$(sed -n 's/^kernel log of .*: \([0-9]*\) records$/\1/p' "$tmp/fault")
		[ $code = 0 ] && [ "${records:-0}" -gt 300 ] && grep -q '^no fault or event messages' "$tmp/fault" ||
			complain "$name $format: fault --dump did not read the dump's log (exit $code): $(cat "$tmp/fault" "$tmp/err")"

		# The same register set given as a file: no disagreement with the dump's kernel.
		run translate --dump "$dump" --registers "$fixture/registers.txt" --device 00:04.0 0 >/dev/null 2>"$tmp/err"
		grep -q "in the dump's kernel" "$tmp/err" && complain "$name $format: registers.txt and the kernel disagree: $(cat "$tmp/err")"
	done
	# What the dump's kernel lacks or holds damaged is named, with its exit code.
	head -c 4096 /dev/urandom >"$tmp/garbage"
	run walk --dump "$tmp/vmcore.elf" --btf "$tmp/garbage" >/dev/null 2>"$tmp/err"
	code=$?
	[ $code = 65 ] && grep -q "does not parse" "$tmp/err" ||
		complain "$name: a damaged --btf: exit $code, $(cat "$tmp/err")"
	printf 'not a symbol table\n' >"$tmp/garbage"
	run walk --dump "$tmp/vmcore.elf" --symbols "$tmp/garbage" >/dev/null 2>"$tmp/err"
	code=$?
	[ $code = 65 ] && grep -q "holds no" "$tmp/err" ||
		complain "$name: a --symbols file without symbols: exit $code, $(cat "$tmp/err")"

	# The running kernel's way: an ELF core laid out as /proc/kcore is (virtual-address
	# PT_LOADs, RAM's physical address in p_paddr, a vmalloc segment without one).
	rm -f "$tmp/kcore"
	if "${TOOLS:-build/tests}/mkkcore" "$tmp/vmcore.elf" "$tmp/kcore"; then
		run walk --dump "$tmp/kcore" | tail -n +2 >"$tmp/walk.kcore" 2>"$tmp/err"
		run walk --dump "$tmp/vmcore.elf" | tail -n +2 >"$tmp/walk.elf"
		cmp -s "$tmp/walk.elf" "$tmp/walk.kcore" ||
			complain "$name kcore: walk differs from the ELF dump's: $(diff "$tmp/walk.elf" "$tmp/walk.kcore" | head -n 5)"
		run translate --dump "$tmp/kcore" --device 0000:00:04.0 <"$tmp/addresses" >"$tmp/kcore.out"
		awk '/^0x/ { if ($2 == "->") print $1, $3; else { sub(":", "", $1); print $1, "fault" } }' "$tmp/kcore.out" >"$tmp/got"
		cmp -s "$tmp/expected" "$tmp/got" || complain "$name kcore: translations differ from mappings.tsv"
		echo "$name kcore-like ELF: walk as the ELF dump's, $(grep -vc fault "$tmp/got")/$pages pages mapped as recorded"
	else
		complain "$name: mkkcore cannot rewrite the ELF dump"
	fi
	rm -f "$tmp/vmcore.elf" "$tmp/vmcore.kdump" "$tmp/kcore"
done

[ $bad -eq 0 ] && echo "fixtures q35-vtd-crash, q35-amd-crash: --dump alone agrees with the ground truth"
[ $bad -eq 0 ]
