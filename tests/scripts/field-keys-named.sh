#!/bin/bash
# The library reads decoded fields back only by a listed name (IORT_KEY(base_address), DMAR_GET,
# ... through FIELD_KEY in lib/internal.h), never by a spelt string, so a misspelt key fails to
# compile instead of reading as 0; tests/unit/test-field-keys.c checks the lists themselves.
set -u
pattern='(dnode_get_[a-z0-9]+|iommu_dnode_find_field|iommu_dnode_get_[a-z0-9]+)\(([^;,()]|\([^()]*\))*,[[:space:]]*"'
found=$(grep -rnE "$pattern" lib --include='*.c' --include='*.h')
if [ -n "$found" ]; then
	echo "fields read back by a spelt key (use the table's *_KEY list):"
	echo "$found"
	exit 1
fi
echo "every field read back in lib/ goes through a listed key"
