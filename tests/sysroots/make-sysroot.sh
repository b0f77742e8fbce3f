#!/bin/bash
# Build a small sysroot (sysfs, procfs, ACPI tables, kernel log) from a description, so that
# `iommutool --sysroot DIR` sees one machine state.  Usage: make-sysroot.sh DESC DIR
#
# A description is one directive a line ('#' starts a comment):
#   cpu VENDOR [FLAG...]            /proc/cpuinfo (VENDOR "arm": an Arm CPU implementer line)
#   release RELEASE                 /proc/version and /proc/sys/kernel/osrelease
#   cmdline TEXT                    /proc/cmdline
#   config SYM=y|m|n ...            /boot/config-RELEASE (n: "# CONFIG_SYM is not set")
#   table SIG FILE                  tests/sysroots/tables/FILE as /sys/firmware/acpi/tables/SIG
#   devicetree COMPATIBLE           booted with a device tree: /sys/firmware/devicetree/base, and
#                                   no /sys/firmware/acpi (the kernel makes none without ACPI)
#   unit NAME intel ADDR CAP ECAP   a VT-d unit (/sys/class/iommu/NAME, intel-iommu/*)
#   unit NAME amd PCI FEATURES      an AMD-Vi unit below PCI function PCI (amd-iommu/*)
#   unit NAME arm PLATFORM          an SMMU below platform device PLATFORM
#   unit NAME virtio PCI            a virtio-iommu, PCI function PCI (named after it by Linux)
#   pci BDF VENDOR DEVICE CLASS [driver=D] [group=N] [unit=U] [parent=BDF] [bus=SEC]
#                                   a PCI function (a bridge when bus= names its secondary bus)
#   platform NAME [driver=D] [group=N] [unit=U]   a platform device
#   group N TYPE [START-END:KIND...]  an IOMMU group, its type and reserved regions
#   groupname N NAME                /sys/kernel/iommu_groups/N/name
#   irq CHIP COUNT                  COUNT lines of /proc/interrupts with that chip
#   log TEXT                        a kernel log line (dmesg.txt; none without a log line)
#   file PATH TEXT                  any file, e.g. a module parameter
#   rootfs BDF DISK PART MAJ:MIN    the root file system on partition PART of DISK below BDF
#   route BDF IFACE                 the default route through IFACE below BDF
set -eu

desc=$1
root=$2
tables=$(dirname "$0")/tables
release=6.1.0-test
irq=16
lineno=0

mkdir -p "$root"/proc/sys/kernel "$root"/proc/1 "$root"/sys/firmware/acpi/tables \
	"$root"/sys/class/iommu "$root"/sys/kernel/iommu_groups "$root"/sys/bus/pci/devices \
	"$root"/sys/bus/pci/drivers "$root"/sys/bus/platform/drivers "$root"/sys/devices/pci0000:00 \
	"$root"/boot
ln -sfn 1 "$root"/proc/self
printf '           CPU0\n' >"$root"/proc/interrupts

die() { echo "make-sysroot: $desc:$lineno: $*" >&2; exit 1; }

# A relative link at LINK (a path on the machine) to TARGET (a path on the machine).
link() {
	mkdir -p "$root$(dirname "$1")"
	ln -sfn "$(realpath -m --relative-to="$(dirname "$1")" "$2")" "$root$1"
}

put() { mkdir -p "$root$(dirname "$1")"; printf '%s\n' "$2" >"$root$1"; }

# Where a PCI function lives: below its parent bridge, else on the root bus.
declare -A pci_path unit_path
pci_dir() { echo "${pci_path[$1]:-/sys/devices/pci0000:00/$1}"; }

# Little-endian bytes of a 256-byte configuration header: ids, class, header type, buses.
config_space() {
	local vendor=$1 device=$2 class=$3 secondary=$4 bytes=() i
	for ((i = 0; i < 256; i++)); do bytes[i]=0; done
	bytes[0]=$((vendor & 0xff)) bytes[1]=$((vendor >> 8))
	bytes[2]=$((device & 0xff)) bytes[3]=$((device >> 8))
	bytes[4]=7 bytes[6]=0x10
	bytes[9]=$((class & 0xff)) bytes[10]=$(((class >> 8) & 0xff)) bytes[11]=$((class >> 16))
	if [ -n "$secondary" ]; then
		bytes[14]=1 bytes[25]=$secondary bytes[26]=$secondary
	fi
	for ((i = 0; i < 256; i++)); do printf "\\x$(printf %02x $((bytes[i])))"; done
}

attach() {	# DEVDIR NAME BUS driver=... group=... unit=...
	local dir=$1 name=$2 bus=$3 opt
	shift 3
	link "$dir/subsystem" "/sys/bus/$bus"
	for opt in "$@"; do
		case $opt in
		driver=*)
			mkdir -p "$root/sys/bus/$bus/drivers/${opt#driver=}"
			link "$dir/driver" "/sys/bus/$bus/drivers/${opt#driver=}"
			link "/sys/bus/$bus/drivers/${opt#driver=}/$name" "$dir" ;;
		group=*)
			link "$dir/iommu_group" "/sys/kernel/iommu_groups/${opt#group=}"
			link "/sys/kernel/iommu_groups/${opt#group=}/devices/$name" "$dir" ;;
		unit=*)
			[ -n "${unit_path[${opt#unit=}]:-}" ] || die "unit ${opt#unit=} comes first"
			link "$dir/iommu" "${unit_path[${opt#unit=}]}"
			link "${unit_path[${opt#unit=}]}/devices/$name" "$dir" ;;
		parent=* | bus=*) ;;
		*) die "unknown option $opt" ;;
		esac
	done
}

