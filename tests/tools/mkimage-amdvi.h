/* SPDX-License-Identifier: MIT */
/*
 * Build AMD-Vi structures in a mkimage image from a short description: the
 * device table, DTEs, v1 host page tables (1 to 6 levels, skipped levels,
 * pages of every level's size and Next Level 7 sizes), GCR3 tables and v2
 * guest tables (the x86-64 format).  Test code with its own encoders and
 * its own table descent (nothing shared with the library), so that what the
 * description says is an independent expectation.  Layouts: AMD IOMMU 48882
 * §2.2.
 *
 * Description (after a first line "amdvi ..."; numbers as mkimage.h):
 *
 *   amdvi [pages=N] [tables-at=ADDR]
 *   dte BDF [invalid] [notv] [mode=0..7] [domain=N] [perm=r|w|rw|none] [sa]
 *       [gv] [giov] [glx=0..3] [gpt=4|5] [guest-tables=rw|ro|none]
 *   gcr3 BDF PASID [invalid]
 *   map BDF[/PASID] IOVA PHYS SIZE [page=SIZE] [perm=r|w|rw] [user] [skip=N]
 *   poke dte BDF WORD or|and|set VALUE | poke gcr3 BDF PASID 0 or|and|set VALUE
 *   poke entry BDF[/PASID] IOVA LEVEL 0 or|and|set VALUE
 *   drop table BDF[/PASID] IOVA LEVEL | drop page ADDR
 *
 * "map BDF" maps the host tables, "map BDF/PASID" that PASID's guest tables.
 * A page size between two levels' is a Next Level 7 page, replicated in
 * every entry it covers.  skip=N makes the top PDE skip N levels.  With
 * guest tables over host tables (nested), the GCR3 and guest table pages are
 * mapped in the host tables at their own address, read-only or not at all
 * as guest-tables= says.
 */
#ifndef MKIMAGE_AMDVI_H
#define MKIMAGE_AMDVI_H

#include "mkimage-alloc.h"

#define AI_MAX 64
#define AI_ADDR 0x000ffffffffff000ULL

struct ai_dev {
	uint16_t devid;
	unsigned int mode, glx, gpt_levels;
	uint64_t dte, host_root, gcr3_root;
	bool valid, gv, giov;
	int guest_tables;		/* nested: 0 rw, 1 ro, 2 not mapped */
};

struct ai_guest {
	uint16_t devid;
	uint32_t pasid;
	uint64_t root;
};

struct ai_map {
	uint16_t devid;
	uint32_t pasid;			/* IMG_NO_PASID: the host tables */
	uint64_t iova, phys, size, page;
	unsigned int perm;		/* 1 read, 2 write, 4 user */
};

struct amd_img {
	struct img *m;
	uint64_t dev_table, reg;
	unsigned int pages;
	struct ai_dev devs[AI_MAX];
	size_t ndevs;
	struct ai_guest guests[AI_MAX];
	size_t nguests;
	struct ai_map *maps;
	size_t nmaps;
};

static inline struct ai_dev *ai_dev(struct amd_img *a, uint16_t devid)
{
	for (size_t i = 0; i < a->ndevs; i++)
		if (a->devs[i].devid == devid)
			return &a->devs[i];
	return NULL;
}

static inline struct ai_guest *ai_guest(struct amd_img *a, uint16_t devid, uint32_t pasid)
{
	for (size_t i = 0; i < a->nguests; i++)
		if (a->guests[i].devid == devid && a->guests[i].pasid == pasid)
			return &a->guests[i];
	return NULL;
}

/* ---- v1 host tables (48882 §2.2.3) ------------------------------------------ */

static inline unsigned int ai_shift(unsigned int level)
{
	return 12 + 9 * (level - 1);
}

/* The v1 entry for IN at LEVEL below a ROOT of LEVELS levels; creates tables when CREATE. */
static inline uint64_t *ai_v1_entry(struct amd_img *a, uint64_t root, unsigned int levels,
				    uint64_t in, unsigned int level, bool create, unsigned int skip)
{
	uint64_t table = root;

	for (unsigned int l = levels; l >= 1;) {
		uint64_t *e = img_word(a->m, table + 8 * ((in >> ai_shift(l)) & 511));
		unsigned int next;

		if (!e || l == level)
			return e;
		if (!(*e & 1)) {
			uint64_t t;

			if (!create)
				return NULL;
			t = img_page(a->m);
			if (!t)
				return NULL;
			/* PR, Next Level, IR and IW: the leaves decide the permissions. */
			next = l == levels && skip < l - 1 ? l - 1 - skip : l - 1;
			*e = t | 1 | (uint64_t)next << 9 | 3ULL << 61;
		}
		next = (unsigned int)(*e >> 9 & 7);
		if (next == 0 || next >= l)
			return NULL;	/* a leaf, or a poked entry */
		/* Below a PDE that skips levels, only addresses whose skipped bits are zero. */
		if (next < l - 1 && (in & ((1ULL << ai_shift(l)) - 1) & ~((1ULL << ai_shift(next + 1)) - 1)))
			return NULL;
		table = *e & AI_ADDR;
		l = next;
	}
	return NULL;
}

