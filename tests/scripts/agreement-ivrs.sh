#!/bin/bash
# Every corpus IVRS (and ACPICA's IVRS template) decodes to the same field values as the
# reference disassembly beside it (NAME.dsl, iasl 20260408): tests/dsl-agree compares each
# "[offset] Label : value" line with iommutool's decode.  A disagreement passes only when
# tests/agreement/ivrs.defects names it as an iasl defect, with the reason.
set -u
corpus=${SHARED:-../shared}/corpus
[ -d "$corpus/ivrs" ] || { echo "needs ../shared/corpus/ivrs"; exit 77; }
agree=${TOOLS:-build/tests}/dsl-agree
[ -x "$agree" ] || { echo "no $agree: build first"; exit 2; }

"$agree" -d tests/agreement/ivrs.defects "$corpus"/ivrs/*.bin "$corpus"/templates/ivrs.aml
