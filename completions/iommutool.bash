# bash completion for iommutool: the commands, options and the words options take come from
# the binary itself (iommutool --list-cmds, iommutool COMMAND --list-opts, iommutool COMMAND
# --list-values OPTION), so they never drift.
_iommutool()
{
	local cur prev cmd= i opt words
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}

	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--sysroot | --color) ((i++)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done

	# The argument of an option: "--format debugfs", "--format=debugfs" (bash splits at "=").
	opt=
	if [ "$cur" = = ]; then
		opt=$prev
		cur=
	elif [ "$prev" = = ]; then
		opt=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ $prev == -* ]]; then
		# "--output= -o": an option that takes an argument ends in "=".
		[[ $(iommutool ${cmd:+"$cmd"} --list-opts 2>/dev/null |
			grep -E -- "(^| )$prev(=| |\$)") == *=* ]] && opt=$prev
	fi
	if [ -n "$opt" ]; then
		words=$(iommutool ${cmd:+"$cmd"} --list-values="$opt" 2>/dev/null)
		if [ -z "$words" ]; then
			COMPREPLY=($(compgen -f -- "$cur"))
			[ "$opt" = --sysroot ] && COMPREPLY=($(compgen -d -- "$cur"))
		elif [[ $cur == *,* ]]; then
			# A comma-separated list (-o COLUMNS): complete its last item.
			COMPREPLY=($(compgen -P "${cur%,*}," -W "$words" -- "${cur##*,}"))
			compopt -o nospace
		else
			COMPREPLY=($(compgen -W "$words" -- "$cur"))
		fi
		return
	fi

	if [ -z "$cmd" ]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$(iommutool --list-opts 2>/dev/null) --version --help" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$(iommutool --list-cmds 2>/dev/null)" -- "$cur"))
		fi
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(iommutool "$cmd" --list-opts 2>/dev/null)" -- "$cur"))
		[[ ${COMPREPLY[0]:-} == *= ]] && compopt -o nospace
	else
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -F _iommutool iommutool
