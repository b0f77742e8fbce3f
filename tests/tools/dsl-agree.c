// SPDX-License-Identifier: MIT
/*
 * dsl-agree: compare iommutool's decode of a table with ACPICA iasl's
 * disassembly of the same table (the NAME.dsl beside NAME.bin in the corpus).
 *
 *   dsl-agree [-v] [-d DEFECTS] TABLE.bin [TABLE.dsl]
 *
 * Every "[OFFh DEC LENh] Label : value" line of the .dsl is a field iasl
 * decoded.  It agrees when iommutool decoded the same bytes as one field, or
 * as several fields that lie inside it, with the same value; reserved and
 * padding fields that are zero may be left out (iommutool shows reserved
 * fields only when they are not zero).  A disagreement whose label matches a
 * line of the DEFECTS file ("SIG<TAB>label<TAB>reason": a known iasl defect)
 * is excused and counted.  Prints one line per disagreement and a summary;
 * exits 1 on any unexcused disagreement, 2 when the inputs cannot be read.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libiommu.h"

struct field {
	uint64_t offset;
	unsigned int size;
	const struct iommu_dfield *f;
};

struct decoded {
	struct field *fields;
	size_t count, alloc;
	const uint8_t *data;
	size_t size;
};

struct defect {
	char sig[5];
	char label[128];
	char reason[256];
	unsigned int used;
};

static struct defect defects[256];
static size_t ndefects;
static int verbose;

static void collect(struct decoded *d, const struct iommu_dnode *node)
{
	const struct iommu_dfield *f;
	const struct iommu_dnode *c;

	iommu_dnode_foreach_field(node, f) {
		if (iommu_dfield_get_bit_width(f) || !iommu_dfield_get_size(f))
			continue;
		if (d->count == d->alloc) {
			d->alloc = d->alloc ? 2 * d->alloc : 256;
			d->fields = realloc(d->fields, d->alloc * sizeof(*d->fields));
			if (!d->fields)
				exit(2);
		}
		d->fields[d->count++] = (struct field){ iommu_dfield_get_offset(f),
							iommu_dfield_get_size(f), f };
	}
	iommu_dnode_foreach_child(node, c)
		collect(d, c);
}

/* The decoded field that holds byte AT, innermost (smallest) first. */
static const struct field *owner(const struct decoded *d, uint64_t at)
{
	const struct field *best = NULL;

	for (size_t i = 0; i < d->count; i++) {
		const struct field *x = &d->fields[i];

		if (at >= x->offset && at < x->offset + x->size && (!best || x->size < best->size))
			best = x;
	}
	return best;
}

/* Byte AT as iommutool decoded it: from the numeric field that holds it. */
static int decoded_byte(const struct field *x, uint64_t at)
{
	enum iommu_dfield_kind kind = iommu_dfield_get_kind(x->f);
	size_t n;

	if (kind == IOMMU_DFIELD_BYTES) {
		const uint8_t *b = iommu_dfield_get_bytes(x->f, &n);

		return at - x->offset < n ? b[at - x->offset] : -1;
	}
	if (kind == IOMMU_DFIELD_STRING)
		return -1;
	return (int)((iommu_dfield_get_u64(x->f) >> (8 * (at - x->offset))) & 0xff);
}

static const struct defect *excuse(const char *sig, const char *label)
{
	for (size_t i = 0; i < ndefects; i++)
		if (strcmp(defects[i].sig, sig) == 0 && strcmp(defects[i].label, label) == 0) {
			defects[i].used++;
			return &defects[i];
		}
	return NULL;
}

static bool zero_filler(const char *label)
{
	return strstr(label, "Reserved") || strstr(label, "Padding");
}

