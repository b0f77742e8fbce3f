/* SPDX-License-Identifier: MIT */
/*
 * Build Arm SMMUv3 structures in a mkimage image from a short description:
 * the stream table (linear or 2-level), STEs, CD tables (linear or 2-level),
 * CDs, and VMSAv8-64 stage 1 and stage 2 tables at 4K, 16K and 64K granules.
 * Test code with its own encoders and its own table descent (nothing shared
 * with the library), so that what the description says is an independent
 * expectation.  Layouts: Arm IHI 0070 chapter 5, Arm DDI 0487 D8.3.
 *
 * Description (after a first line "smmuv3 ..."; numbers as mkimage.h):
 *
 *   smmuv3 [strtab=linear|2level] [log2size=N] [split=6|8|10] [tables-at=ADDR]
 *   ste SID [config=abort|bypass|s1|s2|nested|N] [invalid] [span=N]
 *       [cdmax=N] [s1fmt=linear|2l4k|2l64k] [s1dss=terminate|bypass|ssid0] [strw=el1|el2]
 *       [vmid=N] [s2tg=4k|16k|64k] [ias=BITS] [s2start=LEVEL] [s2ps=N] [s2ds] [s2affd] [s2r]
 *       [s2ha] [s1-tables=rw|ro|none]
 *   cd SID[/SSID] [invalid] [tg0=4k|16k|64k] [va=BITS] [tg1=4k|16k|64k] [va1=BITS]
 *       [epd0] [epd1] [ips=N] [asid=N] [affd] [ha] [r] [ds] [tbi0] [tbi1] [pan]
 *   map SID[/SSID][:s2] IOVA PHYS SIZE [page=SIZE] [perm=r|w|rw] [user] [contig] [noaf]
 *   poke ste|cd|l1std|l1cd SID[/SSID] WORD or|and|set VALUE
 *   poke entry SID[/SSID][:s2] IOVA LEVEL WORD or|and|set VALUE    (Arm level: 0..3, -1)
 *   drop table SID[/SSID][:s2] IOVA LEVEL | drop page ADDR
 *
 * "map" on a nested stream's SubstreamID maps stage 1 (IOVA -> IPA); ":s2"
 * maps the stream's stage 2 (IPA -> PA).  A nested stream's CD tables and
 * stage 1 tables are mapped in its stage 2 at their own address, read-only
 * or not at all as s1-tables= says.  TTB1 maps the IOVAs whose bit 55 is set.
 */
#ifndef MKIMAGE_SMMUV3_H
#define MKIMAGE_SMMUV3_H

#include "mkimage-alloc.h"

#define SI_MAX 64
#define SI_GENMASK(h, l) ((~0ULL >> (63 - (h))) & ~((1ULL << (l)) - 1))

/* One translation table tree, as this builder lays it out. */
struct si_tt {
	unsigned int gs;		/* granule shift: 12, 14, 16 */
	unsigned int levels;		/* levels walked: Arm start level is 4 - levels */
	unsigned int top_bits;		/* index bits of the start table */
	unsigned int in_bits;
	bool ds, stage2;
	uint64_t root;
};

struct si_stream {
	uint32_t sid;
	unsigned int config, cdmax, s1fmt;
	uint64_t ste;			/* address of its STE */
	uint64_t cd_table;		/* S1ContextPtr */
	struct si_tt s2;
	int s1_tables;			/* nested: 0 rw, 1 ro, 2 not mapped in stage 2 */
};

struct si_cd {
	uint32_t sid, ssid;
	uint64_t addr;
	struct si_tt tt[2];
	bool epd[2];
};

/* What a "map" asked for: the expectation. */
struct si_map {
	uint32_t sid, ssid;
	bool s2;
	uint64_t iova, phys, size, page;
	unsigned int perm;		/* 1 read, 2 write, 4 user */
	bool contig;
};

struct smmu_img {
	struct img *m;
	bool two_level;
	unsigned int log2size, split;
	uint64_t strtab;
	struct si_stream streams[SI_MAX];
	size_t nstreams;
	struct si_cd cds[SI_MAX];
	size_t ncds;
	struct si_map *maps;
	size_t nmaps;
};

