// SPDX-License-Identifier: MIT
/*
 * acpidump's text output (ACPICA acpidump, also what fwts logs): per table a
 * "SIGN @ 0xADDRESS" line, then "OFFS: xx xx ... xx  ascii" lines of up to
 * 16 bytes.  Offsets must run on without gaps; every line is checked.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

struct text_table {
	char name[16];
	size_t header_line;
	uint8_t *data;
	size_t size, alloc;
	bool broken;
};

static const char *skip_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* "NAME @ 0x...": the table's name (up to 8 characters, "RSD PTR" has a space). */
static bool parse_header_line(const char *p, const char *end, char *name, size_t name_size)
{
	const char *at = memchr(p, '@', (size_t)(end - p));
	const char *n = skip_blanks(p, end), *name_end;

	if (!at || at == n)
		return false;
	name_end = at;
	while (name_end > n && name_end[-1] == ' ')
		name_end--;
	if (name_end == n || (size_t)(name_end - n) >= name_size)
		return false;
	for (const char *c = n; c < name_end; c++)
		if (!isalnum((unsigned char)*c) && *c != '_' && *c != ' ')
			return false;
	at = skip_blanks(at + 1, end);
	if (end - at < 3 || at[0] != '0' || (at[1] != 'x' && at[1] != 'X') || hex_value(at[2]) < 0)
		return false;
	memcpy(name, n, (size_t)(name_end - n));
	name[name_end - n] = 0;
	return true;
}

/* "OFFS: xx xx ..."; returns bytes parsed (0..16) or -1 when not a data line. */
static int parse_data_line(const char *p, const char *end, uint64_t *ret_offset, uint8_t *bytes)
{
	uint64_t offset = 0;
	int digits = 0, count = 0;

	p = skip_blanks(p, end);
	while (p < end && hex_value(*p) >= 0 && digits < 16) {
		offset = offset << 4 | (uint64_t)hex_value(*p++);
		digits++;
	}
	if (digits < 4 || p >= end || *p != ':')
		return -1;
	p++;
	while (count < 16) {
		int spaces = 0;

		while (p < end && *p == ' ') {
			p++;
			spaces++;
		}
		if (spaces == 0 || (count > 0 && spaces >= 2) || end - p < 2)
			break;
		if (hex_value(p[0]) < 0 || hex_value(p[1]) < 0 || (end - p > 2 && !isspace((unsigned char)p[2])))
			break;
		bytes[count++] = (uint8_t)(hex_value(p[0]) << 4 | hex_value(p[1]));
		p += 2;
	}
	*ret_offset = offset;
	return count;
}

bool acpidump_text_detect(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		char name[16];

		if (!eol)
			eol = end;
		if (skip_blanks(p, eol) != eol && !(eol - p == 1 && *p == '\r'))
			return parse_header_line(p, eol, name, sizeof(name));
		p = eol + 1;
	}
	return false;
}

static int finish_table(struct iommu_tables *set, const char *source, struct text_table *t)
{
	/* The RSDP ("RSD PTR ") is not a description table: nothing to load. */
	bool usable = t->name[0] && !t->broken && strcmp(t->name, "RSD PTR") != 0;
	const char *why = usable ? acpi_header_problem(t->data, t->size) : NULL;
	int r = 0;

	if (usable && why)
		r = tables_add_problem(set, source, t->header_line, true, -EBADMSG,
				       "table %s: %s", t->name, why) ?: -EBADMSG;
	else if (usable)
		r = tables_add(set, source, t->header_line, true, t->name, t->data, t->size) ?: 1;
	t->name[0] = 0;
	t->size = 0;
	t->broken = false;
	return r;
}

static int append(struct text_table *t, const uint8_t *bytes, int count)
{
	/* A data line without bytes ("0000:") adds nothing, even before the first allocation. */
	if (count == 0)
		return 0;
	if (t->size + (size_t)count > t->alloc) {
		size_t alloc = t->alloc ? t->alloc * 2 : 4096;
		uint8_t *bigger = realloc(t->data, alloc);

		if (!bigger)
			return -ENOMEM;
		t->data = bigger;
		t->alloc = alloc;
	}
	memcpy(t->data + t->size, bytes, (size_t)count);
	t->size += (size_t)count;
	return 0;
}

int acpidump_text_parse(struct iommu_tables *set, const char *source, const char *text, size_t size)
{
	const char *p = text, *end = text + size;
	struct text_table t = { .name = "" };
	size_t line = 0;
	int r = 0, found = 0, first_error = 0;

	for (; p < end && r != -ENOMEM; p++) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		uint8_t bytes[16];
		uint64_t offset;
		char name[16];
		int count;

		if (!eol)
			eol = end;
		line++;
		if (skip_blanks(p, eol) == eol || (eol - p == 1 && *p == '\r')) {
			p = eol;
			continue;
		}
		if (parse_header_line(p, eol, name, sizeof(name))) {
			r = finish_table(set, source, &t);
			found += r > 0;
			if (r < 0 && !first_error)
				first_error = r;
			snprintf(t.name, sizeof(t.name), "%s", name);
			t.header_line = line;
		} else if ((count = parse_data_line(p, eol, &offset, bytes)) >= 0) {
			if (!t.name[0] || t.broken) {
				if (!t.name[0] && !t.broken) {
					r = tables_add_problem(set, source, line, true, -EBADMSG,
							       "hex data before any table header line");
					first_error = first_error ?: -EBADMSG;
					t.broken = true;
				}
			} else if (offset != t.size) {
				r = tables_add_problem(set, source, line, true, -EBADMSG,
						       "table %s: data line at offset 0x%llx, expected 0x%zx",
						       t.name, (unsigned long long)offset, t.size);
				first_error = first_error ?: -EBADMSG;
				t.broken = true;
			} else {
				r = append(&t, bytes, count);
			}
		} else {
			r = tables_add_problem(set, source, line, true, -EBADMSG,
					       "not acpidump text: '%.*s'",
					       (int)(eol - p > 40 ? 40 : eol - p), p);
			first_error = first_error ?: -EBADMSG;
			t.broken = true;
		}
		p = eol;
	}
	if (r != -ENOMEM) {
		r = finish_table(set, source, &t);
		found += r > 0;
	}
	free(t.data);
	if (r == -ENOMEM)
		return r;
	if (first_error)
		return first_error;
	return r < 0 ? r : found;
}
