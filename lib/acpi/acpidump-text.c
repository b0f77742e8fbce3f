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
#include "text.h"

struct text_table {
	char name[16];
	size_t header_line;
	uint8_t *data;
	size_t size, alloc;
	bool broken;
};

/* "NAME @ 0x...": the table's name (up to 8 characters, "RSD PTR" has a space). */
static bool parse_header_line(const char *p, const char *end, char *name, size_t name_size)
{
	const char *at = memchr(p, '@', (size_t)(end - p));
	const char *n = text_skip_blanks(p, end), *name_end;
	uint64_t address;

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
	at = text_skip_blanks(at + 1, end);
	if (!text_starts(at, end, "0x") && !text_starts(at, end, "0X"))
		return false;
	if (!text_hex(at + 2, end, &address))
		return false;
	memcpy(name, n, (size_t)(name_end - n));
	name[name_end - n] = 0;
	return true;
}

/* "OFFS: xx xx ..."; returns bytes parsed (0..16) or -1 when not a data line. */
static int parse_data_line(const char *p, const char *end, uint64_t *ret_offset, uint8_t *bytes)
{
	const char *digits = text_skip_blanks(p, end);
	int count = 0;
	uint64_t v;

	p = text_hex(digits, end, ret_offset);
	if (!p || p - digits < 4 || p == end || *p != ':')
		return -1;
	p++;
	while (count < 16) {
		const char *byte = text_skip_blanks(p, end);
		long spaces = byte - p;

		/* One space between bytes; two or more start the ASCII column. */
		if (spaces == 0 || (count > 0 && spaces >= 2) || end - byte < 2)
			break;
		if (text_hex(byte, byte + 2, &v) != byte + 2 ||
		    (end - byte > 2 && !isspace((unsigned char)byte[2])))
			break;
		bytes[count++] = (uint8_t)v;
		p = byte + 2;
	}
	return count;
}

bool acpidump_text_detect(const uint8_t *data, size_t size)
{
	struct text_lines lines = TEXT_LINES((const char *)data, size);
	const char *p, *eol;
	char name[16];

	while (text_lines_next(&lines, &p, &eol))
		if (text_skip_blanks(p, eol) != eol)
			return parse_header_line(p, eol, name, sizeof(name));
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
	struct text_lines lines = TEXT_LINES(text, size);
	struct text_table t = { .name = "" };
	const char *p, *eol;
	size_t line;
	int r = 0, found = 0, first_error = 0;

	while (r != -ENOMEM && text_lines_next(&lines, &p, &eol)) {
		uint8_t bytes[16];
		uint64_t offset;
		char name[16];
		int count;

		line = lines.number;
		if (text_skip_blanks(p, eol) == eol)
			continue;
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
