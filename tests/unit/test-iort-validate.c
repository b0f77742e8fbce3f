// SPDX-License-Identifier: MIT
/*
 * The IORT decoder and validator on broken tables: small ones built here
 * byte by byte (a node of length 0, arrays that run past their node,
 * references into nowhere, mappings in a circle, ...), each one must give
 * its finding and finish; and the known-broken tables of the corpus
 * (../shared/corpus/PROVENANCE.tsv notes), each with the finding its bug
 * deserves.
 */
#include <unistd.h>

#include "libiommu.h"
#include "unit.h"

/* ---- building tables ----------------------------------------------------- */

struct tb {
	uint8_t b[1024];
	size_t n;
	uint32_t nodes;
};

static void put(struct tb *t, size_t at, uint64_t v, unsigned int size)
{
	for (unsigned int i = 0; i < size; i++)
		t->b[at + i] = (uint8_t)(v >> (8 * i));
}

/* The ACPI and IORT headers; the nodes start at 48. */
static void tb_init(struct tb *t, uint8_t revision)
{
	memset(t, 0, sizeof(*t));
	memcpy(t->b, "IORT", 4);
	t->b[8] = revision;
	memcpy(t->b + 10, "UNIT  ", 6);
	memcpy(t->b + 16, "IORTTEST", 8);
	put(t, 40, 48, 4);
	t->n = 48;
}

/* A node of LEN zero bytes after its header; returns its offset. */
static size_t tb_node(struct tb *t, uint8_t type, uint16_t len, uint8_t revision,
		      uint32_t nmappings, uint32_t mapping_offset)
{
	size_t at = t->n;

	t->b[at] = type;
	put(t, at + 1, len, 2);
	t->b[at + 3] = revision;
	put(t, at + 4, t->nodes, 4);
	put(t, at + 8, nmappings, 4);
	put(t, at + 12, mapping_offset, 4);
	t->n += len;
	t->nodes++;
	return at;
}

static void tb_map(struct tb *t, size_t at, uint32_t in, uint32_t count, uint32_t out,
		   uint32_t ref, uint32_t flags)
{
	put(t, at, in, 4);
	put(t, at + 4, count, 4);
	put(t, at + 8, out, 4);
	put(t, at + 12, ref, 4);
	put(t, at + 16, flags, 4);
}

/* Length, Node Count and checksum. */
static void tb_finish(struct tb *t)
{
	uint8_t sum = 0;

	put(t, 4, t->n, 4);
	put(t, 36, t->nodes, 4);
	t->b[9] = 0;
	for (size_t i = 0; i < t->n; i++)
		sum += t->b[i];
	t->b[9] = (uint8_t)-sum;
}

/* An ITS group with one ITS: 24 bytes. */
static size_t tb_its(struct tb *t)
{
	size_t at = tb_node(t, 0, 24, 1, 0, 0);

	put(t, at + 16, 1, 4);
	return at;
}

/* A root complex (revision 4, 40-byte fields) with NMAP mappings after its fields. */
static size_t tb_rc(struct tb *t, uint32_t segment, uint32_t nmap)
{
	size_t at = tb_node(t, 2, (uint16_t)(40 + 20 * nmap), 4, nmap, 40);

	put(t, at + 16, 1, 4);		/* CCA: fully coherent */
	t->b[at + 23] = 3;		/* CPM, DACS */
	put(t, at + 28, segment, 4);
	t->b[at + 32] = 48;		/* address size limit */
	return at;
}

/* An SMMUv3 (revision 5, DeviceID index not valid) at BASE with NMAP mappings. */
static size_t tb_smmu_v3(struct tb *t, uint64_t base, uint32_t nmap)
{
	size_t at = tb_node(t, 4, (uint16_t)(68 + 20 * nmap), 5, nmap, 68);

	put(t, at + 16, base, 8);
	return at;
}

/* ---- checking findings ------------------------------------------------------ */

struct result {
	struct iommu_ctx *ctx;
	struct iommu_tables *tables;
	struct iommu_findings *findings;
};

