// SPDX-License-Identifier: MIT
/*
 * From a StreamID (and SubstreamID) to its translation configuration, as an
 * SMMUv3 finds it (Arm IHI 0070 §3.3.2): the stream table, linear or
 * 2-level (§6.3.24, §5.1), the STE (§5.2), and for stage 1 the context
 * descriptor, linear or 2-level (§5.3, §5.4), fetched through stage 2 when
 * stage 2 translates; each checked as the hardware checks it (ILLEGAL
 * configurations are C_BAD_STE, C_BAD_CD).  The unit object lives here too.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "bits.h"
#include "unit/smmuv3.h"

IOMMU_EXPORT int iommu_translator_new_smmuv3(struct iommu_dump *dump, uint64_t strtab_base,
					     uint64_t strtab_base_cfg, struct iommu_translator **ret)
{
	struct smmu_unit *smmu = calloc(1, sizeof(*smmu));

	if (!smmu)
		return -ENOMEM;
	smmu->cached = calloc(1, sizeof(*smmu->cached));
	if (!smmu->cached) {
		free(smmu);
		return -ENOMEM;
	}
	translator_init(&smmu->head, &smmu_ops);
	smmu->dump = iommu_dump_ref(dump);
	smmu->strtab_base = strtab_base;
	smmu->strtab_cfg = strtab_base_cfg;
	*ret = &smmu->head;
	return 0;
}

void smmu_free(struct iommu_translator *t)
{
	struct smmu_unit *smmu = (struct smmu_unit *)t;

	iommu_dump_unref(smmu->dump);
	free(smmu->cached);
	free(smmu);
}

struct iommu_dump *smmu_dump(const struct iommu_translator *t)
{
	return ((const struct smmu_unit *)t)->dump;
}

#define SMMU(t) UNIT_OF(struct smmu_unit, smmu_ops, t)

IOMMU_EXPORT void iommu_smmuv3_set_idr(struct iommu_translator *t, const uint32_t idr[6])
{
	struct smmu_unit *smmu = SMMU(t);

	if (!smmu)
		return;
	memcpy(smmu->idr, idr, sizeof(smmu->idr));
	smmu->have_idr = true;
	smmu->cached->valid = false;
}

IOMMU_EXPORT uint64_t iommu_smmuv3_get_strtab_base(const struct iommu_translator *t)
{
	const struct smmu_unit *smmu = SMMU(t);

	return smmu ? smmu->strtab_base : 0;
}

IOMMU_EXPORT uint64_t iommu_smmuv3_get_strtab_base_cfg(const struct iommu_translator *t)
{
	const struct smmu_unit *smmu = SMMU(t);

	return smmu ? smmu->strtab_cfg : 0;
}

/* ---- what the identification registers allow (IHI 0070 §6.3.1-§6.3.6) ---- */

unsigned int smmu_sid_bits(const struct smmu_unit *smmu)
{
	return smmu->have_idr ? FIELD(smmu->idr[1], 5, 0) : 32;
}

unsigned int smmu_ssid_bits(const struct smmu_unit *smmu)
{
	return smmu->have_idr ? FIELD(smmu->idr[1], 10, 6) : 20;
}

unsigned int smmu_oas(const struct smmu_unit *smmu)
{
	unsigned int oas = smmu->have_idr ? vmsa_ps_bits(FIELD(smmu->idr[5], 2, 0)) : 52;

	return oas > 52 ? 52 : oas;
}

/* An IDR0/IDR5 bit; true without IDRs. */
static bool idr_has(const struct smmu_unit *smmu, unsigned int reg, unsigned int bit)
{
	return !smmu->have_idr || (smmu->idr[reg] >> bit & 1);
}

static bool granule_ok(const struct smmu_unit *smmu, enum vmsa_granule g)
{
	static const unsigned char bits[] = { 4, 5, 6 };	/* IDR5.GRAN4K, GRAN16K, GRAN64K */

	return idr_has(smmu, 5, bits[g]);
}

/* IDR0.HTTU: 0 none, 1 access flag, 2 and dirty state. */
static unsigned int httu(const struct smmu_unit *smmu)
{
	return smmu->have_idr ? FIELD(smmu->idr[0], 7, 6) : 3;
}

