// SPDX-License-Identifier: MIT
/*
 * The IORT tracer against IDs worked out by hand from iasl's disassemblies
 * (../shared/corpus/iort/NAME.dsl), read the way the specification says:
 * ID Count is the number of IDs minus one, so a mapping covers
 * Input base .. Input base + ID Count and sends ID x to
 * Output Base + (x - Input base) at the node whose header is at Output
 * Reference.  The corpus checks skip when ../shared is absent.
 */
#include <errno.h>
#include <unistd.h>

#include "libiommu.h"
#include "unit.h"

#define CORPUS "../shared/corpus/iort/"

struct loaded {
	struct iommu_ctx *ctx;
	struct iommu_tables *tables;
	struct iommu_iort *iort;
};

static bool load(struct loaded *l, const char *path)
{
	memset(l, 0, sizeof(*l));
	if (iommu_ctx_new(&l->ctx) < 0 || iommu_tables_new(l->ctx, &l->tables) < 0 ||
	    iommu_tables_load_path(l->tables, path) < 0 || !iommu_tables_get_first(l->tables) ||
	    iommu_iort_new(iommu_tables_get_first(l->tables), &l->iort) < 0) {
		fprintf(stderr, "cannot load %s\n", path);
		unit_failed++;
		return false;
	}
	return true;
}

static void unload(struct loaded *l)
{
	iommu_iort_unref(l->iort);
	iommu_tables_unref(l->tables);
	iommu_ctx_unref(l->ctx);
}

/*
 * Trace ID from FROM and check the path: NSTEPS nodes at OFFSETS with IDS,
 * ending as END.
 */
static void check_path(const struct iommu_iort_path *p, size_t nsteps, const uint64_t *offsets,
		       const uint32_t *ids, enum iommu_iort_end end)
{
	CHECK_EQ(iommu_iort_path_get_length(p), nsteps);
	CHECK_EQ(iommu_iort_path_get_end(p), end);
	for (size_t i = 0; i < nsteps && i < iommu_iort_path_get_length(p); i++) {
		CHECK_EQ(iommu_iort_node_get_offset(iommu_iort_path_get_node(p, i)), offsets[i]);
		CHECK_EQ(iommu_iort_path_get_id(p, i), ids[i]);
	}
	/* The last node has no onward mapping; every earlier one has one. */
	CHECK(iommu_iort_path_get_mapping(p, nsteps - 1) == NULL || end != IOMMU_IORT_END_ITS_GROUP);
}

static void trace_rid(const struct iommu_iort *iort, uint32_t segment, uint32_t rid, size_t nsteps,
		      const uint64_t *offsets, const uint32_t *ids, enum iommu_iort_end end)
{
	const struct iommu_iort_node *rc = iommu_iort_find_root_complex(iort, segment);
	struct iommu_iort_path *p = NULL;

	CHECK(rc != NULL);
	if (!rc)
		return;
	CHECK_EQ(iommu_iort_trace(iort, rc, rid, &p), 0);
	if (p)
		check_path(p, nsteps, offsets, ids, end);
	iommu_iort_path_unref(p);
}

/*
 * qemu-virt-iort-2021-10-20: ITS group at 0x30, root complex (segment 0) at
 * 0x48 with one mapping, Input base 0, ID Count 0xFFFF, Output Base 0,
 * Output Reference 0x30.  So 0000:00:02.0 (RID 0x10) reaches the ITS group
 * as DeviceID 0x10, and 0000:ff:1f.7 (RID 0xffff, the range's last) as 0xffff.
 * The 2021-09-13 table (revision 0) has the same nodes at the same offsets.
 */
static void test_qemu(const char *name)
{
	static const uint64_t offsets[] = { 0x48, 0x30 };
	struct loaded l;

	if (!load(&l, name))
		return;
	CHECK_EQ(iommu_iort_get_node_count(l.iort), 2);
	trace_rid(l.iort, 0, 0x10, 2, offsets, (const uint32_t[]){ 0x10, 0x10 },
		  IOMMU_IORT_END_ITS_GROUP);
	trace_rid(l.iort, 0, 0xffff, 2, offsets, (const uint32_t[]){ 0xffff, 0xffff },
		  IOMMU_IORT_END_ITS_GROUP);
	CHECK(iommu_iort_find_root_complex(l.iort, 1) == NULL);
	unload(&l);
}

/*
 * edk2src-hisilicon-d06-kunpeng920-hip08-402dd89f (HIP08), from the .dsl:
 *   ITS group at 0x34.
 *   SMMUv3 at 0x4C: mapping 0: Input base 0, ID Count 0x4000, Output Base 0 -> 0x34;
 *                   mapping 1: 0x7B00, 0x100, 0x7B00 -> 0x34.
 *   SMMUv3 at 0xCC (revision 1, every GSIV 0, DeviceID Mapping Index 1):
 *                   mapping 0: 0x7C00, 0x200, 0x7C00 -> 0x34;
 *                   mapping 1: single, Output Base 0x7F03 -> 0x34 (its own MSIs).
 *   Root complex at 0x2FC, segment 0, mappings in this order:
 *     0: 0x0000, 0x4000 -> SMMUv3 0x4C     1: 0x7B00, 0x100 -> SMMUv3 0x4C
 *     2: 0x7A00, 0x100 -> ITS 0x34          3: 0x7800, 0x200 -> ITS 0x34
 *     4: 0x7C00, 0x200 -> SMMUv3 0xCC      (Output Base = Input base in each).
 *   Named component \_SB_.MB30 at 0x410: single mapping, Output Base 0x7FD1 -> 0x34.
 * The counts are powers of two, one too many (the off-by-one): mapping 1
 * (0x7B00..0x7C00) ends on mapping 4's first ID.
 */
