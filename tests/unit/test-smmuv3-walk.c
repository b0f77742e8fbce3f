// SPDX-License-Identifier: MIT
/*
 * The SMMUv3 walker against images built from descriptions (tests/tools/
 * mkimage-smmuv3.h): linear and 2-level stream tables; bypass, abort,
 * stage 1, stage 2 and nested streams; linear and 2-level CD tables with
 * SubstreamIDs and every S1DSS; VMSAv8-64 at 4K, 16K and 64K granules with
 * pages and blocks at every level they allow, 52-bit layouts, concatenated
 * stage 2 start tables, both TTBs, the contiguous hint; every event the
 * configuration or a walk can raise; pages missing from the dump.  The
 * expected translations come from the descriptions (what each "map" asked
 * for), the expected events from the specification.
 */
#include <stdlib.h>

#include "libiommu.h"
#include "unit.h"
#include "../tools/mkimage-smmuv3.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static char dir[64];
static struct iommu_ctx *ctx;

#define ANY IOMMU_ACCESS_ANY
#define RD IOMMU_ACCESS_READ
#define WR IOMMU_ACCESS_WRITE
#define PRIV IOMMU_REQ_PRIV
#define NOS IOMMU_NO_PASID
#define OK IOMMU_XLATE_OK
#define FAULT IOMMU_XLATE_FAULT
#define BLOCKED IOMMU_XLATE_BLOCKED
#define MISSING IOMMU_XLATE_NOT_IN_DUMP
#define UNSUPPORTED IOMMU_XLATE_UNSUPPORTED

struct image {
	struct img m;
	struct smmu_img s;
	struct iommu_translator *smmu;
};

static bool build(struct image *im, const char *description, bool elf)
{
	char path[128];
	struct iommu_dump *d = NULL;

	memset(im, 0, sizeof(*im));
	CHECK(img_init(&im->m, 0x100000, 0x4000000, 0) == 0);
	if (smmu_img_build(&im->s, &im->m, description) < 0) {
		fprintf(stderr, "description: %s\n", im->m.error);
		unit_failed++;
		return false;
	}
	snprintf(path, sizeof(path), "%s/image", dir);
	CHECK((elf ? img_write_elf(&im->m, path) : img_write_raw(&im->m, path, 0x4000000)) == 0);
	CHECK(iommu_dump_open(ctx, path, &d, NULL) == 0);
	if (!d)
		return false;
	CHECK(iommu_translator_new_smmuv3(d, im->s.strtab, smmu_img_cfg(&im->s), &im->smmu) == 0);
	iommu_dump_unref(d);
	return im->smmu != NULL;
}

static void release(struct image *im)
{
	iommu_translator_unref(im->smmu);
	smmu_img_free(&im->s);
	img_free(&im->m);
}

/* ---- expectations from the description ---------------------------------- */

static bool expect_map(const struct smmu_img *s, uint32_t sid, uint32_t ssid, bool s2, uint64_t in,
		       uint64_t *out, uint64_t *page, unsigned int *perm, bool *contig)
{
	for (size_t i = 0; i < s->nmaps; i++) {
		const struct si_map *r = &s->maps[i];

		if (r->sid == sid && r->ssid == ssid && r->s2 == s2 && in - r->iova < r->size) {
			*out = r->phys + (in - r->iova);
			*page = r->page;
			*perm = r->perm;
			*contig = r->contig;
			return true;
		}
	}
	return false;
}

/* The whole translation the description implies for a stream (and SSID). */
static bool expect(const struct smmu_img *s, const struct si_stream *st, uint32_t ssid,
		   uint64_t iova, uint64_t *out, uint64_t *page, unsigned int *perm)
{
	uint64_t ipa, page2;
	unsigned int perm2;
	bool contig;

	switch (st->config) {
	case 4:
		*out = iova;
		*page = 0;
		*perm = 3;
		return true;
	case 6:
		return expect_map(s, st->sid, NOS, false, iova, out, page, perm, &contig);
	case 5:
	case 7:
		if (!expect_map(s, st->sid, ssid, false, iova, out, page, perm, &contig))
			return false;
		*perm |= 1;	/* stage 1 pages are readable */
		if (st->config == 5)
			return true;
		ipa = *out;
		if (!expect_map(s, st->sid, NOS, true, ipa, out, &page2, &perm2, &contig))
			return false;
		*perm &= perm2 | 4;
		if (page2 < *page)
			*page = page2;
		return true;
	}
	return false;
}

