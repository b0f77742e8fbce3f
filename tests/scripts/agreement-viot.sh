#!/bin/bash
# Every corpus VIOT (ACPICA's VIOT template among them) decodes to the same field values as
# the reference disassembly beside it (NAME.dsl, iasl 20260408), compared by tests/dsl-agree;
# a disagreement passes only when tests/agreement/viot.defects names it as an iasl defect.
set -u
corpus=${SHARED:-../shared}/corpus
[ -d "$corpus/viot" ] || { echo "needs ../shared/corpus/viot"; exit 77; }
agree=${TOOLS:-build/tests}/dsl-agree
[ -x "$agree" ] || { echo "no $agree: build first"; exit 2; }

"$agree" -d tests/agreement/viot.defects "$corpus"/viot/*.bin
