// SPDX-License-Identifier: MIT
/*
 * SMMUv3 stream tables in a dump: runs of pages of 64-byte STEs (a linear
 * table, or the level 2 tables of a 2-level one) and pages of level 1
 * descriptors pointing at such tables; then the streams and substreams they
 * configure, resolved by lib/unit/smmuv3-config.c.
 */
#include <stdio.h>

#include "scan/scan.h"
#include "unit/smmuv3.h"

/*
 * IHI 0070 §5.2 STE: V bit 0, Config 3:1 (0b000, 0b1xx; 0b001-0b011 are
 * reserved), RES0 between S1ContextPtr and S1CDMax (58:52), above S2VMID
 * (31:16 of the third word) and above S2TTB (63:52 of the fourth).  STEs
 * not valid are zero as the kernel leaves them (a scan heuristic).
 */
#define STE0_RSVD GENMASK(58, 52)
#define STE2_RSVD GENMASK(31, 16)
#define STE3_RSVD GENMASK(63, 52)

/* One STE (words as in memory): -1 malformed, 0 not valid (and zero), 1 valid. */
static int ste_check(const uint64_t *w)
{
	uint64_t w0 = le64toh(w[0]);
	unsigned int config = (unsigned int)(w0 >> 1) & 7;

	if (!(w0 & 1)) {
		for (unsigned int k = 0; k < 8; k++)
			if (w[k])
				return -1;
		return 0;
	}
	if ((config && config < 4) || (w0 & STE0_RSVD) || (le64toh(w[2]) & STE2_RSVD) ||
	    (le64toh(w[3]) & STE3_RSVD))
		return -1;
	return 1;
}

bool scan_smmuv3_ste_page(const uint64_t *w, struct scan_page *ret)
{
	unsigned int used = 0;

	for (unsigned int i = 0; i < SCAN_WORDS; i += 8) {
		int r = ste_check(w + i);

		if (r < 0)
			return false;
		used += (unsigned int)r;
	}
	ret->used = used;
	return used > 0;
}

/* The STES STEs at TABLE: -1 when one is malformed, else how many are valid (0 when not in the dump). */
static int level2_table(struct iommu_scan *s, uint64_t table, uint64_t stes)
{
	int valid = 0;

	for (uint64_t k = 0; k < stes; k++) {
		const uint8_t *p = mem_ptr(s->dump, table + 64 * k, 64);
		uint64_t e[8];
		int r;

		if (!p)
			break;
		memcpy(e, p, sizeof(e));
		r = ste_check(e);
		if (r < 0)
			return -1;
		valid += r;
	}
	return valid;
}

/*
 * The level 2 tables the level 1 descriptors of C point to: how many are in
 * the dump with every STE well formed and one valid, the malformed ones in
 * *RET_BAD; STOP (screening): -1 at the first malformed one, after a first
 * pass over the first STE of each (one load each).
 */
static int level2_tables(struct iommu_scan *s, const struct scan_cand *c, bool stop,
			 unsigned int *ret_bad)
{
	unsigned int good = 0, bad = 0;

	for (unsigned int pass = stop ? 0 : 1; pass < 2; pass++) {
		for (uint64_t i = 0; i <= c->last; i++) {
			uint64_t d;
			int r;

			if (mem_load64(s->dump, c->addr + 8 * i, &d) < 0 || !(d & 0x1f))
				continue;
			r = level2_table(s, d & GENMASK(51, 6), pass ? 1ULL << ((d & 0x1f) - 1) : 1);
			if (r < 0 && stop)
				return -1;
			good += pass && r > 0;
			bad += pass && r < 0;
		}
	}
	*ret_bad = bad;
	return (int)good;
}

int scan_smmuv3_screen(struct iommu_scan *s, struct scan_cand *c)
{
	unsigned int bad;
	int good;

	if (!c->span)
		return (int)(c->used < INT32_MAX ? c->used : INT32_MAX);
	good = level2_tables(s, c, true, &bad);
	return good > 0 ? good : -1;
}

