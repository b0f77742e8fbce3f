#!/bin/bash
# Seeds that no test input provides, made small so the fuzzers start inside the formats:
#   walk-vtd/  a request and a memory image with legacy and scalable-mode VT-d structures
#              (root, context, PASID directory and table, 3-level tables with a 4 KiB and a
#              2 MiB leaf), an interrupt remapping table and an invalidation queue
#   dump/      an ELF core with a segment whose memory size exceeds its file size, a raw image
#   regfile/   NAME VALUE lines and the kernel's debugfs iommu_regset text
#   fault/     DMAR fault lines of the kernel's formats
#   sysroot/   each fixture's sysroot (FIXTURES: the unpacked sysroots) packed as entries
#   kernel-text/  command lines, a build configuration in text and gzip
#   walk-smmuv3/, walk-amdvi/  stream tables, CDs, device tables and page tables of each kind,
#              as tests/tools/mkimage (MKIMAGE: its path) builds them
#   scan/      the walkers' memory images on their own, and the ELF core
#
#   FIXTURES=DIR MKIMAGE=PATH fuzz/seeds.sh CORPUS_DIR   (writes CORPUS_DIR/HARNESS/gen-*)
set -eu
out=$1

. tests/tools/bytes.sh

mkdir -p "$out/walk-vtd" "$out/dump" "$out/regfile" "$out/fault"

# ---- walk-vtd: 48-byte request, then memory from physical address 0 ----
vtd_image() {	# vtd_image FILE: the page tables both seeds share, at image offsets
	local f=$1 base=48
	truncate -s $((base + 0x9000)) "$f"
	put "$f" $((base + 0x3000)) 0x4003		# L3[0] -> L2 at 0x4000, R W
	put "$f" $((base + 0x4000)) 0x5003 0x200083	# L2[0] -> L1; L2[1]: 2 MiB leaf
	put "$f" $((base + 0x5000 + 5 * 8)) 0x5003	# L1[5]: IOVA 0x5000 -> 0x5000
	put "$f" $((base + 0x6000)) 0x0000002000000021 0x0000000000040010	# IRTE 0
	put "$f" $((base + 0x7000)) 0x0000000000010001 0		# context-cache invalidation
	put "$f" $((base + 0x7010)) 0x0000000000010002 0x5000		# IOTLB invalidation
}
# Request: RTADDR CAP ECAP IOVA IRTA, IQA (4 bytes), SID (2), PASID, flags.
request() {	# request FILE RTADDR PASID FLAGS
	local f=$1
	put "$f" 0 "$2" 0x00d2008c22260286 0x0000000000f00f4a 0x5000 0x6000
	putn "$f" 40 0x7000 4
	putn "$f" 44 0x0010 2
	putn "$f" 46 "$3" 1
	putn "$f" 47 "$4" 1
}
f=$out/walk-vtd/gen-legacy
rm -f "$f"
vtd_image "$f"
request "$f" 0x0 0xff 0x02
put "$f" $((48 + 0x0)) 0x1001				# root[bus 0] -> context table 0x1000
put "$f" $((48 + 0x1000 + 0x10 * 16)) 0x3001 0x101	# context[00:02.0]: SLPT 0x3000, 3-level, DID 1
f=$out/walk-vtd/gen-scalable
rm -f "$f"
vtd_image "$f"
request "$f" 0x400 0x00 0x02				# RTADDR.TTM = scalable
put "$f" $((48 + 0x0)) 0x1001				# root[bus 0]: lower context table 0x1000
put "$f" $((48 + 0x1000 + 0x10 * 32)) 0x2001 0		# context[00:02.0]: PASID directory 0x2000
put "$f" $((48 + 0x2000)) 0x8001			# PASID dir[0] -> PASID table 0x8000
put "$f" $((48 + 0x8000)) $((0x3000 | 2 << 6 | 1 << 2 | 1)) 1 0 0 0 0 0 0	# PASID 0: second stage

