// SPDX-License-Identifier: MIT
/*
 * iommutool decode --trace, --reverse and --dot: the IORT questions.  Where
 * does this device's requester ID go (its StreamID at the SMMU, its DeviceID
 * at the ITS)?  Which devices reach StreamID 0x10?  What does the whole graph
 * look like?  The library finds the answers (iommu_iort_trace*); this renders.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode-iort.h"

/* Where a trace starts. */
struct trace_start {
	enum { START_PCI, START_NODE, START_NAME } kind;
	uint32_t segment;
	uint64_t offset;
	char name[256];
	bool has_id;
	uint32_t id;			/* the requester ID for START_PCI */
};

/* Where a reverse trace ends: a node offset, an SMMU base address, or every SMMU. */
struct reverse_end {
	enum { END_EVERY_SMMU, END_NODE, END_SMMU_BASE } kind;
	uint64_t where;
	uint32_t id;
};

static bool parse_number(const char *s, uint64_t max, uint64_t *ret)
{
	char *end;
	unsigned long long v;

	if (!*s || *s == '-')
		return false;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || *end || v > max)
		return false;
	*ret = v;
	return true;
}

/* [SEGMENT:]BUS:DEV.FN in hex, as lspci writes it. */
static bool parse_pci(const char *s, uint32_t *ret_segment, uint32_t *ret_rid)
{
	unsigned int seg = 0, bus, dev, fn;
	int n = -1;

	if (sscanf(s, "%x:%x:%x.%x%n", &seg, &bus, &dev, &fn, &n) != 4 || s[n]) {
		seg = 0;
		n = -1;
		if (sscanf(s, "%x:%x.%x%n", &bus, &dev, &fn, &n) != 3 || s[n])
			return false;
	}
	if (seg > 0xffff || bus > 0xff || dev > 0x1f || fn > 7)
		return false;
	*ret_segment = seg;
	*ret_rid = bus << 8 | dev << 3 | fn;
	return true;
}

/* "TEXT:ID" with a number after the last colon: split it off. */
static bool split_id(const char *s, char *head, size_t size, uint32_t *ret_id)
{
	const char *colon = strrchr(s, ':');
	uint64_t id;

	if (!colon || !parse_number(colon + 1, UINT32_MAX, &id) || (size_t)(colon - s) >= size)
		return false;
	snprintf(head, size, "%.*s", (int)(colon - s), s);
	*ret_id = (uint32_t)id;
	return true;
}

static int parse_start(const char *spec, struct trace_start *s)
{
	uint64_t v;

	memset(s, 0, sizeof(*s));
	if (parse_pci(spec, &s->segment, &s->id)) {
		s->kind = START_PCI;
		s->has_id = true;
		return 0;
	}
	s->has_id = split_id(spec, s->name, sizeof(s->name), &s->id);
	if (!s->has_id)
		snprintf(s->name, sizeof(s->name), "%s", spec);
	if (s->name[0] == '@') {
		s->kind = START_NODE;
		if (!parse_number(s->name + 1, UINT32_MAX, &v))
			return -EINVAL;
		s->offset = v;
		return 0;
	}
	s->kind = START_NAME;
	return s->name[0] && strlen(spec) < sizeof(s->name) ? 0 : -EINVAL;
}

static int parse_reverse(const char *spec, struct reverse_end *e)
{
	char node[64];
	uint64_t v;

	memset(e, 0, sizeof(*e));
	if (!split_id(spec, node, sizeof(node), &e->id)) {
		if (!parse_number(spec, UINT32_MAX, &v))
			return -EINVAL;
		e->kind = END_EVERY_SMMU;
		e->id = (uint32_t)v;
		return 0;
	}
	e->kind = node[0] == '@' ? END_NODE : END_SMMU_BASE;
	if (!parse_number(node + (node[0] == '@'), UINT64_MAX, &e->where))
		return -EINVAL;
	return 0;
}

