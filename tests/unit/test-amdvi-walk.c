// SPDX-License-Identifier: MIT
/*
 * The AMD-Vi walker against images built from descriptions (tests/tools/
 * mkimage-amdvi.h): v1 host tables of 1 to 6 levels with pages at every
 * level, Next Level 7 page sizes and skipped levels; pass-through and
 * untranslated devices; GCR3 tables of 1 and 2 levels and v2 guest tables
 * of 4 and 5 levels, with and without GIoV; nested guest-over-host; every
 * IO_PAGE_FAULT flag combination and ILLEGAL_DEV_TABLE_ENTRY the entries
 * can cause; pages missing from the dump.  The expected translations come
 * from the descriptions, the expected events and flags from the
 * specification.
 */
#include <stdlib.h>

#include "libiommu.h"
#include "unit.h"
#include "../tools/mkimage-amdvi.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static char dir[64];
static struct iommu_ctx *ctx;

#define ANY IOMMU_ACCESS_ANY
#define RD IOMMU_ACCESS_READ
#define WR IOMMU_ACCESS_WRITE
#define PRIV IOMMU_REQ_PRIV
#define NOP IOMMU_NO_PASID
#define OK IOMMU_XLATE_OK
#define FAULT IOMMU_XLATE_FAULT
#define MISSING IOMMU_XLATE_NOT_IN_DUMP
#define IOPF IOMMU_AMDVI_IO_PAGE_FAULT
#define ILLEGAL IOMMU_AMDVI_ILLEGAL_DEV_TABLE_ENTRY
#define GN IOMMU_AMDVI_FLAG_GN
#define US IOMMU_AMDVI_FLAG_US
#define PR IOMMU_AMDVI_FLAG_PR
#define RW IOMMU_AMDVI_FLAG_RW
#define PE IOMMU_AMDVI_FLAG_PE
#define RZ IOMMU_AMDVI_FLAG_RZ

struct image {
	struct img m;
	struct amd_img a;
	struct iommu_translator *amd;
};

static bool build(struct image *im, const char *description, bool elf)
{
	char path[128];
	struct iommu_dump *d = NULL;

	memset(im, 0, sizeof(*im));
	CHECK(img_init(&im->m, 0x100000, 0x4000000, 0) == 0);
	if (amd_img_build(&im->a, &im->m, description) < 0) {
		fprintf(stderr, "description: %s\n", im->m.error);
		unit_failed++;
		return false;
	}
	snprintf(path, sizeof(path), "%s/image", dir);
	CHECK((elf ? img_write_elf(&im->m, path) : img_write_raw(&im->m, path, 0x4000000)) == 0);
	CHECK(iommu_dump_open(ctx, path, &d, NULL) == 0);
	if (!d)
		return false;
	CHECK(iommu_translator_new_amdvi(d, im->a.reg, &im->amd) == 0);
	iommu_dump_unref(d);
	return im->amd != NULL;
}

static void release(struct image *im)
{
	iommu_translator_unref(im->amd);
	amd_img_free(&im->a);
	img_free(&im->m);
}

static uint16_t bdf(const char *s)
{
	uint16_t devid = 0;

	img_bdf(s, &devid);
	return devid;
}

/* ---- expectations from the description ---------------------------------- */

static bool expect_map(const struct amd_img *a, uint16_t devid, uint32_t pasid, uint64_t in,
		       uint64_t *out, uint64_t *page, unsigned int *perm)
{
	for (size_t i = 0; i < a->nmaps; i++) {
		const struct ai_map *r = &a->maps[i];

		if (r->devid == devid && r->pasid == pasid && in - r->iova < r->size) {
			*out = r->phys + (in - r->iova);
			*page = r->page;
			*perm = r->perm;
			return true;
		}
	}
	return false;
}