static inline uint64_t smmu_img_cfg(const struct smmu_img *s)
{
	return s->log2size | (uint64_t)s->split << 6 | (uint64_t)s->two_level << 16;
}

static inline struct si_stream *si_stream(struct smmu_img *s, uint32_t sid)
{
	for (size_t i = 0; i < s->nstreams; i++)
		if (s->streams[i].sid == sid)
			return &s->streams[i];
	return NULL;
}

static inline struct si_cd *si_cd(struct smmu_img *s, uint32_t sid, uint32_t ssid)
{
	for (size_t i = 0; i < s->ncds; i++)
		if (s->cds[i].sid == sid && s->cds[i].ssid == ssid)
			return &s->cds[i];
	return NULL;
}

/* ---- descriptors (Arm DDI 0487 D8.3) --------------------------------------- */

/* An output or next-table address in a descriptor: the 52-bit layouts move the top bits low. */
static inline uint64_t si_addr_bits(const struct si_tt *tt, uint64_t addr)
{
	if (tt->gs == 16)
		return (addr & SI_GENMASK(47, 16)) | (addr >> 48 & 0xf) << 12;
	if (tt->ds)
		return (addr & SI_GENMASK(49, tt->gs)) | (addr >> 50 & 3) << 8;
	return addr & SI_GENMASK(47, tt->gs);
}

/* A leaf for ADDR at Arm LEVEL: page (0b11) at level 3, block (0b01) above. */
static inline uint64_t si_leaf(const struct si_tt *tt, uint64_t addr, int level, unsigned int perm,
			       bool contig, bool noaf)
{
	uint64_t e = si_addr_bits(tt, addr) | (level == 3 ? 3 : 1) | (noaf ? 0 : 1ULL << 10) |
		     (contig ? 1ULL << 52 : 0) | (tt->ds ? 0 : 3ULL << 8);

	if (tt->stage2)		/* MemAttr normal write-back, S2AP R and W */
		e |= 0xfULL << 2 | (perm & 1 ? 1ULL << 6 : 0) | (perm & 2 ? 1ULL << 7 : 0);
	else			/* AP[2] read-only, AP[1] EL0 access */
		e |= (perm & 2 ? 0 : 1ULL << 7) | (perm & 4 ? 1ULL << 6 : 0);
	return e;
}

static inline int si_map_s2(struct smmu_img *s, struct si_stream *st, uint64_t ipa, uint64_t pa,
			    int level, unsigned int perm);

/* A zeroed table of BYTES (at least 8), aligned to its size; nested stage 1 tables also mapped in stage 2. */
static inline uint64_t si_table(struct smmu_img *s, struct si_stream *st, uint64_t bytes,
				bool stage1)
{
	uint64_t t = img_alloc(s->m, bytes, bytes);

	if (t && stage1 && st && st->config == 7 && st->s1_tables != 2) {
		uint64_t g = 1ULL << st->s2.gs;

		for (uint64_t a = t & ~(g - 1); a < t + bytes; a += g)
			if (si_map_s2(s, st, a, a, 3, st->s1_tables == 1 ? 1 : 3) < 0)
				return 0;
	}
	return t;
}

/* The entry for IN at Arm LEVEL of TT, creating tables on the way when CREATE. */
static inline uint64_t *si_entry(struct smmu_img *s, struct si_stream *st, struct si_tt *tt,
				 uint64_t in, int level, bool create)
{
	uint64_t table = tt->root;
	unsigned int stride = tt->gs - 3;

	for (int l = 4 - (int)tt->levels;; l++) {
		unsigned int bits = l == 4 - (int)tt->levels ? tt->top_bits : stride;
		unsigned int shift = tt->gs + stride * (unsigned int)(3 - l);
		uint64_t *e = img_word(s->m, table + 8 * ((in >> shift) & ((1ULL << bits) - 1)));

		if (!e || l == level)
			return e;
		if (!(*e & 1)) {
			uint64_t t;

			if (!create)
				return NULL;
			t = si_table(s, st, 1ULL << tt->gs, !tt->stage2);
			if (!t)
				return NULL;
			*e = si_addr_bits(tt, t) | 3;
		}
		/* Back from the descriptor to the next table's address. */
		if (tt->gs == 16)
			table = (*e & SI_GENMASK(47, 16)) | (*e >> 12 & 0xf) << 48;
		else if (tt->ds)
			table = (*e & SI_GENMASK(49, tt->gs)) | (*e >> 8 & 3) << 50;
		else
			table = *e & SI_GENMASK(47, tt->gs);
	}
}