static bool validate_bytes(struct result *r, const void *data, size_t size)
{
	memset(r, 0, sizeof(*r));
	if (iommu_ctx_new(&r->ctx) < 0 || iommu_tables_new(r->ctx, &r->tables) < 0)
		return false;
	iommu_tables_load_data(r->tables, "unit", data, size);
	return iommu_tables_get_first(r->tables) &&
	       iommu_table_validate(iommu_tables_get_first(r->tables), r->tables, 0, &r->findings) == 0;
}

static bool validate_file(struct result *r, const char *path)
{
	memset(r, 0, sizeof(*r));
	if (iommu_ctx_new(&r->ctx) < 0 || iommu_tables_new(r->ctx, &r->tables) < 0)
		return false;
	iommu_tables_load_path(r->tables, path);
	return iommu_tables_get_first(r->tables) &&
	       iommu_table_validate(iommu_tables_get_first(r->tables), r->tables, 0, &r->findings) == 0;
}

static void result_free(struct result *r)
{
	iommu_findings_unref(r->findings);
	iommu_tables_unref(r->tables);
	iommu_ctx_unref(r->ctx);
}

/*
 * How many times the check ID fired (at OFFSET, unless it is IOMMU_NO_OFFSET - 1:
 * anywhere), counting each occurrence a folded finding carries.
 */
#define ANY_OFFSET (IOMMU_NO_OFFSET - 1)
static unsigned int count(const struct result *r, const char *id, uint64_t offset)
{
	const struct iommu_finding *f;
	unsigned int n = 0;

	iommu_findings_foreach(r->findings, f)
		for (size_t i = 0; i < iommu_finding_get_count(f); i++)
			n += strcmp(iommu_finding_get_id(f), id) == 0 &&
			     (offset == ANY_OFFSET || iommu_finding_get_item_offset(f, i) == offset);
	return n;
}

static void dump(const struct result *r)
{
	const struct iommu_finding *f;

	iommu_findings_foreach(r->findings, f)
		fprintf(stderr, "  %s [0x%llx] %s\n", iommu_finding_get_id(f),
			(unsigned long long)iommu_finding_get_offset(f), iommu_finding_get_message(f));
}

#define CHECK_FINDING(r, id, offset, n)                                                        \
	do {                                                                                   \
		unsigned int got_ = count(r, id, offset);                                      \
		CHECK_EQ(got_, n);                                                             \
		if (got_ != (n))                                                               \
			dump(r);                                                               \
	} while (0)

/* ---- tables built here -------------------------------------------------------- */

/* A clean table: ITS group, SMMUv3, root complex; no finding at all. */
static void test_clean(void)
{
	struct tb t;
	struct result r;
	size_t its, smmu, rc;

	tb_init(&t, 6);
	its = tb_its(&t);
	smmu = tb_smmu_v3(&t, 0x9050000, 1);
	rc = tb_rc(&t, 0, 1);
	tb_map(&t, smmu + 68, 0, 0xffff, 0, (uint32_t)its, 0);
	tb_map(&t, rc + 40, 0, 0xffff, 0, (uint32_t)smmu, 0);
	tb_finish(&t);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_EQ(iommu_findings_count(r.findings), 0);
	if (iommu_findings_count(r.findings))
		dump(&r);
	result_free(&r);
}

/* A node of length 0: iasl loops forever; the walk stops there with a finding. */
static void test_zero_length(void)
{
	struct tb t;
	struct result r;

	tb_init(&t, 6);
	tb_its(&t);
	tb_node(&t, 2, 0, 4, 0, 0);
	t.n += 40;		/* bytes that follow, never reached */
	tb_finish(&t);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.node.length", 48 + 24 + 1, 1);
	CHECK_FINDING(&r, "iort.header.node_count", ANY_OFFSET, 0);
	result_free(&r);
}

