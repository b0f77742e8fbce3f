// SPDX-License-Identifier: MIT
/*
 * The kernel's symbols.  kallsyms as scripts/kallsyms.c lays it out
 * (Linux 6.x, CONFIG_KALLSYMS_BASE_RELATIVE): kallsyms_num_syms (u32),
 * kallsyms_names (per symbol a length byte, two bytes when the first has
 * bit 7 set, then that many token indices; the first character of the
 * expansion is the symbol's type), kallsyms_token_table (256 NUL-terminated
 * tokens), kallsyms_token_index (u16 offsets of each token), kallsyms_offsets
 * (s32 per symbol) and kallsyms_relative_base (u64): an address is
 * relative_base + (u32)offset, or with CONFIG_KALLSYMS_ABSOLUTE_PERCPU the
 * offset itself when >= 0 and relative_base - 1 - offset otherwise
 * (kernel/kallsyms.c kallsyms_sym_address()).  _stext's known address says
 * which.  Or a System.map / /proc/kallsyms text: "ADDR TYPE NAME".
 *
 * The kernel's names stay compressed: each is checked and hashed token by
 * token (a polynomial hash composes, so a token's hash is computed once),
 * expanded only when its hash matches a name asked for, and its address is
 * read from kallsyms_offsets then.  A lookup costs a probe, not a decoded
 * table of every name.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "kernel/kernel.h"

#define MAX_SYMS (1u << 22)
#define TOKEN_TABLE_MAX (64u << 10)
/* kallsyms_names of the largest kernels is a few MiB; bound what a damaged count makes us copy. */
#define NAMES_MAX (64u << 20)
#define CHUNK 4096u
#define HASH_FACTOR 0x01000193u

struct ktokens {
	char *table;
	uint16_t index[256];
	uint16_t len[256];
	/* The hash of each token, and HASH_FACTOR to the power of its length (ksym_hash()). */
	uint32_t hash[256], power[256];
	/* The same without the first character: a name's first token carries its type. */
	uint32_t tail_hash[256], tail_power[256];
};

/* The polynomial hash of SIZE bytes, continuing from H; *POWER times HASH_FACTOR per byte. */
static uint32_t hash_bytes(uint32_t h, const char *p, size_t size, uint32_t *power)
{
	for (size_t i = 0; i < size; i++) {
		h = h * HASH_FACTOR + (uint8_t)p[i];
		if (power)
			*power *= HASH_FACTOR;
	}
	return h;
}

static uint32_t name_hash(const char *name)
{
	return hash_bytes(0, name, strlen(name), NULL);
}

/* A hash table slot from a name's hash (murmur3's finalizer spreads the low bits). */
static size_t slot_of(const struct ksyms *s, uint32_t h)
{
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h & s->index_mask;
}

static int reserve_syms(struct ksyms *s, size_t cap)
{
	struct ksym *bigger;

	if (cap <= s->cap)
		return 0;
	bigger = reallocarray(s->syms, cap, sizeof(*bigger));
	if (!bigger)
		return -ENOMEM;
	s->syms = bigger;
	s->cap = cap;
	return 0;
}

static int add_sym(struct ksyms *s, uint32_t name, uint32_t hash, uint64_t addr)
{
	if (s->nsyms == s->cap) {
		int r = reserve_syms(s, s->cap ? 2 * s->cap : 1024);

		if (r < 0)
			return r;
	}
	s->syms[s->nsyms++] = (struct ksym){ name, hash, addr };
	return 0;
}

static int reserve_names(struct ksyms *s, size_t more)
{
	size_t cap = s->names_cap ? 2 * s->names_cap : 65536;
	char *bigger;

	if (s->names_cap - s->names_size >= more)
		return 0;
	while (cap - s->names_size < more)
		cap *= 2;
	if (cap > UINT32_MAX)
		return -EFBIG;
	bigger = realloc(s->names, cap);
	if (!bigger)
		return -ENOMEM;
	s->names = bigger;
	s->names_cap = cap;
	return 0;
}

static int add_name(struct ksyms *s, const char *name, size_t len, uint64_t addr)
{
	size_t at = s->names_size;
	int r = reserve_names(s, len + 1);

	if (r < 0)
		return r;
	memcpy(s->names + at, name, len);
	s->names[at + len] = 0;
	s->names_size += len + 1;
	return add_sym(s, (uint32_t)at, hash_bytes(0, name, len, NULL), addr);
}

