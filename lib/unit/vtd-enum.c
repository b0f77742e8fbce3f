// SPDX-License-Identifier: MIT
/*
 * Enumerating a VT-d unit: every address space its root table reaches
 * (present context entries and, in scalable mode, present PASID entries),
 * every mapping of a space, and every mapping that reaches a physical page.
 */
#include <errno.h>

#include "unit/vtd.h"

#define ADDR_MASK 0x000ffffffffff000ULL

static int space_report(struct iommu_vtd *vtd, uint16_t sid, uint32_t pasid,
			iommu_vtd_space_fn fn, void *userdata)
{
	struct iommu_vtd_space sp;

	vtd_resolve(vtd, sid, pasid, &sp);
	return fn(&sp, userdata);
}

/* The PASIDs of a scalable-mode context entry CE, other than its RID_PASID. */
static int foreach_pasid(struct iommu_vtd *vtd, uint16_t sid, const uint64_t *ce,
			 iommu_vtd_space_fn fn, void *userdata)
{
	unsigned int dirsize = 1u << (((ce[0] >> 9) & 7) + 7);
	uint32_t rid_pasid = (uint32_t)(ce[1] & 0xfffff);
	int r;

	if (!(ce[0] & (1u << 3)))	/* PASIDE clear: only RID_PASID is usable */
		return 0;
	for (unsigned int i = 0; i < dirsize; i++) {
		uint64_t de, pe;

		if (mem_load64(vtd->dump, (ce[0] & ADDR_MASK) + 8ULL * i, &de) < 0)
			return 0;	/* RID_PASID's resolution reported the directory missing */
		if (!(de & 1))
			continue;
		for (unsigned int j = 0; j < 64; j++) {
			uint32_t pasid = i << 6 | j;

			if (mem_load64(vtd->dump, (de & ADDR_MASK) + 64ULL * j, &pe) < 0) {
				/* Let the resolution report the missing PASID table, once. */
				return space_report(vtd, sid, pasid, fn, userdata);
			}
			if (!(pe & 1) || pasid == rid_pasid)
				continue;
			r = space_report(vtd, sid, pasid, fn, userdata);
			if (r)
				return r;
		}
	}
	return 0;
}

/* VT-d 4.1 §9.1-§9.4: every present context entry, bus by bus. */
IOMMU_EXPORT int iommu_vtd_foreach_space(struct iommu_vtd *vtd, iommu_vtd_space_fn fn,
					 void *userdata)
{
	enum iommu_vtd_ttm ttm = iommu_vtd_get_ttm(vtd);
	uint64_t rta = vtd->rtaddr & ADDR_MASK;
	bool sm = ttm == IOMMU_VTD_TTM_SCALABLE;
	int r;

	if (ttm != IOMMU_VTD_TTM_LEGACY && !sm)
		return 0;
	for (unsigned int bus = 0; bus < 256; bus++) {
		uint64_t re[2];

		if (mem_load_words(vtd->dump, rta + 16ULL * bus, re, 2) < 0)
			return -ENODATA;
		for (unsigned int half = 0; half < (sm ? 2u : 1u); half++) {
			unsigned int first = half * 128, count = sm ? 128 : 256, size = sm ? 32 : 16;
			uint64_t ctp = re[half] & ADDR_MASK;

			if (!(re[half] & 1))
				continue;
			for (unsigned int i = 0; i < count; i++) {
				uint16_t sid = (uint16_t)(bus << 8 | (first + i));
				uint64_t ce[4];

				if (mem_load_words(vtd->dump, ctp + (uint64_t)size * i, ce, size / 8) < 0) {
					/* The context table is missing: one report for it. */
					r = space_report(vtd, sid, IOMMU_NO_PASID, fn, userdata);
					if (r)
						return r;
					break;
				}
				if (!(ce[0] & 1))
					continue;
				r = space_report(vtd, sid, IOMMU_NO_PASID, fn, userdata);
				if (!r && sm)
					r = foreach_pasid(vtd, sid, ce, fn, userdata);
				if (r)
					return r;
			}
		}
	}
	return 0;
}

/* ---- mappings ----------------------------------------------------------- */

struct mapping_walk {
	struct pt_nested n;		/* n.e: the enumeration; the rest for nested spaces */
	struct iommu_vtd *vtd;
	const struct iommu_vtd_space *space;
	iommu_mapping_fn fn;
	void *userdata;
	unsigned int fs_bits;		/* first stage: canonical width (sign-extend IOVAs) */
};

static int deliver(struct mapping_walk *w, const struct pt_run *run)
{
	struct iommu_mapping m = { w->space, run };

	return w->fn(&m, w->userdata);
}

static uint64_t canonical(const struct mapping_walk *w, uint64_t iova)
{
	if (w->fs_bits && (iova >> (w->fs_bits - 1)) & 1)
		iova |= ~0ULL << w->fs_bits;
	return iova;
}

