// SPDX-License-Identifier: MIT
/*
 * The register decoders status -v shows: AMD-Vi EFR/EFR2 checked against
 * what Linux prints for the same value ("AMD-Vi: Extended features
 * (0x58f77ef22294a5a, 0x0): PPR NX GT IA PC GA_vAPIC", the bits 0-9 and
 * bit 21 of drivers/iommu/amd/init.c print_iommu_info), SMMUv3 IDRs at the
 * positions of drivers/iommu/arm/arm-smmu-v3/arm-smmu-v3.h.
 */
#include "internal.h"
#include "unit.h"

static const struct iommu_dnode *child(const struct iommu_dnode *root, const char *kind)
{
	const struct iommu_dnode *c;

	iommu_dnode_foreach_child(root, c)
		if (strcmp(iommu_dnode_get_kind(c), kind) == 0)
			return c;
	return NULL;
}

static uint64_t field(const struct iommu_dnode *node, const char *key)
{
	return dnode_get_u64(node, key, UINT64_MAX);
}

static void test_amd(void)
{
	struct iommu_dnode *root = NULL;
	const struct iommu_dnode *efr, *efr2;
	const struct iommu_dfield *f;

	CHECK(iommu_amd_efr_decode(0x58f77ef22294a5aULL, 0, &root) == 0);
	if (!root)
		return;
	efr = child(root, "efr");
	efr2 = child(root, "efr2");
	CHECK(efr != NULL && efr2 != NULL);
	CHECK_EQ(field(efr, "value"), 0x58f77ef22294a5aULL);
	/* Linux's words: PreF PPR X2APIC NX GT [5] IA GA HE PC, then GA_vAPIC (bit 21). */
	CHECK_EQ(field(efr, "pref_sup"), 0);
	CHECK_EQ(field(efr, "ppr_sup"), 1);
	CHECK_EQ(field(efr, "xt_sup"), 0);
	CHECK_EQ(field(efr, "nx_sup"), 1);
	CHECK_EQ(field(efr, "gt_sup"), 1);
	CHECK_EQ(field(efr, "ia_sup"), 1);
	CHECK_EQ(field(efr, "ga_sup"), 0);
	CHECK_EQ(field(efr, "he_sup"), 0);
	CHECK_EQ(field(efr, "pc_sup"), 1);
	CHECK_EQ(field(efr, "gam_sup"), 1);
	/* PASmax 36:32 = 0xf: 16-bit PASIDs; SNPSup bit 63 clear. */
	CHECK_EQ(field(efr, "pas_max"), 0xf);
	f = efr ? iommu_dnode_find_field(efr, "pas_max") : NULL;
	CHECK_STR(f ? iommu_dfield_get_meaning(f) : NULL, "16-bit PASIDs");
	CHECK_EQ(field(efr, "snp_sup"), 0);
	CHECK_EQ(field(efr2, "num_int_remap_sup"), 0);
	iommu_dnode_unref(root);

	/* EFR2 NumIntRemapSup 9:8 = 1: 2048 entries; SNPSup. */
	CHECK(iommu_amd_efr_decode(1ULL << 63, 1ULL << 8, &root) == 0);
	if (!root)
		return;
	CHECK_EQ(field(child(root, "efr"), "snp_sup"), 1);
	f = iommu_dnode_find_field(child(root, "efr2"), "num_int_remap_sup");
	CHECK_STR(f ? iommu_dfield_get_meaning(f) : NULL, "2048 per device");
	iommu_dnode_unref(root);
}

static void test_smmu(void)
{
	/* S1P, TTF AArch64, COHACC, ASID16, TTENDIAN little, STALL_MODEL terminate, 2-level ST. */
	const uint32_t idr[6] = {
		1u << 1 | 2u << 2 | 1u << 4 | 1u << 12 | 2u << 21 | 1u << 24 | 1u << 27,
		16u | 8u << 6 | 19u << 21,
		0, 1u << 10, 0xdeadbeef,
		4u | 1u << 4 | 1u << 6,
	};
	struct iommu_dnode *root = NULL;
	const struct iommu_dfield *f;

	CHECK(iommu_smmuv3_idr_decode(idr, &root) == 0);
	if (!root)
		return;
	CHECK_EQ(field(child(root, "idr0"), "s2p"), 0);
	CHECK_EQ(field(child(root, "idr0"), "s1p"), 1);
	f = iommu_dnode_find_field(child(root, "idr0"), "ttf");
	CHECK_STR(f ? iommu_dfield_get_meaning(f) : NULL, "AArch64");
	CHECK_EQ(field(child(root, "idr0"), "ttendian"), 2);
	CHECK_EQ(field(child(root, "idr0"), "stall_model"), 1);
	CHECK_EQ(field(child(root, "idr0"), "st_level"), 1);
	CHECK_EQ(field(child(root, "idr1"), "sidsize"), 16);
	CHECK_EQ(field(child(root, "idr1"), "ssidsize"), 8);
	CHECK_EQ(field(child(root, "idr1"), "cmdqs"), 19);
	CHECK_EQ(field(child(root, "idr3"), "ril"), 1);
	CHECK_EQ(field(child(root, "idr4"), "value"), 0xdeadbeef);
	f = iommu_dnode_find_field(child(root, "idr5"), "oas");
	CHECK_STR(f ? iommu_dfield_get_meaning(f) : NULL, "44 bits");
	CHECK_EQ(field(child(root, "idr5"), "gran16k"), 0);
	CHECK_EQ(field(child(root, "idr5"), "gran64k"), 1);
	iommu_dnode_unref(root);
}

int main(void)
{
	test_amd();
	test_smmu();
	return unit_report("status-regs");
}
