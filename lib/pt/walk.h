/* SPDX-License-Identifier: MIT */
/*
 * One page-table walker for every format (the kernel's generic_pt idea): a
 * format is sizes in log2 and a few small operations on one entry, and the
 * walk, the enumeration and the trace are written once, here.  The walker
 * is inline so that each format's instantiation (a function in the format's
 * file passing its const format) gets its operations inlined: the generic
 * code costs nothing at run time.
 */
#ifndef LIBIOMMU_WALK_H
#define LIBIOMMU_WALK_H

#include "mem/mem.h"

#define WALK_MAX_LEVELS 6
#define WALK_MAX_STEPS 64

/* One entry read during a walk (the public walk steps). */
struct walk_step {
	uint64_t table;		/* physical address of the table */
	uint64_t words[8];	/* the entry */
	uint16_t index;
	uint8_t kind;		/* enum iommu_step_kind */
	uint8_t level;		/* page-table level, 0 for other structures */
	uint8_t nwords;
	bool nested;		/* second-stage walk of a first-stage table address */
};

struct walk_trace {
	struct walk_step steps[WALK_MAX_STEPS];
	unsigned int n;
	bool nested;		/* steps added now belong to a nested walk */
};

static inline struct walk_step *trace_add(struct walk_trace *t, enum iommu_step_kind kind,
					  unsigned int level, uint64_t table, unsigned int index)
{
	struct walk_step *s;

	if (!t || t->n >= WALK_MAX_STEPS)
		return NULL;
	s = &t->steps[t->n++];
	s->table = table;
	s->index = (uint16_t)index;
	s->kind = (uint8_t)kind;
	s->level = (uint8_t)level;
	s->nwords = 0;
	s->nested = t->nested;
	return s;
}

static inline void step_set_words(struct walk_step *s, const uint64_t *words, unsigned int n)
{
	if (!s)
		return;
	for (unsigned int i = 0; i < n; i++)
		s->words[i] = words[i];
	s->nwords = (uint8_t)n;
}

/* The public struct iommu_xlate: one translation's outcome, for every kind of unit. */
struct iommu_xlate {
	int refcount;
	enum iommu_xlate_status status;
	uint64_t phys, page_size, missing;
	unsigned int perm, fr;
	int did;
	uint32_t pasid;
	const char *mode;
	const char *note;
	bool suppressed;
	char detail[192];
	struct walk_trace trace;
	uint64_t record[4];		/* SMMUv3 and AMD-Vi: the event record */
	unsigned int nrecord;
	uint64_t contig;		/* SMMUv3: contiguous-hint span */
};

struct pt_cfg;

/* A page-table format: sizes in log2, and what one entry says. */
struct pt_format {
	const char *name;
	const char *spec;		/* the specification section it implements */
	uint8_t page_shift;		/* the smallest page: 12 */
	uint8_t level_bits;		/* index bits per level: 9 */
	uint8_t entry_shift;		/* entry size: 3 (8 bytes) */
	uint8_t step_kind;		/* enum iommu_step_kind of its entries */
	bool perm_before_reserved;	/* its present bits are permissions: check them first */
	/* The entry points somewhere (second stage: R or W; x86 paging: P). */
	bool (*present)(uint64_t e);
	/* A present entry above level 1 maps a page (level 1 entries always do). */
	bool (*is_block)(uint64_t e, unsigned int level);
	/* The next table, or the page's base, as the entry gives it. */
	uint64_t (*addr)(uint64_t e, unsigned int level, bool leaf);
	/* Reserved bits set in a present entry, 0 when none. */
	uint64_t (*reserved)(uint64_t e, unsigned int level, bool leaf, const struct pt_cfg *cfg);
	/* IOMMU_PERM_* this entry grants (the walk ANDs them down the levels). */
	unsigned int (*perm)(uint64_t e);
	/* Optional: what a table entry grants, when tables encode it differently (NULL: perm). */
	unsigned int (*table_perm)(uint64_t e, const struct pt_cfg *cfg);
	/* Optional: the level of the table a table entry points to (NULL: the next one down). */
	unsigned int (*next_level)(uint64_t e, unsigned int level);
	/* Optional: log2 of the page a leaf maps, when the entry encodes it (NULL: the level's). */
	unsigned int (*leaf_shift)(uint64_t e, unsigned int level);
	/* Permissions are checked once, at the leaf, with what the levels granted (Arm). */
	bool perm_at_leaf;
};