static inline int si_map_s2(struct smmu_img *s, struct si_stream *st, uint64_t ipa, uint64_t pa,
			    int level, unsigned int perm)
{
	uint64_t *e = si_entry(s, st, &st->s2, ipa, level, true);

	if (!e)
		return img_fail(s->m, "no room for stage 2 tables");
	*e = si_leaf(&st->s2, pa, level, perm, false, false);
	return 0;
}

/* Set up TT for granule shift GS over IN_BITS, starting at Arm level START (-9: natural). */
static inline int si_tt_init(struct smmu_img *s, struct si_stream *st, struct si_tt *tt,
			     unsigned int gs, unsigned int in_bits, int start, bool ds, bool stage2)
{
	unsigned int stride = gs - 3;
	int top;

	tt->gs = gs;
	tt->ds = ds && gs != 16;
	tt->stage2 = stage2;
	tt->in_bits = in_bits;
	tt->levels = start == -9 ? (in_bits - gs + stride - 1) / stride : (unsigned int)(4 - start);
	top = (int)in_bits - (int)gs - (int)(tt->levels - 1) * (int)stride;
	if (top < 1 || top > (int)stride + 4)
		return img_fail(s->m, "start level %d does not fit %u input bits", 4 - (int)tt->levels,
				in_bits);
	tt->top_bits = (unsigned int)top;
	tt->root = si_table(s, st, 8ULL << top, !stage2);
	return tt->root ? 0 : -ENOMEM;
}

static inline unsigned int si_granule(struct img *m, char **argv, int argc, const char *key,
				      unsigned int fallback)
{
	static const char *const names[] = { "4k", "16k", "64k" };
	static const unsigned char shifts[] = { 12, 14, 16 };
	int i = img_choice(m, argv, argc, key, names, 3, -1);

	return i < 0 ? fallback : shifts[i];
}

/* ---- statements ------------------------------------------------------------ */

/* "SID[/SSID][:s2]" */
static inline bool si_target(const char *t, uint32_t *sid, uint32_t *ssid, bool *s2)
{
	char *end;
	uint64_t v;

	errno = 0;
	v = strtoull(t, &end, 0);
	if (errno || end == t || v > 0xffffffffULL)
		return false;
	*sid = (uint32_t)v;
	*ssid = IMG_NO_PASID;
	*s2 = false;
	if (*end == '/') {
		t = end + 1;
		v = strtoull(t, &end, 0);
		if (end == t || v > 0xfffff)
			return false;
		*ssid = (uint32_t)v;
	}
	if (strcmp(end, ":s2") == 0)
		*s2 = true;
	else if (*end)
		return false;
	return true;
}

/* smmuv3 ...: the stream table (IHI 0070 §6.3.24 STRTAB_BASE_CFG). */
/* The words each statement takes after its positional ones (poke and drop: positional only). */
static inline int si_check_words(struct img *m, char **argv, int argc)
{
	static const char *const header[] = { "strtab", "log2size", "split", "tables-at", NULL };
	static const char *const ste[] = { "config", "invalid", "span", "cdmax", "s1fmt", "s1dss",
					   "strw", "vmid", "s2tg", "ias", "s2start", "s2ps", "s2ds",
					   "s2affd", "s2r", "s2ha", "s1-tables", NULL };
	static const char *const cd[] = { "invalid", "tg0", "va", "tg1", "va1", "epd0", "epd1",
					  "ips", "asid", "affd", "ha", "r", "ds", "tbi0", "tbi1",
					  "pan", NULL };
	static const char *const map[] = { "page", "perm", "user", "contig", "noaf", NULL };

	if (strcmp(argv[0], "smmuv3") == 0)
		return img_check_words(m, argv, argc, 0, header);
	if (strcmp(argv[0], "ste") == 0)
		return img_check_words(m, argv, argc, 1, ste);
	if (strcmp(argv[0], "cd") == 0)
		return img_check_words(m, argv, argc, 1, cd);
	if (strcmp(argv[0], "map") == 0)
		return img_check_words(m, argv, argc, 4, map);
	return 0;
}

