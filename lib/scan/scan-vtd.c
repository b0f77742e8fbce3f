// SPDX-License-Identifier: MIT
/*
 * VT-d root tables in a dump: a page of 256 root entries (legacy, 64-bit
 * context-table pointers in the lower half) or of 256 pairs of them
 * (scalable mode, lower and upper context tables), then the context
 * entries they reach, resolved by lib/unit/vtd-context.c.
 */
#include <stdio.h>

#include "scan/scan.h"
#include "unit/vtd.h"

/*
 * VT-d 4.1 §9.1 root entry, §9.2 scalable-mode root entry: P bit 0, bits
 * 11:1 reserved, the context table pointer up to the 52-bit host address
 * width; legacy upper halves are reserved.  Entries not present are zero as
 * the kernel leaves them (a scan heuristic: the hardware ignores them).
 */
#define ROOT_RSVD (GENMASK(63, 52) | GENMASK(11, 1))

bool scan_vtd_root_page(const uint64_t *w, struct scan_page *ret)
{
	unsigned int used = 0, last = 0;
	bool hi = false, null = false;

	for (unsigned int i = 0; i < SCAN_WORDS; i++) {
		uint64_t q = le64toh(w[i]);

		if (q & ROOT_RSVD)
			return false;
		if (!(q & 1)) {
			if (q)
				return false;
			continue;
		}
		used++;
		last = i;
		hi |= i & 1;
		null |= q == 1;
	}
	ret->used = used;
	ret->hi_used = hi;
	/* Such a page reads as SMMUv3 level 1 descriptors of Span 1 too, unless one points at 0. */
	ret->span = null ? 0 : 1;
	ret->last = last;
	return used > 0;
}

/*
 * VT-d 4.1 §9.3 legacy context entry: P 0, FPD 1, TT 3:2 (3 reserved),
 * 11:4 reserved, the table pointer below 2^52; AW 66:64 (5-7 reserved),
 * 71 and 127:88 reserved.  §9.4 scalable-mode context entry: the PASID
 * directory pointer below 2^52, RID_PASID and RID_PRIV 84:64, the rest of
 * the upper 192 bits reserved (bits 8:5 are reserved too, but kernels set
 * them).  Entries not present are zero (a scan heuristic).
 */
static bool context_entry_ok(const uint64_t *e, bool scalable)
{
	if (!(e[0] & 1))
		return !e[0] && !e[1] && (!scalable || (!e[2] && !e[3]));
	if (scalable)
		return !(e[0] & GENMASK(63, 52)) && !(e[1] & GENMASK(63, 21)) && !e[2] && !e[3];
	return !(e[0] & (GENMASK(63, 52) | GENMASK(11, 4))) && ((e[0] >> 2) & 3) != 3 &&
	       (e[1] & 7) <= 4 && !(e[1] & (GENMASK(63, 24) | BIT(7)));
}

/* What the context tables a root table points to hold. */
struct context_count {
	unsigned int good, empty, bad;
};

/*
 * The first BYTES of the context table at TABLE: 1 well formed with entries
 * present, 0 empty, -1 malformed, -2 not in the dump.
 */
static int context_table(struct iommu_scan *s, uint64_t table, bool scalable, size_t bytes)
{
	const uint8_t *p = mem_ptr(s->dump, table, bytes);
	unsigned int size = scalable ? 4 : 2;
	bool used = false;

	if (!p)
		return -2;
	for (unsigned int k = 0; k < bytes / 8; k += size) {
		uint64_t e[4];

		for (unsigned int j = 0; j < size; j++)
			e[j] = mem_le64(p + 8 * (k + j));
		if (!context_entry_ok(e, scalable))
			return -1;
		used |= e[0] & 1;
	}
	return used;
}

/*
 * The context tables the root table at ROOT points to, counted into N;
 * STOP (screening): false at the first malformed one, after a first pass
 * over the first line of each (one load each), or when most of those lines
 * are empty.
 */
static bool context_tables(struct iommu_scan *s, uint64_t root, bool scalable, bool stop,
			   struct context_count *n)
{
	for (unsigned int pass = stop ? 0 : 1; pass < 2; pass++) {
		*n = (struct context_count){ 0 };
		for (unsigned int i = 0; i < (scalable ? 512u : 256u); i++) {
			uint64_t re;
			int r;

			if (mem_load64(s->dump, root + 8ULL * (scalable ? i : 2 * i), &re) < 0 || !(re & 1))
				continue;
			r = context_table(s, re & GENMASK(51, 12), scalable, pass ? MEM_PAGE_SIZE : 64);
			if (r == -1 && stop)
				return false;
			n->good += r == 1;
			n->empty += r == 0;
			n->bad += r == -1;
		}
		if (stop && !pass && n->empty > 4 * n->good + 4)
			return false;
	}
	return true;
}