static int emit_direct(struct pt_enum *e, const struct pt_run *run)
{
	struct mapping_walk *w = (struct mapping_walk *)e;
	struct pt_run r;

	if (!w->fs_bits)
		return deliver(w, run);
	r = *run;
	r.iova = canonical(w, r.iova);
	return deliver(w, &r);
}

/* Translate a first-stage table address through the second stage (enumeration: no trace). */
static int nested_table(struct pt_enum *e, uint64_t gpa, uint64_t *ret_hpa)
{
	struct mapping_walk *w = (struct mapping_walk *)e;
	const struct iommu_vtd_space *sp = w->space;
	struct pt_out o = { 0 };

	vtd_ss_walk(w->vtd->dump, &sp->ss, gpa, IOMMU_PERM_READ, NULL, &o);
	if (o.stop == PT_OK) {
		*ret_hpa = o.oa;
		return 0;
	}
	return -1;
}

/* Nested (walk.h pt_nested_emit): the second-stage walk of a guest physical address. */
static void nested_second(struct pt_nested *n, uint64_t gpa, struct pt_out *o)
{
	struct mapping_walk *w = (struct mapping_walk *)n;

	vtd_ss_walk(w->vtd->dump, &w->space->ss, gpa, 0, NULL, o);
}

static uint64_t nested_span(struct pt_nested *n, unsigned int level)
{
	(void)n;
	return 1ULL << pt_shift(&vtd_ss_format, level);
}

static int nested_deliver(struct pt_nested *n, const struct pt_run *run)
{
	return emit_direct(&n->e, run);
}

IOMMU_EXPORT int iommu_vtd_foreach_mapping(struct iommu_vtd *vtd,
					   const struct iommu_vtd_space *space, unsigned int flags,
					   iommu_mapping_fn fn, void *userdata)
{
	struct mapping_walk w = { .vtd = vtd, .space = space, .fn = fn, .userdata = userdata };
	const struct pt_cfg *cfg;
	pt_enum_fn walk;

	switch (space->status == IOMMU_XLATE_OK ? space->mode : SPACE_NONE) {
	case SPACE_LEGACY:
	case SPACE_SECOND:
		cfg = &space->ss;
		walk = vtd_ss_enum;
		w.n.e.emit = emit_direct;
		break;
	case SPACE_FIRST:
	case SPACE_NESTED:
		cfg = &space->fs;
		walk = vtd_fs_enum;
		w.fs_bits = 12 + 9 * space->fs.levels;
		w.n.e.emit = space->mode == SPACE_NESTED ? pt_nested_emit : emit_direct;
		w.n.e.table_addr = space->mode == SPACE_NESTED ? nested_table : NULL;
		w.n.second = nested_second;
		w.n.span = nested_span;
		w.n.deliver = nested_deliver;
		break;
	default:
		return 0;
	}
	w.n.e.d = vtd->dump;
	w.n.e.cfg = cfg;
	w.n.e.leaves = flags & IOMMU_MAPPINGS_LEAVES;
	walk(&w.n.e, cfg->root, cfg->levels, 0, ~0u);
	return pt_nested_finish(&w.n);
}

/* ---- reverse lookup ----------------------------------------------------- */

struct reverse {
	struct iommu_vtd *vtd;
	uint64_t page;
	iommu_mapping_fn fn;
	void *userdata;
};

static int reverse_mapping(const struct iommu_mapping *m, void *userdata)
{
	struct reverse *rv = userdata;
	const struct pt_run *run = m->run;
	struct iommu_mapping hit = { m->space, NULL };
	struct pt_run page;

	if (run->kind != IOMMU_MAPPING_MAPPED || rv->page < run->phys ||
	    rv->page - run->phys >= run->size)
		return 0;
	/* The 4 KiB of IOVA that reach the page, inside a page of run->page_size. */
	page = *run;
	page.iova += rv->page - run->phys;
	page.phys = rv->page;
	page.size = MEM_PAGE_SIZE;
	page.leaves = 1;
	hit.run = &page;
	return rv->fn(&hit, rv->userdata);
}

static int reverse_space(const struct iommu_vtd_space *space, void *userdata)
{
	struct reverse *rv = userdata;

	return iommu_vtd_foreach_mapping(rv->vtd, space, 0, reverse_mapping, rv);
}

IOMMU_EXPORT int iommu_vtd_foreach_reverse(struct iommu_vtd *vtd, uint64_t phys,
					   iommu_mapping_fn fn, void *userdata)
{
	struct reverse rv = { vtd, phys & ~(uint64_t)(MEM_PAGE_SIZE - 1), fn, userdata };

	return iommu_vtd_foreach_space(vtd, reverse_space, &rv);
}

/* ---- accessors ---------------------------------------------------------- */

IOMMU_EXPORT uint16_t iommu_vtd_space_get_sid(const struct iommu_vtd_space *space)
{
	return space->sid;
}

IOMMU_EXPORT uint32_t iommu_vtd_space_get_pasid(const struct iommu_vtd_space *space)
{
	return space->pasid;
}

