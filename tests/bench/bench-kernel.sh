#!/bin/bash
# make bench: what finding the unit in the dump's own kernel costs.  One translate on the
# kdump-compressed q35-vtd-crash fixture with --dump as the only table option (VMCOREINFO,
# kallsyms decoded, BTF loaded, dmar_drhd_units walked) against the same translate given
# --rtaddr, alternating in the same run; the median of ROUNDS runs each, in CPU time (user +
# system: on a shared machine the wall clock measures the neighbours).  Target: at most 2x.
set -u
fixture=${SHARED:-../shared}/fixtures/q35-vtd-crash
[ -f "$fixture/vmcore.kdump.zst" ] || { echo "bench-kernel: skipped (needs $fixture)"; exit 0; }
command -v zstd >/dev/null || { echo "bench-kernel: skipped (needs zstd)"; exit 0; }
IOMMUTOOL=${IOMMUTOOL:-build/iommutool}
ROUNDS=${ROUNDS:-21}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-kernel.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
zstd -q -d "$fixture/vmcore.kdump.zst" -o "$tmp/vmcore.kdump" || exit 1
rtaddr=$(awk '$1 == "RTADDR_REG" { print $5 }' "$fixture/registers.txt")
args=(translate --dump "$tmp/vmcore.kdump" --device 00:04.0 0x10003000)

# Microseconds of CPU one run takes (user + system), from bash's time.
us() {
	local TIMEFORMAT='%3U %3S' t
	t=$( { time "$IOMMUTOOL" "$@" >/dev/null 2>&1; } 2>&1) || return 1
	awk -v t="$t" 'BEGIN { split(t, a, " "); printf "%d\n", (a[1] + a[2]) * 1000000 }'
}
"$IOMMUTOOL" "${args[@]}" | grep -q -- '-> 0x' || { echo "bench-kernel: the translate fails"; exit 1; }
: >"$tmp/kernel"
: >"$tmp/rtaddr"
for ((i = 0; i < ROUNDS; i++)); do
	us "${args[@]}" >>"$tmp/kernel" || exit 1
	us "${args[@]}" --rtaddr "$rtaddr" >>"$tmp/rtaddr" || exit 1
done
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
k=$(median "$tmp/kernel")
r=$(median "$tmp/rtaddr")
awk -v k="$k" -v r="$r" 'BEGIN {
	if (r < 1000) r = 1000	# bash reports milliseconds
	printf "translate --rtaddr (kdump):       %7.1f ms CPU\n", r / 1000
	printf "translate, --dump only (kdump):   %7.1f ms CPU  %.2fx the --rtaddr time  %s\n", k / 1000, k / r,
		k <= 2 * r ? "(target <= 2x: met)" : "(target <= 2x: MISSED)"
}'
