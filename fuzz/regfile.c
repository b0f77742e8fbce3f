// SPDX-License-Identifier: MIT
/* The register-file parser: "NAME VALUE" lines and the kernel's debugfs iommu_regset text. */
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "VER", "CAP", "ECAP", "GSTS", "RTADDR", "IRTA", "IQA",
					     "IQH", "IQT", "FSTS", "FRCD0_LO", "FRCD0_HI" };
	struct iommu_regs *regs;
	uint64_t value;

	if (iommu_regs_parse(fuzz_ctx(), (const char *)data, size, &regs) < 0)
		return 0;
	for (size_t u = 0; u < iommu_regs_get_unit_count(regs); u++) {
		fuzz_touch_string(iommu_regs_get_unit_name(regs, u));
		fuzz_fold(iommu_regs_get_unit_base(regs, u));
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (iommu_regs_get(regs, u, names[i], &value) == 0)
				fuzz_fold(value);
	}
	iommu_regs_unref(regs);
	return 0;
}
