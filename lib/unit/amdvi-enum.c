// SPDX-License-Identifier: MIT
/*
 * Enumerating an AMD IOMMU: every device its device table translates (valid
 * DTEs, and for guest translation every PASID with a valid GCR3 entry),
 * every mapping of a device (host tables, guest tables, or both nested),
 * and every mapping that reaches a physical page; the space accessors.
 */
#include <errno.h>
#include <stdlib.h>

#include "bits.h"
#include "unit/amdvi.h"
#include "unit/vtd.h"	/* the x86-64 format of guest tables */

struct space_walk {
	struct iommu_amdvi *amd;
	iommu_amdvi_space_fn fn;
	void *userdata;
	struct iommu_amdvi_space sp;
};

static int report(struct space_walk *w, uint16_t devid, uint32_t pasid)
{
	amd_resolve(w->amd, devid, pasid, &w->sp);
	return w->fn(&w->sp, w->userdata);
}

/* A GCR3 table page's entries, through the host tables when they translate; false when unreachable. */
static bool gcr3_page(struct space_walk *w, const struct iommu_amdvi_space *dev, uint64_t table,
		      uint64_t entries[512])
{
	uint64_t pa = table;
	const uint8_t *p;

	if (dev->host.levels) {
		struct pt_out o;

		amd_host_walk(w->amd, dev, table, IOMMU_PERM_READ, NULL, &o);
		if (o.stop != PT_OK)
			return false;
		pa = o.oa;
	}
	p = mem_ptr(w->amd->dump, pa & ~0xfffULL, 4096);
	if (!p)
		return false;
	for (unsigned int i = 0; i < 512; i++)
		entries[i] = mem_le64(p + 8 * i);
	return true;
}

/*
 * 48882 §2.2.6: the valid GCR3 entries below TABLE (level L, PASIDs from
 * BASE); an unreachable table is reported once, by its first PASID.
 */
static int gcr3_level(struct space_walk *w, const struct iommu_amdvi_space *dev, uint64_t table,
		      unsigned int level, uint32_t base)
{
	uint64_t *entries = malloc(512 * sizeof(*entries));
	int r = 0;

	if (!entries)
		return -ENOMEM;
	if (!gcr3_page(w, dev, table & GENMASK(51, 12), entries)) {
		r = report(w, dev->devid, base);
		free(entries);
		return r;
	}
	for (uint32_t i = 0; i < 512 && !r; i++) {
		uint32_t pasid = base | i << (9 * (level - 1));

		if (!(entries[i] & 1) || pasid > 0xfffff)
			continue;
		if (level > 1)
			r = gcr3_level(w, dev, entries[i], level - 1, pasid);
		else if (!(pasid == 0 && (dev->dte[0] & BIT(54))))	/* GIoV: PASID 0 is the device's own */
			r = report(w, dev->devid, pasid);
	}
	free(entries);
	return r;
}

IOMMU_EXPORT int iommu_amdvi_foreach_space(struct iommu_amdvi *amdvi, iommu_amdvi_space_fn fn,
					   void *userdata)
{
	uint64_t base = amdvi->dev_table & GENMASK(51, 12);
	uint64_t entries = ((amdvi->dev_table & 0x1ff) + 1) * (4096 / 32);
	struct space_walk *w = calloc(1, sizeof(*w));
	int r = 0;

	if (!w)
		return -ENOMEM;
	*w = (struct space_walk){ .amd = amdvi, .fn = fn, .userdata = userdata };
	if (entries > 0x10000)
		entries = 0x10000;
	for (uint64_t devid = 0; devid < entries && !r; devid++) {
		uint64_t q0;

		if (mem_load64(amdvi->dump, base + 32 * devid, &q0) < 0) {
			/* The first page missing: nothing to walk; later ones: report once a page. */
			r = devid ? report(w, (uint16_t)devid, IOMMU_NO_PASID) : -ENODATA;
			devid |= 127;
			continue;
		}
		if (!(q0 & 1))
			continue;
		r = report(w, (uint16_t)devid, IOMMU_NO_PASID);
		if (!r && (q0 & BIT(55)) && w->sp.dte_ok) {
			struct iommu_amdvi_space dev = w->sp;

			r = gcr3_level(w, &dev, amd_gcr3_root(dev.dte), FIELD(dev.dte[0], 57, 56) + 1, 0);
		}
	}
	free(w);
	return r;
}

