#!/bin/bash
# examples/translate.c, built with the public header and the shared library only, translates
# through a dump: an image tests/tools/mkimage builds, the unit a register file points at
# (VT-d from RTADDR, SMMUv3 from STRTAB_BASE), as iommutool translate does.
set -u
O=${O:-build}
example=$O/examples/translate
mkimage=${TOOLS:-$O/tests}/mkimage
[ -x "$example" ] && [ -x "$mkimage" ] || { echo "needs $example and $mkimage (make)"; exit 77; }
tmp=$(mktemp -d "${TMPROOT:-${TMPDIR:-/tmp}}/example-translate.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bad=0
expect() {	# expect WANT ARGS...: the example's output for ARGS
	local want=$1 got
	shift
	got=$("$example" "$@" 2>&1)
	[ "$got" = "$want" ] || { printf 'example %s:\n  got:  %s\n  want: %s\n' "$*" "$got" "$want"; bad=$((bad + 1)); }
}

printf 'mode legacy\ndevice 01:00.0 did=6 aw=39\nmap 01:00.0 0x200000 0x2200000 2M page=2M\n' >"$tmp/vtd"
rtaddr=$("$mkimage" "$tmp/vtd" "$tmp/vtd.img") || { echo "mkimage failed"; exit 1; }
printf 'RTADDR %s\n' "$rtaddr" >"$tmp/vtd.regs"
expect "0x212345 -> 0x2212345 (legacy, 2097152-byte page)
0x400000: fault 0x6: second-level level 2 entry 0x0000000000000000 (table 0x103000): R and W are clear, nothing is mapped" \
	"$tmp/vtd.img" "$tmp/vtd.regs" 0x100 0x212345 0x400000

printf 'smmuv3\nste 8 config=s2 ias=40 s2start=1 vmid=6\nmap 8:s2 0x200000 0x2200000 2M page=2M\n' >"$tmp/smmu"
strtab=$("$mkimage" "$tmp/smmu" "$tmp/smmu.img") || { echo "mkimage failed"; exit 1; }
printf 'STRTAB_BASE %s\nSTRTAB_BASE_CFG %s\n' "${strtab%,*}" "${strtab#*,}" >"$tmp/smmu.regs"
expect "0x212345 -> 0x2212345 (stage-2, 2097152-byte page)" \
	"$tmp/smmu.img" "$tmp/smmu.regs" 8 0x212345

# Registers without a table pointer: no unit to translate with.
printf 'CAP 0x0\n' >"$tmp/cap.regs"
expect "translate: finding the unit's tables: No such file or directory" \
	"$tmp/vtd.img" "$tmp/cap.regs" 0x100 0
[ $bad = 0 ]
