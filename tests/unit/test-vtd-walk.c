// SPDX-License-Identifier: MIT
/*
 * The VT-d walker against images built from descriptions (tests/tools/
 * mkimage.h): every format and configuration — legacy 3/4/5-level with
 * 2 MiB and 1 GiB pages, pass-through, scalable second stage, first stage
 * 4/5-level with user/supervisor, nested, every fault reason a table can
 * provoke, fault-processing-disable, pages missing from the dump.  The
 * expected translations come from the descriptions (what each "map" asked
 * for), the expected faults from the specification's tables.
 */
#include <stdlib.h>

#include "libiommu.h"
#include "unit.h"
#include "../tools/mkimage.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static char dir[64];
static struct iommu_ctx *ctx;

#define ACCESS_ANY IOMMU_ACCESS_ANY
#define RD IOMMU_ACCESS_READ
#define WR IOMMU_ACCESS_WRITE

/* Build DESCRIPTION into M and write it (raw, or ELF leaving dropped pages out). */
static void build(struct img *m, const char *description)
{
	CHECK(img_init(m, 0x100000, 0x1000000, 0) == 0);
	if (img_build(m, description) < 0) {
		fprintf(stderr, "description: %s\n", m->error);
		unit_failed++;
	}
}

static struct iommu_translator *open_image(const struct img *m, bool elf)
{
	char path[128];
	struct iommu_dump *d = NULL;
	struct iommu_translator *vtd = NULL;

	snprintf(path, sizeof(path), "%s/image", dir);
	CHECK((elf ? img_write_elf(m, path) : img_write_raw(m, path, 0x1000000)) == 0);
	CHECK(iommu_dump_open(ctx, path, &d, NULL) == 0);
	if (!d)
		return NULL;
	CHECK_EQ(iommu_dump_get_format(d), elf ? IOMMU_DUMP_ELF : IOMMU_DUMP_RAW);
	CHECK(iommu_translator_new_vtd(d, img_rtaddr(m), &vtd) == 0);
	iommu_dump_unref(d);
	return vtd;
}

static uint16_t bdf(const char *s)
{
	uint16_t sid = 0;

	img_bdf(s, &sid);
	return sid;
}

/* ---- expectations from the description ------------------------------------ */

/* Where the description maps IN in a space's stage, or false. */
static bool expect_stage(const struct img *m, uint16_t sid, uint32_t pasid, enum img_stage stage,
			 uint64_t in, uint64_t *out, uint64_t *page, unsigned int *perm)
{
	for (size_t i = 0; i < m->nmaps; i++) {
		const struct img_map *r = &m->maps[i];

		if (r->sid == sid && r->pasid == pasid && r->stage == stage && in - r->iova < r->size) {
			*out = r->phys + (in - r->iova);
			*page = r->page;
			*perm = r->perm;
			return true;
		}
	}
	return false;
}

/* The whole translation the description implies (nested: both stages composed). */
static bool expect(const struct img *m, const struct img_space *s, uint64_t in, uint64_t *out,
		   uint64_t *page, unsigned int *perm)
{
	uint64_t gpa, page2;
	unsigned int perm2;

	if (s->pgtt == 4) {
		*out = in;
		*page = 0;
		*perm = 3;
		return true;
	}
	if (!expect_stage(m, s->sid, s->pasid, s->fs_levels ? IMG_FS : IMG_SS, in, out, page, perm))
		return false;
	/* A first-stage page is readable when present; user as U/S says. */
	if (s->fs_levels)
		*perm |= 1;
	if (s->pgtt != 3)
		return true;
	gpa = *out;
	if (!expect_stage(m, s->sid, s->pasid, IMG_SS, gpa, out, &page2, &perm2))
		return false;
	*perm &= perm2 | 4;
	if (page2 < *page)
		*page = page2;
	return true;
}

static unsigned int not_present_reason(const struct img *m, const struct img_space *s)
{
	if (!m->scalable)
		return 0x06;	/* LGN.3: a read of a page with R and W clear */
	return s->fs_levels ? 0x71 : 0x79;
}

/* First-stage pages for users are checked with user requests, the others as supervisor. */
static unsigned int flags_for(unsigned int perm)
{
	return perm & IOMMU_PERM_USER ? 0 : IOMMU_REQ_PRIV;
}

static void check_translation(struct iommu_translator *vtd, struct iommu_xlate *x,
			      const struct img *m, const struct img_space *s, uint64_t in)
{
	uint64_t out, page;
	unsigned int perm = 0;
	uint32_t pasid = m->scalable ? s->pasid : IOMMU_NO_PASID;
	bool mapped = expect(m, s, in, &out, &page, &perm);

	/* Unmapped addresses are probed with a user request: no SRE needed. */
	CHECK(iommu_translator_translate(vtd, s->sid, pasid, in, ACCESS_ANY,
					 mapped ? flags_for(perm) : 0, x) == 0);
	if (mapped && out - 0xfee00000 < 0x100000) {
		/* LGN.4 / SGN.8: nothing may land in the interrupt range. */
		CHECK_EQ(iommu_xlate_get_status(x), IOMMU_XLATE_FAULT);
		CHECK_EQ(iommu_xlate_get_fault_reason(x), m->scalable ? 0x87 : 0x0e);
	} else if (mapped) {
		if (iommu_xlate_get_status(x) != IOMMU_XLATE_OK || iommu_xlate_get_phys(x) != out)
			fprintf(stderr, "  0x%llx (sid %04x pasid %u): %s\n", (unsigned long long)in, s->sid,
				s->pasid, iommu_xlate_get_detail(x));
		CHECK_EQ(iommu_xlate_get_status(x), IOMMU_XLATE_OK);
		CHECK_EQ(iommu_xlate_get_phys(x), out);
		CHECK_EQ(iommu_xlate_get_page_size(x), page);
		CHECK_EQ(iommu_xlate_get_perm(x), perm);
	} else {
		CHECK_EQ(iommu_xlate_get_status(x), IOMMU_XLATE_FAULT);
		CHECK_EQ(iommu_xlate_get_fault_reason(x), not_present_reason(m, s));
	}
}

