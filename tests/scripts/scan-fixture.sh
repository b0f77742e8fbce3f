#!/bin/bash
# Ground truth from a real guest on QEMU's VT-d (../shared/fixtures/q35-vtd-legacy): with no
# register value, `iommutool scan` ranks first the root table RTADDR_REG points to
# (registers.txt, read from the stopped guest), in BOTH the ELF and the kdump-compressed dump,
# as a legacy-mode table, and the option it prints walks the same devices as the register file.
set -u
fixture=${SHARED:-../shared}/fixtures/q35-vtd-legacy
[ -f "$fixture/registers.txt" ] || { echo "needs ../shared/fixtures/q35-vtd-legacy"; exit 77; }
command -v zstd >/dev/null || { echo "needs zstd to unpack the fixture's dumps"; exit 77; }
IOMMUTOOL=${IOMMUTOOL:-build/iommutool}
tmp=$(mktemp -d "${TMPROOT:-${TMPDIR:-/tmp}}/scan-fixture.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
run() { ${IOMMUTOOL_WRAP:-} "$IOMMUTOOL" "$@"; }
zstd -q -d "$fixture/vmcore.elf.zst" -o "$tmp/vmcore.elf" &&
	zstd -q -d "$fixture/vmcore.kdump.zst" -o "$tmp/vmcore.kdump" || { echo "cannot unpack the dumps"; exit 1; }

rtaddr=$(awk '$1 == "RTADDR_REG" { print $NF; exit }' "$fixture/registers.txt")
[ -n "$rtaddr" ] || { echo "registers.txt has no RTADDR_REG"; exit 1; }
want=$(printf '0x%x' "$rtaddr")
bad=0
complain() { echo "$*"; bad=$((bad + 1)); }

run walk --dump "$tmp/vmcore.elf" --registers "$fixture/registers.txt" >"$tmp/walk.registers" ||
	complain "walk with the register file failed"
grep -q '^0000:' "$tmp/walk.registers" || complain "walk with the register file lists no device"
for dump in vmcore.elf vmcore.kdump; do
	if ! run --json scan --dump "$tmp/$dump" >"$tmp/$dump.json"; then
		complain "$dump: scan found nothing"
		continue
	fi
	first=$(tr -d ' \n' <"$tmp/$dump.json" | grep -o '"candidates":\[{[^]]*' | head -1)
	got=$(grep -o '"register":"0x[0-9a-f]*"' <<<"$first" | head -1 | cut -d'"' -f4)
	kind=$(grep -o '"kind":"[a-z0-9-]*"' <<<"$first" | head -1 | cut -d'"' -f4)
	format=$(grep -o '"format":"[a-z0-9 -]*"' <<<"$first" | head -1 | cut -d'"' -f4)
	[ "$kind" = vtd-root ] || complain "$dump: the first candidate is a '$kind', not a VT-d root table"
	[ "$got" = "$want" ] || complain "$dump: the first candidate's RTADDR is $got, RTADDR_REG is $want"
	[ "$format" = legacy ] || complain "$dump: the first candidate is in '$format' mode, not legacy"
	# What the found value walks is what the register file walks.
	run walk --dump "$tmp/$dump" --rtaddr "$got" >"$tmp/walk.$dump" ||
		complain "$dump: walk --rtaddr $got failed"
	diff <(grep '^0000:' "$tmp/walk.registers") <(grep '^0000:' "$tmp/walk.$dump") >/dev/null ||
		complain "$dump: walk --rtaddr $got lists other devices than walk --registers"
done
[ $bad -eq 0 ] && echo "scan ranks the root table at $want first in both dumps"
[ $bad -eq 0 ]
