#!/bin/bash
# Bounded time and memory on the inputs that make naive readers loop or allocate without end:
#   - an IORT node of length 0 (the reference disassembler loops forever on it),
#   - an IORT whose counts claim 4 G entries (mappings, ITS identifiers),
#   - VT-d page tables that point back at themselves (a cycle through every level).
# Each command runs under a 10 s limit and 1 GiB of memory, ends with a documented exit code
# (0, 1, 2, 65) and, for the tables, still decodes the nodes before the broken one and names
# the fault in a finding.
set -u
. tests/tools/bounded.sh
. tests/tools/bytes.sh
templates=${SHARED:-../shared}/corpus/templates
[ -f "$templates/iort.aml" ] || { echo "needs ../shared/corpus/templates"; exit 77; }
tmp=$(mktemp -d "${TMPROOT:-${TMPDIR:-/tmp}}/malformed-bounds.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
documented=" 0 1 2 65 "
bad=0 runs=0

# run EXPECT-REGEX ARGS...: iommutool ARGS, bounded; its output must match EXPECT-REGEX ("" for any).
run() {
	local want=$1 code
	shift
	bounded 10 "$IOMMUTOOL" "$@" >"$tmp/out" 2>&1
	code=$?
	runs=$((runs + 1))
	if [[ $documented != *" $code "* ]]; then
		echo "FAIL: iommutool $*: exit $code$( [ $code = 124 ] && echo ' (timed out)')"
		head -n 5 "$tmp/out" | sed 's/^/  /'
		bad=$((bad + 1))
	elif [ -n "$want" ] && ! grep -Eq -- "$want" "$tmp/out"; then
		echo "FAIL: iommutool $*: no line matches '$want':"
		head -n 5 "$tmp/out" | sed 's/^/  /'
		bad=$((bad + 1))
	fi
}
# every TABLE-FILE: decode, validate, the node graph and traces, as text and --json.
every() {
	local f=$1 json
	for json in "" --json; do
		run "" $json decode "$f"
		run "" $json validate "$f"
		run "" $json decode --trace @0x4c "$f"
		run "" $json decode --reverse 0x0 "$f"
	done
	run "" decode --dot "$f"
}

# The IORT template: ITS group @0x34, named component @0x4c (mapping count at +8), root complex
# @0xcc, SMMUv1/v2 @0x104, SMMUv3 @0x164, PMCG, RMR, IWB.  A node's length is at +1 (2 bytes).
cp "$templates/iort.aml" "$tmp/len0.aml" && chmod u+w "$tmp/len0.aml"
putn "$tmp/len0.aml" $((0x164 + 1)) 0 2
every "$tmp/len0.aml"
run "Root Complex @0xcc" decode "$tmp/len0.aml"
run "SMMUv1/v2 @0x104" decode "$tmp/len0.aml"
run "iort.node.length" validate "$tmp/len0.aml"

cp "$templates/iort.aml" "$tmp/count4g.aml" && chmod u+w "$tmp/count4g.aml"
putn "$tmp/count4g.aml" $((0x4c + 8)) 0xffffffff 4
putn "$tmp/count4g.aml" $((0x34 + 16)) 0xffffffff 4
every "$tmp/count4g.aml"
run "SMMUv3 @0x164" decode "$tmp/count4g.aml"
run "4294967295 ID mappings .*iort.array.outside_node" validate "$tmp/count4g.aml"

# VT-d, legacy mode, 4-level tables: root table at 0, the context entry of 00:02.0 at 0x1100
# points at 0x2000, whose 512 entries all point (readable, writable) at 0x2000 again: every
# level is that one table.  A translation ends after four levels.
image=$tmp/cycle.raw
truncate -s $((0x3000)) "$image"
put "$image" 0 0x1001
put "$image" $((0x1100)) 0x2001 0x102
for ((i = 0; i < 512; i++)); do put "$image" $((0x2000 + 8 * i)) 0x2003; done
dump=(--dump "$image" --base 0 --rtaddr 0)
for json in "" --json; do
	run "" $json translate "${dump[@]}" -d 00:02.0 0x0 0xfffffffff000
	run "" $json walk "${dump[@]}"
	run "" $json walk "${dump[@]}" --mappings
	run "" $json walk "${dump[@]}" --reverse 0x2000
done
run "0x123456789000 -> 0x2000" translate "${dump[@]}" -d 00:02.0 0x123456789000

# Memory running out while the --json document is built (2^18 tables of 36 bytes, 150 MiB of
# address space): an error and exit 70, and no half document on stdout; never an abort.
# Not under AddressSanitizer or valgrind, whose own memory use an address-space limit breaks.
if ! grep -q __asan_init "$IOMMUTOOL" && [ -z "${IOMMUTOOL_WRAP:-}" ]; then
	cp "$templates/dmar.aml" "$tmp/many.bin" && chmod u+w "$tmp/many.bin"
	truncate -s 36 "$tmp/many.bin"
	putn "$tmp/many.bin" 4 36 4
	for ((i = 0; i < 18; i++)); do cat "$tmp/many.bin" "$tmp/many.bin" >"$tmp/twice" && mv "$tmp/twice" "$tmp/many.bin"; done
	(ulimit -v 153600 && exec "$IOMMUTOOL" --json tables -a "$tmp/many.bin") >"$tmp/out" 2>"$tmp/err"
	code=$?
	runs=$((runs + 1))
	if [ $code = 0 ] && "$TOOLS/json-check" <"$tmp/out"; then
		:	# enough memory after all: a whole document
	elif [ $code != 70 ] || [ -s "$tmp/out" ] || ! grep -q "Cannot allocate memory" "$tmp/err"; then
		echo "FAIL: --json tables on 2^18 tables in 150 MiB: exit $code, $(wc -c <"$tmp/out") bytes out:"
		head -n 3 "$tmp/err" | sed 's/^/  /'
		bad=$((bad + 1))
	fi
fi

echo "$runs bounded runs, $bad failed"
[ $bad -eq 0 ]