static void check_translation(struct image *im, struct iommu_xlate *x, const struct si_stream *st,
			      uint32_t ssid, uint64_t iova)
{
	uint64_t out = 0, page = 0;
	unsigned int perm = 0;
	bool mapped = expect(&im->s, st, ssid, iova, &out, &page, &perm);

	/* Privileged unless the page is a user page: both reach it. */
	CHECK(iommu_translator_translate(im->smmu, st->sid, ssid, iova, ANY, perm & 4 ? 0 : PRIV,
					 x) == 0);
	if (mapped) {
		if (iommu_xlate_get_status(x) != OK || iommu_xlate_get_phys(x) != out)
			fprintf(stderr, "  0x%llx (sid 0x%x ssid %d): %s\n", (unsigned long long)iova,
				st->sid, (int)ssid, iommu_xlate_get_detail(x));
		CHECK_EQ(iommu_xlate_get_status(x), OK);
		CHECK_EQ(iommu_xlate_get_phys(x), out);
		CHECK_EQ(iommu_xlate_get_page_size(x), page);
		CHECK_EQ(iommu_xlate_get_perm(x) & 3, perm & 3);
	} else {
		CHECK_EQ(iommu_xlate_get_status(x), FAULT);
		CHECK_EQ(iommu_xlate_get_fault_reason(x), 0x10);	/* F_TRANSLATION */
	}
}

struct tally {
	struct image *im;
	struct iommu_xlate *x;
	uint64_t bytes;
	size_t spaces;
};

static int count_run(const struct iommu_mapping *mp, void *userdata)
{
	struct tally *t = userdata;
	const struct iommu_space *sp = iommu_mapping_get_space(mp);

	CHECK(sp != NULL);
	CHECK_EQ(iommu_mapping_get_kind(mp), IOMMU_MAPPING_MAPPED);
	t->bytes += iommu_mapping_get_size(mp);
	/* Every range the enumeration reports translates as it says, at both ends. */
	for (int end = 0; end < 2 && sp; end++) {
		uint64_t off = end ? iommu_mapping_get_size(mp) - 1 : 0;

		iommu_translator_translate(
			t->im->smmu, iommu_space_get_requester(sp), iommu_space_get_pasid(sp),
			iommu_mapping_get_iova(mp) + off, ANY,
			iommu_mapping_get_perm(mp) & IOMMU_PERM_USER ? 0 : PRIV, t->x);
		CHECK_EQ(iommu_xlate_get_phys(t->x), iommu_mapping_get_phys(mp) + off);
		CHECK_EQ(iommu_xlate_get_perm(t->x), iommu_mapping_get_perm(mp));
	}
	return 0;
}

static int check_space(const struct iommu_space *sp, void *userdata)
{
	struct tally *t = userdata;
	const struct smmu_img *s = &t->im->s;
	uint32_t sid = iommu_space_get_requester(sp), ssid = iommu_space_get_pasid(sp);
	const struct si_stream *st = si_stream((struct smmu_img *)s, sid);
	uint64_t want = 0;

	t->spaces++;
	if (!st || iommu_space_get_status(sp) != OK || st->config == 4)
		return 0;
	for (size_t i = 0; i < s->nmaps; i++) {
		const struct si_map *r = &s->maps[i];

		/* Stream-level spaces without SSID map with the description's NOS. */
		if (r->sid == sid && !r->s2 &&
		    (r->ssid == ssid || (ssid == 0 && r->ssid == NOS && st->cdmax)))
			want += r->size;
	}
	t->bytes = 0;
	CHECK(iommu_translator_foreach_mapping(t->im->smmu, sp, 0, count_run, t) == 0);
	if (t->bytes != want)
		fprintf(stderr, "  sid 0x%x ssid %d: enumerated 0x%llx bytes, described 0x%llx\n", sid,
			(int)ssid, (unsigned long long)t->bytes, (unsigned long long)want);
	CHECK_EQ(t->bytes, want);
	return 0;
}

/* Everything the description maps translates, the pages after each map fault, enumeration agrees. */
static void check_description(struct image *im)
{
	struct iommu_xlate *x;
	struct tally t = { im, NULL, 0, 0 };

	CHECK(iommu_xlate_new(&x) == 0);
	t.x = x;
	for (size_t i = 0; i < im->s.nmaps; i++) {
		const struct si_map *r = &im->s.maps[i];
		const struct si_stream *st = si_stream(&im->s, r->sid);

		if (!st || r->s2)	/* nested stage 2 maps are checked through stage 1 */
			continue;
		check_translation(im, x, st, r->ssid, r->iova + 0x123);
		check_translation(im, x, st, r->ssid, r->iova + r->size / 2);
		check_translation(im, x, st, r->ssid, r->iova + r->size - 1);
	}
	CHECK(iommu_translator_foreach_space(im->smmu, check_space, &t) == 0);
	CHECK(t.spaces > 0);
	iommu_xlate_unref(x);
}

/* ---- probes ------------------------------------------------------------------ */

struct probe {
	uint32_t sid, ssid;
	uint64_t iova;
	enum iommu_access access;
	unsigned int flags;
	enum iommu_xlate_status status;
	unsigned int event;		/* FAULT: the event number */
	bool s2;			/* FAULT: a stage 2 fault (record S2) */
	unsigned int class;		/* FAULT at a stage: record CLASS (0 CD, 1 TTD, 2 IN) */
	bool suppressed;
	uint64_t phys;			/* OK: the address, when not 0 */
	uint64_t contig;		/* OK: the contiguous span */
};

