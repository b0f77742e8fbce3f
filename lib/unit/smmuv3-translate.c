// SPDX-License-Identifier: MIT
/*
 * One transaction through an SMMUv3's tables, as the SMMU processes it
 * (Arm IHI 0070 §3.3, §3.4; Arm DDI 0487 D8): the stream's configuration,
 * then stage 1 (the TTB the address selects, its range, top byte ignore),
 * stage 2, or both nested (every stage 1 table address through stage 2),
 * with the event the SMMU would record: its number and its record.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "bits.h"
#include "unit/smmuv3.h"

static int arm_level(unsigned int level)
{
	return 4 - (int)level;
}

static const char *perm_text(unsigned int perm)
{
	static const char *const names[] = { "nothing", "read", "write", "read and write" };

	return names[perm & 3];
}

static unsigned int access_req(enum iommu_access access)
{
	return access == IOMMU_ACCESS_READ ? IOMMU_PERM_READ
	       : access == IOMMU_ACCESS_WRITE ? IOMMU_PERM_WRITE : 0;
}

/* IHI 0070 §7.3: the record of EV for a transaction of SID (and SSID) to IOVA. */
void smmu_event_record(const struct smmu_event *ev, uint32_t sid, uint32_t ssid, uint64_t iova,
		       enum iommu_access access, bool priv, uint64_t record[4])
{
	memset(record, 0, 4 * sizeof(record[0]));
	record[0] = ev->id | (uint64_t)sid << 32;
	if (ssid != IOMMU_NO_PASID)
		record[0] |= 1ULL << 11 | (uint64_t)(ssid & 0xfffff) << 12;
	if (ev->id < EVT_F_TRANSLATION || ev->id > EVT_F_PERMISSION)
		return;
	/* PnU 33, RnW 35 (1: read), S2 39, CLASS 41:40, TTRnW 44 (1: read). */
	record[1] = (priv ? 1ULL << 33 : 0) | (access == IOMMU_ACCESS_WRITE ? 0 : 1ULL << 35) |
		    (ev->s2 ? 1ULL << 39 : 0) | (uint64_t)(ev->class & 3) << 40 |
		    (ev->class == EVT_CLASS_TTD && !ev->ttd_write ? 1ULL << 44 : 0);
	record[2] = iova;
	if (ev->s2)
		record[3] = ev->ipa & GENMASK(51, 12);
}

/* ---- the contiguous hint ------------------------------------------------- */

/*
 * Arm DDI 0487 D8.6.1: a leaf with the Contiguous bit says its aligned group
 * of entries maps one contiguous range with the same attributes, which a
 * TLB may hold as one entry.  TABLE_PA holds the leaf O stopped at (index
 * INDEX).  The span, or 0 with a note when the group does not agree.
 */
static uint64_t contiguous_span(struct iommu_dump *d, const struct vmsa_tt *tt,
				const struct pt_out *o, uint64_t table_pa, unsigned int index,
				const char **ret_note)
{
	const struct pt_format *f = tt->cfg.fmt;
	unsigned int n = vmsa_contig_entries(tt->granule, o->level), first = index & ~(n - 1);
	unsigned int shift = pt_shift(f, o->level);
	uint64_t base = f->addr(o->entry, o->level, true) - ((uint64_t)(index - first) << shift);
	uint64_t attrs = o->entry & ~GENMASK(51, 12) & ~(1ULL << 10);

	if (!(o->entry & VMSA_CONTIGUOUS))
		return 0;
	for (unsigned int i = 0; i < n; i++) {
		uint64_t e;

		if (mem_load64(d, table_pa + 8ULL * (first + i), &e) < 0) {
			*ret_note = "a page of the contiguous-hint range's entries is not in the dump";
			return 0;
		}
		if ((e & 3) != (o->entry & 3) || (e & ~GENMASK(51, 12) & ~(1ULL << 10)) != attrs ||
		    f->addr(e, o->level, true) != base + ((uint64_t)i << shift)) {
			*ret_note = "the contiguous hint covers entries that disagree: a TLB may return any of them (CONSTRAINED UNPREDICTABLE)";
			return 0;
		}
	}
	return (uint64_t)n << shift;
}

/* ---- stage 1 ------------------------------------------------------------- */

struct s1_nest {
	struct pt_nest base;
	struct smmu_unit *smmu;
	const struct smmu_space *sp;
	struct smmu_result *r;
	struct walk_trace *t;
};

/* IHI 0070 §3.4.2: with stage 2, a stage 1 table address is an IPA (a fault: CLASS TTD). */
static int s1_nest_table(struct pt_nest *pn, uint64_t ipa, unsigned int level, bool write,
			 uint64_t *ret_pa)
{
	struct s1_nest *n = (struct s1_nest *)pn;
	struct pt_out o;

	(void)level;
	if (smmu_s2_translate(n->smmu, n->sp, ipa, write ? IOMMU_PERM_WRITE : IOMMU_PERM_READ,
			      EVT_CLASS_TTD, write ? NULL : n->t, n->r, &o) < 0)
		return -1;
	*ret_pa = o.oa;
	return 0;
}