/* A node whose Length runs past the table, and a Node Offset inside the header. */
static void test_walk(void)
{
	struct tb t;
	struct result r;

	tb_init(&t, 6);
	tb_its(&t);
	tb_node(&t, 1, 200, 4, 0, 0);
	t.n -= 150;
	tb_finish(&t);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.node.past_end", 48 + 24 + 1, 1);
	result_free(&r);

	tb_init(&t, 6);
	tb_its(&t);
	tb_finish(&t);
	put(&t, 40, 20, 4);
	put(&t, 36, 3, 4);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.header.node_offset", 40, 1);
	result_free(&r);

	/* Node Count 3, two nodes; then Node Count 1 with two nodes. */
	tb_init(&t, 6);
	tb_its(&t);
	tb_its(&t);
	tb_finish(&t);
	put(&t, 36, 3, 4);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.header.node_count", 36, 1);
	result_free(&r);
	put(&t, 36, 1, 4);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.header.node_count", 36, 1);
	CHECK_FINDING(&r, "iort.node.identifier_duplicate", ANY_OFFSET, 0);
	result_free(&r);

	/* Zero bytes after the counted node: not a node. */
	tb_init(&t, 6);
	tb_its(&t);
	t.n += 8;
	tb_finish(&t);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.trailing_bytes", 72, 1);
	result_free(&r);
}

/* Counts that do not fit their node: only what fits is decoded. */
static void test_arrays(void)
{
	struct tb t;
	struct result r;
	size_t its, smmu;

	tb_init(&t, 6);
	its = tb_its(&t);
	put(&t, its + 16, 0x10000000, 4);		/* ITS Count */
	smmu = tb_smmu_v3(&t, 0x9050000, 1);
	put(&t, smmu + 8, 0xffffffff, 4);		/* Mapping Count */
	tb_map(&t, smmu + 68, 0, 0xff, 0, (uint32_t)its, 0);
	tb_finish(&t);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.array.outside_node", its + 20, 1);
	CHECK_FINDING(&r, "iort.array.outside_node", smmu + 68, 1);
	result_free(&r);

	/* An SMMUv1/v2 whose context interrupts lie past its end. */
	tb_init(&t, 6);
	smmu = tb_node(&t, 3, 76, 3, 0, 0);
	put(&t, smmu + 16, 0x2b400000, 8);
	put(&t, smmu + 40, 60, 4);
	put(&t, smmu + 44, 1000, 4);
	put(&t, smmu + 48, 76, 4);
	tb_finish(&t);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.array.outside_node", smmu + 76, 1);
	result_free(&r);
}

/* Output references: null, into nowhere, inside a node, onto a node that takes no IDs. */
static void test_references(void)
{
	struct tb t;
	struct result r;
	size_t its, rc, rc2;

	tb_init(&t, 6);
	its = tb_its(&t);
	rc = tb_rc(&t, 0, 4);
	rc2 = tb_rc(&t, 1, 1);
	tb_map(&t, rc + 40, 0x000, 0xff, 0, 0, 0);
	tb_map(&t, rc + 60, 0x100, 0xff, 0, 0x3000, 0);
	tb_map(&t, rc + 80, 0x200, 0xff, 0, (uint32_t)its + 4, 0);
	tb_map(&t, rc + 100, 0x300, 0xff, 0, (uint32_t)rc2, 0);
	tb_map(&t, rc2 + 40, 0, 0xff, 0, (uint32_t)its, 0);
	tb_finish(&t);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.idmap.null_reference", rc + 40 + 12, 1);
	CHECK_FINDING(&r, "iort.idmap.dangling_reference", rc + 60 + 12, 1);
	CHECK_FINDING(&r, "iort.idmap.reference_inside_node", rc + 80 + 12, 1);
	CHECK_FINDING(&r, "iort.idmap.target_type", rc + 100 + 12, 1);
	result_free(&r);
}

