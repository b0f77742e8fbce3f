#!/bin/bash
# A reader that goes away (`iommutool walk ... | head`) ends iommutool quietly, killed by
# SIGPIPE as coreutils are (141 in the shell), with nothing on standard error — also when
# whoever started it ignores SIGPIPE, and for JSON, which is written at the end.
set -u
bad=0
complain() { echo "$*"; bad=$((bad + 1)); }
dir=$(mktemp -d "${TMPROOT:-/tmp}/closed-pipe.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 2

line='DMAR: [DMA Read NO_PASID] Request device [00:02.0] fault addr 0x9c000000 [fault reason 0x06] PTE Read access is not set'
yes "$line" | head -n 20000 >log
{
	printf 'mode legacy\ndevice 00:04.0 did=5 aw=39\n'
	for i in $(seq 0 3000); do
		printf 'map 00:04.0 0x%x 0x%x 4K\n' $((0x10000000 + i * 0x2000)) $((0x2000000 + i * 0x1000))
	done
} >desc
rtaddr=$("$TOOLS/mkimage" desc img) || { echo "mkimage failed"; exit 2; }

# CASE: a shell command whose first stage is iommutool, its output cut short by head.
check() {
	local label=$1 sigpipe=$2 cmd=$3 status
	if [ "$sigpipe" = ignored ]; then
		status=$( (trap '' PIPE; eval "$cmd" 2>err | head -n 1 >/dev/null; echo "${PIPESTATUS[0]}") )
	else
		status=$( (eval "$cmd" 2>err | head -n 1 >/dev/null; echo "${PIPESTATUS[0]}") )
	fi
	[ "$status" = 141 ] || complain "$label (SIGPIPE $sigpipe): exit $status, not 141 (SIGPIPE)"
	[ ! -s err ] || complain "$label (SIGPIPE $sigpipe): standard error says: $(head -n 3 err)"
}
for sigpipe in default ignored; do
	check "fault | head" $sigpipe 'iommutool fault <log'
	check "--json fault | head" $sigpipe 'iommutool --json fault <log'
	check "walk --mappings | head" $sigpipe "iommutool walk --dump img --rtaddr $rtaddr --mappings"
done
[ $bad -eq 0 ] && echo "a closed pipe ends iommutool quietly"
[ $bad -eq 0 ]
