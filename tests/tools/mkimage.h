/* SPDX-License-Identifier: MIT */
/*
 * Build Intel VT-d translation structures in a memory image from a short
 * text description, for tests and the benchmark.  This is test code with
 * its own encoders and its own table descent; it shares nothing with the
 * library's walker, so that what the description says is an independent
 * expectation.  Layouts: VT-d 4.1 chapter 9.
 *
 * Description, one statement a line ('#' starts a comment; numbers are
 * hexadecimal with 0x or decimal; sizes may end in K, M, G):
 *
 *   mode legacy|scalable|abort|reserved
 *   device BDF [did=N] [aw=39|48|57] [tt=0..3] [fpd] [absent] [reserved-lo=V]
 *          [pdts=N] [rid_pasid=N] [paside] [rid_priv]           (scalable)
 *   pasid BDF N [did=N] [pgtt=fs|ss|nested|pt|0..7] [aw=...] [levels=4|5]
 *          [sre] [wpe] [nxe] [fpd] [absent] [fs-tables=rw|ro|none]
 *   map BDF[/PASID][:ss] IOVA PHYS SIZE [page=4K|2M|1G] [perm=r|w|rw] [user]
 *   poke root|context|pasid-dir|pasid|entry ... WORD or|and|set VALUE
 *          root BUS WORD ...; context BDF WORD ...; pasid-dir BDF PASID ...;
 *          pasid BDF PASID WORD ...; entry BDF[/PASID][:ss] IOVA LEVEL ...
 *   drop table BDF[/PASID][:ss] IOVA LEVEL | drop page ADDR   (not in the dump)
 *
 * "map" on a nested PASID maps the first stage (IOVA -> guest physical);
 * ":ss" selects its second stage (guest physical -> host physical).  The
 * first-stage tables of a nested PASID are mapped in its second stage at
 * their own address (fs-tables=rw, the default), read-only, or not at all.
 */
#ifndef MKIMAGE_H
#define MKIMAGE_H

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define IMG_PAGE 4096ULL
#define IMG_ADDR 0x000ffffffffff000ULL
#define IMG_MAX_SPACES 64
#define IMG_NO_PASID UINT32_MAX

enum img_stage { IMG_SS, IMG_FS };

/* One address space: a device, or a device's PASID, and its page tables. */
struct img_space {
	uint16_t sid;
	uint32_t pasid;
	int pgtt;			/* scalable: 1 fs, 2 ss, 3 nested, 4 pt; legacy: -1 */
	unsigned int ss_levels, fs_levels;
	uint64_t ss_root, fs_root;
	int fs_tables;			/* nested: 0 rw, 1 ro, 2 not mapped */
	uint64_t entry;			/* address of its context or PASID entry */
};

/* What a "map" statement asked for: the expectation. */
struct img_map {
	uint16_t sid;
	uint32_t pasid;
	enum img_stage stage;
	uint64_t iova, phys, size, page;
	unsigned int perm;		/* 1 read, 2 write, 4 user */
};

struct img {
	bool scalable;
	unsigned int ttm;
	uint64_t root;
	/* table pages: frame -> 4 KiB, open addressing */
	uint64_t *frames;
	uint8_t **pages;
	bool *dropped;
	size_t npages, cap;
	uint64_t next, lo, hi;		/* allocation cursor, region */
	uint64_t seed;			/* non-zero: pages scattered over [lo, hi) */
	struct img_space spaces[IMG_MAX_SPACES];
	size_t nspaces;
	struct img_map *maps;
	size_t nmaps;
	char error[160];
};