/* Overlaps, the off-by-one, ranges that wrap or exceed what the target takes. */
static void test_ranges(void)
{
	struct tb t;
	struct result r;
	size_t its, smmu, rc;

	tb_init(&t, 6);
	its = tb_its(&t);
	smmu = tb_smmu_v3(&t, 0x9050000, 1);
	rc = tb_rc(&t, 0, 5);
	tb_map(&t, smmu + 68, 0, 0x7ff, 0, (uint32_t)its, 0);
	tb_map(&t, rc + 40, 0x000, 0x100, 0, (uint32_t)smmu, 0);	/* 0x000..0x100: off by one */
	tb_map(&t, rc + 60, 0x100, 0x0ff, 0x100, (uint32_t)smmu, 0);	/* starts on its last ID */
	tb_map(&t, rc + 80, 0x180, 0x0ff, 0x180, (uint32_t)smmu, 0);	/* overlaps the one before */
	tb_map(&t, rc + 100, 0x800, 0x0ff, 0x800, (uint32_t)smmu, 0);	/* StreamIDs the SMMU does not take on */
	tb_map(&t, rc + 120, 0xfffff000, 0x2001, 0, (uint32_t)its, 0);	/* wraps, past RIDs */
	tb_finish(&t);
	CHECK(validate_bytes(&r, t.b, t.n));
	/* Mapping 0's ID Count: it ends on mapping 1's first ID (named once, not also as a power of two). */
	CHECK_FINDING(&r, "iort.idmap.off_by_one", rc + 40 + 4, 1);
	CHECK_FINDING(&r, "iort.idmap.off_by_one", ANY_OFFSET, 1);
	CHECK_FINDING(&r, "iort.idmap.overlap", rc + 80, 1);
	CHECK_FINDING(&r, "iort.idmap.target_range", rc + 100 + 8, 1);
	CHECK_FINDING(&r, "iort.idmap.range_wraps", rc + 120 + 4, 1);
	CHECK_FINDING(&r, "iort.root_complex.rid_range", rc + 120, 1);
	result_free(&r);
}

/* Mappings in a circle: a finding; the trace stops, the reverse trace ends. */
static void test_loop(void)
{
	struct tb t;
	struct result r;
	size_t a, b;
	struct iommu_iort *iort;
	struct iommu_iort_path *p = NULL;

	tb_init(&t, 6);
	a = tb_smmu_v3(&t, 0x1000000, 1);
	b = tb_smmu_v3(&t, 0x2000000, 1);
	tb_map(&t, a + 68, 0, 0xffff, 0, (uint32_t)b, 0);
	tb_map(&t, b + 68, 0, 0xffff, 0, (uint32_t)a, 0);
	tb_finish(&t);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.idmap.loop", b + 68 + 12, 1);
	CHECK_EQ(iommu_iort_new(iommu_tables_get_first(r.tables), &iort), 0);
	CHECK_EQ(iommu_iort_trace(iort, iommu_iort_get_node(iort, 0), 5, &p), 0);
	CHECK_EQ(iommu_iort_path_get_end(p), IOMMU_IORT_END_LOOP);
	CHECK_EQ(iommu_iort_path_get_length(p), 3);
	iommu_iort_path_unref(p);
	p = NULL;
	CHECK_EQ(iommu_iort_trace_reverse(iort, iommu_iort_get_node(iort, 0), 5, &p), 0);
	iommu_iort_path_unref(p);
	iommu_iort_unref(iort);
	result_free(&r);
}

