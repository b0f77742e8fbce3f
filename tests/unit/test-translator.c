// SPDX-License-Identifier: MIT
/*
 * The one API over every kind of unit's translation structures: the same
 * calls translate, enumerate and look up in reverse on a VT-d, an SMMUv3
 * and an AMD-Vi unit built from descriptions; a mapping names its space;
 * what only one kind has answers "none" for the others; a unit built from
 * registers is the one they point at, bounded only as the rules say; and
 * a register file's unit is chosen by name, base or index; and memory a
 * caller supplies through a read callback serves as a dump.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "libiommu.h"
#include "unit.h"
#include "../tools/mkimage-amdvi.h"
#include "../tools/mkimage-smmuv3.h"

static char dir[64];
static struct iommu_ctx *ctx;

/* Each kind with one 2 MiB page at IOVA 0x200000 -> 0x2200000, for requester 0x100 or StreamID 8. */
struct unit_image {
	struct img m;
	struct smmu_img s;
	struct amd_img a;
	struct iommu_dump *dump;
	struct iommu_translator *t;
	uint32_t requester;
};

static bool build(struct unit_image *u, enum iommu_vendor kind)
{
	char path[128];
	int r = -1;

	memset(u, 0, sizeof(*u));
	CHECK(img_init(&u->m, 0x100000, 0x4000000, 0) == 0);
	switch (kind) {
	case IOMMU_VENDOR_INTEL:
		r = img_build(&u->m, "mode legacy\ndevice 01:00.0 did=6 aw=39\n"
				     "map 01:00.0 0x200000 0x2200000 2M page=2M\n");
		u->requester = 0x100;
		break;
	case IOMMU_VENDOR_ARM:
		r = smmu_img_build(&u->s, &u->m, "smmuv3\nste 8 config=s2 ias=40 s2start=1 vmid=6\n"
						 "map 8:s2 0x200000 0x2200000 2M page=2M\n");
		u->requester = 8;
		break;
	default:
		r = amd_img_build(&u->a, &u->m, "amdvi\ndte 01:00.0 mode=3 domain=6\n"
						"map 01:00.0 0x200000 0x2200000 2M page=2M\n");
		u->requester = 0x100;
		break;
	}
	if (r < 0) {
		fprintf(stderr, "description: %s\n", u->m.error);
		unit_failed++;
		return false;
	}
	snprintf(path, sizeof(path), "%s/image%d", dir, (int)kind);
	CHECK(img_write_raw(&u->m, path, 0x4000000) == 0);
	CHECK(iommu_dump_open(ctx, path, &u->dump, NULL) == 0);
	if (!u->dump)
		return false;
	switch (kind) {
	case IOMMU_VENDOR_INTEL:
		r = iommu_translator_new_vtd(u->dump, img_rtaddr(&u->m), &u->t);
		break;
	case IOMMU_VENDOR_ARM:
		r = iommu_translator_new_smmuv3(u->dump, u->s.strtab, smmu_img_cfg(&u->s), &u->t);
		break;
	default:
		r = iommu_translator_new_amdvi(u->dump, u->a.reg, &u->t);
		break;
	}
	CHECK(r == 0);
	return r == 0;
}

static void release(struct unit_image *u)
{
	iommu_translator_unref(u->t);
	iommu_dump_unref(u->dump);
	if (u->s.m)
		smmu_img_free(&u->s);
	if (u->a.m)
		amd_img_free(&u->a);
	img_free(&u->m);
}

struct seen {
	struct iommu_translator *t;
	const struct iommu_space *space;	/* the space being enumerated */
	size_t spaces, mappings;
	uint64_t iova, size, phys, page;
	bool same_space;
};

static int on_mapping(const struct iommu_mapping *m, void *userdata)
{
	struct seen *s = userdata;

	s->mappings++;
	s->same_space = iommu_mapping_get_space(m) == s->space;
	s->iova = iommu_mapping_get_iova(m);
	s->size = iommu_mapping_get_size(m);
	s->phys = iommu_mapping_get_phys(m);
	s->page = iommu_mapping_get_page_size(m);
	return 0;
}

static int on_space(const struct iommu_space *sp, void *userdata)
{
	struct seen *s = userdata;

	s->spaces++;
	s->space = sp;
	CHECK(iommu_translator_foreach_mapping(s->t, sp, 0, on_mapping, s) == 0);
	return 0;
}