struct leaves {
	const struct img *m;
	struct iommu_translator *vtd;
	struct iommu_xlate *x;
	uint64_t bytes;
};

static int count_leaf(const struct iommu_mapping *mp, void *userdata)
{
	struct leaves *l = userdata;
	const struct iommu_space *sp = iommu_mapping_get_space(mp);

	CHECK_EQ(iommu_mapping_get_kind(mp), IOMMU_MAPPING_MAPPED);
	l->bytes += iommu_mapping_get_size(mp);
	/* Every range the enumeration reports translates as it says, at both ends. */
	for (int end = 0; end < 2; end++) {
		uint64_t off = end ? iommu_mapping_get_size(mp) - 1 : 0;

		iommu_translator_translate(l->vtd, iommu_space_get_requester(sp),
					   iommu_space_get_pasid(sp),
					   iommu_mapping_get_iova(mp) + off, ACCESS_ANY,
					   flags_for(iommu_mapping_get_perm(mp)), l->x);
		if (iommu_mapping_get_phys(mp) - 0xfee00000 < 0x100000)
			continue;
		CHECK_EQ(iommu_xlate_get_phys(l->x), iommu_mapping_get_phys(mp) + off);
		CHECK_EQ(iommu_xlate_get_perm(l->x), iommu_mapping_get_perm(mp));
	}
	return 0;
}

static int check_space(const struct iommu_space *sp, void *userdata)
{
	struct leaves *l = userdata;
	uint32_t pasid = iommu_space_get_pasid(sp);
	const struct img_space *s = img_space(l->m, iommu_space_get_requester(sp),
					      l->m->scalable ? pasid : IMG_NO_PASID);
	uint64_t want = 0;

	if (!s || iommu_space_get_status(sp) != IOMMU_XLATE_OK)
		return 0;
	for (size_t i = 0; i < l->m->nmaps; i++) {
		const struct img_map *r = &l->m->maps[i];

		if (r->sid == s->sid && r->pasid == s->pasid &&
		    r->stage == (s->fs_levels ? IMG_FS : IMG_SS))
			want += r->size;
	}
	l->bytes = 0;
	CHECK(iommu_translator_foreach_mapping(l->vtd, sp, 0, count_leaf, l) == 0);
	CHECK_EQ(l->bytes, want);
	return 0;
}

/* Everything the description maps translates, the pages after each map fault, enumeration agrees. */
static void check_description(struct iommu_translator *vtd, const struct img *m)
{
	struct iommu_xlate *x;
	struct leaves l = { m, vtd, NULL, 0 };

	CHECK(iommu_xlate_new(&x) == 0);
	l.x = x;
	for (size_t i = 0; i < m->nmaps; i++) {
		const struct img_map *r = &m->maps[i];
		const struct img_space *s = img_space(m, r->sid, r->pasid);

		/* Second-stage maps of nested spaces are checked through their first stage. */
		if (!s || (s->pgtt == 3 && r->stage == IMG_SS))
			continue;
		check_translation(vtd, x, m, s, r->iova + 0x123);
		check_translation(vtd, x, m, s, r->iova + r->size / 2);
		check_translation(vtd, x, m, s, r->iova + r->size - 1);
		if (((r->iova + r->size) >> (12 + 9 * (s->fs_levels ? s->fs_levels : s->ss_levels) - 1)) == 0)
			check_translation(vtd, x, m, s, r->iova + r->size);
	}
	CHECK(iommu_translator_foreach_space(vtd, check_space, &l) == 0);
	iommu_xlate_unref(x);
}

/* ---- probes: one request and what the specification says happens ----------- */

struct probe {
	const char *device;
	uint32_t pasid;
	uint64_t iova;
	enum iommu_access access;
	unsigned int flags;
	enum iommu_xlate_status status;
	unsigned int fr;		/* FAULT: the reason; OK: unused */
	bool suppressed;
};

#define NOP IOMMU_NO_PASID
#define OK IOMMU_XLATE_OK
#define FAULT IOMMU_XLATE_FAULT

static void probe(struct iommu_translator *vtd, const struct probe *p)
{
	struct iommu_xlate *x;

	CHECK(iommu_xlate_new(&x) == 0);
	CHECK(iommu_translator_translate(vtd, bdf(p->device), p->pasid, p->iova, p->access,
					 p->flags, x) == 0);
	if (iommu_xlate_get_status(x) != p->status ||
	    (p->status == FAULT && iommu_xlate_get_fault_reason(x) != p->fr))
		fprintf(stderr, "  probe %s/%d 0x%llx: got %s 0x%02x (%s)\n", p->device, (int)p->pasid,
			(unsigned long long)p->iova, iommu_xlate_status_name(iommu_xlate_get_status(x)),
			iommu_xlate_get_fault_reason(x), iommu_xlate_get_detail(x));
	CHECK_EQ(iommu_xlate_get_status(x), p->status);
	if (p->status == FAULT) {
		struct iommu_fault *f = NULL;

		CHECK_EQ(iommu_xlate_get_fault_reason(x), p->fr);
		CHECK_EQ(iommu_xlate_is_suppressed(x), p->suppressed);
		/* Every fault reason the walker records is in the catalogue, with its kernel text. */
		CHECK(iommu_fault_new(IOMMU_VENDOR_INTEL, p->fr, &f) == 0 && *iommu_fault_get_meaning(f));
		iommu_fault_unref(f);
	}
	iommu_xlate_unref(x);
}

struct scenario {
	const char *name;
	const char *description;
	bool probes_only;		/* entries poked on purpose: only the probes hold */
	bool elf, strict, caps;
	uint64_t cap, ecap;
	struct probe probes[24];
};