/* iasl's value: "DMAR" strings, hex numbers, "00 01 .." bytes, "02,00" PCI paths. */
static int parse_value(const char *text, unsigned int size, uint8_t *bytes, char *string,
		       size_t string_size)
{
	const char *p = text;
	unsigned int n = 0;

	if (*p == '"') {
		const char *end = strrchr(p + 1, '"');

		if (!end)
			return -1;
		snprintf(string, string_size, "%.*s", (int)(end - p - 1), p + 1);
		return 1;
	}
	if (size > 8 || strchr(p, ',') || (strlen(p) > 2 && p[2] == ' ' && isxdigit((unsigned char)p[3]))) {
		/* byte list, in table order */
		while (*p && n < size) {
			if (!isxdigit((unsigned char)p[0]) || !isxdigit((unsigned char)p[1]))
				break;
			bytes[n++] = (uint8_t)strtoul((char[]){ p[0], p[1], 0 }, NULL, 16);
			p += 2;
			if (*p == ' ' || *p == ',')
				p++;
		}
		return n == size ? 0 : -1;
	}
	{
		char *end;
		unsigned long long v = strtoull(p, &end, 16);

		if (end == p)
			return -1;
		for (n = 0; n < size; n++)
			bytes[n] = (uint8_t)(v >> (8 * n));
	}
	return 0;
}

static void trim(char *s)
{
	size_t len = strlen(s);

	while (len && isspace((unsigned char)s[len - 1]))
		s[--len] = 0;
}

struct counts {
	unsigned long lines, agreed, excused, disagreed, omitted_zero, unparsed;
};

static void disagree(struct counts *c, const char *sig, const char *file, unsigned long offset,
		     const char *label, const char *why)
{
	const struct defect *d = excuse(sig, label);

	if (d) {
		c->excused++;
		if (verbose)
			printf("%s: [0x%03lx] %s: %s (iasl defect: %s)\n", file, offset, label, why,
			       d->reason);
		return;
	}
	c->disagreed++;
	printf("%s: [0x%03lx] %s: %s\n", file, offset, label, why);
}

static int compare(const char *bin, const char *dsl, struct counts *c)
{
	struct iommu_tables *tables = NULL;
	struct decoded d = { 0 };
	struct iommu_dnode *root = NULL;
	struct iommu_table *t;
	struct iommu_ctx *ctx;
	char line[4096], sig[5];
	FILE *f;


	if (iommu_ctx_new(&ctx) < 0 || iommu_tables_new(ctx, &tables) < 0)
		return 2;
	iommu_tables_load_path(tables, bin);
	t = iommu_tables_get_first(tables);
	if (!t || iommu_table_decode(t, &root) < 0) {
		fprintf(stderr, "dsl-agree: cannot load or decode '%s'\n", bin);
		return 2;
	}
	snprintf(sig, sizeof(sig), "%s", iommu_table_get_signature(t));
	d.data = iommu_table_get_data(t, &d.size);
	collect(&d, root);
	f = fopen(dsl, "r");
	if (!f) {
		fprintf(stderr, "dsl-agree: cannot open '%s': %s\n", dsl, strerror(errno));
		return 2;
	}
	while (fgets(line, sizeof(line), f)) {
		unsigned long offset, dec, size;
		char label[256], value[2048], string[512];
		uint8_t want[2048];
		int consumed = 0, kind;
		char *colon;

		if (sscanf(line, " [%lxh %lu %lxh]%n", &offset, &dec, &size, &consumed) != 3 || !consumed)
			continue;
		colon = strstr(line + consumed, " : ");
		if (!colon || size == 0 || size > sizeof(want))
			continue;
		c->lines++;
		snprintf(label, sizeof(label), "%.*s", (int)(colon - (line + consumed)), line + consumed);
		{
			char *l = label;

			while (isspace((unsigned char)*l))
				l++;
			memmove(label, l, strlen(l) + 1);
			trim(label);
		}
		snprintf(value, sizeof(value), "%s", colon + 3);
		trim(value);
		kind = parse_value(value, (unsigned int)size, want, string, sizeof(string));
		if (kind < 0) {
			c->unparsed++;
			if (verbose)
				printf("%s: [0x%03lx] %s: value '%s' not understood\n", bin, offset, label, value);
			continue;
		}
		if (kind == 1) {
			const struct field *x = owner(&d, offset);
			const char *ours;

			if (!x || x->offset != offset || iommu_dfield_get_kind(x->f) != IOMMU_DFIELD_STRING) {
				disagree(c, sig, bin, offset, label, "iasl shows a string, iommutool none here");
				continue;
			}
			ours = iommu_dfield_get_string(x->f);
			if (strcmp(ours, string) == 0) {
				c->agreed++;
			} else {
				char why[1200];

				snprintf(why, sizeof(why), "iasl \"%s\", iommutool \"%s\"", string, ours);
				disagree(c, sig, bin, offset, label, why);
			}
			continue;
		}
		{
			bool all_zero = true, covered = true, inside = true, equal = true;
			char why[600];

			for (unsigned long i = 0; i < size; i++) {
				const struct field *x = owner(&d, offset + i);

				all_zero &= want[i] == 0;
				if (!x) {
					covered = false;
					continue;
				}
				if (x->offset < offset || x->offset + x->size > offset + size)
					inside = false;
				else if (decoded_byte(x, offset + i) != want[i])
					equal = false;
			}
			if (!covered && all_zero && zero_filler(label)) {
				c->omitted_zero++;
				continue;
			}
			if (!covered)
				snprintf(why, sizeof(why), "iasl shows %s; iommutool decoded no field there", value);
			else if (!inside)
				snprintf(why, sizeof(why), "iasl shows %s as one field; iommutool's field there is larger", value);
			else if (!equal)
				snprintf(why, sizeof(why), "iasl shows %s; iommutool decoded other bytes", value);
			else {
				c->agreed++;
				continue;
			}
			disagree(c, sig, bin, offset, label, why);
		}
	}
	fclose(f);
	free(d.fields);
	iommu_dnode_unref(root);
	iommu_tables_unref(tables);
	iommu_ctx_unref(ctx);
	return 0;
}

