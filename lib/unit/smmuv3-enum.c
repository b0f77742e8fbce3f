// SPDX-License-Identifier: MIT
/*
 * Enumerating an SMMUv3: every stream its stream table configures (valid
 * STEs, and for STEs with substreams every valid CD), every mapping of a
 * stream (stage 1 through both TTBs, stage 2, or both nested), and every
 * mapping that reaches a physical page; the space accessors.
 */
#include <errno.h>
#include <stdlib.h>

#include "bits.h"
#include "unit/smmuv3.h"

struct space_walk {
	struct smmu_unit *smmu;
	iommu_space_fn fn;
	void *userdata;
	struct smmu_space sp;
};

static int report(struct space_walk *w, uint32_t sid, uint32_t ssid)
{
	smmu_resolve(w->smmu, sid, ssid, &w->sp);
	return w->fn(&w->sp.head, w->userdata);
}

/*
 * SIZE bytes of a CD table at IPA (or PA) ADDR, through stage 2 when it
 * translates, copied to BUF (a resolution may evict a compressed dump's
 * page); NULL when unreachable.
 */
static const uint8_t *cd_bytes(struct space_walk *w, const struct smmu_space *stream,
			       uint64_t addr, size_t size, uint8_t *buf)
{
	struct smmu_result ignored = { 0 };
	const uint8_t *p;
	struct pt_out o;

	if ((stream->config & 2) &&
	    smmu_s2_translate(w->smmu, stream, addr, IOMMU_PERM_READ, EVT_CLASS_CD, NULL, &ignored,
			      &o) < 0)
		return NULL;
	p = mem_ptr(w->smmu->dump, stream->config & 2 ? o.oa : addr, size);
	if (!p)
		return NULL;
	memcpy(buf, p, size);
	return buf;
}

/* How many SIZE-byte entries from ADDR on, at most N, lie in ADDR's page. */
static uint64_t in_page(uint64_t addr, uint64_t size, uint64_t n)
{
	uint64_t room = (MEM_PAGE_SIZE - (addr & (MEM_PAGE_SIZE - 1))) / size;

	return room < n ? room : n;
}

/*
 * Report each valid CD of the COUNT at TABLE (SubstreamIDs from FIRST); a
 * page of CDs the stream cannot read is reported once, so that its
 * resolution says what is missing.  Non-zero: FN's stop.
 */
static int cds_in(struct space_walk *w, const struct smmu_space *stream, uint64_t table,
		  uint32_t first, uint32_t count)
{
	uint8_t buf[MEM_PAGE_SIZE];
	uint32_t i = 0, n;
	int r;

	for (table &= ~63ULL; i < count; i += n) {
		uint64_t at = table + 64ULL * i;
		const uint8_t *p;

		n = (uint32_t)in_page(at, 64, count - i);
		p = cd_bytes(w, stream, at, 64ULL * n, buf);
		if (!p) {
			r = report(w, stream->sid, first + i);
			if (r)
				return r;
			continue;
		}
		for (uint32_t j = 0; j < n; j++) {
			uint32_t ssid = first + i + j;

			if (!(mem_le64(p + 64 * j) & BIT(31)) ||
			    (stream->ssid0_reserved && ssid == 0))
				continue;
			r = report(w, stream->sid, ssid);
			if (r)
				return r;
		}
	}
	return 0;
}

/* IHI 0070 §5.2 STE.S1ContextPtr, S1Fmt, S1CDMax: every valid CD of the stream. */
static int foreach_cd(struct space_walk *w, const struct smmu_space *stream)
{
	const uint64_t *ste = stream->ste;
	unsigned int cdmax = FIELD(ste[0], 63, 59), fmt = FIELD(ste[0], 5, 4);
	uint64_t ptr = ste[0] & GENMASK(51, 6);
	int r;

	if (!cdmax || cdmax > smmu_ssid_bits(w->smmu))
		return 0;
	if (fmt != 1 && fmt != 2)
		return cds_in(w, stream, ptr & ~((64ULL << cdmax) - 1), 0, 1u << cdmax);
	{
		unsigned int leaf_bits = fmt == 1 ? 6 : 10;
		unsigned int l1_bits = cdmax > leaf_bits ? cdmax - leaf_bits : 0;
		uint32_t per_leaf = 1u << (cdmax < leaf_bits ? cdmax : leaf_bits);

		ptr &= ~((1ULL << (l1_bits + 3 > 6 ? l1_bits + 3 : 6)) - 1);
		for (uint32_t i = 0; i < 1u << l1_bits; i++) {
			uint8_t buf[8];
			const uint8_t *p = cd_bytes(w, stream, ptr + 8ULL * i, 8, buf);
			uint64_t l1;

			if (!p)
				return report(w, stream->sid, i << leaf_bits);
			l1 = mem_le64(p);
			if (!(l1 & 1))
				continue;
			r = cds_in(w, stream, l1 & GENMASK(51, fmt == 1 ? 12 : 16), i << leaf_bits,
				   per_leaf);
			if (r)
				return r;
		}
	}
	return 0;
}