static int on_hit(const struct iommu_mapping *m, void *userdata)
{
	struct seen *s = userdata;

	s->mappings++;
	s->iova = iommu_mapping_get_iova(m);
	s->size = iommu_mapping_get_size(m);
	s->phys = iommu_mapping_get_phys(m);
	s->page = iommu_mapping_get_page_size(m);
	return 0;
}

/* Translate, enumerate and look up in reverse through the same calls, whatever the kind. */
static void test_same_calls(enum iommu_vendor kind)
{
	struct unit_image u;
	struct iommu_xlate *x = NULL;
	struct seen s = { 0 };

	if (!build(&u, kind)) {
		release(&u);
		return;
	}
	CHECK_EQ(iommu_translator_get_vendor(u.t), kind);
	CHECK(iommu_translator_get_dump(u.t) == u.dump);
	CHECK(iommu_xlate_new(&x) == 0);
	CHECK(iommu_translator_translate(u.t, u.requester, IOMMU_NO_PASID, 0x212345, IOMMU_ACCESS_READ,
					 0, x) == 0);
	CHECK_EQ(iommu_xlate_get_status(x), IOMMU_XLATE_OK);
	CHECK_EQ(iommu_xlate_get_phys(x), 0x2212345);
	CHECK_EQ(iommu_xlate_get_page_size(x), 0x200000);
	CHECK_EQ(iommu_xlate_get_domain_id(x), 6);
	/* VT-d and AMD-Vi requester ids have 16 bits. */
	CHECK_EQ(iommu_translator_translate(u.t, 0x10000, IOMMU_NO_PASID, 0, IOMMU_ACCESS_READ, 0, x),
		 kind == IOMMU_VENDOR_ARM ? 0 : -EINVAL);
	iommu_xlate_unref(x);

	s.t = u.t;
	CHECK(iommu_translator_foreach_space(u.t, on_space, &s) == 0);
	CHECK_EQ(s.spaces, 1);
	CHECK_EQ(s.mappings, 1);
	CHECK(s.same_space);
	CHECK_EQ(s.iova, 0x200000);
	CHECK_EQ(s.size, 0x200000);
	CHECK_EQ(s.phys, 0x2200000);
	/* Reverse: the 4 KiB of IOVA that reach the page, the leaf's size beside it. */
	s = (struct seen){ .t = u.t };
	CHECK(iommu_translator_foreach_reverse(u.t, 0x2201abc, on_hit, &s) == 0);
	CHECK_EQ(s.mappings, 1);
	CHECK_EQ(s.iova, 0x201000);
	CHECK_EQ(s.size, 0x1000);
	CHECK_EQ(s.phys, 0x2201000);
	CHECK_EQ(s.page, 0x200000);
	release(&u);
}

struct accessors {
	enum iommu_vendor kind;
	uint32_t requester;
	struct iommu_translator *other;		/* a unit of another kind */
};

static int check_accessors(const struct iommu_space *sp, void *userdata)
{
	struct accessors *a = userdata;
	bool arm = a->kind == IOMMU_VENDOR_ARM, amd = a->kind == IOMMU_VENDOR_AMD;

	CHECK_EQ(iommu_space_get_requester(sp), a->requester);
	CHECK_EQ(iommu_space_get_pasid(sp), IOMMU_NO_PASID);
	CHECK_STR(iommu_space_get_mode(sp), arm ? "stage-2" : amd ? "v1" : "legacy");
	CHECK_EQ(iommu_space_get_domain_id(sp), 6);
	CHECK_EQ(iommu_space_get_status(sp), IOMMU_XLATE_OK);
	CHECK_EQ(iommu_space_get_fault_reason(sp), 0);
	CHECK(iommu_space_get_detail(sp) == NULL);
	CHECK_EQ(iommu_space_get_levels(sp, IOMMU_STAGE_1), 0);
	CHECK_EQ(iommu_space_get_levels(sp, IOMMU_STAGE_1_UPPER), 0);
	CHECK(iommu_space_get_levels(sp, IOMMU_STAGE_2) > 0);
	CHECK(iommu_space_get_root(sp, IOMMU_STAGE_2) != 0);
	CHECK_EQ(iommu_space_get_root(sp, IOMMU_STAGE_1), 0);
	/* What only one kind has: "none" on the others. */
	CHECK_EQ(iommu_vtd_space_get_step_count(sp) != 0, !arm && !amd);
	CHECK_EQ(iommu_smmuv3_space_get_ste(sp) != NULL, arm);
	CHECK_EQ(iommu_smmuv3_space_get_vmid(sp), arm ? 6 : -1);
	CHECK_EQ(iommu_smmuv3_space_get_granule(sp, IOMMU_STAGE_2), arm ? 4096 : 0);
	CHECK_EQ(iommu_amdvi_space_get_dte(sp) != NULL, amd);
	/* A space is walked by its own unit only. */
	CHECK_EQ(iommu_translator_foreach_mapping(a->other, sp, 0, on_mapping, NULL), -EINVAL);
	return 0;
}