const char *smmu_mode_name(enum smmu_mode mode)
{
	switch (mode) {
	case SMMU_BYPASS:
		return "bypass";
	case SMMU_S1:
		return "stage-1";
	case SMMU_S2:
		return "stage-2";
	case SMMU_NESTED:
		return "nested";
	case SMMU_ABORT:
	case SMMU_NONE:
		break;
	}
	return NULL;
}

/* ---- outcomes ------------------------------------------------------------ */

void smmu_fault(struct smmu_result *r, unsigned int id, const char *fmt, ...)
{
	va_list args;

	r->status = IOMMU_XLATE_FAULT;
	r->ev = (struct smmu_event){ .id = id, .class = EVT_CLASS_IN };
	va_start(args, fmt);
	vsnprintf(r->detail, sizeof(r->detail), fmt, args);
	va_end(args);
}

void smmu_missing(struct smmu_result *r, uint64_t addr, const char *what)
{
	r->status = IOMMU_XLATE_NOT_IN_DUMP;
	r->missing = addr & ~(uint64_t)(MEM_PAGE_SIZE - 1);
	snprintf(r->detail, sizeof(r->detail), "the %s at 0x%llx is not in the dump", what,
		 (unsigned long long)addr);
}

static bool unsupported(struct smmu_result *r, const char *what)
{
	r->status = IOMMU_XLATE_UNSUPPORTED;
	snprintf(r->detail, sizeof(r->detail), "%s: iommutool does not walk these", what);
	return false;
}

/* Record a structure entry read into the space's trace. */
static void trace_entry(struct smmu_space *sp, enum iommu_step_kind kind, uint64_t table,
			unsigned int index, const uint64_t *words, unsigned int n)
{
	step_set_words(trace_add(&sp->trace, kind, 0, table, index), words, n);
}

/* ---- stage 2 ------------------------------------------------------------- */

static int arm_level(unsigned int level)
{
	return 4 - (int)level;
}

int smmu_s2_translate(struct smmu_unit *smmu, const struct smmu_space *sp,
		      uint64_t ipa, unsigned int req, unsigned int class, struct walk_trace *t,
		      struct smmu_result *r, struct pt_out *ret_out)
{
	const struct vmsa_tt *s2 = &sp->s2;
	struct pt_out *o = ret_out;
	static const char *const what[] = { "CD fetch", "stage 1 table walk", "output" };

	*o = (struct pt_out){ 0 };
	if (ipa >> s2->in_bits) {
		smmu_fault(r, EVT_F_TRANSLATION, "stage 2: IPA 0x%llx (%s) is beyond the %u-bit input range of STE.S2T0SZ",
			   (unsigned long long)ipa, what[class], s2->in_bits);
	} else {
		if (t)
			t->nested = class != EVT_CLASS_IN;
		vmsa_walk(s2->cfg.fmt, smmu->dump, &s2->cfg, ipa, req, NULL, sp->s2ha, t, o);
		if (t)
			t->nested = false;
		switch (o->stop) {
		case PT_OK:
			return 0;
		case PT_NOT_PRESENT:
			smmu_fault(r, EVT_F_TRANSLATION, "stage 2 level %d descriptor 0x%016llx (table 0x%llx) for IPA 0x%llx (%s) is not valid",
				   arm_level(o->level), (unsigned long long)o->entry,
				   (unsigned long long)o->table, (unsigned long long)ipa, what[class]);
			break;
		case PT_RESERVED:
			smmu_fault(r, vmsa_reserved_event(s2->cfg.fmt, &s2->cfg, o),
				   "stage 2 level %d descriptor 0x%016llx for IPA 0x%llx (%s) faults (bits 0x%llx)",
				   arm_level(o->level), (unsigned long long)o->entry,
				   (unsigned long long)ipa, what[class], (unsigned long long)o->rsvd);
			break;
		case PT_DENIED:
			smmu_fault(r, EVT_F_PERMISSION, "stage 2 level %d descriptor 0x%016llx does not let IPA 0x%llx (%s) be %s",
				   arm_level(o->level), (unsigned long long)o->entry,
				   (unsigned long long)ipa, what[class],
				   o->denied & IOMMU_PERM_WRITE ? "written" : "read");
			break;
		case PT_NO_DATA:
			smmu_missing(r, o->missing, "stage 2 table page");
			return -1;
		case PT_TABLE_FAULT:
		case PT_SKIPPED:
			smmu_fault(r, EVT_F_TRANSLATION, "stage 2 walk of IPA 0x%llx failed",
				   (unsigned long long)ipa);
			break;
		}
	}
	r->ev.s2 = true;
	r->ev.class = class;
	r->ev.ipa = ipa;
	r->ev.ttd_write = class == EVT_CLASS_TTD && (req & IOMMU_PERM_WRITE);
	r->suppressed = !sp->s2record;
	return -1;
}

