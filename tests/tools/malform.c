// SPDX-License-Identifier: MIT
/*
 * malform: break IOMMU tables in every way the decoders must survive, and
 * check in-process what happens.  For each DMAR, IVRS, IORT or VIOT table in
 * the files given, the original is decoded and its tree tells where every
 * structure and field is; then each of these mutations is made (checksum
 * fixed, so the mutation is the only fault):
 *
 *   cut       the table cut at every byte (the header still claims all of it)
 *   length    every structure's length field set to 0, 1 and 0xFFFF
 *   count     every element count set to 0xFFFF and to all ones (4 G entries)
 *   offset    every offset and node reference set just past the table, to
 *             0xFFFF and to all ones
 *   type      every structure's type set to one no specification defines
 *             (entry size class kept, so the rest stays walkable)
 *
 * and checked: decode and validation succeed with at least one finding (a
 * broken table is never silently accepted), and the rest of the table is
 * still decoded where the format allows — every structure outside the one
 * broken (for a broken length: outside its parent; at the top level: every
 * structure before it) is still there, same kind, same offset; for a cut,
 * every structure wholly before the cut.
 *
 *   malform [-o DIR] FILE...
 *
 * -o DIR writes each mutated table (not the cuts) as DIR/NAME:WHAT.bin for the
 * command-level checks (exit codes, JSON).  Prints a summary line and exits
 * 1 on any failed check, 2 on a usage or input error.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libiommu.h"

#define HEADER_SIZE 36

/* One structure of a decode: what must still be there after a mutation. */
struct spot {
	const char *kind;
	uint64_t offset, length;
	size_t parent;		/* index of the parent; (size_t)-1 for the root */
};

struct tree {
	struct spot *spots;
	size_t count;
};

enum mutation { CUT, LENGTH, COUNT, OFFSET, TYPE };
static const char *const mutation_names[] = { "cut", "length", "count", "offset", "type" };

struct state {
	struct iommu_ctx *ctx;
	const char *outdir;
	unsigned long tables, skipped, runs, failures, written;
	unsigned int input;	/* which input file: two inputs may share a base name */
};

static void tree_add(struct tree *t, const struct iommu_dnode *node, size_t parent)
{
	const struct iommu_dnode *child;
	size_t self = t->count;

	t->spots = realloc(t->spots, (t->count + 1) * sizeof(*t->spots));
	if (!t->spots) {
		perror("malform");
		exit(2);
	}
	t->spots[t->count++] = (struct spot){ iommu_dnode_get_kind(node), iommu_dnode_get_offset(node),
					      iommu_dnode_get_length(node), parent };
	iommu_dnode_foreach_child(node, child)
		tree_add(t, child, self);
}

static bool tree_has(const struct tree *t, const struct spot *s)
{
	for (size_t i = 0; i < t->count; i++)
		if (t->spots[i].offset == s->offset && strcmp(t->spots[i].kind, s->kind) == 0)
			return true;
	return false;
}

/* True when spot I lies inside spot ANCESTOR (strictly below it in the tree). */
static bool tree_below(const struct tree *t, size_t i, size_t ancestor)
{
	while (t->spots[i].parent != (size_t)-1) {
		i = t->spots[i].parent;
		if (i == ancestor)
			return true;
	}
	return false;
}

static void fix_checksum(uint8_t *buf, size_t size)
{
	uint8_t sum = 0;

	if (size < HEADER_SIZE)
		return;
	buf[9] = 0;
	for (size_t i = 0; i < size; i++)
		sum += buf[i];
	buf[9] = (uint8_t)-sum;
}

/*
 * Load BUF, decode and validate its table: 0 with the tree and the number of
 * findings, or a negative errno (and a message in *WHY) when either failed.
 */
static int run(struct state *st, const uint8_t *buf, size_t size, const char *signature,
	       struct tree *tree, size_t *ret_findings, const char **why)
{
	struct iommu_findings *findings = NULL;
	struct iommu_dnode *root = NULL;
	struct iommu_tables *tables;
	struct iommu_table *table;
	int r;

