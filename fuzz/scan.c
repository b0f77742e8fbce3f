// SPDX-License-Identifier: MIT
/*
 * The table scan: any bytes as a dump file (ELF core, kdump-compressed or
 * raw, as `scan` detects it), searched for VT-d root tables, SMMUv3 stream
 * tables and AMD-Vi device tables with no register value, keeping weak
 * candidates too; every candidate and its evidence read back.
 */
#include <stdlib.h>
#include <unistd.h>

#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct iommu_dump *dump;
	struct iommu_scan *scan;
	char path[32];
	int fd = fuzz_file(data, size, path);

	if (iommu_dump_open(fuzz_ctx(), path, &dump, NULL) < 0) {
		close(fd);
		return 0;
	}
	if (iommu_scan_dump(dump, IOMMU_SCAN_ALL, &scan) == 0) {
		const struct iommu_scan_candidate *c;

		fuzz_fold(iommu_scan_get_pages(scan));
		for (size_t i = 0; (c = iommu_scan_get_candidate(scan, i)); i++) {
			fuzz_touch_string(iommu_scan_kind_name(iommu_scan_candidate_get_kind(c)));
			fuzz_touch_string(iommu_scan_candidate_get_format(c));
			fuzz_fold(iommu_scan_candidate_get_addr(c) ^
				  iommu_scan_candidate_get_register(c) ^
				  iommu_scan_candidate_get_register2(c) ^
				  iommu_scan_candidate_get_score(c) ^
				  iommu_scan_candidate_get_entries(c) ^
				  iommu_scan_candidate_get_domains(c) ^
				  iommu_scan_candidate_get_tables(c));
			for (size_t e = 0; e < iommu_scan_candidate_get_evidence_count(c); e++)
				fuzz_touch_string(iommu_scan_candidate_get_evidence(c, e));
		}
		if (iommu_scan_get_candidate(scan, iommu_scan_get_count(scan)))
			abort();	/* the count is the number of candidates */
		iommu_scan_unref(scan);
	}
	iommu_dump_unref(dump);
	close(fd);
	return 0;
}
