// SPDX-License-Identifier: MIT
/* iommutool status: is the IOMMU on, the evidence, and the fix. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "iommutool.h"

struct status_opts {
	bool prometheus;
};

enum { OPT_FORMAT = 0x100 };

static const struct argp_option status_options[] = {
	{ "format", OPT_FORMAT, "FORMAT", 0,
	  "text (default), or prometheus: node_exporter textfile-collector metrics", 0 },
	{ NULL }
};

static const char *const formats[] = { "text", "prometheus", NULL };

static const struct option_words status_words[] = {
	{ "format", formats },
	{ NULL }
};

static error_t parse_status(int key, char *arg, struct argp_state *state)
{
	struct status_opts *opts = state->input;

	switch (key) {
	case OPT_FORMAT:
		if (strcmp(arg, formats[0]) && strcmp(arg, formats[1]))
			argp_error(state, "--format takes text or prometheus, not '%s' (--json gives JSON)",
				   arg);
		opts->prometheus = strcmp(arg, "prometheus") == 0;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

/*
 * --format=prometheus: the verdict, the mode and each check as state sets,
 * read from the records the text and JSON are made of (iommutool-status(1)).
 */
static int use_metrics(struct out *o)
{
	static const char *verdicts[IOMMU_VERDICT_UNKNOWN + 2], *modes[IOMMU_MODE_UNKNOWN + 2],
		*results[IOMMU_RESULT_UNKNOWN + 2];
	static const struct out_metric metrics[] = {
		{ "iommutool_status_verdict",
		  "The IOMMU verdict of iommutool status: 1 for the one that holds, 0 for the others.",
		  "status", NULL, NULL, "verdict", "verdict", verdicts },
		{ "iommutool_status_mode",
		  "How DMA is translated by default (none: no IOMMU): 1 for the mode in use.",
		  "status", NULL, NULL, "mode", "mode", modes },
		{ "iommutool_status_check",
		  "Each check of iommutool status (ids in iommutool-status(1)): 1 for its result.",
		  "checks", "id", "check", "result", "result", results },
	};

	for (int v = 0; v <= IOMMU_VERDICT_UNKNOWN; v++)
		verdicts[v] = iommu_verdict_name((enum iommu_verdict)v);
	for (int m = 0; m <= IOMMU_MODE_UNKNOWN; m++)
		modes[m] = iommu_mode_name((enum iommu_mode)m);
	for (int r = 0; r <= IOMMU_RESULT_UNKNOWN; r++)
		results[r] = iommu_result_name((enum iommu_result)r);
	return out_set_metrics(o, metrics, sizeof(metrics) / sizeof(metrics[0]));
}

static enum out_color result_color(enum iommu_result r)
{
	switch (r) {
	case IOMMU_RESULT_PASS:
		return COLOR_GOOD;
	case IOMMU_RESULT_WARN:
		return COLOR_WARN;
	case IOMMU_RESULT_FAIL:
		return COLOR_BAD;
	case IOMMU_RESULT_SKIP:
	case IOMMU_RESULT_UNKNOWN:
		break;
	}
	return COLOR_DIM;
}

static void render_check(struct out *o, const struct iommu_status_check *c)
{
	enum iommu_result result = iommu_status_check_get_result(c);
	const struct iommu_evidence *e;
	char word[16];
	size_t i;

	/* "PASS", "WARN", ...: the word carries the meaning, colour only underlines it. */
	for (i = 0; iommu_result_name(result)[i] && i + 1 < sizeof(word); i++)
		word[i] = (char)(iommu_result_name(result)[i] & ~0x20);
	word[i] = 0;
	out_str(o, "id", NULL, iommu_status_check_get_id(c));
	out_str(o, "result", NULL, iommu_result_name(result));
	out_text_color(o, result_color(result), "%-7s", word);
	out_text(o, " %-23s", iommu_status_check_get_id(c));
	out_str(o, "summary", " %s\n", iommu_status_check_get_summary(c));
	out_begin_array(o, "evidence");
	iommu_status_check_foreach_evidence(c, e) {
		out_begin_object(o, NULL);
		out_str_color(o, "source", "        %s: ", iommu_evidence_get_source(e), COLOR_DIM);
		out_str(o, "text", "%s\n", iommu_evidence_get_text(e));
		out_end_object(o);
	}
	out_end_array(o);
	out_str(o, "hint", iommu_status_check_get_hint(c) ? "        hint: %s\n" : NULL,
		iommu_status_check_get_hint(c));
}

/* JSON only: the text shows it as the iommu.translation check.  Absent for a virtio-iommu. */
static void render_translation(struct out *o, const struct iommu_unit *u)
{
	unsigned int stages = iommu_unit_get_stages(u);

	if (!iommu_unit_get_translation_basis(u))
		return;
	out_begin_object(o, "translation");
	out_str(o, "mode", NULL, iommu_unit_get_translation(u));
	out_bool(o, "inferred", NULL, iommu_unit_translation_is_inferred(u));
	out_str(o, "basis", NULL, iommu_unit_get_translation_basis(u));
	if (stages) {
		out_begin_array(o, "stages");
		if (stages & (1u << IOMMU_STAGE_1))
			out_uint(o, NULL, NULL, 1);
		if (stages & (1u << IOMMU_STAGE_2))
			out_uint(o, NULL, NULL, 2);
		out_end_array(o);
	}
	out_end_object(o);
}