static bool expect(const struct amd_img *a, const struct ai_dev *d, uint32_t pasid, uint64_t iova,
		   uint64_t *out, uint64_t *page, unsigned int *perm)
{
	uint64_t gpa, page2;
	unsigned int perm2;

	if (pasid == NOP && !(d->gv && d->giov)) {
		if (!d->mode) {
			*out = iova;
			*page = 0;
			*perm = 3;
			return true;
		}
		return expect_map(a, d->devid, NOP, iova, out, page, perm);
	}
	if (!expect_map(a, d->devid, pasid == NOP ? 0 : pasid, iova, out, page, perm))
		return false;
	*perm |= 1;	/* a present guest page is readable */
	if (!d->mode)
		return true;
	gpa = *out;
	if (!expect_map(a, d->devid, NOP, gpa, out, &page2, &perm2))
		return false;
	*perm &= perm2 | 4;
	if (page2 < *page)
		*page = page2;
	return true;
}

static void check_translation(struct image *im, struct iommu_xlate *x, const struct ai_dev *d,
			      uint32_t pasid, uint64_t iova)
{
	uint64_t out = 0, page = 0;
	unsigned int perm = 0;
	bool mapped = expect(&im->a, d, pasid, iova, &out, &page, &perm);

	CHECK(iommu_translator_translate(im->amd, d->devid, pasid, iova, ANY, perm & 4 ? 0 : PRIV,
					 x) == 0);
	if (mapped) {
		if (iommu_xlate_get_status(x) != OK || iommu_xlate_get_phys(x) != out)
			fprintf(stderr, "  0x%llx (devid %04x pasid %d): %s\n", (unsigned long long)iova,
				d->devid, (int)pasid, iommu_xlate_get_detail(x));
		CHECK_EQ(iommu_xlate_get_status(x), OK);
		CHECK_EQ(iommu_xlate_get_phys(x), out);
		CHECK_EQ(iommu_xlate_get_page_size(x), page);
		CHECK_EQ(iommu_xlate_get_perm(x) & 3, perm & 3);
	} else {
		CHECK_EQ(iommu_xlate_get_status(x), FAULT);
		CHECK_EQ(iommu_xlate_get_fault_reason(x), IOPF);
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
	for (int end = 0; end < 2 && sp; end++) {
		uint64_t off = end ? iommu_mapping_get_size(mp) - 1 : 0;
		uint32_t pasid = iommu_space_get_pasid(sp);

		/* A GIoV device's PASID 0 is what its untagged requests use. */
		iommu_translator_translate(t->im->amd, iommu_space_get_requester(sp), pasid,
					   iommu_mapping_get_iova(mp) + off, ANY,
					   iommu_mapping_get_perm(mp) & IOMMU_PERM_USER ? 0 : PRIV,
					   t->x);
		CHECK_EQ(iommu_xlate_get_phys(t->x), iommu_mapping_get_phys(mp) + off);
		CHECK_EQ(iommu_xlate_get_perm(t->x) & 3, iommu_mapping_get_perm(mp) & 3);
	}
	return 0;
}

static int check_space(const struct iommu_space *sp, void *userdata)
{
	struct tally *t = userdata;
	const struct amd_img *a = &t->im->a;
	uint16_t devid = iommu_space_get_requester(sp);
	uint32_t pasid = iommu_space_get_pasid(sp);
	const struct ai_dev *dev;
	uint64_t want = 0;

	t->spaces++;
	if (iommu_space_get_status(sp) != OK || !iommu_space_get_mode(sp) ||
	    (strcmp(iommu_space_get_mode(sp), "v1") && strcmp(iommu_space_get_mode(sp), "v2")))
		return 0;
	for (size_t i = 0; i < a->nmaps; i++)
		if (a->maps[i].devid == devid && a->maps[i].pasid == pasid)
			want += a->maps[i].size;
	t->bytes = 0;
	CHECK(iommu_translator_foreach_mapping(t->im->amd, sp, 0, count_run, t) == 0);
	/* Nested: the host tables also map the guest's own table pages. */
	dev = ai_dev((struct amd_img *)a, devid);
	if (pasid == NOP && dev && dev->gv)
		return 0;
	if (t->bytes != want)
		fprintf(stderr, "  devid %04x pasid %d: enumerated 0x%llx, described 0x%llx\n", devid,
			(int)pasid, (unsigned long long)t->bytes, (unsigned long long)want);
	CHECK_EQ(t->bytes, want);
	return 0;
}

static void check_description(struct image *im)
{
	struct iommu_xlate *x;
	struct tally t = { im, NULL, 0, 0 };

	CHECK(iommu_xlate_new(&x) == 0);
	t.x = x;
	for (size_t i = 0; i < im->a.nmaps; i++) {
		const struct ai_map *r = &im->a.maps[i];
		const struct ai_dev *d = ai_dev(&im->a, r->devid);
		uint32_t pasid = r->pasid;

		/* Host maps of a device with guest tables are checked through the guest's. */
		if (!d || (pasid == NOP && d->gv && d->giov))
			continue;
		if (pasid == 0 && d->giov)
			pasid = NOP;
		check_translation(im, x, d, pasid, r->iova + 0x123);
		check_translation(im, x, d, pasid, r->iova + r->size / 2);
		check_translation(im, x, d, pasid, r->iova + r->size - 1);
	}
	CHECK(iommu_translator_foreach_space(im->amd, check_space, &t) == 0);
	CHECK(t.spaces > 0);
	iommu_xlate_unref(x);
}

/* ---- probes ------------------------------------------------------------------ */

struct probe {
	const char *device;
	uint32_t pasid;
	uint64_t iova;
	enum iommu_access access;
	unsigned int flags;
	enum iommu_xlate_status status;
	unsigned int code;		/* FAULT: the event code */
	unsigned int evflags;		/* FAULT: its flags */
	bool suppressed;
	uint64_t phys;			/* OK: the address, when not 0 */
	uint64_t page;			/* OK: the page size, when not 0 */
};

static void probe(struct image *im, const struct probe *p)
{
	struct iommu_xlate *x;
	const uint64_t *rec;
	unsigned int words;

	CHECK(iommu_xlate_new(&x) == 0);
	CHECK(iommu_translator_translate(im->amd, bdf(p->device), p->pasid, p->iova, p->access,
					 p->flags, x) == 0);
	rec = iommu_xlate_get_fault_record(x, &words);
	if (iommu_xlate_get_status(x) != p->status ||
	    (p->status == FAULT && (iommu_xlate_get_fault_reason(x) != p->code ||
				    (rec[0] >> 48 & 0xfff) != p->evflags)))
		fprintf(stderr, "  probe %s/%d 0x%llx: got %s %u flags 0x%llx (%s)\n", p->device,
			(int)p->pasid, (unsigned long long)p->iova,
			iommu_xlate_status_name(iommu_xlate_get_status(x)),
			iommu_xlate_get_fault_reason(x),
			rec ? (unsigned long long)(rec[0] >> 48 & 0xfff) : 0ULL, iommu_xlate_get_detail(x));
	CHECK_EQ(iommu_xlate_get_status(x), p->status);
	if (p->status == FAULT && rec) {
		struct iommu_fault *ev = NULL;

		CHECK_EQ(iommu_xlate_get_fault_reason(x), p->code);
		CHECK_EQ(iommu_xlate_is_suppressed(x), p->suppressed);
		CHECK_EQ(words, 2);
		CHECK(iommu_fault_new_record(IOMMU_VENDOR_AMD, rec, 2, &ev) == 0);
		CHECK_EQ(iommu_fault_get_code(ev), p->code);
		CHECK_EQ(iommu_fault_get_source_id(ev), bdf(p->device));
		CHECK_EQ(iommu_fault_get_flags(ev), p->evflags);
		CHECK_EQ(iommu_fault_get_address(ev), p->iova);
		CHECK(iommu_fault_get_name(ev) != NULL);
		iommu_fault_unref(ev);
	} else if (p->status == OK) {
		CHECK(rec == NULL);
		if (p->phys)
			CHECK_EQ(iommu_xlate_get_phys(x), p->phys);
		if (p->page)
			CHECK_EQ(iommu_xlate_get_page_size(x), p->page);
	}
	iommu_xlate_unref(x);
}

struct scenario {
	const char *name;
	const char *description;
	bool probes_only;
	bool elf;
	struct probe probes[20];
};

static const struct scenario scenarios[] = {
	{ "v1 3 levels: 4K, 2M and 1G pages, Next Level 7 sizes (32K, 8M)",
	  "amdvi pages=16\n"
	  "dte 00:04.0 mode=3 domain=5\n"
	  "map 00:04.0 0x10000000 0x2000000 16K perm=rw\n"
	  "map 00:04.0 0x20000000 0x1000000 4M page=2M perm=r\n"
	  "map 00:04.0 0x40000000 0x40000000 1G page=1G perm=w\n"
	  "map 00:04.0 0x30000000 0x3000000 64K page=32K\n"
	  "map 00:04.0 0x31000000 0x800000 8M page=8M\n",
	  .probes = {
		  { "00:04.0", NOP, 0x30001234, RD, 0, OK, .phys = 0x3001234, .page = 0x8000 },
		  { "00:04.0", NOP, 0x31345678, RD, 0, OK, .phys = 0xb45678, .page = 0x800000 },
		  { "00:04.0", NOP, 0x20000000, WR, 0, FAULT, IOPF, PR | PE | RW },
		  { "00:04.0", NOP, 0x40000000, RD, 0, FAULT, IOPF, PR | PE },
		  { "00:04.0", NOP, 0x90000000, RD, 0, FAULT, IOPF, 0 },
		  { "00:04.0", NOP, 0x90000000, WR, 0, FAULT, IOPF, RW },
		  { "00:04.0", NOP, 0x8000000000, RD, 0, FAULT, IOPF, 0 },	/* beyond 39 bits */
	  } },
	{ "v1 1, 2, 5 and 6 levels",
	  "amdvi\n"
	  "dte 00:01.0 mode=1\n"
	  "map 00:01.0 0x1000 0x100000 8K\n"
	  "dte 00:02.0 mode=2\n"
	  "map 00:02.0 0x200000 0x400000 2M page=2M\n"
	  "dte 00:03.0 mode=5\n"
	  "map 00:03.0 0xff000000000000 0x500000 4K\n"
	  "dte 00:05.0 mode=6\n"
	  "map 00:05.0 0xfff0000000000000 0x600000 4K\n"
	  "map 00:05.0 0x1000 0x601000 4K\n",
	  .probes = { { "00:01.0", NOP, 0x200000, RD, 0, FAULT, IOPF, 0 } } },
	{ "v1 4 levels with skipped levels (the top PDE points at level 2)",
	  "amdvi\n"
	  "dte 00:04.0 mode=4\n"
	  "map 00:04.0 0x1000 0x100000 8K skip=1\n"
	  "map 00:04.0 0x200000 0x200000 2M page=2M\n",
	  .probes = {
		  { "00:04.0", NOP, 0x40001000, RD, 0, FAULT, IOPF, PR },	/* skipped bits set */
		  { "00:04.0", NOP, 0x1000, RD, 0, OK, .phys = 0x100000 },
	  } },
	{ "pass-through, untranslated, and the DTE's permissions and checks",
	  "amdvi\n"
	  "dte 00:01.0 mode=0 perm=r\n"
	  "dte 00:02.0 invalid\n"
	  "dte 00:03.0 notv\n"
	  "dte 00:05.0 mode=7\n"
	  "dte 00:06.0 mode=3\n"
	  "poke dte 00:06.0 0 or 0x10\n"
	  "dte 00:07.0 mode=3 perm=none sa\n"
	  "dte 00:08.0 mode=3 gv glx=3\n",
	  .probes_only = true,
	  .probes = {
		  { "00:01.0", NOP, 0x1234, RD, 0, OK, .phys = 0x1234 },
		  { "00:01.0", NOP, 0x1234, WR, 0, FAULT, IOPF, PR | PE | RW },
		  { "00:02.0", NOP, 0x5678, WR, 0, OK, .phys = 0x5678 },	/* V clear: untranslated */
		  { "00:03.0", NOP, 0x1000, RD, 0, FAULT, IOPF, 0 },	/* TV clear */
		  { "00:05.0", NOP, 0x1000, RD, 0, FAULT, ILLEGAL, RZ },	/* Mode 7 */
		  { "00:06.0", NOP, 0x1000, RD, 0, FAULT, ILLEGAL, RZ },	/* reserved bit 4 */
		  { "00:07.0", NOP, 0x1000, RD, 0, FAULT, IOPF, PR | PE, true },	/* SA: not logged */
		  { "00:08.0", NOP, 0x1000, RD, 0, FAULT, ILLEGAL, RZ },	/* GLX 3 */
		  { "10:00.0", NOP, 0x1000, RD, 0, FAULT, IOPF, 0 },	/* beyond the table */
	  } },
	{ "v1 entries: reserved bits, invalid Next Level, Next Level 7 sizes a level cannot hold",
	  "amdvi\n"
	  "dte 00:04.0 mode=3\n"
	  "map 00:04.0 0x1000 0x100000 4K\n"
	  "poke entry 00:04.0 0x1000 1 0 or 0x20000000000000\n"
	  "map 00:04.0 0x200000 0x300000 4K\n"
	  "poke entry 00:04.0 0x200000 2 0 and 0xfffffffffffff1ff\n"
	  "poke entry 00:04.0 0x200000 2 0 or 0x600\n"
	  "map 00:04.0 0x10000000 0x600000 4K\n"
	  "poke entry 00:04.0 0x10000000 2 0 or 0xe00\n"
	  "map 00:04.0 0x40000000 0x400000 4K\n"
	  "poke entry 00:04.0 0x40000000 1 0 or 0xe00\n"
	  "map 00:04.0 0x80000000 0x500000 4K\n"
	  "poke entry 00:04.0 0x80000000 1 0 or 0x1ffe00\n",
	  .probes_only = true,
	  .probes = {
		  { "00:04.0", NOP, 0x1000, RD, 0, FAULT, IOPF, PR | RZ },	/* bit 53 */
		  { "00:04.0", NOP, 0x200000, RD, 0, FAULT, IOPF, PR | RZ },	/* PDE at level 2 naming level 3 */
		  { "00:04.0", NOP, 0x10000000, RD, 0, FAULT, IOPF, PR },	/* level 2, NL 7: an 8K page */
		  { "00:04.0", NOP, 0x40000234, RD, 0, OK, .phys = 0x400234, .page = 0x2000 },	/* an 8K page */
		  { "00:04.0", NOP, 0x80000000, RD, 0, FAULT, IOPF, PR },	/* 4M at level 1 */
	  } },
	{ "v2 guest tables through a 1-level GCR3 table, user and supervisor, GIoV off",
	  "amdvi\n"
	  "dte 00:04.0 mode=0 gv\n"
	  "gcr3 00:04.0 1\n"
	  "map 00:04.0/1 0x1000 0x100000 8K perm=rw user\n"
	  "map 00:04.0/1 0x200000 0x400000 2M page=2M perm=r\n"
	  "map 00:04.0/1 0x40000000 0x40000000 1G page=1G\n"
	  "gcr3 00:04.0 2 invalid\n"
	  "dte 00:05.0 mode=3\n",
	  .probes = {
		  { "00:04.0", 1, 0x200000, WR, PRIV, FAULT, IOPF, GN | PR | PE | RW },
		  { "00:04.0", 1, 0x200000, RD, 0, FAULT, IOPF, GN | US | PR | PE },
		  { "00:04.0", 1, 0x7000, RD, PRIV, FAULT, IOPF, GN },
		  { "00:04.0", 2, 0x1000, RD, PRIV, FAULT, IOPF, GN },	/* GCR3 entry not valid */
		  { "00:04.0", 600, 0x1000, RD, PRIV, FAULT, IOPF, GN },	/* beyond the 1-level table */
		  { "00:04.0", NOP, 0x1234, RD, PRIV, OK, .phys = 0x1234 },	/* untagged: pass-through */
		  { "00:05.0", 1, 0x1000, RD, PRIV, FAULT, IOMMU_AMDVI_INVALID_DEVICE_REQUEST, GN },
		  { "00:04.0", 1, 0x800000000000, RD, PRIV, FAULT, IOPF, GN },	/* not canonical */
	  } },
	{ "v2 with GIoV (untagged requests use PASID 0), 2-level GCR3 table, 5-level guest tables",
	  "amdvi\n"
	  "dte 00:04.0 mode=0 gv giov glx=1 gpt=5\n"
	  "gcr3 00:04.0 0\n"
	  "map 00:04.0/0 0x1000 0x100000 4K\n"
	  "gcr3 00:04.0 600\n"
	  "map 00:04.0/600 0xff000000000000 0x200000 4K\n",
	  .probes = { { "00:04.0", NOP, 0x1000, RD, PRIV, OK, .phys = 0x100000 } } },
	{ "nested: guest tables and GCR3 read through 3-level host tables",
	  "amdvi\n"
	  "dte 00:04.0 mode=3 gv\n"
	  "gcr3 00:04.0 3\n"
	  "map 00:04.0/3 0x1000 0x40000000 8K perm=rw\n"
	  "map 00:04.0/3 0x200000 0x40200000 2M page=2M\n"
	  "map 00:04.0 0x40000000 0x2000000 4M page=2M\n",
	  .probes = {
		  { "00:04.0", 3, 0x1000, WR, PRIV, OK, .phys = 0x2000000 },
		  { "00:04.0", NOP, 0x40001000, RD, 0, OK, .phys = 0x2001000 },	/* untagged: host */
	  } },
	{ "nested: guest tables not mapped in the host tables",
	  "amdvi\n"
	  "dte 00:04.0 mode=3 gv guest-tables=none\n"
	  "gcr3 00:04.0 3\n"
	  "map 00:04.0/3 0x1000 0x40000000 4K\n"
	  "map 00:04.0 0x40000000 0x2000000 4K\n",
	  .probes_only = true,
	  .probes = { { "00:04.0", 3, 0x1000, RD, PRIV, FAULT, IOPF, GN } } },
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
	for (size_t i = 0; i < ARRAY_LEN(sc->probes) && sc->probes[i].device; i++)
		probe(&im, &sc->probes[i]);
	release(&im);
}

static void test_missing(void)
{
	struct image im;
	struct iommu_xlate *x;

	if (!build(&im, "amdvi\n"
			"dte 00:04.0 mode=3\n"
			"map 00:04.0 0x1000 0x100000 4K\n"
			"map 00:04.0 0x40000000 0x200000 4K\n"
			"drop table 00:04.0 0x40000000 1\n", true)) {
		release(&im);
		return;
	}
	CHECK(iommu_xlate_new(&x) == 0);
	iommu_translator_translate(im.amd, bdf("00:04.0"), NOP, 0x1000, RD, 0, x);
	CHECK_EQ(iommu_xlate_get_status(x), OK);
	iommu_translator_translate(im.amd, bdf("00:04.0"), NOP, 0x40000000, RD, 0, x);
	CHECK_EQ(iommu_xlate_get_status(x), MISSING);
	iommu_xlate_unref(x);
	release(&im);
}

static int collect(const struct iommu_mapping *mp, void *userdata)
{
	uint64_t *iovas = userdata;

	iovas[++iovas[0]] = iommu_mapping_get_iova(mp);
	return iovas[0] >= 7;
}

static void test_trace_and_reverse(void)
{
	struct image im;
	struct iommu_xlate *x;
	uint64_t iovas[8] = { 0 };

	if (!build(&im, "amdvi\n"
			"dte 00:04.0 mode=3 domain=9\n"
			"map 00:04.0 0x1000 0x100000 4K\n"
			"dte 00:05.0 mode=0 gv\n"
			"gcr3 00:05.0 1\n"
			"map 00:05.0/1 0xffff800000002000 0x100000 4K\n", false)) {
		release(&im);
		return;
	}
	CHECK(iommu_xlate_new(&x) == 0);
	iommu_translator_translate(im.amd, bdf("00:04.0"), NOP, 0x1234, RD, 0, x);
	CHECK_EQ(iommu_xlate_get_step_count(x), 4);	/* the DTE, three levels */
	CHECK_EQ(iommu_xlate_get_step_kind(x, 0), IOMMU_STEP_DTE);
	CHECK_EQ(iommu_xlate_get_step_level(x, 3), 1);
	CHECK_EQ(iommu_xlate_get_domain_id(x), 9);
	CHECK_STR(iommu_xlate_get_mode(x), "v1");
	iommu_translator_translate(im.amd, bdf("00:05.0"), 1, 0xffff800000002000ULL, RD, PRIV, x);
	CHECK_EQ(iommu_xlate_get_status(x), OK);
	CHECK_EQ(iommu_xlate_get_step_kind(x, 1), IOMMU_STEP_GCR3);
	CHECK(iommu_translator_foreach_reverse(im.amd, 0x100123, collect, iovas) == 0);
	CHECK_EQ(iovas[0], 2);
	CHECK_EQ(iovas[1], 0x1000);
	CHECK_EQ(iovas[2], 0xffff800000002000ULL);	/* sign-extended */
	iommu_xlate_unref(x);
	release(&im);
}

/* EFR bounds the levels and guest translation. */
static void test_efr(void)
{
	struct image im;
	struct iommu_xlate *x;

	if (!build(&im, "amdvi\n"
			"dte 00:04.0 mode=5\n"
			"dte 00:05.0 mode=0 gv\n", false)) {
		release(&im);
		return;
	}
	iommu_amdvi_set_efr(im.amd, 0);	/* HATS 4 levels, no GTSup */
	CHECK(iommu_xlate_new(&x) == 0);
	iommu_translator_translate(im.amd, bdf("00:04.0"), NOP, 0x1000, RD, 0, x);
	CHECK_EQ(iommu_xlate_get_fault_reason(x), IOPF);
	iommu_translator_translate(im.amd, bdf("00:05.0"), 1, 0x1000, RD, 0, x);
	CHECK_EQ(iommu_xlate_get_fault_reason(x), ILLEGAL);
	iommu_xlate_unref(x);
	release(&im);
}

/* The reference's sample DTE (a 2025 kernel's devtbl): every field where it should be. */
static void test_decode(void)
{
	const uint64_t dte[4] = { 0x6000000114d7b603ULL, 0x38, 0x20000001373b8013ULL, 0 };
	struct iommu_dnode *root = NULL;

	CHECK(iommu_amdvi_dte_decode(dte, &root) == 0);
	if (root) {
		const struct iommu_dfield *w0 = iommu_dnode_find_field(root, "word0");

		CHECK(w0 != NULL);
		iommu_dnode_unref(root);
	}
}

int main(void)
{
	snprintf(dir, sizeof(dir), "/tmp/test-amdvi-XXXXXX");
	if (!mkdtemp(dir) || iommu_ctx_new(&ctx) < 0)
		return 1;
	for (size_t i = 0; i < ARRAY_LEN(scenarios); i++)
		run_scenario(&scenarios[i]);
	test_missing();
	test_trace_and_reverse();
	test_efr();
	test_decode();
	iommu_ctx_unref(ctx);
	{
		char path[128];

		snprintf(path, sizeof(path), "%s/image", dir);
		unlink(path);
		rmdir(dir);
	}
	return unit_report("amdvi-walk");
}
