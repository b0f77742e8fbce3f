// SPDX-License-Identifier: MIT
/*
 * iommu_scan: VT-d root tables, SMMUv3 stream tables and AMD-Vi device
 * tables found in a dump without register values.  The pages that pass the
 * cheap tests (lib/scan/scan-pages.c) are scored, the most promising of each
 * kind first (lib/scan/scan-vtd.c, -smmuv3.c, -amdvi.c); level 2 stream tables
 * reached from a level 1 table are that table's, not candidates of their
 * own; the rest are ranked best first.
 */
#include <errno.h>
#include <stdlib.h>

#include "scan/scan.h"

/* Candidates of one family scored at most, the most promising first. */
#define MAX_SCORED 1024
/* Entries accepted without translation that make a table worth showing. */
#define MIN_ACCEPTED 16

static int by_screen(const void *a, const void *b)
{
	const struct scan_cand *x = *(const struct scan_cand *const *)a;
	const struct scan_cand *y = *(const struct scan_cand *const *)b;

	return x->screen != y->screen ? (x->screen < y->screen ? 1 : -1)
				      : (x->addr > y->addr) - (x->addr < y->addr);
}

static int by_score(const void *a, const void *b)
{
	const struct scan_cand *x = a, *y = b;

	return x->score != y->score ? (x->score < y->score ? 1 : -1)
				    : (x->addr > y->addr) - (x->addr < y->addr);
}

/* The kinds of candidate scored apart: root tables, STE runs, level 1 tables, DTE runs. */
static unsigned int family(const struct scan_cand *c)
{
	return c->kind == IOMMU_SCAN_SMMUV3_STRTAB ? (c->span ? 2 : 1) : c->kind == IOMMU_SCAN_VTD_ROOT ? 0 : 3;
}

/* Screen every candidate, then score the most promising of each family. */
static int score_all(struct iommu_scan *s)
{
	struct scan_cand **order = malloc((s->n ? s->n : 1) * sizeof(*order));

	if (!order)
		return -ENOMEM;
	for (unsigned int f = 0; f < 4; f++) {
		size_t n = 0;

		for (size_t i = 0; i < s->n; i++) {
			struct scan_cand *c = &s->cands[i];

			if (family(c) != f)
				continue;
			c->screen = c->kind == IOMMU_SCAN_VTD_ROOT ? scan_vtd_screen(s, c)
				    : c->kind == IOMMU_SCAN_SMMUV3_STRTAB ? scan_smmuv3_screen(s, c)
				    : scan_amdvi_screen(s, c);
			if (c->screen >= 0)
				order[n++] = c;
		}
		qsort(order, n, sizeof(*order), by_screen);
		for (size_t i = 0; i < n && i < MAX_SCORED; i++) {
			struct scan_cand *c = order[i];

			if (c->kind == IOMMU_SCAN_VTD_ROOT)
				scan_vtd_score(s, c);
			else if (c->kind == IOMMU_SCAN_SMMUV3_STRTAB)
				scan_smmuv3_score(s, c);
			else
				scan_amdvi_score(s, c);
			c->scored = true;
		}
	}
	free(order);
	return 0;
}

static int by_addr(const void *a, const void *b)
{
	const struct scan_cand *x = *(const struct scan_cand *const *)a;
	const struct scan_cand *y = *(const struct scan_cand *const *)b;

	return (x->addr > y->addr) - (x->addr < y->addr);
}

/*
 * IHI 0070 §5.1: the level 2 tables a level 1 candidate points to are part
 * of it; LINEAR holds the STE runs by address.
 */
static void mark_level2(struct iommu_scan *s, const struct scan_cand *l1, struct scan_cand **linear,
			size_t n)
{
	for (uint64_t i = 0; i <= l1->last; i++) {
		struct scan_cand key = { .addr = 0 }, *k = &key, **hit;
		uint64_t d;

		if (mem_load64(s->dump, l1->addr + 8 * i, &d) < 0 || !(d & 0x1f))
			continue;
		key.addr = d & GENMASK(51, 6);
		hit = bsearch(&k, linear, n, sizeof(*linear), by_addr);
		if (hit && !(*hit)->subordinate) {
			(*hit)->subordinate = true;
			scan_evidence(*hit, "a level 2 table of the stream table at 0x%llx",
				      (unsigned long long)l1->addr);
		}
	}
}

static int mark_all_level2(struct iommu_scan *s)
{
	struct scan_cand **linear = malloc((s->n ? s->n : 1) * sizeof(*linear));
	size_t n = 0;

	if (!linear)
		return -ENOMEM;
	for (size_t i = 0; i < s->n; i++)
		if (family(&s->cands[i]) == 1)
			linear[n++] = &s->cands[i];
	qsort(linear, n, sizeof(*linear), by_addr);
	for (size_t i = 0; i < s->n; i++)
		if (family(&s->cands[i]) == 2 && s->cands[i].score > 0 && s->cands[i].translating)
			mark_level2(s, &s->cands[i], linear, n);
	free(linear);
	return 0;
}