/* Index the symbols by their names' hashes (open addressing, twice as many slots as symbols). */
static int index_syms(struct ksyms *s)
{
	size_t slots = 1024;

	while (slots < 2 * s->nsyms)
		slots *= 2;
	s->index = calloc(slots, sizeof(*s->index));
	if (!s->index)
		return -ENOMEM;
	s->index_mask = slots - 1;
	/* Equal names probe the same slots: the first in the table is found first. */
	for (size_t i = 0; i < s->nsyms; i++) {
		size_t slot = slot_of(s, s->syms[i].hash);

		while (s->index[slot])
			slot = (slot + 1) & s->index_mask;
		s->index[slot] = (uint32_t)i + 1;
	}
	return 0;
}

/*
 * A kernel name's token bytes (decode checked them) expanded into NAME, without its type
 * character; its length.
 */
static size_t expand(const struct ksyms *s, const struct ksym *k, char name[KSYM_NAME_LEN + 1])
{
	const uint8_t *p = (const uint8_t *)s->names + k->name;
	size_t tokens = *p++, len = 0;
	bool typed = false;

	if (tokens & 0x80)
		tokens = (tokens & 0x7f) | (size_t)*p++ << 7;
	for (size_t t = 0; t < tokens; t++) {
		const char *tok = s->tokens->table + s->tokens->index[p[t]];
		size_t tlen = s->tokens->len[p[t]];

		if (tlen && !typed) {
			typed = true;
			tok++;
			tlen--;
		}
		memcpy(name + len, tok, tlen);
		len += tlen;
	}
	name[len] = 0;
	return len;
}

static bool same_name(const struct ksyms *s, const struct ksym *k, const char *name)
{
	char buf[KSYM_NAME_LEN + 1];

	if (!s->tokens)
		return strcmp(name, s->names + k->name) == 0;
	expand(s, k, buf);
	return strcmp(name, buf) == 0;
}

/* Symbol I's address from kallsyms_offsets. */
static int kallsyms_address(const struct ksyms *s, size_t i, uint64_t *ret)
{
	uint8_t b[4];
	int32_t off;
	int r = s->read(s->data, s->offsets + 4 * i, b, 4);

	if (r < 0)
		return r;
	off = (int32_t)get_le32(b);
	*ret = s->relative ? s->base + (uint32_t)off
	       : off >= 0 ? (uint64_t)off : s->base - 1 - (uint64_t)(int64_t)off;
	return 0;
}

int ksyms_lookup(const struct ksyms *s, const char *name, uint64_t *ret)
{
	uint32_t h = name_hash(name);
	size_t slot;

	if (!s->index)
		return -ENOENT;
	for (slot = slot_of(s, h); s->index[slot]; slot = (slot + 1) & s->index_mask) {
		size_t i = s->index[slot] - 1;
		const struct ksym *k = &s->syms[i];

		if (k->hash != h || !same_name(s, k, name))
			continue;
		if (s->tokens)
			return kallsyms_address(s, i, ret);
		*ret = k->addr;
		return 0;
	}
	return -ENOENT;
}

const char *ksyms_name(const struct ksyms *s, size_t i, char buf[KSYM_NAME_LEN + 1])
{
	if (!s->tokens)
		return s->names + s->syms[i].name;
	expand(s, &s->syms[i], buf);
	return buf;
}

void ksyms_free(struct ksyms *s)
{
	if (s->tokens)
		free(s->tokens->table);
	free(s->tokens);
	free(s->names);
	free(s->syms);
	free(s->index);
	memset(s, 0, sizeof(*s));
}

/* The token table: 256 NUL-terminated strings, read until the 256th NUL or the bound; their hashes. */
static int read_tokens(const struct ksyms_layout *l, ksyms_read_fn *read, void *data,
		       struct ktokens *tk)
{
	char *table = malloc(TOKEN_TABLE_MAX);
	size_t size = 0, nuls = 0;
	uint8_t raw[512];
	int r;

