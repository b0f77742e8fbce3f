#!/bin/bash
# Seeds that no test input provides, made small so the fuzzers start inside the formats:
#   walk-vtd/  a request and a memory image with legacy and scalable-mode VT-d structures
#              (root, context, PASID directory and table, 3-level tables with a 4 KiB and a
#              2 MiB leaf), an interrupt remapping table and an invalidation queue
#   dump/      an ELF core with a segment whose memory size exceeds its file size, a raw image
#   regfile/   NAME VALUE lines and the kernel's debugfs iommu_regset text
#   fault/     DMAR fault lines of the kernel's formats
#   sysroot/   each fixture's sysroot (FIXTURES: the unpacked sysroots) packed as entries
#
#   FIXTURES=DIR fuzz/seeds.sh CORPUS_DIR      (writes CORPUS_DIR/HARNESS/gen-*)
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
