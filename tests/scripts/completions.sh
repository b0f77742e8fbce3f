#!/bin/bash
# The bash completion completes what the binary lists: commands, options, and the words an
# option takes (walk --format, status --format, -o's columns, also after a comma, --color),
# file names where an option takes a file; and every word listed is one the option's parser
# accepts, while a word not listed is refused.
set -u
bad=0
complain() { echo "$*"; bad=$((bad + 1)); }
# shellcheck source=/dev/null
. completions/iommutool.bash
compopt() { :; }	# only inside readline's completion

# complete WORD...: the candidates for the last word, sorted, on one line.
complete_words() {
	COMP_WORDS=(iommutool "$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_iommutool
	printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}
expect() {
	local want=$1 got
	shift
	got=$(complete_words "$@")
	[ "$got" = "$want" ] || complain "iommutool $*<TAB>: '$got', not '$want'"
}

dir=$(mktemp -d "${TMPROOT:-/tmp}/completions.XXXXXX")
trap 'rm -rf "$dir"' EXIT
touch "$dir/dump.img"

expect "debugfs text" walk --format ""
expect "debugfs text" walk --format = ""
expect "debugfs" walk --format = d
expect "prometheus" status --format p
expect "group" devices -o gro
expect "group,device group,device_id group,disagree group,driver" devices -o group,d
expect "group,device group,device_id group,disagree group,driver" devices --output group,d
expect "acs" groups -o ac
expect "source source_line source_offset" tables -o sou
expect "always auto" --color = a
expect "$dir/dump.img" walk --dump "$dir/du"
expect "$dir/dump.img" snapshot -o "$dir/du"
expect "--format=" walk --form
expect "walk" wal

# Each word listed is accepted by the option's own parser; a word not listed is refused.
for spec in walk:--format status:--format; do
	cmd=${spec%%:*} opt=${spec#*:}
	words=$(iommutool "$cmd" --list-values="$opt")
	[ -n "$words" ] || complain "$cmd --list-values=$opt lists nothing"
	for w in $words; do
		iommutool "$cmd" "$opt=$w" --help >/dev/null 2>&1 || complain "$cmd $opt=$w is refused"
	done
	iommutool "$cmd" "$opt=not-a-word" --help >/dev/null 2>&1 && complain "$cmd $opt=not-a-word is accepted"
done
for w in $(iommutool --list-values=color); do
	iommutool --color="$w" --list-cmds >/dev/null 2>&1 || complain "--color=$w is refused"
done
[ $bad -eq 0 ] && echo "the completion offers what the binary takes"
[ $bad -eq 0 ]
