/* SPDX-License-Identifier: MIT */
/*
 * Finding translation tables in a dump without register values, inside
 * libiommu.  Every page of the dump goes through cheap structural tests,
 * one per kind of table (lib/scan/scan-vtd.c, -smmuv3.c, -amdvi.c): all the
 * entries of a page must be well formed, and at least one in use.  Pages
 * that pass become candidates (consecutive pages one candidate: a table
 * larger than a page); the best are then scored by resolving them with the
 * unit's own code (lib/scan/scan-score.c): the entries the hardware would
 * accept, the domains, and the top page tables they lead to.
 */
#ifndef LIBIOMMU_SCAN_H
#define LIBIOMMU_SCAN_H

#include "bits.h"
#include "mem/mem.h"
#include "pt/walk.h"

#define SCAN_WORDS (MEM_PAGE_SIZE / 8)
#define SCAN_EVIDENCE 8

/* What the cheap test of a page (or a run of pages) found. */
struct scan_page {
	unsigned int used;		/* entries in use */
	bool hi_used;			/* VT-d: upper halves of root entries in use (scalable only) */
	unsigned int span;		/* SMMUv3 level 1: the largest Span (VT-d: 1 when the
					   page reads as level 1 descriptors of Span 1 too) */
	unsigned int last;		/* SMMUv3 level 1: the last descriptor in use */
};

struct scan_cand {
	enum iommu_scan_kind kind;
	uint64_t addr;			/* the table */
	uint64_t pages;			/* pages in the run */
	uint64_t filled;		/* pages through the last one with entries */
	uint64_t used;			/* entries in use, over the run */
	bool hi_used;
	unsigned int span, last;
	int screen;			/* the screening's figure; -1: dropped */
	unsigned int modes;		/* VT-d: the modes it passed in (bit TTM) */
	/* Filled in by the scoring. */
	uint64_t reg, reg2;
	const char *format;
	int score;
	unsigned int entries, ok, translating, domains, tables;
	bool scored, subordinate;
	char *evidence[SCAN_EVIDENCE];
	size_t nevidence;
};

struct iommu_scan {
	int refcount;
	struct iommu_dump *dump;
	unsigned int flags;
	uint64_t pages;
	struct scan_cand *cands;
	size_t n, cap;
	size_t open[3];			/* runs being extended (SCAN_NONE): STE, L1STD, DTE pages */
};

#define SCAN_NONE SIZE_MAX

/* Put every page of the dump through the cheap tests, into S's candidates (lib/scan/scan-pages.c). */
int scan_pages(struct iommu_scan *s);

/* The cheap tests: does the page at P hold entries of this kind, all well formed? */
bool scan_vtd_root_page(const uint64_t *w, struct scan_page *ret);
bool scan_smmuv3_ste_page(const uint64_t *w, struct scan_page *ret);
bool scan_smmuv3_l1_page(const uint64_t *w, struct scan_page *ret);
bool scan_amdvi_dte_page(const uint64_t *w, struct scan_page *ret);

/*
 * The screening of one candidate, cheap (the tables it points to are well
 * formed): how promising it is, or -1 to drop it.
 */
int scan_vtd_screen(struct iommu_scan *s, struct scan_cand *c);
int scan_smmuv3_screen(struct iommu_scan *s, struct scan_cand *c);
int scan_amdvi_screen(struct iommu_scan *s, struct scan_cand *c);

/* The scoring of one candidate (it fills reg, format, score, counts, evidence). */
void scan_vtd_score(struct iommu_scan *s, struct scan_cand *c);
void scan_smmuv3_score(struct iommu_scan *s, struct scan_cand *c);
void scan_amdvi_score(struct iommu_scan *s, struct scan_cand *c);

/* ---- shared by the scorers (lib/scan/scan-score.c) ----------------------- */

/* What the address spaces of a candidate came to. */
struct scan_tally {
	struct iommu_dump *dump;
	unsigned int spaces, ok, faults, blocked, missing;
	unsigned int translating;	/* accepted, with a sound top page table to walk */
	unsigned int tables, bad_tables;
	unsigned int good_structures, bad_structures;	/* the tables between (context, level 2) */
	unsigned int ndomains;
	int domains[64];		/* the first distinct ones */
	bool more_domains;
	char first_fault[224];		/* what the first refused entry meets */
	unsigned int budget;		/* spaces still to look at */
	unsigned int nroots;
	uint64_t roots[64];		/* top tables checked already */
	signed char root_verdict[64];	/* and what they came to (as top_table()) */
};

/*
 * One space's outcome, its detail, the top table its walks start from
 * (NULL: none) and its domain (-1: none); false when the budget is spent.
 */
bool scan_tally_space(struct scan_tally *t, enum iommu_xlate_status status, const char *who,
		      const char *detail, const struct pt_cfg *top, int domain);
/* The score from a tally and the entries in use (higher is more certain). */
int scan_tally_score(const struct scan_tally *t, uint64_t entries);
void scan_evidence(struct scan_cand *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The evidence every scorer gives from its tally: STRUCTURES and SPACES name what it counted. */
void scan_tally_evidence(struct scan_cand *c, const struct scan_tally *t, const char *structures,
			 const char *spaces);

#endif