IOMMU_EXPORT bool iommu_vtd_space_is_rid_pasid(const struct iommu_vtd_space *space)
{
	return space->rid_pasid;
}

IOMMU_EXPORT const char *iommu_vtd_space_get_mode(const struct iommu_vtd_space *space)
{
	return vtd_mode_name(space->mode);
}

IOMMU_EXPORT int iommu_vtd_space_get_domain_id(const struct iommu_vtd_space *space)
{
	return space->did;
}

IOMMU_EXPORT unsigned int iommu_vtd_space_get_levels(const struct iommu_vtd_space *space,
						     bool first_stage)
{
	if (space->mode == SPACE_NONE || space->mode == SPACE_PASSTHROUGH)
		return 0;
	if (first_stage)
		return space->mode == SPACE_FIRST || space->mode == SPACE_NESTED ? space->fs.levels : 0;
	return space->mode == SPACE_FIRST ? 0 : space->ss.levels;
}

IOMMU_EXPORT uint64_t iommu_vtd_space_get_root(const struct iommu_vtd_space *space,
					       bool first_stage)
{
	return iommu_vtd_space_get_levels(space, first_stage)
		       ? (first_stage ? space->fs.root : space->ss.root)
		       : 0;
}

IOMMU_EXPORT bool iommu_vtd_space_get_fpd(const struct iommu_vtd_space *space)
{
	return space->fpd;
}

IOMMU_EXPORT enum iommu_xlate_status iommu_vtd_space_get_status(const struct iommu_vtd_space *space)
{
	return space->status;
}

IOMMU_EXPORT unsigned int iommu_vtd_space_get_fault_reason(const struct iommu_vtd_space *space)
{
	return space->fr;
}

IOMMU_EXPORT const char *iommu_vtd_space_get_detail(const struct iommu_vtd_space *space)
{
	return space->detail[0] ? space->detail : NULL;
}

IOMMU_EXPORT const char *iommu_vtd_space_get_note(const struct iommu_vtd_space *space)
{
	return space->note;
}

IOMMU_EXPORT size_t iommu_vtd_space_get_step_count(const struct iommu_vtd_space *space)
{
	return space->nsteps;
}

static const struct walk_step *space_step(const struct iommu_vtd_space *space, size_t i)
{
	static const struct walk_step none;

	return i < space->nsteps ? &space->steps[i] : &none;
}

IOMMU_EXPORT enum iommu_step_kind iommu_vtd_space_get_step_kind(const struct iommu_vtd_space *space,
								 size_t i)
{
	return (enum iommu_step_kind)space_step(space, i)->kind;
}

IOMMU_EXPORT uint64_t iommu_vtd_space_get_step_table(const struct iommu_vtd_space *space, size_t i)
{
	return space_step(space, i)->table;
}

IOMMU_EXPORT unsigned int iommu_vtd_space_get_step_index(const struct iommu_vtd_space *space,
							 size_t i)
{
	return space_step(space, i)->index;
}

IOMMU_EXPORT const uint64_t *iommu_vtd_space_get_step_entry(const struct iommu_vtd_space *space,
							    size_t i, unsigned int *ret_words)
{
	const struct walk_step *s = space_step(space, i);

	if (ret_words)
		*ret_words = s->nwords;
	return s->words;
}

IOMMU_EXPORT const struct iommu_vtd_space *iommu_mapping_get_space(const struct iommu_mapping *m)
{
	return m->space;
}

IOMMU_EXPORT enum iommu_mapping_kind iommu_mapping_get_kind(const struct iommu_mapping *m)
{
	return m->run->kind;
}

IOMMU_EXPORT uint64_t iommu_mapping_get_iova(const struct iommu_mapping *m)
{
	return m->run->iova;
}

IOMMU_EXPORT uint64_t iommu_mapping_get_size(const struct iommu_mapping *m)
{
	return m->run->size;
}

IOMMU_EXPORT uint64_t iommu_mapping_get_phys(const struct iommu_mapping *m)
{
	return m->run->phys;
}

IOMMU_EXPORT uint64_t iommu_mapping_get_page_size(const struct iommu_mapping *m)
{
	return m->run->page_size;
}

IOMMU_EXPORT uint64_t iommu_mapping_get_leaves(const struct iommu_mapping *m)
{
	return m->run->leaves;
}

IOMMU_EXPORT unsigned int iommu_mapping_get_perm(const struct iommu_mapping *m)
{
	return m->run->perm;
}

IOMMU_EXPORT uint64_t iommu_mapping_get_missing(const struct iommu_mapping *m)
{
	return m->run->missing;
}

IOMMU_EXPORT uint64_t iommu_mapping_get_entry(const struct iommu_mapping *m)
{
	return m->run->entry;
}

IOMMU_EXPORT const uint64_t *iommu_mapping_get_path(const struct iommu_mapping *m,
						    unsigned int *ret_levels)
{
	if (ret_levels)
		*ret_levels = m->run->path_levels;
	return m->run->path;
}