/* A v1 leaf: Next Level 0 for the level's own size, 7 with the size in the address bits. */
static inline uint64_t ai_v1_leaf(uint64_t phys, uint64_t page, unsigned int level, unsigned int perm)
{
	uint64_t e = phys | 1 | (perm & 1 ? 1ULL << 61 : 0) | (perm & 2 ? 1ULL << 62 : 0);
	unsigned int lg = (unsigned int)__builtin_ctzll(page);

	if (lg != ai_shift(level))
		e |= 7ULL << 9 | ((1ULL << (lg - 13)) - 1) << 12;
	return e;
}

/* ---- guest tables (x86-64) and the GCR3 table (48882 §2.2.6) ------------------ */

static inline int ai_host_identity(struct amd_img *a, struct ai_dev *d, uint64_t addr, unsigned int perm);

/* A guest structure page; nested, mapped in the host tables at its own address. */
static inline uint64_t ai_guest_page(struct amd_img *a, struct ai_dev *d)
{
	uint64_t t = img_page(a->m);

	if (t && d->mode && d->guest_tables != 2 &&
	    ai_host_identity(a, d, t, d->guest_tables == 1 ? 1 : 3) < 0)
		return 0;
	return t;
}

static inline uint64_t *ai_guest_entry(struct amd_img *a, struct ai_dev *d, uint64_t root,
				       uint64_t in, unsigned int level, bool create)
{
	uint64_t table = root;

	for (unsigned int l = d->gpt_levels;; l--) {
		uint64_t *e = img_word(a->m, table + 8 * ((in >> ai_shift(l)) & 511));

		if (!e || l == level)
			return e;
		if (!(*e & 1)) {
			uint64_t t;

			if (!create)
				return NULL;
			t = ai_guest_page(a, d);
			if (!t)
				return NULL;
			*e = t | 0x27;	/* P, R/W, U/S, A */
		}
		table = *e & AI_ADDR;
	}
}

static inline int ai_host_identity(struct amd_img *a, struct ai_dev *d, uint64_t addr, unsigned int perm)
{
	uint64_t *e = ai_v1_entry(a, d->host_root, d->mode, addr, 1, true, 0);

	if (!e)
		return img_fail(a->m, "no room for host tables");
	*e = ai_v1_leaf(addr, IMG_PAGE, 1, perm);
	return 0;
}

/* ---- statements ---------------------------------------------------------------- */

/* "BDF[/PASID]" */
static inline bool ai_target(const char *t, uint16_t *devid, uint32_t *pasid)
{
	bool ss;

	return img_target(t, devid, pasid, &ss) && !ss;
}

/* The words each statement takes after its positional ones (poke and drop: positional only). */
static inline int ai_check_words(struct img *m, char **argv, int argc)
{
	static const char *const header[] = { "pages", "tables-at", NULL };
	static const char *const dte[] = { "invalid", "notv", "mode", "domain", "perm", "sa", "gv",
					   "giov", "glx", "gpt", "guest-tables", NULL };
	static const char *const gcr3[] = { "invalid", NULL };
	static const char *const map[] = { "page", "perm", "user", "skip", NULL };

	if (strcmp(argv[0], "amdvi") == 0)
		return img_check_words(m, argv, argc, 0, header);
	if (strcmp(argv[0], "dte") == 0)
		return img_check_words(m, argv, argc, 1, dte);
	if (strcmp(argv[0], "gcr3") == 0)
		return img_check_words(m, argv, argc, 2, gcr3);
	if (strcmp(argv[0], "map") == 0)
		return img_check_words(m, argv, argc, 4, map);
	return 0;
}

static inline int ai_header(struct amd_img *a, char **argv, int argc)
{
	uint64_t at = img_opt_num(a->m, argv, argc, "tables-at", 0);

	a->pages = (unsigned int)img_opt_num(a->m, argv, argc, "pages", 16);
	if (!a->pages || a->pages > 512)
		return img_fail(a->m, "amdvi: pages 1..512");
	if (at) {
		a->m->next = at;
		a->m->hi = at + 0x10000000;
	}
	a->dev_table = img_alloc(a->m, (uint64_t)a->pages * IMG_PAGE, IMG_PAGE);
	a->reg = a->dev_table | (a->pages - 1);
	return a->dev_table ? 0 : img_fail(a->m, "no room for the device table");
}

