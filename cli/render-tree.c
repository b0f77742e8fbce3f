// SPDX-License-Identifier: MIT
/*
 * One renderer for every decoded table: a line per structure with its summary
 * fields, every field with its offset under -v, everything in JSON with the
 * raw value beside its meaning ("type": 1, "type_text": "PCI Endpoint").
 */
#include <stdio.h>
#include <string.h>

#include "iommutool.h"

#define LABEL_WIDTH 30

static bool needs_quotes(const char *s)
{
	return !*s || strpbrk(s, " \t\"=") != NULL;
}

/* The value as text: "0x00fed90000", "12", "yes", "\"BOCHS\"". */
static void value_text(const struct iommu_dfield *f, char *buf, size_t size)
{
	unsigned long long v = iommu_dfield_get_u64(f);
	unsigned int digits = 2 * iommu_dfield_get_size(f);

	if (iommu_dfield_get_bit_width(f))
		digits = (iommu_dfield_get_bit_width(f) + 3) / 4;
	switch (iommu_dfield_get_kind(f)) {
	case IOMMU_DFIELD_UINT:
		snprintf(buf, size, "%llu", v);
		break;
	case IOMMU_DFIELD_HEX:
	case IOMMU_DFIELD_ADDR:
		snprintf(buf, size, "0x%0*llx", (int)(digits ? digits : 1), v);
		break;
	case IOMMU_DFIELD_BOOL:
		snprintf(buf, size, "%s", v ? "yes" : "no");
		break;
	case IOMMU_DFIELD_STRING: {
		const char *s = iommu_dfield_get_string(f);

		snprintf(buf, size, needs_quotes(s) ? "\"%s\"" : "%s", s);
		break;
	}
	case IOMMU_DFIELD_BYTES: {
		size_t n, pos = 0;
		const uint8_t *b = iommu_dfield_get_bytes(f, &n);

		buf[0] = 0;
		for (size_t i = 0; i < n && pos + 8 < size; i++)
			pos += (size_t)snprintf(buf + pos, size - pos, "%s%02x", i ? " " : "", b[i]);
		if (pos + 8 >= size && n)
			snprintf(buf + pos, size - pos, " ...");
		break;
	}
	}
}

static void field_json(struct out *o, const struct iommu_dfield *f)
{
	const char *key = iommu_dfield_get_key(f);
	const char *meaning = iommu_dfield_get_meaning(f);
	uint64_t v = iommu_dfield_get_u64(f);

	switch (iommu_dfield_get_kind(f)) {
	case IOMMU_DFIELD_UINT:
		out_uint(o, key, NULL, v);
		break;
	case IOMMU_DFIELD_HEX:
	case IOMMU_DFIELD_ADDR:
		out_hex(o, key, NULL, v);
		break;
	case IOMMU_DFIELD_BOOL:
		out_bool(o, key, NULL, v != 0);
		break;
	case IOMMU_DFIELD_STRING:
		out_str(o, key, NULL, iommu_dfield_get_string(f));
		break;
	case IOMMU_DFIELD_BYTES: {
		size_t n;
		const uint8_t *b = iommu_dfield_get_bytes(f, &n);
		char hex[2 * 4096 + 1];
		size_t shown = n < 4096 ? n : 4096;

		for (size_t i = 0; i < shown; i++)
			snprintf(hex + 2 * i, 3, "%02x", b[i]);
		hex[2 * shown] = 0;
		out_str(o, key, NULL, hex);
		break;
	}
	}
	if (meaning) {
		char text_key[128];

		snprintf(text_key, sizeof(text_key), "%s_text", key);
		out_str(o, text_key, NULL, meaning);
	}
}

/* "key=value (meaning)" for the one-line summary; a true flag is just its key. */
static void summary_text(struct out *o, const struct iommu_dfield *f)
{
	const char *meaning = iommu_dfield_get_meaning(f);
	char value[128];

	if (iommu_dfield_get_kind(f) == IOMMU_DFIELD_BOOL) {
		if (iommu_dfield_get_u64(f))
			out_text(o, "  %s", iommu_dfield_get_key(f));
		return;
	}
	value_text(f, value, sizeof(value));
	out_text(o, "  %s=%s", iommu_dfield_get_key(f), value);
	if (meaning)
		out_text(o, " (%s)", meaning);
}

static void field_line(struct out *o, const struct iommu_dfield *f, unsigned int depth, int verbose)
{
	const char *meaning = iommu_dfield_get_meaning(f);
	unsigned int width = iommu_dfield_get_bit_width(f);
	char value[4096], where[48];

	/* Long byte strings are cut short unless -vv asks for all of them. */
	value_text(f, value, verbose > 1 ? sizeof(value) : 100);
	if (width) {
		unsigned int lo = iommu_dfield_get_bit_shift(f);

		if (width == 1)
			snprintf(where, sizeof(where), "  bit %u", lo);
		else
			snprintf(where, sizeof(where), "  bits %u-%u", lo + width - 1, lo);
	} else if (iommu_dfield_get_size(f)) {
		snprintf(where, sizeof(where), "[0x%03llx]",
			 (unsigned long long)iommu_dfield_get_offset(f));
	} else {
		snprintf(where, sizeof(where), "       ");
	}
	out_indent(o, depth);
	out_text_color(o, COLOR_DIM, "%-12s", where);
	out_text(o, " %-*s : %s", LABEL_WIDTH, iommu_dfield_get_label(f), value);
	if (meaning)
		out_text(o, " (%s)", meaning);
	out_text(o, "\n");
}

