// SPDX-License-Identifier: MIT
/*
 * Enumerating a VT-d unit: every address space its root table reaches
 * (present context entries and, in scalable mode, present PASID entries),
 * every mapping of a space, and every mapping that reaches a physical page.
 */
#include <errno.h>

#include "unit/vtd.h"

#define ADDR_MASK 0x000ffffffffff000ULL

static int space_report(struct vtd_unit *vtd, uint16_t sid, uint32_t pasid, iommu_space_fn fn,
			void *userdata)
{
	struct vtd_space sp;

	vtd_resolve(vtd, sid, pasid, &sp);
	return fn(&sp.head, userdata);
}

/* The PASIDs of a scalable-mode context entry CE, other than its RID_PASID. */
static int foreach_pasid(struct vtd_unit *vtd, uint16_t sid, const uint64_t *ce,
			 iommu_space_fn fn, void *userdata)
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
static int foreach_space(struct iommu_translator *t, iommu_space_fn fn, void *userdata)
{
	struct vtd_unit *vtd = (struct vtd_unit *)t;
	enum iommu_vtd_ttm ttm = iommu_vtd_get_ttm(t);
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
	struct vtd_unit *vtd;
	const struct vtd_space *space;
	iommu_mapping_fn fn;
	void *userdata;
	unsigned int fs_bits;		/* first stage: canonical width (sign-extend IOVAs) */
};

static int deliver(struct mapping_walk *w, const struct pt_run *run)
{
	struct iommu_mapping m = { &w->space->head, run };

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
	const struct vtd_space *sp = w->space;
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

static int foreach_mapping(struct iommu_translator *t, const struct iommu_space *head,
			   unsigned int flags, iommu_mapping_fn fn, void *userdata)
{
	const struct vtd_space *space = (const struct vtd_space *)head;
	struct vtd_unit *vtd = (struct vtd_unit *)t;
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

/* ---- accessors ---------------------------------------------------------- */

#define SPACE(head) ((const struct vtd_space *)(head))

static uint32_t space_requester(const struct iommu_space *head)
{
	return SPACE(head)->sid;
}

static uint32_t space_pasid(const struct iommu_space *head)
{
	return SPACE(head)->pasid;
}

static const char *space_mode(const struct iommu_space *head)
{
	return vtd_mode_name(SPACE(head)->mode);
}

static int space_domain_id(const struct iommu_space *head)
{
	return SPACE(head)->did;
}

static unsigned int space_levels(const struct iommu_space *head, enum iommu_stage stage)
{
	const struct vtd_space *space = SPACE(head);

	if (space->mode == SPACE_NONE || space->mode == SPACE_PASSTHROUGH)
		return 0;
	if (stage == IOMMU_STAGE_1)
		return space->mode == SPACE_FIRST || space->mode == SPACE_NESTED ? space->fs.levels : 0;
	if (stage == IOMMU_STAGE_2)
		return space->mode == SPACE_FIRST ? 0 : space->ss.levels;
	return 0;
}

static uint64_t space_root(const struct iommu_space *head, enum iommu_stage stage)
{
	if (!space_levels(head, stage))
		return 0;
	return stage == IOMMU_STAGE_1 ? SPACE(head)->fs.root : SPACE(head)->ss.root;
}

static enum iommu_xlate_status space_status(const struct iommu_space *head)
{
	return SPACE(head)->status;
}

static unsigned int space_fault_reason(const struct iommu_space *head)
{
	return SPACE(head)->fr;
}

static const char *space_detail(const struct iommu_space *head)
{
	return SPACE(head)->detail[0] ? SPACE(head)->detail : NULL;
}

static const char *space_note(const struct iommu_space *head)
{
	return SPACE(head)->note;
}

const struct unit_ops vtd_ops = {
	.vendor = IOMMU_VENDOR_INTEL,
	.free = vtd_free,
	.dump = vtd_dump,
	.translate = vtd_translate,
	.foreach_space = foreach_space,
	.foreach_mapping = foreach_mapping,
	.requester = space_requester,
	.pasid = space_pasid,
	.mode = space_mode,
	.domain_id = space_domain_id,
	.levels = space_levels,
	.root = space_root,
	.status = space_status,
	.fault_reason = space_fault_reason,
	.detail = space_detail,
	.note = space_note,
};

/* What only VT-d spaces have: the RID_PASID mark, FPD and the structure entries read. */
#define VTD_SPACE(head) UNIT_OF(const struct vtd_space, vtd_ops, head)

IOMMU_EXPORT bool iommu_vtd_space_is_rid_pasid(const struct iommu_space *head)
{
	const struct vtd_space *space = VTD_SPACE(head);

	return space && space->rid_pasid;
}

IOMMU_EXPORT bool iommu_vtd_space_get_fpd(const struct iommu_space *head)
{
	const struct vtd_space *space = VTD_SPACE(head);

	return space && space->fpd;
}

static const struct walk_step *space_step(const struct iommu_space *head, size_t i)
{
	static const struct walk_step none;
	const struct vtd_space *space = VTD_SPACE(head);

	return space && i < space->nsteps ? &space->steps[i] : &none;
}

IOMMU_EXPORT size_t iommu_vtd_space_get_step_count(const struct iommu_space *head)
{
	const struct vtd_space *space = VTD_SPACE(head);

	return space ? space->nsteps : 0;
}

IOMMU_EXPORT enum iommu_step_kind iommu_vtd_space_get_step_kind(const struct iommu_space *head,
								 size_t i)
{
	return (enum iommu_step_kind)space_step(head, i)->kind;
}

IOMMU_EXPORT uint64_t iommu_vtd_space_get_step_table(const struct iommu_space *head, size_t i)
{
	return space_step(head, i)->table;
}

IOMMU_EXPORT unsigned int iommu_vtd_space_get_step_index(const struct iommu_space *head, size_t i)
{
	return space_step(head, i)->index;
}

IOMMU_EXPORT const uint64_t *iommu_vtd_space_get_step_entry(const struct iommu_space *head,
							    size_t i, unsigned int *ret_words)
{
	const struct walk_step *s = space_step(head, i);

	if (ret_words)
		*ret_words = s->nwords;
	return s->words;
}