static inline int si_header(struct smmu_img *s, char **argv, int argc)
{
	static const char *const fmts[] = { "linear", "2level" };
	struct img *m = s->m;
	uint64_t at = img_opt_num(m, argv, argc, "tables-at", 0);

	s->two_level = img_choice(m, argv, argc, "strtab", fmts, 2, 0) == 1;
	s->log2size = (unsigned int)img_opt_num(m, argv, argc, "log2size", s->two_level ? 16 : 8);
	s->split = (unsigned int)img_opt_num(m, argv, argc, "split", s->two_level ? 8 : 0);
	if (at) {
		m->next = at;
		m->hi = at + 0x10000000;
	}
	if (s->log2size > 20 || (s->two_level && (s->split < 6 || s->split > 10)))
		return img_fail(m, "smmuv3: log2size up to 20, split 6..10");
	if (s->two_level) {
		uint64_t bytes = 8ULL << (s->log2size > s->split ? s->log2size - s->split : 0);

		s->strtab = img_alloc(m, bytes, bytes < 64 ? 64 : bytes);
	} else {
		s->strtab = img_alloc(m, 64ULL << s->log2size, 64ULL << s->log2size);
	}
	return s->strtab ? 0 : img_fail(m, "no room for the stream table");
}

/* The STE of SID, allocating its level 2 array (SPAN) in a 2-level table. */
static inline uint64_t si_ste_addr(struct smmu_img *s, uint32_t sid, unsigned int span)
{
	uint64_t *l1, l2, index = sid & ((1ULL << s->split) - 1);

	if (!s->two_level)
		return s->strtab + 64ULL * sid;
	l1 = img_word(s->m, s->strtab + 8ULL * (sid >> s->split));
	if (!l1)
		return 0;
	if (!(*l1 & 0x1f)) {
		l2 = img_alloc(s->m, 64ULL << (span - 1), 64ULL << (span - 1));
		if (!l2)
			return 0;
		*l1 = l2 | span;
	}
	if (index >> ((*l1 & 0x1f) - 1))
		return 0;
	return (*l1 & SI_GENMASK(51, 6)) + 64 * index;
}