static void probe(struct image *im, const struct probe *p)
{
	struct iommu_xlate *x;
	const uint64_t *rec;
	unsigned int words;

	CHECK(iommu_xlate_new(&x) == 0);
	CHECK(iommu_translator_translate(im->smmu, p->sid, p->ssid, p->iova, p->access, p->flags,
					 x) == 0);
	if (iommu_xlate_get_status(x) != p->status ||
	    (p->status == FAULT && iommu_xlate_get_fault_reason(x) != p->event))
		fprintf(stderr, "  probe 0x%x/%d 0x%llx: got %s 0x%02x (%s)\n", p->sid, (int)p->ssid,
			(unsigned long long)p->iova, iommu_xlate_status_name(iommu_xlate_get_status(x)),
			iommu_xlate_get_fault_reason(x), iommu_xlate_get_detail(x));
	CHECK_EQ(iommu_xlate_get_status(x), p->status);
	rec = iommu_xlate_get_fault_record(x, &words);
	if (p->status == FAULT) {
		struct iommu_fault *ev = NULL;

		CHECK_EQ(iommu_xlate_get_fault_reason(x), p->event);
		CHECK_EQ(iommu_xlate_is_suppressed(x), p->suppressed);
		CHECK(rec != NULL && words == 4);
		if (!rec)
			goto out;
		/* The record decodes back to what happened. */
		CHECK(iommu_fault_new_record(IOMMU_VENDOR_ARM, rec, 4, &ev) == 0);
		CHECK(iommu_fault_get_name(ev) != NULL);
		CHECK_EQ(iommu_fault_get_code(ev), p->event);
		CHECK_EQ(iommu_fault_get_source_id(ev), p->sid);
		CHECK_EQ(iommu_fault_get_pasid(ev), p->ssid);
		if (p->event >= 0x10 && p->event <= 0x13) {
			CHECK_EQ(iommu_fault_get_address(ev), p->iova);
			CHECK_EQ(iommu_fault_is_stage2(ev), p->s2);
			CHECK_EQ((iommu_fault_get_access(ev) == IOMMU_ACCESS_WRITE), p->access == WR);
			CHECK_STR(iommu_fault_get_class(ev),
				  p->class == 0 ? "CD fetch" : p->class == 1 ? "stage 1 table fetch"
									    : "input address");
		}
		iommu_fault_unref(ev);
	} else {
		CHECK(rec == NULL);
		if (p->status == OK && p->phys)
			CHECK_EQ(iommu_xlate_get_phys(x), p->phys);
		if (p->status == OK)
			CHECK_EQ(iommu_xlate_get_contiguous(x), p->contig);
	}
out:
	iommu_xlate_unref(x);
}

struct scenario {
	const char *name;
	const char *description;
	bool probes_only;		/* entries poked on purpose: only the probes hold */
	bool elf;
	struct probe probes[20];
};

#define IN 2
#define TTD 1
#define CDF 0