/* Read N words of a structure at ADDR: an IPA when stage 2 translates. */
static bool read_structure(struct smmu_unit *smmu, struct smmu_space *sp,
			   uint64_t addr, uint64_t *words, unsigned int n, const char *what)
{
	uint64_t pa = addr;
	struct pt_out o;

	if ((sp->config & 2) &&
	    smmu_s2_translate(smmu, sp, addr, IOMMU_PERM_READ, EVT_CLASS_CD, &sp->trace, &sp->res,
			      &o) < 0)
		return false;
	if (sp->config & 2)
		pa = o.oa;
	if (mem_load_words(smmu->dump, pa, words, n) < 0) {
		smmu_missing(&sp->res, pa, what);
		return false;
	}
	return true;
}

/* ---- the stream table (IHI 0070 §6.3.24 STRTAB_BASE_CFG, §5.1 L1STD) ----- */

static bool ste_fetch(struct smmu_unit *smmu, struct smmu_space *sp)
{
	uint64_t cfg = smmu->strtab_cfg, base = smmu->strtab_base & GENMASK(51, 6), at, l1;
	unsigned int log2size = FIELD(cfg, 5, 0), split = FIELD(cfg, 10, 6), fmt = FIELD(cfg, 17, 16);
	unsigned int eff = log2size < smmu_sid_bits(smmu) ? log2size : smmu_sid_bits(smmu);
	uint32_t sid = sp->sid, index = sid;
	struct smmu_result *r = &sp->res;

	if (eff < 32 && sid >> eff) {
		smmu_fault(r, EVT_C_BAD_STREAMID, "StreamID 0x%x is beyond the stream table's %u-bit range",
			   sid, eff);
		return false;
	}
	if (fmt == 0) {
		/* A linear table is aligned to its size (STRTAB_BASE.ADDR). */
		base &= ~((1ULL << (log2size + 6 > 52 ? 52 : log2size + 6)) - 1);
	} else if (fmt == 1) {
		unsigned int span, l1_bits = log2size > split ? log2size - split : 0;

		if (split != 6 && split != 8 && split != 10) {
			smmu_fault(r, EVT_C_BAD_STREAMID, "STRTAB_BASE_CFG.SPLIT %u is reserved (6, 8 or 10)",
				   split);
			return false;
		}
		base &= ~((1ULL << (l1_bits + 3 > 6 ? l1_bits + 3 : 6)) - 1);
		if (mem_load64(smmu->dump, base + 8ULL * (sid >> split), &l1) < 0) {
			smmu_missing(r, base + 8ULL * (sid >> split), "level 1 stream table");
			return false;
		}
		trace_entry(sp, IOMMU_STEP_L1_STD, base, sid >> split, &l1, 1);
		span = FIELD(l1, 4, 0);
		index = sid & ((1u << split) - 1);
		if (span == 0 || span > 11 || span > split + 1) {
			smmu_fault(r, EVT_C_BAD_STREAMID, "L1STD 0x%016llx for StreamIDs 0x%x.. has Span %u: %s",
				   (unsigned long long)l1, sid & ~((1u << split) - 1), span,
				   span == 0 ? "no level 2 table" : "reserved");
			return false;
		}
		if (index >> (span - 1)) {
			smmu_fault(r, EVT_C_BAD_STREAMID, "StreamID 0x%x is beyond the %u STEs of its level 2 table (L1STD Span %u)",
				   sid, 1u << (span - 1), span);
			return false;
		}
		base = l1 & GENMASK(51, 6) & ~((64ULL << (span - 1)) - 1);
	} else {
		smmu_fault(r, EVT_C_BAD_STREAMID, "STRTAB_BASE_CFG.FMT %u is reserved", fmt);
		return false;
	}
	at = base + 64ULL * index;
	if (mem_load_words(smmu->dump, at, sp->ste, 8) < 0) {
		smmu_missing(r, at, "stream table entry");
		return false;
	}
	trace_entry(sp, IOMMU_STEP_STE, base, index, sp->ste, 8);
	return true;
}

