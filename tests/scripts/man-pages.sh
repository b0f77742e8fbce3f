#!/bin/bash
# Every command has its man page; each page's SYNOPSIS names exactly the command's own
# options (as the binary lists them); iommutool-validate(1) documents every check id;
# the pages format without warnings where groff is installed.
set -u
bad=0
complain() { echo "$*"; bad=$((bad + 1)); }

globals=$(iommutool --list-opts)
for cmd in $(iommutool --list-cmds); do
	page=man/iommutool-$cmd.1
	[ -f "$page" ] || { complain "no man page for '$cmd' ($page)"; continue; }
	grep -q "iommutool-$cmd (1)" man/iommutool.1 ||
		complain "man/iommutool.1 does not refer to iommutool-$cmd(1)"
	synopsis=$(sed -n '/^\.SH SYNOPSIS/,/^\.SH /p' "$page" | sed 's/\\-/-/g')
	# Each line of --list-opts is one option: its long and short forms.
	own=$(iommutool "$cmd" --list-opts | grep -vxF -f <(printf '%s\n' "$globals") | sed 's/=//')
	while read -r forms; do
		[ -n "$forms" ] || continue
		shown=0
		for opt in $forms; do
			grep -qE -- "(^|[^-a-z])$opt([^-a-z]|$)" <<<"$synopsis" && shown=1
		done
		[ $shown = 1 ] || complain "$page: SYNOPSIS does not show ${forms// / or }"
	done <<<"$own"
	for opt in $(grep -oE -- '(^|[ "])--?[a-zA-Z][-a-z0-9]*' <<<"$synopsis" | tr -d ' "' | sort -u); do
		grep -qw -- "$opt" <<<"$own" || complain "$page: SYNOPSIS shows $opt, which '$cmd' does not take"
	done
done

if iommutool validate --list-checks >/dev/null 2>&1; then
	for id in $(iommutool validate --list-checks | awk 'NR > 1 { print $1 }'); do
		grep -qF -- "$id" man/iommutool-validate.1 || complain "iommutool-validate.1 does not document $id"
	done
fi

if command -v groff >/dev/null; then
	for page in man/*.1; do
		warnings=$(groff -man -ww -z "$page" 2>&1)
		[ -z "$warnings" ] || complain "$page: $warnings"
	done
fi
[ $bad -eq 0 ] && echo "man pages agree with the binary"
[ $bad -eq 0 ]
