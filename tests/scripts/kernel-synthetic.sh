#!/bin/bash
# Unit discovery over a synthetic kernel (tests/tools/mkkernel: an x86-64 ELF core with
# VMCOREINFO and page tables, raw BTF, a System.map), given --symbols and --btf: a sound
# amd_iommu_list names its unit with base, EFR and device table; a list that cycles without
# returning to its head, one longer than 4096 entries, a NULL next pointer, a next pointer
# the page tables do not map, and a struct member missing from BTF each end in bounded time
# with a message naming the list, pointer or member, and exit 65 (damaged) or 66 (missing).
set -u
. tests/tools/bounded.sh
IOMMUTOOL=${IOMMUTOOL:-build/iommutool}
TOOLS=${TOOLS:-build/tests}
tmp=$(mktemp -d "${TMPROOT:-${TMPDIR:-/tmp}}/kernel-synthetic.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bad=0
complain() { echo "$*"; bad=$((bad + 1)); }

# walk CASE: build CASE's kernel and walk it; output in $tmp/CASE.out, .err, exit code in $code.
walk() {
	mkdir "$tmp/$1" && "$TOOLS/mkkernel" "$1" "$tmp/$1" || { complain "mkkernel $1 failed"; return 1; }
	bounded 20 ${IOMMUTOOL_WRAP:-} "$IOMMUTOOL" walk --dump "$tmp/$1/vmcore" \
		--symbols "$tmp/$1/System.map" --btf "$tmp/$1/btf" >"$tmp/$1.out" 2>"$tmp/$1.err"
	code=$?
}

walk good
[ $code = 0 ] || complain "good: exit $code: $(cat "$tmp/good.err")"
grep -q '^kernel 6.1.0-synthetic$' "$tmp/good.out" || complain "good: no kernel release: $(cat "$tmp/good.out")"
grep -Eq '^ +ivhd0 +0xfeb80000 +AMD-Vi .*DEV_TABLE_BASE 0x8000 +EFR 0x0000000000000123$' "$tmp/good.out" ||
	complain "good: the unit is not ivhd0 at 0xfeb80000 with EFR 0x123 and its device table: $(cat "$tmp/good.out")"

# expect CASE CODE PATTERN: the walk of CASE fails with CODE and a message matching PATTERN.
expect() {
	walk "$1" || return
	[ $code = "$2" ] && grep -q "$3" "$tmp/$1.err" ||
		complain "$1: exit $code (want $2), message: $(cat "$tmp/$1.err")"
}
expect cycle 65 "amd_iommu_list: entry 0xffff888000010000 comes back after 2 entries"
expect long 65 "amd_iommu_list: more than 4096 entries"
expect null 65 "amd_iommu_list: a NULL link after 1 entr"
expect unmapped 65 "struct amd_iommu at 0xffff888040000000: not a mapped kernel address"
expect missing 66 "struct amd_iommu has no member 'features'"
exit $((bad > 0))
