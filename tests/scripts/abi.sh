#!/bin/bash
# The library's ABI as written down: lib/libiommu.sym lists by name exactly the symbols the
# library marks IOMMU_EXPORT (default visibility in build/libiommu.a), the shared library
# exports exactly those, and each is declared in the public header.
set -u
sym=lib/libiommu.sym
header=lib/libiommu.h
bad=0
complain() { echo "$*"; bad=$((bad + 1)); }
command -v readelf >/dev/null || { echo "needs readelf (binutils)"; exit 77; }

marked=$(readelf -sW "$O/libiommu.a" |
	awk '$5 == "GLOBAL" && $6 == "DEFAULT" && $7 != "UND" { print $8 }' | sort -u)
listed=$(sed -n '/^global:/,/^local:/p' "$sym" | sed -n 's/^\t\([a-z0-9_]*\);$/\1/p' | sort)
exported=$(nm -D --defined-only "$O/libiommu.so" | awk '{ print $3 }' |
	grep -v '^LIBIOMMU' | sed 's/@.*//' | sort -u)

grep -q '\*' <(sed -n '/^global:/,/^local:/p' "$sym") && complain "$sym exports by pattern"
[ -n "$(printf '%s\n' "$listed" | uniq -d)" ] && complain "$sym lists a symbol twice"
while read -r s; do
	[ -n "$s" ] || continue
	complain "$s is marked IOMMU_EXPORT but not listed in $sym"
done < <(comm -23 <(printf '%s\n' "$marked") <(printf '%s\n' "$listed"))
while read -r s; do
	[ -n "$s" ] || continue
	complain "$s is listed in $sym but the library does not export it"
done < <(comm -13 <(printf '%s\n' "$marked") <(printf '%s\n' "$listed"))
[ "$exported" = "$listed" ] || complain "libiommu.so's exports differ from $sym"
for s in $listed; do
	grep -qw "$s" "$header" || complain "$s is exported but not declared in $header"
done
count=$(printf '%s\n' "$listed" | grep -c .)
[ $bad -eq 0 ] && echo "$count symbols, listed, exported and declared"
[ $bad -eq 0 ]