static void test_accessors(enum iommu_vendor kind, enum iommu_vendor other_kind)
{
	struct unit_image u, other;
	struct accessors a = { kind, 0, NULL };

	if (build(&u, kind) && build(&other, other_kind)) {
		a.requester = u.requester;
		a.other = other.t;
		CHECK(iommu_translator_foreach_space(u.t, check_accessors, &a) == 0);
		/* Another kind's unit: its per-unit calls answer "none" and change nothing. */
		CHECK_EQ(iommu_vtd_get_rtaddr(kind == IOMMU_VENDOR_INTEL ? other.t : u.t), 0);
		CHECK_EQ(iommu_smmuv3_get_strtab_base(kind == IOMMU_VENDOR_ARM ? other.t : u.t), 0);
		CHECK_EQ(iommu_amdvi_get_dev_table_base(kind == IOMMU_VENDOR_AMD ? other.t : u.t), 0);
		release(&other);
	}
	release(&u);
}

/* ---- memory the caller supplies ------------------------------------------- */

struct supplier {
	const struct img *m;
	uint64_t absent;		/* a page the caller does not have */
	unsigned int calls;
};

/* The image's pages as a raw file of it would hold them: table pages, zeros elsewhere. */
static int supply(uint64_t addr, void *buf, size_t size, void *userdata)
{
	struct supplier *s = userdata;
	const uint8_t *page = img_find(s->m, addr);

	s->calls++;
	CHECK_EQ(size, 4096);
	CHECK_EQ(addr & 4095, 0);
	if (addr == s->absent || addr >= 0x4000000)
		return -ENODATA;
	if (page)
		memcpy(buf, page, size);
	else
		memset(buf, 0, size);
	return 0;
}

/* A dump from a read callback translates as the file does; what the caller lacks is not in the dump. */
static void test_callback(void)
{
	struct unit_image u;
	struct supplier sup = { .absent = UINT64_MAX };
	struct iommu_dump *d = NULL;
	struct iommu_translator *t = NULL;
	struct iommu_xlate *x = NULL;
	unsigned int calls;
	uint8_t byte;

	if (!build(&u, IOMMU_VENDOR_INTEL)) {
		release(&u);
		return;
	}
	sup.m = &u.m;
	CHECK_EQ(iommu_dump_new_callback(ctx, "kcore", NULL, &sup, &d), -EINVAL);
	CHECK(iommu_dump_new_callback(ctx, "kcore", supply, &sup, &d) == 0);
	CHECK(iommu_xlate_new(&x) == 0);
	if (d && x) {
		CHECK_EQ(iommu_dump_get_format(d), IOMMU_DUMP_CALLBACK);
		CHECK_STR(iommu_dump_format_name(IOMMU_DUMP_CALLBACK), "callback");
		CHECK_STR(iommu_dump_get_path(d), "kcore");
		CHECK(iommu_translator_new_vtd(d, img_rtaddr(&u.m), &t) == 0);
		CHECK(iommu_translator_translate(t, 0x100, IOMMU_NO_PASID, 0x212345, IOMMU_ACCESS_READ,
						 0, x) == 0);
		CHECK_EQ(iommu_xlate_get_status(x), IOMMU_XLATE_OK);
		CHECK_EQ(iommu_xlate_get_phys(x), 0x2212345);
		/* Each page is asked for once while it is cached. */
		calls = sup.calls;
		CHECK(calls > 0);
		CHECK(iommu_translator_translate(t, 0x100, IOMMU_NO_PASID, 0x3456, IOMMU_ACCESS_READ, 0,
						 x) == 0);
		CHECK_EQ(sup.calls, calls);
		CHECK_EQ(iommu_dump_get_pages_loaded(d), calls);
		CHECK_EQ(iommu_dump_read(d, 0x4000000, &byte, 1), -ENODATA);
		t = iommu_translator_unref(t);
		d = iommu_dump_unref(d);
	}
	/* The root table the caller lacks: the walk says so, with its address. */
	sup.absent = img_rtaddr(&u.m) & ~0xfffULL;
	CHECK(iommu_dump_new_callback(ctx, NULL, supply, &sup, &d) == 0);
	if (d && x && iommu_translator_new_vtd(d, img_rtaddr(&u.m), &t) == 0) {
		CHECK(iommu_translator_translate(t, 0x100, IOMMU_NO_PASID, 0x212345, IOMMU_ACCESS_READ,
						 0, x) == 0);
		CHECK_EQ(iommu_xlate_get_status(x), IOMMU_XLATE_NOT_IN_DUMP);
		CHECK_EQ(iommu_xlate_get_missing(x) & ~0xfffULL, sup.absent);
		CHECK_EQ(iommu_translator_foreach_space(t, on_space, &(struct seen){ .t = t }),
			 -ENODATA);
	}
	iommu_translator_unref(t);
	iommu_dump_unref(d);
	iommu_xlate_unref(x);
	release(&u);
}

