// SPDX-License-Identifier: MIT
/*
 * Scoring a candidate table from what its address spaces come to when the
 * unit's own code resolves them: entries the hardware would accept or
 * refuse, distinct domains, and whether the top page table of each space
 * is in the dump with well-formed entries (the format's own checks, as the
 * walker makes them).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "scan/scan.h"

void scan_evidence(struct scan_cand *c, const char *fmt, ...)
{
	va_list ap;
	char *text;

	if (c->nevidence >= SCAN_EVIDENCE)
		return;
	va_start(ap, fmt);
	if (vasprintf(&text, fmt, ap) >= 0)
		c->evidence[c->nevidence++] = text;
	va_end(ap);
}

static void tally_domain(struct scan_tally *t, int domain)
{
	for (unsigned int i = 0; i < t->ndomains; i++)
		if (t->domains[i] == domain)
			return;
	if (t->ndomains < ARRAY_SIZE(t->domains))
		t->domains[t->ndomains++] = domain;
	else
		t->more_domains = true;
}

/*
 * The top table of a walk: 1 when it is in the dump, has entries in use and
 * every one is well formed (no reserved bits, an address the output width
 * holds, a next table in the dump); -1 when not; 0 when it is empty.
 */
static int top_table(struct iommu_dump *d, const struct pt_cfg *cfg)
{
	const struct pt_format *f = cfg->fmt;
	unsigned int level = cfg->levels, n = 1u << pt_index_bits(f, cfg, level), used = 0;

	for (unsigned int i = 0; i < n; i++) {
		uint64_t e;
		bool leaf;

		if (mem_load64(d, cfg->root + ((uint64_t)i << f->entry_shift), &e) < 0)
			return -1;
		if (!f->present(e))
			continue;
		used++;
		leaf = level == 1 || f->is_block(e, level);
		if (f->reserved(e, level, leaf, cfg) || pt_oa_reserved(f, cfg, e, level, leaf))
			return -1;
		if (!leaf && !mem_ptr(d, f->addr(e, level, false), 8))
			return -1;
	}
	return used ? 1 : 0;
}

bool scan_tally_space(struct scan_tally *t, enum iommu_xlate_status status, const char *who,
		      const char *detail, const struct pt_cfg *top, int domain)
{
	t->spaces++;
	switch (status) {
	case IOMMU_XLATE_OK:
		t->ok++;
		break;
	case IOMMU_XLATE_FAULT:
	case IOMMU_XLATE_UNSUPPORTED:
		if (!t->faults++)
			snprintf(t->first_fault, sizeof(t->first_fault), "%s: %s", who, detail);
		break;
	case IOMMU_XLATE_BLOCKED:
		t->blocked++;
		break;
	case IOMMU_XLATE_NOT_IN_DUMP:
		t->missing++;
		break;
	}
	/* A space translates when its top table is sound (checked once per table). */
	if (status == IOMMU_XLATE_OK && top && top->levels) {
		int r = 2;

		for (unsigned int i = 0; i < t->nroots && r == 2; i++)
			if (t->roots[i] == top->root)
				r = t->root_verdict[i];
		if (r == 2) {
			r = top_table(t->dump, top);
			t->tables += r > 0;
			t->bad_tables += r < 0;
			if (t->nroots < ARRAY_SIZE(t->roots)) {
				t->roots[t->nroots] = top->root;
				t->root_verdict[t->nroots++] = (signed char)r;
			}
		}
		if (r >= 0) {
			t->translating++;
			if (domain >= 0)
				tally_domain(t, domain);
		}
	}
	if (t->budget)
		t->budget--;
	return t->budget > 0;
}

static unsigned int cap(uint64_t v, unsigned int max)
{
	return v < max ? (unsigned int)v : max;
}

/*
 * Entries that translate count most, with their domains and good top
 * tables; entries accepted without tables to walk (bypass, pass-through)
 * and well-formed tables in between a little, as entries in use do;
 * refused entries, bad tables and malformed tables in between count
 * against.  Each term is capped, so that no one kind of evidence outweighs
 * the others.
 */
int scan_tally_score(const struct scan_tally *t, uint64_t entries)
{
	return 15 * (int)cap(t->translating, 40) + 2 * (int)cap(t->ok - t->translating, 50) +
	       10 * (int)cap(t->ndomains, 20) + 20 * (int)cap(t->tables, 20) + (int)cap(entries, 20) +
	       5 * (int)cap(t->good_structures, 20) - 20 * (int)cap(t->faults, 50) -
	       20 * (int)cap(t->bad_tables, 50) - 5 * (int)cap(t->missing, 50) -
	       50 * (int)cap(t->bad_structures, 20);
}

/* "1, 2, 5, ..." into BUF. */
static const char *domains_text(const struct scan_tally *t, char *buf, size_t size)
{
	size_t at = 0;

	buf[0] = 0;
	for (unsigned int i = 0; i < t->ndomains && i < 8 && at < size; i++)
		at += (size_t)snprintf(buf + at, size - at, "%s%d", i ? ", " : "", t->domains[i]);
	if ((t->ndomains > 8 || t->more_domains) && at < size)
		snprintf(buf + at, size - at, ", ...");
	return buf;
}

void scan_tally_evidence(struct scan_cand *c, const struct scan_tally *t, const char *structures,
			 const char *spaces)
{
	char doms[96];

	if (structures && (t->good_structures || t->bad_structures))
		scan_evidence(c, "%u %s with every entry well formed, %u not", t->good_structures,
			      structures, t->bad_structures);
	scan_evidence(c, "%u %s: %u accepted by the hardware's checks (%u translating), %u refused, %u blocked, %u not in the dump%s",
		      t->spaces, spaces, t->ok, t->translating, t->faults, t->blocked, t->missing,
		      t->budget ? "" : " (looked no further)");
	if (t->faults)
		scan_evidence(c, "first refused: %s", t->first_fault);
	if (t->ndomains)
		scan_evidence(c, "%u%s domains (%s)", t->ndomains, t->more_domains ? "+" : "",
			      domains_text(t, doms, sizeof(doms)));
	if (t->tables || t->bad_tables)
		scan_evidence(c, "%u top-level page tables in the dump with well-formed entries, %u not",
			      t->tables, t->bad_tables);
	c->ok = t->ok;
	c->translating = t->translating;
	c->domains = t->ndomains;
	c->tables = t->tables;
}
