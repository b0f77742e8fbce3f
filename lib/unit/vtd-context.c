// SPDX-License-Identifier: MIT
/*
 * From a requester (and PASID) to its address space: root entry, context
 * entry, and in scalable mode the PASID directory and PASID table entries,
 * checked as the hardware checks them (present, then reserved bits, then
 * the fields' values).  The unit object lives here too.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "bits.h"
#include "unit/vtd.h"

#define ADDR_MASK 0x000ffffffffff000ULL

IOMMU_EXPORT int iommu_translator_new_vtd(struct iommu_dump *dump, uint64_t rtaddr,
					  struct iommu_translator **ret)
{
	struct vtd_unit *vtd = calloc(1, sizeof(*vtd));

	if (!vtd)
		return -ENOMEM;
	vtd->cached = calloc(1, sizeof(*vtd->cached));
	if (!vtd->cached) {
		free(vtd);
		return -ENOMEM;
	}
	translator_init(&vtd->head, &vtd_ops);
	vtd->dump = iommu_dump_ref(dump);
	vtd->rtaddr = rtaddr;
	*ret = &vtd->head;
	return 0;
}

void vtd_free(struct iommu_translator *t)
{
	struct vtd_unit *vtd = (struct vtd_unit *)t;

	iommu_dump_unref(vtd->dump);
	free(vtd->cached);
	free(vtd);
}

struct iommu_dump *vtd_dump(const struct iommu_translator *t)
{
	return ((const struct vtd_unit *)t)->dump;
}

#define VTD(t) UNIT_OF(struct vtd_unit, vtd_ops, t)

IOMMU_EXPORT void iommu_vtd_set_caps(struct iommu_translator *t, uint64_t cap, uint64_t ecap)
{
	struct vtd_unit *vtd = VTD(t);

	if (!vtd)
		return;
	vtd->cap = cap;
	vtd->ecap = ecap;
	vtd->have_caps = true;
	vtd->cached->valid = false;
}

IOMMU_EXPORT void iommu_vtd_set_strict(struct iommu_translator *t, bool strict)
{
	struct vtd_unit *vtd = VTD(t);

	if (!vtd)
		return;
	vtd->strict = strict;
	vtd->cached->valid = false;
}

IOMMU_EXPORT uint64_t iommu_vtd_get_rtaddr(const struct iommu_translator *t)
{
	const struct vtd_unit *vtd = VTD(t);

	return vtd ? vtd->rtaddr : 0;
}

/* VT-d 4.1 §11.4 Root Table Address Register: TTM is bits 11:10. */
IOMMU_EXPORT enum iommu_vtd_ttm iommu_vtd_get_ttm(const struct iommu_translator *t)
{
	return (enum iommu_vtd_ttm)((iommu_vtd_get_rtaddr(t) >> 10) & 3);
}

IOMMU_EXPORT const char *iommu_vtd_ttm_name(enum iommu_vtd_ttm ttm)
{
	static const char *const names[] = { "legacy", "scalable", "reserved", "abort-dma" };

	return names[ttm & 3];
}

const char *vtd_mode_name(enum space_mode mode)
{
	switch (mode) {
	case SPACE_LEGACY:
		return "legacy";
	case SPACE_PASSTHROUGH:
		return "pass-through";
	case SPACE_SECOND:
		return "second-stage";
	case SPACE_FIRST:
		return "first-stage";
	case SPACE_NESTED:
		return "nested";
	case SPACE_NONE:
		break;
	}
	return NULL;
}

/* Record the fault the hardware would record here; false, for the resolvers to return. */
static bool space_fault(struct vtd_space *sp, unsigned int fr, const char *fmt, ...)
	PRINTF_FMT(3, 4);
static bool space_fault(struct vtd_space *sp, unsigned int fr, const char *fmt, ...)
{
	va_list args;

	sp->status = IOMMU_XLATE_FAULT;
	sp->fr = fr;
	sp->mode = SPACE_NONE;
	va_start(args, fmt);
	vsnprintf(sp->detail, sizeof(sp->detail), fmt, args);
	va_end(args);
	return false;
}

/* Read N words of entry INDEX (entries of N words) of the table at TABLE; record the step. */
static bool read_entry(struct vtd_unit *vtd, struct vtd_space *sp, enum iommu_step_kind kind,
		       const char *what, uint64_t table, unsigned int index, unsigned int n,
		       uint64_t *words)
{
	uint64_t at = table + (uint64_t)index * n * 8;
	struct walk_step *s;

	if (mem_load_words(vtd->dump, at, words, n) < 0) {
		sp->status = IOMMU_XLATE_NOT_IN_DUMP;
		sp->mode = SPACE_NONE;
		sp->missing = at & ~(uint64_t)(MEM_PAGE_SIZE - 1);
		snprintf(sp->detail, sizeof(sp->detail), "the %s at 0x%llx is not in the dump", what,
			 (unsigned long long)table);
		return false;
	}
	if (sp->nsteps < SPACE_STEPS) {
		s = &sp->steps[sp->nsteps++];
		*s = (struct walk_step){ .table = table, .index = (uint16_t)index, .kind = (uint8_t)kind };
		step_set_words(s, words, n);
	}
	return true;
}