/* Format-specific configuration flags. */
#define PT_SNOOP_OK	(1u << 0)	/* second stage: SNP (bit 11) is defined (ECAP.SC) */
#define PT_STRICT	(1u << 1)	/* bits kernels are known to set are reserved too */
#define PT_NXE		(1u << 2)	/* first stage: XD (bit 63) is defined */
#define PT_LEGACY	(1u << 3)	/* second stage in legacy mode (TM, bit 62, defined) */

/* One walk's configuration: which format, how deep, what the hardware supports. */
struct pt_cfg {
	const struct pt_format *fmt;
	uint64_t root;			/* the top table */
	uint8_t levels;			/* levels of tables below the root pointer */
	uint8_t block_levels;		/* bit L: a page may be mapped at level L > 1 */
	uint8_t oa_bits;		/* output/table address width; higher bits are reserved */
	uint8_t top_bits;		/* index bits of the top table, 0: level_bits (concatenated tables) */
	unsigned int flags;		/* PT_* */
};

static inline unsigned int pt_shift(const struct pt_format *f, unsigned int level)
{
	return f->page_shift + f->level_bits * (level - 1);
}

/* Index bits of the table at LEVEL. */
static inline unsigned int pt_index_bits(const struct pt_format *f, const struct pt_cfg *cfg,
					 unsigned int level)
{
	return level == cfg->levels && cfg->top_bits ? cfg->top_bits : f->level_bits;
}

/* The address bits an entry gives (a table's, or a page's) beyond the output width. */
static inline uint64_t pt_oa_reserved(const struct pt_format *f, const struct pt_cfg *cfg,
				      uint64_t e, unsigned int level, bool leaf)
{
	uint64_t addr;

	if (cfg->oa_bits >= 64)
		return 0;
	addr = f->addr(e, level, leaf);
	return addr & ~((1ULL << cfg->oa_bits) - 1);
}

/* The level of the table entry E (at LEVEL) points to; LEVEL itself when that is no level below. */
static inline unsigned int pt_next_level(const struct pt_format *f, uint64_t e, unsigned int level)
{
	unsigned int next = f->next_level ? f->next_level(e, level) : level - 1;

	return next >= 1 && next < level ? next : level;
}

/* Input bits the levels between LEVEL and NEXT would have translated: they must be zero. */
static inline uint64_t pt_skipped_bits(const struct pt_format *f, unsigned int level,
				       unsigned int next)
{
	return ((1ULL << pt_shift(f, level)) - 1) & ~((1ULL << pt_shift(f, next + 1)) - 1);
}

/* Why a walk stopped. */
enum pt_stop {
	PT_OK,
	PT_NOT_PRESENT,		/* at pt_out.level */
	PT_RESERVED,		/* reserved bits pt_out.rsvd in the entry at pt_out.level */
	PT_DENIED,		/* the permissions granted so far lack pt_out.denied */
	PT_NO_DATA,		/* the table at pt_out.missing is not in the dump */
	PT_TABLE_FAULT,		/* nested: translating a table address faulted */
	PT_SKIPPED,		/* input bits pt_out.rsvd of skipped levels are set (AMD-Vi) */
};

struct pt_out {
	enum pt_stop stop;
	unsigned int level;	/* where it stopped, or the leaf's level */
	uint64_t entry;		/* the entry there */
	uint64_t oa;		/* PT_OK: the output address */
	unsigned int page_shift;
	unsigned int perm;	/* permissions granted down to here */
	unsigned int denied;	/* PT_DENIED: IOMMU_PERM_* missing */
	uint64_t rsvd;
	uint64_t missing;
	uint64_t table;		/* the table read last */
};