/* ---- mappings ------------------------------------------------------------ */

struct mapping_walk {
	struct pt_nested n;
	struct iommu_amdvi *amd;
	const struct iommu_amdvi_space *space;
	iommu_mapping_fn fn;
	void *userdata;
	unsigned int guest_bits;	/* guest tables: canonical width (sign-extend IOVAs) */
};

static int deliver(struct mapping_walk *w, const struct pt_run *run)
{
	struct pt_run r = *run;
	struct iommu_mapping m = { .run = &r, .amdvi = w->space };

	if (w->guest_bits && (r.iova >> (w->guest_bits - 1)) & 1)
		r.iova |= ~0ULL << w->guest_bits;
	/* The DTE's IR/IW govern; host tables know no user/supervisor. */
	r.perm &= w->space->dte_perm | (w->guest_bits ? IOMMU_PERM_USER : 0);
	if (r.kind == IOMMU_MAPPING_MAPPED && !(r.perm & (IOMMU_PERM_READ | IOMMU_PERM_WRITE)))
		return 0;
	return w->fn(&m, w->userdata);
}

static int emit_direct(struct pt_enum *e, const struct pt_run *run)
{
	return deliver((struct mapping_walk *)e, run);
}

static int nested_deliver(struct pt_nested *n, const struct pt_run *run)
{
	return deliver((struct mapping_walk *)n, run);
}

static int nested_table(struct pt_enum *e, uint64_t gpa, uint64_t *ret_pa)
{
	struct mapping_walk *w = (struct mapping_walk *)e;
	struct pt_out o;

	amd_host_walk(w->amd, w->space, gpa, IOMMU_PERM_READ, NULL, &o);
	if (o.stop != PT_OK)
		return -1;
	*ret_pa = o.oa;
	return 0;
}

static void nested_second(struct pt_nested *n, uint64_t gpa, struct pt_out *o)
{
	struct mapping_walk *w = (struct mapping_walk *)n;

	amd_host_walk(w->amd, w->space, gpa, 0, NULL, o);
	if (o->stop == PT_OK)
		o->perm &= IOMMU_PERM_READ | IOMMU_PERM_WRITE;
}

static uint64_t nested_span(struct pt_nested *n, unsigned int level)
{
	(void)n;
	return 1ULL << (12 + 9 * (level ? level - 1 : 0));
}

IOMMU_EXPORT int iommu_amdvi_foreach_mapping(struct iommu_amdvi *amdvi,
					     const struct iommu_amdvi_space *space,
					     unsigned int flags, iommu_mapping_fn fn, void *userdata)
{
	struct mapping_walk w = { .amd = amdvi, .space = space, .fn = fn, .userdata = userdata };

	if (space->res.status != IOMMU_XLATE_OK)
		return 0;
	w.n.e.d = amdvi->dump;
	w.n.e.leaves = flags & IOMMU_MAPPINGS_LEAVES;
	w.n.e.emit = emit_direct;
	switch (space->mode) {
	case AMD_V1:
		w.n.e.cfg = &space->host;
		amdvi_v1_enum(&w.n.e, space->host.root, space->host.levels, 0, ~0u);
		pt_enum_flush(&w.n.e);
		return w.n.e.stop;
	case AMD_V2:
	case AMD_NESTED:
		w.guest_bits = 12 + 9 * space->guest.levels;
		w.n.e.cfg = &space->guest;
		if (space->mode == AMD_NESTED) {
			w.n.e.emit = pt_nested_emit;
			w.n.e.table_addr = nested_table;
			w.n.second = nested_second;
			w.n.span = nested_span;
			w.n.deliver = nested_deliver;
		}
		vtd_fs_enum(&w.n.e, space->guest.root, space->guest.levels, 0, ~0u);
		if (space->mode == AMD_NESTED)
			return pt_nested_finish(&w.n);
		pt_enum_flush(&w.n.e);
		return w.n.e.stop;
	default:
		return 0;
	}
}

