// SPDX-License-Identifier: MIT
/*
 * The SMMUv3 walker over arbitrary memory and arbitrary pointers.  The input
 * is a 64-byte request followed by a raw memory image from physical address 0:
 *
 *   0 SMMU_STRTAB_BASE   8 SMMU_STRTAB_BASE_CFG   16 SMMU_IDR0..IDR5 (4 each)
 *   40 IOVA   48 StreamID (4)   52 SubstreamID (4; 0xffffffff: none)
 *   56 flags: bit 1 privileged, bits 3:2 access, bit 4 one callback per leaf
 *
 * The IDRs are always given, with SMMU_IDR1.SIDSIZE at most 16 and SSIDSIZE
 * at most 10: the walk over a stream table claiming 2^32 StreamIDs is
 * linear in that size (67 M pages absent from the dump take 0.3 s
 * unsanitised, a timeout here), and bounding it keeps the fuzzer on the
 * structures instead.
 * It translates the IOVA, lists the streams (each STE and CD decoded too),
 * the mappings of the first ones and the reverse look-up of one page, each
 * enumeration within a budget of callbacks (see walk-vtd.c).
 */
#include <unistd.h>

#include "common.h"

#define REQUEST_SIZE 64
#define BUDGET 4096
#define SPACES 8

struct run {
	struct iommu_translator *smmu;
	unsigned int flags, spaces, left;
};

static void decode(int (*fn)(const uint64_t words[8], struct iommu_dnode **), const uint64_t *words)
{
	struct iommu_dnode *root;

	if (words && fn(words, &root) == 0) {
		fuzz_walk_dnode(root);
		iommu_dnode_unref(root);
	}
}

static int on_space(const struct iommu_space *sp, void *userdata)
{
	static const enum iommu_stage tables[] = { IOMMU_STAGE_1, IOMMU_STAGE_1_UPPER,
						   IOMMU_STAGE_2 };
	struct run *run = userdata;

	fuzz_touch_string(iommu_space_get_mode(sp));
	fuzz_touch_string(iommu_space_get_detail(sp));
	fuzz_fold(iommu_space_get_requester(sp) ^ iommu_space_get_pasid(sp) ^
		  iommu_smmuv3_space_get_config(sp) ^ (uint64_t)iommu_smmuv3_space_get_asid(sp) ^
		  (uint64_t)iommu_smmuv3_space_get_vmid(sp) ^ iommu_space_get_status(sp) ^
		  iommu_space_get_fault_reason(sp));
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		fuzz_fold(iommu_space_get_levels(sp, tables[i]) ^
			  iommu_space_get_root(sp, tables[i]) ^
			  iommu_smmuv3_space_get_granule(sp, tables[i]) ^
			  iommu_smmuv3_space_get_input_bits(sp, tables[i]));
	decode(iommu_smmuv3_ste_decode, iommu_smmuv3_space_get_ste(sp));
	decode(iommu_smmuv3_cd_decode, iommu_smmuv3_space_get_cd(sp));
	if (run->spaces++ < SPACES) {
		unsigned int share = run->left / 2;

		iommu_translator_foreach_mapping(run->smmu, sp,
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
	uint32_t idr[6];
	char path[32];
	int fd;

	if (size < REQUEST_SIZE)
		return 0;
	run.flags = data[56];
	access = (run.flags >> 2) & 3;
	fd = fuzz_file(data + REQUEST_SIZE, size - REQUEST_SIZE, path);
	if (iommu_dump_open_raw(fuzz_ctx(), path, 0, &dump) < 0) {
		close(fd);
		return 0;
	}
	if (!iommu_translator_new_smmuv3(dump, fuzz_le(data, 8), fuzz_le(data + 8, 8), &run.smmu)) {
		for (size_t i = 0; i < 6; i++)
			idr[i] = (uint32_t)fuzz_le(data + 16 + 4 * i, 4);
		if ((idr[1] & 0x3f) > 16)
			idr[1] = (idr[1] & ~0x3fu) | 16;
		if (((idr[1] >> 6) & 0x1f) > 10)
			idr[1] = (idr[1] & ~(0x1fu << 6)) | 10u << 6;
		iommu_smmuv3_set_idr(run.smmu, idr);
		if (iommu_xlate_new(&x) == 0) {
			iommu_translator_translate(
				run.smmu, (uint32_t)fuzz_le(data + 48, 4),
				(uint32_t)fuzz_le(data + 52, 4), fuzz_le(data + 40, 8),
				access > IOMMU_ACCESS_WRITE ? IOMMU_ACCESS_ANY
							    : (enum iommu_access)access,
				run.flags & 2 ? IOMMU_REQ_PRIV : 0, x);
			fuzz_walk_xlate(x);
			iommu_xlate_unref(x);
		}
		iommu_translator_foreach_space(run.smmu, on_space, &run);
		iommu_translator_foreach_reverse(run.smmu, fuzz_le(data + 40, 8) & ~UINT64_C(0xfff),
						 fuzz_on_mapping, &left);
		iommu_translator_unref(run.smmu);
	}
	iommu_dump_unref(dump);
	close(fd);
	return 0;
}