/*
 * Nested translation: O, the second stage's walk of the address the first
 * stage put in X, completes X: O's output, what both stages grant (the
 * first stage's user bit kept), the smaller of the two pages.
 */
static inline void xlate_second_stage(struct iommu_xlate *x, const struct pt_out *o)
{
	x->phys = o->oa;
	x->perm &= o->perm | IOMMU_PERM_USER;
	if ((1ULL << o->page_shift) < x->page_size)
		x->page_size = 1ULL << o->page_shift;
}

/*
 * Nested translation: every table address a walk reads is first passed to
 * FN (the second-stage walk), which returns 0 and the host address, or a
 * negative value and leaves its reason in its own state.  WRITE asks for a
 * writable translation (the hardware updates A/D bits there).
 */
struct pt_nest {
	int (*fn)(struct pt_nest *nest, uint64_t gpa, unsigned int level, bool write,
		  uint64_t *ret_hpa);
};

/* Where a walk is: the table it reads next, at which level, what the levels above granted. */
struct pt_walk_state {
	uint64_t table;
	unsigned int level, perm;
	const uint8_t *entry;	/* pt_walk_many: the next entry's bytes, if in the hot range */
};

static inline void pt_walk_start(const struct pt_cfg *cfg, struct pt_walk_state *w)
{
	w->table = cfg->root;
	w->level = cfg->levels;
	w->perm = ~0u;
	w->entry = NULL;
}

/* The physical address of the entry the walk's next step reads (to prefetch it). */
static inline uint64_t pt_walk_next_entry(const struct pt_format *f, const struct pt_cfg *cfg,
					  const struct pt_walk_state *w, uint64_t in)
{
	unsigned int bits = pt_index_bits(f, cfg, w->level);

	return w->table + (((in >> pt_shift(f, w->level)) & ((1ULL << bits) - 1)) << f->entry_shift);
}

/*
 * One level of the walk of CFG (of format F, passed as a constant so that
 * its operations are inlined) for input address IN: true when it goes on to
 * W's next table, false when it stopped, O saying why (PT_OK at the leaf).
 * REQ is the IOMMU_PERM_* the request needs at every level; AD_WRITE
 * (nested only) says which entries the hardware would have to write back
 * (A clear, or D clear on a written leaf), which asks the nest for a
 * writable table.  Entries are recorded in T (may be NULL).  The walks of
 * several addresses stepped in turn overlap their memory loads.  W->entry,
 * when set, holds the entry's bytes (found when they were prefetched).
 */
static inline __attribute__((always_inline)) bool
pt_walk_step(const struct pt_format *f, struct iommu_dump *d, const struct pt_cfg *cfg,
	     uint64_t in, unsigned int req, struct pt_nest *nest,
	     bool (*ad_write)(uint64_t e, bool leaf, unsigned int req), struct walk_trace *t,
	     struct pt_out *o, struct pt_walk_state *w)
{
	uint64_t table = w->table;
	unsigned int perm = w->perm, level = w->level;
	unsigned int shift = pt_shift(f, level), bits = pt_index_bits(f, cfg, level), next;
	unsigned int index = (unsigned int)(in >> shift) & ((1u << bits) - 1);
	uint64_t at = table + ((uint64_t)index << f->entry_shift), host = at, e;
	struct walk_step *s;
	bool leaf;

