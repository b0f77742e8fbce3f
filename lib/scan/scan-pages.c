// SPDX-License-Identifier: MIT
/*
 * Every page of a dump through the cheap tests of lib/scan-*.c: the mapped
 * segments of raw and ELF dumps in place, page after page, and the pages a
 * kdump-compressed file holds (its page bitmap) decompressed one at a time
 * outside the page cache.  Consecutive pages that pass the same test make
 * one candidate (a table larger than a page).
 */
#include <errno.h>
#include <stdlib.h>

#include <libkdumpfile/kdumpfile.h>

#include "scan/scan.h"

enum { RUN_STE, RUN_L1, RUN_DTE };

/*
 * The most pages a run goes on for: a linear stream table of 4096 STEs, a
 * level 1 stream table of Linux's largest size (2^17 descriptors, 1 MiB), a
 * device table of 65536 DTEs (2 MiB).  Zero pages (entries not in use) go
 * on a run; the table ends at its last page with entries.
 */
static const uint64_t max_pages[] = { [RUN_STE] = 64, [RUN_L1] = 256, [RUN_DTE] = 512 };

static struct scan_cand *cand_new(struct iommu_scan *s, enum iommu_scan_kind kind, uint64_t addr,
				  const struct scan_page *pg)
{
	struct scan_cand *c;

	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 64;
		struct scan_cand *bigger = reallocarray(s->cands, cap, sizeof(*bigger));

		if (!bigger)
			return NULL;
		s->cands = bigger;
		s->cap = cap;
	}
	c = &s->cands[s->n++];
	*c = (struct scan_cand){ .kind = kind, .addr = addr, .pages = 1, .filled = 1, .used = pg->used,
				 .hi_used = pg->hi_used, .span = pg->span, .last = pg->last };
	return c;
}

/* Extend run K with the page at ADDR when it follows it, else start one; PG NULL ends it. */
static int run(struct iommu_scan *s, unsigned int k, enum iommu_scan_kind kind, uint64_t addr,
	       const struct scan_page *pg)
{
	struct scan_cand *c = s->open[k] != SCAN_NONE ? &s->cands[s->open[k]] : NULL;

	if (!pg) {
		s->open[k] = SCAN_NONE;
		return 0;
	}
	if (c && c->addr + c->pages * MEM_PAGE_SIZE == addr && c->pages < max_pages[k]) {
		if (pg->used && k == RUN_L1)
			c->last = (unsigned int)(c->pages * SCAN_WORDS + pg->last);
		if (pg->span > c->span)
			c->span = pg->span;
		c->pages++;
		if (pg->used)
			c->filled = c->pages;
		c->used += pg->used;
		return 0;
	}
	if (!pg->used) {		/* an empty page starts nothing */
		s->open[k] = SCAN_NONE;
		return 0;
	}
	if (!cand_new(s, kind, addr, pg))
		return -ENOMEM;
	s->open[k] = s->n - 1;
	return 0;
}

/* A line at a time: data pages leave at their first line, zero pages are read once. */
static bool page_zero(const uint64_t *w)
{
	for (unsigned int i = 0; i < SCAN_WORDS; i += 8)
		if (w[i] | w[i + 1] | w[i + 2] | w[i + 3] | w[i + 4] | w[i + 5] | w[i + 6] | w[i + 7])
			return false;
	return true;
}

