#!/bin/bash
# The DMAR validator over the whole corpus (every table of ../shared/corpus/dmar and ACPICA's
# template): each table validates (exit 0, 1 or 2; never a crash), and the number of tables
# that trigger each check is the reviewed one below.  A change in these counts is a change in
# what iommutool says about real firmware: review it, then update the list.
set -u
corpus=${SHARED:-../shared}/corpus
[ -d "$corpus/dmar" ] || { echo "needs ../shared/corpus/dmar"; exit 77; }

# check id, tables that trigger it (reviewed: see the comment of each)
expected="\
acpi.reserved_nonzero 3
acpi.unpatched_template 5
dmar.drhd.base_zero 2
dmar.rhsa.incomplete 6
dmar.rmrr.empty 1
dmar.rmrr.unaligned 1
dmar.scope.zero_length 1"
# acpi.reserved_nonzero: scope byte 3 = 0x02 on three Surface models (2022-2023 firmware).
# acpi.unpatched_template: ACPICA's template in three copies (OEM Table ID TEMPLATE, its DRHD at
#   0) and the Coffee/Kaby Lake reference templates before firmware patches them (every DRHD at
#   0, an RMRR [0x0-0x0]); their zeroed bases and ranges are not reported one by one.
# dmar.drhd.base_zero: ThinkPad E15 Gen 2, IdeaPad Flex 15 (known broken: one DRHD at 0 is the
#   only sign, so it is the runtime bug it looks like).
# dmar.rhsa.incomplete: X99/C612 boards with one RHSA for two DRHDs.
# dmar.rmrr.empty, dmar.rmrr.unaligned: HP Compaq 6730b's RMRR [0x0-0x0] (known broken).
# dmar.scope.zero_length: the Kaby Lake reference template's scope placeholder.

bad=0 tables=0
counts=$(for f in "$corpus"/dmar/*.bin "$corpus"/templates/dmar.aml; do
	out=$(iommutool validate "$f" 2>&1)
	code=$?
	if [ $code -gt 2 ]; then
		echo "CRASH $f exit $code" >&2
		echo "crash"
		continue
	fi
	grep -oE '\((dmar|acpi)\.[a-z_.]+' <<<"$out" | tr -d '(' | sort -u
	echo "table"
done | sort | uniq -c | awk '{ print $2, $1 }')
tables=$(awk '$1 == "table" { print $2 }' <<<"$counts")
grep -q '^crash ' <<<"$counts" && bad=$((bad + 1))
got=$(grep -vE '^(table|crash) ' <<<"$counts")
if [ "$got" != "$expected" ]; then
	echo "per-check table counts changed:"
	diff <(echo "$expected") <(echo "$got")
	bad=$((bad + 1))
fi
echo "${tables:-0} DMAR tables validated; per-check counts $([ $bad = 0 ] && echo as reviewed || echo CHANGED)"
[ $bad -eq 0 ]