/* CAP: SAGAW 39/48-bit, MGAW 39, SLLPS 2 MiB only, FL1GP, no FL5LP.  ECAP: QI, PT, no SC, SMTS, SSTS, FSTS, NEST. */
#define CAP_39_48_2M ((0x6ULL << 8) | (38ULL << 16) | (1ULL << 34) | (1ULL << 56))
#define ECAP_SM (2ULL | (1ULL << 6) | (1ULL << 26) | (1ULL << 43) | (1ULL << 46) | (1ULL << 47))

static const struct scenario scenarios[] = {
	{ "legacy 3-level with 4 KiB, 2 MiB and 1 GiB pages",
	  "mode legacy\n"
	  "device 00:04.0 did=5 aw=39\n"
	  "map 00:04.0 0x10000000 0x2000000 16K perm=rw\n"
	  "map 00:04.0 0x20000000 0x40000000 4M page=2M perm=r\n"
	  "map 00:04.0 0x40000000 0x80000000 1G page=1G perm=w\n"
	  "map 00:04.0 0x80000000 0xfee00000 4K\n"
	  "device 01:00.0 did=6 aw=39\n"
	  "map 01:00.0 0x1000 0x5000 4K perm=rw\n",
	  .probes = {
		  { "00:04.0", NOP, 0x40000000, RD, 0, FAULT, 0x06 },	/* LGN.3: write-only page read */
		  { "00:04.0", NOP, 0x20000000, WR, 0, FAULT, 0x05 },	/* LGN.2: read-only page written */
		  { "00:04.0", NOP, 0x30000000, WR, 0, FAULT, 0x05 },	/* LGN.2: unmapped page written */
		  { "00:04.0", NOP, 0x30000000, RD, 0, FAULT, 0x06 },	/* LGN.3: unmapped page read */
		  { "00:04.0", NOP, 0x8000000000, RD, 0, FAULT, 0x04 },	/* LGN.1: beyond 39 bits */
		  { "00:04.0", NOP, 0x80000000, RD, 0, FAULT, 0x0e },	/* LGN.4: lands in 0xfee00000 */
		  { "00:05.0", NOP, 0x1000, RD, 0, FAULT, 0x02 },	/* LCT.2 */
		  { "02:00.0", NOP, 0x1000, RD, 0, FAULT, 0x01 },	/* LRT.2 */
		  { "00:04.0", 1, 0x1000, RD, 0, FAULT, 0x31 },		/* RTA.2: PASID in legacy mode */
		  { "01:00.0", NOP, 0x1000, WR, 0, OK },
	  } },
	{ "legacy 4- and 5-level",
	  "mode legacy\n"
	  "device 00:04.0 did=5 aw=48\n"
	  "map 00:04.0 0x7f0000000000 0x3000000 8K\n"
	  "map 00:04.0 0x7fffc0000000 0x40000000 1G page=1G\n"
	  "device 00:05.0 did=6 aw=57\n"
	  "map 00:05.0 0x1f0000000000000 0x4000000 4K\n"
	  "map 00:05.0 0x10000000000000 0x4200000 2M page=2M\n",
	  .probes = {
		  { "00:04.0", NOP, 0x1000000000000, RD, 0, FAULT, 0x04 },	/* beyond 48 bits */
		  { "00:05.0", NOP, 0x200000000000000, RD, 0, FAULT, 0x04 },	/* beyond 57 bits */
	  } },
	{ "legacy translation types",
	  "mode legacy\n"
	  "device 00:01.0 aw=39 tt=2\n"
	  "device 00:02.0 aw=39 tt=1\n"
	  "map 00:02.0 0x1000 0x2000 4K\n"
	  "device 00:03.0 aw=39 tt=3\n",
	  .probes = {
		  { "00:01.0", NOP, 0x123456789, RD, 0, OK },		/* pass-through */
		  { "00:02.0", NOP, 0x1000, RD, 0, OK },			/* device-TLB enabled: translated */
		  { "00:03.0", NOP, 0x1000, RD, 0, FAULT, 0x03 },	/* LCT.4: TT 11 reserved */
	  } },
	{ "legacy reserved bits",
	  .probes_only = true,
	  .description = "mode legacy\n"
	  "device 00:04.0 aw=48\n"
	  "map 00:04.0 0x10000000 0x2000000 4K\n"
	  "device 00:05.0 aw=48 reserved-lo=0x10\n"
	  "device 01:00.0 aw=48\n"
	  "map 01:00.0 0x10000000 0x2000000 4K\n"
	  "map 01:00.0 0x20000000 0x2000000 4K\n"
	  "poke root 1 1 set 0x1\n"
	  "device 02:00.0 aw=48\n"
	  "map 02:00.0 0x10000000 0x2000000 4K\n"
	  "poke entry 02:00.0 0x10000000 4 0 or 0x80\n"
	  "device 03:00.0 aw=48\n"
	  "map 03:00.0 0x10000000 0x2000000 4K\n"
	  "poke entry 03:00.0 0x10000000 1 0 or 0x4000000000000000\n",
	  .probes = {
		  { "00:04.0", NOP, 0x10000000, RD, 0, OK },
		  { "00:05.0", NOP, 0x10000000, RD, 0, FAULT, 0x0b },	/* LCT.3 */
		  { "01:00.0", NOP, 0x10000000, RD, 0, FAULT, 0x0a },	/* LRT.3: root entry high word */
		  { "02:00.0", NOP, 0x10000000, RD, 0, FAULT, 0x0c },	/* LSL.2: PS in a PML4E */
		  { "03:00.0", NOP, 0x10000000, RD, 0, OK },		/* TM (bit 62) is defined in legacy mode */
	  } },
	{ "legacy with CAP/ECAP bounds",
	  "mode legacy\n"
	  "device 00:04.0 aw=48\n"
	  "map 00:04.0 0x10000000 0x2000000 4K\n"
	  "map 00:04.0 0x40000000 0x40000000 1G page=1G\n"
	  "map 00:04.0 0x20000000 0x4000000 4K\n"
	  "poke entry 00:04.0 0x20000000 1 0 or 0x800\n"
	  "device 00:05.0 aw=57\n"
	  "device 00:06.0 aw=39 tt=1\n",
	  .caps = true, .cap = CAP_39_48_2M, .ecap = ECAP_SM,
	  .probes = {
		  { "00:04.0", NOP, 0x10000000, RD, 0, OK },
		  { "00:04.0", NOP, 0x8000000000, RD, 0, FAULT, 0x04 },	/* beyond MGAW 39 */
		  { "00:04.0", NOP, 0x40000000, RD, 0, FAULT, 0x0c },	/* 1 GiB page, SLLPS lacks it */
		  { "00:04.0", NOP, 0x20000000, RD, 0, FAULT, 0x0c },	/* SNP without ECAP.SC */
		  { "00:05.0", NOP, 0x1000, RD, 0, FAULT, 0x03 },	/* 5-level not in SAGAW */
		  { "00:06.0", NOP, 0x1000, RD, 0, FAULT, 0x03 },	/* device-TLB without ECAP.DT */
	  } },
	{ "scalable second stage, 4- and 5-level, 2 MiB and 1 GiB",
	  "mode scalable\n"
	  "device 00:04.0 paside pdts=0 rid_pasid=0\n"
	  "pasid 00:04.0 0 pgtt=ss did=3 aw=48\n"
	  "map 00:04.0/0 0x10000000 0x2000000 8K perm=rw\n"
	  "map 00:04.0/0 0x20000000 0x4000000 2M page=2M perm=r\n"
	  "map 00:04.0/0 0x40000000 0x80000000 1G page=1G perm=w\n"
	  "map 00:04.0/0 0x80000000 0xfee00000 4K\n"
	  "pasid 00:04.0 1 pgtt=ss did=4 aw=57\n"
	  "map 00:04.0/1 0x1000000000000 0x5000000 4K\n"
	  "device 00:10.0 paside rid_pasid=3\n"
	  "pasid 00:10.0 3 pgtt=ss aw=48\n"
	  "map 00:10.0/3 0x1000 0x6000000 4K\n",
	  .probes = {
		  { "00:04.0", NOP, 0x10000000, WR, 0, OK },		/* RID_PASID 0 */
		  { "00:04.0", NOP, 0x30000000, RD, 0, FAULT, 0x79 },	/* SSL.2 */
		  { "00:04.0", NOP, 0x20000000, WR, 0, FAULT, 0x85 },	/* SGN.6 */
		  { "00:04.0", NOP, 0x40000000, RD, 0, FAULT, 0x86 },	/* SGN.7 */
		  { "00:04.0", NOP, 0x1000000000000, RD, 0, FAULT, 0x84 },	/* SGN.5: beyond 48 bits */
		  { "00:04.0", NOP, 0x80000000, RD, 0, FAULT, 0x87 },	/* SGN.8 */
		  { "00:04.0", 1, 0x1000000000000, RD, 0, OK },
		  { "00:04.0", 7, 0x1000, RD, 0, FAULT, 0x59 },		/* SPT.2: PASID 7 entry absent */
		  { "00:04.0", 200, 0x1000, RD, 0, FAULT, 0x51 },	/* SPD.2: directory entry 3 absent */
		  { "00:04.0", 0x4000, 0x1000, RD, 0, FAULT, 0x46 },	/* SCT.7: beyond the 128-entry directory */
		  { "00:10.0", NOP, 0x1000, RD, 0, OK },			/* upper root half, RID_PASID 3 */
		  { "00:11.0", NOP, 0x1000, RD, 0, FAULT, 0x41 },	/* SCT.2 */
		  { "01:10.0", NOP, 0x1000, RD, 0, FAULT, 0x39 },	/* SRT.2 */
	  } },
	{ "scalable first stage, 4- and 5-level, user and supervisor",
	  "mode scalable\n"
	  "device 00:04.0 paside rid_pasid=5\n"
	  "pasid 00:04.0 5 pgtt=fs levels=4 did=7 sre\n"
	  "map 00:04.0/5 0x1000 0x3000000 8K perm=r user\n"
	  "map 00:04.0/5 0x200000 0x4000000 4M page=2M perm=rw user\n"
	  "map 00:04.0/5 0x40000000 0x80000000 1G page=1G perm=rw\n"
	  "map 00:04.0/5 0xffff800000000000 0x5000000 4K perm=rw user\n"
	  "map 00:04.0/5 0x7000 0x5000000 4K perm=r\n"
	  "pasid 00:04.0 6 pgtt=fs levels=5 did=8\n"
	  "map 00:04.0/6 0xff00000000000000 0x6000000 4K perm=rw user\n"
	  "map 00:04.0/6 0x1000 0x6001000 4K perm=rw user\n"
	  "pasid 00:04.0 8 pgtt=fs levels=4 sre wpe\n"
	  "map 00:04.0/8 0x1000 0x7000000 4K perm=r\n"
	  "pasid 00:04.0 9 pgtt=pt did=9\n"
	  "device 00:05.0 rid_pasid=0\n"
	  "pasid 00:05.0 0 pgtt=fs levels=4\n",
	  .probes = {
		  { "00:04.0", 5, 0x1000, WR, 0, FAULT, 0x85 },		/* SGN.6: R/W clear */
		  { "00:04.0", 5, 0x40000000, RD, 0, FAULT, 0x81 },	/* SGN.2: user request, U/S clear */
		  { "00:04.0", 5, 0x40000000, WR, IOMMU_REQ_PRIV, OK },
		  { "00:04.0", 5, 0x7000, WR, IOMMU_REQ_PRIV, OK },	/* WPE clear: supervisor writes ignore R/W */
		  { "00:04.0", 8, 0x1000, WR, IOMMU_REQ_PRIV, FAULT, 0x85 },	/* WPE set */
		  { "00:04.0", 5, 0x800000000000, RD, 0, FAULT, 0x80 },	/* SGN.1: not canonical */
		  { "00:04.0", 5, 0x3000, RD, 0, FAULT, 0x71 },		/* SFL.2 */
		  { "00:04.0", 6, 0x1000, RD, IOMMU_REQ_PRIV, FAULT, 0x5d },	/* SPT.6: SRE clear */
		  { "00:04.0", 9, 0xabcdef000, WR, 0, OK },		/* pass-through */
		  { "00:05.0", 3, 0x1000, RD, 0, FAULT, 0x45 },		/* SCT.6: PASIDE clear */
		  { "00:05.0", NOP, 0x1000, RD, 0, FAULT, 0x71 },
	  } },
	{ "scalable structure faults",
	  .probes_only = true,
	  .description = "mode scalable\n"
	  "device 00:01.0 paside\n"
	  "pasid 00:01.0 0 pgtt=ss aw=48\n"
	  "pasid 00:01.0 1 pgtt=0\n"
	  "pasid 00:01.0 2 pgtt=5\n"
	  "pasid 00:01.0 3 pgtt=fs fspm=2\n"
	  "pasid 00:01.0 4 pgtt=ss aw=48\n"
	  "poke pasid 00:01.0 4 1 or 0x10000\n"
	  "pasid 00:01.0 70 pgtt=ss aw=48\n"
	  "poke pasid-dir 00:01.0 70 0 or 0x4\n"
	  "pasid 00:01.0 5 pgtt=fs levels=4\n"
	  "map 00:01.0/5 0x1000 0x2000000 4K user\n"
	  "poke entry 00:01.0/5 0x1000 4 0 or 0x80\n"
	  "pasid 00:01.0 6 pgtt=ss aw=48\n"
	  "map 00:01.0/6 0x1000 0x2000000 4K\n"
	  "poke entry 00:01.0/6 0x1000 1 0 or 0x4000000000000000\n"
	  "device 00:02.0\n"
	  "pasid 00:02.0 0 pgtt=ss aw=48\n"
	  "poke context 00:02.0 1 or 0x200000\n"
	  "device 01:00.0\n"
	  "pasid 01:00.0 0 pgtt=ss aw=48\n"
	  "poke root 1 0 or 0x2\n",
	  .probes = {
		  { "00:01.0", 1, 0x1000, RD, 0, FAULT, 0x5b },		/* SPT.4: PGTT 0 */
		  { "00:01.0", 2, 0x1000, RD, 0, FAULT, 0x5b },		/* SPT.4: PGTT 5 */
		  { "00:01.0", 3, 0x1000, RD, 0, FAULT, 0x5b },		/* SPT.4: FSPM 2 */
		  { "00:01.0", 4, 0x1000, RD, 0, FAULT, 0x5a },		/* SPT.3 */
		  { "00:01.0", 70, 0x1000, RD, 0, FAULT, 0x52 },	/* SPD.3 */
		  { "00:01.0", 5, 0x1000, RD, 0, FAULT, 0x72 },		/* SFL.3: PS in a PML4E */
		  { "00:01.0", 6, 0x1000, RD, 0, FAULT, 0x7a },		/* SSL.3: TM is reserved in scalable mode */
		  { "00:02.0", NOP, 0x1000, RD, 0, FAULT, 0x42 },	/* SCT.3 */
		  { "01:00.0", NOP, 0x1000, RD, 0, FAULT, 0x3a },	/* SRT.3 */
	  } },
	{ "nested: first stage through the second stage",
	  "mode scalable\n"
	  "device 00:04.0 paside rid_pasid=9\n"
	  "pasid 00:04.0 9 pgtt=nested aw=48 levels=4 did=9\n"
	  "map 00:04.0/9 0x1000 0x40000000 8K perm=rw user\n"
	  "map 00:04.0/9 0x200000 0x40200000 2M page=2M perm=r user\n"
	  "map 00:04.0/9:ss 0x40000000 0x90000000 2M page=2M perm=rw\n"
	  "map 00:04.0/9:ss 0x40200000 0x91000000 4K perm=r\n"
	  "map 00:04.0/9:ss 0x40201000 0x92000000 2044K perm=r\n",
	  .probes = {
		  { "00:04.0", 9, 0x200000, WR, 0, FAULT, 0x85 },	/* first stage read-only */
		  { "00:04.0", 9, 0x201000, RD, 0, OK },
		  { "00:04.0", 9, 0x3000, RD, 0, FAULT, 0x71 },
	  } },
	{ "nested faults",
	  .probes_only = true,
	  .description = "mode scalable\n"
	  "device 00:04.0 paside rid_pasid=9\n"
	  "pasid 00:04.0 10 pgtt=nested aw=48 levels=4 fs-tables=none\n"
	  "map 00:04.0/10 0x1000 0x40000000 4K user\n"
	  "pasid 00:04.0 11 pgtt=nested aw=48 levels=4 fs-tables=ro\n"
	  "map 00:04.0/11 0x1000 0x40000000 4K user\n"
	  "map 00:04.0/11:ss 0x40000000 0x90000000 4K\n"
	  "poke entry 00:04.0/11 0x1000 1 0 and 0xffffffffffffffdf\n"
	  "pasid 00:04.0 12 pgtt=nested aw=48 levels=4\n"
	  "map 00:04.0/12 0x1000 0x40000000 4K user\n"
	  "poke entry 00:04.0/12 0x1000 4 0 or 0x4000000000000\n"
	  "pasid 00:04.0 13 pgtt=nested aw=48 levels=4\n"
	  "map 00:04.0/13 0x400000 0x50000000 4K perm=rw user\n",
	  .probes = {
		  { "00:04.0", 13, 0x400000, RD, 0, FAULT, 0x79 },	/* the guest page has no second stage */
		  { "00:04.0", 10, 0x1000, RD, 0, FAULT, 0x75 },	/* SFL.6: root table not readable */
		  { "00:04.0", 11, 0x1000, RD, 0, FAULT, 0x77 },	/* SFL.8: A clear, table read-only */
		  { "00:04.0", 12, 0x1000, RD, 0, FAULT, 0x74 },	/* SFL.5: table beyond 48 bits */
	  } },
	{ "abort-DMA mode",
	  "mode abort\n",
	  .probes = { { "00:04.0", NOP, 0x1000, RD, 0, IOMMU_XLATE_BLOCKED } } },
	{ "reserved translation-table mode",
	  "mode reserved\n",
	  .probes = { { "00:04.0", NOP, 0x1000, RD, 0, FAULT, 0x30 } } },
	{ "scalable mode without ECAP.SMTS",
	  "mode scalable\n",
	  .caps = true, .cap = CAP_39_48_2M, .ecap = 2,
	  .probes = { { "00:04.0", NOP, 0x1000, RD, 0, FAULT, 0x30 } } },
	{ "scalable with CAP/ECAP bounds",
	  "mode scalable\n"
	  "device 00:04.0 paside\n"
	  "pasid 00:04.0 0 pgtt=ss aw=48\n"
	  "map 00:04.0/0 0x1000 0x2000000 4K\n"
	  "pasid 00:04.0 1 pgtt=fs levels=5\n"
	  "pasid 00:04.0 2 pgtt=ss aw=57\n",
	  .caps = true, .cap = CAP_39_48_2M, .ecap = ECAP_SM,
	  .probes = {
		  { "00:04.0", NOP, 0x1000, RD, 0, OK },
		  { "00:04.0", NOP, 0x8000000000, RD, 0, FAULT, 0x83 },	/* SGN.4: beyond MGAW */
		  { "00:04.0", 1, 0x1000, RD, 0, FAULT, 0x5b },		/* 5-level first stage without FL5LP */
		  { "00:04.0", 2, 0x1000, RD, 0, FAULT, 0x5b },		/* 5-level second stage not in SAGAW */
	  } },
};