static inline int img_fail(struct img *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline int img_fail(struct img *m, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(m->error, sizeof(m->error), fmt, args);
	va_end(args);
	return -EINVAL;
}

static inline size_t img_slot(const struct img *m, uint64_t frame)
{
	size_t h = (size_t)((frame * 0x9e3779b97f4a7c15ULL) >> 20) & (m->cap - 1);

	while (m->pages[h] && m->frames[h] != frame)
		h = (h + 1) & (m->cap - 1);
	return h;
}

static inline uint8_t *img_find(const struct img *m, uint64_t addr)
{
	size_t h = img_slot(m, addr / IMG_PAGE);

	return m->pages[h];
}

static inline int img_grow(struct img *m)
{
	struct img old = *m;

	m->cap = old.cap ? old.cap * 2 : 1024;
	m->frames = calloc(m->cap, sizeof(*m->frames));
	m->pages = calloc(m->cap, sizeof(*m->pages));
	m->dropped = calloc(m->cap, sizeof(*m->dropped));
	if (!m->frames || !m->pages || !m->dropped)
		return -ENOMEM;
	for (size_t i = 0; i < old.cap; i++) {
		size_t h;

		if (!old.pages[i])
			continue;
		h = img_slot(m, old.frames[i]);
		m->frames[h] = old.frames[i];
		m->pages[h] = old.pages[i];
		m->dropped[h] = old.dropped[i];
	}
	free(old.frames);
	free(old.pages);
	free(old.dropped);
	return 0;
}

static inline uint64_t img_random(struct img *m)
{
	m->seed ^= m->seed << 13;
	m->seed ^= m->seed >> 7;
	m->seed ^= m->seed << 17;
	return m->seed;
}

/* A zeroed table page; 0 when out of memory or out of room. */
static inline uint64_t img_page(struct img *m)
{
	uint64_t addr;
	size_t h;

	if ((m->npages + 1) * 2 > m->cap && img_grow(m) < 0)
		return 0;
	for (;;) {
		if (m->seed) {
			addr = m->lo + img_random(m) % ((m->hi - m->lo) / IMG_PAGE) * IMG_PAGE;
		} else {
			if (m->next >= m->hi)
				return 0;
			addr = m->next;
			m->next += IMG_PAGE;
		}
		h = img_slot(m, addr / IMG_PAGE);
		if (!m->pages[h])
			break;
	}
	m->pages[h] = calloc(1, IMG_PAGE);
	if (!m->pages[h])
		return 0;
	m->frames[h] = addr / IMG_PAGE;
	m->npages++;
	return addr;
}

/* The 64-bit word at ADDR, in a table page. */
static inline uint64_t *img_word(const struct img *m, uint64_t addr)
{
	uint8_t *p = img_find(m, addr);

	return p ? (uint64_t *)(void *)(p + (addr & (IMG_PAGE - 1) & ~7ULL)) : NULL;
}

/* Table pages live in [LO, HI); SEED non-zero scatters them there at random. */
static inline int img_init(struct img *m, uint64_t lo, uint64_t hi, uint64_t seed)
{
	memset(m, 0, sizeof(*m));
	m->lo = m->next = lo;
	m->hi = hi;
	m->seed = seed;
	if (img_grow(m) < 0)
		return -ENOMEM;
	m->root = img_page(m);
	return m->root ? 0 : -ENOMEM;
}

static inline void img_free(struct img *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->pages[i]);
	free(m->frames);
	free(m->pages);
	free(m->dropped);
	free(m->maps);
	memset(m, 0, sizeof(*m));
}

static inline uint64_t img_rtaddr(const struct img *m)
{
	return m->root | (uint64_t)m->ttm << 10;
}

/* ---- structure entries ---------------------------------------------------- */

/* VT-d 4.1 §9.1/§9.2 root entry (the half for DEVFN in scalable mode), its context table. */
static inline uint64_t img_context_table(struct img *m, uint16_t sid)
{
	uint64_t *re = img_word(m, m->root + 16 * (sid >> 8) + (m->scalable && (sid & 0x80) ? 8 : 0));

	if (!re)
		return 0;
	if (!(*re & 1)) {
		uint64_t t = img_page(m);

		if (!t)
			return 0;
		*re = t | 1;
	}
	return *re & IMG_ADDR;
}

static inline uint64_t img_context_addr(struct img *m, uint16_t sid)
{
	uint64_t t = img_context_table(m, sid);

	if (!t)
		return 0;
	return m->scalable ? t + 32 * (sid & 0x7f) : t + 16 * (sid & 0xff);
}

