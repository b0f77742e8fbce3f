#!/bin/bash
# The IORT decode agrees, field by field, with iasl's disassembly of every
# corpus IORT and of ACPICA's IORT template (the NAME.dsl beside each table).
# A disagreement is allowed only when tests/agreement/iort.defects names it as
# an iasl defect.  Tables without a .dsl (iasl could not disassemble them) are
# counted and left out.
set -u
corpus=${SHARED:-../shared}/corpus
[ -d "$corpus/iort" ] && [ -f "$corpus/templates/iort.aml" ] || { echo "needs ../shared/corpus"; exit 77; }

tables=() missing=0
for bin in "$corpus"/iort/*.bin "$corpus"/templates/iort.aml; do
	if [ -f "${bin%.*}.dsl" ]; then
		tables+=("$bin")
	else
		missing=$((missing + 1))
	fi
done
"$TOOLS/dsl-agree" -d tests/agreement/iort.defects "${tables[@]}"
code=$?
echo "$missing table(s) without a disassembly left out"
exit "$code"