static inline int si_ste(struct smmu_img *s, char **argv, int argc)
{
	static const char *const configs[] = { "abort", NULL, NULL, NULL, "bypass", "s1", "s2",
					       "nested" };
	static const char *const fmts[] = { "linear", "2l4k", "2l64k" };
	static const char *const dss[] = { "terminate", "bypass", "ssid0" };
	static const char *const strws[] = { "el1", NULL, "el2" };
	struct img *m = s->m;
	uint32_t sid, ssid;
	struct si_stream *st;
	const char *v;
	uint64_t *w, ste;
	bool s2only;
	int config;

	if (argc < 2 || !si_target(argv[1], &sid, &ssid, &s2only) || ssid != IMG_NO_PASID)
		return img_fail(m, "ste: SID expected");
	if (s->nstreams == SI_MAX)
		return img_fail(m, "too many streams");
	if (img_opt(argv, argc, "config", &v) && v && isdigit((unsigned char)v[0]))
		config = (int)strtoul(v, NULL, 0) & 7;	/* a number: the reserved encodings too */
	else
		config = img_choice(m, argv, argc, "config", configs, 8, 4);
	ste = si_ste_addr(s, sid, (unsigned int)img_opt_num(m, argv, argc, "span", s->split + 1));
	w = ste ? img_word(m, ste) : NULL;
	if (!w)
		return img_fail(m, "ste: StreamID 0x%x has no room in the stream table", sid);
	st = &s->streams[s->nstreams++];
	memset(st, 0, sizeof(*st));
	st->sid = sid;
	st->ste = ste;
	st->config = (unsigned int)config;
	st->cdmax = (unsigned int)img_opt_num(m, argv, argc, "cdmax", 0);
	st->s1fmt = (unsigned int)img_choice(m, argv, argc, "s1fmt", fmts, 3, 0);
	st->s1_tables = img_opt(argv, argc, "s1-tables", &v) && v
				? (strcmp(v, "ro") == 0 ? 1 : strcmp(v, "none") == 0 ? 2 : 0) : 0;
	w[0] = (img_flag(argv, argc, "invalid") ? 0 : 1) | (uint64_t)config << 1;
	w[1] = (uint64_t)img_choice(m, argv, argc, "s1dss", dss, 3, 0) |
	       (uint64_t)img_choice(m, argv, argc, "strw", strws, 3, 0) << 30;
	if (config & 2) {
		unsigned int gs = si_granule(m, argv, argc, "s2tg", 12), tg = gs == 12 ? 0 : gs == 16 ? 1 : 2;
		unsigned int ias = (unsigned int)img_opt_num(m, argv, argc, "ias", 40);
		int start = img_opt(argv, argc, "s2start", &v) && v ? (int)strtol(v, NULL, 0) : -9;
		bool ds = img_flag(argv, argc, "s2ds");
		unsigned int sl0;
		int r;

		/* The start level given as Arm's level; S2SL0 encodes it by granule (VTCR_EL2.SL0). */
		r = si_tt_init(s, st, &st->s2, gs, ias, start, ds, true);
		if (r < 0)
			return r;
		start = 4 - (int)st->s2.levels;
		sl0 = gs == 12 ? (start == 2 ? 0 : start == 1 ? 1 : start == 0 ? 2 : start == 3 ? 3 : 0)
			       : (unsigned int)(3 - start);
		w[2] = img_opt_num(m, argv, argc, "vmid", 1) |
		       (uint64_t)(64 - ias) << 32 | (uint64_t)sl0 << 38 | 1ULL << 40 | 1ULL << 42 |
		       3ULL << 44 | (uint64_t)tg << 46 |
		       (img_opt_num(m, argv, argc, "s2ps", 5) & 7) << 48 | 1ULL << 51 |
		       (img_flag(argv, argc, "s2affd") ? 1ULL << 53 : 0) |
		       (img_flag(argv, argc, "s2ha") ? 1ULL << 56 : 0) |
		       (img_flag(argv, argc, "s2r") ? 1ULL << 58 : 0);
		w[3] = st->s2.root | (start == -1 ? 1ULL << 2 : 0) | (ds ? 1ULL << 3 : 0);
	}
	return 0;
}

/* The CD table of stream ST (S1ContextPtr) and the CD of SSID in it. */
static inline uint64_t si_cd_addr(struct smmu_img *s, struct si_stream *st, uint32_t ssid)
{
	uint64_t *w = img_word(s->m, st->ste), *l1;

	if (!st->cdmax) {
		if (!st->cd_table)
			st->cd_table = si_table(s, st, 64, true);
		w[0] |= st->cd_table;
		return st->cd_table;
	}
	if (st->s1fmt == 0) {
		if (!st->cd_table)
			st->cd_table = si_table(s, st, 64ULL << st->cdmax, true);
		w[0] |= st->cd_table | (uint64_t)st->cdmax << 59;
		return st->cd_table ? st->cd_table + 64ULL * ssid : 0;
	}
	{
		unsigned int leaf_bits = st->s1fmt == 1 ? 6 : 10;
		unsigned int l1_bits = st->cdmax > leaf_bits ? st->cdmax - leaf_bits : 0;

		if (!st->cd_table)
			st->cd_table = si_table(s, st, 8ULL << l1_bits < 64 ? 64 : 8ULL << l1_bits, true);
		if (!st->cd_table)
			return 0;
		w[0] |= st->cd_table | (uint64_t)st->s1fmt << 4 | (uint64_t)st->cdmax << 59;
		l1 = img_word(s->m, st->cd_table + 8ULL * (ssid >> leaf_bits));
		if (!l1)
			return 0;
		if (!(*l1 & 1)) {
			uint64_t leaf = si_table(s, st, 64ULL << leaf_bits, true);

			if (!leaf)
				return 0;
			*l1 = leaf | 1;
		}
		return (*l1 & SI_GENMASK(51, 12)) + 64ULL * (ssid & ((1u << leaf_bits) - 1));
	}
}