static inline struct img_space *img_space(const struct img *m, uint16_t sid, uint32_t pasid)
{
	for (size_t i = 0; i < m->nspaces; i++)
		if (m->spaces[i].sid == sid && m->spaces[i].pasid == pasid)
			return (struct img_space *)&m->spaces[i];
	return NULL;
}

static inline struct img_space *img_space_add(struct img *m, uint16_t sid, uint32_t pasid)
{
	struct img_space *s = img_space(m, sid, pasid);

	if (s)
		return s;
	if (m->nspaces == IMG_MAX_SPACES)
		return NULL;
	s = &m->spaces[m->nspaces++];
	memset(s, 0, sizeof(*s));
	s->sid = sid;
	s->pasid = pasid;
	s->pgtt = -1;
	return s;
}

static inline unsigned int img_levels_of_aw(unsigned int aw_bits)
{
	return aw_bits <= 30 ? 2 : aw_bits <= 39 ? 3 : aw_bits <= 48 ? 4 : 5;
}

/* ---- page tables ---------------------------------------------------------- */

static inline int img_ss_map(struct img *m, struct img_space *s, uint64_t in, uint64_t out,
			     unsigned int level_of_leaf, unsigned int perm);

/* Nested: first-stage table pages are guest memory, mapped in the second stage at their address. */
static inline uint64_t img_fs_table(struct img *m, struct img_space *s)
{
	uint64_t t = img_page(m);

	if (t && s->pgtt == 3 && s->fs_tables != 2 &&
	    img_ss_map(m, s, t, t, 1, s->fs_tables == 1 ? 1 : 3) < 0)
		return 0;
	return t;
}

/* The entry for IN at LEVEL of a stage's tables, creating tables on the way when CREATE. */
static inline uint64_t *img_entry(struct img *m, struct img_space *s, enum img_stage stage,
				  uint64_t in, unsigned int level, bool create)
{
	uint64_t *root = stage == IMG_FS ? &s->fs_root : &s->ss_root;
	unsigned int levels = stage == IMG_FS ? s->fs_levels : s->ss_levels;
	uint64_t table;

	if (!*root) {
		if (!create)
			return NULL;
		*root = stage == IMG_FS ? img_fs_table(m, s) : img_page(m);
		if (!*root)
			return NULL;
	}
	table = *root;
	for (unsigned int l = levels;; l--) {
		uint64_t *e = img_word(m, table + 8 * ((in >> (12 + 9 * (l - 1))) & 511));

		if (!e || l == level)
			return e;
		if (!*e) {
			uint64_t t;

			if (!create)
				return NULL;
			t = stage == IMG_FS ? img_fs_table(m, s) : img_page(m);
			if (!t)
				return NULL;
			/* VT-d 4.1 §9.7 first stage: P, R/W, U/S, A; §9.8 second stage: R, W. */
			*e = t | (stage == IMG_FS ? 0x27 : 3);
		}
		table = *e & IMG_ADDR;
	}
}

static inline int img_ss_map(struct img *m, struct img_space *s, uint64_t in, uint64_t out,
			     unsigned int level, unsigned int perm)
{
	uint64_t *e = img_entry(m, s, IMG_SS, in, level, true);

	if (!e)
		return img_fail(m, "no room for second-stage tables");
	*e = out | (perm & 3) | (level > 1 ? 0x80 : 0);
	return 0;
}

static inline int img_fs_map(struct img *m, struct img_space *s, uint64_t in, uint64_t out,
			     unsigned int level, unsigned int perm)
{
	uint64_t *e = img_entry(m, s, IMG_FS, in, level, true);

	if (!e)
		return img_fail(m, "no room for first-stage tables");
	/* P, R/W when writable, U/S when user, A, D, PS for large pages. */
	*e = out | 0x61 | (perm & 2) | (perm & 4) | (level > 1 ? 0x80 : 0);
	return 0;
}