/* dte BDF ...: 48882 Table 7. */
static inline int ai_dte(struct amd_img *a, char **argv, int argc)
{
	static const char *const perms[] = { "none", "r", "w", "rw" };
	struct img *m = a->m;
	struct ai_dev *d;
	uint64_t *w, gcr3;
	uint32_t pasid;
	uint16_t devid;
	const char *v;
	int perm;

	if (argc < 2 || !ai_target(argv[1], &devid, &pasid) || pasid != IMG_NO_PASID)
		return img_fail(m, "dte: BDF expected");
	if ((uint64_t)devid * 32 >= (uint64_t)a->pages * IMG_PAGE || a->ndevs == AI_MAX)
		return img_fail(m, "dte: device id beyond the device table");
	d = &a->devs[a->ndevs++];
	memset(d, 0, sizeof(*d));
	d->devid = devid;
	d->dte = a->dev_table + 32ULL * devid;
	d->mode = (unsigned int)img_opt_num(m, argv, argc, "mode", 3);
	d->valid = !img_flag(argv, argc, "invalid");
	d->gv = img_flag(argv, argc, "gv");
	d->giov = img_flag(argv, argc, "giov");
	d->glx = (unsigned int)img_opt_num(m, argv, argc, "glx", 0);
	d->gpt_levels = (unsigned int)img_opt_num(m, argv, argc, "gpt", 4);
	d->guest_tables = img_opt(argv, argc, "guest-tables", &v) && v
				  ? (strcmp(v, "ro") == 0 ? 1 : strcmp(v, "none") == 0 ? 2 : 0) : 0;
	perm = img_choice(m, argv, argc, "perm", perms, 4, 3);
	if (d->mode && d->mode < 7 && !(d->host_root = img_page(m)))
		return -ENOMEM;
	w = img_word(m, d->dte);
	if (!w)
		return -ENOMEM;
	w[0] = (img_flag(argv, argc, "invalid") ? 0 : 1) | (img_flag(argv, argc, "notv") ? 0 : 2) |
	       (uint64_t)(d->mode & 7) << 9 | d->host_root | (uint64_t)perm << 61 |
	       (img_flag(argv, argc, "giov") ? 1ULL << 54 : 0);
	w[1] = (img_opt_num(m, argv, argc, "domain", 1) & 0xffff) |
	       (img_flag(argv, argc, "sa") ? 1ULL << 34 : 0);
	if (d->gv) {
		d->gcr3_root = ai_guest_page(a, d);
		if (!d->gcr3_root)
			return -ENOMEM;
		gcr3 = d->gcr3_root;
		w[0] |= 1ULL << 55 | (uint64_t)(d->glx & 3) << 56 | (gcr3 >> 12 & 7) << 58;
		w[1] |= (gcr3 >> 15 & 0xffff) << 16 | (gcr3 >> 31 & 0x1fffff) << 43;
		w[2] = (uint64_t)(d->gpt_levels == 5) << 54;
	}
	return 0;
}

/* The GCR3 entry of PASID, creating the table levels above it. */
static inline uint64_t *ai_gcr3_entry(struct amd_img *a, struct ai_dev *d, uint32_t pasid,
				      bool create)
{
	uint64_t table = d->gcr3_root;

	for (unsigned int l = d->glx + 1;; l--) {
		uint64_t *e = img_word(a->m, table + 8 * ((pasid >> (9 * (l - 1))) & 511));

		if (!e || l == 1)
			return e;
		if (!(*e & 1)) {
			uint64_t t;

			if (!create)
				return NULL;
			t = ai_guest_page(a, d);
			if (!t)
				return NULL;
			*e = t | 1;
		}
		table = *e & AI_ADDR;
	}
}