/* cd SID[/SSID] ...: IHI 0070 §5.4. */
static inline int si_cd_stmt(struct smmu_img *s, char **argv, int argc)
{
	struct img *m = s->m;
	uint32_t sid, ssid;
	struct si_stream *st;
	struct si_cd *cd;
	uint64_t *w, ips = img_opt_num(m, argv, argc, "ips", 5);
	bool s2, ds = img_flag(argv, argc, "ds");
	unsigned int tg_code[2];

	if (argc < 2 || !si_target(argv[1], &sid, &ssid, &s2) || s2)
		return img_fail(m, "cd: SID[/SSID] expected");
	st = si_stream(s, sid);
	if (!st || !(st->config & 1))
		return img_fail(m, "cd: declare the stream with stage 1 first");
	if (s->ncds == SI_MAX)
		return img_fail(m, "too many CDs");
	cd = &s->cds[s->ncds++];
	memset(cd, 0, sizeof(*cd));
	cd->sid = sid;
	cd->ssid = ssid;
	cd->addr = si_cd_addr(s, st, ssid == IMG_NO_PASID ? 0 : ssid);
	w = cd->addr ? img_word(m, cd->addr) : NULL;
	if (!w)
		return img_fail(m, "cd: no room for the CD");
	for (unsigned int n = 0; n < 2; n++) {
		unsigned int gs = si_granule(m, argv, argc, n ? "tg1" : "tg0", 12);
		unsigned int va = (unsigned int)img_opt_num(m, argv, argc, n ? "va1" : "va", 48);
		int r;

		cd->epd[n] = img_flag(argv, argc, n ? "epd1" : "epd0") || (n && !img_flag(argv, argc, "tg1"));
		/* TG0: 0 4K, 1 64K, 2 16K; TG1: 1 16K, 2 4K, 3 64K. */
		tg_code[n] = n ? (gs == 12 ? 2 : gs == 14 ? 1 : 3) : (gs == 12 ? 0 : gs == 16 ? 1 : 2);
		cd->tt[n].in_bits = va;
		if (cd->epd[n])
			continue;
		r = si_tt_init(s, st, &cd->tt[n], gs, va, -9, ds, false);
		if (r < 0)
			return r;
	}
	w[0] = (64ULL - cd->tt[0].in_bits) | (uint64_t)tg_code[0] << 6 | 1ULL << 8 | 1ULL << 10 |
	       3ULL << 12 | (cd->epd[0] ? 1ULL << 14 : 0) | (64ULL - cd->tt[1].in_bits) << 16 |
	       (uint64_t)tg_code[1] << 22 | 1ULL << 24 | 1ULL << 26 | 3ULL << 28 |
	       (cd->epd[1] ? 1ULL << 30 : 0) | (img_flag(argv, argc, "invalid") ? 0 : 1ULL << 31) |
	       (ips & 7) << 32 | (img_flag(argv, argc, "affd") ? 1ULL << 35 : 0) |
	       (img_flag(argv, argc, "tbi0") ? 1ULL << 38 : 0) |
	       (img_flag(argv, argc, "tbi1") ? 1ULL << 39 : 0) |
	       (img_flag(argv, argc, "pan") ? 1ULL << 40 : 0) | 1ULL << 41 |
	       (img_flag(argv, argc, "ha") ? 1ULL << 43 : 0) |
	       (img_flag(argv, argc, "r") ? 1ULL << 45 : 0) | 1ULL << 46 | 1ULL << 47 |
	       (img_opt_num(m, argv, argc, "asid", 1) & 0xffff) << 48;
	w[1] = cd->epd[0] ? 0 : cd->tt[0].root;
	w[2] = (cd->epd[1] ? 0 : cd->tt[1].root) | (ds ? 1ULL << 58 : 0);
	w[3] = 0x0000000000ff04ffULL;	/* MAIR: normal write-back, device-nGnRE */
	return 0;
}