static void test_hip08(void)
{
	struct loaded l;
	const struct iommu_iort_node *nc, *its, *smmu_cc, *smmu_4c;
	struct iommu_iort_path *p = NULL, *q;
	size_t n = 0;

	if (!load(&l, CORPUS "edk2src-hisilicon-d06-kunpeng920-hip08-402dd89f-f4910579.bin"))
		return;
	/* 0000:01:00.0 = RID 0x100: mapping 0 -> StreamID 0x100 at 0x4C -> its mapping 0 -> DeviceID 0x100. */
	trace_rid(l.iort, 0, 0x100, 3, (const uint64_t[]){ 0x2fc, 0x4c, 0x34 },
		  (const uint32_t[]){ 0x100, 0x100, 0x100 }, IOMMU_IORT_END_ITS_GROUP);
	/* 0000:79:00.0 = RID 0x7900: mapping 3 (0x7800..0x7A00) -> straight to the ITS, no SMMU. */
	trace_rid(l.iort, 0, 0x7900, 2, (const uint64_t[]){ 0x2fc, 0x34 },
		  (const uint32_t[]){ 0x7900, 0x7900 }, IOMMU_IORT_END_ITS_GROUP);
	/*
	 * 0000:7c:00.0 = RID 0x7C00: the last ID of mapping 1 and the first of
	 * mapping 4.  Mapping 4 takes it (as Linux does): StreamID 0x7C00 at the
	 * SMMUv3 at 0xCC, then its mapping 0 -> DeviceID 0x7C00.  First-match
	 * would have sent it to the SMMUv3 at 0x4C.
	 */
	trace_rid(l.iort, 0, 0x7c00, 3, (const uint64_t[]){ 0x2fc, 0xcc, 0x34 },
		  (const uint32_t[]){ 0x7c00, 0x7c00, 0x7c00 }, IOMMU_IORT_END_ITS_GROUP);
	/* 0000:40:00.0 = RID 0x4000: only mapping 0's last ID takes it -> StreamID 0x4000 at 0x4C. */
	trace_rid(l.iort, 0, 0x4000, 3, (const uint64_t[]){ 0x2fc, 0x4c, 0x34 },
		  (const uint32_t[]){ 0x4000, 0x4000, 0x4000 }, IOMMU_IORT_END_ITS_GROUP);
	/* 0000:f0:00.0 = RID 0xF000: no mapping of segment 0 holds it. */
	trace_rid(l.iort, 0, 0xf000, 1, (const uint64_t[]){ 0x2fc }, (const uint32_t[]){ 0xf000 },
		  IOMMU_IORT_END_NO_MAPPING);

	/* The named component's single mapping: DeviceID 0x7FD1 whatever its input. */
	nc = iommu_iort_find_named_component(l.iort, "\\_SB_.MB30");
	CHECK(nc != NULL);
	CHECK_EQ(nc ? iommu_iort_node_get_offset(nc) : 0, 0x410);
	if (nc && iommu_iort_trace(l.iort, nc, 0, &p) == 0) {
		check_path(p, 2, (const uint64_t[]){ 0x410, 0x34 }, (const uint32_t[]){ 0, 0x7fd1 },
			   IOMMU_IORT_END_ITS_GROUP);
		p = iommu_iort_path_unref(p);
	}

	/* The SMMUv3 at 0xCC signals its own MSIs through mapping 1 (index valid: no GSIV wired). */
	smmu_cc = iommu_iort_find_node(l.iort, 0xcc);
	smmu_4c = iommu_iort_find_node(l.iort, 0x4c);
	its = iommu_iort_find_node(l.iort, 0x34);
	CHECK(smmu_cc && smmu_4c && its);
	if (!smmu_cc || !smmu_4c || !its) {
		unload(&l);
		return;
	}
	CHECK_EQ(iommu_iort_node_get_msi_mapping_index(smmu_cc), 1);
	CHECK_EQ(iommu_iort_node_get_type(smmu_cc), IOMMU_IORT_SMMU_V3);
	CHECK_STR(iommu_iort_node_get_label(smmu_cc), "SMMUv3 @0xcc");

	/*
	 * Reverse: StreamID 0x7C00 at 0xCC comes from RID 0x7C00 only; at 0x4C
	 * mapping 1's output range also holds 0x7C00, but the forward walk sends
	 * RID 0x7C00 to 0xCC, so no path reaches 0x4C with it.
	 */
	CHECK_EQ(iommu_iort_trace_reverse(l.iort, smmu_cc, 0x7c00, &p), 0);
	iommu_iort_foreach_path(p, q) {
		n++;
		check_path(q, 2, (const uint64_t[]){ 0x2fc, 0xcc }, (const uint32_t[]){ 0x7c00, 0x7c00 },
			   IOMMU_IORT_END_TARGET);
	}
	CHECK_EQ(n, 1);
	p = iommu_iort_path_unref(p);
	CHECK_EQ(iommu_iort_trace_reverse(l.iort, smmu_4c, 0x7c00, &p), 0);
	CHECK(p == NULL);
	/* DeviceID 0x7F03 at the ITS: the SMMUv3 at 0xCC's own MSI, and nothing else. */
	CHECK_EQ(iommu_iort_trace_reverse(l.iort, its, 0x7f03, &p), 0);
	n = 0;
	iommu_iort_foreach_path(p, q) {
		n++;
		check_path(q, 2, (const uint64_t[]){ 0xcc, 0x34 }, (const uint32_t[]){ 0, 0x7f03 },
			   IOMMU_IORT_END_TARGET);
		CHECK_EQ(iommu_iort_mapping_get_index(iommu_iort_path_get_mapping(q, 0)), 1);
	}
	CHECK_EQ(n, 1);
	p = iommu_iort_path_unref(p);
	/* DeviceID 0x100: RID 0x100 through the SMMUv3 at 0x4C. */
	CHECK_EQ(iommu_iort_trace_reverse(l.iort, its, 0x100, &p), 0);
	n = 0;
	iommu_iort_foreach_path(p, q) {
		n++;
		check_path(q, 3, (const uint64_t[]){ 0x2fc, 0x4c, 0x34 },
			   (const uint32_t[]){ 0x100, 0x100, 0x100 }, IOMMU_IORT_END_TARGET);
	}
	CHECK_EQ(n, 1);
	iommu_iort_path_unref(p);
	unload(&l);
}