static const struct scenario scenarios[] = {
	{ "linear stream table, stage 1 4K, 48-bit VA: 4K pages, 2M and 1G blocks",
	  "smmuv3 strtab=linear log2size=6\n"
	  "ste 3 config=s1\n"
	  "cd 3 tg0=4k va=48 asid=7 r\n"
	  "map 3 0x10000000 0x2000000 16K perm=rw\n"
	  "map 3 0x20000000 0x1000000 4M page=2M perm=r\n"
	  "map 3 0x40000000 0x40000000 1G page=1G perm=rw user\n"
	  "map 3 0x800000000000 0x3000000 4K\n",
	  .probes = {
		  { 3, NOS, 0x20000000, WR, PRIV, FAULT, 0x13, false, IN },	/* F_PERMISSION: read-only */
		  { 3, NOS, 0x10000000, RD, 0, FAULT, 0x13, false, IN },	/* unprivileged, no AP[1] */
		  { 3, NOS, 0x40000000, WR, 0, OK, .phys = 0x40000000 },	/* EL0 page, unprivileged write */
		  { 3, NOS, 0x30000000, RD, PRIV, FAULT, 0x10, false, IN },	/* F_TRANSLATION: unmapped */
		  { 3, NOS, 0x1000000000000, RD, PRIV, FAULT, 0x10, false, IN },	/* beyond 48 bits */
		  { 3, NOS, 0xffff800000000000, RD, PRIV, FAULT, 0x10, false, IN },	/* TTB1 disabled */
		  { 64, NOS, 0x1000, RD, PRIV, FAULT, 0x02 },			/* C_BAD_STREAMID */
		  { 4, NOS, 0x1000, RD, PRIV, FAULT, 0x04 },			/* C_BAD_STE: V clear */
		  { 3, 1, 0x1000, RD, PRIV, FAULT, 0x08 },			/* C_BAD_SUBSTREAMID: S1CDMax 0 */
	  } },
	{ "2-level stream table, stage 1 4K 39-bit VA (3 levels), fault recording",
	  "smmuv3 strtab=2level log2size=16 split=8\n"
	  "ste 0x100 config=s1\n"
	  "cd 0x100 va=39 r\n"
	  "map 0x100 0x1000 0x200000 8K\n"
	  "map 0x100 0x200000 0x400000 2M page=2M perm=w\n"
	  "ste 0x101 config=s1\n"
	  "cd 0x101 va=39\n"
	  "map 0x101 0x1000 0x300000 4K perm=r\n"
	  "ste 0x203 config=bypass span=3\n",
	  .probes = {
		  { 0x100, NOS, 0x3000, RD, PRIV, FAULT, 0x10, false, IN, false },	/* CD.R set: recorded */
		  { 0x101, NOS, 0x3000, RD, PRIV, FAULT, 0x10, false, IN, true },	/* CD.R clear: not */
		  { 0x101, NOS, 0x1000, WR, PRIV, FAULT, 0x13, false, IN, true },
		  { 0x300, NOS, 0x1000, RD, PRIV, FAULT, 0x02 },	/* L1STD Span 0 */
		  { 0x203, NOS, 0x1234, WR, PRIV, OK, .phys = 0x1234 },	/* bypass */
		  { 0x20c, NOS, 0x1234, WR, PRIV, FAULT, 0x02 },	/* beyond Span 3's 4 STEs */
		  { 0x10000, NOS, 0x1000, RD, PRIV, FAULT, 0x02 },	/* beyond LOG2SIZE */
		  { 0x203, 3, 0x1234, RD, PRIV, FAULT, 0x08 },		/* SSID with stage 1 bypassed */
	  } },
	{ "stage 1 16K granule (47-bit VA, 3 levels): 16K pages, 32M blocks",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 1 config=s1\n"
	  "cd 1 tg0=16k va=47 r\n"
	  "map 1 0x100000 0x800000 64K perm=rw\n"
	  "map 1 0x4000000 0x6000000 64M page=32M perm=r\n",
	  .probes = { { 1, NOS, 0x4000000, WR, PRIV, FAULT, 0x13, false, IN } } },
	{ "stage 1 64K granule (42-bit VA, 2 levels): 64K pages, 512M blocks",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 2 config=s1\n"
	  "cd 2 tg0=64k va=42 r\n"
	  "map 2 0x10000 0x1000000 128K\n"
	  "map 2 0x20000000 0x20000000 512M page=512M perm=r\n",
	  .probes = { { 2, NOS, 0x40000000000, RD, PRIV, FAULT, 0x10, false, IN } } },
	{ "stage 1 64K with 52-bit output (LPA: OA[51:48] in bits 15:12), 52-bit VA, 4T block",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 2 config=s1\n"
	  "cd 2 tg0=64k va=52 ips=6 r\n"
	  "map 2 0x10000 0xf123456780000 64K\n"
	  "map 2 0x40000000000 0x80000000000 0x40000000000 page=0x40000000000\n",
	  .probes = { { 2, NOS, 0x10000, RD, PRIV, OK, .phys = 0xf123456780000 } } },
	{ "stage 1 4K with DS (52-bit VA, 5 levels; OA[51:50] in bits 9:8), 512G block",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 2 config=s1\n"
	  "cd 2 tg0=4k va=52 ips=6 ds r\n"
	  "map 2 0x1000 0xc000000001000 4K\n"
	  "map 2 0x8000000000000 0x40000000000 512G page=512G\n",
	  .probes = { { 2, NOS, 0x1000, RD, PRIV, OK, .phys = 0xc000000001000 } } },
	{ "stage 1 16K with DS: 52-bit output",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 2 config=s1\n"
	  "cd 2 tg0=16k va=48 ips=6 ds r\n"
	  "map 2 0x4000 0x8000000004000 16K\n",
	  .probes = { { 2, NOS, 0x4000, RD, PRIV, OK, .phys = 0x8000000004000 } } },
	{ "output beyond CD.IPS: F_ADDR_SIZE",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 2 config=s1\n"
	  "cd 2 tg0=64k va=48 ips=2 r\n"
	  "map 2 0x10000 0x200000000000 64K\n",
	  .probes_only = true,
	  .probes = { { 2, NOS, 0x10000, RD, PRIV, FAULT, 0x11, false, IN } } },
	{ "both TTBs (TTB1 for the upper range), TBI, EPD",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 5 config=s1\n"
	  "cd 5 va=39 tg1=4k va1=39 tbi1 r\n"
	  "map 5 0x1000 0x100000 4K\n"
	  "map 5 0xffffff8000001000 0x200000 8K\n",
	  .probes = {
		  { 5, NOS, 0x00ffff8000001000, RD, PRIV, OK, .phys = 0x200000 },	/* TBI1: top byte ignored */
		  { 5, NOS, 0x0000008000001000, RD, PRIV, FAULT, 0x10, false, IN },	/* in the gap */
		  { 5, NOS, 0x0100000000001000, RD, PRIV, FAULT, 0x10, false, IN },	/* no TBI0: bits 63:56 matter */
	  } },
	{ "stage 2 only, 4K, 40-bit IPA from level 1: two concatenated start tables",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 1 config=s2 ias=40 s2start=1 vmid=9 s2r\n"
	  "map 1 0x1000 0x500000 8K\n"
	  "map 1 0x8000000000 0x600000 4K perm=r\n"
	  "map 1 0x80000000 0x80000000 1G page=1G\n",
	  .probes = {
		  { 1, NOS, 0x8000000000, WR, PRIV, FAULT, 0x13, true, IN, false },
		  { 1, NOS, 0x10000000000, RD, PRIV, FAULT, 0x10, true, IN, false },	/* beyond S2T0SZ */
		  { 1, NOS, 0x3000, RD, PRIV, FAULT, 0x10, true, IN, false },
	  } },
	{ "stage 2 4K, 43-bit IPA from level 1: sixteen concatenated tables; S2R clear",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 1 config=s2 ias=43 s2start=1\n"
	  "map 1 0x7ffffff000 0x500000 4K\n"
	  "map 1 0x40000000000 0x600000 4K\n",
	  .probes = { { 1, NOS, 0x3000, RD, PRIV, FAULT, 0x10, true, IN, true } } },
	{ "stage 2 16K, 40-bit IPA from level 2: sixteen concatenated tables, 32M blocks",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 1 config=s2 s2tg=16k ias=40 s2start=2\n"
	  "map 1 0x4000 0x500000 16K\n"
	  "map 1 0xff0000000 0x4000000 32M page=32M\n" },
	{ "stage 2 64K, 46-bit IPA from level 2: sixteen concatenated tables, 512M blocks",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 1 config=s2 s2tg=64k ias=46 s2start=2\n"
	  "map 1 0x10000 0x500000 64K\n"
	  "map 1 0x3fe000000000 0x20000000 512M page=512M\n" },
	{ "stage 2 4K with DS and 52-bit IPA from level -1 (S2SL0_2)",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 1 config=s2 ias=52 s2start=-1 s2ds s2ps=6\n"
	  "map 1 0xf000000001000 0xf000000001000 4K\n" },
	{ "nested 4K/4K: stage 1 tables and CDs read through stage 2",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 2 config=nested ias=40 s2start=1 s2r\n"
	  "cd 2 va=39 r\n"
	  "map 2 0x1000 0x40000000 8K\n"
	  "map 2 0x200000 0x40200000 2M page=2M perm=r\n"
	  "map 2:s2 0x40000000 0x2000000 4M page=2M\n",
	  .probes = {
		  { 2, NOS, 0x200000, WR, PRIV, FAULT, 0x13, false, IN },	/* stage 1 read-only */
		  { 2, NOS, 0x1000, RD, PRIV, OK, .phys = 0x2000000 },
	  } },
	{ "nested 16K stage 1 over 64K stage 2, output not mapped in stage 2",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 2 config=nested s2tg=64k ias=42 s2r\n"
	  "cd 2 tg0=16k va=47 r\n"
	  "map 2 0x4000 0x40000000 32K\n"
	  "map 2 0x100000 0x50000000 16K\n"
	  "map 2:s2 0x40000000 0x3000000 64K\n",
	  .probes_only = true,
	  .probes = {
		  { 2, NOS, 0x100000, RD, PRIV, FAULT, 0x10, true, IN },
		  { 2, NOS, 0x6000, RD, PRIV, OK, .phys = 0x3002000 },
	  } },
	{ "nested: stage 1 tables not mapped in stage 2 (CLASS CD, then TTD)",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 2 config=nested ias=40 s2start=1 s1-tables=none s2r\n"
	  "cd 2 va=39 r\n"
	  "map 2 0x1000 0x40000000 4K\n"
	  "map 2:s2 0x40000000 0x2000000 4K\n",
	  .probes_only = true,
	  .probes = { { 2, NOS, 0x1000, RD, PRIV, FAULT, 0x10, true, CDF } } },
	{ "nested: stage 1 tables read-only in stage 2, hardware Access flag update needs a write",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 2 config=nested ias=40 s2start=1 s1-tables=ro s2r\n"
	  "cd 2 va=39 ha r\n"
	  "map 2 0x1000 0x40000000 4K noaf\n"
	  "map 2 0x2000 0x40001000 4K\n"
	  "map 2:s2 0x40000000 0x2000000 8K\n",
	  .probes_only = true,
	  .probes = {
		  { 2, NOS, 0x1000, RD, PRIV, FAULT, 0x13, true, TTD },
		  { 2, NOS, 0x2000, RD, PRIV, OK, .phys = 0x2001000 },
	  } },
	{ "substreams: linear CD table, S1DSS terminate",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 1 config=s1 cdmax=4 s1dss=terminate\n"
	  "cd 1/1 va=39 r\n"
	  "map 1/1 0x1000 0x100000 4K\n"
	  "cd 1/3 va=39 r asid=3\n"
	  "map 1/3 0x1000 0x200000 4K\n"
	  "cd 1/5 va=39 invalid\n",
	  .probes = {
		  { 1, 5, 0x1000, RD, PRIV, FAULT, 0x0a },	/* C_BAD_CD: V clear */
		  { 1, 16, 0x1000, RD, PRIV, FAULT, 0x08 },	/* beyond S1CDMax */
		  { 1, NOS, 0x1000, RD, PRIV, FAULT, 0x06 },	/* F_STREAM_DISABLED */
		  { 1, 2, 0x1000, RD, PRIV, FAULT, 0x0a },	/* a zeroed CD */
	  } },
	{ "substreams: S1DSS substream 0 and bypass",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 1 config=s1 cdmax=2 s1dss=ssid0\n"
	  "cd 1/0 va=39 r\n"
	  "cd 1/2 va=39 r\n"
	  "map 1/2 0x1000 0x200000 4K\n"
	  "ste 2 config=s1 cdmax=2 s1dss=bypass\n"
	  "cd 2/1 va=39 r\n",
	  .probes_only = true,
	  .probes = {
		  { 1, 0, 0x1000, RD, PRIV, FAULT, 0x06 },	/* SSID 0 is reserved */
		  { 1, NOS, 0x1000, RD, PRIV, FAULT, 0x10, false, IN },	/* CD 0, nothing mapped */
		  { 1, 2, 0x1000, RD, PRIV, OK, .phys = 0x200000 },
		  { 2, NOS, 0x5678, WR, PRIV, OK, .phys = 0x5678 },	/* stage 1 bypassed */
	  } },
	{ "substreams: 2-level CD tables with 4K and 64K leaves, L1CD not valid",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 1 config=s1 cdmax=10 s1fmt=2l4k\n"
	  "cd 1/1 va=39 r\n"
	  "map 1/1 0x1000 0x100000 4K\n"
	  "cd 1/700 va=39 r\n"
	  "map 1/700 0x1000 0x200000 4K\n"
	  "ste 2 config=s1 cdmax=12 s1fmt=2l64k\n"
	  "cd 2/2049 va=39 r\n"
	  "map 2/2049 0x1000 0x300000 4K\n",
	  .probes = {
		  { 1, 100, 0x1000, RD, PRIV, FAULT, 0x08 },	/* L1CD 1 not valid */
		  { 2, 5, 0x1000, RD, PRIV, FAULT, 0x08 },
	  } },
	{ "abort and reserved configurations, illegal STEs and CDs",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 1 config=abort\n"
	  "ste 2 config=1\n"
	  "ste 3 config=s1 strw=el1\n"
	  "cd 3 va=39\n"
	  "poke ste 3 1 or 0x40000000\n"
	  "ste 4 config=s2 ias=40 s2start=1\n"
	  "poke ste 4 2 or 0xc00000000000\n"
	  "ste 5 config=s2 ias=40 s2start=1\n"
	  "poke ste 5 2 and 0xffffffc0ffffffff\n"
	  "ste 6 config=s1\n"
	  "cd 6 va=39\n"
	  "poke cd 6 0 and 0xffffffffffffff3f\n"
	  "poke cd 6 0 or 0xc0\n"
	  "ste 7 config=s1\n"
	  "cd 7 va=39\n"
	  "poke cd 7 0 and 0xffffffffffffffc0\n"
	  "poke cd 7 0 or 60\n"
	  "ste 8 config=s1\n"
	  "cd 8 va=39\n"
	  "poke cd 8 0 and 0xfffffdffffffffff\n"
	  "ste 9 config=s2 ias=40 s2start=0\n",
	  .probes_only = true,
	  .probes = {
		  { 1, NOS, 0x1000, RD, PRIV, BLOCKED },
		  { 2, NOS, 0x1000, RD, PRIV, BLOCKED },	/* 0b001 behaves as abort */
		  { 3, NOS, 0x1000, RD, PRIV, FAULT, 0x04 },	/* STRW 0b01 reserved */
		  { 4, NOS, 0x1000, RD, PRIV, FAULT, 0x04 },	/* S2TG 0b11 reserved */
		  { 5, NOS, 0x1000, RD, PRIV, FAULT, 0x04 },	/* S2T0SZ 0 */
		  { 6, NOS, 0x1000, RD, PRIV, FAULT, 0x0a },	/* TG0 0b11 reserved */
		  { 7, NOS, 0x1000, RD, PRIV, FAULT, 0x0a },	/* T0SZ 60 */
		  { 8, NOS, 0x1000, RD, PRIV, UNSUPPORTED },	/* AArch32 tables */
		  { 9, NOS, 0x1000, RD, PRIV, FAULT, 0x10, true, IN, true },	/* level 0 start is legal */
	  } },
	{ "descriptors: Access flag, AFFD, block at level 3, PAN, contiguous hint",
	  "smmuv3 strtab=linear log2size=4\n"
	  "ste 1 config=s1\n"
	  "cd 1 va=39 r pan\n"
	  "map 1 0x1000 0x100000 4K noaf\n"
	  "map 1 0x2000 0x101000 4K user\n"
	  "map 1 0x3000 0x102000 4K\n"
	  "poke entry 1 0x3000 3 0 and 0xfffffffffffffffd\n"
	  "map 1 0x10000 0x200000 64K contig\n"
	  "map 1 0x20000 0x300000 64K contig\n"
	  "poke entry 1 0x2f000 3 0 and 0xffffffffffffefff\n"
	  "ste 2 config=s1\n"
	  "cd 2 va=39 affd r\n"
	  "map 2 0x1000 0x100000 4K noaf\n",
	  .probes_only = true,
	  .probes = {
		  { 1, NOS, 0x1000, RD, PRIV, FAULT, 0x12, false, IN },	/* F_ACCESS */
		  { 2, NOS, 0x1000, RD, PRIV, OK, .phys = 0x100000 },	/* AFFD */
		  { 1, NOS, 0x3000, RD, PRIV, FAULT, 0x10, false, IN },	/* 0b01 at level 3 */
		  { 1, NOS, 0x2000, RD, PRIV, FAULT, 0x13, false, IN },	/* PAN: privileged, EL0 page */
		  { 1, NOS, 0x2000, RD, 0, OK, .phys = 0x101000 },
		  { 1, NOS, 0x15000, RD, PRIV, OK, .phys = 0x205000, .contig = 0x10000 },
		  { 1, NOS, 0x25000, RD, PRIV, OK, .phys = 0x305000, .contig = 0 },	/* entries disagree */
	  } },
};

