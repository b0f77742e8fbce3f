#!/bin/bash
# Every command has its man page; each page's SYNOPSIS names exactly the command's own
# options (as the binary lists them); every option iommutool(1) and the completions name exists,
# and --version prints it; iommutool-validate(1) documents every check id;
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

# Every option iommutool(1) and the completions name exists: the global ones as the top-level
# --help lists them (argp's --help, --usage, --version too), the others as a command lists them.
options() { grep -oE -- '(^|[] ["(|,=])--?[a-zA-Z?][-a-zA-Z0-9]*' | tr -d '] "(|,=' | sed -E 's/^-(.)\1+$/-\1/' | sort -u; }
top=$(iommutool --help | options)
any=$( { iommutool --list-opts; for cmd in $(iommutool --list-cmds); do iommutool "$cmd" --list-opts; done; } |
	tr ' =' '\n\n' | sort -u)
for opt in $(sed -n '/^\.SH GLOBAL OPTIONS/,/^\.SH [^G]/p' man/iommutool.1 | sed 's/\\-/-/g' | options); do
	grep -qxF -- "$opt" <<<"$top" || complain "man/iommutool.1: GLOBAL OPTIONS names $opt, which iommutool does not take"
done
for file in completions/*; do
	# Long options only: the short ones there are the shell's own (compgen -W, [ -z ]).
	for opt in $(grep -v '^ *#' "$file" | sed -E 's/--list-[a-z]+//g' | options | grep -- '^--'); do
		grep -qxF -- "$opt" <<<"$top" || grep -qxF -- "$opt" <<<"$any" ||
			complain "$file: names $opt, which no iommutool command takes"
	done
done

for opt in --version -V; do
	[[ $(iommutool $opt) == "iommutool "[0-9]* ]] || complain "iommutool $opt does not print the version"
done

if iommutool validate --list-checks >/dev/null 2>&1; then
	for id in $(iommutool validate --list-checks | awk 'NR > 1 { print $1 }'); do
		grep -qF -- "$id" man/iommutool-validate.1 || complain "iommutool-validate.1 does not document $id"
	done
fi

if command -v groff >/dev/null; then
	for page in man/*.[13]; do
		warnings=$(groff -man -ww -z "$page" 2>&1)
		[ -z "$warnings" ] || complain "$page: $warnings"
	done
fi
[ $bad -eq 0 ] && echo "man pages agree with the binary"
[ $bad -eq 0 ]