/* Map [IN, IN + SIZE) to OUT in pages of PAGE bytes; records the expectation. */
static inline int img_map_range(struct img *m, struct img_space *s, enum img_stage stage,
				uint64_t in, uint64_t out, uint64_t size, uint64_t page,
				unsigned int perm)
{
	unsigned int level = page == (1ULL << 30) ? 3 : page == (1ULL << 21) ? 2 : 1;
	struct img_map *bigger;

	if ((in | out | size) & (page - 1) || !size)
		return img_fail(m, "map: 0x%llx -> 0x%llx size 0x%llx is not aligned to its page size",
				(unsigned long long)in, (unsigned long long)out, (unsigned long long)size);
	if ((stage == IMG_FS ? s->fs_levels : s->ss_levels) < level)
		return img_fail(m, "map: that stage has no tables");
	for (uint64_t off = 0; off < size; off += page) {
		int r = stage == IMG_FS ? img_fs_map(m, s, in + off, out + off, level, perm)
					: img_ss_map(m, s, in + off, out + off, level, perm);

		if (r < 0)
			return r;
	}
	bigger = realloc(m->maps, (m->nmaps + 1) * sizeof(*bigger));
	if (!bigger)
		return -ENOMEM;
	m->maps = bigger;
	m->maps[m->nmaps++] = (struct img_map){ s->sid, s->pasid, stage, in, out, size, page, perm };
	return 0;
}

/* ---- the description ------------------------------------------------------ */

static inline bool img_number(const char *s, uint64_t *ret)
{
	char *end;
	uint64_t v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s)
		return false;
	if (*end == 'K' || *end == 'k')
		v <<= 10, end++;
	else if (*end == 'M')
		v <<= 20, end++;
	else if (*end == 'G')
		v <<= 30, end++;
	*ret = v;
	return !*end;
}

static inline bool img_bdf(const char *s, uint16_t *ret)
{
	unsigned int bus, dev, fn;
	int n = -1;

	if (sscanf(s, "%x:%x.%x%n", &bus, &dev, &fn, &n) != 3 || bus > 255 || dev > 31 || fn > 7)
		return false;
	*ret = (uint16_t)(bus << 8 | dev << 3 | fn);
	return s[n] == 0 || s[n] == '/' || s[n] == ':';
}

/* "BDF[/PASID][:ss]": the space, and whether its second stage is meant. */
static inline bool img_target(const char *s, uint16_t *sid, uint32_t *pasid, bool *ss)
{
	const char *slash = strchr(s, '/');
	size_t len = strlen(s);
	uint64_t v;

	*pasid = IMG_NO_PASID;
	*ss = len > 3 && strcmp(s + len - 3, ":ss") == 0;
	if (!img_bdf(s, sid))
		return false;
	if (slash) {
		char buf[16];

		len = strcspn(slash + 1, ":");
		if (len >= sizeof(buf))
			return false;
		memcpy(buf, slash + 1, len);
		buf[len] = 0;
		if (!img_number(buf, &v) || v > 0xfffff)
			return false;
		*pasid = (uint32_t)v;
	}
	return true;
}

/* The stage a target names: the second when asked or when the space has no first. */
static inline enum img_stage img_stage_of(const struct img_space *s, bool ss)
{
	return ss || !s->fs_levels ? IMG_SS : IMG_FS;
}

/* "key=value" or "key" among ARGV; VALUE NULL for a flag. */
static inline bool img_opt(char **argv, int argc, const char *key, const char **value)
{
	size_t len = strlen(key);

	for (int i = 0; i < argc; i++) {
		if (strncmp(argv[i], key, len) == 0 && (argv[i][len] == '=' || !argv[i][len])) {
			*value = argv[i][len] == '=' ? argv[i] + len + 1 : NULL;
			return true;
		}
	}
	return false;
}

static inline uint64_t img_opt_num(struct img *m, char **argv, int argc, const char *key,
				   uint64_t fallback)
{
	const char *v;
	uint64_t n;

	if (!img_opt(argv, argc, key, &v) || !v)
		return fallback;
	if (!img_number(v, &n)) {
		img_fail(m, "%s=%s is not a number", key, v);
		return fallback;
	}
	return n;
}