/* Node-type rules: single mappings, the SMMUv3 DeviceID index, PMCG, ITS group, memory attributes. */
static void test_node_rules(void)
{
	struct tb t;
	struct result r;
	size_t its, smmu1, smmu3, pmcg, rc;

	tb_init(&t, 6);
	its = tb_its(&t);
	put(&t, its + 8, 1, 4);				/* an ITS group with a mapping count */
	smmu1 = tb_node(&t, 3, 76 + 20, 3, 1, 76);
	put(&t, smmu1 + 16, 0x2b400000, 8);
	put(&t, smmu1 + 32, 9, 4);			/* model 9 */
	put(&t, smmu1 + 40, 60, 4);
	tb_map(&t, smmu1 + 76, 0, 0, 0x10, (uint32_t)its, 1);	/* single on an SMMUv1/v2 */
	smmu3 = tb_smmu_v3(&t, 0x2b400000, 1);		/* same base as the SMMUv1/v2 */
	put(&t, smmu3 + 24, 1u << 4, 4);		/* DeviceID valid ... */
	put(&t, smmu3 + 64, 3, 4);			/* ... index 3 of 1 */
	tb_map(&t, smmu3 + 68, 0, 0xff, 0, (uint32_t)its, 0);
	pmcg = tb_node(&t, 5, 40 + 40, 2, 2, 40);	/* two mappings */
	put(&t, pmcg + 28, 0x7777, 4);			/* node reference to nowhere */
	tb_map(&t, pmcg + 40, 0, 0, 0x20, (uint32_t)its, 0);	/* its own MSI, not single */
	tb_map(&t, pmcg + 60, 0, 0, 0x21, (uint32_t)its, 1);
	rc = tb_rc(&t, 0, 0);
	put(&t, rc + 16, 2, 4);				/* CCA 2 */
	tb_finish(&t);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.its_group.mappings", its + 8, 1);
	CHECK_FINDING(&r, "iort.idmap.single_not_allowed", smmu1 + 76 + 16, 1);
	CHECK_FINDING(&r, "iort.smmu.model_unknown", smmu1 + 32, 1);
	CHECK_FINDING(&r, "iort.smmu.base_duplicate", smmu3 + 16, 1);
	CHECK_FINDING(&r, "iort.smmu_v3.deviceid_index", smmu3 + 64, 1);
	CHECK_FINDING(&r, "iort.pmcg.mappings", pmcg + 8, 1);
	CHECK_FINDING(&r, "iort.pmcg.reference", pmcg + 28, 1);
	CHECK_FINDING(&r, "iort.msi_mapping.invalid", pmcg + 40, 1);
	CHECK_FINDING(&r, "iort.idmap.single_not_allowed", pmcg + 60 + 16, 1);
	CHECK_FINDING(&r, "iort.memory.cca", rc + 16, 1);
	result_free(&r);
}

/* RMR nodes: table revision, descriptors zero, unaligned, overlapping; no mappings. */
static void test_rmr(void)
{
	struct tb t;
	struct result r;
	size_t rmr;

	tb_init(&t, 3);
	rmr = tb_node(&t, 6, 28 + 3 * 20, 3, 0, 0);
	put(&t, rmr + 20, 3, 4);
	put(&t, rmr + 24, 28, 4);
	put(&t, rmr + 28, 0x80000000, 8);		/* 0x80000000 + 0x20000 */
	put(&t, rmr + 36, 0x20000, 8);
	put(&t, rmr + 48, 0x80010000, 8);		/* overlaps it */
	put(&t, rmr + 56, 0x10000, 8);
	put(&t, rmr + 68, 0x90001000, 8);		/* not 64 KiB aligned, length 0 */
	tb_finish(&t);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.rmr.table_revision", rmr, 1);
	CHECK_FINDING(&r, "iort.rmr.no_mappings", rmr + 8, 1);
	CHECK_FINDING(&r, "iort.rmr.overlap", rmr + 48, 1);
	CHECK_FINDING(&r, "iort.rmr.zero_length", rmr + 68 + 8, 1);
	result_free(&r);

	tb_init(&t, 5);
	rmr = tb_node(&t, 6, 28 + 20, 2, 0, 0);
	put(&t, rmr + 20, 1, 4);
	put(&t, rmr + 24, 28, 4);
	put(&t, rmr + 28, 0x80001000, 8);
	put(&t, rmr + 36, 0x10000, 8);
	tb_finish(&t);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.rmr.unaligned", rmr + 28, 1);
	CHECK_FINDING(&r, "iort.rmr.revision_withdrawn", rmr + 3, 1);
	CHECK_FINDING(&r, "iort.rmr.table_revision", ANY_OFFSET, 0);
	result_free(&r);
}

