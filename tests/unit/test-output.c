// SPDX-License-Identifier: MIT
/*
 * The output layer (cli/output.c): nested tables as text and JSON, range
 * cells, rows only JSON lists, notes only text shows, and records rendered as Prometheus gauges with their label values
 * and help text escaped as the text exposition format requires.
 */
#include "output.h"
#include "unit.h"

/* Run DESCRIBE on an output of FORMAT (METRICS: Prometheus) and return what it wrote. */
static char *render(enum out_format format, const struct out_metric *metrics, size_t nmetrics,
		    void (*describe)(struct out *o))
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	struct out *o = f ? out_new(f, format, false) : NULL;

	if (!o) {
		if (f)
			fclose(f);
		free(text);
		return NULL;
	}
	if (metrics)
		CHECK_EQ(out_set_metrics(o, metrics, nmetrics), 0);
	describe(o);
	CHECK_EQ(out_close(o), 0);
	fclose(f);
	return text;
}

enum { COL_G, COL_KIND, COL_REGIONS, COL_MEMBER };

static const struct out_column columns[] = {
	[COL_G] = { "group", "G", COL_UINT, COL_OUTER, "" },
	[COL_KIND] = { "kind", "KIND", COL_STRING, COL_OUTER, "" },
	[COL_REGIONS] = { "regions", "REGIONS", COL_RANGES, COL_OUTER, "" },
	[COL_MEMBER] = { "member", "MEMBER", COL_STRING, 0, "" },
};

static void groups(struct out *o)
{
	char *bad = NULL;
	struct out_table *t = out_table_new(o, "groups", columns, 4, NULL, &bad);

	if (!t)
		return;
	out_table_nest(t, "members");
	out_cell_uint(t, COL_G, 1);
	out_cell_str(t, COL_KIND, "DMA");
	out_cell_ranges(t, COL_REGIONS);
	out_cell_range(t, COL_REGIONS, 0xfee00000, 0xfeefffff, "msi");
	out_cell_range(t, COL_REGIONS, 0, 0xffffff, "direct");
	out_cell_str(t, COL_MEMBER, "a");
	out_row_end(t);
	out_cell_str(t, COL_MEMBER, "b");
	out_row_end(t);
	out_outer_end(t);
	out_cell_uint(t, COL_G, 2);
	out_cell_str(t, COL_KIND, "identity");
	out_cell_ranges(t, COL_REGIONS);
	out_cell_str(t, COL_MEMBER, "c");
	out_row_end(t);
	out_outer_end(t);
	out_table_end(t);
}

static void test_nested(void)
{
	char *text = render(OUT_TEXT, NULL, 0, groups), *json = render(OUT_JSON, NULL, 0, groups);

	/* Text: the group's cells on each member's row; an empty range list is "-". */
	CHECK_STR(text, "G  KIND      REGIONS                                         MEMBER\n"
			"1  DMA       0xfee00000-0xfeefffff msi, 0x0-0xffffff direct  a\n"
			"1  DMA       0xfee00000-0xfeefffff msi, 0x0-0xffffff direct  b\n"
			"2  identity  -                                               c\n");
	/* JSON: each group once, its members nested, ranges as objects. */
	CHECK(json && strstr(json, "\"group\": 1,\n      \"kind\": \"DMA\",\n      \"regions\": [\n"
				   "        {\n          \"start\": \"0xfee00000\",\n"
				   "          \"end\": \"0xfeefffff\",\n          \"type\": \"msi\"\n"));
	CHECK(json && strstr(json, "\"members\": [\n        {\n          \"member\": \"a\"\n        },\n"
				   "        {\n          \"member\": \"b\"\n        }\n      ]"));
	CHECK(json && strstr(json, "\"group\": 2,\n      \"kind\": \"identity\",\n      \"regions\": [\n      ],"));
	CHECK(json && !strstr(json, "\"member\": \"c\",\n"));
	free(text);
	free(json);
}

enum { COL_NAME, COL_IOMMU };