static void run_scenario(const struct scenario *sc)
{
	struct image im;

	printf("scenario: %s\n", sc->name);
	if (!build(&im, sc->description, sc->elf)) {
		release(&im);
		return;
	}
	if (!sc->probes_only)
		check_description(&im);
	for (size_t i = 0; i < ARRAY_LEN(sc->probes) && (sc->probes[i].sid || sc->probes[i].status ||
							   sc->probes[i].iova); i++)
		probe(&im, &sc->probes[i]);
	release(&im);
}

/* ---- missing pages, walks, the other accessors ------------------------------- */

/* A table page left out of the dump is "not in dump", in a translation and an enumeration. */
static void test_missing(void)
{
	struct image im;
	struct iommu_xlate *x;

	if (!build(&im, "smmuv3 strtab=2level log2size=16 split=8\n"
			"ste 0x101 config=s1\n"
			"cd 0x101 va=39 r\n"
			"map 0x101 0x1000 0x100000 4K\n"
			"map 0x101 0x40000000 0x200000 4K\n"
			"drop table 0x101 0x40000000 3\n", true)) {
		release(&im);
		return;
	}
	CHECK(iommu_xlate_new(&x) == 0);
	iommu_translator_translate(im.smmu, 0x101, NOS, 0x1000, RD, PRIV, x);
	CHECK_EQ(iommu_xlate_get_status(x), OK);
	iommu_translator_translate(im.smmu, 0x101, NOS, 0x40000000, RD, PRIV, x);
	CHECK_EQ(iommu_xlate_get_status(x), MISSING);
	CHECK(iommu_xlate_get_missing(x) != 0);
	iommu_xlate_unref(x);
	release(&im);
}