# ---- dump: an ELF64 core, one note and two loads (the second's memory size past its file size)
f=$out/dump/gen-elf
rm -f "$f"
truncate -s $((0x3000)) "$f"
printf '\177ELF\002\001\001' | dd of="$f" conv=notrunc status=none
putn "$f" 16 4 2; putn "$f" 18 62 2; putn "$f" 20 1 4	# ET_CORE, x86-64, version 1
put "$f" 32 64						# e_phoff
putn "$f" 52 64 2; putn "$f" 54 56 2; putn "$f" 56 3 2	# e_ehsize, e_phentsize, e_phnum
putn "$f" 64 4 4; put "$f" 72 0x200 0 0 0 0		# PT_NOTE at 0x200, empty
putn "$f" 120 1 4; put "$f" 128 0x1000 0xffff888000000000 0x0 0x1000 0x1000	# PT_LOAD 0..4K
putn "$f" 176 1 4; put "$f" 184 0x2000 0xffff888000100000 0x100000 0x1000 0x3000
printf 'IOMMUTST' | dd of="$f" bs=1 seek=$((0x1000)) conv=notrunc status=none
head -c 8192 /dev/zero | tr '\0' '\245' >"$out/dump/gen-raw"

# ---- regfile ----
cat >"$out/regfile/gen-lines" <<'EOF'
# unit at 0xfed90000
VER_REG 0x10
CAP_REG 0x00d2008c22260286
ECAP 0xf00f4a
RTADDR_REG	0xfed90020	+0x20	8	0x000000000601f000
EOF
cat >"$out/regfile/gen-debugfs" <<'EOF'
IOMMU: dmar0 Register Base Address: fed90000
Name			Offset		Contents
VER			0x00		0x0000000000000010
GCMD			0x18		0x0000000000000000
GSTS			0x1c		0x00000000c7000000
RTADDR			0x20		0x000000000601f000
IRTA			0xb8		0x0000000004a0000f
EOF

# ---- fault ----
cat >"$out/fault/gen-formats" <<'EOF'
[    5.1] DMAR: [DMA Read NO_PASID] Request device [00:04.0] fault addr 0xdead000 [fault reason 0x06] PTE Read access is not set
[    5.2] DMAR: [DMA Write] Request device [0000:01:00.0] PASID 5 fault addr 0x1000 [fault reason 0x05] PTE Write access is not set
[    5.3] DMAR: [INTR-REMAP] Request device [f0:1f.0] fault index 0x21 [fault reason 0x25] Blocked a compatibility format interrupt request
[    5.4] DMAR: DRHD: handling fault status reg 2
[    5.5] DMAR: [DMA Read] Request device [00:02.0] fault addr 7f000 
DMAR:[fault reason 06] PTE Read access is not set
EOF

