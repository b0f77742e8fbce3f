// SPDX-License-Identifier: MIT
/*
 * VT-d CAP/ECAP decoding against the q35-vtd-legacy fixture, whose values and
 * meaning are known independently: registers.txt holds CAP_REG
 * 0x00d2008c22260286 and ECAP_REG 0x0000000000f00f4a as QEMU returned them,
 * the guest's sysfs shows the same values, and the QEMU command line says
 * caching-mode=on, intremap=on, a 39-bit address width with 3-level tables
 * only (fixture README); registers.txt also shows the first fault-recording
 * register at +0x220.  The IOTLB registers QEMU places at 0xf0 and its
 * maximum handle mask is 0xf (hw/i386/intel_iommu_internal.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "libiommu.h"
#include "unit.h"

#define CAP 0x00d2008c22260286ULL
#define ECAP 0x0000000000f00f4aULL

static uint64_t field(const struct iommu_dnode *node, const char *key)
{
	const struct iommu_dfield *f = node ? iommu_dnode_find_field(node, key) : NULL;

	return f ? iommu_dfield_get_u64(f) : UINT64_MAX;
}

static const char *meaning(const struct iommu_dnode *node, const char *key)
{
	const struct iommu_dfield *f = node ? iommu_dnode_find_field(node, key) : NULL;

	return f ? iommu_dfield_get_meaning(f) : NULL;
}

/* The value the guest's sysfs shows for dmar0's REG ("cap", "ecap"). */
static uint64_t sysfs_value(const char *fixtures, const char *reg)
{
	char path[4096];
	unsigned long long v = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/q35-vtd-legacy/sys/class/iommu/dmar0/intel-iommu/%s",
		 fixtures, reg);
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (fscanf(f, "%llx", &v) != 1)
		v = 0;
	fclose(f);
	return v;
}

int main(void)
{
	const char *fixtures = getenv("FIXTURES");
	struct iommu_dnode *root, *cap, *ecap;

	CHECK(iommu_vtd_caps_decode(CAP, true, ECAP, true, &root) == 0);
	CHECK_STR(iommu_dnode_get_kind(root), "vtd_registers");
	cap = iommu_dnode_get_first_child(root);
	ecap = cap ? iommu_dnode_get_next(cap) : NULL;
	CHECK_STR(cap ? iommu_dnode_get_kind(cap) : NULL, "cap");
	CHECK_STR(ecap ? iommu_dnode_get_kind(ecap) : NULL, "ecap");

	CHECK_EQ(field(cap, "value"), CAP);
	CHECK_EQ(field(cap, "cm"), 1);
	CHECK_EQ(field(cap, "sagaw"), 0x2);
	CHECK_STR(meaning(cap, "sagaw"), "39-bit 3-level");
	CHECK_EQ(field(cap, "mgaw"), 38);
	CHECK_STR(meaning(cap, "mgaw"), "39 bits");
	CHECK_EQ(field(cap, "fro") * 16, 0x220);
	CHECK_EQ(field(cap, "nfr"), 0);
	CHECK_STR(meaning(cap, "nfr"), "1 fault-recording register(s)");
	CHECK_EQ(field(cap, "nd"), 6);
	CHECK_STR(meaning(cap, "nd"), "65536 domains");
	CHECK_EQ(field(cap, "sslps"), 0x3);
	CHECK_STR(meaning(cap, "sslps"), "2 MiB, 1 GiB");
	CHECK_EQ(field(cap, "psi"), 1);
	CHECK_EQ(field(cap, "zlr"), 0);
	CHECK_EQ(field(cap, "mamv"), 0x12);
	CHECK_EQ(field(cap, "drd"), 1);
	CHECK_EQ(field(cap, "dwd"), 1);
	CHECK_EQ(field(cap, "pi"), 0);
	CHECK_EQ(field(cap, "undefined_bits"), UINT64_MAX);

	CHECK_EQ(field(ecap, "value"), ECAP);
	CHECK_EQ(field(ecap, "qi"), 1);
	CHECK_EQ(field(ecap, "ir"), 1);
	CHECK_EQ(field(ecap, "pt"), 1);
	CHECK_EQ(field(ecap, "dt"), 0);
	CHECK_EQ(field(ecap, "smts"), 0);
	CHECK_EQ(field(ecap, "iro") * 16, 0xf0);
	CHECK_EQ(field(ecap, "mhmv"), 0xf);
	iommu_dnode_unref(root);

	/* Only ECAP; a bit VT-d 4.1 leaves reserved (63) is kept and said to be undefined. */
	CHECK(iommu_vtd_caps_decode(0, false, 1ULL << 63 | 1ULL << 43, true, &root) == 0);
	ecap = iommu_dnode_get_first_child(root);
	CHECK_STR(ecap ? iommu_dnode_get_kind(ecap) : NULL, "ecap");
	CHECK(ecap && iommu_dnode_get_next(ecap) == NULL);
	CHECK_EQ(field(ecap, "smts"), 1);
	CHECK_EQ(field(ecap, "undefined_bits"), 1ULL << 63);
	iommu_dnode_unref(root);

	if (fixtures && access(fixtures, F_OK) == 0) {
		CHECK_EQ(sysfs_value(fixtures, "cap"), CAP);
		CHECK_EQ(sysfs_value(fixtures, "ecap"), ECAP);
	}
	return unit_report("vtd-regs");
}