/* The granule a TG field codes: TG0 and STE.S2TG (0 4K, 1 64K, 2 16K), TG1 (1 16K, 2 4K, 3 64K). */
static bool granule_of(unsigned int tg, bool tg1, enum vmsa_granule *ret)
{
	static const signed char tg0_g[] = { VMSA_4K, VMSA_64K, VMSA_16K, -1 };
	static const signed char tg1_g[] = { -1, VMSA_16K, VMSA_4K, VMSA_64K };
	int g = (tg1 ? tg1_g : tg0_g)[tg & 3];

	if (g < 0)
		return false;
	*ret = (enum vmsa_granule)g;
	return true;
}

/*
 * Fill TT for a table of granule G covering IN_BITS of input, output size
 * PS, root TTB: Arm DDI 0487 D8.2 (levels from the input size and the start
 * level, the initial table's size and alignment).  START < 0 derives the
 * start level from the input size (stage 1).  False when inconsistent.
 */
static bool tt_setup(struct vmsa_tt *tt, unsigned int stage, enum vmsa_granule g, bool ds,
		     unsigned int in_bits, int start, unsigned int ps, uint64_t ttb, unsigned int flags)
{
	unsigned int gs = vmsa_granule_shift(g), stride = gs - 3, levels;
	int top_bits;
	bool wide = (ds && g != VMSA_64K) || (g == VMSA_64K && ps >= 52);

	if (in_bits <= gs)
		return false;
	levels = start < 0 ? (in_bits - gs + stride - 1) / stride : (unsigned int)(4 - start);
	top_bits = (int)in_bits - (int)gs - (int)(levels - 1) * (int)stride;
	if (levels < 1 || levels > WALK_MAX_LEVELS || top_bits < 1 || top_bits > (int)stride + 4)
		return false;
	ttb &= ~((8ULL << top_bits) - 1);
	if (ps >= 52)
		ttb &= ~63ULL;
	tt->granule = g;
	tt->in_bits = (uint8_t)in_bits;
	tt->cfg = (struct pt_cfg){ .fmt = vmsa_format(stage, g, ds && g != VMSA_64K),
				   .root = ttb, .levels = (uint8_t)levels,
				   .block_levels = vmsa_block_levels(g, wide), .oa_bits = (uint8_t)ps,
				   .top_bits = (uint8_t)top_bits,
				   .flags = flags | (wide ? PT_VMSA_WIDE : 0) };
	return true;
}

/* The stage 2 start level STE.{S2SL0_2, S2SL0} codes for granule G (VTCR_EL2.{SL2, SL0}); 9: reserved. */
static int s2_start_level(enum vmsa_granule g, unsigned int sl0, bool sl2, bool ds)
{
	static const signed char start[VMSA_GRANULES][4] = {
		{ 2, 1, 0, 3 }, { 3, 2, 1, 0 }, { 3, 2, 1, 9 },
	};

	if (sl2)
		return g == VMSA_4K && ds && sl0 == 0 ? -1 : 9;
	return start[g][sl0 & 3];
}