while IFS= read -r line || [ -n "$line" ]; do
	lineno=$((lineno + 1))
	line=${line%%#*}
	read -r verb rest <<<"$line" || true
	[ -n "${verb:-}" ] || continue
	read -r -a args <<<"$rest" || true
	case $verb in
	cpu)
		if [ "${args[0]}" = arm ]; then
			printf 'processor\t: 0\nBogoMIPS\t: 50.00\nCPU implementer\t: 0x41\n' >"$root"/proc/cpuinfo
		else
			printf 'processor\t: 0\nvendor_id\t: %s\nflags\t\t: fpu vme de pse tsc msr pae %s\n' \
				"${args[0]}" "${args[*]:1}" >"$root"/proc/cpuinfo
		fi ;;
	release)
		release=${args[0]}
		put /proc/version "Linux version $release (test@sysroot) (gcc) #1 SMP PREEMPT_DYNAMIC"
		put /proc/sys/kernel/osrelease "$release" ;;
	cmdline) put /proc/cmdline "$rest" ;;
	config)
		for sym in "${args[@]}"; do
			case ${sym#*=} in
			n) echo "# CONFIG_${sym%%=*} is not set" ;;
			*) echo "CONFIG_$sym" ;;
			esac
		done >>"$root/boot/config-$release" ;;
	table) cp "$tables/${args[1]}" "$root/sys/firmware/acpi/tables/${args[0]}" ;;
	devicetree)
		rm -r "$root"/sys/firmware/acpi
		put /sys/firmware/devicetree/base/compatible "$rest" ;;
	unit)
		name=${args[0]}
		case ${args[1]} in
		intel)
			dir=/sys/devices/virtual/iommu/$name
			put "$dir/intel-iommu/address" "${args[2]}"
			put "$dir/intel-iommu/cap" "${args[3]}"
			put "$dir/intel-iommu/ecap" "${args[4]}"
			put "$dir/intel-iommu/version" "1:0" ;;
		amd)
			dir=$(pci_dir "${args[2]}")/iommu/$name
			put "$dir/amd-iommu/cap" "40"
			put "$dir/amd-iommu/features" "${args[3]}" ;;
		arm) dir=/sys/devices/platform/${args[2]}/iommu/$name ;;
		virtio)
			dir=$(pci_dir "${args[2]}")/iommu/$name
			link "$dir/device" "$(pci_dir "${args[2]}")" ;;
		*) die "unknown unit kind ${args[1]}" ;;
		esac
		mkdir -p "$root$dir/devices"
		unit_path[$name]=$dir
		link "/sys/class/iommu/$name" "$dir" ;;
	pci)
		bdf=${args[0]} secondary=
		dir=/sys/devices/pci0000:00/$bdf
		for opt in "${args[@]:4}"; do
			case $opt in
			parent=*) dir=$(pci_dir "${opt#parent=}")/$bdf ;;
			bus=*) secondary=$((0x${opt#bus=})) ;;
			esac
		done
		pci_path[$bdf]=$dir
		put "$dir/vendor" "0x${args[1]}"
		put "$dir/device" "0x${args[2]}"
		put "$dir/class" "0x${args[3]}"
		put "$dir/irq" "0"
		config_space $((0x${args[1]})) $((0x${args[2]})) $((0x${args[3]})) "$secondary" \
			>"$root$dir/config"
		link "/sys/bus/pci/devices/$bdf" "$dir"
		attach "$dir" "$bdf" pci "${args[@]:4}" ;;
	platform)
		dir=/sys/devices/platform/${args[0]}
		mkdir -p "$root$dir"
		link "/sys/bus/platform/devices/${args[0]}" "$dir"
		attach "$dir" "${args[0]}" platform "${args[@]:1}" ;;
	group)
		dir=/sys/kernel/iommu_groups/${args[0]}
		mkdir -p "$root$dir/devices"
		put "$dir/type" "${args[1]}"
		: >"$root$dir/reserved_regions"
		for region in "${args[@]:2}"; do
			range=${region%%:*}
			printf '0x%016x 0x%016x %s\n' "$((${range%%-*}))" "$((${range#*-}))" "${region#*:}" \
				>>"$root$dir/reserved_regions"
		done ;;
	groupname) put "/sys/kernel/iommu_groups/${args[0]}/name" "${args[1]}" ;;
	irq)
		for ((i = 0; i < args[1]; i++)); do
			printf '%3d:          %d  %s  %d-edge      dev%d\n' "$irq" "$i" "${args[0]}" "$i" "$irq"
			irq=$((irq + 1))
		done >>"$root"/proc/interrupts ;;
	log) printf '[    1.%06d] %s\n' "$lineno" "$rest" >>"$root"/dmesg.txt ;;
	file) put "${args[0]}" "${rest#* }" ;;
	rootfs)
		blk=$(pci_dir "${args[0]}")/block/${args[1]}/${args[2]}
		mkdir -p "$root$blk"
		link "/sys/dev/block/${args[3]}" "$blk"
		link "/sys/class/block/${args[2]}" "$blk"
		put /proc/1/mountinfo "22 1 ${args[3]} / / rw,relatime shared:1 - ext4 /dev/${args[2]} rw" ;;
	route)
		net=$(pci_dir "${args[0]}")/net/${args[1]}
		mkdir -p "$root$net"
		link "/sys/class/net/${args[1]}" "$net"
		mkdir -p "$root"/proc/net
		printf 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n' \
			>"$root"/proc/net/route
		printf '%s\t00000000\t0102A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n' "${args[1]}" \
			>>"$root"/proc/net/route ;;
	*) die "unknown directive '$verb'" ;;
	esac
done <"$desc"
