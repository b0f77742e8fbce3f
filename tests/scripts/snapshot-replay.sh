#!/bin/bash
# A snapshot replays byte for byte: for the fixtures, for every test sysroot of
# tests/sysroots and for this machine (as root, and as nobody when run as root), the
# output and exit code of status, devices, groups, decode and validate (text and --json,
# -v, -o, --tree) are the same read from the original as from `snapshot -o DIR` replayed
# with --sysroot DIR.  Paths that name the sysroot itself (decode's and validate's
# source lines) are the only difference allowed.
set -u
# Below /tmp, not the runner's private directory: nobody must reach it too.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/iommutool-replay.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
# JSON carries every column and check; the text forms add the tree and the register decode.
commands=("--json status" "-v status" "--json devices" "devices --tree" "--json groups"
	  "-v decode" "validate")

# run AS ROOT ARGS: iommutool's stdout and exit code, the sysroot's own path removed.
run() {
	local as=$1 root=$2 out
	shift 2
	if [ "$root" = / ]; then
		out=$($as "$IOMMUTOOL" "$@" 2>/dev/null)
	else
		out=$($as "$IOMMUTOOL" --sysroot "$root" "$@" 2>/dev/null)
	fi
	local code=$?
	[ "$root" = / ] || out=${out//$root/}
	printf '%s\n[exit %d]\n' "$out" $code
}

# compare NAME AS ORIGINAL: snapshot ORIGINAL as AS, then every command on both; the
# differences go to $tmp/NAME.bad.
compare() {
	local name=$1 as=$2 original=$3 snap=$tmp/snap-$1 cmd
	mkdir "$snap" && chmod 777 "$snap"
	if [ "$original" = / ]; then
		$as "$IOMMUTOOL" snapshot -o "$snap" >/dev/null
	else
		$as "$IOMMUTOOL" --sysroot "$original" snapshot -o "$snap" >/dev/null
	fi || { echo "$name: snapshot failed" >"$tmp/$name.bad"; return; }
	for cmd in "${commands[@]}"; do
		# shellcheck disable=SC2086
		if ! diff -u <(run "$as" "$original" $cmd) <(run "$as" "$snap" $cmd) >"$tmp/$name.diff"; then
			{ echo "$name: '$cmd' differs after replay:"; head -n 20 "$tmp/$name.diff"; } >>"$tmp/$name.bad"
		fi
	done
}

# Each original in the background: they are independent.
for fixture in ${FIXTURES:+"$FIXTURES"/*/}; do
	[ -d "$fixture/sys" ] || continue
	compare "fixture-$(basename "$fixture")" "" "${fixture%/}" &
done
for desc in tests/sysroots/*.desc; do
	name=$(basename "$desc" .desc)
	tests/sysroots/make-sysroot.sh "$desc" "$tmp/root-$name" || { echo "$desc: cannot build"; exit 1; }
	compare "sysroot-$name" "" "$tmp/root-$name" &
done
# This machine: what it can read as root, and as nobody what needs no root.
if [ "$(id -u)" = 0 ]; then
	compare live-root "" / &
	command -v setpriv >/dev/null &&
		compare live-nobody "setpriv --reuid=65534 --regid=65534 --clear-groups" / &
else
	compare live-user "" / &
fi
wait
originals=$(find "$tmp" -maxdepth 1 -name 'snap-*' | wc -l)
cat "$tmp"/*.bad 2>/dev/null
bad=$(cat "$tmp"/*.bad 2>/dev/null | grep -c 'differs after replay\|snapshot failed')
echo "$originals originals, ${#commands[@]} commands each: $bad differ"
[ "$bad" -eq 0 ]