/*
 * iommu_vtd_translate_batch() lands where iommu_translator_translate() does, for
 * every space's mapped, unmapped and out-of-range addresses, both accesses,
 * batches longer than one round.
 */
static void check_batch(struct iommu_translator *vtd, const struct img *m)
{
	enum { N = 40 };
	struct iommu_xlate *x;

	CHECK(iommu_xlate_new(&x) == 0);
	for (size_t i = 0; i < m->nspaces; i++) {
		const struct img_space *s = &m->spaces[i];
		uint32_t pasid = m->scalable ? s->pasid : IOMMU_NO_PASID;
		uint64_t in[N], phys[N];
		uint8_t status[N];
		size_t n = 0;

		for (size_t k = 0; k < m->nmaps && n + 4 <= N - 4; k++) {
			const struct img_map *r = &m->maps[k];

			if (r->sid != s->sid || r->pasid != s->pasid)
				continue;
			in[n++] = r->iova + 0x123;
			in[n++] = r->iova + r->size - 8;
			in[n++] = r->iova + r->size;
			in[n++] = r->iova ^ 0x5000;
		}
		in[n++] = 0;
		in[n++] = 1ULL << 39;
		in[n++] = 1ULL << 48;
		in[n++] = ~0ULL << 12;
		for (int a = RD; a <= WR; a++) {
			CHECK(iommu_vtd_translate_batch(vtd, s->sid, pasid, in, n, a, IOMMU_REQ_PRIV,
							phys, status) == 0);
			for (size_t k = 0; k < n; k++) {
				iommu_translator_translate(vtd, s->sid, pasid, in[k], a,
							   IOMMU_REQ_PRIV, x);
				CHECK_EQ(status[k], iommu_xlate_get_status(x));
				if (status[k] == IOMMU_XLATE_OK)
					CHECK_EQ(phys[k], iommu_xlate_get_phys(x));
			}
		}
	}
	iommu_xlate_unref(x);
}

