// SPDX-License-Identifier: MIT
/* Bounded scanning of text input: numbers, devices, words, fields and lines (lib/text.h). */
#include <errno.h>
#include <string.h>

#include "internal.h"
#include "text.h"

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_space(char c)
{
	return is_blank(c) || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

const char *text_hex(const char *s, const char *end, uint64_t *ret)
{
	uint64_t v = 0;
	const char *start;
	int d;

	if (end - s > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && hex_digit(s[2]) >= 0)
		s += 2;
	for (start = s; s < end && (d = hex_digit(*s)) >= 0; s++) {
		if (v >> 60)
			return NULL;
		v = v << 4 | (uint64_t)d;
	}
	if (s == start)
		return NULL;
	*ret = v;
	return s;
}

const char *text_dec(const char *s, const char *end, uint64_t *ret)
{
	uint64_t v = 0;
	const char *start;

	for (start = s; s < end && *s >= '0' && *s <= '9'; s++) {
		uint64_t d = (uint64_t)(*s - '0');

		if (v > (UINT64_MAX - d) / 10)
			return NULL;
		v = v * 10 + d;
	}
	if (s == start)
		return NULL;
	*ret = v;
	return s;
}

bool text_whole_hex(const char *s, const char *end, uint64_t *ret)
{
	uint64_t v;

	if (text_hex(s, end, &v) != end)
		return false;
	*ret = v;
	return true;
}

const char *text_bdf(const char *s, const char *end, uint16_t *ret_segment, uint16_t *ret_rid,
		     bool *ret_has_segment)
{
	uint64_t part[4], segment = 0;
	unsigned int n = 0;

	/* Colons between the parts, a dot before the function, which ends it. */
	for (;;) {
		s = text_hex(s, end, &part[n++]);
		if (!s)
			return NULL;
		if (n >= 2 && s < end && *s == '.') {
			s = text_hex(s + 1, end, &part[n++]);
			break;
		}
		if (n == 3 || s == end || *s != ':')
			return NULL;
		s++;
	}
	if (!s)
		return NULL;
	if (n == 4) {
		segment = part[0];
		memmove(part, part + 1, 3 * sizeof(part[0]));
	}
	if (segment > 0xffff || part[0] > 0xff || part[1] > 0x1f || part[2] > 7)
		return NULL;
	*ret_segment = (uint16_t)segment;
	*ret_rid = (uint16_t)(part[0] << 8 | part[1] << 3 | part[2]);
	*ret_has_segment = n == 4;
	return s;
}

const char *text_skip_blanks(const char *s, const char *end)
{
	while (s < end && is_blank(*s))
		s++;
	return s;
}

const char *text_skip_space(const char *s, const char *end)
{
	while (s < end && is_space(*s))
		s++;
	return s;
}

size_t text_words(const char *s, const char *end, struct text_word *words, size_t max)
{
	size_t n = 0;

	for (s = text_skip_space(s, end); s < end && n < max; s = text_skip_space(s, end)) {
		const char *word = s;

		while (s < end && !is_space(*s))
			s++;
		words[n++] = (struct text_word){ word, (size_t)(s - word) };
	}
	return n;
}

const char *text_find(const char *s, const char *end, const char *needle)
{
	return s < end ? memmem(s, (size_t)(end - s), needle, strlen(needle)) : NULL;
}

bool text_starts(const char *s, const char *end, const char *prefix)
{
	size_t len = strlen(prefix);

	return (size_t)(end - s) >= len && memcmp(s, prefix, len) == 0;
}

bool text_field_hex(const char *s, const char *end, const char *key, uint64_t *ret)
{
	size_t len = strlen(key);

	for (const char *at = s; (at = text_find(at, end, key)); at += len)
		if (at == s || is_space(at[-1]) || at[-1] == '[' || at[-1] == '(' || at[-1] == ',')
			return text_hex(text_skip_blanks(at + len, end), end, ret) != NULL;
	return false;
}

const char *text_line_end(const char *s, const char *end)
{
	const char *nl = s < end ? memchr(s, '\n', (size_t)(end - s)) : NULL;

	if (!nl)
		return end;
	return nl > s && nl[-1] == '\r' ? nl - 1 : nl;
}

const char *text_next_line(const char *s, const char *end)
{
	const char *nl = s < end ? memchr(s, '\n', (size_t)(end - s)) : NULL;

	return nl ? nl + 1 : end;
}

bool text_lines_next(struct text_lines *lines, const char **ret_s, const char **ret_end)
{
	if (lines->p >= lines->end)
		return false;
	*ret_s = lines->p;
	*ret_end = text_line_end(lines->p, lines->end);
	lines->p = text_next_line(lines->p, lines->end);
	lines->number++;
	return true;
}

/* ---- what users type (libiommu.h) ------------------------------------------ */

IOMMU_EXPORT int iommu_parse_hex(const char *text, uint64_t *ret_value)
{
	return text_whole_hex(text, text + strlen(text), ret_value) ? 0 : -EINVAL;
}

IOMMU_EXPORT int iommu_parse_bdf(const char *text, uint16_t *ret_segment, uint16_t *ret_rid)
{
	const char *end = text + strlen(text);
	bool has_segment;

	return text_bdf(text, end, ret_segment, ret_rid, &has_segment) == end ? 0 : -EINVAL;
}