bool vtd_ss_config(const struct vtd_unit *vtd, unsigned int aw, uint64_t root, bool legacy,
		   struct pt_cfg *cfg, uint8_t *ret_in_bits)
{
	if (aw > 3 || (vtd->have_caps && !(CAP_SAGAW(vtd->cap) & (1u << aw))))
		return false;
	*cfg = (struct pt_cfg){
		.fmt = &vtd_ss_format,
		.root = root,
		.levels = (uint8_t)(aw + 2),
		.block_levels = vtd->have_caps ? (uint8_t)((CAP_SLLPS(vtd->cap) & 3) << 2) : 0x0c,
		.oa_bits = 52,
		.flags = (legacy ? PT_LEGACY : 0) | (vtd->strict ? PT_STRICT : 0) |
			 (!vtd->have_caps || ECAP_SC(vtd->ecap) ? PT_SNOOP_OK : 0),
	};
	*ret_in_bits = (uint8_t)(30 + 9 * aw);
	return true;
}

/* VT-d 4.1 §9.1 Root Entry, §9.3 Context Entry. */
static bool resolve_legacy(struct vtd_unit *vtd, struct vtd_space *sp, uint64_t rta)
{
	unsigned int bus = sp->sid >> 8, devfn = sp->sid & 0xff, tt, aw;
	uint64_t re[2], ce[2];

	if (!read_entry(vtd, sp, IOMMU_STEP_ROOT, "root table", rta, bus, 2, re))
		return false;
	if (!(re[0] & 1))
		return space_fault(sp, FR_LRT_2, "root entry %u (bus %02x) is not present", bus, bus);
	if ((re[0] & 0xffe) || re[1])
		return space_fault(sp, FR_LRT_3, "root entry %u has reserved bits set (low 0x%llx, high 0x%llx)",
				   bus, (unsigned long long)(re[0] & 0xffe), (unsigned long long)re[1]);
	if (!read_entry(vtd, sp, IOMMU_STEP_CONTEXT, "context table", re[0] & ADDR_MASK, devfn, 2, ce))
		return false;
	sp->fpd = ce[0] & BIT(1);
	if (!(ce[0] & 1))
		return space_fault(sp, FR_LCT_2, "context entry %u (%02x.%u) is not present", devfn,
				   devfn >> 3, devfn & 7);
	if ((ce[0] & 0xff0) || (ce[1] & (BIT(7) | 0xffffffffff000000ULL)))
		return space_fault(sp, FR_LCT_3, "context entry %u has reserved bits set (low 0x%llx, high 0x%llx)",
				   devfn, (unsigned long long)(ce[0] & 0xff0),
				   (unsigned long long)(ce[1] & (BIT(7) | 0xffffffffff000000ULL)));
	sp->did = (int)((ce[1] >> 8) & 0xffff);
	tt = (ce[0] >> 2) & 3;
	aw = ce[1] & 7;
	if (tt == 3 || (vtd->have_caps && ((tt == 1 && !ECAP_DT(vtd->ecap)) ||
					   (tt == 2 && !ECAP_PT(vtd->ecap)))))
		return space_fault(sp, FR_LCT_4, "context entry %u: translation type %u is %s", devfn, tt,
				   tt == 3 ? "reserved" : "not supported by this unit (ECAP)");
	if (!vtd_ss_config(vtd, aw, ce[0] & ADDR_MASK, true, &sp->ss, &sp->in_bits))
		return space_fault(sp, FR_LCT_4, "context entry %u: address width %u (%u-level) is not supported%s",
				   devfn, aw, aw + 2, vtd->have_caps ? " (CAP.SAGAW)" : "");
	if (tt == 2) {
		sp->mode = SPACE_PASSTHROUGH;
		sp->ss.levels = 0;
	} else {
		sp->mode = SPACE_LEGACY;
	}
	return true;
}