/*
 * The valid STEs among the COUNT at TABLE (StreamIDs from FIRST), and their
 * CDs; a run of missing pages is reported once, by its first StreamID.
 */
static int stes_in(struct space_walk *w, uint64_t table, uint32_t first, uint64_t count)
{
	uint8_t buf[MEM_PAGE_SIZE];
	bool missing = false;
	uint64_t n;
	int r;

	for (uint64_t i = 0; i < count; i += n) {
		uint64_t at = table + 64 * i;
		const uint8_t *p;

		n = in_page(at, 64, count - i);
		p = mem_ptr(w->smmu->dump, at, 64 * n);
		if (!p) {
			r = missing ? 0 : report(w, (uint32_t)(first + i), IOMMU_NO_PASID);
			missing = true;
			if (r)
				return r;
			continue;
		}
		missing = false;
		memcpy(buf, p, 64 * n);
		for (uint64_t j = 0; j < n; j++) {
			if (!(mem_le64(buf + 64 * j) & 1))
				continue;
			r = report(w, (uint32_t)(first + i + j), IOMMU_NO_PASID);
			/*
			 * Stage 1 on: the substreams have their CDs whatever the
			 * transactions without one meet (S1DSS), unless the STE
			 * itself is refused.
			 */
			if (!r && (w->sp.config & 1) &&
			    !(w->sp.res.status == IOMMU_XLATE_FAULT &&
			      (w->sp.res.ev.id == EVT_C_BAD_STE || w->sp.res.ev.id == EVT_C_BAD_STREAMID))) {
				struct smmu_space stream = w->sp;

				r = foreach_cd(w, &stream);
			}
			if (r)
				return r;
		}
	}
	return 0;
}

/* IHI 0070 §6.3.24, §5.1: every StreamID the stream table covers. */
static int foreach_space(struct iommu_translator *t, iommu_space_fn fn, void *userdata)
{
	struct smmu_unit *smmu = (struct smmu_unit *)t;
	uint64_t cfg = smmu->strtab_cfg, base = smmu->strtab_base & GENMASK(51, 6);
	unsigned int log2size = FIELD(cfg, 5, 0), split = FIELD(cfg, 10, 6), fmt = FIELD(cfg, 17, 16);
	unsigned int bits = log2size < smmu_sid_bits(smmu) ? log2size : smmu_sid_bits(smmu);
	struct space_walk *w = calloc(1, sizeof(*w));
	int r = 0;

	if (!w)
		return -ENOMEM;
	*w = (struct space_walk){ .smmu = smmu, .fn = fn, .userdata = userdata };
	if (bits > 32)
		bits = 32;
	if (fmt == 0) {
		base &= ~((1ULL << (log2size + 6 > 52 ? 52 : log2size + 6)) - 1);
		if (!mem_ptr(smmu->dump, base, 64))
			r = -ENODATA;
		else
			r = stes_in(w, base, 0, 1ULL << bits);
	} else if (fmt == 1 && (split == 6 || split == 8 || split == 10)) {
		unsigned int l1_bits = bits > split ? bits - split : 0;

		base &= ~((1ULL << (l1_bits + 3 > 6 ? l1_bits + 3 : 6)) - 1);
		for (uint64_t i = 0; i < 1ULL << l1_bits && !r; i++) {
			unsigned int span;
			uint64_t l1;

			if (mem_load64(smmu->dump, base + 8 * i, &l1) < 0) {
				r = i ? report(w, (uint32_t)(i << split), IOMMU_NO_PASID) : -ENODATA;
				break;
			}
			span = FIELD(l1, 4, 0);
			if (span == 0 || span > 11 || span > split + 1)
				continue;
			r = stes_in(w, l1 & GENMASK(51, 6) & ~((64ULL << (span - 1)) - 1),
				    (uint32_t)(i << split), 1ULL << (span - 1));
		}
	}
	free(w);
	return r;
}