/* gcr3 BDF PASID ...: a guest table root for the PASID. */
static inline int ai_gcr3(struct amd_img *a, char **argv, int argc)
{
	struct ai_dev *d;
	struct ai_guest *g;
	uint64_t pasid, *e;
	uint16_t devid;
	uint32_t none;

	if (argc < 3 || !ai_target(argv[1], &devid, &none) || !img_number(argv[2], &pasid) ||
	    pasid > 0xfffff)
		return img_fail(a->m, "gcr3: BDF PASID expected");
	d = ai_dev(a, devid);
	if (!d || !d->gv)
		return img_fail(a->m, "gcr3: declare the device with gv first");
	if (a->nguests == AI_MAX)
		return img_fail(a->m, "too many PASIDs");
	e = ai_gcr3_entry(a, d, (uint32_t)pasid, true);
	if (!e)
		return img_fail(a->m, "no room for the GCR3 table");
	g = &a->guests[a->nguests++];
	g->devid = devid;
	g->pasid = (uint32_t)pasid;
	g->root = ai_guest_page(a, d);
	if (!g->root)
		return -ENOMEM;
	*e = g->root | (img_flag(argv, argc, "invalid") ? 0 : 1);
	return 0;
}

static inline int ai_map(struct amd_img *a, char **argv, int argc)
{
	struct img *m = a->m;
	uint64_t iova, phys, size, page = img_opt_num(m, argv, argc, "page", IMG_PAGE);
	unsigned int perm = 3, level = 1, skip = (unsigned int)img_opt_num(m, argv, argc, "skip", 0);
	struct ai_map *bigger;
	struct ai_dev *d;
	uint32_t pasid;
	uint16_t devid;
	const char *v;

	if (argc < 5 || !ai_target(argv[1], &devid, &pasid) || !img_number(argv[2], &iova) ||
	    !img_number(argv[3], &phys) || !img_number(argv[4], &size))
		return img_fail(m, "map: BDF[/PASID] IOVA PHYS SIZE expected");
	d = ai_dev(a, devid);
	if (!d || (pasid != IMG_NO_PASID && !ai_guest(a, devid, pasid)) ||
	    (pasid == IMG_NO_PASID && (!d->mode || d->mode > 6)))
		return img_fail(m, "map: no such tables");
	if (page & (page - 1) || page < IMG_PAGE || (iova | phys | size) & (page - 1) || !size)
		return img_fail(m, "map: the page size is no power of two, or the range is unaligned");
	while (ai_shift(level + 1) <= (unsigned int)__builtin_ctzll(page))
		level++;
	if (img_opt(argv, argc, "perm", &v) && v)
		perm = (strchr(v, 'r') ? 1 : 0) | (strchr(v, 'w') ? 2 : 0);
	if (img_flag(argv, argc, "user"))
		perm |= 4;
	for (uint64_t off = 0; off < size; off += 1ULL << ai_shift(level)) {
		uint64_t *e, at = iova + off, base = phys + (off & ~(page - 1));

		if (pasid == IMG_NO_PASID) {
			e = ai_v1_entry(a, d->host_root, d->mode, at, level, true, skip);
			if (!e)
				return img_fail(m, "no room for host tables");
			*e = ai_v1_leaf(base, page, level, perm);
		} else {
			const struct ai_guest *g = ai_guest(a, devid, pasid);

			if (ai_shift(level) != (unsigned int)__builtin_ctzll(page) || level > 3 || !g)
				return img_fail(m, "map: guest pages are 4K, 2M or 1G");
			e = ai_guest_entry(a, d, g->root, at, level, true);
			if (!e)
				return img_fail(m, "no room for guest tables");
			/* P, R/W, U/S, A, D, PS for large pages. */
			*e = base | 0x61 | (perm & 2) | (perm & 4) | (level > 1 ? 0x80 : 0);
		}
	}
	bigger = realloc(a->maps, (a->nmaps + 1) * sizeof(*bigger));
	if (!bigger)
		return -ENOMEM;
	a->maps = bigger;
	a->maps[a->nmaps++] = (struct ai_map){ devid, pasid, iova, phys, size, page, perm };
	return 0;
}

static inline uint64_t *ai_poke_target(struct amd_img *a, char **argv, int argc, int *word_arg)
{
	uint64_t n, iova, level;
	struct ai_dev *d;
	uint32_t pasid;
	uint16_t devid;

	if (argc < 3 || !ai_target(argv[2], &devid, &pasid) || !(d = ai_dev(a, devid)))
		return NULL;
	if (strcmp(argv[1], "dte") == 0) {
		*word_arg = 3;
		return img_word(a->m, d->dte);
	}
	if (strcmp(argv[1], "gcr3") == 0 && argc > 3 && img_number(argv[3], &n) && d->gv) {
		*word_arg = 4;
		return ai_gcr3_entry(a, d, (uint32_t)n, false);
	}
	if (strcmp(argv[1], "entry") == 0 && argc > 4 && img_number(argv[3], &iova) &&
	    img_number(argv[4], &level)) {
		const struct ai_guest *g = ai_guest(a, devid, pasid);

		*word_arg = 5;
		if (pasid == IMG_NO_PASID)
			return ai_v1_entry(a, d->host_root, d->mode, iova, (unsigned int)level, false, 0);
		return g ? ai_guest_entry(a, d, g->root, iova, (unsigned int)level, false) : NULL;
	}
	return NULL;
}