# ---- sysroot: what status, groups and devices read of each fixture, as "PATH\nCONTENT" and
# "PATH -> TARGET" entries separated by NUL bytes (files cut at 4 KiB, the kernel log at 16 KiB).
mkdir -p "$out/sysroot"
for root in "${FIXTURES:-/nonexistent}"/*/; do
	[ -d "$root/sys" ] || continue
	f=$out/sysroot/gen-$(basename "$root")
	(
		cd "$root" || exit 1
		for path in proc/cmdline proc/cpuinfo proc/interrupts proc/version \
			sys/firmware/acpi/tables/DMAR sys/firmware/acpi/tables/APIC; do
			[ -f "$path" ] && { printf '%s\n' "$path"; head -c 4096 "$path"; printf '\0'; }
		done
		[ -f dmesg.txt ] && { printf 'dmesg.txt\n'; head -c 16384 dmesg.txt; printf '\0'; }
		find sys/class/iommu sys/kernel/iommu_groups sys/bus/pci/devices sys/devices/pci0000:00 \
			-maxdepth 4 \( -type f -o -type l \) 2>/dev/null | sort | while read -r path; do
			if [ -L "$path" ]; then
				printf '%s -> %s\0' "$path" "$(readlink "$path")"
			else
				printf '%s\n' "$path"; head -c 4096 "$path"; printf '\0'
			fi
		done
	) >"$f"
done

# ---- walk-smmuv3, walk-amdvi: structures mkimage builds (MKIMAGE: its path) near address 0,
# behind each harness's request (see fuzz/walk-smmuv3.c, fuzz/walk-amdvi.c).
if [ -x "${MKIMAGE:-}" ]; then
	mkdir -p "$out/walk-smmuv3" "$out/walk-amdvi" "$out/tmp"
	image() {	# image DESCRIPTION-FILE BYTES: the register value(s) mkimage prints
		"$MKIMAGE" "$1" "$out/tmp/image" && truncate -s "$2" "$out/tmp/image"
	}
	smmu() {	# smmu NAME DESCRIPTION: a 64-byte request, then the image
		local f=$out/walk-smmuv3/gen-$1 regs
		printf '%s\n' "$2" >"$out/tmp/desc"
		regs=$(image "$out/tmp/desc" $((0x10000))) || return 0
		truncate -s 64 "$f"
		put "$f" 0 "${regs%,*}" "${regs#*,}"
		# IDR0: both stages, 2-level tables, AArch64 tables, 16-bit ASID and VMID;
		# IDR1: 16-bit StreamIDs, 10-bit SubstreamIDs; IDR5: 48-bit output, all granules.
		putn "$f" 16 0x080c100b 4
		putn "$f" 20 0x00000290 4
		putn "$f" 36 0x00000075 4
		put "$f" 40 0x5000
		putn "$f" 48 1 4
		putn "$f" 52 0xffffffff 4
		cat "$out/tmp/image" >>"$f"
	}
	smmu s1 "$(printf '%s\n' 'smmuv3 strtab=linear log2size=4 tables-at=0x1000' \
		'ste 1 config=s1' 'cd 1 tg0=4k va=39 asid=1' 'map 1 0x5000 0x200000 8K perm=rw')"
	smmu s2-2level "$(printf '%s\n' 'smmuv3 strtab=2level log2size=8 split=6 tables-at=0x1000' \
		'ste 1 config=s2 s2tg=16k ias=40 vmid=3' 'map 1:s2 0x10000 0x200000 64K page=16K perm=r')"
	smmu nested "$(printf '%s\n' 'smmuv3 strtab=linear log2size=2 tables-at=0x1000' \
		'ste 1 config=nested cdmax=2 s2tg=4k ias=40' 'cd 1/1 tg0=64k va=42 asid=2' \
		'map 1/1 0x10000 0x40000000 64K page=64K' 'map 1:s2 0x40000000 0x80000000 2M page=2M')"
	amd() {		# amd NAME DESCRIPTION: a 32-byte request, then the image
		local f=$out/walk-amdvi/gen-$1 reg
		printf '%s\n' "$2" >"$out/tmp/desc"
		reg=$(image "$out/tmp/desc" $((0x20000))) || return 0
		truncate -s 32 "$f"
		put "$f" 0 "$reg"
		put "$f" 16 0x5000
		putn "$f" 24 0x10 2
		putn "$f" 26 0xffffffff 4
		cat "$out/tmp/image" >>"$f"
	}
	amd v1 "$(printf '%s\n' 'amdvi tables-at=0x1000' 'dte 00:02.0 mode=3 domain=1 perm=rw' \
		'map 00:02.0 0x5000 0x200000 8K perm=rw' 'map 00:02.0 0x400000 0x600000 2M page=2M')"
	amd v2 "$(printf '%s\n' 'amdvi tables-at=0x1000' 'dte 00:02.0 mode=4 domain=2 gv glx=0' \
		'gcr3 00:02.0 0' 'map 00:02.0/0 0x5000 0x200000 4K perm=rw user')"
	rm -rf "$out/tmp"
fi

# ---- kernel-text: command lines, kernel log lines, a build configuration (plain and gzip) ----
mkdir -p "$out/kernel-text"
printf '%s\n' 'BOOT_IMAGE=/vmlinuz-6.1.0 root=UUID=1 ro quiet intel_iommu=on,sm_off iommu=pt' \
	>"$out/kernel-text/gen-cmdline"
printf '%s' 'amd_iommu=off iommu.strict=1 "vfio_iommu_type1.allow_unsafe_interrupts=1" intremap=nopost -- init=/bin/sh' \
	>"$out/kernel-text/gen-cmdline-amd"
printf '%s\n' '# Linux/x86 6.1.0 Kernel Configuration' 'CONFIG_IOMMU_SUPPORT=y' 'CONFIG_INTEL_IOMMU=y' \
	'# CONFIG_INTEL_IOMMU_DEFAULT_ON is not set' 'CONFIG_AMD_IOMMU=m' 'CONFIG_IRQ_REMAP=y' \
	>"$out/kernel-text/gen-config"
gzip -9 -c "$out/kernel-text/gen-config" >"$out/kernel-text/gen-config.gz"

# ---- scan: the walkers' memory images without their requests, and the ELF core ----
mkdir -p "$out/scan"
for f in "$out"/walk-vtd/gen-*; do tail -c +49 "$f" >"$out/scan/${f##*/}-vtd"; done
for f in "$out"/walk-smmuv3/gen-*; do [ -f "$f" ] && tail -c +65 "$f" >"$out/scan/${f##*/}-smmuv3"; done
for f in "$out"/walk-amdvi/gen-*; do [ -f "$f" ] && tail -c +33 "$f" >"$out/scan/${f##*/}-amdvi"; done
cp "$out/dump/gen-elf" "$out/scan/gen-elf"