/* IHI 0070 §5.2 STE.S2* (VTCR_EL2's fields), STE.S2TTB: stage 2 translation. */
static bool s2_config(struct smmu_unit *smmu, struct smmu_space *sp)
{
	const uint64_t *ste = sp->ste;
	uint64_t v = ste[2], ttb = ste[3] & GENMASK(51, 4);
	unsigned int t0sz = FIELD(v, 37, 32), sl0 = FIELD(v, 39, 38), tg = FIELD(v, 47, 46);
	unsigned int ps = vmsa_ps_bits(FIELD(v, 50, 48)), oas = smmu_oas(smmu), min, max;
	bool ds = ste[3] & BIT(3), ha = v & BIT(56), hd = v & BIT(55);
	struct smmu_result *r = &sp->res;
	enum vmsa_granule g;
	int start;

	sp->vmid = (int)(v & 0xffff);
	sp->s2affd = v & BIT(53);
	sp->s2ha = ha;
	sp->s2record = v & BIT(58);
	if (smmu->have_idr && !(smmu->idr[0] >> 18 & 1) && (sp->vmid >> 8)) {
		smmu_fault(r, EVT_C_BAD_STE, "STE.S2VMID 0x%x needs 16-bit VMIDs (SMMU_IDR0.VMID16)",
			   sp->vmid);
		return false;
	}
	if (!(v & BIT(51)))
		return idr_has(smmu, 0, 2) ? unsupported(r, "VMSAv8-32 LPAE stage 2 tables (STE.S2AA64 0)")
		       : (smmu_fault(r, EVT_C_BAD_STE, "STE.S2AA64 0 selects AArch32 tables, which this SMMU lacks (SMMU_IDR0.TTF)"), false);
	if (v & BIT(52))
		return unsupported(r, "big-endian stage 2 tables (STE.S2ENDI 1)");
	if (!granule_of(tg, false, &g) || !granule_ok(smmu, g)) {
		smmu_fault(r, EVT_C_BAD_STE, "STE.S2TG %u is %s", tg,
			   tg == 3 ? "reserved" : "a granule this SMMU lacks (SMMU_IDR5)");
		return false;
	}
	if (g == VMSA_64K)
		ds = false;
	if (ps > oas)
		ps = oas;
	min = ds || g == VMSA_64K ? 12 : 16;
	if (64 - oas > min)
		min = 64 - oas;
	max = g == VMSA_64K ? 47 : 48;
	if (t0sz < min || t0sz > max) {
		smmu_fault(r, EVT_C_BAD_STE, "STE.S2T0SZ %u is outside %u..%u for the %s granule", t0sz,
			   min, max, vmsa_granule_name(g));
		return false;
	}
	if ((ha || hd) && httu(smmu) < (hd ? 2u : 1u)) {
		smmu_fault(r, EVT_C_BAD_STE, "STE.S2HA/S2HD ask for hardware updates this SMMU lacks (SMMU_IDR0.HTTU)");
		return false;
	}
	if (ttb >> ps || (!ds && g != VMSA_64K && ttb >> 48)) {
		smmu_fault(r, EVT_C_BAD_STE, "STE.S2TTB 0x%llx is beyond the %u-bit output size",
			   (unsigned long long)ttb, !ds && g != VMSA_64K && ps > 48 ? 48 : ps);
		return false;
	}
	start = s2_start_level(g, sl0, ste[3] & BIT(2), ds);
	if (start == 9 ||
	    !tt_setup(&sp->s2, 1, g, ds, 64 - t0sz, start, ps, ttb,
		      sp->s2affd || ha ? 0 : PT_VMSA_AF_FAULT)) {
		smmu_fault(r, EVT_C_BAD_STE, "STE.S2SL0 %u is inconsistent with STE.S2T0SZ %u and the %s granule",
			   sl0, t0sz, vmsa_granule_name(g));
		return false;
	}
	sp->s2ps = (uint8_t)ps;
	return true;
}

