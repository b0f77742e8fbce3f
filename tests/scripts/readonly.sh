#!/bin/bash
# Read-only by construction: every command (iommutool --list-cmds) runs under strace over the
# fixtures' sysroots, corpus tables, register files and dumps, as text and --json, and no
# system call may open a file for writing or change the file system (open with a write mode,
# O_CREAT or O_TRUNC; mkdir, rename, link, unlink, truncate, chmod, chown, mknod, xattrs,
# utimes) except inside the explicit output directory of `tables --dump DIR` and
# `snapshot -o DIR`.  Then those two must never replace what exists: an existing file (or a
# symbolic link to one) stays as it was unless `tables --dump --force` asks, and `snapshot`
# refuses a directory that is not empty.
set -u
fixtures=${FIXTURES:-}
shared=${SHARED:-../shared}
[ -n "$fixtures" ] && [ -d "$fixtures/q35-vtd-legacy/sys" ] ||
	{ echo "needs the fixtures' sysroots (../shared/fixtures, unpacked by tests/run)"; exit 77; }
command -v strace >/dev/null || { echo "needs strace (tools/install-deps installs it)"; exit 77; }
strace -f -qq -o /dev/null true 2>/dev/null || { echo "strace cannot trace here (no ptrace)"; exit 77; }
# LeakSanitizer cannot run under ptrace; the sanitizer build's leak checks run in the other tests.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
tmp=$(mktemp -d "${TMPROOT:-${TMPDIR:-/tmp}}/readonly.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fixture=$shared/fixtures/q35-vtd-legacy
vtd=$fixtures/q35-vtd-legacy
novtd=$fixtures/q35-no-iommu
zstd -q -d "$fixture/vmcore.kdump.zst" -o "$tmp/vmcore.kdump" || { echo "cannot unpack the kdump dump"; exit 1; }
regs=$fixture/registers.txt
dmar=$fixture/acpi/DMAR
fault_line='DMAR: [DMA Read NO_PASID] Request device [00:04.0] fault addr 0xdead000 [fault reason 0x06] PTE Read access is not set'

# Every system call that can write or change a file, and how it shows under strace -y.
syscalls=open,openat,openat2,creat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat,symlink
syscalls+=,symlinkat,unlink,unlinkat,rmdir,truncate,ftruncate,chmod,fchmod,fchmodat,chown,fchown
syscalls+=,lchown,fchownat,mknod,mknodat,utime,utimes,utimensat,futimesat,setxattr,lsetxattr
syscalls+=,fsetxattr,removexattr,lremovexattr,fremovexattr
writes='O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND'
changes='^(mkdir|rename|link|symlink|unlink|rmdir|truncate|ftruncate|chmod|fchmod|chown|fchown|lchown|mknod|utime|futimesat|setxattr|lsetxattr|fsetxattr|removexattr|lremovexattr|fremovexattr)'

bad=0 runs=0
# traced OUTDIR ARGS...: run iommutool ARGS under strace; any write outside OUTDIR ("" for
# none allowed) fails.  The exit code is not judged here: other tests do that.
traced() {
	local outdir=$1 trace=$tmp/trace line name code
	shift
	runs=$((runs + 1))
	strace -f -qq -y -s 4096 -e trace="$syscalls" -o "$trace" "$IOMMUTOOL" "$@" \
		>/dev/null 2>"$tmp/stderr" </dev/null
	code=$?
	if [ ! -s "$trace" ] || [ $code = 64 ]; then
		# A usage error reads nothing worth tracing: this list is out of date.
		echo "FAIL: strace iommutool $*: exit $code, $(wc -l <"$trace") traced calls"
		head -n 3 "$tmp/stderr"
		bad=$((bad + 1))
	fi
	while IFS= read -r line; do
		# The pid, which strace pads to a width: "8571  open...", "  12  open...".
		[[ $line =~ ^\ *[0-9]+\ +(.*)$ ]] && line=${BASH_REMATCH[1]}
		name=${line%%(*}
		if [[ $name == open* || $name == creat ]]; then
			[[ $line =~ $writes ]] || [ "$name" = creat ] || continue
		elif ! [[ $name =~ $changes ]]; then
			continue
		fi
		# Inside the output directory: its path, or a descriptor strace -y shows as it.
		if [ -n "$outdir" ] && [[ $line == *"\"$outdir"* || $line == *"<$outdir>"* ||
			$line == *"<$outdir/"* ]]; then
			continue
		fi
		echo "FAIL: iommutool $*: $line"
		bad=$((bad + 1))
	done <"$trace"
}

# Each command's inputs, run as text and --json ("!": as text only); a command this list does
# not know yet still runs on the sysroot.
invocations() {
	case $1 in
	status | devices | groups)
		echo "--sysroot $vtd $1"; echo "--sysroot $novtd $1"; echo "--sysroot $vtd $1 -v" ;;
	tables)
		echo "--sysroot $vtd tables -a"; echo "! tables --hex $dmar"
		echo "tables $shared/corpus/templates"; echo "tables $shared/corpus/fwts" ;;
	decode | validate)
		echo "--sysroot $vtd $1"; echo "--sysroot $novtd $1"; echo "$1 $dmar"
		echo "$1 $shared/corpus/templates"; echo "$1 $shared/corpus/viot"
		echo "$1 $shared/corpus/fwts" ;;
	translate)
		echo "translate --dump $tmp/vmcore.kdump --registers $regs --device 00:04.0 0x0 0xfffff000"
		echo "translate --dump $tmp/vmcore.kdump --rtaddr 0x601f000 --device 00:04.0 0x1000" ;;
	walk)
		echo "walk --dump $tmp/vmcore.kdump --registers $regs"
		echo "walk --dump $tmp/vmcore.kdump --registers $regs --device 00:04.0 --mappings"
		echo "walk --dump $tmp/vmcore.kdump --registers $regs --interrupts"
		echo "walk --dump $tmp/vmcore.kdump --registers $regs --queue" ;;
	fault)
		echo "fault --dump $tmp/vmcore.kdump --registers $regs" ;;
	scan)
		echo "scan --dump $tmp/vmcore.kdump --all" ;;
	snapshot)
		;;	# below, with its output directory
	*)
		echo "--sysroot $vtd $1" ;;
	esac
}