static void load_defects(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[512];

	if (!f) {
		fprintf(stderr, "dsl-agree: cannot open '%s': %s\n", path, strerror(errno));
		exit(2);
	}
	while (fgets(line, sizeof(line), f) && ndefects < sizeof(defects) / sizeof(defects[0])) {
		struct defect *d = &defects[ndefects];
		char *tab1, *tab2;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		trim(line);
		tab1 = strchr(line, '\t');
		tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
		if (!tab2)
			continue;
		snprintf(d->sig, sizeof(d->sig), "%.*s", (int)(tab1 - line), line);
		snprintf(d->label, sizeof(d->label), "%.*s", (int)(tab2 - tab1 - 1), tab1 + 1);
		snprintf(d->reason, sizeof(d->reason), "%s", tab2 + 1);
		ndefects++;
	}
	fclose(f);
}

int main(int argc, char **argv)
{
	struct counts c = { 0 };
	int opt, r = 0;

	while ((opt = getopt(argc, argv, "vd:")) != -1) {
		if (opt == 'v')
			verbose++;
		else if (opt == 'd')
			load_defects(optarg);
		else
			return 2;
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: dsl-agree [-v] [-d DEFECTS] TABLE.bin...\n");
		return 2;
	}
	for (int i = optind; i < argc; i++) {
		char dsl[4096];
		size_t len = strlen(argv[i]);

		if (len < 4 || len >= sizeof(dsl))
			return 2;
		snprintf(dsl, sizeof(dsl), "%.*s.dsl", (int)(len - 4), argv[i]);
		if (compare(argv[i], dsl, &c))
			r = 2;
	}
	printf("dsl-agree: %d table(s), %lu iasl fields: %lu agree, %lu zero reserved/padding left out, "
	       "%lu excused as iasl defects, %lu values not understood, %lu disagree\n",
	       argc - optind, c.lines, c.agreed, c.omitted_zero, c.excused, c.unparsed, c.disagreed);
	for (size_t i = 0; i < ndefects; i++)
		if (defects[i].used)
			printf("  iasl defect excused %u time(s): %s %s: %s\n", defects[i].used,
			       defects[i].sig, defects[i].label, defects[i].reason);
	if (r)
		return r;
	return c.disagreed ? 1 : 0;
}