/* IHI 0070 §5.2 STE: V, Config, and the fields of the stages it enables. */
static bool ste_check(struct smmu_unit *smmu, struct smmu_space *sp)
{
	const uint64_t *ste = sp->ste;
	unsigned int config = FIELD(ste[0], 3, 1), cdmax = FIELD(ste[0], 63, 59);
	struct smmu_result *r = &sp->res;

	if (!(ste[0] & 1)) {
		smmu_fault(r, EVT_C_BAD_STE, "the STE is not valid (V clear)");
		return false;
	}
	sp->config = config;
	if (!(config & 4)) {
		sp->mode = SMMU_ABORT;
		r->status = IOMMU_XLATE_BLOCKED;
		snprintf(r->detail, sizeof(r->detail), "STE.Config 0b%u%u%u aborts every transaction, without an event",
			 config >> 2, config >> 1 & 1, config & 1);
		return false;
	}
	if (((config & 1) && !idr_has(smmu, 0, 1)) || ((config & 2) && !idr_has(smmu, 0, 0))) {
		smmu_fault(r, EVT_C_BAD_STE, "STE.Config 0b%u%u%u enables a stage this SMMU lacks (SMMU_IDR0.S1P/S2P)",
			   config >> 2, config >> 1 & 1, config & 1);
		return false;
	}
	if (config & 1) {
		sp->strw = FIELD(ste[1], 31, 30);
		if (sp->strw & 1) {
			smmu_fault(r, EVT_C_BAD_STE, "STE.STRW 0b%u1 is reserved", sp->strw >> 1);
			return false;
		}
		if (cdmax > smmu_ssid_bits(smmu)) {
			smmu_fault(r, EVT_C_BAD_STE, "STE.S1CDMax %u exceeds the %u-bit SubstreamIDs (SMMU_IDR1.SSIDSIZE)",
				   cdmax, smmu_ssid_bits(smmu));
			return false;
		}
		if (cdmax && (FIELD(ste[0], 5, 4) == 1 || FIELD(ste[0], 5, 4) == 2) &&
		    !idr_has(smmu, 0, 19)) {
			smmu_fault(r, EVT_C_BAD_STE, "STE.S1Fmt selects 2-level CD tables, which this SMMU lacks (SMMU_IDR0.CD2L)");
			return false;
		}
	}
	if ((config & 2) && !s2_config(smmu, sp))
		return false;
	sp->mode = config == 4 ? SMMU_BYPASS : config == 5 ? SMMU_S1 : config == 6 ? SMMU_S2
											: SMMU_NESTED;
	return true;
}

/* ---- context descriptors (IHI 0070 §5.3 L1CD, §5.4 CD) ------------------- */

static bool cd_fetch(struct smmu_unit *smmu, struct smmu_space *sp, uint32_t ssid)
{
	const uint64_t *ste = sp->ste;
	uint64_t ptr = ste[0] & GENMASK(51, 6), at, l1;
	unsigned int cdmax = FIELD(ste[0], 63, 59), fmt = FIELD(ste[0], 5, 4), index = ssid;

	if (!cdmax || !smmu_ssid_bits(smmu)) {
		at = ptr;
		index = 0;
	} else if (fmt == 1 || fmt == 2) {
		unsigned int leaf_bits = fmt == 1 ? 6 : 10;
		unsigned int l1_bits = cdmax > leaf_bits ? cdmax - leaf_bits : 0;
		uint32_t l1_index = ssid >> leaf_bits;

		ptr &= ~((1ULL << (l1_bits + 3 > 6 ? l1_bits + 3 : 6)) - 1);
		if (!read_structure(smmu, sp, ptr + 8ULL * l1_index, &l1, 1, "level 1 CD table"))
			return false;
		trace_entry(sp, IOMMU_STEP_L1_CD, ptr, l1_index, &l1, 1);
		if (!(l1 & 1)) {
			smmu_fault(&sp->res, EVT_C_BAD_SUBSTREAMID, "L1CD %u (0x%016llx) for SubstreamID %u is not valid",
				   l1_index, (unsigned long long)l1, ssid);
			return false;
		}
		ptr = l1 & GENMASK(51, fmt == 1 ? 12 : 16);
		index = ssid & ((1u << leaf_bits) - 1);
		at = ptr + 64ULL * index;
	} else {
		ptr &= ~((64ULL << cdmax) - 1);
		at = ptr + 64ULL * ssid;
	}
	if (!read_structure(smmu, sp, at, sp->cd, 8, "context descriptor"))
		return false;
	trace_entry(sp, IOMMU_STEP_CD, ptr, index, sp->cd, 8);
	sp->cd_present = true;
	return true;
}

