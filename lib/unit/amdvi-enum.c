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
	struct amd_unit *amd;
	iommu_space_fn fn;
	void *userdata;
	struct amd_space sp;
};

static int report(struct space_walk *w, uint16_t devid, uint32_t pasid)
{
	amd_resolve(w->amd, devid, pasid, &w->sp);
	return w->fn(&w->sp.head, w->userdata);
}

/* A GCR3 table page's entries, through the host tables when they translate; false when unreachable. */
static bool gcr3_page(struct space_walk *w, const struct amd_space *dev, uint64_t table,
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
static int gcr3_level(struct space_walk *w, const struct amd_space *dev, uint64_t table,
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

static int foreach_space(struct iommu_translator *t, iommu_space_fn fn, void *userdata)
{
	struct amd_unit *amdvi = (struct amd_unit *)t;
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
			struct amd_space dev = w->sp;

			r = gcr3_level(w, &dev, amd_gcr3_root(dev.dte), FIELD(dev.dte[0], 57, 56) + 1, 0);
		}
	}
	free(w);
	return r;
}

/* ---- mappings ------------------------------------------------------------ */

struct mapping_walk {
	struct pt_nested n;
	struct amd_unit *amd;
	const struct amd_space *space;
	iommu_mapping_fn fn;
	void *userdata;
	unsigned int guest_bits;	/* guest tables: canonical width (sign-extend IOVAs) */
};

static int deliver(struct mapping_walk *w, const struct pt_run *run)
{
	struct pt_run r = *run;
	struct iommu_mapping m = { &w->space->head, &r };

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

static int foreach_mapping(struct iommu_translator *t, const struct iommu_space *head,
			   unsigned int flags, iommu_mapping_fn fn, void *userdata)
{
	const struct amd_space *space = (const struct amd_space *)head;
	struct amd_unit *amdvi = (struct amd_unit *)t;
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

/* ---- accessors ----------------------------------------------------------- */

#define SPACE(head) ((const struct amd_space *)(head))

static uint32_t space_requester(const struct iommu_space *head)
{
	return SPACE(head)->devid;
}

static uint32_t space_pasid(const struct iommu_space *head)
{
	return SPACE(head)->pasid;
}

static const char *space_mode(const struct iommu_space *head)
{
	return SPACE(head)->res.status == IOMMU_XLATE_OK ? amd_mode_name(SPACE(head)->mode) : NULL;
}

static int space_domain_id(const struct iommu_space *head)
{
	return SPACE(head)->domain;
}

/* Stage 1: the guest (v2) tables; stage 2: the host (v1) tables. */
static unsigned int space_levels(const struct iommu_space *head, enum iommu_stage stage)
{
	const struct amd_space *space = SPACE(head);

	if (space->res.status != IOMMU_XLATE_OK)
		return 0;
	if (stage == IOMMU_STAGE_1)
		return space->mode == AMD_V2 || space->mode == AMD_NESTED ? space->guest.levels : 0;
	if (stage == IOMMU_STAGE_2)
		return space->mode == AMD_V1 || space->mode == AMD_NESTED ? space->host.levels : 0;
	return 0;
}

static uint64_t space_root(const struct iommu_space *head, enum iommu_stage stage)
{
	if (!space_levels(head, stage))
		return 0;
	return stage == IOMMU_STAGE_1 ? SPACE(head)->guest.root : SPACE(head)->host.root;
}

static enum iommu_xlate_status space_status(const struct iommu_space *head)
{
	return SPACE(head)->res.status;
}

static unsigned int space_fault_reason(const struct iommu_space *head)
{
	return SPACE(head)->res.code;
}

static const char *space_detail(const struct iommu_space *head)
{
	return SPACE(head)->res.detail[0] ? SPACE(head)->res.detail : NULL;
}

const struct unit_ops amd_ops = {
	.vendor = IOMMU_VENDOR_AMD,
	.free = amd_free,
	.dump = amd_dump,
	.translate = amd_translate,
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
};

/* What only AMD-Vi devices have: the event flags, the DTE and the GCR3 entry. */
#define AMD_SPACE(head) UNIT_OF(const struct amd_space, amd_ops, head)

IOMMU_EXPORT unsigned int iommu_amdvi_space_get_flags(const struct iommu_space *head)
{
	const struct amd_space *space = AMD_SPACE(head);

	return space && space->res.status == IOMMU_XLATE_FAULT ? space->res.flags : 0;
}

IOMMU_EXPORT bool iommu_amdvi_space_grants_nothing(const struct iommu_space *head)
{
	const struct amd_space *space = AMD_SPACE(head);

	return space && space->grants_nothing;
}

IOMMU_EXPORT const uint64_t *iommu_amdvi_space_get_dte(const struct iommu_space *head)
{
	const struct amd_space *space = AMD_SPACE(head);

	return space ? space->dte : NULL;
}

IOMMU_EXPORT uint64_t iommu_amdvi_space_get_gcr3(const struct iommu_space *head)
{
	const struct amd_space *space = AMD_SPACE(head);

	return space ? space->gcr3 : 0;
}