/* VT-d 4.1 §9.7 via §9.6: first-stage configuration from a PASID entry's third word. */
static bool fs_config(const struct vtd_unit *vtd, uint64_t p2, struct pt_cfg *cfg)
{
	unsigned int fspm = (p2 >> 2) & 3;

	if (fspm > 1 || (fspm == 1 && vtd->have_caps && !CAP_FL5LP(vtd->cap)))
		return false;
	*cfg = (struct pt_cfg){
		.fmt = &vtd_fs_format,
		.root = p2 & ADDR_MASK,
		.levels = (uint8_t)(4 + fspm),
		.block_levels = (uint8_t)(BIT(2) | (!vtd->have_caps || CAP_FL1GP(vtd->cap) ? BIT(3) : 0)),
		.oa_bits = 52,
		.flags = (p2 & BIT(5) ? PT_NXE : 0) | (vtd->strict ? PT_STRICT : 0),
	};
	return true;
}

/* VT-d 4.1 §9.6 Scalable-Mode PASID Table Entry: the translation it selects. */
static bool pasid_mode(struct vtd_unit *vtd, struct vtd_space *sp, const uint64_t *p)
{
	unsigned int pgtt = (p[0] >> 6) & 7, aw = (p[0] >> 2) & 7;
	bool ss = pgtt == 2 || pgtt == 3, fs = pgtt == 1 || pgtt == 3;

	sp->did = (int)(p[1] & 0xffff);
	sp->sre = p[2] & BIT(0);
	sp->wpe = p[2] & BIT(4);
	if (pgtt == 0 || pgtt > 4)
		return space_fault(sp, FR_SPT_4, "PASID %u entry: PGTT %u is reserved", sp->pasid, pgtt);
	if (vtd->have_caps && ((ss && !ECAP_SSTS(vtd->ecap)) || (fs && !ECAP_FSTS(vtd->ecap)) ||
			       (pgtt == 3 && !ECAP_NEST(vtd->ecap)) ||
			       (pgtt == 4 && !ECAP_PT(vtd->ecap))))
		return space_fault(sp, FR_SPT_4, "PASID %u entry: PGTT %u is not supported by this unit (ECAP)",
				   sp->pasid, pgtt);
	if (ss && !vtd_ss_config(vtd, aw, p[0] & ADDR_MASK, false, &sp->ss, &sp->in_bits))
		return space_fault(sp, FR_SPT_4, "PASID %u entry: address width %u (%u-level) is not supported",
				   sp->pasid, aw, aw + 2);
	if (fs && !fs_config(vtd, p[2], &sp->fs))
		return space_fault(sp, FR_SPT_4, "PASID %u entry: first-stage paging mode %u is not supported",
				   sp->pasid, (unsigned int)((p[2] >> 2) & 3));
	sp->mode = pgtt == 1 ? SPACE_FIRST : pgtt == 2 ? SPACE_SECOND : pgtt == 3 ? SPACE_NESTED
								: SPACE_PASSTHROUGH;
	return true;
}