static int collect(const struct iommu_mapping *mp, void *userdata)
{
	uint64_t *iovas = userdata;

	iovas[++iovas[0]] = iommu_mapping_get_iova(mp);
	return iovas[0] >= 7;
}

/* Every space's path is traced; reverse look-up finds each mapping of a page, TTB1's upper IOVAs. */
static void test_trace_and_reverse(void)
{
	struct image im;
	struct iommu_xlate *x;
	uint64_t iovas[8] = { 0 };

	if (!build(&im, "smmuv3 strtab=2level log2size=16 split=8\n"
			"ste 0x100 config=s1\n"
			"cd 0x100 va=39 tg1=4k va1=39 r\n"
			"map 0x100 0x1000 0x100000 4K\n"
			"map 0x100 0xffffff8000002000 0x100000 4K\n"
			"ste 0x102 config=s2 ias=40 s2start=1\n"
			"map 0x102 0x5000 0x100000 4K\n", false)) {
		release(&im);
		return;
	}
	CHECK(iommu_xlate_new(&x) == 0);
	iommu_translator_translate(im.smmu, 0x100, NOS, 0x1234, RD, PRIV, x);
	/* L1STD, STE, CD, then three levels. */
	CHECK_EQ(iommu_xlate_get_step_count(x), 6);
	CHECK_EQ(iommu_xlate_get_step_kind(x, 0), IOMMU_STEP_L1_STD);
	CHECK_EQ(iommu_xlate_get_step_kind(x, 1), IOMMU_STEP_STE);
	CHECK_EQ(iommu_xlate_get_step_kind(x, 2), IOMMU_STEP_CD);
	CHECK_EQ(iommu_xlate_get_step_kind(x, 5), IOMMU_STEP_FIRST_STAGE);
	CHECK_EQ(iommu_xlate_get_step_level(x, 5), 1);
	CHECK_STR(iommu_xlate_get_mode(x), "stage-1");
	CHECK_EQ(iommu_xlate_get_domain_id(x), 1);	/* the ASID */
	CHECK(iommu_translator_foreach_reverse(im.smmu, 0x100123, collect, iovas) == 0);
	CHECK_EQ(iovas[0], 3);
	CHECK_EQ(iovas[1], 0x1000);
	CHECK_EQ(iovas[2], 0xffffff8000002000ULL);
	CHECK_EQ(iovas[3], 0x5000);
	iommu_xlate_unref(x);
	release(&im);
}

