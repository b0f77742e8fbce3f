#!/bin/bash
# Every corpus DMAR (and ACPICA's DMAR template) decodes to the same field values as the
# reference disassembly beside it (NAME.dsl, iasl 20260408): tests/dsl-agree compares each
# "[offset] Label : value" line with iommutool's decode.  A disagreement passes only when
# tests/agreement/dmar.defects names it as an iasl defect, with the reason.
set -u
corpus=${SHARED:-../shared}/corpus
[ -d "$corpus/dmar" ] || { echo "needs ../shared/corpus/dmar"; exit 77; }
agree=${TOOLS:-build/tests}/dsl-agree
[ -x "$agree" ] || { echo "no $agree: build first"; exit 2; }

"$agree" -d tests/agreement/dmar.defects "$corpus"/dmar/*.bin "$corpus"/templates/dmar.aml