/* VT-d 4.1 §9.2, §9.4, §9.5, §9.6: scalable-mode root, context, PASID directory and table. */
static bool resolve_scalable(struct vtd_unit *vtd, struct vtd_space *sp, uint64_t rta)
{
	unsigned int bus = sp->sid >> 8, devfn = sp->sid & 0xff, dirsize;
	uint64_t re[2], ce[4], de, pe[8], half, rsvd;
	bool upper = devfn >= 0x80;

	if (!read_entry(vtd, sp, IOMMU_STEP_ROOT, "root table", rta, bus, 2, re))
		return false;
	half = re[upper];
	if (!(half & 1))
		return space_fault(sp, FR_SRT_2, "the %s half of root entry %u (bus %02x) is not present",
				   upper ? "upper" : "lower", bus, bus);
	if (half & 0xffe)
		return space_fault(sp, FR_SRT_3, "the %s half of root entry %u has reserved bits 0x%llx set",
				   upper ? "upper" : "lower", bus, (unsigned long long)(half & 0xffe));
	if (!read_entry(vtd, sp, IOMMU_STEP_CONTEXT, "context table", half & ADDR_MASK, devfn & 0x7f, 4, ce))
		return false;
	sp->fpd = ce[0] & BIT(1);
	if (!(ce[0] & 1))
		return space_fault(sp, FR_SCT_2, "context entry %u (%02x.%u) is not present", devfn & 0x7f,
				   devfn >> 3, devfn & 7);
	rsvd = ce[1] & 0xffffffffffe00000ULL;
	if (rsvd || ce[2] || ce[3])
		return space_fault(sp, FR_SCT_3, "context entry %u has reserved bits set (0x%llx in bits 127:64%s)",
				   devfn & 0x7f, (unsigned long long)rsvd, ce[2] || ce[3] ? ", bits 255:128" : "");
	/* Bits 8:5 are reserved, but kernels set them (iommu debugfs samples): a note unless strict. */
	if (ce[0] & 0x1e0) {
		if (vtd->strict)
			return space_fault(sp, FR_SCT_3, "context entry %u has reserved bits 8:5 set (0x%llx)",
					   devfn & 0x7f, (unsigned long long)(ce[0] & 0x1e0));
		sp->note = "the context entry's reserved bits 8:5 are set, as Linux sets them; ignored";
	}
	if (sp->pasid_req != IOMMU_NO_PASID && !(ce[0] & BIT(3)))
		return space_fault(sp, FR_SCT_6, "request with PASID %u, but the context entry does not enable PASIDs",
				   sp->pasid_req);
	sp->rid_pasid = sp->pasid_req == IOMMU_NO_PASID;
	sp->pasid = sp->rid_pasid ? (uint32_t)(ce[1] & 0xfffff) : sp->pasid_req;
	sp->priv = ce[1] & BIT(20);
	dirsize = 1u << (((ce[0] >> 9) & 7) + 7);
	if ((sp->pasid >> 6) >= dirsize)
		return space_fault(sp, FR_SCT_7, "PASID %u is beyond the %u-entry PASID directory", sp->pasid,
				   dirsize);
	if (!read_entry(vtd, sp, IOMMU_STEP_PASID_DIR, "PASID directory", ce[0] & ADDR_MASK,
			sp->pasid >> 6, 1, &de))
		return false;
	sp->fpd |= de & BIT(1);
	if (!(de & 1))
		return space_fault(sp, FR_SPD_2, "PASID directory entry %u (PASIDs %u-%u) is not present",
				   sp->pasid >> 6, sp->pasid & ~63u, sp->pasid | 63u);
	if (de & 0xffc)
		return space_fault(sp, FR_SPD_3, "PASID directory entry %u has reserved bits 0x%llx set",
				   sp->pasid >> 6, (unsigned long long)(de & 0xffc));
	if (!read_entry(vtd, sp, IOMMU_STEP_PASID, "PASID table", de & ADDR_MASK, sp->pasid & 63, 8, pe))
		return false;
	sp->fpd |= pe[0] & BIT(1);
	if (!(pe[0] & 1))
		return space_fault(sp, FR_SPT_2, "PASID %u entry is not present", sp->pasid);
	if ((pe[0] & 0xc00) || (pe[1] & 0x7f0000) || (pe[2] & 0xf00))
		return space_fault(sp, FR_SPT_3, "PASID %u entry has reserved bits set (0x%llx, 0x%llx, 0x%llx)",
				   sp->pasid, (unsigned long long)(pe[0] & 0xc00),
				   (unsigned long long)(pe[1] & 0x7f0000), (unsigned long long)(pe[2] & 0xf00));
	return pasid_mode(vtd, sp, pe);
}

void vtd_resolve(struct vtd_unit *vtd, uint16_t sid, uint32_t pasid, struct vtd_space *sp)
{
	uint64_t rta = vtd->rtaddr & ADDR_MASK;

	*sp = (struct vtd_space){ .head = { &vtd_ops }, .sid = sid, .pasid = IOMMU_NO_PASID,
				  .pasid_req = pasid, .valid = true, .did = -1,
				  .status = IOMMU_XLATE_OK };
	switch (iommu_vtd_get_ttm(&vtd->head)) {
	case IOMMU_VTD_TTM_LEGACY:
		if (pasid != IOMMU_NO_PASID) {
			space_fault(sp, FR_RTA_2, "request with PASID %u, but the root table is in legacy mode",
				    pasid);
			return;
		}
		resolve_legacy(vtd, sp, rta);
		return;
	case IOMMU_VTD_TTM_SCALABLE:
		if (vtd->have_caps && !ECAP_SMTS(vtd->ecap)) {
			space_fault(sp, FR_RTA_1, "RTADDR_REG selects scalable mode, which this unit does not support (ECAP.SMTS)");
			return;
		}
		resolve_scalable(vtd, sp, rta);
		return;
	case IOMMU_VTD_TTM_RESERVED:
		space_fault(sp, FR_RTA_1, "RTADDR_REG.TTM is 10, a reserved translation-table mode");
		return;
	case IOMMU_VTD_TTM_ABORT_DMA:
		if (vtd->have_caps && !ECAP_ADMS(vtd->ecap)) {
			space_fault(sp, FR_RTA_1, "RTADDR_REG selects abort-DMA mode, which this unit does not support (ECAP.ADMS)");
			return;
		}
		sp->status = IOMMU_XLATE_BLOCKED;
		snprintf(sp->detail, sizeof(sp->detail),
			 "RTADDR_REG.TTM is abort-DMA mode: every request is aborted, nothing is recorded");
		return;
	}
}