static void run_scenario(const struct scenario *sc)
{
	struct iommu_translator *vtd;
	struct img m;

	build(&m, sc->description);
	vtd = open_image(&m, sc->elf);
	if (!vtd) {
		img_free(&m);
		return;
	}
	if (sc->caps)
		iommu_vtd_set_caps(vtd, sc->cap, sc->ecap);
	iommu_vtd_set_strict(vtd, sc->strict);
	if (!sc->caps && !sc->probes_only)
		check_description(vtd, &m);
	for (size_t i = 0; i < ARRAY_LEN(sc->probes) && sc->probes[i].device; i++)
		probe(vtd, &sc->probes[i]);
	check_batch(vtd, &m);
	iommu_translator_unref(vtd);
	img_free(&m);
}

static void check_probe_on(const char *description, bool elf, const struct probe *probes)
{
	struct iommu_translator *vtd;
	struct img m;

	build(&m, description);
	vtd = open_image(&m, elf);
	for (size_t i = 0; vtd && probes[i].device; i++)
		probe(vtd, &probes[i]);
	iommu_translator_unref(vtd);
	img_free(&m);
}

/* VT-d 4.1 §7.1.3: FPD suppresses qualified faults (those after the context entry), never root faults. */
static void test_fpd(void)
{
	static const struct probe legacy[] = {
		{ "00:04.0", NOP, 0x3000, RD, 0, FAULT, 0x06, true },
		{ "00:04.0", NOP, 0x1000, RD, 0, OK },
		{ "00:05.0", NOP, 0x1000, RD, 0, FAULT, 0x02, true },
		{ "00:06.0", NOP, 0x1000, RD, 0, FAULT, 0x02, false },
		{ "01:00.0", NOP, 0x1000, RD, 0, FAULT, 0x01, false },
		{ NULL },
	};
	static const struct probe scalable[] = {
		{ "00:04.0", 1, 0x3000, RD, 0, FAULT, 0x79, true },	/* PASID entry FPD */
		{ "00:04.0", 2, 0x3000, RD, 0, FAULT, 0x79, false },
		{ "00:05.0", 7, 0x1000, RD, 0, FAULT, 0x59, true },	/* context FPD */
		{ NULL },
	};

	check_probe_on("mode legacy\n"
		       "device 00:04.0 aw=39 fpd\n"
		       "map 00:04.0 0x1000 0x2000 4K\n"
		       "device 00:05.0 aw=39 fpd absent\n"
		       "device 00:06.0 aw=39 absent\n",
		       false, legacy);
	check_probe_on("mode scalable\n"
		       "device 00:04.0 paside\n"
		       "pasid 00:04.0 1 pgtt=ss aw=48 fpd\n"
		       "pasid 00:04.0 2 pgtt=ss aw=48\n"
		       "device 00:05.0 paside fpd\n"
		       "pasid 00:05.0 0 pgtt=ss aw=48\n",
		       false, scalable);
}