/* Revisions: withdrawn and unknown table revisions, a stale node revision, a node revision from the future. */
static void test_revisions(void)
{
	struct tb t;
	struct result r;
	size_t rc, nc;

	tb_init(&t, 2);
	tb_its(&t);
	tb_finish(&t);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.revision.withdrawn", 8, 1);
	result_free(&r);
	t.b[8] = 9;
	tb_finish(&t);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.revision.unknown", 8, 1);
	result_free(&r);

	/* A revision-0 root complex that fills the address size limit (room before its mappings). */
	tb_init(&t, 0);
	rc = tb_rc(&t, 0, 0);
	t.b[rc + 3] = 0;
	t.b[rc + 4] = 0;				/* Identifier is reserved in revision 0 */
	nc = tb_node(&t, 1, 40, 7, 0, 0);		/* named component revision 7 */
	memcpy(t.b + nc + 29, "\\_SB.DEV0", 10);
	t.b[nc + 28] = 40;
	tb_finish(&t);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.node.revision_stale", rc + 32, 1);
	CHECK_FINDING(&r, "iort.node.revision_unknown", nc + 3, 1);
	CHECK_FINDING(&r, "iort.node.identifier_duplicate", ANY_OFFSET, 0);
	result_free(&r);
}

/* Names: one not NUL-terminated inside its node, two alike. */
static void test_names(void)
{
	struct tb t;
	struct result r;
	size_t a, b, c;

	tb_init(&t, 6);
	a = tb_node(&t, 1, 40, 4, 0, 0);
	memcpy(t.b + a + 29, "\\_SB.DEV0", 10);
	t.b[a + 28] = 40;
	b = tb_node(&t, 1, 40, 4, 0, 0);
	memcpy(t.b + b + 29, "\\_SB.DEV0", 10);
	t.b[b + 28] = 40;
	c = tb_node(&t, 1, 36, 4, 0, 0);
	memcpy(t.b + c + 29, "\\_SB.DEV1", 7);	/* cut short by the node's end */
	t.b[c + 28] = 40;
	tb_finish(&t);
	CHECK(validate_bytes(&r, t.b, t.n));
	CHECK_FINDING(&r, "iort.name.duplicate", b + 29, 1);
	CHECK_FINDING(&r, "iort.name.invalid", c + 29, 1);
	result_free(&r);
}

/* ---- the corpus's known-broken IORTs (PROVENANCE.tsv notes) ---------------- */

#define CORPUS "../shared/corpus/iort/"