/* ---- from registers -------------------------------------------------------- */

struct regs {
	const char *names[8];
	uint64_t values[8];
};

static int get_reg(const char *name, uint64_t *ret, void *userdata)
{
	const struct regs *r = userdata;

	for (size_t i = 0; i < 8 && r->names[i]; i++) {
		if (strcmp(r->names[i], name) == 0) {
			*ret = r->values[i];
			return 0;
		}
	}
	return -ENOENT;
}

static void test_registers(void)
{
	struct unit_image u;
	struct iommu_translator *t = NULL;
	struct iommu_xlate *x = NULL;
	const char *note = "unset";

	if (!build(&u, IOMMU_VENDOR_INTEL)) {
		release(&u);
		return;
	}
	CHECK(iommu_xlate_new(&x) == 0);
	{
		/* RTADDR before STRTAB_BASE; CAP and ECAP together bound the walk (MGAW 21 bits). */
		struct regs r = { { "STRTAB_BASE", "RTADDR", "CAP", "ECAP" },
				  { 0x1000, img_rtaddr(&u.m), 0x2ULL << 8 | 20ULL << 16, 0 } };

		CHECK(iommu_translator_new_registers(u.dump, get_reg, &r, &t, &note) == 0);
		CHECK(note == NULL);
		CHECK_EQ(iommu_translator_get_vendor(t), IOMMU_VENDOR_INTEL);
		CHECK_EQ(iommu_vtd_get_rtaddr(t), img_rtaddr(&u.m));
		CHECK(iommu_translator_translate(t, 0x100, IOMMU_NO_PASID, 0x212345, IOMMU_ACCESS_READ,
						 0, x) == 0);
		CHECK_EQ(iommu_xlate_get_status(x), IOMMU_XLATE_FAULT);
		t = iommu_translator_unref(t);
	}
	{
		/* CAP alone bounds nothing, and says so. */
		struct regs r = { { "RTADDR", "CAP" }, { img_rtaddr(&u.m), 0x2ULL << 8 | 20ULL << 16 } };

		CHECK(iommu_translator_new_registers(u.dump, get_reg, &r, &t, &note) == 0);
		CHECK(note != NULL);
		CHECK(iommu_translator_translate(t, 0x100, IOMMU_NO_PASID, 0x212345, IOMMU_ACCESS_READ,
						 0, x) == 0);
		CHECK_EQ(iommu_xlate_get_status(x), IOMMU_XLATE_OK);
		t = iommu_translator_unref(t);
	}
	{
		struct regs smmu = { { "STRTAB_BASE", "STRTAB_BASE_CFG" }, { 0x1000, 0x8 } };
		struct regs no_cfg = { { "STRTAB_BASE" }, { 0x1000 } };
		struct regs amd = { { "DEV_TABLE_BASE", "EFR" }, { 0x5000, 0 } };
		struct regs none = { { "CAP", "ECAP" }, { 0, 0 } };

		CHECK(iommu_translator_new_registers(u.dump, get_reg, &smmu, &t, NULL) == 0);
		CHECK_EQ(iommu_translator_get_vendor(t), IOMMU_VENDOR_ARM);
		CHECK_EQ(iommu_smmuv3_get_strtab_base_cfg(t), 0x8);
		t = iommu_translator_unref(t);
		CHECK_EQ(iommu_translator_new_registers(u.dump, get_reg, &no_cfg, &t, NULL), -EINVAL);
		CHECK(iommu_translator_new_registers(u.dump, get_reg, &amd, &t, NULL) == 0);
		CHECK_EQ(iommu_amdvi_get_dev_table_base(t), 0x5000);
		t = iommu_translator_unref(t);
		CHECK_EQ(iommu_translator_new_registers(u.dump, get_reg, &none, &t, NULL), -ENOENT);
	}
	iommu_xlate_unref(x);
	release(&u);
}

