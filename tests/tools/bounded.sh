# Sourced by the malformed-input scripts: `bounded SECONDS COMMAND...` runs COMMAND with a time
# limit and a memory limit of 1 GiB, so an input that makes iommutool loop or allocate without
# end fails the test instead of hanging it.  An AddressSanitizer build reserves terabytes of
# address space, so there the limit is on resident memory (ASan's hard_rss_limit_mb) instead
# of on address space (ulimit -v); valgrind, when IOMMUTOOL_WRAP names it, gets the time only.
bounded_kib=1048576
bounded() {
	local seconds=$1
	shift
	if grep -q __asan_init "$1" 2>/dev/null || [ -n "${IOMMUTOOL_WRAP:-}" ]; then
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=$((bounded_kib / 1024))" \
			timeout "$seconds" "$@"
	else
		(ulimit -v $bounded_kib && exec timeout "$seconds" "$@")
	fi
}