/* SHOWN false: JSON only (a detail node in text without -v). */
static void render_node(struct out *o, const struct iommu_dnode *node, unsigned int depth,
			int verbose, bool shown)
{
	const struct iommu_dfield *f;
	const struct iommu_dnode *c;

	out_str(o, "kind", NULL, iommu_dnode_get_kind(node));
	out_str(o, "title", NULL, iommu_dnode_get_title(node));
	out_hex(o, "offset", NULL, iommu_dnode_get_offset(node));
	out_uint(o, "length", NULL, iommu_dnode_get_length(node));

	if (shown) {
		out_indent(o, depth);
		out_text_color(o, COLOR_BOLD, "%s", iommu_dnode_get_title(node));
	}
	if (shown && verbose)
		out_text_color(o, COLOR_DIM, "  [0x%03llx, %llu bytes]",
			       (unsigned long long)iommu_dnode_get_offset(node),
			       (unsigned long long)iommu_dnode_get_length(node));
	iommu_dnode_foreach_field(node, f) {
		field_json(o, f);
		if (shown && !verbose && iommu_dfield_is_summary(f))
			summary_text(o, f);
	}
	if (shown)
		out_text(o, "\n");
	if (shown && verbose)
		iommu_dnode_foreach_field(node, f)
			field_line(o, f, depth + 1, verbose);

	if (!iommu_dnode_get_first_child(node))
		return;
	out_begin_array(o, "children");
	iommu_dnode_foreach_child(node, c) {
		out_begin_object(o, NULL);
		render_node(o, c, depth + 1, verbose,
			    shown && (verbose || !iommu_dnode_is_detail(c)));
		out_end_object(o);
	}
	out_end_array(o);
}

void render_dnode(struct out *o, const struct iommu_dnode *root, int verbose)
{
	render_node(o, root, 0, verbose, true);
}

void render_dnode_json_only(struct out *o, const struct iommu_dnode *root)
{
	render_node(o, root, 0, 0, false);
}

static enum out_color severity_color(enum iommu_severity s)
{
	return s == IOMMU_SEVERITY_ERROR ? COLOR_BAD : s == IOMMU_SEVERITY_WARNING ? COLOR_WARN
										 : COLOR_NONE;
}

/* A check that fired again and again: how often and where ("(3 times: at 0x50, 0x58, 0x60)"); each message in JSON. */
static void render_occurrences(struct out *o, const struct iommu_finding *f)
{
	size_t count = iommu_finding_get_count(f);
	bool first = true;

	out_uint(o, "count", count > 1 ? " (%llu times" : NULL, count);
	if (count < 2)
		return;
	out_begin_array(o, "items");
	for (size_t i = 0; i < count; i++) {
		uint64_t offset = iommu_finding_get_item_offset(f, i);

		out_begin_object(o, NULL);
		if (offset == IOMMU_NO_OFFSET) {
			out_null(o, "offset", NULL);
		} else {
			out_hex(o, "offset", first ? ": at 0x%llx" : ", 0x%llx", offset);
			first = false;
		}
		out_str(o, "message", NULL, iommu_finding_get_item_message(f, i));
		out_end_object(o);
	}
	out_end_array(o);
	out_text(o, ")");
}

void render_findings(struct out *o, const struct iommu_findings *findings)
{
	const struct iommu_finding *f;

	out_begin_array(o, "findings");
	iommu_findings_foreach(findings, f) {
		enum iommu_severity s = iommu_finding_get_severity(f);
		uint64_t offset = iommu_finding_get_offset(f);
		const char *ref = iommu_finding_get_reference(f);

		out_begin_object(o, NULL);
		out_str(o, "id", NULL, iommu_finding_get_id(f));
		out_text(o, "  ");
		out_str_color(o, "severity", "%-7s", iommu_severity_name(s), severity_color(s));
		out_str(o, "table", NULL, iommu_finding_get_table(f));
		if (offset == IOMMU_NO_OFFSET)
			out_null(o, "offset", NULL);
		else
			out_hex(o, "offset", " [0x%03llx]", offset);
		out_str(o, "message", " %s", iommu_finding_get_message(f));
		render_occurrences(o, f);
		out_text(o, "  (%s", iommu_finding_get_id(f));
		if (ref)
			out_text(o, ", %s", ref);
		out_text(o, ")\n");
		out_str(o, "reference", NULL, ref);
		out_end_object(o);
	}
	out_end_array(o);
}