static inline bool img_flag(char **argv, int argc, const char *key)
{
	const char *v;

	return img_opt(argv, argc, key, &v);
}

/* device BDF ...: legacy context entry (§9.3), scalable context entry (§9.4). */
static inline int img_device(struct img *m, char **argv, int argc)
{
	uint64_t aw = img_opt_num(m, argv, argc, "aw", 48), *ce;
	struct img_space *s;
	uint16_t sid;

	if (argc < 2 || !img_bdf(argv[1], &sid))
		return img_fail(m, "device: BDF expected");
	ce = img_word(m, img_context_addr(m, sid));
	if (!ce)
		return -ENOMEM;
	if (m->scalable) {
		ce[0] = (img_flag(argv, argc, "absent") ? 0 : 1) | (img_flag(argv, argc, "fpd") ? 2 : 0) |
			(img_flag(argv, argc, "paside") ? 8 : 0) |
			(img_opt_num(m, argv, argc, "pdts", 0) & 7) << 9 |
			img_opt_num(m, argv, argc, "reserved-lo", 0);
		ce[1] = (img_opt_num(m, argv, argc, "rid_pasid", 0) & 0xfffff) |
			(img_flag(argv, argc, "rid_priv") ? 1ULL << 20 : 0);
		return 0;
	}
	s = img_space_add(m, sid, IMG_NO_PASID);
	if (!s)
		return img_fail(m, "too many address spaces");
	s->ss_levels = img_levels_of_aw((unsigned int)aw);
	s->entry = img_context_addr(m, sid);
	if (!s->ss_root && !(s->ss_root = img_page(m)))
		return -ENOMEM;
	ce[0] = s->ss_root | (img_flag(argv, argc, "absent") ? 0 : 1) |
		(img_flag(argv, argc, "fpd") ? 2 : 0) | (img_opt_num(m, argv, argc, "tt", 0) & 3) << 2 |
		img_opt_num(m, argv, argc, "reserved-lo", 0);
	ce[1] = (s->ss_levels - 2) | (img_opt_num(m, argv, argc, "did", 1) & 0xffff) << 8;
	return 0;
}

/* pasid BDF N ...: PASID directory entry (§9.5) and PASID table entry (§9.6). */
static inline int img_pasid(struct img *m, char **argv, int argc)
{
	static const char *const pgtts[] = { "0", "fs", "ss", "nested", "pt" };
	uint64_t n, *ce, *de, *pe, aw = img_opt_num(m, argv, argc, "aw", 48), pgtt = 2;
	const char *v;
	struct img_space *s;
	uint16_t sid;

	if (argc < 3 || !img_bdf(argv[1], &sid) || !img_number(argv[2], &n) || n > 0xfffff)
		return img_fail(m, "pasid: BDF and PASID expected");
	if (img_opt(argv, argc, "pgtt", &v) && v) {
		for (pgtt = 0; pgtt < 5 && strcmp(pgtts[pgtt], v); pgtt++)
			;
		if (pgtt == 5 && !img_number(v, &pgtt))
			return img_fail(m, "pgtt=%s: fs, ss, nested, pt or a number", v);
	}
	ce = img_word(m, img_context_addr(m, sid));
	if (!ce || !(ce[0] & 1))
		return img_fail(m, "pasid: declare the device first");
	if (!(ce[0] & IMG_ADDR)) {
		uint64_t dir = img_page(m);

		if (!dir)
			return -ENOMEM;
		ce[0] |= dir;
	}
	de = img_word(m, (ce[0] & IMG_ADDR) + 8 * (n >> 6));
	if (!de)
		return -ENOMEM;
	if (!(*de & IMG_ADDR)) {
		uint64_t t = img_page(m);

		if (!t)
			return -ENOMEM;
		*de = t | 1;
	}
	pe = img_word(m, (*de & IMG_ADDR) + 64 * (n & 63));
	s = img_space_add(m, sid, (uint32_t)n);
	if (!s)
		return img_fail(m, "too many address spaces");
	s->pgtt = (int)pgtt;
	s->entry = (*de & IMG_ADDR) + 64 * (n & 63);
	s->ss_levels = pgtt == 2 || pgtt == 3 ? img_levels_of_aw((unsigned int)aw) : 0;
	s->fs_levels = pgtt == 1 || pgtt == 3 ? (unsigned int)img_opt_num(m, argv, argc, "levels", 4) : 0;
	s->fs_tables = img_opt(argv, argc, "fs-tables", &v) && v ? (strcmp(v, "ro") == 0 ? 1 : strcmp(v, "none") == 0 ? 2 : 0) : 0;
	if (s->ss_levels && !s->ss_root && !(s->ss_root = img_page(m)))
		return -ENOMEM;
	if (s->fs_levels && !s->fs_root && !(s->fs_root = img_fs_table(m, s)))
		return -ENOMEM;
	pe = img_word(m, s->entry);
	if (!pe)
		return -ENOMEM;
	pe[0] = (img_flag(argv, argc, "absent") ? 0 : 1) | (img_flag(argv, argc, "fpd") ? 2 : 0) |
		(uint64_t)(s->ss_levels ? s->ss_levels - 2 : 2) << 2 | (pgtt & 7) << 6 | s->ss_root;
	pe[1] = img_opt_num(m, argv, argc, "did", 1) & 0xffff;
	pe[2] = s->fs_root | (s->fs_levels == 5 ? 4 : 0) | (img_flag(argv, argc, "sre") ? 1 : 0) |
		(img_flag(argv, argc, "wpe") ? 0x10 : 0) | (img_flag(argv, argc, "nxe") ? 0x20 : 0) |
		(img_opt_num(m, argv, argc, "fspm", s->fs_levels == 5) & 3) << 2;
	return 0;
}