	o->level = level;
	o->table = table;
	if (nest && nest->fn(nest, at, level, false, &host) < 0) {
		o->stop = PT_TABLE_FAULT;
		return false;
	}
	if (!nest && w->entry)
		e = mem_le64(w->entry);
	else if (mem_load64(d, host, &e) < 0) {
		o->stop = PT_NO_DATA;
		o->missing = host & ~(uint64_t)(MEM_PAGE_SIZE - 1);
		return false;
	}
	s = trace_add(t, (enum iommu_step_kind)f->step_kind, level, table, index);
	step_set_words(s, &e, 1);
	o->entry = e;
	if (!f->present(e)) {
		o->stop = PT_NOT_PRESENT;
		o->perm = 0;
		return false;
	}
	leaf = level == 1 || ((cfg->block_levels >> level) & 1 && f->is_block(e, level));
	if (f->perm_before_reserved && (f->perm(e) & req) != req) {
		o->perm = perm & f->perm(e);
		o->denied = req & ~f->perm(e);
		o->stop = PT_DENIED;
		return false;
	}
	/* A block bit where no block may sit is a reserved bit. */
	o->rsvd = f->reserved(e, level, leaf, cfg) | pt_oa_reserved(f, cfg, e, level, leaf);
	if (!leaf && level > 1 && f->is_block(e, level))
		o->rsvd |= 1ULL << 7;
	next = leaf ? 0 : pt_next_level(f, e, level);
	if (!o->rsvd && !leaf && next == level)
		o->rsvd = e;	/* no table below: the format's reserved() should have said why */
	if (o->rsvd) {
		o->stop = PT_RESERVED;
		return false;
	}
	perm &= leaf || !f->table_perm ? f->perm(e) : f->table_perm(e, cfg);
	if ((leaf || !f->perm_at_leaf) && (perm & req) != req) {
		o->perm = perm;
		o->denied = req & ~perm;
		o->stop = PT_DENIED;
		return false;
	}
	if (nest && ad_write && ad_write(e, leaf, req) &&
	    nest->fn(nest, at, level, true, &host) < 0) {
		o->stop = PT_TABLE_FAULT;
		return false;
	}
	if (leaf) {
		shift = f->leaf_shift ? f->leaf_shift(e, level) : shift;
		o->page_shift = shift;
		o->oa = f->addr(e, level, true) | (in & ((1ULL << shift) - 1));
		o->perm = perm;
		o->stop = PT_OK;
		return false;
	}
	if (next < level - 1 && (in & pt_skipped_bits(f, level, next))) {
		o->rsvd = in & pt_skipped_bits(f, level, next);
		o->stop = PT_SKIPPED;
		return false;
	}
	w->table = f->addr(e, level, false);
	w->level = next;
	w->perm = perm;
	return true;
}

/* The whole walk of CFG for IN: pt_walk_step() level by level. */
static inline __attribute__((always_inline)) void
pt_walk(const struct pt_format *f, struct iommu_dump *d, const struct pt_cfg *cfg, uint64_t in,
	unsigned int req, struct pt_nest *nest,
	bool (*ad_write)(uint64_t e, bool leaf, unsigned int req), struct walk_trace *t,
	struct pt_out *o)
{
	struct pt_walk_state w;

	pt_walk_start(cfg, &w);
	while (w.level >= 1)
		if (!pt_walk_step(f, d, cfg, in, req, nest, ad_write, t, o, &w))
			return;
	o->stop = PT_NOT_PRESENT;	/* levels == 0: nothing to walk */
}

/*
 * One round of pt_walk_many(): the walks in AT[LEVEL] take their step at
 * LEVEL (a constant where it is inlined, so that what depends only on the
 * level folds away) and prefetch the entry each reads next.  A step that
 * goes on to the next level down depends only on the entry and the
 * permissions granted above (not on the address, when no level is skipped):
 * the round remembers the last one, and a walk meeting the same entry with
 * the same permissions takes the same step without checking it again.
 */
static inline __attribute__((always_inline)) void
pt_walk_round(const struct pt_format *f, struct iommu_dump *d, const struct pt_cfg *c,
	      const struct mem_hot *hot, const uint64_t *in, unsigned int req, struct pt_out *o,
	      struct pt_walk_state *w, uint64_t *at, unsigned int level)
{
	uint64_t memo_entry = 0, memo_table = 0;
	unsigned int memo_perm_in = 0, memo_perm = 0;
	bool memo = false;