/* The tables a target names: a CD's TTB (by IOVA bit 55) or the stream's stage 2. */
static inline struct si_tt *si_target_tt(struct smmu_img *s, uint32_t sid, uint32_t ssid, bool s2,
					 uint64_t iova, struct si_stream **ret_st)
{
	struct si_stream *st = si_stream(s, sid);
	struct si_cd *cd;

	*ret_st = st;
	if (!st)
		return NULL;
	if (s2)
		return st->config & 2 ? &st->s2 : NULL;
	cd = si_cd(s, sid, ssid);
	if (!cd) {
		if (ssid == IMG_NO_PASID && (st->config & 2) && !(st->config & 1))
			return &st->s2;	/* stage 2 only: the IOVA is the IPA */
		return NULL;
	}
	return cd->epd[iova >> 55 & 1] ? NULL : &cd->tt[iova >> 55 & 1];
}

static inline int si_map(struct smmu_img *s, char **argv, int argc)
{
	struct img *m = s->m;
	uint64_t iova, phys, size, page = img_opt_num(m, argv, argc, "page", 0);
	unsigned int perm = 3;
	struct si_stream *st;
	struct si_map *bigger;
	struct si_tt *tt;
	uint32_t sid, ssid;
	const char *v;
	bool s2;
	int level = 3;

	if (argc < 5 || !si_target(argv[1], &sid, &ssid, &s2) || !img_number(argv[2], &iova) ||
	    !img_number(argv[3], &phys) || !img_number(argv[4], &size))
		return img_fail(m, "map: SID[/SSID][:s2] IOVA PHYS SIZE expected");
	tt = si_target_tt(s, sid, ssid, s2, iova, &st);
	if (!tt)
		return img_fail(m, "map: no such tables");
	if (!page)
		page = 1ULL << tt->gs;
	while (level > 0 && (1ULL << (tt->gs + (tt->gs - 3) * (unsigned int)(3 - level))) < page)
		level--;
	if ((1ULL << (tt->gs + (tt->gs - 3) * (unsigned int)(3 - level))) != page ||
	    (iova | phys | size) & (page - 1) || !size)
		return img_fail(m, "map: page 0x%llx is no %s-granule page or block, or the range is unaligned",
				(unsigned long long)page, tt->gs == 12 ? "4K" : tt->gs == 14 ? "16K" : "64K");
	if (img_opt(argv, argc, "perm", &v) && v)
		perm = (strchr(v, 'r') ? 1 : 0) | (strchr(v, 'w') ? 2 : 0);
	if (img_flag(argv, argc, "user"))
		perm |= 4;
	for (uint64_t off = 0; off < size; off += page) {
		uint64_t *e = si_entry(s, st, tt, iova + off, level, true);

		if (!e)
			return img_fail(m, "no room for tables");
		*e = si_leaf(tt, phys + off, level, perm, img_flag(argv, argc, "contig"),
			     img_flag(argv, argc, "noaf"));
	}
	bigger = realloc(s->maps, (s->nmaps + 1) * sizeof(*bigger));
	if (!bigger)
		return -ENOMEM;
	s->maps = bigger;
	s->maps[s->nmaps++] = (struct si_map){ sid, ssid, tt->stage2 && s2, iova, phys, size, page,
					       perm, img_flag(argv, argc, "contig") };
	return 0;
}

/* The word a poke or drop names. */
static inline uint64_t *si_poke_target(struct smmu_img *s, char **argv, int argc, int *word_arg)
{
	uint32_t sid, ssid;
	struct si_stream *st;
	struct si_cd *cd;
	struct si_tt *tt;
	uint64_t iova;
	bool s2;

	if (argc < 3 || !si_target(argv[2], &sid, &ssid, &s2))
		return NULL;
	st = si_stream(s, sid);
	*word_arg = 3;
	if (strcmp(argv[1], "ste") == 0)
		return st ? img_word(s->m, st->ste) : NULL;
	if (strcmp(argv[1], "l1std") == 0)
		return s->two_level ? img_word(s->m, s->strtab + 8ULL * (sid >> s->split)) : NULL;
	if (strcmp(argv[1], "cd") == 0) {
		cd = si_cd(s, sid, ssid);
		return cd ? img_word(s->m, cd->addr) : NULL;
	}
	if (strcmp(argv[1], "l1cd") == 0 && st && st->s1fmt)
		return img_word(s->m, st->cd_table + 8ULL * (ssid >> (st->s1fmt == 1 ? 6 : 10)));
	if (strcmp(argv[1], "entry") == 0 && argc > 4 && img_number(argv[3], &iova)) {
		long l = strtol(argv[4], NULL, 0);

		*word_arg = 5;
		tt = si_target_tt(s, sid, ssid, s2, iova, &st);
		return tt ? si_entry(s, st, tt, iova, (int)l, false) : NULL;
	}
	return NULL;
}