/*
 * edk2src-hisilicon-d05-hip07: root complex of segment 4 at 0x36C, mapping
 * Input base 0x8800, ID Count 0x800, Output Base 0x8800 -> ITS group 0x7C.
 * 0004:88:00.0 (RID 0x8800) -> DeviceID 0x8800; RID 0x9000 is the range's
 * last ID by the specification (0x8800 + 0x800), one past what firmware meant.
 */
static void test_hip07(void)
{
	struct loaded l;

	if (!load(&l, CORPUS "edk2src-hisilicon-d05-hip07-b22cc238-2b5709d6.bin"))
		return;
	trace_rid(l.iort, 4, 0x8800, 2, (const uint64_t[]){ 0x36c, 0x7c },
		  (const uint32_t[]){ 0x8800, 0x8800 }, IOMMU_IORT_END_ITS_GROUP);
	trace_rid(l.iort, 4, 0x9000, 2, (const uint64_t[]){ 0x36c, 0x7c },
		  (const uint32_t[]){ 0x9000, 0x9000 }, IOMMU_IORT_END_ITS_GROUP);
	trace_rid(l.iort, 4, 0x9001, 1, (const uint64_t[]){ 0x36c }, (const uint32_t[]){ 0x9001 },
		  IOMMU_IORT_END_NO_MAPPING);
	unload(&l);
}

/* edk2src-hisilicon-d06-...-b13d587e: \_SB_.MB00 at 0x1010 maps to 0x100, inside the SMMUv3 at 0xCC. */
static void test_bad_reference(void)
{
	struct loaded l;
	const struct iommu_iort_node *nc;
	struct iommu_iort_path *p = NULL;

	if (!load(&l, CORPUS "edk2src-hisilicon-d06-kunpeng920-hip08-b13d587e-395dec82.bin"))
		return;
	nc = iommu_iort_find_node(l.iort, 0x1010);
	CHECK(nc != NULL);
	if (nc && iommu_iort_trace(l.iort, nc, 0, &p) == 0) {
		CHECK_EQ(iommu_iort_path_get_end(p), IOMMU_IORT_END_BAD_REFERENCE);
		CHECK_EQ(iommu_iort_path_get_length(p), 1);
		CHECK_EQ(iommu_iort_mapping_get_output_reference(iommu_iort_path_get_mapping(p, 0)), 0x100);
		CHECK(iommu_iort_mapping_get_target(iommu_iort_path_get_mapping(p, 0)) == NULL);
	}
	iommu_iort_path_unref(p);
	unload(&l);
}

int main(void)
{
	if (access(CORPUS, R_OK) != 0) {
		printf("corpus checks skipped: %s is absent\n", CORPUS);
		return unit_report("iort-trace");
	}
	test_qemu(CORPUS "qemu-virt-iort-2021-10-20-23c07a88.bin");
	test_qemu(CORPUS "qemu-virt-iort-2021-09-13-455fd0bb.bin");
	test_hip08();
	test_hip07();
	test_bad_reference();
	return unit_report("iort-trace");
}