	for (uint64_t m = at[level]; m; m &= m - 1) {
		unsigned int j = (unsigned int)__builtin_ctzll(m);
		struct pt_walk_state s = w[j];

		if (memo && s.entry && mem_le64(s.entry) == memo_entry && s.perm == memo_perm_in) {
			s.table = memo_table;
			s.level = level - 1;
			s.perm = memo_perm;
		} else {
			struct pt_out out = { .stop = PT_OK };	/* O[J] is written once, at the end */
			unsigned int perm_in = s.perm;

			s.level = level;
			if (!pt_walk_step(f, d, c, in[j], req, NULL, NULL, NULL, &out, &s)) {
				o[j] = out;
				continue;
			}
			if (s.level == level - 1 && s.entry) {
				memo = true;
				memo_entry = out.entry;
				memo_perm_in = perm_in;
				memo_table = s.table;
				memo_perm = s.perm;
			}
		}
		/* pt_next_level() only goes down: the walk is met again in a later round. */
		s.entry = mem_hot_ptr(hot, pt_walk_next_entry(f, c, &s, in[j]), 8);
		if (s.entry)
			__builtin_prefetch(s.entry);
		w[j] = s;
		at[s.level] |= 1ULL << j;
	}
}

/*
 * Walk N (at most 64) addresses at once, a level at a time from the top:
 * each walk at that level takes its step and prefetches the entry it reads
 * next, so the memory loads of the N walks overlap, as a CPU overlaps
 * independent loads.  No nesting, no trace.
 */
static inline __attribute__((always_inline)) void
pt_walk_many(const struct pt_format *f, struct iommu_dump *d, const struct pt_cfg *cfg,
	     const uint64_t *in, unsigned int n, unsigned int req, struct pt_out *o)
{
	/* Local copies: stores to O cannot change them, so they stay in registers. */
	const struct pt_cfg c = *cfg;
	struct mem_hot hot;
	struct pt_walk_state w[64];
	uint64_t at[WALK_MAX_LEVELS + 1] = { 0 };	/* bit J: walk J's next step is at this level */

	if (c.levels < 1 || c.levels > WALK_MAX_LEVELS) {
		for (unsigned int j = 0; j < n && j < 64; j++)
			o[j].stop = PT_NOT_PRESENT;
		return;
	}
	mem_hot_get(d, &hot);
	for (unsigned int j = 0; j < n && j < 64; j++) {
		pt_walk_start(&c, &w[j]);
		w[j].entry = mem_hot_ptr(&hot, pt_walk_next_entry(f, &c, &w[j], in[j]), 8);
		at[c.levels] |= 1ULL << j;
	}
	for (unsigned int level = c.levels; level >= 1; level--) {
		switch (level) {
#define PT_ROUND(l) case l: pt_walk_round(f, d, &c, &hot, in, req, o, w, at, l); break
		PT_ROUND(1); PT_ROUND(2); PT_ROUND(3); PT_ROUND(4); PT_ROUND(5); PT_ROUND(6);
#undef PT_ROUND
		}
	}
}

/* ---- enumeration -------------------------------------------------------- */

/* What an enumeration reports: a run of leaves, a missing table, an invalid entry. */
struct pt_run {
	enum iommu_mapping_kind kind;
	uint64_t iova, size, phys, page_size, leaves, missing, entry;
	unsigned int perm, level;
	uint64_t path[WALK_MAX_LEVELS];	/* per-leaf mode: entries from the top */
	unsigned int path_levels;
};

struct pt_enum {
	struct iommu_dump *d;
	const struct pt_cfg *cfg;
	bool leaves;			/* one report per leaf, with its path */
	/*
	 * Nested first stage: translate a table's address (NULL: identity),
	 * and split an output range through the second stage.
	 */
	int (*table_addr)(struct pt_enum *e, uint64_t gpa, uint64_t *ret_hpa);
	int (*emit)(struct pt_enum *e, const struct pt_run *run);
	struct pt_run run;		/* the run being grown */
	bool open;
	int stop;			/* non-zero: emit asked to stop, or -ELOOP */
	uint64_t path[WALK_MAX_LEVELS];
	uint64_t tables[WALK_MAX_LEVELS + 1];	/* the table being read at each level */
	uint64_t visited;		/* tables entered so far */
};

