#!/bin/bash
# Broken tables, every way: the templates, the VIOTs, the fixtures' DMAR and a sample of real
# corpus tables of each signature (smallest, median, largest) go through tests/tools/malform,
# which cuts each at every byte and sets every length field to 0, 1 and 0xFFFF, every count
# to 0xFFFF and all ones, every offset and reference outside the table, every type to an
# undefined one, and checks in-process that each ends with findings and that the rest of the
# table is still decoded where the format allows.  Then every mutated table goes through
# tables, decode and validate, as text and --json: a documented exit code (0, 1, 2, 65), one
# valid JSON document, bounded time and memory.  (truncation.sh cuts the templates through
# the commands; this complements it.)  MALFORM_ALL=1 takes every corpus table instead of the
# sample (a minute or more).
set -u
shared=${SHARED:-../shared}
[ -d "$shared/corpus/templates" ] || { echo "needs ../shared/corpus"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

inputs=("$shared"/corpus/templates/*.aml "$shared"/corpus/viot/*.bin "$shared"/fixtures/*/acpi/DMAR)
for sig in dmar ivrs iort; do
	if [ "${MALFORM_ALL:-0}" = 1 ]; then
		inputs+=("$shared/corpus/$sig"/*.bin)
		continue
	fi
	mapfile -t by_size < <(ls -S "$shared/corpus/$sig"/*.bin)
	n=${#by_size[@]}
	inputs+=("${by_size[0]}" "${by_size[n / 2]}" "${by_size[n - 1]}")
done

. tests/tools/bounded.sh

mkdir "$tmp/mut"
bounded 300 "$TOOLS/malform" -o "$tmp/mut" "${inputs[@]}" >"$tmp/malform.out"
code=$?
grep -v '^malform: [0-9]* tables' "$tmp/malform.out" | head -n 40
tail -n 1 "$tmp/malform.out"
if [ $code -ne 0 ]; then
	echo "malform: exit $code (1: failed checks; 124: timed out; other: crashed)"
	exit 1
fi

documented=" 0 1 2 65 "
bad=0 runs=0
# check_batch FILE...: each command over the files at once; on a failure, each file alone.
check_batch() {
	local cmd json code ok=1
	for cmd in tables decode validate; do
		for json in "" --json; do
			bounded 30 "$IOMMUTOOL" $json "$cmd" "$@" >"$tmp/out" 2>"$tmp/err"
			code=$?
			runs=$((runs + 1))
			[[ $documented == *" $code "* ]] || ok=0
			[ -z "$json" ] || "$TOOLS/json-check" <"$tmp/out" 2>/dev/null || ok=0
			[ $ok = 1 ] && continue
			if [ $# -gt 1 ]; then
				for f in "$@"; do check_batch "$f"; done
				return
			fi
			echo "FAIL: iommutool $json $cmd '$(basename "$1")': exit $code"
			[[ $documented == *" $code "* ]] && echo "  --json output is not one JSON document"
			head -n 5 "$tmp/err" | sed 's/^/  /'
			bad=$((bad + 1))
			return
		done
	done
}

mapfile -t mutated < <(ls "$tmp/mut"/*.bin)
for ((i = 0; i < ${#mutated[@]}; i += 40)); do
	check_batch "${mutated[@]:i:40}"
	[ $bad -gt 20 ] && break
done
echo "${#mutated[@]} mutated tables, $runs command runs, $bad failed"
[ $bad -eq 0 ]
