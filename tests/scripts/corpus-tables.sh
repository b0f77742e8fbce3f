#!/bin/bash
# Every table of the corpus loads, and its length and checksum state agree with
# the corpus's own record (PROVENANCE.tsv: length_ok, checksum_ok), an
# independent account of each file.  The whole corpus in one run, as a
# directory per signature, must also list every table.
set -u
corpus=${SHARED:-../shared}/corpus
[ -f "$corpus/PROVENANCE.tsv" ] || { echo "needs ../shared/corpus"; exit 77; }

bad=0 checked=0
while IFS=$'\t' read -r file _ _ _ _ _ _ _ _ _ _ size length_ok checksum_ok _; do
	[ "$file" = file ] && continue
	case $file in *.bin) ;; *) continue ;; esac
	path=$corpus/$file
	[ -f "$path" ] || { echo "missing $path"; bad=$((bad + 1)); continue; }
	line=$(iommutool tables -a -o checksum,length "$path" 2>/dev/null | sed -n 2p)
	state=${line%% *}
	if [ "$length_ok" = 1 ] && [ "$checksum_ok" = 1 ]; then want=ok
	elif [ "$length_ok" = 1 ]; then want=bad
	else want=truncated; fi
	if [ "$state" != "$want" ]; then
		echo "$file: checksum state '$state', PROVENANCE.tsv says $want"
		bad=$((bad + 1))
	fi
	checked=$((checked + 1))
done < "$corpus/PROVENANCE.tsv"

for dir in dmar ivrs iort viot; do
	want=$(ls "$corpus/$dir"/*.bin | wc -l)
	got=$(iommutool --json tables -o name "$corpus/$dir" 2>/dev/null | grep -c '"name"')
	if [ "$got" != "$want" ]; then
		echo "$dir/: listed $got tables, the directory holds $want"
		bad=$((bad + 1))
	fi
done
echo "$checked corpus tables checked, $bad disagreements"
[ $bad -eq 0 ]