/*
 * Arm DDI 0487 D8.1.8 (top byte ignore), D8.2 (the TTBR an address
 * selects, its range): the table for IOVA and the address to walk; NULL
 * after a Translation fault.
 */
static const struct vmsa_tt *s1_table(const struct smmu_space *sp, uint64_t iova,
				      struct smmu_result *r)
{
	unsigned int n = (iova >> 55) & 1;
	const struct vmsa_tt *tt = &sp->tt[n];
	uint64_t top = iova >> 55;

	if (!tt->tbi && top != 0 && top != 0x1ff) {
		smmu_fault(r, EVT_F_TRANSLATION, "0x%llx: bits 63:56 differ from bit 55 and top byte ignore is off (CD.TBI%u)",
			   (unsigned long long)iova, n);
		return NULL;
	}
	if (tt->disabled) {
		smmu_fault(r, EVT_F_TRANSLATION, "0x%llx selects TTB%u, whose walks are disabled (CD.EPD%u)",
			   (unsigned long long)iova, n, n);
		return NULL;
	}
	if ((n ? ~iova : iova) & GENMASK(55, tt->in_bits)) {
		smmu_fault(r, EVT_F_TRANSLATION, "0x%llx is outside TTB%u's %u-bit range (CD.T%uSZ %u)",
			   (unsigned long long)iova, n, tt->in_bits, n, 64 - tt->in_bits);
		return NULL;
	}
	return tt;
}

/* The walk's stop as the stage 1 fault it is. */
static void s1_fault(struct smmu_result *r, const struct vmsa_tt *tt, const struct pt_out *o)
{
	switch (o->stop) {
	case PT_OK:
	case PT_TABLE_FAULT:	/* the nest recorded it */
	case PT_SKIPPED:
		break;
	case PT_NOT_PRESENT:
		smmu_fault(r, EVT_F_TRANSLATION, "stage 1 level %d descriptor 0x%016llx (table 0x%llx) is not valid",
			   arm_level(o->level), (unsigned long long)o->entry,
			   (unsigned long long)o->table);
		break;
	case PT_RESERVED: {
		unsigned int ev = vmsa_reserved_event(tt->cfg.fmt, &tt->cfg, o);

		smmu_fault(r, ev, "stage 1 level %d descriptor 0x%016llx %s", arm_level(o->level),
			   (unsigned long long)o->entry,
			   ev == EVT_F_ACCESS ? "has its Access flag clear (CD.AFFD 0, no HTTU)"
			   : ev == EVT_F_ADDR_SIZE ? "gives an address beyond the output size (CD.IPS)"
						   : "is a block where the granule allows none");
		break;
	}
	case PT_DENIED:
		smmu_fault(r, EVT_F_PERMISSION, "stage 1 level %d descriptor 0x%016llx grants %s%s only",
			   arm_level(o->level), (unsigned long long)o->entry, perm_text(o->perm),
			   o->denied & IOMMU_PERM_USER ? " to privileged transactions" : "");
		break;
	case PT_NO_DATA:
		smmu_missing(r, o->missing, "stage 1 table page");
		break;
	}
}

static bool s1_translate(struct smmu_unit *smmu, const struct smmu_space *sp,
			 uint64_t iova, enum iommu_access access, bool priv, struct iommu_xlate *x,
			 struct smmu_result *r)
{
	struct s1_nest nest = { { s1_nest_table }, smmu, sp, r, &x->trace };
	bool nested = sp->mode == SMMU_NESTED;
	const struct vmsa_tt *tt = s1_table(sp, iova, r);
	unsigned int req = access_req(access) | (priv ? 0 : IOMMU_PERM_USER);
	struct pt_out o = { 0 };
	uint64_t table_pa;

	if (!tt) {
		r->suppressed = !sp->record;	/* §5.4 CD.R: stage 1 translation faults */
		return false;
	}
	vmsa_walk(tt->cfg.fmt, smmu->dump, &tt->cfg, iova, req, nested ? &nest.base : NULL, sp->ha,
		  &x->trace, &o);
	s1_fault(r, tt, &o);
	if (o.stop != PT_OK) {
		r->suppressed = r->status == IOMMU_XLATE_FAULT && !r->ev.s2 && !sp->record;
		return false;
	}
	/* DDI 0487 D8.4.1.2 PAN: privileged data access to what unprivileged code may reach. */
	if (priv && sp->pan && (o.perm & IOMMU_PERM_USER)) {
		smmu_fault(r, EVT_F_PERMISSION, "privileged access to a page unprivileged transactions may access, with CD.PAN set");
		r->suppressed = !sp->record;
		return false;
	}
	x->phys = o.oa;
	x->page_size = 1ULL << o.page_shift;
	x->perm = o.perm;
	table_pa = o.table;
	if (nested) {
		struct smmu_result ignored = { 0 };
		struct pt_out t;

		/* The walk read this table already: its translation cannot fail now. */
		if (smmu_s2_translate(smmu, sp, o.table, IOMMU_PERM_READ, EVT_CLASS_TTD, NULL,
				      &ignored, &t) < 0)
			return true;
		table_pa = t.oa;
	}
	x->contig = contiguous_span(smmu->dump, tt, &o, table_pa,
				   (unsigned int)(iova >> pt_shift(tt->cfg.fmt, o.level)) &
					   ((1u << pt_index_bits(tt->cfg.fmt, &tt->cfg, o.level)) - 1),
				   &x->note);
	return true;
}