static inline int img_map_stmt(struct img *m, char **argv, int argc)
{
	uint64_t iova, phys, size, page = img_opt_num(m, argv, argc, "page", IMG_PAGE);
	unsigned int perm = 3;
	struct img_space *s;
	const char *v;
	uint32_t pasid;
	uint16_t sid;
	bool ss;

	if (argc < 5 || !img_target(argv[1], &sid, &pasid, &ss) || !img_number(argv[2], &iova) ||
	    !img_number(argv[3], &phys) || !img_number(argv[4], &size))
		return img_fail(m, "map: BDF[/PASID][:ss] IOVA PHYS SIZE expected");
	s = img_space(m, sid, pasid);
	if (!s)
		return img_fail(m, "map: no such device or PASID");
	if (img_opt(argv, argc, "perm", &v) && v)
		perm = (strchr(v, 'r') ? 1 : 0) | (strchr(v, 'w') ? 2 : 0);
	if (img_flag(argv, argc, "user"))
		perm |= 4;
	return img_map_range(m, s, img_stage_of(s, ss), iova, phys, size, page, perm);
}

static inline uint64_t *img_poke_target(struct img *m, char **argv, int argc, int *word_arg)
{
	uint16_t sid;
	uint32_t pasid;
	bool ss;
	uint64_t n, level, addr;
	struct img_space *s;

	if (strcmp(argv[1], "root") == 0 && argc > 2 && img_number(argv[2], &n)) {
		*word_arg = 3;
		return img_word(m, m->root + 16 * (n & 255));
	}
	if (strcmp(argv[1], "context") == 0 && argc > 2 && img_bdf(argv[2], &sid)) {
		*word_arg = 3;
		return img_word(m, img_context_addr(m, sid));
	}
	if ((strcmp(argv[1], "pasid") == 0 || strcmp(argv[1], "pasid-dir") == 0) && argc > 3 &&
	    img_bdf(argv[2], &sid) && img_number(argv[3], &n)) {
		uint64_t *ce = img_word(m, img_context_addr(m, sid)), *de;
		bool dir = strcmp(argv[1], "pasid-dir") == 0;

		*word_arg = 4;
		de = ce ? img_word(m, (ce[0] & IMG_ADDR) + 8 * (n >> 6)) : NULL;
		if (!de || dir)
			return de;
		return img_word(m, (*de & IMG_ADDR) + 64 * (n & 63));
	}
	if (strcmp(argv[1], "entry") == 0 && argc > 4 && img_target(argv[2], &sid, &pasid, &ss) &&
	    img_number(argv[3], &addr) && img_number(argv[4], &level)) {
		s = img_space(m, sid, pasid);
		*word_arg = 5;
		if (!s)
			return NULL;
		return img_entry(m, s, img_stage_of(s, ss), addr, (unsigned int)level, false);
	}
	return NULL;
}

