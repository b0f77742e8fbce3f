// SPDX-License-Identifier: MIT
/*
 * The one requester look-up (iommu_requesters_resolve) against answers worked
 * out by hand from the test tables' generators: tests/sysroots/make-tables.py
 * (dmar.dat, iort-chained.dat) and tests/data/ivrs/make-tables.py (units.bin).
 * The IORT case is the one Linux decides by the first SMMU on the way
 * (iort_iommu_configure_id -> iort_node_map_id with IORT_IOMMU_TYPE).
 */
#include <errno.h>

#include "libiommu.h"
#include "unit.h"

struct answer {
	enum iommu_requester_reason reason;
	enum iommu_requester_unit unit;
	uint64_t base, offset;
	unsigned int index;
	uint32_t id;
	bool aliased;
};

static struct iommu_requesters *open_tables(struct iommu_ctx *ctx, const char *path,
					    enum iommu_vendor vendor)
{
	struct iommu_tables *tables = NULL;
	struct iommu_requesters *rs = NULL;

	CHECK(iommu_tables_new(ctx, &tables) == 0);
	CHECK(tables && iommu_tables_load_path(tables, path) == 0);
	CHECK(tables && iommu_requesters_new(tables, vendor, &rs) == 0);
	iommu_tables_unref(tables);	/* the requesters hold their own reference */
	return rs;
}

static void check(const struct iommu_requesters *rs, uint16_t segment, uint8_t bus, uint8_t dev,
		  uint8_t fn, const struct answer *want)
{
	struct iommu_requester *rq = NULL;

	CHECK(iommu_requesters_resolve(rs, segment, bus, dev, fn, &rq) == 0);
	if (!rq)
		return;
	CHECK_EQ(iommu_requester_get_reason(rq), want->reason);
	CHECK_EQ(iommu_requester_get_unit(rq), want->unit);
	CHECK_EQ(iommu_requester_get_unit_base(rq), want->base);
	CHECK_EQ(iommu_requester_get_unit_offset(rq), want->offset);
	CHECK_EQ(iommu_requester_get_unit_index(rq), want->index);
	CHECK_EQ(iommu_requester_get_id(rq), want->id);
	CHECK_EQ(iommu_requester_is_aliased(rq), want->aliased);
	iommu_requester_unref(rq);
}

/* Two SMMUs on the way: the first one serves, and sees the ID arriving there. */
static void test_iort(struct iommu_ctx *ctx)
{
	struct iommu_requesters *rs = open_tables(ctx, "tests/sysroots/tables/iort-chained.dat",
						  IOMMU_VENDOR_UNKNOWN);
	const struct answer front = { IOMMU_REQUESTER_SERVED, IOMMU_REQUESTER_SMMU_V3, 0x9060000,
				      0xa0, 0, 0x08, false };
	const struct answer smmuv2 = { IOMMU_REQUESTER_SERVED, IOMMU_REQUESTER_SMMU_V1V2, 0x9070000,
				       0x10c, 0, 0x09, false };
	const struct answer alone = { IOMMU_REQUESTER_SERVED, IOMMU_REQUESTER_SMMU_V3, 0x9050000,
				      0x48, 0, 0x20, false };
	const struct answer unmapped = { IOMMU_REQUESTER_NOT_MAPPED, IOMMU_REQUESTER_NO_UNIT,
					 IOMMU_NO_ADDR, IOMMU_NO_OFFSET, 0, 0x0300, false };
	const struct answer no_rc = { IOMMU_REQUESTER_NO_ROOT_COMPLEX, IOMMU_REQUESTER_NO_UNIT,
				      IOMMU_NO_ADDR, IOMMU_NO_OFFSET, 0, 0x0008, false };
	struct iommu_requester *rq = NULL;

	if (!rs)
		return;
	CHECK_EQ(iommu_requesters_get_vendor(rs), IOMMU_VENDOR_ARM);
	/* RID 0x08 -> SMMUv3 0xa0 as 0x08 (then on to 0x48 as 0x88: not its unit). */
	check(rs, 0, 0x00, 0x01, 0, &front);
	/* RID 0x109 -> SMMUv2 0x10c as 0x09 (then on to 0x48 as 0x49). */
	check(rs, 0, 0x01, 0x01, 1, &smmuv2);
	/* RID 0x200 -> SMMUv3 0x48 as 0x20. */
	check(rs, 0, 0x02, 0x00, 0, &alone);
	check(rs, 0, 0x03, 0x00, 0, &unmapped);
	check(rs, 1, 0x00, 0x01, 0, &no_rc);
	CHECK_EQ(iommu_requesters_resolve(rs, 0, 0, 32, 0, &rq), -EINVAL);
	CHECK_EQ(iommu_requesters_resolve(rs, 0, 0, 0, 8, &rq), -EINVAL);
	CHECK(rq == NULL);
	iommu_requesters_unref(rs);

	/* Asked for another vendor's table: none, and the requester id stands. */
	rs = open_tables(ctx, "tests/sysroots/tables/iort-chained.dat", IOMMU_VENDOR_INTEL);
	if (!rs)
		return;
	CHECK_EQ(iommu_requesters_get_vendor(rs), IOMMU_VENDOR_UNKNOWN);
	check(rs, 0, 0x00, 0x01, 0, &(struct answer){ IOMMU_REQUESTER_NO_TABLE, IOMMU_REQUESTER_NO_UNIT,
						      IOMMU_NO_ADDR, IOMMU_NO_OFFSET, 0, 0x08, false });
	iommu_requesters_unref(rs);
}