static inline int ai_poke(struct amd_img *a, char **argv, int argc)
{
	int w = 0;
	uint64_t *e = ai_poke_target(a, argv, argc, &w), word, value;

	if (!e || argc != w + 3 || !img_number(argv[w], &word) || word > 3 ||
	    !img_number(argv[w + 2], &value))
		return img_fail(a->m, "poke: dte BDF WORD, gcr3 BDF PASID 0, or entry BDF[/PASID] IOVA LEVEL 0, then or|and|set VALUE");
	if (strcmp(argv[w + 1], "or") == 0)
		e[word] |= value;
	else if (strcmp(argv[w + 1], "and") == 0)
		e[word] &= value;
	else if (strcmp(argv[w + 1], "set") == 0)
		e[word] = value;
	else
		return img_fail(a->m, "poke: or, and or set expected");
	return 0;
}

static inline int ai_drop(struct amd_img *a, char **argv, int argc)
{
	uint64_t addr;
	uint64_t *e;
	int w;

	if (argc == 3 && strcmp(argv[1], "page") == 0 && img_number(argv[2], &addr))
		return img_drop_page(a->m, addr);
	if (argc == 5 && strcmp(argv[1], "table") == 0) {
		char *args[6] = { argv[0], (char *)"entry", argv[2], argv[3], argv[4], NULL };

		e = ai_poke_target(a, args, 5, &w);
		for (size_t i = 0; e && i < a->m->cap; i++)
			if (a->m->pages[i] && (uint8_t *)e >= a->m->pages[i] &&
			    (uint8_t *)e < a->m->pages[i] + IMG_PAGE)
				return img_drop_page(a->m, a->m->frames[i] * IMG_PAGE);
	}
	return img_fail(a->m, "drop: table BDF[/PASID] IOVA LEVEL, or page ADDR expected");
}

/* Build from DESCRIPTION (its first statement "amdvi ..."); 0, or -EINVAL with m->error. */
static inline int amd_img_build(struct amd_img *a, struct img *m, const char *description)
{
	char *text = strdup(description), *save = NULL;
	unsigned int lineno = 0;
	int r = 0;

	memset(a, 0, sizeof(*a));
	a->m = m;
	if (!text)
		return -ENOMEM;
	for (char *line = strtok_r(text, "\n", &save); line && r >= 0;
	     line = strtok_r(NULL, "\n", &save)) {
		char *argv[32], *tsave = NULL;
		int argc = 0;

		lineno++;
		*strchrnul(line, '#') = 0;
		for (char *t = strtok_r(line, " \t", &tsave); t && argc < 32; t = strtok_r(NULL, " \t", &tsave))
			argv[argc++] = t;
		if (!argc)
			continue;
		if (!a->dev_table && strcmp(argv[0], "amdvi"))
			r = img_fail(m, "the first statement must be amdvi");
		else if (ai_check_words(m, argv, argc) < 0)
			r = -EINVAL;
		else if (strcmp(argv[0], "amdvi") == 0)
			r = ai_header(a, argv, argc);
		else if (strcmp(argv[0], "dte") == 0)
			r = ai_dte(a, argv, argc);
		else if (strcmp(argv[0], "gcr3") == 0)
			r = ai_gcr3(a, argv, argc);
		else if (strcmp(argv[0], "map") == 0)
			r = ai_map(a, argv, argc);
		else if (strcmp(argv[0], "poke") == 0)
			r = ai_poke(a, argv, argc);
		else if (strcmp(argv[0], "drop") == 0)
			r = ai_drop(a, argv, argc);
		else
			r = img_fail(m, "unknown statement '%s'", argv[0]);
		if (!r && m->error[0])
			r = -EINVAL;
		if (r < 0 && m->error[0]) {
			char msg[sizeof(m->error)];
			int at;

			memcpy(msg, m->error, sizeof(msg));
			at = snprintf(m->error, sizeof(m->error), "line %u: ", lineno);
			memcpy(m->error + at, msg, sizeof(m->error) - (size_t)at - 1);
			m->error[sizeof(m->error) - 1] = 0;
		}
	}
	free(text);
	return r;
}

static inline void amd_img_free(struct amd_img *a)
{
	free(a->maps);
	a->maps = NULL;
}

#endif
