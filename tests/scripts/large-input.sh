#!/bin/bash
# A file far larger than any ACPI table (a sparse 500 MB file) is refused as "file too large"
# by tables, decode and validate from its size, before it is read: with memory bounded below
# the file's size, reading it first would fail on memory instead.
set -u
. tests/tools/bounded.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bounded_kib=$((128 * 1024))
truncate -s 500M "$tmp/big"
bad=0
for cmd in tables decode validate; do
	bounded 30 "$IOMMUTOOL" "$cmd" "$tmp/big" >/dev/null 2>"$tmp/err"
	code=$?
	if [ $code != 65 ] || ! grep -q "big.*file too large" "$tmp/err"; then
		echo "FAIL: $cmd of a 500 MB file: exit $code"; head -n 3 "$tmp/err"
		bad=$((bad + 1))
	fi
done
[ $bad -eq 0 ]