/*
 * Tables an enumeration may enter: far more than any real domain has (each is
 * a page of the dump), far fewer than tables that point back at themselves
 * or at one shared table from every entry would make it enter (512^levels).
 */
#define PT_ENUM_MAX_TABLES (1u << 20)

static inline int pt_enum_flush(struct pt_enum *e)
{
	if (e->open) {
		e->open = false;
		e->stop = e->emit(e, &e->run);
	}
	return e->stop;
}

static inline int pt_enum_report(struct pt_enum *e, const struct pt_run *r)
{
	if (pt_enum_flush(e))
		return e->stop;
	e->stop = e->emit(e, r);
	return e->stop;
}

/* One leaf: STEP bytes of IOVA from IOVA (the entry's share) of a page of 2^PAGE_SHIFT bytes. */
static inline __attribute__((always_inline)) void
pt_enum_leaf(struct pt_enum *e, uint64_t iova, uint64_t phys, unsigned int step_shift,
	     unsigned int page_shift, unsigned int perm, unsigned int level)
{
	struct pt_run *r = &e->run;
	uint64_t size = 1ULL << step_shift, page = 1ULL << page_shift;

	if (!e->leaves && e->open && r->iova + r->size == iova && r->phys + r->size == phys &&
	    r->perm == perm && r->page_size == page) {
		r->size += size;
		r->leaves++;
		return;
	}
	if (pt_enum_flush(e))
		return;
	/* Field by field: zeroing the whole run (its path) per leaf costs more than the walk. */
	r->kind = IOMMU_MAPPING_MAPPED;
	r->iova = iova;
	r->size = size;
	r->phys = phys;
	r->page_size = page;
	r->leaves = 1;
	r->perm = perm;
	r->level = level;
	r->missing = r->entry = 0;
	r->path_levels = 0;
	if (e->leaves) {
		unsigned int top = e->cfg->levels;

		r->path_levels = top - level + 1;
		for (unsigned int i = 0; i < r->path_levels; i++)
			r->path[i] = e->path[i];
	}
	e->open = true;
}

typedef void (*pt_enum_fn)(struct pt_enum *e, uint64_t table, unsigned int level, uint64_t base,
			   unsigned int perm);

/* IOVA bytes N entries of 2^SHIFT bytes cover from BASE, without wrapping past 2^64. */
static inline uint64_t pt_span(uint64_t base, uint64_t n, unsigned int shift)
{
	return shift >= 64 || n > (~0ULL >> shift) ? ~0ULL - base : n << shift;
}

/* Report the whole of what a table covers as one run of KIND (missing, unreachable). */
static inline void pt_enum_table_run(struct pt_enum *e, enum iommu_mapping_kind kind, uint64_t base,
				     uint64_t n, unsigned int shift, uint64_t missing,
				     unsigned int level)
{
	struct pt_run r = { .kind = kind, .iova = base, .size = pt_span(base, n, shift),
			    .missing = missing, .level = level };

	pt_enum_report(e, &r);
}

/* Is TABLE one of those being read, from LEVEL up to TOP? */
static inline bool pt_enum_is_ancestor(const struct pt_enum *e, uint64_t table, unsigned int level,
				       unsigned int top)
{
	for (unsigned int l = level; l <= top && l <= WALK_MAX_LEVELS; l++)
		if (e->tables[l] == (table & ~7ULL))
			return true;
	return false;
}

/*
 * Enumerate the table at TABLE (level LEVEL) mapping IOVAs from BASE, with
 * the permissions PERM granted above.  A format instantiates it as a
 * function RECURSE passing its constant F; the recursion (through RECURSE)
 * is bounded by the levels, which only go down.  Tables larger than a page
 * (16K and 64K granules, concatenated top tables) are read a page at a time.
 */
