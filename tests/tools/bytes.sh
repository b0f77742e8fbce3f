# Sourced by scripts that make or break binary files (fuzz/seeds.sh, the malformed-input tests):
#   put FILE OFFSET VALUE...    little-endian 64-bit words at OFFSET
#   putn FILE OFFSET VALUE N    one little-endian word of N bytes
#   getn FILE OFFSET N          print the little-endian word of N bytes at OFFSET (N <= 7 for
#                               values bash's arithmetic must not see as negative)
# Offsets and values: anything bash's arithmetic reads (0x... or decimal).
putn() {
	local file=$1 off=$(($2)) v=$(($3)) n=$4 i bytes=
	for ((i = 0; i < n; i++)); do
		bytes+=$(printf '\\x%02x' $(((v >> (8 * i)) & 0xff)))
	done
	printf "$bytes" | dd of="$file" bs=1 seek=$off conv=notrunc status=none
}
put() {
	local file=$1 off=$(($2)) v
	shift 2
	for v in "$@"; do
		putn "$file" $off "$v" 8
		off=$((off + 8))
	done
}
getn() {
	local v=0 b i=0
	for b in $(od -A n -t u1 -j $(($2)) -N "$3" "$1"); do
		v=$((v | b << (8 * i)))
		i=$((i + 1))
	done
	echo $v
}