/* CD.TxSZ/TGx/EPDx/TBIx/TTBx for TTB N: stage 1's tables (IHI 0070 §5.4). */
static bool tt_config(struct smmu_unit *smmu, struct smmu_space *sp, unsigned int n)
{
	const uint64_t *cd = sp->cd;
	unsigned int tsz = n ? FIELD(cd[0], 21, 16) : FIELD(cd[0], 5, 0);
	unsigned int tg = n ? FIELD(cd[0], 23, 22) : FIELD(cd[0], 7, 6), min, max;
	uint64_t ttb = cd[n + 1] & GENMASK(51, 4);
	bool ds = cd[2] & BIT(58);
	struct vmsa_tt *tt = &sp->tt[n];
	struct smmu_result *r = &sp->res;
	enum vmsa_granule g;
	unsigned int flags = (sp->affd || sp->ha ? 0 : PT_VMSA_AF_FAULT) |
			     (cd[n + 1] & BIT(1) ? PT_VMSA_HAD : 0);

	tt->disabled = cd[0] & (n ? BIT(30) : BIT(14));
	tt->tbi = cd[0] & BIT(38 + n);
	if (tt->disabled)
		return true;
	if (!granule_of(tg, n, &g) || !granule_ok(smmu, g)) {
		smmu_fault(r, EVT_C_BAD_CD, "CD.TG%u %u is %s", n, tg,
			   granule_of(tg, n, &g) ? "a granule this SMMU lacks (SMMU_IDR5)" : "reserved");
		return false;
	}
	if (g == VMSA_64K)
		ds = false;
	min = ds || g == VMSA_64K ? 12 : 16;
	max = g == VMSA_64K ? 47 : 48;
	if (tsz < min || tsz > max) {
		smmu_fault(r, EVT_C_BAD_CD, "CD.T%uSZ %u is outside %u..%u for the %s granule", n, tsz,
			   min, max, vmsa_granule_name(g));
		return false;
	}
	if (ttb >> sp->ips || (!ds && g != VMSA_64K && ttb >> 48)) {
		smmu_fault(r, EVT_C_BAD_CD, "CD.TTB%u 0x%llx is beyond the %u-bit output size", n,
			   (unsigned long long)ttb, !ds && g != VMSA_64K && sp->ips > 48 ? 48 : sp->ips);
		return false;
	}
	if (!tt_setup(tt, 0, g, ds, 64 - tsz, -1, sp->ips, ttb, flags)) {
		smmu_fault(r, EVT_C_BAD_CD, "CD.T%uSZ %u cannot be walked with the %s granule", n, tsz,
			   vmsa_granule_name(g));
		return false;
	}
	return true;
}

/* IHI 0070 §5.4 CD: V, AA64, ENDI, ASID, IPS, HTTU, and the two tables. */
static bool cd_check(struct smmu_unit *smmu, struct smmu_space *sp)
{
	const uint64_t *cd = sp->cd;
	struct smmu_result *r = &sp->res;
	unsigned int ips = vmsa_ps_bits(FIELD(cd[0], 34, 32));
	bool hd = cd[0] & BIT(42);

	if (!(cd[0] & BIT(31))) {
		smmu_fault(r, EVT_C_BAD_CD, "the CD is not valid (V clear)");
		return false;
	}
	if (!(cd[0] & BIT(41))) {
		if (idr_has(smmu, 0, 2))
			return unsupported(r, "VMSAv8-32 LPAE stage 1 tables (CD.AA64 0)");
		smmu_fault(r, EVT_C_BAD_CD, "CD.AA64 0 selects AArch32 tables, which this SMMU lacks (SMMU_IDR0.TTF)");
		return false;
	}
	if (cd[0] & BIT(15))
		return unsupported(r, "big-endian stage 1 tables (CD.ENDI 1)");
	sp->asid = (int)FIELD(cd[0], 63, 48);
	if (smmu->have_idr && !(smmu->idr[0] >> 12 & 1) && (sp->asid >> 8)) {
		smmu_fault(r, EVT_C_BAD_CD, "CD.ASID 0x%x needs 16-bit ASIDs (SMMU_IDR0.ASID16)", sp->asid);
		return false;
	}
	sp->affd = cd[0] & BIT(35);
	sp->ha = cd[0] & BIT(43);
	sp->pan = cd[0] & BIT(40);
	sp->record = cd[0] & BIT(45);
	if ((sp->ha || hd) && httu(smmu) < (hd ? 2u : 1u)) {
		smmu_fault(r, EVT_C_BAD_CD, "CD.HA/HD ask for hardware updates this SMMU lacks (SMMU_IDR0.HTTU)");
		return false;
	}
	sp->ips = (uint8_t)(ips < smmu_oas(smmu) ? ips : smmu_oas(smmu));
	if (!tt_config(smmu, sp, 0) || !tt_config(smmu, sp, 1))
		return false;
	/* Both halves' walks disabled: every transaction is a stage 1 translation fault. */
	if (sp->tt[0].disabled && sp->tt[1].disabled) {
		smmu_fault(r, EVT_F_TRANSLATION, "CD.EPD0 and CD.EPD1 disable the walks of both TTB0 and TTB1");
		r->suppressed = !sp->record;
		return false;
	}
	return true;
}

