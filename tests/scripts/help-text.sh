#!/bin/bash
# The help reads as help: the command list wraps under its own column, no option points
# at --help from inside --help, and what `tables --help` says --dump writes is what it writes.
set -u
bad=0
complain() { echo "$*"; bad=$((bad + 1)); }

# Every line of the command list is a command or the continuation of one, indented.
commands=$(iommutool --help | sed -n '/^Commands:/,/^$/p' | sed '1d;$d')
[ -n "$commands" ] || complain "--help lists no commands"
while IFS= read -r line; do
	[[ $line =~ ^\ \ [a-z]+\ +[^\ ] || $line =~ ^\ {13}[^\ ] ]] ||
		complain "--help: a command line that is not indented: '$line'"
	[ ${#line} -le 79 ] || complain "--help: a line past column 79: '$line'"
done <<<"$commands"

for cmd in $(iommutool --list-cmds); do
	iommutool "$cmd" --help | grep -n -- '(see --help)' |
		sed "s/^/$cmd --help: an option that sends the reader to --help: /" | grep . &&
		bad=$((bad + 1))
done

# tables --dump: the name the help gives is the name of the file written.
table=${SHARED:-../shared}/corpus/templates/dmar.aml
if [ -f "$table" ]; then
	dir=$(mktemp -d "${TMPROOT:-/tmp}/help-text.XXXXXX")
	iommutool tables --dump "$dir/out" "$table" >/dev/null || complain "tables --dump failed"
	written=$(ls "$dir/out")
	iommutool tables --help | tr -s ' \n' '  ' | grep -qF "($written)" ||
		complain "tables --help does not name the file --dump writes ($written)"
	rm -rf "$dir"
fi
[ $bad -eq 0 ] && echo "help text agrees with itself and the binary"
[ $bad -eq 0 ]