static void render_unit(struct out *o, const struct iommu_unit *u, int verbose)
{
	const struct iommu_dnode *regs = iommu_unit_get_registers(u);
	uint64_t address = iommu_unit_get_address(u);

	out_str(o, "name", NULL, iommu_unit_get_name(u));
	out_str(o, "model", NULL, iommu_unit_get_model(u));
	out_str(o, "vendor", NULL, iommu_vendor_name(iommu_unit_get_vendor(u)));
	if (address == IOMMU_NO_ADDRESS)
		out_null(o, "address", NULL);
	else
		out_hex(o, "address", NULL, address);
	out_uint(o, "devices", NULL, iommu_unit_get_device_count(u));
	render_translation(o, u);
	if (!regs)
		return;
	/* Text shows the registers with -v only. */
	out_begin_object(o, "registers");
	if (verbose) {
		out_text(o, "\n%s (%s):\n", iommu_unit_get_name(u), iommu_unit_get_model(u));
		render_dnode(o, regs, verbose);
	} else {
		render_dnode_json_only(o, regs);
	}
	out_end_object(o);
}

/* The fix: the verdict's, else what the warning checks say. */
static void render_fix(struct out *o, const struct iommu_status *st)
{
	const struct iommu_status_check *c;
	bool any = false;

	if (iommu_status_get_hint(st)) {
		out_text(o, "\nFix: %s\n", iommu_status_get_hint(st));
		return;
	}
	iommu_status_foreach_check(st, c) {
		enum iommu_result r = iommu_status_check_get_result(c);

		if ((r != IOMMU_RESULT_WARN && r != IOMMU_RESULT_FAIL) || !iommu_status_check_get_hint(c))
			continue;
		out_text(o, "%s  %s: %s\n", any ? "" : "\nTo fix:\n", iommu_status_check_get_id(c),
			 iommu_status_check_get_hint(c));
		any = true;
	}
}

static int exit_code(const struct iommu_status *st)
{
	switch (iommu_status_get_verdict(st)) {
	case IOMMU_VERDICT_ENABLED:
		return iommu_status_get_worst_result(st) == IOMMU_RESULT_PASS ? EXIT_CLEAN : EXIT_NOT_CLEAN;
	case IOMMU_VERDICT_UNKNOWN:
		return EXIT_UNKNOWN;
	default:
		return EXIT_BAD;
	}
}

static int run_status(struct cli *cli, void *data)
{
	struct status_opts *opts = data;
	struct iommu_status *st;
	const struct iommu_status_check *c;
	const struct iommu_unit *u;
	struct out *o = cli->out;
	int r, code;

	if (opts->prometheus && cli->json) {
		cli_error(cli, 0, "--format=prometheus writes metrics; it does not combine with --json");
		return EXIT_USAGE;
	}
	if (opts->prometheus && use_metrics(o) < 0)
		return cli_error(cli, -ENOMEM, "cannot set up the metrics");
	r = iommu_status_new(cli->ctx, &st);
	if (r < 0)
		return cli_error(cli, r, "cannot gather the IOMMU status");
	out_begin_object(o, "status");
	out_str(o, "verdict", NULL, iommu_verdict_name(iommu_status_get_verdict(st)));
	out_str_color(o, "summary", "%s\n", iommu_status_get_summary(st),
		      iommu_status_get_verdict(st) == IOMMU_VERDICT_ENABLED ? COLOR_BOLD : COLOR_BAD);
	out_str(o, "hint", NULL, iommu_status_get_hint(st));
	out_str(o, "vendor", NULL, iommu_vendor_name(iommu_status_get_vendor(st)));
	out_str(o, "mode", NULL, iommu_mode_name(iommu_status_get_mode(st)));
	out_bool(o, "guest", NULL, iommu_status_is_guest(st));
	out_text(o, "\n");
	out_begin_array(o, "units");
	iommu_status_foreach_unit(st, u) {
		out_begin_object(o, NULL);
		render_unit(o, u, cli->verbose);
		out_end_object(o);
	}
	out_end_array(o);
	out_end_object(o);
	if (cli->verbose && iommu_status_get_first_unit(st))
		out_text(o, "\n");
	out_begin_array(o, "checks");
	iommu_status_foreach_check(st, c) {
		out_begin_object(o, NULL);
		render_check(o, c);
		out_end_object(o);
	}
	out_end_array(o);
	render_fix(o, st);
	/* The metrics carry the answer: a collector's "write, then rename" must not stop on it. */
	code = opts->prometheus ? EXIT_CLEAN : exit_code(st);
	iommu_status_unref(st);
	return code;
}

const struct iommutool_cmd cmd_status = {
	.name = "status",
	.summary = "Is the IOMMU on? The verdict, its evidence, and the fix",
	.doc = "Reads what needs no root (sysfs, /proc, the kernel command line and configuration) and, "
	       "as root, the ACPI tables and the kernel log too; says what root would add.  The "
	       "iommu.translation check says how each unit translates: VT-d in scalable or legacy "
	       "mode, AMD-Vi with v1 or v2 page tables, SMMUv3 with stage 1 or 2.  -v also decodes "
	       "each unit's capability registers.\n\n"
	       "--format=prometheus writes the verdict, the mode and every check as gauges for "
	       "node_exporter's textfile collector, and exits 0 once they are written.\n\n"
	       "Exit status: 0 enabled, 1 enabled with warnings, 2 not enabled, 3 cannot tell.",
	.options = status_options,
	.parse = parse_status,
	.opts_size = sizeof(struct status_opts),
	.run = run_status,
	.words = status_words,
};
