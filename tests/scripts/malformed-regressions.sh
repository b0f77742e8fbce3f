#!/bin/bash
# Inputs that once crashed, hung or misled iommutool (most found by fuzzing), in
# tests/data/malformed: each goes through tables, decode and validate, as text and --json,
# bounded in time and memory: a documented exit code (0, 1, 2, 65) and one valid JSON
# document.  NAME.expect beside an input holds lines "COMMAND EXIT REGEX": that command's
# exit code and an extended regular expression its output (stdout and stderr) must match.
# Under `make check-sanitize` a memory error or undefined behaviour fails here too.
set -u
. tests/tools/bounded.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
documented=" 0 1 2 65 "
bad=0 inputs=0

for input in tests/data/malformed/*; do
	case $input in *.expect | *.sh) continue ;; esac
	[ -f "$input" ] || continue
	inputs=$((inputs + 1))
	name=$(basename "$input")
	for cmd in tables decode validate; do
		for json in "" --json; do
			bounded 30 "$IOMMUTOOL" $json "$cmd" "$input" >"$tmp/out" 2>"$tmp/err"
			code=$?
			if [[ $documented != *" $code "* ]]; then
				echo "FAIL: iommutool $json $cmd $name: exit $code"
				head -n 8 "$tmp/err" | sed 's/^/  /'
				bad=$((bad + 1))
			elif [ -n "$json" ] && ! "$TOOLS/json-check" <"$tmp/out"; then
				echo "FAIL: iommutool --json $cmd $name: not one JSON document"
				bad=$((bad + 1))
			fi
		done
	done
	[ -f "${input%.*}.expect" ] || continue
	while read -r cmd want regex; do
		[ -n "$cmd" ] && [ "${cmd#\#}" = "$cmd" ] || continue
		bounded 30 "$IOMMUTOOL" "$cmd" "$input" >"$tmp/out" 2>&1
		code=$?
		if [ "$code" != "$want" ] || ! grep -Eq -- "$regex" "$tmp/out"; then
			echo "FAIL: iommutool $cmd $name: exit $code (want $want), output:"
			head -n 8 "$tmp/out" | sed 's/^/  /'
			echo "  (want a line matching: $regex)"
			bad=$((bad + 1))
		fi
	done <"${input%.*}.expect"
done
echo "$inputs inputs, $bad failed"
[ $inputs -gt 0 ] && [ $bad -eq 0 ]