static void test_corpus(void)
{
	static const char *const bad_checksum[] = {
		"microsoft-surface-romulus13-and-15-07abc809.bin",
		"qcom-sc7280-7280-cls-200-0-2-0-fd32da12.bin",
		"qcom-sc7280-7280-windows-cls-200-0-15-0-52febfc1.bin",
		"qcom-soc-kailua-56a7577b.bin",
	};
	struct result r;
	char path[256];

	/* HiSilicon HIP07 (D05): 8 root-complex ID Counts of 0x800 or 0x1000, one too many each. */
	CHECK(validate_file(&r, CORPUS "edk2src-hisilicon-d05-hip07-b22cc238-2b5709d6.bin"));
	CHECK_FINDING(&r, "iort.idmap.off_by_one", ANY_OFFSET, 8);
	CHECK_FINDING(&r, "iort.idmap.off_by_one", 0x35c, 1);	/* segment 2: 0xF800 + 0x800 */
	result_free(&r);
	/* HiSilicon HIP06 (D03): the same, 3 times. */
	CHECK(validate_file(&r, CORPUS "edk2src-hisilicon-d03-hip06-b22cc238-5e533b9a.bin"));
	CHECK_FINDING(&r, "iort.idmap.off_by_one", ANY_OFFSET, 3);
	result_free(&r);
	/*
	 * HiSilicon HIP08 (D06): root complex 0x2FC mapping 3 (at 0x35C: 0x7800,
	 * count 0x200) ends on mapping 2's first ID 0x7A00: the overlap Linux
	 * works around, named at mapping 3's ID Count as the off-by-one, not as
	 * a conflict.
	 */
	CHECK(validate_file(&r, CORPUS "edk2src-hisilicon-d06-kunpeng920-hip08-402dd89f-f4910579.bin"));
	CHECK_FINDING(&r, "iort.idmap.off_by_one", 0x35c + 4, 1);
	CHECK_FINDING(&r, "iort.idmap.overlap", ANY_OFFSET, 0);
	result_free(&r);
	/* The older HIP08 table: \_SB_.SEC0's mapping at 0x1050 names 0x100, inside the SMMUv3 at 0xCC. */
	CHECK(validate_file(&r, CORPUS "edk2src-hisilicon-d06-kunpeng920-hip08-b13d587e-395dec82.bin"));
	CHECK_FINDING(&r, "iort.idmap.reference_inside_node", 0x1050 + 12, 1);
	result_free(&r);
	/* CIX Orion O6: 18 of its 19 nodes have Identifier 0. */
	CHECK(validate_file(&r, CORPUS "radxa-orion-o6-cix-sky1-92b3e452.bin"));
	CHECK_FINDING(&r, "iort.node.identifier_duplicate", 0x4c, 1);
	CHECK_FINDING(&r, "iort.padding.nonzero", ANY_OFFSET, 0);
	result_free(&r);
	/* Early QEMU (2021-09-28): the ITS group says node revision 3; issue E.b defines 1. */
	CHECK(validate_file(&r, CORPUS "qemu-virt-iort-2021-09-28-c6b4adec.bin"));
	CHECK_FINDING(&r, "iort.node.revision_unknown", 0x33, 1);
	CHECK_EQ(iommu_findings_count(r.findings), 1);
	result_free(&r);
	/* A text round trip: Length and Node Offset garbled. */
	CHECK(validate_file(&r, CORPUS "microsoft-surface-pro-12-in-d14089a5.bin"));
	CHECK_FINDING(&r, "acpi.table.truncated", ANY_OFFSET, 1);
	CHECK_FINDING(&r, "iort.header.node_offset", 40, 1);
	result_free(&r);
	for (size_t i = 0; i < sizeof(bad_checksum) / sizeof(bad_checksum[0]); i++) {
		snprintf(path, sizeof(path), CORPUS "%s", bad_checksum[i]);
		CHECK(validate_file(&r, path));
		CHECK_FINDING(&r, "acpi.table.checksum", 9, 1);
		result_free(&r);
	}
	/*
	 * ACPICA's template: null references everywhere, SMMUs at 0, an RMR range
	 * of length 0 and OEM Table ID "Template": an unpatched template, said
	 * once instead of placeholder by placeholder; what is wrong whatever
	 * firmware fills in stays: the IWB's mapping into the root complex at
	 * 0xCC (0x100), and the root complex's mappings on top of its Flags field.
	 */
	CHECK(validate_file(&r, CORPUS "acpica-template-iasl20260408-b869655a.bin"));
	CHECK_FINDING(&r, "acpi.unpatched_template", IOMMU_NO_OFFSET, 1);
	CHECK_FINDING(&r, "iort.idmap.null_reference", ANY_OFFSET, 0);
	CHECK_FINDING(&r, "iort.smmu.base_zero", ANY_OFFSET, 0);
	CHECK_FINDING(&r, "iort.rmr.zero_length", ANY_OFFSET, 0);
	CHECK_FINDING(&r, "iort.idmap.reference_inside_node", 0x26d, 1);
	CHECK_FINDING(&r, "iort.node.mapping_offset", 0xcc + 12, 1);
	result_free(&r);
}

int main(void)
{
	test_clean();
	test_zero_length();
	test_walk();
	test_arrays();
	test_references();
	test_ranges();
	test_loop();
	test_node_rules();
	test_rmr();
	test_revisions();
	test_names();
	if (access(CORPUS, R_OK) == 0)
		test_corpus();
	else
		printf("corpus checks skipped: %s is absent\n", CORPUS);
	return unit_report("iort-validate");
}