# The check can fail: the writes of `tables --dump`, allowed nowhere, are caught.
traced "" --sysroot "$vtd" tables --dump "$tmp/control" >"$tmp/control.out"
[ $bad -gt 0 ] || { echo "FAIL: the trace did not catch the writes of tables --dump:"
	cat "$tmp/control.out" "$tmp/stderr"; grep -v -e ENOENT -e 'O_RDONLY' "$tmp/trace" | tail -n 20; exit 1; }
bad=0 runs=0

mapfile -t commands < <("$IOMMUTOOL" --list-cmds)
[ ${#commands[@]} -gt 0 ] || { echo "iommutool --list-cmds lists nothing"; exit 1; }
for cmd in "${commands[@]}"; do
	while read -r -a args; do
		[ ${#args[@]} -gt 0 ] || continue
		forms=("" --json)
		[ "${args[0]}" = "!" ] && forms=("") && args=("${args[@]:1}")
		[ "$cmd" = fault ] && args+=("$fault_line")
		for json in "${forms[@]}"; do
			traced "" $json "${args[@]}"
		done
	done < <(invocations "$cmd")
done

# The two outputs: everything they write is inside their directory.
traced "$tmp/dump" --sysroot "$vtd" tables --dump "$tmp/dump"
traced "$tmp/snap" --sysroot "$vtd" snapshot -o "$tmp/snap"
[ -f "$tmp/dump/dmar.dat" ] || { echo "FAIL: tables --dump wrote no dmar.dat"; bad=$((bad + 1)); }
[ -d "$tmp/snap/sys" ] || { echo "FAIL: snapshot -o wrote no sys/"; bad=$((bad + 1)); }

# ... and they never replace anything: a file, and a link to a file outside, stay as they were.
mkdir "$tmp/keep"
echo "precious" >"$tmp/victim"
echo "mine" >"$tmp/keep/dmar.dat"
ln -s "$tmp/victim" "$tmp/keep/apic.dat"
"$IOMMUTOOL" --sysroot "$vtd" tables -a --dump "$tmp/keep" >/dev/null 2>"$tmp/err"
code=$?
[ $code -ne 0 ] && grep -q "exists" "$tmp/err" ||
	{ echo "FAIL: tables --dump over existing files: exit $code, $(head -n 1 "$tmp/err")"; bad=$((bad + 1)); }
[ "$(cat "$tmp/keep/dmar.dat")" = mine ] && [ -L "$tmp/keep/apic.dat" ] &&
	[ "$(cat "$tmp/victim")" = precious ] ||
	{ echo "FAIL: tables --dump replaced an existing file or wrote through a link"; bad=$((bad + 1)); }
"$IOMMUTOOL" --sysroot "$vtd" tables -a --dump "$tmp/keep" --force >/dev/null 2>&1
cmp -s "$tmp/keep/dmar.dat" "$fixture/sysroot/sys/firmware/acpi/tables/DMAR" &&
	[ "$(cat "$tmp/victim")" = precious ] ||
	{ echo "FAIL: tables --dump --force did not replace the file, or wrote through a link"; bad=$((bad + 1)); }
mkdir "$tmp/full"
echo "mine" >"$tmp/full/dmesg.txt"
"$IOMMUTOOL" --sysroot "$vtd" snapshot -o "$tmp/full" >/dev/null 2>&1 &&
	{ echo "FAIL: snapshot -o accepted a directory that is not empty"; bad=$((bad + 1)); }
[ "$(cat "$tmp/full/dmesg.txt")" = mine ] && [ "$(ls "$tmp/full")" = dmesg.txt ] ||
	{ echo "FAIL: snapshot -o changed a directory that is not empty"; bad=$((bad + 1)); }

echo "${#commands[@]} commands, $runs traced runs, $bad writes outside the outputs or replaced files"
[ $bad -eq 0 ]