static inline int si_poke(struct smmu_img *s, char **argv, int argc)
{
	int w = 0;
	uint64_t *e = si_poke_target(s, argv, argc, &w), word, value;

	if (!e || argc != w + 3 || !img_number(argv[w], &word) || word > 7 ||
	    !img_number(argv[w + 2], &value))
		return img_fail(s->m, "poke: ste|cd|l1std|l1cd SID[/SSID] WORD, or entry SID[/SSID][:s2] IOVA LEVEL WORD, then or|and|set VALUE");
	if (strcmp(argv[w + 1], "or") == 0)
		e[word] |= value;
	else if (strcmp(argv[w + 1], "and") == 0)
		e[word] &= value;
	else if (strcmp(argv[w + 1], "set") == 0)
		e[word] = value;
	else
		return img_fail(s->m, "poke: or, and or set expected");
	return 0;
}

/* The page holding word E. */
static inline uint64_t si_page_of(const struct img *m, const uint64_t *e)
{
	for (size_t i = 0; i < m->cap; i++)
		if (m->pages[i] && (const uint8_t *)e >= m->pages[i] &&
		    (const uint8_t *)e < m->pages[i] + IMG_PAGE)
			return m->frames[i] * IMG_PAGE;
	return 0;
}

static inline int si_drop(struct smmu_img *s, char **argv, int argc)
{
	uint64_t addr;
	int w;
	uint64_t *e;

	if (argc == 3 && strcmp(argv[1], "page") == 0 && img_number(argv[2], &addr))
		return img_drop_page(s->m, addr);
	if (argc == 5 && strcmp(argv[1], "table") == 0) {
		char *args[6] = { argv[0], (char *)"entry", argv[2], argv[3], argv[4], NULL };

		e = si_poke_target(s, args, 5, &w);
		if (e && si_page_of(s->m, e))
			return img_drop_page(s->m, si_page_of(s->m, e));
	}
	return img_fail(s->m, "drop: table SID[/SSID][:s2] IOVA LEVEL, or page ADDR expected");
}

/* Build from DESCRIPTION (its first statement "smmuv3 ..."); 0, or -EINVAL with m->error. */
static inline int smmu_img_build(struct smmu_img *s, struct img *m, const char *description)
{
	char *text = strdup(description), *save = NULL;
	unsigned int lineno = 0;
	int r = 0;

	memset(s, 0, sizeof(*s));
	s->m = m;
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
		if (!s->strtab && strcmp(argv[0], "smmuv3"))
			r = img_fail(m, "the first statement must be smmuv3");
		else if (si_check_words(m, argv, argc) < 0)
			r = -EINVAL;
		else if (strcmp(argv[0], "smmuv3") == 0)
			r = si_header(s, argv, argc);
		else if (strcmp(argv[0], "ste") == 0)
			r = si_ste(s, argv, argc);
		else if (strcmp(argv[0], "cd") == 0)
			r = si_cd_stmt(s, argv, argc);
		else if (strcmp(argv[0], "map") == 0)
			r = si_map(s, argv, argc);
		else if (strcmp(argv[0], "poke") == 0)
			r = si_poke(s, argv, argc);
		else if (strcmp(argv[0], "drop") == 0)
			r = si_drop(s, argv, argc);
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

static inline void smmu_img_free(struct smmu_img *s)
{
	free(s->maps);
	s->maps = NULL;
}

#endif