	st->runs++;
	*ret_findings = 0;
	*why = NULL;
	r = iommu_tables_new(st->ctx, &tables);
	if (r < 0)
		return r;
	iommu_tables_load_data(tables, "malform", buf, size);
	table = iommu_tables_find(tables, signature);
	if (!table) {
		*why = "no table loaded";
		r = -ENOENT;
	} else if ((r = iommu_table_decode(table, &root)) < 0) {
		*why = "decode failed";
	} else if ((r = iommu_table_validate(table, tables, 0, &findings)) < 0) {
		*why = "validation failed";
	} else {
		*ret_findings = iommu_findings_count(findings);
		if (tree)
			tree_add(tree, root, (size_t)-1);
	}
	iommu_findings_unref(findings);
	iommu_dnode_unref(root);
	iommu_tables_unref(tables);
	return r;
}

static void fail(struct state *st, const char *name, const char *what, const char *format, ...)
	__attribute__((format(printf, 4, 5)));
static void fail(struct state *st, const char *name, const char *what, const char *format, ...)
{
	va_list ap;

	st->failures++;
	if (st->failures > 50)
		return;
	printf("FAIL %s: %s: ", name, what);
	va_start(ap, format);
	vprintf(format, ap);
	va_end(ap);
	putchar('\n');
}

/* Every structure wholly within the first CUT bytes is still decoded. */
static void check_cuts(struct state *st, const char *name, const uint8_t *orig, size_t size,
		       const char *signature, const struct tree *before)
{
	for (size_t cut = HEADER_SIZE; cut < size; cut++) {
		struct tree after = { 0 };
		const char *why;
		size_t nfindings;
		char what[64];

		snprintf(what, sizeof(what), "cut at %zu", cut);
		if (run(st, orig, cut, signature, &after, &nfindings, &why) < 0) {
			fail(st, name, what, "%s", why);
		} else if (nfindings == 0) {
			fail(st, name, what, "no finding");
		} else {
			for (size_t i = 1; i < before->count; i++) {
				const struct spot *s = &before->spots[i];

				/* (A structure of length 0 is one the decode found broken.) */
				if (s->length && s->offset + s->length <= cut && !tree_has(&after, s)) {
					fail(st, name, what, "%s at 0x%llx no longer decoded", s->kind,
					     (unsigned long long)s->offset);
					break;
				}
			}
		}
		free(after.spots);
	}
}

static uint64_t field_max(unsigned int size)
{
	return size >= 8 ? UINT64_MAX : (UINT64_C(1) << (8 * size)) - 1;
}

/* The mutation a field's key calls for, or -1. */
static int classify(const struct iommu_dfield *f, bool root)
{
	const char *key = iommu_dfield_get_key(f);
	size_t len = strlen(key);
	unsigned int size = iommu_dfield_get_size(f);

#define ENDS(s) (len >= sizeof(s) - 1 && strcmp(key + len - (sizeof(s) - 1), s) == 0)
	if (size == 0 || size > 4 || iommu_dfield_get_bit_width(f))
		return -1;
	if (root)	/* the header's own fields: the cuts and truncation.sh break those */
		return strcmp(key, "node_count") == 0 ? COUNT :
		       strcmp(key, "node_offset") == 0 ? OFFSET : -1;
	if (strcmp(key, "length") == 0 || (ENDS("_length") && strcmp(key, "memory_length") != 0))
		return LENGTH;
	if (ENDS("_count") && strcmp(key, "id_count") != 0)
		return COUNT;
	if ((ENDS("_offset") && strcmp(key, "capability_offset") != 0) || ENDS("_reference"))
		return OFFSET;
	if (strcmp(key, "type") == 0)
		return TYPE;
	return -1;
#undef ENDS
}