/* ---- stage 2 and the whole ----------------------------------------------- */

static bool s2_output(struct smmu_unit *smmu, const struct smmu_space *sp,
		      uint64_t ipa, enum iommu_access access, struct iommu_xlate *x,
		      struct smmu_result *r)
{
	unsigned int req = access_req(access);
	struct pt_out o;

	if (smmu_s2_translate(smmu, sp, ipa, req, EVT_CLASS_IN, &x->trace, r, &o) < 0)
		return false;
	if (sp->mode == SMMU_NESTED && !sp->s1_bypass) {
		xlate_second_stage(x, &o);
		x->contig = 0;
	} else {
		x->perm = o.perm & (IOMMU_PERM_READ | IOMMU_PERM_WRITE);
		x->page_size = 1ULL << o.page_shift;
		x->contig = contiguous_span(smmu->dump, &sp->s2, &o, o.table,
					   (unsigned int)(ipa >> pt_shift(sp->s2.cfg.fmt, o.level)) &
						   ((1u << pt_index_bits(sp->s2.cfg.fmt, &sp->s2.cfg,
									  o.level)) - 1),
					   &x->note);
	}
	x->phys = o.oa;
	return true;
}

static void translate_space(struct smmu_unit *smmu, const struct smmu_space *sp,
			    uint64_t iova, enum iommu_access access, bool priv,
			    struct iommu_xlate *x, struct smmu_result *r)
{
	unsigned int ias = smmu_oas(smmu);

	switch (sp->mode) {
	case SMMU_BYPASS:
		x->phys = iova;
		x->perm = IOMMU_PERM_READ | IOMMU_PERM_WRITE;
		return;
	case SMMU_S2:
		/* IHI 0070 §3.4: with stage 1 bypassed, an input beyond the IAS is a stage 1 Address Size fault. */
		if (ias < 64 && iova >> ias) {
			smmu_fault(r, EVT_F_ADDR_SIZE, "0x%llx is beyond the %u-bit input address size, with stage 1 bypassed",
				   (unsigned long long)iova, ias);
			return;
		}
		s2_output(smmu, sp, iova, access, x, r);
		return;
	case SMMU_S1:
		s1_translate(smmu, sp, iova, access, priv, x, r);
		return;
	case SMMU_NESTED:
		if (s1_translate(smmu, sp, iova, access, priv, x, r))
			s2_output(smmu, sp, x->phys, access, x, r);
		return;
	case SMMU_ABORT:
	case SMMU_NONE:
		break;
	}
}

static struct smmu_space *space_for(struct smmu_unit *smmu, uint32_t sid,
					    uint32_t ssid)
{
	struct smmu_space *sp = smmu->cached;

	if (!sp->valid || sp->sid != sid || sp->ssid_req != ssid)
		smmu_resolve(smmu, sid, ssid, sp);
	return sp;
}

int smmu_translate(struct iommu_translator *t, uint32_t sid, uint32_t ssid, uint64_t iova,
		   enum iommu_access access, unsigned int flags, struct iommu_xlate *x)
{
	struct smmu_unit *smmu = (struct smmu_unit *)t;
	const struct smmu_space *sp;
	bool priv = flags & IOMMU_REQ_PRIV;
	struct smmu_result r;

	if (access > IOMMU_ACCESS_WRITE || (ssid != IOMMU_NO_PASID && ssid > 0xfffff))
		return -EINVAL;
	sp = space_for(smmu, sid, ssid);
	r = sp->res;
	x->did = sp->asid >= 0 ? sp->asid : sp->vmid;
	x->pasid = sp->ssid;
	x->mode = smmu_mode_name(sp->mode);
	x->note = NULL;
	x->phys = x->page_size = x->contig = 0;
	x->perm = 0;
	x->trace.n = sp->trace.n;
	x->trace.nested = false;
	memcpy(x->trace.steps, sp->trace.steps, sp->trace.n * sizeof(sp->trace.steps[0]));
	if (r.status == IOMMU_XLATE_OK)
		translate_space(smmu, sp, iova, access, priv, x, &r);
	x->status = r.status;
	x->fr = r.status == IOMMU_XLATE_FAULT ? r.ev.id : 0;
	x->missing = r.missing;
	x->suppressed = r.status == IOMMU_XLATE_FAULT && r.suppressed;
	memcpy(x->detail, r.detail, sizeof(x->detail));
	x->nrecord = 0;
	if (r.status == IOMMU_XLATE_FAULT) {
		smmu_event_record(&r.ev, sid, ssid, iova, access, priv, x->record);
		x->nrecord = 4;
	}
	return 0;
}