/* ---- mappings ------------------------------------------------------------ */

struct mapping_walk {
	struct pt_nested n;		/* nested; its e alone otherwise */
	struct smmu_unit *smmu;
	const struct smmu_space *space;
	iommu_mapping_fn fn;
	void *userdata;
};

static int deliver(struct mapping_walk *w, const struct pt_run *run)
{
	struct pt_run r = *run;
	struct iommu_mapping m = { &w->space->head, &r };

	/* Without stage 1, privilege plays no part: as a translation says. */
	if (w->space->mode == SMMU_S2)
		r.perm &= IOMMU_PERM_READ | IOMMU_PERM_WRITE;
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

/* Stage 1 table addresses through stage 2 (no trace, no event). */
static int nested_table(struct pt_enum *e, uint64_t ipa, uint64_t *ret_pa)
{
	struct mapping_walk *w = (struct mapping_walk *)e;
	struct smmu_result ignored = { 0 };
	struct pt_out o;

	if (smmu_s2_translate(w->smmu, w->space, ipa, IOMMU_PERM_READ, EVT_CLASS_TTD, NULL, &ignored,
			      &o) < 0)
		return -1;
	*ret_pa = o.oa;
	return 0;
}

static void nested_second(struct pt_nested *n, uint64_t ipa, struct pt_out *o)
{
	struct mapping_walk *w = (struct mapping_walk *)n;
	struct smmu_result ignored = { 0 };

	smmu_s2_translate(w->smmu, w->space, ipa, 0, EVT_CLASS_IN, NULL, &ignored, o);
	if (o->stop == PT_OK)
		o->perm &= IOMMU_PERM_READ | IOMMU_PERM_WRITE;
}

static uint64_t nested_span(struct pt_nested *n, unsigned int level)
{
	struct mapping_walk *w = (struct mapping_walk *)n;

	return level ? 1ULL << pt_shift(w->space->s2.cfg.fmt, level) : 1ULL << 12;
}

/* Enumerate one table TT whose IOVAs start at BASE. */
static void enumerate(struct mapping_walk *w, const struct vmsa_tt *tt, uint64_t base)
{
	pt_enum_fn walk = vmsa_enum_fn(tt->cfg.fmt);

	w->n.e.cfg = &tt->cfg;
	if (walk)
		walk(&w->n.e, tt->cfg.root, tt->cfg.levels, base, ~0u);
	pt_enum_flush(&w->n.e);
}

static int foreach_mapping(struct iommu_translator *t, const struct iommu_space *head,
			   unsigned int flags, iommu_mapping_fn fn, void *userdata)
{
	const struct smmu_space *space = (const struct smmu_space *)head;
	struct smmu_unit *smmu = (struct smmu_unit *)t;
	struct mapping_walk w = { .smmu = smmu, .space = space, .fn = fn, .userdata = userdata };
	bool nested = space->mode == SMMU_NESTED && !space->s1_bypass;

	if (space->res.status != IOMMU_XLATE_OK)
		return 0;
	w.n.e.d = smmu->dump;
	w.n.e.leaves = flags & IOMMU_MAPPINGS_LEAVES;
	w.n.e.emit = emit_direct;
	switch (space->mode) {
	case SMMU_S2:
		enumerate(&w, &space->s2, 0);
		return w.n.e.stop;
	case SMMU_S1:
	case SMMU_NESTED:
		if (nested) {
			w.n.e.emit = pt_nested_emit;
			w.n.e.table_addr = nested_table;
			w.n.second = nested_second;
			w.n.span = nested_span;
			w.n.deliver = nested_deliver;
		}
		for (unsigned int i = 0; i < 2 && !w.n.e.stop; i++) {
			const struct vmsa_tt *tt = &space->tt[i];

			if (tt->disabled || !tt->cfg.levels)
				continue;
			enumerate(&w, tt, i ? ~0ULL << tt->in_bits : 0);
		}
		return nested ? pt_nested_finish(&w.n) : w.n.e.stop;
	default:
		return 0;
	}
}

/* ---- accessors ----------------------------------------------------------- */

#define SPACE(head) ((const struct smmu_space *)(head))

static uint32_t space_requester(const struct iommu_space *head)
{
	return SPACE(head)->sid;
}

static uint32_t space_pasid(const struct iommu_space *head)
{
	return SPACE(head)->ssid;
}

static const char *space_mode(const struct iommu_space *head)
{
	return SPACE(head)->res.status == IOMMU_XLATE_OK ? smmu_mode_name(SPACE(head)->mode) : NULL;
}

/* As a translation says: the ASID, or the VMID when stage 1 does not translate. */
static int space_domain_id(const struct iommu_space *head)
{
	return SPACE(head)->asid >= 0 ? SPACE(head)->asid : SPACE(head)->vmid;
}

/* The table STAGE names, when the space's mode uses it. */
static const struct vmsa_tt *space_tt(const struct smmu_space *space, enum iommu_stage stage)
{
	bool s1 = (space->mode == SMMU_S1 || space->mode == SMMU_NESTED) && !space->s1_bypass;
	bool s2 = space->mode == SMMU_S2 || space->mode == SMMU_NESTED;
	const struct vmsa_tt *tt;

	if (space->res.status != IOMMU_XLATE_OK)
		return NULL;
	if (stage == IOMMU_STAGE_2)
		return s2 ? &space->s2 : NULL;
	if (!s1 || (stage != IOMMU_STAGE_1 && stage != IOMMU_STAGE_1_UPPER))
		return NULL;
	tt = &space->tt[stage == IOMMU_STAGE_1_UPPER];
	return tt->disabled || !tt->cfg.levels ? NULL : tt;
}

static unsigned int space_levels(const struct iommu_space *head, enum iommu_stage stage)
{
	const struct vmsa_tt *tt = space_tt(SPACE(head), stage);

	return tt ? tt->cfg.levels : 0;
}

static uint64_t space_root(const struct iommu_space *head, enum iommu_stage stage)
{
	const struct vmsa_tt *tt = space_tt(SPACE(head), stage);

	return tt ? tt->cfg.root : 0;
}

static enum iommu_xlate_status space_status(const struct iommu_space *head)
{
	return SPACE(head)->res.status;
}

static unsigned int space_fault_reason(const struct iommu_space *head)
{
	return SPACE(head)->res.ev.id;
}

static const char *space_detail(const struct iommu_space *head)
{
	return SPACE(head)->res.detail[0] ? SPACE(head)->res.detail : NULL;
}

const struct unit_ops smmu_ops = {
	.vendor = IOMMU_VENDOR_ARM,
	.free = smmu_free,
	.dump = smmu_dump,
	.translate = smmu_translate,
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

/* What only SMMUv3 streams have: the STE's and CD's fields and words. */
#define SMMU_SPACE(head) UNIT_OF(const struct smmu_space, smmu_ops, head)

IOMMU_EXPORT unsigned int iommu_smmuv3_space_get_config(const struct iommu_space *head)
{
	const struct smmu_space *space = SMMU_SPACE(head);

	return space ? space->config : 0;
}

IOMMU_EXPORT int iommu_smmuv3_space_get_asid(const struct iommu_space *head)
{
	const struct smmu_space *space = SMMU_SPACE(head);

	return space ? space->asid : -1;
}

IOMMU_EXPORT int iommu_smmuv3_space_get_vmid(const struct iommu_space *head)
{
	const struct smmu_space *space = SMMU_SPACE(head);

	return space ? space->vmid : -1;
}

IOMMU_EXPORT uint64_t iommu_smmuv3_space_get_granule(const struct iommu_space *head,
						     enum iommu_stage stage)
{
	const struct smmu_space *space = SMMU_SPACE(head);
	const struct vmsa_tt *tt = space ? space_tt(space, stage) : NULL;

	return tt ? 1ULL << vmsa_granule_shift(tt->granule) : 0;
}

IOMMU_EXPORT unsigned int iommu_smmuv3_space_get_input_bits(const struct iommu_space *head,
							    enum iommu_stage stage)
{
	const struct smmu_space *space = SMMU_SPACE(head);
	const struct vmsa_tt *tt = space ? space_tt(space, stage) : NULL;

	return tt ? tt->in_bits : 0;
}

IOMMU_EXPORT const uint64_t *iommu_smmuv3_space_get_ste(const struct iommu_space *head)
{
	const struct smmu_space *space = SMMU_SPACE(head);

	return space ? space->ste : NULL;
}

IOMMU_EXPORT const uint64_t *iommu_smmuv3_space_get_cd(const struct iommu_space *head)
{
	const struct smmu_space *space = SMMU_SPACE(head);

	return space && space->cd_present ? space->cd : NULL;
}