/* ---- resolution ---------------------------------------------------------- */

/* IHI 0070 §5.2 STE.S1CDMax and S1DSS: which CD a transaction with or without SSID uses. */
static bool choose_cd(struct smmu_unit *smmu, struct smmu_space *sp, uint32_t ssid,
		      uint32_t *ret_index)
{
	unsigned int cdmax = smmu_ssid_bits(smmu) ? FIELD(sp->ste[0], 63, 59) : 0;
	unsigned int s1dss = FIELD(sp->ste[1], 1, 0);
	struct smmu_result *r = &sp->res;

	sp->ssid0_reserved = cdmax && s1dss == 2;
	if (ssid != IOMMU_NO_PASID) {
		if (!cdmax) {
			smmu_fault(r, EVT_C_BAD_SUBSTREAMID, "SubstreamID %u, but the STE has substreams disabled (S1CDMax 0)",
				   ssid);
			return false;
		}
		if (ssid >> cdmax) {
			smmu_fault(r, EVT_C_BAD_SUBSTREAMID, "SubstreamID %u is beyond the STE's %u CDs (S1CDMax %u)",
				   ssid, 1u << cdmax, cdmax);
			return false;
		}
		if (sp->ssid0_reserved && ssid == 0) {
			smmu_fault(r, EVT_F_STREAM_DISABLED, "SubstreamID 0 belongs to transactions without a SubstreamID (STE.S1DSS 0b10)");
			return false;
		}
		*ret_index = ssid;
		return true;
	}
	*ret_index = 0;
	if (!cdmax)
		return true;
	switch (s1dss) {
	case 1:
		sp->s1_bypass = true;
		sp->mode = sp->mode == SMMU_NESTED ? SMMU_S2 : SMMU_BYPASS;
		return false;
	case 2:
		return true;
	default:
		smmu_fault(r, EVT_F_STREAM_DISABLED, "a transaction without SubstreamID, and STE.S1DSS 0b%u%u terminates those",
			   s1dss >> 1, s1dss & 1);
		return false;
	}
}

void smmu_resolve(struct smmu_unit *smmu, uint32_t sid, uint32_t ssid,
		  struct smmu_space *sp)
{
	uint32_t index;

	memset(sp, 0, sizeof(*sp));
	sp->head.ops = &smmu_ops;
	sp->sid = sid;
	sp->ssid = IOMMU_NO_PASID;
	sp->ssid_req = ssid;
	sp->asid = sp->vmid = -1;
	sp->valid = true;
	if (!ste_fetch(smmu, sp) || !ste_check(smmu, sp))
		return;
	if (!(sp->config & 1)) {
		if (ssid != IOMMU_NO_PASID)
			smmu_fault(&sp->res, EVT_C_BAD_SUBSTREAMID, "SubstreamID %u, but stage 1 is bypassed (STE.Config 0b1%u0)",
				   ssid, sp->config >> 1 & 1);
		return;
	}
	if (!choose_cd(smmu, sp, ssid, &index))
		return;
	if (ssid != IOMMU_NO_PASID || sp->ssid0_reserved)
		sp->ssid = index;
	if (cd_fetch(smmu, sp, index))
		cd_check(smmu, sp);
}