/* dmar.dat: 00:02.0 in DRHD 0's scope, everything else of segment 0 in the INCLUDE_PCI_ALL DRHD 1. */
static void test_dmar(struct iommu_ctx *ctx)
{
	struct iommu_requesters *rs = open_tables(ctx, "tests/sysroots/tables/dmar.dat",
						  IOMMU_VENDOR_UNKNOWN);

	if (!rs)
		return;
	CHECK_EQ(iommu_requesters_get_vendor(rs), IOMMU_VENDOR_INTEL);
	check(rs, 0, 0x00, 0x02, 0, &(struct answer){ IOMMU_REQUESTER_SERVED, IOMMU_REQUESTER_DRHD,
						      0xfed90000, 0x30, 0, 0x0010, false });
	check(rs, 0, 0x03, 0x00, 1, &(struct answer){ IOMMU_REQUESTER_SERVED, IOMMU_REQUESTER_DRHD,
						      0xfed91000, 0x48, 1, 0x0301, false });
	check(rs, 1, 0x00, 0x02, 0, &(struct answer){ IOMMU_REQUESTER_NOT_SELECTED,
						      IOMMU_REQUESTER_NO_UNIT, IOMMU_NO_ADDR,
						      IOMMU_NO_OFFSET, 0, 0x0010, false });
	iommu_requesters_unref(rs);
}

/* units.bin (tests/unit/test-ivrs.c): 01:00.0 served by IVHD 2 through an alias to 02:00.0. */
static void test_ivrs(struct iommu_ctx *ctx)
{
	struct iommu_requesters *rs = open_tables(ctx, "tests/data/ivrs/units.bin", IOMMU_VENDOR_AMD);
	struct iommu_requester *rq = NULL;

	if (!rs)
		return;
	CHECK_EQ(iommu_requesters_get_vendor(rs), IOMMU_VENDOR_AMD);
	CHECK(iommu_requesters_resolve(rs, 0, 0x01, 0x00, 0, &rq) == 0);
	if (rq) {
		CHECK_EQ(iommu_requester_get_reason(rq), IOMMU_REQUESTER_SERVED);
		CHECK_EQ(iommu_requester_get_unit(rq), IOMMU_REQUESTER_IVHD);
		CHECK_EQ(iommu_requester_get_unit_index(rq), 2);
		CHECK_EQ(iommu_requester_get_unit_base(rq), 0xfd200000);
		CHECK_EQ(iommu_requester_get_id(rq), 0x0200);
		CHECK(iommu_requester_is_aliased(rq));
		iommu_requester_unref(rq);
	}
	/* A's own id is served by no unit. */
	check(rs, 0, 0x00, 0x00, 2, &(struct answer){ IOMMU_REQUESTER_NOT_SELECTED,
						      IOMMU_REQUESTER_NO_UNIT, IOMMU_NO_ADDR,
						      IOMMU_NO_OFFSET, 0, 0x0002, false });
	iommu_requesters_unref(rs);
}

int main(void)
{
	struct iommu_ctx *ctx = NULL;
	char empty[4096];

	/* No PCI functions: DMAR scopes of one hop only, never this machine's. */
	CHECK(iommu_ctx_new(&ctx) == 0);
	CHECK(iommu_ctx_set_sysroot(ctx, unit_empty_sysroot(empty)) == 0);
	test_iort(ctx);
	test_dmar(ctx);
	test_ivrs(ctx);
	iommu_ctx_unref(ctx);
	unit_empty_sysroot_remove(empty);
	return unit_report("requester");
}