static void cand_free(struct scan_cand *c)
{
	for (size_t i = 0; i < c->nevidence; i++)
		free(c->evidence[i]);
}

IOMMU_EXPORT int iommu_scan_dump(struct iommu_dump *dump, unsigned int flags,
				 struct iommu_scan **ret_scan)
{
	struct iommu_scan *s = calloc(1, sizeof(*s));
	size_t kept = 0;
	int r;

	if (!s)
		return -ENOMEM;
	s->refcount = 1;
	s->dump = iommu_dump_ref(dump);
	s->flags = flags;
	r = scan_pages(s);
	if (r >= 0)
		r = score_all(s);
	if (r >= 0)
		r = mark_all_level2(s);
	if (r < 0) {
		iommu_scan_unref(s);
		return r;
	}
	/*
	 * Keep (unless all are asked for) what scored, and translates or has
	 * many entries the hardware would accept (a table of bypass streams).
	 */
	for (size_t i = 0; i < s->n; i++) {
		struct scan_cand *c = &s->cands[i];

		if (c->scored && ((flags & IOMMU_SCAN_ALL) ||
				  (c->score > 0 && (c->translating || c->ok >= MIN_ACCEPTED) &&
				   !c->subordinate)))
			s->cands[kept++] = *c;
		else
			cand_free(c);
	}
	s->n = kept;
	if (s->n)
		qsort(s->cands, s->n, sizeof(*s->cands), by_score);
	*ret_scan = s;
	return 0;
}

IOMMU_EXPORT struct iommu_scan *iommu_scan_unref(struct iommu_scan *scan)
{
	if (!scan || --scan->refcount > 0)
		return NULL;
	for (size_t i = 0; i < scan->n; i++)
		cand_free(&scan->cands[i]);
	free(scan->cands);
	iommu_dump_unref(scan->dump);
	free(scan);
	return NULL;
}

IOMMU_EXPORT uint64_t iommu_scan_get_pages(const struct iommu_scan *scan)
{
	return scan->pages;
}

IOMMU_EXPORT size_t iommu_scan_get_count(const struct iommu_scan *scan)
{
	return scan->n;
}

IOMMU_EXPORT const struct iommu_scan_candidate *iommu_scan_get_candidate(const struct iommu_scan *scan,
									  size_t index)
{
	return index < scan->n ? (const struct iommu_scan_candidate *)&scan->cands[index] : NULL;
}

static const struct scan_cand *cand(const struct iommu_scan_candidate *c)
{
	return (const struct scan_cand *)c;
}

IOMMU_EXPORT enum iommu_scan_kind iommu_scan_candidate_get_kind(const struct iommu_scan_candidate *c)
{
	return cand(c)->kind;
}

IOMMU_EXPORT const char *iommu_scan_kind_name(enum iommu_scan_kind kind)
{
	switch (kind) {
	case IOMMU_SCAN_VTD_ROOT:
		return "vtd-root";
	case IOMMU_SCAN_SMMUV3_STRTAB:
		return "smmuv3-strtab";
	case IOMMU_SCAN_AMDVI_DEV_TABLE:
		return "amdvi-dev-table";
	}
	return "unknown";
}

IOMMU_EXPORT uint64_t iommu_scan_candidate_get_addr(const struct iommu_scan_candidate *c)
{
	return cand(c)->addr;
}

IOMMU_EXPORT uint64_t iommu_scan_candidate_get_register(const struct iommu_scan_candidate *c)
{
	return cand(c)->reg;
}

IOMMU_EXPORT uint64_t iommu_scan_candidate_get_register2(const struct iommu_scan_candidate *c)
{
	return cand(c)->reg2;
}

IOMMU_EXPORT unsigned int iommu_scan_candidate_get_score(const struct iommu_scan_candidate *c)
{
	return cand(c)->score > 0 ? (unsigned int)cand(c)->score : 0;
}

IOMMU_EXPORT const char *iommu_scan_candidate_get_format(const struct iommu_scan_candidate *c)
{
	return cand(c)->format ? cand(c)->format : "";
}

IOMMU_EXPORT unsigned int iommu_scan_candidate_get_entries(const struct iommu_scan_candidate *c)
{
	return cand(c)->entries;
}

IOMMU_EXPORT unsigned int iommu_scan_candidate_get_domains(const struct iommu_scan_candidate *c)
{
	return cand(c)->domains;
}

IOMMU_EXPORT unsigned int iommu_scan_candidate_get_tables(const struct iommu_scan_candidate *c)
{
	return cand(c)->tables;
}

IOMMU_EXPORT size_t iommu_scan_candidate_get_evidence_count(const struct iommu_scan_candidate *c)
{
	return cand(c)->nevidence;
}

IOMMU_EXPORT const char *iommu_scan_candidate_get_evidence(const struct iommu_scan_candidate *c,
							    size_t index)
{
	return index < cand(c)->nevidence ? cand(c)->evidence[index] : NULL;
}