static int scan_page(struct iommu_scan *s, uint64_t addr, const uint64_t *w)
{
	static const struct scan_page empty = { 0 };
	struct scan_page vtd = { 0 }, ste = { 0 }, l1 = { 0 }, dte = { 0 };
	int r;

	s->pages++;
	if (page_zero(w)) {
		run(s, RUN_STE, IOMMU_SCAN_SMMUV3_STRTAB, addr, &empty);
		run(s, RUN_DTE, IOMMU_SCAN_AMDVI_DEV_TABLE, addr, &empty);
		return run(s, RUN_L1, IOMMU_SCAN_SMMUV3_STRTAB, addr, &empty);
	}
	if (scan_vtd_root_page(w, &vtd)) {
		if (!cand_new(s, IOMMU_SCAN_VTD_ROOT, addr, &vtd))
			return -ENOMEM;
		/* Words that are 0 or ADDR | 1 are level 1 descriptors of Span 1: no second pass. */
		l1 = (struct scan_page){ .used = vtd.used, .span = 1, .last = vtd.last };
		if (!vtd.span)
			l1.used = 0;
	} else if (!scan_smmuv3_l1_page(w, &l1)) {
		l1.used = 0;
	}
	r = run(s, RUN_STE, IOMMU_SCAN_SMMUV3_STRTAB, addr, scan_smmuv3_ste_page(w, &ste) ? &ste : NULL);
	if (!r)
		r = run(s, RUN_L1, IOMMU_SCAN_SMMUV3_STRTAB, addr, l1.used ? &l1 : NULL);
	if (!r)
		r = run(s, RUN_DTE, IOMMU_SCAN_AMDVI_DEV_TABLE, addr,
			scan_amdvi_dte_page(w, &dte) ? &dte : NULL);
	return r;
}

static int scan_segments(struct iommu_scan *s)
{
	const struct iommu_dump *d = s->dump;
	uint64_t copy[SCAN_WORDS];

	for (size_t i = 0; i < d->nsegs; i++) {
		const struct mem_seg *g = &d->segs[i];
		uint64_t addr = (g->start + MEM_PAGE_SIZE - 1) & ~(uint64_t)(MEM_PAGE_SIZE - 1);

		for (; addr < g->end && g->end - addr >= MEM_PAGE_SIZE; addr += MEM_PAGE_SIZE) {
			const uint8_t *p = g->data + (addr - g->start);
			int r;

			/* In place when aligned (ELF segments are); else a copy. */
			if ((uintptr_t)p % sizeof(uint64_t)) {
				memcpy(copy, p, MEM_PAGE_SIZE);
				r = scan_page(s, addr, copy);
			} else {
				r = scan_page(s, addr, (const uint64_t *)(const void *)p);
			}
			if (r < 0)
				return r;
		}
	}
	return 0;
}

/*
 * The pages the file holds, from its page bitmap (libkdumpfile's file.pagemap),
 * whose bits are the dump's own pages: 4 KiB on x86, 64 KiB in QEMU's arm64
 * dumps (arch.page_shift); each is scanned as the 4 KiB pages it holds.
 */
static int scan_kdump(struct iommu_scan *s)
{
	kdump_attr_t attr = { .type = KDUMP_BITMAP };
	uint64_t *buf = malloc(MEM_PAGE_SIZE);
	kdump_num_t page_shift;
	kdump_addr_t pfn = 0;
	unsigned int split;
	kdump_bmp_t *bmp;
	int r = 0;

	if (!buf)
		return -ENOMEM;
	if (kdump_get_number_attr(s->dump->kdump, KDUMP_ATTR_PAGE_SHIFT, &page_shift) != KDUMP_OK ||
	    page_shift < MEM_PAGE_SHIFT || page_shift > 30 ||
	    kdump_get_typed_attr(s->dump->kdump, KDUMP_ATTR_FILE_PAGEMAP, &attr) != KDUMP_OK) {
		free(buf);
		return -EIO;
	}
	split = (unsigned int)page_shift - MEM_PAGE_SHIFT;
	bmp = attr.val.bitmap;
	kdump_bmp_incref(bmp);
	while (r >= 0 && pfn <= UINT64_MAX >> page_shift &&
	       kdump_bmp_find_set(bmp, &pfn) == KDUMP_OK) {
		for (uint64_t sub = 0; r >= 0 && sub < (uint64_t)1 << split; sub++) {
			uint64_t small = (pfn << split) + sub;

			if (mem_kdump_read_page(s->dump, small, (uint8_t *)buf) == 0)
				r = scan_page(s, small << MEM_PAGE_SHIFT, buf);
		}
		if (pfn == UINT64_MAX)
			break;
		pfn++;
	}
	kdump_bmp_decref(bmp);
	free(buf);
	return r;
}

int scan_pages(struct iommu_scan *s)
{
	for (unsigned int k = 0; k < ARRAY_SIZE(s->open); k++)
		s->open[k] = SCAN_NONE;
	return s->dump->segs ? scan_segments(s) : s->dump->kdump ? scan_kdump(s) : 0;
}
