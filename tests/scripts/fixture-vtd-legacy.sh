#!/bin/bash
# Ground truth from a real guest on QEMU's VT-d (../shared/fixtures/q35-vtd-legacy):
# every page of every mappings.tsv row translates to its recorded physical address, and
# every fault row faults, from BOTH the ELF and the kdump-compressed dump, with the same
# answer from each; `walk --mappings` lists exactly the mapped pages and ranges of the
# device; the kdump dump decompresses each page the walks read exactly once.
set -u
fixture=${SHARED:-../shared}/fixtures/q35-vtd-legacy
[ -f "$fixture/mappings.tsv" ] || { echo "needs ../shared/fixtures/q35-vtd-legacy"; exit 77; }
command -v zstd >/dev/null || { echo "needs zstd to unpack the fixture's dumps"; exit 77; }
IOMMUTOOL=${IOMMUTOOL:-build/iommutool}
tmp=$(mktemp -d "${TMPROOT:-${TMPDIR:-/tmp}}/fixture-vtd.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
run() { ${IOMMUTOOL_WRAP:-} "$IOMMUTOOL" "$@"; }
# zstd writes the holes of the 512 MiB image as holes: fast, and small on disk.
zstd -q -d "$fixture/vmcore.elf.zst" -o "$tmp/vmcore.elf" &&
	zstd -q -d "$fixture/vmcore.kdump.zst" -o "$tmp/vmcore.kdump" || { echo "cannot unpack the dumps"; exit 1; }
regs=(--registers "$fixture/registers.txt")
# Hexadecimal in and out for any awk (mawk has no strtonum, and its %x stops at 32 bits).
hexlib='function hex(s,  i, v) { s = tolower(s); sub(/^0x/, "", s); v = 0
		for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
		return v }
	function tohex(v,  s, d) { s = ""; do { d = v % 16; s = substr("0123456789abcdef", d + 1, 1) s
		v = (v - d) / 16 } while (v > 0); return "0x" s }'

bad=0
complain() { echo "$*"; bad=$((bad + 1)); }

# Expected: one line per 4 KiB page, "iova phys" for mapped pages, "iova fault" for the others.
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

for format in elf kdump; do
	out=$tmp/$format.out
	run translate --dump "$tmp/vmcore.$format" "${regs[@]}" --device 0000:00:04.0 <"$tmp/addresses" >"$out"
	[ $? = 1 ] || complain "$format: translate should exit 1 (some addresses fault)"
	# "0x... -> 0x...  ..." or "0x...: fault 0x.. ..."; detail lines are indented.
	awk '/^0x/ { if ($2 == "->") print $1, $3; else { sub(":", "", $1); print $1, $2 } }' "$out" >"$tmp/$format.got"
	if ! cmp -s "$tmp/expected" "$tmp/$format.got"; then
		complain "$format: translations differ from mappings.tsv:"
		diff "$tmp/expected" "$tmp/$format.got" | head -n 10
	fi
	echo "$format: $(grep -vc fault "$tmp/$format.got")/$pages pages mapped as recorded, $(grep -c fault "$tmp/$format.got")/$faults fault rows fault"
done
cmp -s "$tmp/elf.out" "$tmp/kdump.out" || complain "the ELF and kdump dumps translate differently"

# walk --mappings: the same pages, and the same ranges once contiguous rows are merged.
# Ranges as "iova phys size" (hex): all the pages, or merged where contiguous in both.
pages_of() {
	awk "$hexlib"'{ for (off = 0; off < hex($3); off += 4096) print tohex(hex($1) + off), tohex(hex($2) + off) }'
}
merge() {
	awk "$hexlib"'{ printf "%.0f %s\n", hex($1), $0 }' | sort -n -k1,1 | cut -d' ' -f2- |
		awk "$hexlib"'{ a = hex($1); b = hex($2); c = hex($3)
			if (n && a == i + s && b == p + s) { s += c; next }
			if (n) print tohex(i), tohex(p), tohex(s); i = a; p = b; s = c; n = 1 }
			END { if (n) print tohex(i), tohex(p), tohex(s) }'
}
awk -F'\t' '$6 == "ok" { print $2, $3, $4 }' "$fixture/mappings.tsv" | merge >"$tmp/tsv.ranges"
for format in elf kdump; do
	run walk --dump "$tmp/vmcore.$format" "${regs[@]}" --mappings --device 00:04.0 >"$tmp/walk.$format" ||
		complain "$format: walk --mappings failed"
	# "0000:00:04.0  -  0xIOVA-0xEND  -> 0xPHYS-0xEND  4K  rw"
	awk "$hexlib"'$1 == "0000:00:04.0" && $4 == "->" { split($3, a, "-"); split($5, b, "-")
		print a[1], b[1], tohex(hex(a[2]) - hex(a[1]) + 1) }' "$tmp/walk.$format" |
		merge >"$tmp/walk.$format.ranges"
	if ! cmp -s "$tmp/tsv.ranges" "$tmp/walk.$format.ranges"; then
		complain "$format: walk --mappings ranges differ from mappings.tsv:"
		diff "$tmp/tsv.ranges" "$tmp/walk.$format.ranges" | head -n 10
	fi
	pages_of <"$tmp/walk.$format.ranges" | sort >"$tmp/walk.$format.pages"
	grep -v fault "$tmp/expected" | sort | cmp -s - "$tmp/walk.$format.pages" ||
		complain "$format: walk --mappings pages differ from mappings.tsv"
	echo "$format: walk --mappings: $(wc -l <"$tmp/walk.$format.ranges") ranges, as mappings.tsv merged"
done

# Each table page the walks read is decompressed once: pages decompressed = distinct pages read.
run -vv translate --dump "$tmp/vmcore.kdump" "${regs[@]}" --device 00:04.0 <"$tmp/addresses" >"$tmp/stats"
distinct=$(grep -o 'table 0x[0-9a-f]*' "$tmp/stats" | sort -u | wc -l)
loaded=$(sed -n 's/^dump: \([0-9]*\) pages decompressed.*/\1/p' "$tmp/stats")
[ "$loaded" = "$distinct" ] ||
	complain "kdump: $loaded pages decompressed for $distinct distinct table pages read"
echo "kdump: $loaded pages decompressed, $distinct distinct table pages read"

[ $bad -eq 0 ] && echo "fixture q35-vtd-legacy: both dumps agree with the ground truth"
[ $bad -eq 0 ]