/* ---- reverse look-up ----------------------------------------------------- */

struct reverse {
	struct iommu_amdvi *amd;
	uint64_t page;
	iommu_mapping_fn fn;
	void *userdata;
};

static int reverse_mapping(const struct iommu_mapping *m, void *userdata)
{
	struct reverse *rv = userdata;
	struct iommu_mapping hit = *m;
	struct pt_run leaf;

	if (!pt_reverse_leaf(m->run, rv->page, &leaf))
		return 0;
	hit.run = &leaf;
	return rv->fn(&hit, rv->userdata);
}

static int reverse_space(const struct iommu_amdvi_space *space, void *userdata)
{
	struct reverse *rv = userdata;

	return iommu_amdvi_foreach_mapping(rv->amd, space, 0, reverse_mapping, rv);
}

IOMMU_EXPORT int iommu_amdvi_foreach_reverse(struct iommu_amdvi *amdvi, uint64_t phys,
					     iommu_mapping_fn fn, void *userdata)
{
	struct reverse rv = { amdvi, phys & ~(uint64_t)(MEM_PAGE_SIZE - 1), fn, userdata };

	return iommu_amdvi_foreach_space(amdvi, reverse_space, &rv);
}

IOMMU_EXPORT const struct iommu_amdvi_space *
iommu_mapping_get_amdvi_space(const struct iommu_mapping *mapping)
{
	return mapping->amdvi;
}

/* ---- accessors ----------------------------------------------------------- */

IOMMU_EXPORT uint16_t iommu_amdvi_space_get_devid(const struct iommu_amdvi_space *space)
{
	return space->devid;
}

IOMMU_EXPORT uint32_t iommu_amdvi_space_get_pasid(const struct iommu_amdvi_space *space)
{
	return space->pasid;
}

IOMMU_EXPORT const char *iommu_amdvi_space_get_mode(const struct iommu_amdvi_space *space)
{
	return space->res.status == IOMMU_XLATE_OK ? amd_mode_name(space->mode) : NULL;
}

IOMMU_EXPORT int iommu_amdvi_space_get_domain_id(const struct iommu_amdvi_space *space)
{
	return space->domain;
}

IOMMU_EXPORT unsigned int iommu_amdvi_space_get_levels(const struct iommu_amdvi_space *space,
						       bool guest)
{
	if (space->res.status != IOMMU_XLATE_OK)
		return 0;
	if (guest)
		return space->mode == AMD_V2 || space->mode == AMD_NESTED ? space->guest.levels : 0;
	return space->mode == AMD_V1 || space->mode == AMD_NESTED ? space->host.levels : 0;
}

IOMMU_EXPORT uint64_t iommu_amdvi_space_get_root(const struct iommu_amdvi_space *space, bool guest)
{
	if (!iommu_amdvi_space_get_levels(space, guest))
		return 0;
	return guest ? space->guest.root : space->host.root;
}

IOMMU_EXPORT enum iommu_xlate_status
iommu_amdvi_space_get_status(const struct iommu_amdvi_space *space)
{
	return space->res.status;
}

IOMMU_EXPORT bool iommu_amdvi_space_grants_nothing(const struct iommu_amdvi_space *space)
{
	return space->grants_nothing;
}

IOMMU_EXPORT unsigned int iommu_amdvi_space_get_event(const struct iommu_amdvi_space *space)
{
	return space->res.status == IOMMU_XLATE_FAULT ? space->res.code : 0;
}

IOMMU_EXPORT unsigned int iommu_amdvi_space_get_flags(const struct iommu_amdvi_space *space)
{
	return space->res.status == IOMMU_XLATE_FAULT ? space->res.flags : 0;
}

IOMMU_EXPORT const char *iommu_amdvi_space_get_detail(const struct iommu_amdvi_space *space)
{
	return space->res.detail[0] ? space->res.detail : NULL;
}

IOMMU_EXPORT const uint64_t *iommu_amdvi_space_get_dte(const struct iommu_amdvi_space *space)
{
	return space->dte;
}

IOMMU_EXPORT uint64_t iommu_amdvi_space_get_gcr3(const struct iommu_amdvi_space *space)
{
	return space->gcr3;
}