	if (!table)
		return -ENOMEM;
	while (nuls < 256 && size < TOKEN_TABLE_MAX) {
		size_t want = CHUNK - ((l->token_table + size) & (CHUNK - 1));

		r = read(data, l->token_table + size, table + size, want);
		if (r < 0)
			goto fail;
		for (size_t i = 0; i < want && nuls < 256; i++)
			nuls += table[size + i] == 0;
		size += want;
	}
	r = -EBADMSG;
	if (nuls < 256)
		goto fail;
	r = read(data, l->token_index, raw, sizeof(raw));
	if (r < 0)
		goto fail;
	for (unsigned int i = 0; i < 256; i++) {
		const char *tok, *nul;

		tk->index[i] = get_le16(raw + 2 * i);
		tok = table + tk->index[i];
		if (tk->index[i] >= size || !(nul = memchr(tok, 0, size - tk->index[i]))) {
			r = -EBADMSG;
			goto fail;
		}
		tk->len[i] = (uint16_t)(nul - tok);
		tk->power[i] = tk->tail_power[i] = 1;
		tk->hash[i] = hash_bytes(0, tok, tk->len[i], &tk->power[i]);
		tk->tail_hash[i] = tk->len[i] ? hash_bytes(0, tok + 1, tk->len[i] - 1u, &tk->tail_power[i]) : 0;
	}
	tk->table = table;
	return 0;
fail:
	free(table);
	return r;
}

/* Copy kallsyms_names up to byte END, a page at a time. */
static int names_fill(struct ksyms *s, const struct ksyms_layout *l, size_t end)
{
	while (s->names_size < end) {
		uint64_t addr = l->names + s->names_size;
		size_t want = CHUNK - (addr & (CHUNK - 1));
		int r;

		if (s->names_size + want > NAMES_MAX)
			return -EBADMSG;
		r = reserve_names(s, want);
		if (r < 0)
			return r;
		r = s->read(s->data, addr, s->names + s->names_size, want);
		if (r < 0)
			return r;
		s->names_size += want;
	}
	return 0;
}

/*
 * The name at POS in kallsyms_names: checked against its tokens and hashed without its
 * type; the position of the next one in *RET_NEXT.
 */
static int scan_name(struct ksyms *s, const struct ksyms_layout *l, size_t pos, uint32_t *ret_hash,
		     size_t *ret_next)
{
	const struct ktokens *tk = s->tokens;
	const uint8_t *p;
	size_t tokens, len = 0, t = 0;
	uint32_t h = 0;
	int r = names_fill(s, l, pos + 1);

	if (r < 0)
		return r;
	tokens = (uint8_t)s->names[pos++];
	if (tokens & 0x80) {
		r = names_fill(s, l, pos + 1);
		if (r < 0)
			return r;
		tokens = (tokens & 0x7f) | (size_t)(uint8_t)s->names[pos++] << 7;
	}
	r = names_fill(s, l, pos + tokens);
	if (r < 0)
		return r;
	p = (const uint8_t *)s->names + pos;
	/* The first character, the type, is left out of the hash. */
	for (; t < tokens && !len; t++) {
		len = tk->len[p[t]];
		h = tk->tail_hash[p[t]];
	}
	for (; t < tokens && len <= KSYM_NAME_LEN; t++) {
		h = h * tk->power[p[t]] + tk->hash[p[t]];
		len += tk->len[p[t]];
	}
	if (len < 2 || len > KSYM_NAME_LEN)
		return -EBADMSG;
	*ret_hash = h;
	*ret_next = pos + tokens;
	return 0;
}