struct runs {
	size_t mapped, missing;
	uint64_t missing_addr, missing_size;
};

static int count_runs(const struct iommu_mapping *mp, void *userdata)
{
	struct runs *r = userdata;

	if (iommu_mapping_get_kind(mp) == IOMMU_MAPPING_NOT_IN_DUMP) {
		r->missing++;
		r->missing_addr = iommu_mapping_get_missing(mp);
		r->missing_size = iommu_mapping_get_size(mp);
	} else {
		r->mapped++;
	}
	return 0;
}

static int enumerate_space(const struct iommu_space *sp, void *userdata)
{
	void **args = userdata;

	if (iommu_space_get_status(sp) == IOMMU_XLATE_NOT_IN_DUMP)
		((struct runs *)args[1])->missing += 100;
	else
		CHECK(iommu_translator_foreach_mapping(args[0], sp, 0, count_runs, args[1]) == 0);
	return 0;
}

/* A page the dump does not hold is "not in dump", never zeros and never a fault. */
static void test_filtered(void)
{
	struct iommu_xlate *x;
	struct iommu_translator *vtd;
	struct runs runs = { 0 };
	uint64_t table, ctx_table;
	void *args[2];
	struct img m;

	build(&m, "mode legacy\n"
		  "device 00:04.0 aw=48\n"
		  "map 00:04.0 0x10000000 0x2000000 8K\n"
		  "map 00:04.0 0x20000000 0x3000000 4K\n"
		  "drop table 00:04.0 0x10000000 1\n"
		  "device 01:00.0 aw=48\n"
		  "map 01:00.0 0x1000 0x4000000 4K\n");
	table = *img_entry(&m, img_space(&m, bdf("00:04.0"), IMG_NO_PASID), IMG_SS, 0x10000000, 2, false) & IMG_ADDR;
	ctx_table = img_context_table(&m, bdf("01:00.0"));
	CHECK(img_drop_page(&m, ctx_table) == 0);
	vtd = open_image(&m, true);
	CHECK(iommu_xlate_new(&x) == 0);
	if (!vtd)
		goto out;
	iommu_translator_translate(vtd, bdf("00:04.0"), NOP, 0x10001000, RD, 0, x);
	CHECK_EQ(iommu_xlate_get_status(x), IOMMU_XLATE_NOT_IN_DUMP);
	CHECK_EQ(iommu_xlate_get_missing(x), table);
	iommu_translator_translate(vtd, bdf("00:04.0"), NOP, 0x20000000, RD, 0, x);
	CHECK_EQ(iommu_xlate_get_status(x), IOMMU_XLATE_OK);
	CHECK_EQ(iommu_xlate_get_phys(x), 0x3000000);
	iommu_translator_translate(vtd, bdf("01:00.0"), NOP, 0x1000, RD, 0, x);
	CHECK_EQ(iommu_xlate_get_status(x), IOMMU_XLATE_NOT_IN_DUMP);
	CHECK_EQ(iommu_xlate_get_missing(x), ctx_table);
	/* Enumeration: the missing table covers 2 MiB; bus 1's context table is missing. */
	args[0] = vtd;
	args[1] = &runs;
	CHECK(iommu_translator_foreach_space(vtd, enumerate_space, args) == 0);
	CHECK_EQ(runs.missing, 101);
	CHECK_EQ(runs.missing_addr, table);
	CHECK_EQ(runs.missing_size, 2ULL << 20);
	CHECK_EQ(runs.mapped, 1);
	iommu_translator_unref(vtd);
	/* Without its root table nothing can be listed. */
	CHECK(img_drop_page(&m, m.root) == 0);
	vtd = open_image(&m, true);
	if (vtd)
		CHECK_EQ(iommu_translator_foreach_space(vtd, enumerate_space, args), -ENODATA);
out:
	iommu_translator_unref(vtd);
	iommu_xlate_unref(x);
	img_free(&m);
}

