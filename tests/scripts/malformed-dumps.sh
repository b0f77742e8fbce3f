#!/bin/bash
# Broken memory dumps through the dump commands (walk, walk --mappings, translate, walk
# --interrupts and --queue, scan, as text and --json): raw images and ELF cores that tests/tools/mkimage builds,
# cut short and with ELF headers lying about their segments (sizes and offsets past the file,
# sizes that wrap, overlapping segments, program headers past the file, the wrong class or
# byte order), and, when ../shared has it, the fixture's kdump-compressed dump cut short,
# with header fields that lie and with its compressed pages corrupted.  Each must end with an
# answer or a clear error and a documented exit code (0, 1, 2, 65), one valid JSON document,
# in bounded time and memory; a segment that claims more than the file holds still serves
# the bytes that are there.
set -u
. tests/tools/bounded.sh
. tests/tools/bytes.sh
tmp=$(mktemp -d "${TMPROOT:-${TMPDIR:-/tmp}}/malformed-dumps.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
documented=" 0 1 2 65 "
bad=0 runs=0 dumps=0

cat >"$tmp/tables.txt" <<'EOF'
mode legacy
device 00:02.0 did=1 aw=39
map 00:02.0 0x5000 0x200000 8K perm=rw
map 00:02.0 0x400000 0x600000 2M page=2M perm=r
EOF
rtaddr=$("$TOOLS/mkimage" "$tmp/tables.txt" "$tmp/good.raw") &&
	"$TOOLS/mkimage" --elf "$tmp/tables.txt" "$tmp/good.elf" >/dev/null ||
	{ echo "mkimage failed"; exit 1; }

# The commands, and the scan that reads every page of the dump.
commands=("walk --rtaddr \$rtaddr" "walk --rtaddr \$rtaddr --mappings"
	"translate --rtaddr \$rtaddr -d 00:02.0 0x5000 0x6000 0x400000 0x7000"
	"walk --irta \$((rtaddr | 3)) --interrupts" "walk --iqa \$rtaddr --queue" "scan --all")

# check DUMP [RAW]: every command on it; RAW: read it as a raw image from address 0.
check() {
	local dump=$1 base=() args json code name
	[ "${2:-}" = raw ] && base=(--base 0)
	name=$(basename "$dump")
	dumps=$((dumps + 1))
	for args in "${commands[@]}"; do
		eval "args=\"$args\""
		for json in "" --json; do
			bounded 30 "$IOMMUTOOL" $json $args --dump "$dump" "${base[@]}" \
				>"$tmp/out" 2>"$tmp/err"
			code=$?
			runs=$((runs + 1))
			if [[ $documented != *" $code "* ]]; then
				echo "FAIL: iommutool $json $args --dump $name: exit $code"
				head -n 5 "$tmp/err" | sed 's/^/  /'
				bad=$((bad + 1))
			elif [ -n "$json" ] && ! "$TOOLS/json-check" <"$tmp/out"; then
				echo "FAIL: iommutool --json $args --dump $name: not one JSON document"
				bad=$((bad + 1))
			fi
		done
	done
}

# expect DUMP IOVA PHYS: translate still answers from what the dump holds.
expect() {
	bounded 30 "$IOMMUTOOL" translate --rtaddr "$rtaddr" -d 00:02.0 "$2" --dump "$1" \
		>"$tmp/out" 2>&1
	grep -q -- "-> $3" "$tmp/out" ||
		{ echo "FAIL: $(basename "$1"): $2 should still translate to $3:"; head -n 3 "$tmp/out"; bad=$((bad + 1)); }
}

# The good ones answer.
expect "$tmp/good.elf" 0x5000 0x200000
check "$tmp/good.elf"
check "$tmp/good.raw" raw

# Cut short: in the headers, at the first table page, inside it, and a byte before the end.
elf_size=$(stat -c %s "$tmp/good.elf")
for cut in 0 3 16 63 64 100 119 120 $((0x1000)) $((0x1800)) $((elf_size - 1)); do
	head -c $cut "$tmp/good.elf" >"$tmp/elf-cut-$cut"
	check "$tmp/elf-cut-$cut"
	head -c $cut "$tmp/good.raw" >"$tmp/raw-cut-$cut"
	check "$tmp/raw-cut-$cut" raw
done

# ELF headers that lie.  e_phoff at 32, e_phentsize at 54, e_phnum at 56; the first program
# header (PT_LOAD of the table pages): p_offset at +8, p_paddr at +24, p_filesz at +32,
# p_memsz at +40.
ph=$(getn "$tmp/good.elf" 32 4)
filesz=$(getn "$tmp/good.elf" $((ph + 32)) 6)
lie() {	# lie NAME OFFSET VALUE BYTES: a copy of the good ELF with one field changed
	cp "$tmp/good.elf" "$tmp/elf-$1"
	putn "$tmp/elf-$1" "$2" "$3" "$4"
	check "$tmp/elf-$1"
}
lie filesz-huge $((ph + 32)) 0x0000ffffffffffff 8
lie filesz-past-end $((ph + 32)) $((filesz + 0x10000)) 8
lie filesz-wraps $((ph + 32)) 0xfffffffffffff800 8
lie offset-past-end $((ph + 8)) 0x100000000 8
lie offset-wraps $((ph + 8)) 0xfffffffffffff000 8
lie memsz-short $((ph + 40)) 0x1000 8
lie paddr-wraps $((ph + 24)) 0xfffffffffffff000 8
lie phnum-huge 56 0xffff 2
lie phnum-zero 56 0 2
lie phoff-past-end 32 0x7fffffff0000 8
lie phentsize-zero 54 0 2
lie phentsize-short 54 8 2
lie class-32 4 1 1
lie big-endian 5 2 1
# A segment that claims more than the file holds still serves what is there.
expect "$tmp/elf-filesz-past-end" 0x5000 0x200000
expect "$tmp/elf-filesz-huge" 0x5000 0x200000
# Two segments over the same addresses: a second program header copied from the first.
cp "$tmp/good.elf" "$tmp/elf-overlap"
dd if="$tmp/good.elf" of="$tmp/elf-overlap" bs=1 skip=$ph seek=$((ph + 56)) count=56 conv=notrunc status=none
putn "$tmp/elf-overlap" 56 2 2
putn "$tmp/elf-overlap" $((ph + 56 + 8)) 0 8
check "$tmp/elf-overlap"

# The fixture's kdump-compressed dump, when ../shared has it.
kdump_zst=${SHARED:-../shared}/fixtures/q35-vtd-legacy/vmcore.kdump.zst
if [ -f "$kdump_zst" ] && zstd -q -d "$kdump_zst" -o "$tmp/good.kdump"; then
	# disk_dump_header: block_size at 428, sub_hdr_size 432, bitmap_blocks 436, max_mapnr 440.
	rtaddr=$(awk '$1 == "RTADDR_REG" { print $5 }' "${kdump_zst%/*}/registers.txt")
	size=$(stat -c %s "$tmp/good.kdump")
	block=$(getn "$tmp/good.kdump" 428 4)
	# Not scan: it reads every page, and over a cut file libkdumpfile's reads through mmap(2)
	# fault (SIGBUS) on the pages past its end until the dump layer has it use read(2).
	unset 'commands[5]'

	for cut in 100 $block $((2 * block)) $((size / 2)) $((size - 1)); do
		head -c $cut "$tmp/good.kdump" >"$tmp/kdump-cut-$cut"
		check "$tmp/kdump-cut-$cut"
	done
	for field in "block_size 428 0" "block_size 428 1" "block_size 428 0x7fffffff" \
		"sub_hdr_size 432 0x7fffffff" "bitmap_blocks 436 0xffffffff" \
		"max_mapnr 440 0xffffffff" "max_mapnr 440 1"; do
		set -- $field
		cp "$tmp/good.kdump" "$tmp/kdump-$1-$3"
		putn "$tmp/kdump-$1-$3" "$2" "$3" 4
		check "$tmp/kdump-$1-$3"
	done
	# Compressed pages corrupted: 64 bytes every 16 KiB through the second half (page data).
	cp "$tmp/good.kdump" "$tmp/kdump-pages-corrupt"
	for ((off = size / 2; off < size - 64; off += 16384)); do
		head -c 64 /dev/zero | tr '\0' '\245' |
			dd of="$tmp/kdump-pages-corrupt" bs=1 seek=$off conv=notrunc status=none
	done
	check "$tmp/kdump-pages-corrupt"
	rm -f "$tmp"/*.kdump "$tmp"/kdump-*
else
	echo "(no kdump-compressed dump: ../shared/fixtures/q35-vtd-legacy absent)"
fi

echo "$dumps dumps, $runs command runs, $bad failed"
[ $bad -eq 0 ]
