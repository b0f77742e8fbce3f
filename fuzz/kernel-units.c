// SPDX-License-Identifier: MIT
/*
 * Unit discovery over arbitrary memory: the input is a dump (an ELF core,
 * kdump-compressed file or anything else); its kernel is asked for its
 * release, command line, log and IOMMU units, as translate, walk and fault
 * --dump ask, and everything returned is touched.
 */
#include <stdlib.h>
#include <unistd.h>

#include "common.h"

static void touch_units(const struct iommu_regs *regs)
{
	static const char *const names[] = { "RTADDR", "CAP", "ECAP", "IRTA", "IQA",
					     "DEV_TABLE_BASE", "EFR", "STRTAB_BASE", "STRTAB_BASE_CFG",
					     "IDR0", "IDR1", "IDR3", "IDR5" };
	uint64_t v;

	for (size_t u = 0; u < iommu_regs_get_unit_count(regs); u++) {
		fuzz_touch_string(iommu_regs_get_unit_name(regs, u));
		fuzz_fold(iommu_regs_get_unit_base(regs, u));
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (iommu_regs_get(regs, u, names[i], &v) == 0)
				fuzz_fold(v);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct iommu_kernel *k;
	struct iommu_regs *regs;
	struct iommu_dump *d;
	char path[32], *text;
	size_t records;
	int fd = fuzz_file(data, size, path);

	if (iommu_dump_open(fuzz_ctx(), path, &d, NULL) < 0) {
		close(fd);
		return 0;
	}
	if (iommu_kernel_new(d, &k) == 0) {
		if (iommu_kernel_load(k) == 0)
			fuzz_touch_string(iommu_kernel_get_release(k));
		if (iommu_kernel_get_cmdline(k, &text) == 0) {
			fuzz_touch_string(text);
			free(text);
		}
		if (iommu_kernel_read_log(k, &text, &records) == 0) {
			fuzz_touch_string(text);
			free(text);
		}
		if (iommu_kernel_find_units(k, &regs) == 0) {
			touch_units(regs);
			iommu_regs_unref(regs);
		}
		fuzz_touch_string(iommu_kernel_get_problem(k));
		iommu_kernel_unref(k);
	}
	iommu_dump_unref(d);
	close(fd);
	return 0;
}