int ksyms_decode(struct ksyms *s, const struct ksyms_layout *l, ksyms_read_fn *read, void *data,
		 char *problem, size_t problem_size)
{
	uint32_t stext_hash = name_hash("_stext"), n;
	uint64_t stext_rel = 0, stext_abs = 0;
	bool have_stext = false;
	uint8_t word[8];
	size_t pos = 0;
	int r;

	memset(s, 0, sizeof(*s));
	s->source = "kallsyms";
	s->read = read;
	s->data = data;
	s->offsets = l->offsets;
	s->relative = true;
	r = read(data, l->num_syms, word, 4);
	if (r < 0) {
		snprintf(problem, problem_size, "kallsyms_num_syms is not readable");
		return r;
	}
	n = get_le32(word);
	if (!n || n > MAX_SYMS) {
		snprintf(problem, problem_size, "kallsyms_num_syms is %u, not a symbol count", n);
		return -EBADMSG;
	}
	r = read(data, l->relative_base, word, 8);
	if (r < 0) {
		snprintf(problem, problem_size, "kallsyms_relative_base is not readable");
		return r;
	}
	s->base = get_le64(word);
	s->tokens = calloc(1, sizeof(*s->tokens));
	if (!s->tokens)
		return -ENOMEM;
	r = read_tokens(l, read, data, s->tokens);
	if (r < 0) {
		snprintf(problem, problem_size, "kallsyms_token_table/kallsyms_token_index %s",
			 r == -EBADMSG ? "are not a token table" : "are not readable");
		goto out;
	}
	/* Addresses are read on lookup: the table's ends show it is there. */
	if (read(data, l->offsets, word, 4) < 0 || read(data, l->offsets + 4 * ((uint64_t)n - 1), word, 4) < 0) {
		snprintf(problem, problem_size, "kallsyms_offsets (%u entries) is cut short", n);
		r = -ENODATA;
		goto out;
	}
	/*
	 * kallsyms_token_table comes after kallsyms_names (scripts/kallsyms.c):
	 * room for the bytes up to it and for as many symbols as they can hold
	 * (two bytes each at least) spares growing both a copy at a time.
	 */
	if (l->token_table > l->names && l->token_table - l->names <= NAMES_MAX) {
		size_t room = (size_t)(l->token_table - l->names);

		r = reserve_names(s, room + CHUNK);
		if (r >= 0)
			r = reserve_syms(s, n < room / 2 ? n : room / 2);
		if (r < 0)
			goto out;
	}
	for (uint32_t i = 0; i < n; i++) {
		uint32_t h;
		size_t next;

		r = scan_name(s, l, pos, &h, &next);
		if (r < 0) {
			snprintf(problem, problem_size, "kallsyms_names is cut short or damaged at symbol %u of %u",
				 i, n);
			r = r == -EBADMSG || r == -EFBIG ? -EBADMSG : r;
			goto out;
		}
		r = add_sym(s, (uint32_t)pos, h, 0);
		if (r < 0)
			goto out;
		pos = next;
		if (l->stext && h == stext_hash && same_name(s, &s->syms[i], "_stext")) {
			int32_t off;

			r = read(data, l->offsets + 4 * (uint64_t)i, word, 4);
			if (r < 0) {
				snprintf(problem, problem_size, "kallsyms_offsets (%u entries) is cut short", n);
				goto out;
			}
			off = (int32_t)get_le32(word);
			have_stext = true;
			stext_rel = s->base + (uint32_t)off;
			stext_abs = off >= 0 ? (uint64_t)off : s->base - 1 - (uint64_t)(int64_t)off;
		}
	}
	if (have_stext) {
		if (stext_rel != l->stext && stext_abs != l->stext) {
			snprintf(problem, problem_size,
				 "kallsyms places _stext at 0x%llx, VMCOREINFO at 0x%llx: the tables do not belong to this kernel",
				 (unsigned long long)stext_rel, (unsigned long long)l->stext);
			r = -EBADMSG;
			goto out;
		}
		s->relative = stext_rel == l->stext;
	}
	r = index_syms(s);
out:
	if (r < 0)
		ksyms_free(s);
	return r;
}
int ksyms_parse_text(struct ksyms *s, const char *text, size_t size, uint64_t shift)
{
	int r = 0;

	memset(s, 0, sizeof(*s));
	for (size_t pos = 0; pos < size && r >= 0;) {
		const char *line = text + pos, *nl = memchr(line, '\n', size - pos), *p, *name;
		size_t len = nl ? (size_t)(nl - line) : size - pos, nlen;
		uint64_t addr = 0;
		size_t digits = 0;

		pos += len + 1;
		for (p = line; p < line + len && digits <= 16; p++, digits++) {
			int c = *p;
			unsigned int v = c >= '0' && c <= '9' ? (unsigned int)(c - '0')
				       : c >= 'a' && c <= 'f' ? (unsigned int)(c - 'a' + 10)
				       : c >= 'A' && c <= 'F' ? (unsigned int)(c - 'A' + 10) : 16u;

			if (v == 16)
				break;
			addr = addr << 4 | v;
		}
		/* "ADDR T NAME": one type letter between single spaces. */
		if (!digits || digits > 16 || line + len - p < 4 || p[0] != ' ' || p[2] != ' ')
			continue;
		name = p + 3;
		for (nlen = 0; name + nlen < line + len && name[nlen] != ' ' && name[nlen] != '\t';)
			nlen++;
		if (!nlen || nlen > KSYM_NAME_LEN)
			continue;
		r = add_name(s, name, nlen, addr + shift);
	}
	if (r < 0) {
		ksyms_free(s);
		return r;
	}
	if (!s->nsyms)
		return -EBADMSG;
	r = index_syms(s);
	if (r < 0)
		ksyms_free(s);
	return r;
}