error_t iort_query_parse(struct iort_query *q, int key, char *arg, struct argp_state *state)
{
	struct trace_start start;
	struct reverse_end end;

	switch (key) {
	case OPT_IORT_TRACE:
		if (parse_start(arg, &start) < 0)
			argp_error(state, "--trace takes [SEG:]BUS:DEV.FN, @NODE-OFFSET[:ID] or NAME[:ID], not '%s'",
				   arg);
		else if (q->ntrace == IORT_QUERY_MAX)
			argp_error(state, "at most %d --trace options", IORT_QUERY_MAX);
		else
			q->trace[q->ntrace++] = arg;
		return 0;
	case OPT_IORT_REVERSE:
		if (parse_reverse(arg, &end) < 0)
			argp_error(state, "--reverse takes [@NODE-OFFSET:]ID or SMMU-BASE:ID, not '%s'", arg);
		else if (q->nreverse == IORT_QUERY_MAX)
			argp_error(state, "at most %d --reverse options", IORT_QUERY_MAX);
		else
			q->reverse[q->nreverse++] = arg;
		return 0;
	case OPT_IORT_DOT:
		q->dot = true;
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

bool iort_query_active(const struct iort_query *q)
{
	return q->ntrace || q->nreverse || q->dot;
}

/* ---- paths ---------------------------------------------------------------- */

static bool is_smmu(unsigned int type)
{
	return type == IOMMU_IORT_SMMU_V1V2 || type == IOMMU_IORT_SMMU_V3;
}

/* What the ID at a node is called: JSON key and text. */
static void role(unsigned int type, const char **ret_key, const char **ret_text)
{
	if (type == IOMMU_IORT_ROOT_COMPLEX) {
		*ret_key = "requester_id";
		*ret_text = "requester ID";
	} else if (is_smmu(type)) {
		*ret_key = "stream_id";
		*ret_text = "StreamID";
	} else if (type == IOMMU_IORT_ITS_GROUP) {
		*ret_key = "device_id";
		*ret_text = "DeviceID";
	} else {
		*ret_key = "id";
		*ret_text = "ID";
	}
}

static void render_step(struct out *o, const struct iommu_iort_path *p, size_t i)
{
	const struct iommu_iort_node *n = iommu_iort_path_get_node(p, i);
	const struct iommu_iort_mapping *m = iommu_iort_path_get_mapping(p, i);
	const struct iommu_dnode *dn = iommu_iort_node_get_dnode(n);
	const struct iommu_dfield *segment = iommu_dnode_find_field(dn, "pci_segment");
	uint32_t id = iommu_iort_path_get_id(p, i);
	const char *key, *text;

	role(iommu_iort_node_get_type(n), &key, &text);
	out_begin_object(o, NULL);
	out_str(o, "node", "    %-26s", iommu_iort_node_get_label(n));
	out_hex(o, "offset", NULL, iommu_iort_node_get_offset(n));
	out_uint(o, "type", NULL, iommu_iort_node_get_type(n));
	out_str(o, "role", NULL, key);
	out_text(o, " %-12s", text);
	out_uint(o, "id", " 0x%04llx", id);
	if (segment && iommu_iort_node_get_type(n) == IOMMU_IORT_ROOT_COMPLEX)
		out_text(o, " (%04llx:%02x:%02x.%x)",
			 (unsigned long long)iommu_dfield_get_u64(segment), id >> 8 & 0xff,
			 id >> 3 & 0x1f, id & 7);
	if (m) {
		out_uint(o, "mapping", "  -> mapping %llu", iommu_iort_mapping_get_index(m));
		if (iommu_iort_mapping_is_single(m))
			out_text(o, " (single: 0x%x)",
				 (unsigned int)iommu_iort_mapping_get_output_base(m));
		else
			out_text(o, " (0x%x..0x%llx -> 0x%x)",
				 (unsigned int)iommu_iort_mapping_get_input_base(m),
				 (unsigned long long)iommu_iort_mapping_get_input_base(m) +
					 iommu_iort_mapping_get_id_count(m),
				 (unsigned int)iommu_iort_mapping_get_output_base(m));
	}
	out_text(o, "\n");
	out_end_object(o);
}

static void render_end(struct out *o, const struct iommu_iort_path *p)
{
	size_t last = iommu_iort_path_get_length(p) - 1;
	const struct iommu_iort_node *n = iommu_iort_path_get_node(p, last);
	const struct iommu_iort_mapping *m = iommu_iort_path_get_mapping(p, last);
	uint32_t id = iommu_iort_path_get_id(p, last);

	out_str(o, "end", NULL, iommu_iort_end_name(iommu_iort_path_get_end(p)));
	switch (iommu_iort_path_get_end(p)) {
	case IOMMU_IORT_END_ITS_GROUP:
		out_text(o, "    ends at %s: DeviceID 0x%x\n", iommu_iort_node_get_label(n), id);
		break;
	case IOMMU_IORT_END_NO_MAPPING:
		out_text(o, "    ends at %s: no mapping takes 0x%x on%s\n", iommu_iort_node_get_label(n),
			 id, is_smmu(iommu_iort_node_get_type(n)) ? " (no MSI for this StreamID)" : "");
		break;
	case IOMMU_IORT_END_NULL_REFERENCE:
	case IOMMU_IORT_END_BAD_REFERENCE:
		out_text(o, "    ends at %s: mapping %u has output reference 0x%x, which is not a node\n",
			 iommu_iort_node_get_label(n), m ? iommu_iort_mapping_get_index(m) : 0,
			 m ? (unsigned int)iommu_iort_mapping_get_output_reference(m) : 0);
		break;
	case IOMMU_IORT_END_LOOP:
		out_text(o, "    stops: the mappings go round in a circle\n");
		break;
	case IOMMU_IORT_END_TARGET:
		break;
	}
}

static void render_path(struct out *o, const struct iommu_iort_path *p)
{
	out_begin_object(o, NULL);
	out_begin_array(o, "steps");
	for (size_t i = 0; i < iommu_iort_path_get_length(p); i++)
		render_step(o, p, i);
	out_end_array(o);
	render_end(o, p);
	out_end_object(o);
}

static const struct iommu_iort_node *find_start(const struct iommu_iort *iort,
						const struct trace_start *s)
{
	switch (s->kind) {
	case START_PCI:
		return iommu_iort_find_root_complex(iort, s->segment);
	case START_NODE:
		return iommu_iort_find_node(iort, s->offset);
	case START_NAME:
		return iommu_iort_find_named_component(iort, s->name);
	}
	return NULL;
}

static int trace_one(struct cli *cli, const struct iommu_iort *iort, const char *spec)
{
	const struct iommu_iort_node *from;
	struct trace_start s;
	size_t nmappings;

	parse_start(spec, &s);
	from = find_start(iort, &s);
	if (!from) {
		cli_error(cli, 0, "--trace %s: the IORT has no %s", spec,
			  s.kind == START_PCI ? "root complex for that PCI segment"
			  : s.kind == START_NODE ? "node header at that offset"
						 : "named component or IWB of that name");
		return EXIT_USAGE;
	}
	nmappings = iommu_iort_node_get_mapping_count(from);
	out_begin_object(cli->out, NULL);
	out_str(cli->out, "trace", "  trace %s", spec);
	out_str(cli->out, "from", " from %s\n", iommu_iort_node_get_label(from));
	out_begin_array(cli->out, "paths");
	/* Without an ID, each mapping of the node from its first input ID, as Linux does for platform devices. */
	for (size_t i = 0; i < (s.has_id ? 1 : nmappings ? nmappings : 1); i++) {
		const struct iommu_iort_mapping *m = iommu_iort_node_get_mapping(from, i);
		struct iommu_iort_path *p;
		int r = iommu_iort_trace(iort, from, s.has_id || !m ? s.id
					 : iommu_iort_mapping_get_input_base(m), &p);

		if (r < 0) {
			out_end_array(cli->out);
			out_end_object(cli->out);
			return cli_error(cli, r, "--trace %s", spec);
		}
		render_path(cli->out, p);
		iommu_iort_path_unref(p);
	}
	out_end_array(cli->out);
	out_end_object(cli->out);
	return EXIT_CLEAN;
}

/* The paths to ID at TO; with QUIET, nothing when there are none (asked of every SMMU). */
static int reverse_at(struct cli *cli, const struct iommu_iort *iort,
		      const struct iommu_iort_node *to, uint32_t id, bool quiet, int *ret_found)
{
	struct iommu_iort_path *first = NULL, *p;
	const char *key, *text;
	size_t count = 0;
	int r = iommu_iort_trace_reverse(iort, to, id, &first);

	if (r < 0 && r != -E2BIG)
		return cli_error(cli, r, "--reverse at %s", iommu_iort_node_get_label(to));
	iommu_iort_foreach_path(first, p)
		count++;
	*ret_found += count > 0;
	if (!count && quiet)
		return EXIT_CLEAN;
	role(iommu_iort_node_get_type(to), &key, &text);
	out_begin_object(cli->out, NULL);
	out_str(cli->out, "to", "  %s", iommu_iort_node_get_label(to));
	out_uint(cli->out, key, NULL, id);
	out_text(cli->out, " %s 0x%x: ", text, id);
	out_uint(cli->out, "count", "%llu", count);
	out_text(cli->out, " path%s%s\n", count == 1 ? "" : "s",
		 r == -E2BIG ? " (stopped there: too many)" : "");
	out_bool(cli->out, "complete", NULL, r != -E2BIG);
	out_begin_array(cli->out, "paths");
	iommu_iort_foreach_path(first, p)
		render_path(cli->out, p);
	out_end_array(cli->out);
	out_end_object(cli->out);
	iommu_iort_path_unref(first);
	return EXIT_CLEAN;
}

static int reverse_one(struct cli *cli, const struct iommu_iort *iort, const char *spec)
{
	struct reverse_end e;
	int code = EXIT_CLEAN, found = 0, reached = 0;

	parse_reverse(spec, &e);
	out_begin_object(cli->out, NULL);
	out_str(cli->out, "reverse", "  reverse %s\n", spec);
	out_begin_array(cli->out, "targets");
	for (size_t i = 0; i < iommu_iort_get_node_count(iort); i++) {
		const struct iommu_iort_node *n = iommu_iort_get_node(iort, i);
		const struct iommu_dfield *base =
			iommu_dnode_find_field(iommu_iort_node_get_dnode(n), "base_address");
		bool match;

		if (e.kind == END_NODE)
			match = iommu_iort_node_get_offset(n) == e.where;
		else if (e.kind == END_SMMU_BASE)
			match = is_smmu(iommu_iort_node_get_type(n)) && base &&
				iommu_dfield_get_u64(base) == e.where;
		else
			match = is_smmu(iommu_iort_node_get_type(n));
		if (!match)
			continue;
		found++;
		code = reverse_at(cli, iort, n, e.id, e.kind == END_EVERY_SMMU, &reached);
		if (code != EXIT_CLEAN)
			break;
	}
	out_end_array(cli->out);
	out_end_object(cli->out);
	if (found && !reached && e.kind == END_EVERY_SMMU)
		out_text(cli->out, "  no path reaches StreamID 0x%x at any of the %d SMMUs\n", e.id, found);
	if (!found && code == EXIT_CLEAN) {
		cli_error(cli, 0, "--reverse %s: the IORT has no %s", spec,
			  e.kind == END_NODE ? "node header at that offset"
			  : e.kind == END_SMMU_BASE ? "SMMU at that base address" : "SMMU");
		return EXIT_USAGE;
	}
	return code;
}

/* ---- Graphviz ------------------------------------------------------------- */

/* TEXT for a DOT string: backslashes (ACPI paths) and quotes escaped. */
static void dot_escaped(FILE *f, const char *text)
{
	for (; *text; text++) {
		if (*text == '\\' || *text == '"')
			fputc('\\', f);
		fputc(*text, f);
	}
}

/* The second line of a node's box: what identifies it besides its offset. */
static void dot_detail(FILE *f, const struct iommu_iort_node *n)
{
	const struct iommu_dnode *dn = iommu_iort_node_get_dnode(n);
	const struct iommu_dfield *fd;

	if ((fd = iommu_dnode_find_field(dn, "pci_segment")))
		fprintf(f, "\\nsegment %llu", (unsigned long long)iommu_dfield_get_u64(fd));
	if ((fd = iommu_dnode_find_field(dn, "device_name"))) {
		fputs("\\n", f);
		dot_escaped(f, iommu_dfield_get_string(fd));
	}
	if ((fd = iommu_dnode_find_field(dn, "base_address")) && iommu_iort_node_get_type(n) != IOMMU_IORT_RMR)
		fprintf(f, "\\nbase 0x%llx", (unsigned long long)iommu_dfield_get_u64(fd));
	if ((fd = iommu_dnode_find_field(dn, "page0_base")))
		fprintf(f, "\\npage 0 0x%llx", (unsigned long long)iommu_dfield_get_u64(fd));
	if ((fd = iommu_dnode_find_field(dn, "its_id_0")))
		fprintf(f, "\\nITS %llu", (unsigned long long)iommu_dfield_get_u64(fd));
}

static void dot_mapping_label(FILE *f, const struct iommu_iort_node *n,
			      const struct iommu_iort_mapping *m)
{
	if ((int)iommu_iort_mapping_get_index(m) == iommu_iort_node_get_msi_mapping_index(n))
		fprintf(f, "own MSI: 0x%x", (unsigned int)iommu_iort_mapping_get_output_base(m));
	else if (iommu_iort_mapping_is_single(m))
		fprintf(f, "single: 0x%x", (unsigned int)iommu_iort_mapping_get_output_base(m));
	else
		fprintf(f, "0x%x..0x%llx -> 0x%x", (unsigned int)iommu_iort_mapping_get_input_base(m),
			(unsigned long long)iommu_iort_mapping_get_input_base(m) +
				iommu_iort_mapping_get_id_count(m),
			(unsigned int)iommu_iort_mapping_get_output_base(m));
}

/* Mappings from one node to the same place share an edge: a few labels, then a count. */
#define DOT_EDGE_LABELS 4

static void dot_edges(FILE *f, const struct iommu_iort_node *n)
{
	size_t count = iommu_iort_node_get_mapping_count(n);

	for (size_t i = 0; i < count; i++) {
		const struct iommu_iort_mapping *m = iommu_iort_node_get_mapping(n, i);
		uint32_t ref = iommu_iort_mapping_get_output_reference(m);
		bool first = true;
		size_t shown = 0, same = 0;

		for (size_t j = 0; j < i && first; j++)
			first = iommu_iort_mapping_get_output_reference(iommu_iort_node_get_mapping(n, j)) != ref;
		if (!first)
			continue;
		fprintf(f, "  n%llx -> ", (unsigned long long)iommu_iort_node_get_offset(n));
		if (iommu_iort_mapping_get_target(m))
			fprintf(f, "n%x [label=\"", ref);
		else
			fprintf(f, "bad%x [color=red, fontcolor=red, label=\"", ref);
		for (size_t j = i; j < count; j++) {
			const struct iommu_iort_mapping *o = iommu_iort_node_get_mapping(n, j);

			if (iommu_iort_mapping_get_output_reference(o) != ref)
				continue;
			same++;
			if (shown == DOT_EDGE_LABELS)
				continue;
			if (shown++)
				fputs("\\n", f);
			dot_mapping_label(f, n, o);
		}
		if (same > shown)
			fprintf(f, "\\n(%zu mappings)", same);
		fputs("\"];\n", f);
		if (!iommu_iort_mapping_get_target(m))
			fprintf(f, "  bad%x [shape=plaintext, fontcolor=red, label=\"0x%x: no node\"];\n",
				ref, ref);
	}
}

static void write_dot(FILE *f, const struct iommu_iort *iort, const char *source)
{
	static const char *const shapes[] = {
		[IOMMU_IORT_ITS_GROUP] = "doubleoctagon", [IOMMU_IORT_NAMED_COMPONENT] = "box",
		[IOMMU_IORT_ROOT_COMPLEX] = "box", [IOMMU_IORT_SMMU_V1V2] = "hexagon",
		[IOMMU_IORT_SMMU_V3] = "hexagon", [IOMMU_IORT_PMCG] = "ellipse",
		[IOMMU_IORT_RMR] = "note", [IOMMU_IORT_IWB] = "box",
	};

	fputs("digraph \"", f);
	dot_escaped(f, source);
	fputs("\" {\n  rankdir=LR;\n  node [fontname=\"monospace\", fontsize=10];\n"
	      "  edge [fontname=\"monospace\", fontsize=9];\n", f);
	for (size_t i = 0; i < iommu_iort_get_node_count(iort); i++) {
		const struct iommu_iort_node *n = iommu_iort_get_node(iort, i);
		unsigned int type = iommu_iort_node_get_type(n);

		fprintf(f, "  n%llx [shape=%s, label=\"", (unsigned long long)iommu_iort_node_get_offset(n),
			type < sizeof(shapes) / sizeof(shapes[0]) ? shapes[type] : "box");
		dot_escaped(f, iommu_iort_node_get_label(n));
		dot_detail(f, n);
		fputs("\"];\n", f);
	}
	for (size_t i = 0; i < iommu_iort_get_node_count(iort); i++)
		dot_edges(f, iommu_iort_get_node(iort, i));
	fputs("}\n", f);
}

/* ---- the questions for one table ------------------------------------------ */

static int worse(int a, int b)
{
	return a > b ? a : b;
}

int iort_query_run(struct cli *cli, struct iommu_table *t, const struct iort_query *q)
{
	struct iommu_iort *iort;
	int code = EXIT_CLEAN, r;

	if (q->dot && cli->json) {
		cli_error(cli, 0, "--dot writes Graphviz text: use it without --json");
		return EXIT_USAGE;
	}
	r = iommu_iort_new(t, &iort);
	if (r < 0)
		return cli_error(cli, r, "cannot decode %s from '%s'", iommu_table_get_name(t),
				 iommu_table_get_source(t));
	if (q->dot) {
		char *text = NULL;
		size_t size = 0;
		FILE *f = open_memstream(&text, &size);

		if (!f) {
			iommu_iort_unref(iort);
			return cli_error(cli, -errno, "--dot");
		}
		write_dot(f, iort, iommu_table_get_source(t));
		fclose(f);
		out_text(cli->out, "%s", text);
		free(text);
	}
	if (q->ntrace || q->nreverse) {
		out_begin_object(cli->out, NULL);
		out_str(cli->out, "name", "%s", iommu_table_get_name(t));
		out_str(cli->out, "source", " from %s\n", iommu_table_get_source(t));
		out_begin_array(cli->out, "traces");
		for (unsigned int i = 0; i < q->ntrace; i++)
			code = worse(code, trace_one(cli, iort, q->trace[i]));
		out_end_array(cli->out);
		out_begin_array(cli->out, "reverse");
		for (unsigned int i = 0; i < q->nreverse; i++)
			code = worse(code, reverse_one(cli, iort, q->reverse[i]));
		out_end_array(cli->out);
		out_end_object(cli->out);
	}
	iommu_iort_unref(iort);
	return code;
}
