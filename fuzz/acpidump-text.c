// SPDX-License-Identifier: MIT
/*
 * The acpidump text parser on its own, whatever the input's first line: the
 * loader sends only text whose first line is a table header here, so this
 * harness reaches the parser's handling of every other line too.
 */
#include "common.h"
#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct iommu_tables *tables;

	if (iommu_tables_new(fuzz_ctx(), &tables) < 0)
		return 0;
	acpidump_text_parse(tables, "fuzz-input", (const char *)data, size);
	fuzz_walk_tables(tables);
	iommu_tables_unref(tables);
	return 0;
}