/* A register file's unit: by name, base or index, or the only one with a table pointer. */
static void test_find_unit(void)
{
	static const char two[] = "IOMMU: dmar0 Register Base Address: fed90000\n"
				  "CAP             \t0x08\t\t0x00d2008c22260286\n"
				  "IOMMU: dmar1 Register Base Address: fed91000\n"
				  "RTADDR          \t0x20\t\t0x0000000001234000\n";
	static const char both[] = "IOMMU: dmar0 Register Base Address: fed90000\n"
				   "RTADDR          \t0x20\t\t0x0000000001234000\n"
				   "IOMMU: dmar1 Register Base Address: fed91000\n"
				   "RTADDR          \t0x20\t\t0x0000000005678000\n";
	struct iommu_regs *regs = NULL;
	size_t unit = 99;

	CHECK(iommu_regs_parse(ctx, two, sizeof(two) - 1, &regs) == 0);
	if (regs) {
		CHECK(iommu_regs_find_unit(regs, NULL, &unit) == 0);
		CHECK_EQ(unit, 1);
		CHECK(iommu_regs_find_unit(regs, "dmar0", &unit) == 0);
		CHECK_EQ(unit, 0);
		CHECK(iommu_regs_find_unit(regs, "0xfed91000", &unit) == 0);
		CHECK_EQ(unit, 1);
		CHECK(iommu_regs_find_unit(regs, "fed90000", &unit) == 0);
		CHECK_EQ(unit, 0);
		CHECK(iommu_regs_find_unit(regs, "1", &unit) == 0);
		CHECK_EQ(unit, 1);
		CHECK_EQ(iommu_regs_find_unit(regs, "dmar2", &unit), -ENOENT);
		CHECK_EQ(iommu_regs_find_unit(regs, "-1", &unit), -ENOENT);
		regs = iommu_regs_unref(regs);
	}
	CHECK(iommu_regs_parse(ctx, both, sizeof(both) - 1, &regs) == 0);
	if (regs) {
		CHECK_EQ(iommu_regs_find_unit(regs, NULL, &unit), -ENOTUNIQ);
		regs = iommu_regs_unref(regs);
	}
}

int main(void)
{
	char path[128];

	snprintf(dir, sizeof(dir), "/tmp/test-translator-XXXXXX");
	if (!mkdtemp(dir) || iommu_ctx_new(&ctx) < 0)
		return 1;
	test_same_calls(IOMMU_VENDOR_INTEL);
	test_same_calls(IOMMU_VENDOR_ARM);
	test_same_calls(IOMMU_VENDOR_AMD);
	test_accessors(IOMMU_VENDOR_INTEL, IOMMU_VENDOR_ARM);
	test_accessors(IOMMU_VENDOR_ARM, IOMMU_VENDOR_AMD);
	test_accessors(IOMMU_VENDOR_AMD, IOMMU_VENDOR_INTEL);
	test_registers();
	test_find_unit();
	test_callback();
	iommu_ctx_unref(ctx);
	for (int kind = IOMMU_VENDOR_INTEL; kind <= IOMMU_VENDOR_ARM; kind++) {
		snprintf(path, sizeof(path), "%s/image%d", dir, kind);
		unlink(path);
	}
	rmdir(dir);
	return unit_report("translator");
}