static inline __attribute__((always_inline)) void
pt_enum_table(const struct pt_format *f, pt_enum_fn recurse, struct pt_enum *e, uint64_t table,
	      unsigned int level, uint64_t base, unsigned int perm)
{
	const struct pt_cfg *cfg = e->cfg;
	unsigned int shift = pt_shift(f, level), bits = pt_index_bits(f, cfg, level);
	uint64_t n = 1ULL << bits, count;
	uint8_t copy[MEM_PAGE_SIZE];

	/* Entries past 2^64 of IOVA cannot be reached (AMD-Vi's 6-level top). */
	if (shift + bits > 64)
		n = 1ULL << (64 - shift);
	table &= ~((1ULL << f->entry_shift) - 1);
	if (level <= WALK_MAX_LEVELS)
		e->tables[level] = table;
	for (uint64_t first = 0; first < n && !e->stop; first += count) {
		uint64_t at = table + (first << f->entry_shift), host = at;
		uint64_t room = (MEM_PAGE_SIZE - (at & (MEM_PAGE_SIZE - 1))) >> f->entry_shift;
		uint64_t chunk_base = base + (first << shift);
		const uint8_t *p;

		/* One page at a time: a table's pages need not be together in the dump. */
		count = n - first < room ? n - first : room;

		if (e->table_addr && e->table_addr(e, at, &host) < 0) {
			/* The table itself cannot be reached: everything below faults. */
			pt_enum_table_run(e, IOMMU_MAPPING_INVALID, chunk_base, count, shift, at, level);
			continue;
		}
		p = mem_ptr(e->d, host, (size_t)count << f->entry_shift);
		if (!p) {
			pt_enum_table_run(e, IOMMU_MAPPING_NOT_IN_DUMP, chunk_base, count, shift, host,
					  level);
			continue;
		}
		/* A compressed dump's page may be evicted while we recurse: copy it. */
		if (!e->d->segs) {
			memcpy(copy, p, (size_t)count << f->entry_shift);
			p = copy;
		}
		for (unsigned int i = 0; i < count && !e->stop; i++) {
			uint64_t ent = mem_le64(p + ((size_t)i << f->entry_shift));
			uint64_t iova = chunk_base + ((uint64_t)i << shift), rsvd;
			unsigned int next;
			bool leaf;

			if (!f->present(ent))
				continue;
			leaf = level == 1 ||
			       ((cfg->block_levels >> level) & 1 && f->is_block(ent, level));
			rsvd = f->reserved(ent, level, leaf, cfg) |
			       pt_oa_reserved(f, cfg, ent, level, leaf);
			if (!leaf && level > 1 && f->is_block(ent, level))
				rsvd |= 1ULL << 7;
			next = leaf ? 0 : pt_next_level(f, ent, level);
			if (!leaf && next == level)
				rsvd |= ent;
			e->path[cfg->levels - level] = ent;
			if (rsvd) {
				struct pt_run r = { .kind = IOMMU_MAPPING_INVALID, .iova = iova,
						    .size = pt_span(iova, 1, shift), .entry = ent,
						    .level = level };

				pt_enum_report(e, &r);
				continue;
			}
			if (leaf) {
				unsigned int granted = perm & f->perm(ent);
				unsigned int page = f->leaf_shift ? f->leaf_shift(ent, level) : shift;
				uint64_t phys = f->addr(ent, level, true) |
						(iova & ((1ULL << page) - 1));

				if (granted & (IOMMU_PERM_READ | IOMMU_PERM_WRITE))
					pt_enum_leaf(e, iova, phys, shift, page, granted, level);
				continue;
			}
			/* A table that holds itself, or an ancestor, is a loop: invalid. */
			if (pt_enum_is_ancestor(e, f->addr(ent, level, false), level, cfg->levels)) {
				struct pt_run r = { .kind = IOMMU_MAPPING_INVALID, .iova = iova,
						    .size = pt_span(iova, 1, shift), .entry = ent,
						    .level = level };

				pt_enum_report(e, &r);
				continue;
			}
			if (++e->visited > PT_ENUM_MAX_TABLES) {
				e->stop = -ELOOP;
				break;
			}
			/* Skipped levels translate nothing: their entries' paths hold none. */
			for (unsigned int l = level - 1; l > next; l--) {
				e->path[cfg->levels - l] = 0;
				e->tables[l] = UINT64_MAX;
			}
			recurse(e, f->addr(ent, level, false), next, iova,
				perm & (f->table_perm ? f->table_perm(ent, cfg) : f->perm(ent)));
		}
	}
}


