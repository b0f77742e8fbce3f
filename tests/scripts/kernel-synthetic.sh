#!/bin/bash
# Unit discovery over a synthetic kernel (tests/tools/mkkernel: an x86-64 or arm64 ELF core
# with VMCOREINFO and page tables, raw BTF, a System.map), given --symbols and --btf: a sound
# amd_iommu_list names its unit with base, EFR and device table; a list that cycles without
# returning to its head, one longer than 4096 entries, a NULL next pointer, a next pointer
# the page tables do not map, and a struct member missing from BTF each end in bounded time
# with a message naming the list, pointer or member, and exit 65 (damaged) or 66 (missing).
# On arm64, an SMMUv3 registered by the arm_smmu_v3 module (its symbols and split BTF read
# from the dump; without arm_smmu_ops in them; built in; with Linux 6.1's stream table
# configuration) is named with its base and stream table, an SMMUv2 beside it is not, and
# translate reaches its mapped page with no register option (a register file that disagrees
# is warned about); a module without BTF, a unit name without a base and a cycling module
# list end in clear messages.
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

# smmu CASE: the one SMMUv3 (not the SMMUv2 before it) is named, walked and translates through.
smmu() {
	walk "$1" || return
	[ $code = 0 ] || complain "$1: exit $code: $(cat "$tmp/$1.err")"
	grep -q '^kernel 6.12.0-synthetic-arm64$' "$tmp/$1.out" || complain "$1: no kernel release: $(cat "$tmp/$1.out")"
	grep -q '^1 IOMMU unit,' "$tmp/$1.out" || complain "$1: not one unit: $(cat "$tmp/$1.out")"
	grep -Eq '^ +smmu3\.0x0000000009050000 +0x9050000 +SMMUv3 +2-level +STRTAB_BASE 0x4000000000101000 +STRTAB_BASE_CFG 0x10210 +IDR0 0x0944101b$' "$tmp/$1.out" ||
		complain "$1: the unit is not smmu3.0x0000000009050000, 2-level at 0x101000 with IDR0 0x0944101b: $(cat "$tmp/$1.out")"
	grep -Eq '^ +0x8 +- +- +stage-1 +3 ' "$tmp/$1.out" || complain "$1: StreamID 8 is not walked: $(cat "$tmp/$1.out")"
	bounded 20 ${IOMMUTOOL_WRAP:-} "$IOMMUTOOL" translate --dump "$tmp/$1/vmcore" --symbols "$tmp/$1/System.map" \
		--btf "$tmp/$1/btf" --sid 8 0x10000123 >"$tmp/$1-translate.out" 2>&1
	code=$?
	[ $code = 0 ] && grep -q '^0x10000123 -> 0x1f0123  4K page, rwu, asid 3$' "$tmp/$1-translate.out" ||
		complain "$1: translate (exit $code): $(cat "$tmp/$1-translate.out")"
}
smmu smmu
# A register file that disagrees with the kernel's copy is used, with a warning naming both values.
printf 'STRTAB_BASE 0x4000000000101000\nSTRTAB_BASE_CFG 0x10208\n' >"$tmp/smmu-regs"
bounded 20 ${IOMMUTOOL_WRAP:-} "$IOMMUTOOL" walk --dump "$tmp/smmu/vmcore" --symbols "$tmp/smmu/System.map" \
	--btf "$tmp/smmu/btf" --registers "$tmp/smmu-regs" >"$tmp/smmu-regs.out" 2>&1
grep -q "smmu3.0x0000000009050000: STRTAB_BASE_CFG is 0x10208 in '$tmp/smmu-regs', 0x10210 in the dump's kernel" "$tmp/smmu-regs.out" ||
	complain "smmu: no disagreement with the register file: $(cat "$tmp/smmu-regs.out")"
smmu smmu-noops
smmu smmu-builtin
smmu smmu-6.1
expect smmu-nobtf 66 "module arm_smmu_v3 has no BTF on btf_modules"
expect smmu-noname 65 "the SMMUv3 at 0xffff000000066060 is named 'smmu3', not smmu3.ADDRESS"
expect smmu-modcycle 65 "modules: entry 0xffff000000061080 comes back after 2 entries"
exit $((bad > 0))