/*
 * IHI 0070 §5.1 L1STD: Span 4:0 (0 invalid, at most 12 - 1 = 11 for a level
 * 2 table of 1024 STEs), bit 5 RES0, L2Ptr 51:6 aligned to the table it
 * points to, 63:52 RES0.  Invalid descriptors are zero (a scan heuristic).
 */
bool scan_smmuv3_l1_page(const uint64_t *w, struct scan_page *ret)
{
	unsigned int used = 0, span_max = 0, last = 0;

	for (unsigned int i = 0; i < SCAN_WORDS; i++) {
		uint64_t q = le64toh(w[i]), l2 = q & GENMASK(51, 6);
		unsigned int span = (unsigned int)q & 0x1f;

		if (!q)
			continue;
		if (!span || span > 11 || (q & (BIT(5) | GENMASK(63, 52))) || !l2 ||
		    (l2 & ((64ULL << (span - 1)) - 1)))
			return false;
		used++;
		last = i;
		if (span > span_max)
			span_max = span;
	}
	ret->used = used;
	ret->span = span_max;
	ret->last = last;
	return used > 0;
}

static int smmu_space(const struct iommu_space *space, void *userdata)
{
	const struct smmu_space *sp = (const struct smmu_space *)space;
	struct scan_tally *t = userdata;
	const struct pt_cfg *top = NULL;
	char who[48];

	if (sp->mode == SMMU_S1)
		top = sp->tt[0].cfg.levels ? &sp->tt[0].cfg : &sp->tt[1].cfg;
	else if (sp->mode == SMMU_S2 || sp->mode == SMMU_NESTED)
		top = &sp->s2.cfg;
	if (sp->ssid == IOMMU_NO_PASID)
		snprintf(who, sizeof(who), "StreamID 0x%x", sp->sid);
	else
		snprintf(who, sizeof(who), "StreamID 0x%x SubstreamID %u", sp->sid, sp->ssid);
	return scan_tally_space(t, sp->res.status, who, sp->res.detail, top,
				sp->asid >= 0 ? sp->asid : sp->vmid) ? 0 : 1;
}

static unsigned int log2_floor(uint64_t v)
{
	unsigned int n = 0;

	while (v >>= 1)
		n++;
	return n;
}

void scan_smmuv3_score(struct iommu_scan *s, struct scan_cand *c)
{
	struct scan_tally t = { .dump = s->dump, .budget = 4096 };
	struct iommu_translator *smmu;

	if (c->span) {
		/* Level 1 descriptors: SPLIT from their Span, LOG2SIZE to cover the last one. */
		unsigned int split = c->span <= 7 ? 6 : c->span <= 9 ? 8 : 10;
		unsigned int l1_bits = c->last ? log2_floor(c->last) + 1 : 0;

		c->format = "2-level";
		c->reg2 = (uint64_t)(split + l1_bits) | (uint64_t)split << 6 | 1ULL << 16;
		scan_evidence(c, "level 1 table: %llu descriptors in use (Span up to %u: SPLIT %u), the last for StreamIDs from 0x%llx",
			      (unsigned long long)c->used, c->span, split,
			      (unsigned long long)c->last << split);
	} else {
		/* LOG2SIZE to cover the last page with valid STEs. */
		unsigned int log2size = log2_floor(c->filled * (MEM_PAGE_SIZE / 64) - 1) + 1;

		c->format = "linear";
		c->reg2 = log2size;
		scan_evidence(c, "linear stream table: %llu page%s of STEs, %llu valid",
			      (unsigned long long)c->filled, c->filled == 1 ? "" : "s",
			      (unsigned long long)c->used);
	}
	c->reg = c->addr;
	if (iommu_translator_new_smmuv3(s->dump, c->reg, c->reg2, &smmu) < 0)
		return;
	if (c->span)
		t.good_structures = (unsigned int)level2_tables(s, c, false, &t.bad_structures);
	iommu_translator_foreach_space(smmu, smmu_space, &t);
	iommu_translator_unref(smmu);
	c->entries = t.spaces;
	c->score = scan_tally_score(&t, t.spaces);
	scan_tally_evidence(c, &t, "level 2 tables", "valid STEs and CDs");
}
