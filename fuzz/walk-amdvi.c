// SPDX-License-Identifier: MIT
/*
 * The AMD-Vi walker over arbitrary memory and arbitrary pointers.  The input
 * is a 32-byte request followed by a raw memory image from physical address 0:
 *
 *   0 Device Table Base Address Register   8 Extended Feature Register
 *   16 IOVA   24 device id (2)   26 PASID (4; 0xffffffff: none)
 *   30 flags: bit 0 EFR given, bit 1 privileged, bits 3:2 access,
 *             bit 4 one callback per leaf
 *
 * It translates the IOVA, lists the devices (each DTE decoded too), the
 * mappings of the first ones and the reverse look-up of one page, each
 * enumeration within a budget of callbacks (see walk-vtd.c).
 */
#include <unistd.h>

#include "common.h"

#define REQUEST_SIZE 32
#define BUDGET 4096
#define SPACES 8

struct run {
	struct iommu_translator *amdvi;
	unsigned int flags, spaces, left;
};

static int on_space(const struct iommu_space *sp, void *userdata)
{
	struct run *run = userdata;
	struct iommu_dnode *root;

	fuzz_touch_string(iommu_space_get_mode(sp));
	fuzz_touch_string(iommu_space_get_detail(sp));
	fuzz_fold(iommu_space_get_requester(sp) ^ iommu_space_get_pasid(sp) ^
		  (uint64_t)iommu_space_get_domain_id(sp) ^
		  iommu_space_get_levels(sp, IOMMU_STAGE_2) ^
		  iommu_space_get_levels(sp, IOMMU_STAGE_1) ^
		  iommu_space_get_root(sp, IOMMU_STAGE_2) ^
		  iommu_space_get_root(sp, IOMMU_STAGE_1) ^ iommu_space_get_status(sp) ^
		  iommu_space_get_fault_reason(sp) ^ iommu_amdvi_space_get_flags(sp) ^
		  iommu_amdvi_space_get_gcr3(sp));
	if (iommu_amdvi_dte_decode(iommu_amdvi_space_get_dte(sp), &root) == 0) {
		fuzz_walk_dnode(root);
		iommu_dnode_unref(root);
	}
	if (run->spaces++ < SPACES) {
		unsigned int share = run->left / 2;

		iommu_translator_foreach_mapping(run->amdvi, sp,
						 run->flags & 0x10 ? IOMMU_MAPPINGS_LEAVES : 0,
						 fuzz_on_mapping, &share);
	}
	return run->left == 0 || --run->left == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct run run = { .left = BUDGET };
	unsigned int access, left = BUDGET;
	struct iommu_dump *dump;
	struct iommu_xlate *x;
	char path[32];
	int fd;

	if (size < REQUEST_SIZE)
		return 0;
	run.flags = data[30];
	access = (run.flags >> 2) & 3;
	fd = fuzz_file(data + REQUEST_SIZE, size - REQUEST_SIZE, path);
	if (iommu_dump_open_raw(fuzz_ctx(), path, 0, &dump) < 0) {
		close(fd);
		return 0;
	}
	if (iommu_translator_new_amdvi(dump, fuzz_le(data, 8), &run.amdvi) == 0) {
		if (run.flags & 1)
			iommu_amdvi_set_efr(run.amdvi, fuzz_le(data + 8, 8));
		if (iommu_xlate_new(&x) == 0) {
			iommu_translator_translate(
				run.amdvi, (uint16_t)fuzz_le(data + 24, 2),
				(uint32_t)fuzz_le(data + 26, 4), fuzz_le(data + 16, 8),
				access > IOMMU_ACCESS_WRITE ? IOMMU_ACCESS_ANY
							    : (enum iommu_access)access,
				run.flags & 2 ? IOMMU_REQ_PRIV : 0, x);
			fuzz_walk_xlate(x);
			iommu_xlate_unref(x);
		}
		iommu_translator_foreach_space(run.amdvi, on_space, &run);
		iommu_translator_foreach_reverse(run.amdvi,
						 fuzz_le(data + 16, 8) & ~UINT64_C(0xfff),
						 fuzz_on_mapping, &left);
		iommu_translator_unref(run.amdvi);
	}
	iommu_dump_unref(dump);
	close(fd);
	return 0;
}