/* The values a mutation writes into a field of SIZE bytes holding OLD, in a table of TABLE_SIZE. */
static size_t mutation_values(enum mutation m, unsigned int size, uint64_t old, size_t table_size,
			      uint64_t values[4])
{
	uint64_t max = field_max(size);
	size_t n = 0;

	switch (m) {
	case LENGTH:
		values[n++] = 0;
		values[n++] = 1;
		values[n++] = 0xffff & max;
		break;
	case COUNT:
		values[n++] = 0xffff & max;
		values[n++] = max;
		break;
	case OFFSET:
		values[n++] = table_size & max;
		values[n++] = 0xffff & max;
		values[n++] = max;
		break;
	case TYPE:
		/* Undefined in every table; the top two bits (an IVRS entry's size class) kept. */
		values[n++] = ((old & 0xc0) | 0x3e) & max;
		break;
	case CUT:
		break;
	}
	return n;
}

/*
 * Whether structure K must still be decoded after mutation M broke a field
 * of structure I: everything but I and what lies inside it; for a broken
 * length, only what lies outside I's parent (whose own length still frames
 * the rest), or, at the top level, what comes before I.  A field of the
 * table's own header (I = 0) may change everything.
 */
static bool must_survive(const struct tree *t, size_t i, enum mutation m, size_t k)
{
	size_t parent = t->spots[i].parent;

	if (k == 0 || i == 0 || k == i || tree_below(t, k, i))
		return false;
	if (m != LENGTH)
		return true;
	if (parent != 0)
		return !tree_below(t, k, parent);
	return t->spots[k].offset < t->spots[i].offset;
}