/* poke ... WORD or|and|set VALUE */
static inline int img_poke(struct img *m, char **argv, int argc)
{
	int w = 0;
	uint64_t *e = argc > 1 ? img_poke_target(m, argv, argc, &w) : NULL, word, value;

	if (!e || argc != w + 3 || !img_number(argv[w], &word) || word > 7 ||
	    !img_number(argv[w + 2], &value))
		return img_fail(m, "poke: target WORD or|and|set VALUE expected");
	if (strcmp(argv[w + 1], "or") == 0)
		e[word] |= value;
	else if (strcmp(argv[w + 1], "and") == 0)
		e[word] &= value;
	else if (strcmp(argv[w + 1], "set") == 0)
		e[word] = value;
	else
		return img_fail(m, "poke: or, and or set expected");
	return 0;
}

static inline int img_drop_page(struct img *m, uint64_t addr)
{
	size_t h = img_slot(m, addr / IMG_PAGE);

	if (!m->pages[h])
		return img_fail(m, "drop: no table page at 0x%llx", (unsigned long long)addr);
	m->dropped[h] = true;
	return 0;
}

/* drop table BDF[/PASID][:ss] IOVA LEVEL | drop page ADDR */
static inline int img_drop(struct img *m, char **argv, int argc)
{
	uint64_t addr, level;
	struct img_space *s;
	uint32_t pasid;
	uint16_t sid;
	uint64_t *e;
	bool ss;

	if (argc == 3 && strcmp(argv[1], "page") == 0 && img_number(argv[2], &addr))
		return img_drop_page(m, addr);
	if (argc != 5 || strcmp(argv[1], "table") || !img_target(argv[2], &sid, &pasid, &ss) ||
	    !img_number(argv[3], &addr) || !img_number(argv[4], &level))
		return img_fail(m, "drop: table BDF[/PASID][:ss] IOVA LEVEL, or page ADDR expected");
	s = img_space(m, sid, pasid);
	if (!s)
		return img_fail(m, "drop: no such device or PASID");
	e = img_entry(m, s, img_stage_of(s, ss), addr, (unsigned int)level, false);
	if (!e)
		return img_fail(m, "drop: no level %llu table for 0x%llx", (unsigned long long)level,
				(unsigned long long)addr);
	/* The page holding that level's entry. */
	for (size_t i = 0; i < m->cap; i++)
		if (m->pages[i] && (uint8_t *)e >= m->pages[i] && (uint8_t *)e < m->pages[i] + IMG_PAGE)
			return img_drop_page(m, m->frames[i] * IMG_PAGE);
	return img_fail(m, "drop: table not found");
}

static inline int img_mode(struct img *m, char **argv, int argc)
{
	static const char *const modes[] = { "legacy", "scalable", "reserved", "abort" };

	for (unsigned int i = 0; argc == 2 && i < 4; i++) {
		if (strcmp(argv[1], modes[i]) == 0) {
			m->ttm = i;
			m->scalable = i == 1;
			return 0;
		}
	}
	return img_fail(m, "mode: legacy, scalable, reserved or abort expected");
}

