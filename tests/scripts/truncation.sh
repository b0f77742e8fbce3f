#!/bin/bash
# Every template table (one of each type, every structure and node type) cut at every
# byte, and with its length field claiming more than there is: tables, decode and
# validate end with a documented exit code, never a crash or a hang, and --json stays
# one valid document.  Under `make check-sanitize` this also proves no out-of-bounds read.
set -u
templates=${SHARED:-../shared}/corpus/templates
[ -d "$templates" ] || { echo "needs ../shared/corpus/templates"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

bad=0 runs=0
documented=" 0 1 2 65 "
check() {	# check FILE: every command on it
	local file=$1 cmd code
	for cmd in tables decode validate; do
		timeout 10 "$IOMMUTOOL" "$cmd" "$file" >/dev/null 2>"$tmp/err"
		code=$?
		runs=$((runs + 1))
		if [[ $documented != *" $code "* ]]; then
			echo "$cmd $(basename "$file") (${2:-}): exit $code"; head -5 "$tmp/err"
			bad=$((bad + 1))
		fi
		timeout 10 "$IOMMUTOOL" --json "$cmd" "$file" 2>/dev/null | "$TOOLS/json-check" ||
			{ echo "$cmd --json $(basename "$file") (${2:-}): not one JSON document"; bad=$((bad + 1)); }
	done
}

for table in "$templates"/*.aml; do
	size=$(stat -c %s "$table")
	for ((n = 0; n <= size; n++)); do
		head -c $n "$table" >"$tmp/cut"
		check "$tmp/cut" "cut at $n"
	done
	# The header's Length set to 0xffffff: the table claims far more than is there.
	{ head -c 4 "$table"; printf '\377\377\377\000'; tail -c +9 "$table"; } >"$tmp/long"
	check "$tmp/long" "length 0xffffff"
	[ $bad -gt 20 ] && break
done
echo "$runs runs, $bad with an undocumented exit code or broken JSON"
[ $bad -eq 0 ]
