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
 */
#include <errno.h>
#include <endian.h>
#include <stdio.h>
#include <stdlib.h>

#include "kernel/kernel.h"

#define MAX_SYMS (1u << 22)
#define KSYM_NAME_LEN 512
#define TOKEN_TABLE_MAX (64u << 10)
#define CHUNK 4096u

static int add_name(struct ksyms *s, const char *name, size_t len, uint64_t addr)
{
	if (s->nsyms == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 1024;
		struct ksym *bigger = reallocarray(s->syms, cap, sizeof(*bigger));

		if (!bigger)
			return -ENOMEM;
		s->syms = bigger;
		s->cap = cap;
	}
	if (s->names_cap - s->names_size < len + 1) {
		size_t cap = s->names_cap ? 2 * s->names_cap : 65536;
		char *bigger;

		while (cap - s->names_size < len + 1)
			cap *= 2;
		if (cap > UINT32_MAX)
			return -EFBIG;
		bigger = realloc(s->names, cap);
		if (!bigger)
			return -ENOMEM;
		s->names = bigger;
		s->names_cap = cap;
	}
	memcpy(s->names + s->names_size, name, len);
	s->names[s->names_size + len] = 0;
	s->syms[s->nsyms++] = (struct ksym){ (uint32_t)s->names_size, addr };
	s->names_size += len + 1;
	return 0;
}

/* FNV-1a: the names are short, and the table is built once per dump. */
static uint32_t name_hash(const char *name)
{
	uint32_t h = 2166136261u;

	for (; *name; name++)
		h = (h ^ (uint8_t)*name) * 16777619u;
	return h;
}

/* Index the names in a hash table (open addressing, twice as many slots as symbols). */
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
		size_t slot = name_hash(s->names + s->syms[i].name) & s->index_mask;

		while (s->index[slot])
			slot = (slot + 1) & s->index_mask;
		s->index[slot] = (uint32_t)i + 1;
	}
	return 0;
}

int ksyms_lookup(const struct ksyms *s, const char *name, uint64_t *ret)
{
	size_t slot;

	if (!s->index)
		return -ENOENT;
	for (slot = name_hash(name) & s->index_mask; s->index[slot]; slot = (slot + 1) & s->index_mask) {
		const struct ksym *k = &s->syms[s->index[slot] - 1];

		if (strcmp(name, s->names + k->name) == 0) {
			*ret = k->addr;
			return 0;
		}
	}
	return -ENOENT;
}

void ksyms_free(struct ksyms *s)
{
	free(s->names);
	free(s->syms);
	free(s->index);
	memset(s, 0, sizeof(*s));
}

/* A sequential reader over kallsyms_names. */
struct stream {
	ksyms_read_fn *read;
	void *data;
	uint64_t addr;			/* of buf[0] */
	uint8_t buf[CHUNK];
	size_t len, pos;
};

static int stream_byte(struct stream *st, uint8_t *ret)
{
	if (st->pos == st->len) {
		uint64_t next = st->addr + st->len;
		size_t want = CHUNK - (next & (CHUNK - 1));
		int r = st->read(st->data, next, st->buf, want);

		if (r < 0)
			return r;
		st->addr = next;
		st->len = want;
		st->pos = 0;
	}
	*ret = st->buf[st->pos++];
	return 0;
}

/* The token table: 256 NUL-terminated strings, read until the 256th NUL or the bound. */
static int read_tokens(const struct ksyms_layout *l, ksyms_read_fn *read, void *data,
		       char **ret_table, size_t *ret_size, uint16_t index[256])
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
		index[i] = get_le16(raw + 2 * i);
		if (index[i] >= size || !memchr(table + index[i], 0, size - index[i])) {
			r = -EBADMSG;
			goto fail;
		}
	}
	*ret_table = table;
	*ret_size = size;
	return 0;
fail:
	free(table);
	return r;
}

int ksyms_decode(struct ksyms *s, const struct ksyms_layout *l, ksyms_read_fn *read, void *data,
		 char *problem, size_t problem_size)
{
	struct stream st = { .read = read, .data = data, .addr = l->names };
	uint8_t word[8];
	uint16_t index[256];
	char *table = NULL, name[KSYM_NAME_LEN + 1];
	size_t table_size;
	int32_t *offsets = NULL;
	uint64_t base, stext_rel = 0, stext_abs = 0;
	uint32_t n;
	bool relative = true, have_stext = false;
	int r;

	memset(s, 0, sizeof(*s));
	s->source = "kallsyms";
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
	base = get_le64(word);
	r = read_tokens(l, read, data, &table, &table_size, index);
	if (r < 0) {
		snprintf(problem, problem_size, "kallsyms_token_table/kallsyms_token_index %s",
			 r == -EBADMSG ? "are not a token table" : "are not readable");
		return r;
	}
	offsets = malloc((size_t)n * sizeof(*offsets));
	r = -ENOMEM;
	if (!offsets)
		goto out;
	r = read(data, l->offsets, offsets, (size_t)n * sizeof(*offsets));
	if (r < 0) {
		snprintf(problem, problem_size, "kallsyms_offsets (%u entries) is cut short", n);
		goto out;
	}
	for (uint32_t i = 0; i < n; i++) {
		size_t len = 0, tokens;
		uint8_t b;

		r = stream_byte(&st, &b);
		tokens = b;
		if (r >= 0 && (b & 0x80)) {
			r = stream_byte(&st, &b);
			tokens = (tokens & 0x7f) | (size_t)b << 7;
		}
		for (size_t t = 0; r >= 0 && t < tokens; t++) {
			const char *tok;
			size_t tlen;

			r = stream_byte(&st, &b);
			if (r < 0)
				break;
			tok = table + index[b];
			tlen = strlen(tok);
			if (len + tlen > KSYM_NAME_LEN) {
				r = -EBADMSG;
				break;
			}
			memcpy(name + len, tok, tlen);
			len += tlen;
		}
		if (r < 0 || len < 2) {
			snprintf(problem, problem_size, "kallsyms_names is cut short or damaged at symbol %u of %u",
				 i, n);
			r = r < 0 && r != -EBADMSG ? r : -EBADMSG;
			goto out;
		}
		name[len] = 0;
		/* Addresses are computed once the kind of offsets is known: keep the number. */
		r = add_name(s, name + 1, len - 1, i);
		if (r < 0)
			goto out;
		if (l->stext && strcmp(name + 1, "_stext") == 0) {
			int32_t off = (int32_t)le32toh((uint32_t)offsets[i]);

			have_stext = true;
			stext_rel = base + (uint32_t)off;
			stext_abs = off >= 0 ? (uint64_t)off : base - 1 - (uint64_t)(int64_t)off;
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
		relative = stext_rel == l->stext;
	}
	for (size_t i = 0; i < s->nsyms; i++) {
		int32_t off = (int32_t)le32toh((uint32_t)offsets[s->syms[i].addr]);

		s->syms[i].addr = relative ? base + (uint32_t)off
				 : off >= 0 ? (uint64_t)off : base - 1 - (uint64_t)(int64_t)off;
	}
	r = index_syms(s);
out:
	free(offsets);
	free(table);
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