/* Linux sets the scalable-mode context entry's reserved bits 8:5: noted, or a fault when strict. */
static void test_strict(void)
{
	struct iommu_xlate *x;
	struct iommu_translator *vtd;
	struct img m;

	build(&m, "mode scalable\n"
		  "device 00:04.0 reserved-lo=0x60\n"
		  "pasid 00:04.0 0 pgtt=ss aw=48\n"
		  "map 00:04.0/0 0x1000 0x2000 4K\n");
	vtd = open_image(&m, false);
	CHECK(iommu_xlate_new(&x) == 0);
	if (vtd) {
		iommu_translator_translate(vtd, bdf("00:04.0"), NOP, 0x1000, RD, 0, x);
		CHECK_EQ(iommu_xlate_get_status(x), IOMMU_XLATE_OK);
		CHECK(iommu_xlate_get_note(x) != NULL);
		iommu_vtd_set_strict(vtd, true);
		iommu_translator_translate(vtd, bdf("00:04.0"), NOP, 0x1000, RD, 0, x);
		CHECK_EQ(iommu_xlate_get_status(x), IOMMU_XLATE_FAULT);
		CHECK_EQ(iommu_xlate_get_fault_reason(x), 0x42);
	}
	iommu_translator_unref(vtd);
	iommu_xlate_unref(x);
	img_free(&m);
}

struct hit {
	uint16_t sid;
	uint32_t pasid;
	uint64_t iova;
};