/* Build from DESCRIPTION; 0, or -EINVAL with m->error naming the line. */
static inline int img_build(struct img *m, const char *description)
{
	char *text = strdup(description), *save = NULL;
	unsigned int lineno = 0;
	int r = 0;

	if (!text)
		return -ENOMEM;
	for (char *line = strtok_r(text, "\n", &save); line && r >= 0;
	     line = strtok_r(NULL, "\n", &save)) {
		char *argv[24], *tsave = NULL;
		int argc = 0;

		lineno++;
		*strchrnul(line, '#') = 0;
		for (char *t = strtok_r(line, " \t", &tsave); t && argc < 24; t = strtok_r(NULL, " \t", &tsave))
			argv[argc++] = t;
		if (!argc)
			continue;
		if (strcmp(argv[0], "mode") == 0)
			r = img_mode(m, argv, argc);
		else if (strcmp(argv[0], "device") == 0)
			r = img_device(m, argv, argc);
		else if (strcmp(argv[0], "pasid") == 0)
			r = img_pasid(m, argv, argc);
		else if (strcmp(argv[0], "map") == 0)
			r = img_map_stmt(m, argv, argc);
		else if (strcmp(argv[0], "poke") == 0)
			r = img_poke(m, argv, argc);
		else if (strcmp(argv[0], "drop") == 0)
			r = img_drop(m, argv, argc);
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

/* ---- output ----------------------------------------------------------------- */

/* A raw image of SIZE bytes from physical 0: holes everywhere but the table pages. */
static inline int img_write_raw(const struct img *m, const char *path, uint64_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644), r = 0;

	if (fd < 0)
		return -errno;
	if (ftruncate(fd, (off_t)size) < 0)
		r = -errno;
	for (size_t i = 0; i < m->cap && !r; i++)
		if (m->pages[i] && !m->dropped[i] &&
		    pwrite(fd, m->pages[i], IMG_PAGE, (off_t)(m->frames[i] * IMG_PAGE)) != (ssize_t)IMG_PAGE)
			r = -EIO;
	if (close(fd) < 0 && !r)
		r = -errno;
	return r;
}

static inline int img_by_frame(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* An ELF core (ELF-64 gABI) with one PT_LOAD per run of table pages; dropped pages are left out. */
static inline int img_write_elf(const struct img *m, const char *path)
{
	uint64_t *frames = calloc(m->npages ? m->npages : 1, sizeof(*frames)), off;
	size_t n = 0, nseg = 0;
	uint8_t eh[64] = { 0x7f, 'E', 'L', 'F', 2, 1, 1 };
	FILE *f;
	int r = 0;

	if (!frames)
		return -ENOMEM;
	for (size_t i = 0; i < m->cap; i++)
		if (m->pages[i] && !m->dropped[i])
			frames[n++] = m->frames[i];
	qsort(frames, n, sizeof(*frames), img_by_frame);
	for (size_t i = 0; i < n; i++)
		nseg += !i || frames[i] != frames[i - 1] + 1;
	f = fopen(path, "wb");
	if (!f) {
		free(frames);
		return -errno;
	}
	/* e_type ET_CORE, e_machine x86-64, e_version, e_phoff 64, sizes, e_phnum. */
	eh[16] = 4;
	eh[18] = 62;
	eh[20] = 1;
	eh[32] = 64;
	eh[52] = 64;
	eh[54] = 56;
	eh[56] = (uint8_t)nseg;
	eh[57] = (uint8_t)(nseg >> 8);
	fwrite(eh, 1, sizeof(eh), f);
	off = (64 + 56 * nseg + IMG_PAGE - 1) / IMG_PAGE * IMG_PAGE;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		uint64_t ph[7] = { 0 };

		while (j < n && frames[j] == frames[j - 1] + 1)
			j++;
		ph[0] = 1 | 4ULL << 32;		/* PT_LOAD, PF_R */
		ph[1] = off;
		ph[2] = ph[3] = frames[i] * IMG_PAGE;
		ph[4] = ph[5] = (j - i) * IMG_PAGE;
		fwrite(ph, 1, 56, f);
		off += (j - i) * IMG_PAGE;
		i = j;
	}
	fseek(f, (long)((64 + 56 * nseg + IMG_PAGE - 1) / IMG_PAGE * IMG_PAGE), SEEK_SET);
	for (size_t i = 0; i < n; i++)
		fwrite(img_find(m, frames[i] * IMG_PAGE), 1, IMG_PAGE, f);
	if (ferror(f))
		r = -EIO;
	if (fclose(f) != 0 && !r)
		r = -errno;
	free(frames);
	return r;
}

#endif