/* DIR/N-NAME:WHAT.bin (N: the input's position), WHAT with only letters, digits and "._=@-" (the others become "_"). */
static void write_mutation(struct state *st, const char *name, const char *what,
			   const uint8_t *buf, size_t size)
{
	const char *base = strrchr(name, '/');
	char path[4096];
	size_t len;
	FILE *f;

	if (!st->outdir)
		return;
	len = (size_t)snprintf(path, sizeof(path), "%s/%u-%s:", st->outdir, st->input,
			       base ? base + 1 : name);
	for (; *what && len + 5 < sizeof(path); what++)
		path[len++] = isalnum((unsigned char)*what) || strchr("._=@-", *what) ? *what : '_';
	snprintf(path + len, sizeof(path) - len, ".bin");
	st->written++;
	f = fopen(path, "wbx");
	if (!f || fwrite(buf, 1, size, f) != size || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
}

/* An "X_offset" whose "X_count" is 0 points at nothing: breaking it breaks nothing. */
static bool points_at_nothing(const struct iommu_dnode *node, const struct iommu_dfield *f)
{
	const char *key = iommu_dfield_get_key(f);
	const struct iommu_dfield *count;
	size_t len = strlen(key);
	char name[64];

	if (len < 7 || len >= sizeof(name) || strcmp(key + len - 7, "_offset") != 0)
		return false;
	snprintf(name, sizeof(name), "%.*s_count", (int)(len - 7), key);
	count = iommu_dnode_find_field(node, name);
	return count && iommu_dfield_get_u64(count) == 0;
}

/* Every mutation of every field of spot INDEX (NODE) of the table ORIG. */
static void mutate_node(struct state *st, const char *name, const uint8_t *orig, size_t size,
			const char *signature, const struct iommu_dnode *node, size_t index,
			const struct tree *before)
{
	const struct iommu_dfield *f;
	uint8_t *buf = malloc(size);

	if (!buf) {
		perror("malform");
		exit(2);
	}
	bool has_length = false;

	iommu_dnode_foreach_field(node, f)
		has_length |= strcmp(iommu_dfield_get_key(f), "length") == 0;
	iommu_dnode_foreach_field(node, f) {
		int m = classify(f, index == 0);
		uint64_t at = iommu_dfield_get_offset(f), old = iommu_dfield_get_u64(f), values[4];
		unsigned int width = iommu_dfield_get_size(f);
		size_t n;

		if (m < 0 || at + width > size || points_at_nothing(node, f))
			continue;
		n = mutation_values((enum mutation)m, width, old, size, values);
		for (size_t v = 0; v < n; v++) {
			/*
			 * A structure without a length field of its own is an AMD IVHD device
			 * entry, whose type's bits 7:6 give its size: an unknown type of the
			 * variable-size class (80h-FFh) leaves the rest of the block unwalkable.
			 */
			enum mutation breaks = m == TYPE && !has_length && values[v] >= 0x80 ?
					       LENGTH : (enum mutation)m;
			struct tree after = { 0 };
			const char *why;
			size_t nfindings;
			char what[160];

			if (values[v] == old || (v > 0 && values[v] == values[v - 1]))
				continue;
			memcpy(buf, orig, size);
			for (unsigned int b = 0; b < width; b++)
				buf[at + b] = (uint8_t)(values[v] >> (8 * b));
			fix_checksum(buf, size);
			snprintf(what, sizeof(what), "%s %s@0x%llx %s=0x%llx", mutation_names[m],
				 before->spots[index].kind,
				 (unsigned long long)before->spots[index].offset,
				 iommu_dfield_get_key(f), (unsigned long long)values[v]);
			write_mutation(st, name, what, buf, size);
			if (run(st, buf, size, signature, &after, &nfindings, &why) < 0) {
				fail(st, name, what, "%s", why);
			} else if (nfindings == 0) {
				fail(st, name, what, "no finding");
			} else {
				for (size_t k = 0; k < before->count; k++) {
					const struct spot *s = &before->spots[k];

					if (must_survive(before, index, breaks, k) &&
					    !tree_has(&after, s)) {
						fail(st, name, what, "%s at 0x%llx no longer decoded",
						     s->kind, (unsigned long long)s->offset);
						break;
					}
				}
			}
			free(after.spots);
		}
	}
	free(buf);
}

/* Spot indexes follow the order tree_add() visits the nodes, which this walk repeats. */
static void mutate_tree(struct state *st, const char *name, const uint8_t *orig, size_t size,
			const char *signature, const struct iommu_dnode *node, size_t *index,
			const struct tree *before)
{
	const struct iommu_dnode *child;

	mutate_node(st, name, orig, size, signature, node, (*index)++, before);
	iommu_dnode_foreach_child(node, child)
		mutate_tree(st, name, orig, size, signature, child, index, before);
}

static void malform_table(struct state *st, const char *name, struct iommu_table *table)
{
	const char *signature = iommu_table_get_signature(table);
	struct tree before = { 0 };
	struct iommu_dnode *root;
	const uint8_t *data;
	size_t size, index = 0;

	data = iommu_table_get_data(table, &size);
	if (iommu_table_is_truncated(table) || iommu_table_decode(table, &root) < 0) {
		printf("malform: %s: %s skipped: not a whole table that decodes\n", name, signature);
		st->skipped++;
		return;
	}
	st->tables++;
	tree_add(&before, root, (size_t)-1);
	check_cuts(st, name, data, size, signature, &before);
	mutate_tree(st, name, data, size, signature, root, &index, &before);
	iommu_dnode_unref(root);
	free(before.spots);
}

int main(int argc, char **argv)
{
	struct state st = { 0 };
	int i = 1;

	if (argc > 2 && strcmp(argv[1], "-o") == 0) {
		st.outdir = argv[2];
		i = 3;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: malform [-o DIR] FILE...\n");
		return 2;
	}
	if (iommu_ctx_new(&st.ctx) < 0)
		return 2;
	for (; i < argc; i++, st.input++) {
		struct iommu_tables *set;
		struct iommu_table *t;

		if (iommu_tables_new(st.ctx, &set) < 0) {
			perror("malform");
			return 2;
		}
		/* A file whose tables are not all usable still has its usable ones malformed. */
		iommu_tables_load_path(set, argv[i]);
		iommu_tables_foreach(set, t)
			if (iommu_table_is_iommu(t))
				malform_table(&st, argv[i], t);
		iommu_tables_unref(set);
	}
	iommu_ctx_unref(st.ctx);
	printf("malform: %lu tables, %lu skipped, %lu runs, %lu mutated tables written, "
	       "%lu failed checks\n", st.tables, st.skipped, st.runs, st.written, st.failures);
	return st.failures ? 1 : 0;
}