static const struct out_column flat[] = {
	[COL_NAME] = { "name", "NAME", COL_STRING, 0, "" },
	[COL_IOMMU] = { "iommu", "IOMMU", COL_BOOL, 0, "" },
};

static void tables(struct out *o)
{
	char *bad = NULL;
	struct out_table *t = out_table_new(o, "tables", flat, 2, NULL, &bad);

	if (!t)
		return;
	out_cell_str(t, COL_NAME, "DMAR");
	out_cell_bool(t, COL_IOMMU, true);
	out_row_end(t);
	out_cell_str(t, COL_NAME, "FACP");
	out_cell_bool(t, COL_IOMMU, false);
	out_row_end_json_only(t);
	out_cell_str(t, COL_NAME, "IVRS");
	out_row_end(t);
	out_table_note(t, "%s: %s\n", "IVRS", "a line under the table");
	out_table_end(t);
}

static void test_text_or_json_only(void)
{
	char *text = render(OUT_TEXT, NULL, 0, tables), *json = render(OUT_JSON, NULL, 0, tables);

	/* Text: no row for FACP (its cells do not leak into the next row); the note after the rows. */
	CHECK_STR(text, "NAME  IOMMU\n"
			"DMAR  yes\n"
			"IVRS  -\n"
			"IVRS: a line under the table\n");
	/* JSON: every row, in order; no note. */
	CHECK(json && strstr(json, "\"name\": \"DMAR\""));
	CHECK(json && strstr(json, "\"name\": \"FACP\",\n      \"iommu\": false"));
	CHECK(json && strstr(json, "\"name\": \"FACP\"") < strstr(json, "\"name\": \"IVRS\""));
	CHECK(json && !strstr(json, "a line under the table"));
	free(text);
	free(json);
}

static const char *const states[] = { "pass", "warn", NULL };

static const struct out_metric metrics[] = {
	{ "t_verdict", "The verdict.\nA back\\slash.", "status", NULL, NULL, "verdict", "verdict", states },
	{ "t_check", "Each check.", "checks", "id", "check", "result", "result", states },
};

static void checks(struct out *o)
{
	static const struct {
		const char *id, *result;
	} list[] = {
		{ "quote\"d", "pass" },
		{ "back\\slash\nnewline", "warn" },
		{ "odd", "fail" },		/* not a listed state: a sample of its own */
		{ "quote\"d", "warn" },		/* the same series again: left out */
	};

	out_text(o, "text is not a metric\n");
	out_begin_object(o, "status");
	out_str(o, "verdict", "%s\n", "warn");
	out_end_object(o);
	out_begin_array(o, "checks");
	for (size_t i = 0; i < sizeof(list) / sizeof(list[0]); i++) {
		out_begin_object(o, NULL);
		out_str(o, "id", "%s ", list[i].id);
		out_str(o, "result", "%s\n", list[i].result);
		out_end_object(o);
	}
	out_end_array(o);
}

static void test_prometheus(void)
{
	char *text = render(OUT_TEXT, metrics, 2, checks);

	CHECK_STR(text, "# HELP t_verdict The verdict.\\nA back\\\\slash.\n"
			"# TYPE t_verdict gauge\n"
			"t_verdict{verdict=\"pass\"} 0\n"
			"t_verdict{verdict=\"warn\"} 1\n"
			"# HELP t_check Each check.\n"
			"# TYPE t_check gauge\n"
			"t_check{check=\"quote\\\"d\",result=\"pass\"} 1\n"
			"t_check{check=\"quote\\\"d\",result=\"warn\"} 0\n"
			"t_check{check=\"back\\\\slash\\nnewline\",result=\"pass\"} 0\n"
			"t_check{check=\"back\\\\slash\\nnewline\",result=\"warn\"} 1\n"
			"t_check{check=\"odd\",result=\"pass\"} 0\n"
			"t_check{check=\"odd\",result=\"warn\"} 0\n"
			"t_check{check=\"odd\",result=\"fail\"} 1\n");
	free(text);
}

int main(void)
{
	test_nested();
	test_text_or_json_only();
	test_prometheus();
	return unit_report("output");
}
