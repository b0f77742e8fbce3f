# bash completion for iommutool: the commands and options come from the binary itself
# (iommutool --list-cmds, iommutool COMMAND --list-opts), so they never drift.
_iommutool()
{
	local cur prev cmd i
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}

	case $prev in
	--sysroot | -o | --output | --dump | --registers | --dump-dir)
		COMPREPLY=($(compgen -f -- "$cur"))
		[ "$prev" = --sysroot ] && COMPREPLY=($(compgen -d -- "$cur"))
		return
		;;
	--color)
		COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
		return
		;;
	esac

	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--sysroot | --color) ((i++)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done

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
