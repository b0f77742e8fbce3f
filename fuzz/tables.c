// SPDX-License-Identifier: MIT
/*
 * The generic table loader: any bytes as a file would give them (raw tables
 * back to back, or acpidump text), then every table found decoded and
 * validated.
 */
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct iommu_tables *tables;

	if (iommu_tables_new(fuzz_ctx(), &tables) < 0)
		return 0;
	iommu_tables_load_data(tables, "fuzz-input", data, size);
	fuzz_walk_tables(tables);
	iommu_tables_unref(tables);
	return 0;
}