/* ---- nested enumeration and reverse look-up ------------------------------ */

/*
 * A nested enumeration: the runs of the first stage (IOVA -> guest
 * physical) are cut by the second stage into runs of host physical
 * addresses, merged back into maximal runs, and handed to DELIVER.  The
 * user sets e.emit = pt_nested_emit, e.table_addr to translate first-stage
 * table addresses, SECOND to walk the second stage (permissions: USER is
 * the first stage's to give) and SPAN for the bytes a second-stage stop at
 * a level covers.
 */
struct pt_nested {
	struct pt_enum e;
	void (*second)(struct pt_nested *n, uint64_t gpa, struct pt_out *o);
	uint64_t (*span)(struct pt_nested *n, unsigned int level);
	int (*deliver)(struct pt_nested *n, const struct pt_run *run);
	struct pt_run pending;
	bool open;
};

static inline int pt_nested_piece(struct pt_nested *n, const struct pt_run *p)
{
	struct pt_run *q = &n->pending;
	int r;

	if (!n->e.leaves && n->open && p->kind == IOMMU_MAPPING_MAPPED &&
	    q->kind == IOMMU_MAPPING_MAPPED && q->iova + q->size == p->iova &&
	    q->phys + q->size == p->phys && q->perm == p->perm && q->page_size == p->page_size) {
		q->size += p->size;
		q->leaves += p->leaves;
		return 0;
	}
	if (n->open) {
		n->open = false;
		r = n->deliver(n, q);
		if (r)
			return r;
	}
	*q = *p;
	n->open = true;
	return 0;
}

static inline int pt_nested_emit(struct pt_enum *e, const struct pt_run *run)
{
	struct pt_nested *n = (struct pt_nested *)e;
	uint64_t done = 0;
	int r;

	if (run->kind != IOMMU_MAPPING_MAPPED)
		return pt_nested_piece(n, run);
	while (done < run->size) {
		uint64_t gpa = run->phys + done, step;
		struct pt_out o = { 0 };
		struct pt_run p = *run;

		n->second(n, gpa, &o);
		if (o.stop == PT_OK) {
			uint64_t ss_size = 1ULL << o.page_shift;

			step = ss_size - (gpa & (ss_size - 1));
			p.phys = o.oa;
			p.perm = run->perm & (o.perm | IOMMU_PERM_USER);
			p.page_size = run->page_size < ss_size ? run->page_size : ss_size;
		} else {
			step = n->span(n, o.level);
			step -= gpa & (step - 1);
			p.kind = o.stop == PT_NO_DATA ? IOMMU_MAPPING_NOT_IN_DUMP : IOMMU_MAPPING_INVALID;
			p.missing = o.missing;
			p.entry = o.entry;
		}
		if (!step || step > run->size - done)
			step = run->size - done;
		p.iova = run->iova + done;
		p.size = step;
		p.leaves = 1;
		done += step;
		/* An address the second stage does not map is not mapped: no run. */
		if (o.stop == PT_NOT_PRESENT)
			continue;
		r = pt_nested_piece(n, &p);
		if (r)
			return r;
	}
	return 0;
}

/* After the walk: hand over the run still being merged. */
static inline int pt_nested_finish(struct pt_nested *n)
{
	pt_enum_flush(&n->e);
	if (!n->e.stop && n->open) {
		n->open = false;
		n->e.stop = n->deliver(n, &n->pending);
	}
	return n->e.stop;
}

#endif
