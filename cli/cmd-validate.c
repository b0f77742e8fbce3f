// SPDX-License-Identifier: MIT
/* iommutool validate: check the IOMMU tables against the specs and the machine. */
#include <errno.h>
#include <stdlib.h>

#include "iommutool.h"

struct validate_opts {
	struct table_sources sources;
	bool system;
	bool list_checks;
};

enum { OPT_SYSTEM = 's', OPT_LIST_CHECKS = 'l' };

static const struct argp_option validate_options[] = {
	{ "system", OPT_SYSTEM, NULL, 0,
	  "Check FILEs against the sysroot's PCI devices and tables too (always done without FILE)", 0 },
	{ "list-checks", OPT_LIST_CHECKS, NULL, 0, "List every check: id, severity, reference, meaning", 0 },
	{ NULL }
};

static error_t parse_validate(int key, char *arg, struct argp_state *state)
{
	struct validate_opts *opts = state->input;

	switch (key) {
	case OPT_SYSTEM:
		opts->system = true;
		break;
	case OPT_LIST_CHECKS:
		opts->list_checks = true;
		break;
	case ARGP_KEY_ARG:
		return table_sources_add(&opts->sources, arg);
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

struct tally {
	unsigned int tables, by_severity[3];
};

static int validate_one(struct cli *cli, struct iommu_table *t, const struct iommu_tables *tables,
			unsigned int flags, struct tally *tally)
{
	struct iommu_findings *findings;
	unsigned int count[3] = { 0 };
	const struct iommu_finding *f;
	int r = iommu_table_validate(t, tables, flags, &findings);

	if (r == -EOPNOTSUPP)
		return EXIT_CLEAN;
	if (r < 0)
		return cli_error(cli, r, "cannot validate %s from '%s'", iommu_table_get_name(t),
				 iommu_table_get_source(t));
	iommu_findings_foreach(findings, f)
		count[iommu_finding_get_severity(f)] += (unsigned int)iommu_finding_get_count(f);
	for (int i = 0; i < 3; i++)
		tally->by_severity[i] += count[i];
	tally->tables++;

	out_begin_object(cli->out, NULL);
	out_str(cli->out, "name", "%s", iommu_table_get_name(t));
	out_str(cli->out, "signature", NULL, iommu_table_get_signature(t));
	out_str(cli->out, "source", " (%s)", iommu_table_get_source(t));
	render_table_position(cli->out, t);
	if (!iommu_findings_count(findings))
		out_text_color(cli->out, COLOR_GOOD, ": no findings\n");
	else
		out_text(cli->out, ": %u error%s, %u warning%s, %u info\n",
			 count[IOMMU_SEVERITY_ERROR], count[IOMMU_SEVERITY_ERROR] == 1 ? "" : "s",
			 count[IOMMU_SEVERITY_WARNING], count[IOMMU_SEVERITY_WARNING] == 1 ? "" : "s",
			 count[IOMMU_SEVERITY_INFO]);
	render_findings(cli->out, findings);
	out_end_object(cli->out);
	iommu_findings_unref(findings);
	return EXIT_CLEAN;
}

static int list_checks(struct cli *cli)
{
	static const struct out_column columns[] = {
		{ "id", "ID", COL_STRING },
		{ "severity", "SEVERITY", COL_STRING },
		{ "reference", "REFERENCE", COL_STRING },
		{ "summary", "MEANING", COL_STRING },
	};
	const struct iommu_check *c;
	struct out_table *t = out_table_new(cli->out, "checks", columns,
					    sizeof(columns) / sizeof(columns[0]), NULL, NULL);

	if (!t)
		return cli_error(cli, -ENOMEM, "cannot list the checks");
	for (size_t i = 0; (c = iommu_check_get(i)); i++) {
		out_cell_str(t, 0, iommu_check_get_id(c));
		out_cell_str(t, 1, iommu_severity_name(iommu_check_get_severity(c)));
		out_cell_str(t, 2, iommu_check_get_reference(c));
		out_cell_str(t, 3, iommu_check_get_summary(c));
		out_row_end(t);
	}
	out_table_end(t);
	return EXIT_CLEAN;
}

static int run_validate(struct cli *cli, void *data)
{
	struct validate_opts *opts = data;
	unsigned int flags = opts->system || !opts->sources.nfiles ? IOMMU_VALIDATE_SYSTEM : 0;
	struct iommu_tables *tables = NULL;
	struct tally tally = { 0 };
	struct iommu_table *t;
	int load_code, code = EXIT_CLEAN;

	if (opts->list_checks)
		return list_checks(cli);
	load_code = table_sources_load(cli, &opts->sources, &tables);
	if (!tables)
		return load_code;
	out_begin_array(cli->out, "tables");
	iommu_tables_foreach(tables, t) {
		int c;

		if (!iommu_table_is_iommu(t))
			continue;
		c = validate_one(cli, t, tables, flags, &tally);
		if (c > code)
			code = c;
	}
	out_end_array(cli->out);
	out_begin_object(cli->out, "summary");
	out_uint(cli->out, "tables", "%llu table(s) checked: ", tally.tables);
	out_uint(cli->out, "errors", "%llu error(s), ", tally.by_severity[IOMMU_SEVERITY_ERROR]);
	out_uint(cli->out, "warnings", "%llu warning(s), ", tally.by_severity[IOMMU_SEVERITY_WARNING]);
	out_uint(cli->out, "info", "%llu info\n", tally.by_severity[IOMMU_SEVERITY_INFO]);
	out_end_object(cli->out);
	if (!tally.tables && load_code == EXIT_CLEAN)
		cli_warn(cli, "no IOMMU tables (DMAR, IVRS, IORT, VIOT) to validate");
	iommu_tables_unref(tables);
	if (code == EXIT_CLEAN && tally.by_severity[IOMMU_SEVERITY_ERROR])
		code = EXIT_BAD;
	else if (code == EXIT_CLEAN && tally.by_severity[IOMMU_SEVERITY_WARNING])
		code = EXIT_NOT_CLEAN;
	return code > load_code ? code : load_code;
}

const struct iommutool_cmd cmd_validate = {
	.name = "validate",
	.summary = "Check the IOMMU tables against the specs and the machine",
	.args_doc = "[FILE...]",
	.doc = "Checks the DMAR, IVRS, IORT and VIOT tables of the sysroot, or of each FILE, "
	       "against their specifications and what Linux, Xen and fwts require; without FILE "
	       "(or with --system) also against the sysroot's PCI devices and MADT/HPET tables.  "
	       "Every check has a stable id, listed in iommutool-validate(1).\n\n"
	       "Exit status: 0 no findings above info, 1 warnings only, 2 errors.",
	.options = validate_options,
	.parse = parse_validate,
	.opts_size = sizeof(struct validate_opts),
	.run = run_validate,
	.cleanup = table_sources_cleanup,
};