static int collect_hit(const struct iommu_mapping *mp, void *userdata)
{
	struct hit *h = userdata;
	size_t i = 0;

	while (h[i].iova)
		i++;
	if (i < 7) {
		h[i].sid = iommu_space_get_requester(iommu_mapping_get_space(mp));
		h[i].pasid = iommu_space_get_pasid(iommu_mapping_get_space(mp));
		h[i].iova = iommu_mapping_get_iova(mp);
		CHECK_EQ(iommu_mapping_get_size(mp), 4096);
		CHECK_EQ(iommu_mapping_get_phys(mp), 0x5002000);
	}
	return 0;
}

/* Who reaches a physical page: every device, PASID and IOVA, inside large pages too. */
static void test_reverse(void)
{
	struct hit hits[8] = { { 0 } };
	struct iommu_translator *vtd;
	struct img m;

	build(&m, "mode scalable\n"
		  "device 00:04.0 paside\n"
		  "pasid 00:04.0 0 pgtt=ss aw=48\n"
		  "map 00:04.0/0 0x10000000 0x5000000 16K\n"
		  "pasid 00:04.0 3 pgtt=fs levels=4\n"
		  "map 00:04.0/3 0x40000000 0x5000000 2M page=2M user\n"
		  "device 00:05.0 rid_pasid=2\n"
		  "pasid 00:05.0 2 pgtt=ss aw=39\n"
		  "map 00:05.0/2 0x3000 0x5002000 4K\n"
		  "map 00:05.0/2 0x4000 0x6000000 4K\n");
	vtd = open_image(&m, false);
	if (vtd) {
		CHECK(iommu_translator_foreach_reverse(vtd, 0x5002abc, collect_hit, hits) == 0);
		CHECK_EQ(hits[0].sid, bdf("00:04.0"));
		CHECK_EQ(hits[0].pasid, 0);
		CHECK_EQ(hits[0].iova, 0x10002000);
		CHECK_EQ(hits[1].pasid, 3);	/* inside a 2 MiB first-stage page */
		CHECK_EQ(hits[1].iova, 0x40002000);
		CHECK_EQ(hits[2].sid, bdf("00:05.0"));
		CHECK_EQ(hits[2].pasid, 2);
		CHECK_EQ(hits[2].iova, 0x3000);
		CHECK_EQ(hits[3].iova, 0);
	}
	iommu_translator_unref(vtd);
	img_free(&m);
}

static int check_path(const struct iommu_mapping *mp, void *userdata)
{
	unsigned int n;
	const uint64_t *path = iommu_mapping_get_path(mp, &n);
	size_t *count = userdata;

	(*count)++;
	CHECK_EQ(iommu_mapping_get_leaves(mp), 1);
	/* 3-level tables: a 4 KiB leaf has 3 entries on its path, a 2 MiB leaf 2. */
	CHECK_EQ(n, iommu_mapping_get_page_size(mp) == 4096 ? 3 : 2);
	CHECK_EQ(path[n - 1] & IMG_ADDR & ~(iommu_mapping_get_page_size(mp) - 1),
		 iommu_mapping_get_phys(mp));
	return 0;
}

static int leaves_space(const struct iommu_space *sp, void *userdata)
{
	void **args = userdata;

	return iommu_translator_foreach_mapping(args[0], sp, IOMMU_MAPPINGS_LEAVES, check_path,
						args[1]);
}

/* The walk records every entry in the order read; leaves carry their path. */
static void test_trace(void)
{
	struct iommu_xlate *x;
	struct iommu_translator *vtd;
	size_t leaves = 0;
	void *args[2];
	struct img m;
	unsigned int n;

	build(&m, "mode legacy\n"
		  "device 00:04.0 aw=39\n"
		  "map 00:04.0 0x1000 0x2000000 8K\n"
		  "map 00:04.0 0x200000 0x2200000 2M page=2M\n");
	vtd = open_image(&m, false);
	CHECK(iommu_xlate_new(&x) == 0);
	if (vtd) {
		iommu_translator_translate(vtd, bdf("00:04.0"), NOP, 0x1234, RD, 0, x);
		CHECK_EQ(iommu_xlate_get_step_count(x), 5);
		CHECK_EQ(iommu_xlate_get_step_kind(x, 0), IOMMU_STEP_ROOT);
		CHECK_EQ(iommu_xlate_get_step_table(x, 0), m.root);
		CHECK_EQ(iommu_xlate_get_step_kind(x, 1), IOMMU_STEP_CONTEXT);
		CHECK_EQ(iommu_xlate_get_step_index(x, 1), 0x20);
		CHECK_EQ(iommu_xlate_get_step_level(x, 2), 3);
		CHECK_EQ(iommu_xlate_get_step_level(x, 4), 1);
		CHECK_EQ(iommu_xlate_get_step_index(x, 4), 1);
		CHECK_EQ(iommu_xlate_get_step_entry(x, 4, &n)[0] & IMG_ADDR, 0x2000000);
		CHECK_EQ(n, 1);
		CHECK_STR(iommu_xlate_get_mode(x), "legacy");
		args[0] = vtd;
		args[1] = &leaves;
		CHECK(iommu_translator_foreach_space(vtd, leaves_space, args) == 0);
		CHECK_EQ(leaves, 3);
	}
	iommu_translator_unref(vtd);
	iommu_xlate_unref(x);
	img_free(&m);
}

int main(void)
{
	char tmpl[] = "/tmp/test-vtd-walk.XXXXXX", path[128];

	if (!mkdtemp(tmpl) || iommu_ctx_new(&ctx) < 0) {
		perror("test-vtd-walk");
		return 1;
	}
	snprintf(dir, sizeof(dir), "%s", tmpl);
	for (size_t i = 0; i < ARRAY_LEN(scenarios); i++) {
		int before = unit_failed;

		run_scenario(&scenarios[i]);
		if (unit_failed != before)
			fprintf(stderr, "scenario '%s' failed\n", scenarios[i].name);
	}
	test_fpd();
	test_filtered();
	test_strict();
	test_reverse();
	test_trace();
	snprintf(path, sizeof(path), "%s/image", dir);
	unlink(path);
	rmdir(dir);
	iommu_ctx_unref(ctx);
	return unit_report("vtd-walk");
}