/* IDRs bound what is legal: SIDSIZE, no stage 2, no 16K granule. */
static void test_idr(void)
{
	struct image im;
	struct iommu_xlate *x;
	/* IDR0: S1P, AArch64 tables; IDR1: SIDSIZE 4, SSIDSIZE 0; IDR5: OAS 48, 4K and 64K. */
	const uint32_t idr[6] = { 1u << 1 | 2u << 2, 4, 0, 0, 0, 5 | 1u << 4 | 1u << 6 };

	if (!build(&im, "smmuv3 strtab=linear log2size=8\n"
			"ste 1 config=s1\n"
			"cd 1 va=39 r\n"
			"map 1 0x1000 0x100000 4K\n"
			"ste 2 config=s2 ias=40 s2start=1\n"
			"ste 3 config=s1\n"
			"cd 3 tg0=16k va=39 r\n"
			"ste 0x20 config=bypass\n", false)) {
		release(&im);
		return;
	}
	iommu_smmuv3_set_idr(im.smmu, idr);
	CHECK(iommu_xlate_new(&x) == 0);
	iommu_translator_translate(im.smmu, 1, NOS, 0x1000, RD, PRIV, x);
	CHECK_EQ(iommu_xlate_get_status(x), OK);
	iommu_translator_translate(im.smmu, 2, NOS, 0x1000, RD, PRIV, x);
	CHECK_EQ(iommu_xlate_get_fault_reason(x), 0x04);
	iommu_translator_translate(im.smmu, 3, NOS, 0x1000, RD, PRIV, x);
	CHECK_EQ(iommu_xlate_get_fault_reason(x), 0x0a);
	iommu_translator_translate(im.smmu, 0x20, NOS, 0x1000, RD, PRIV, x);
	CHECK_EQ(iommu_xlate_get_fault_reason(x), 0x02);	/* beyond SIDSIZE 4 */
	iommu_xlate_unref(x);
	release(&im);
}