/*
 * Screening, for each translation-table mode the root entries allow: every
 * context table well formed, one at least with entries, and no more empty
 * than not (the kernel allocates a context table for a device it attaches).
 */
int scan_vtd_screen(struct iommu_scan *s, struct scan_cand *c)
{
	int best = -1;

	c->modes = 0;
	for (unsigned int ttm = c->hi_used ? 1 : 0; ttm < 2; ttm++) {
		struct context_count n;

		if (!context_tables(s, c->addr, ttm == IOMMU_VTD_TTM_SCALABLE, true, &n) || !n.good ||
		    n.empty > n.good)
			continue;
		c->modes |= 1u << ttm;
		if ((int)n.good > best)
			best = (int)n.good;
	}
	return best;
}

static int vtd_space(const struct iommu_space *space, void *userdata)
{
	const struct vtd_space *sp = (const struct vtd_space *)space;
	struct scan_tally *t = userdata;
	const struct pt_cfg *top = sp->mode == SPACE_FIRST ? &sp->fs
				   : sp->mode == SPACE_PASSTHROUGH ? NULL : &sp->ss;
	char who[48];

	if (sp->pasid == IOMMU_NO_PASID)
		snprintf(who, sizeof(who), "device %02x:%02x.%x", sp->sid >> 8, (sp->sid >> 3) & 0x1f,
			 sp->sid & 7);
	else
		snprintf(who, sizeof(who), "device %02x:%02x.%x PASID %u", sp->sid >> 8,
			 (sp->sid >> 3) & 0x1f, sp->sid & 7, sp->pasid);
	return scan_tally_space(t, sp->status, who, sp->detail, top, sp->did) ? 0 : 1;
}

/* The tally of the root table at ADDR read in translation-table mode TTM. */
static int vtd_tally(struct iommu_scan *s, uint64_t addr, unsigned int ttm, struct scan_tally *t)
{
	struct context_count n;
	struct iommu_translator *vtd;
	int r;

	*t = (struct scan_tally){ .dump = s->dump, .budget = 4096 };
	r = iommu_translator_new_vtd(s->dump, addr | (uint64_t)ttm << 10, &vtd);
	if (r < 0)
		return r;
	context_tables(s, addr, ttm == IOMMU_VTD_TTM_SCALABLE, false, &n);
	t->good_structures = n.good;
	t->bad_structures = n.bad;
	r = iommu_translator_foreach_space(vtd, vtd_space, t);
	iommu_translator_unref(vtd);
	return r < 0 ? r : 0;
}

/* The modes the screening left, each resolved; the better one is taken. */
void scan_vtd_score(struct iommu_scan *s, struct scan_cand *c)
{
	struct scan_tally legacy = { 0 }, scalable = { 0 };
	int legacy_score = INT32_MIN, scalable_score = INT32_MIN;
	bool use_legacy;

	if ((c->modes & 1) && vtd_tally(s, c->addr, IOMMU_VTD_TTM_LEGACY, &legacy) == 0)
		legacy_score = scan_tally_score(&legacy, c->used);
	if ((c->modes & 2) && vtd_tally(s, c->addr, IOMMU_VTD_TTM_SCALABLE, &scalable) == 0)
		scalable_score = scan_tally_score(&scalable, c->used);
	use_legacy = legacy_score >= scalable_score;
	c->format = use_legacy ? "legacy" : "scalable";
	c->reg = c->addr | (uint64_t)(use_legacy ? IOMMU_VTD_TTM_LEGACY : IOMMU_VTD_TTM_SCALABLE) << 10;
	c->score = use_legacy ? legacy_score : scalable_score;
	if (use_legacy)
		scan_evidence(c, "root table: %llu of 256 root entries present, the upper halves zero",
			      (unsigned long long)c->used);
	else
		scan_evidence(c, "root table: %llu of 512 scalable-mode root entry halves present",
			      (unsigned long long)c->used);
	c->entries = use_legacy ? legacy.spaces : scalable.spaces;
	scan_tally_evidence(c, use_legacy ? &legacy : &scalable, "context tables",
			    use_legacy ? "present context entries" : "present context and PASID entries");
}