/* The STE and CD decode into their fields. */
static void test_decode(void)
{
	const uint64_t ste[8] = { 0x1 | 5 << 1 | 0x12340ULL | 4ULL << 59, 1ULL << 30, 0x7, 0 };
	const uint64_t cd[8] = { 25 | 1ULL << 31 | 5ULL << 32 | 1ULL << 41 | 0x2aULL << 48, 0x80000 };
	struct iommu_dnode *root = NULL;

	CHECK(iommu_smmuv3_ste_decode(ste, &root) == 0);
	CHECK(root != NULL);
	iommu_dnode_unref(root);
	CHECK(iommu_smmuv3_cd_decode(cd, &root) == 0);
	CHECK(root != NULL);
	iommu_dnode_unref(root);
}

int main(void)
{
	snprintf(dir, sizeof(dir), "/tmp/test-smmuv3-XXXXXX");
	if (!mkdtemp(dir) || iommu_ctx_new(&ctx) < 0)
		return 1;
	for (size_t i = 0; i < ARRAY_LEN(scenarios); i++)
		run_scenario(&scenarios[i]);
	test_missing();
	test_trace_and_reverse();
	test_idr();
	test_decode();
	iommu_ctx_unref(ctx);
	{
		char path[128];

		snprintf(path, sizeof(path), "%s/image", dir);
		unlink(path);
		rmdir(dir);
	}
	return unit_report("smmuv3-walk");
}
