// SPDX-License-Identifier: MIT
/* iommutool decode: every field of the DMAR, IVRS, IORT and VIOT tables. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "decode-iort.h"

struct decode_opts {
	struct table_sources sources;
	uint64_t vtd_cap, vtd_ecap;
	bool have_cap, have_ecap;
	struct iort_query iort;
};

enum { OPT_VTD_CAP = 0x100, OPT_VTD_ECAP };

static const struct argp_option decode_options[] = {
	{ "vtd-cap", OPT_VTD_CAP, "VALUE", 0,
	  "Decode a VT-d CAP_REG value (hex, as /sys/class/iommu/dmar*/intel-iommu/cap shows it) instead of tables", 0 },
	{ "vtd-ecap", OPT_VTD_ECAP, "VALUE", 0, "Decode a VT-d ECAP_REG value (hex)", 0 },
	IORT_QUERY_OPTIONS,
	{ NULL }
};

/* A register value as sysfs prints it ("d2008c22260286") or with "0x". */
static bool parse_register(const char *arg, uint64_t *ret)
{
	char *end;

	if (!*arg || *arg == '-' || *arg == '+')
		return false;
	errno = 0;
	*ret = strtoull(arg, &end, 16);
	return errno == 0 && !*end;
}

static error_t parse_decode(int key, char *arg, struct argp_state *state)
{
	struct decode_opts *opts = state->input;

	switch (key) {
	case OPT_VTD_CAP:
	case OPT_VTD_ECAP:
		if (!parse_register(arg, key == OPT_VTD_CAP ? &opts->vtd_cap : &opts->vtd_ecap))
			argp_error(state, "'%s' is not a hexadecimal register value", arg);
		*(key == OPT_VTD_CAP ? &opts->have_cap : &opts->have_ecap) = true;
		break;
	case ARGP_KEY_ARG:
		return table_sources_add(&opts->sources, arg);
	case ARGP_KEY_END:
		if ((opts->have_cap || opts->have_ecap) && opts->sources.nfiles)
			argp_error(state, "--vtd-cap and --vtd-ecap decode register values, not FILEs");
		break;
	default:
		return iort_query_parse(&opts->iort, key, arg, state);
	}
	return 0;
}

/* VT-d CAP/ECAP values: their bit fields, rendered like a table. */
static int decode_vtd_registers(struct cli *cli, const struct decode_opts *opts)
{
	struct iommu_dnode *root;
	int r = iommu_vtd_caps_decode(opts->vtd_cap, opts->have_cap, opts->vtd_ecap,
				      opts->have_ecap, &root);

	if (r < 0)
		return cli_error(cli, r, "cannot decode the VT-d registers");
	out_begin_object(cli->out, "registers");
	render_dnode(cli->out, root, cli->verbose);
	out_end_object(cli->out);
	iommu_dnode_unref(root);
	return EXIT_CLEAN;
}

static int decode_one(struct cli *cli, struct iommu_table *t)
{
	struct iommu_dnode *root;
	int r = iommu_table_decode(t, &root);

	if (r == -EOPNOTSUPP)
		return EXIT_CLEAN;
	if (r < 0)
		return cli_error(cli, r, "cannot decode %s from '%s'", iommu_table_get_name(t),
				 iommu_table_get_source(t));
	out_begin_object(cli->out, NULL);
	out_str(cli->out, "name", NULL, iommu_table_get_name(t));
	out_str(cli->out, "source", NULL, iommu_table_get_source(t));
	render_table_position(cli->out, t);
	if (cli->verbose)
		out_text(cli->out, "# %s from %s%s%llu\n", iommu_table_get_name(t),
			 iommu_table_get_source(t),
			 iommu_table_source_is_text(t) ? ", line " : " at byte ",
			 (unsigned long long)iommu_table_get_source_offset(t));
	render_dnode(cli->out, root, cli->verbose);
	if (iommu_findings_count(iommu_dnode_get_findings(root)))
		out_text(cli->out, "findings:\n");
	render_findings(cli->out, iommu_dnode_get_findings(root));
	out_end_object(cli->out);
	out_text(cli->out, "\n");
	iommu_dnode_unref(root);
	return EXIT_CLEAN;
}

static int run_decode(struct cli *cli, void *data)
{
	struct decode_opts *opts = data;
	struct iommu_tables *tables = NULL;
	struct iommu_table *t;
	int load_code, code = EXIT_CLEAN, decoded = 0;

	if (opts->have_cap || opts->have_ecap)
		return decode_vtd_registers(cli, opts);
	load_code = table_sources_load(cli, &opts->sources, &tables);
	if (!tables)
		return load_code;
	out_begin_array(cli->out, "tables");
	iommu_tables_foreach(tables, t) {
		int c;

		/* From the machine, the IOMMU tables; named files are decoded whatever they hold. */
		if (!opts->sources.nfiles && !iommu_table_is_iommu(t))
			continue;
		if (iort_query_active(&opts->iort)) {
			/* --trace, --reverse, --dot: the answers for each IORT, nothing else. */
			if (strcmp(iommu_table_get_signature(t), "IORT") != 0)
				continue;
			c = iort_query_run(cli, t, &opts->iort);
		} else {
			c = decode_one(cli, t);
		}
		if (c > code)
			code = c;
		decoded++;
	}
	out_end_array(cli->out);
	if (!decoded && load_code == EXIT_CLEAN)
		cli_warn(cli, iort_query_active(&opts->iort)
				      ? "no IORT to answer --trace, --reverse or --dot"
				      : "no IOMMU tables (DMAR, IVRS, IORT, VIOT) to decode");
	iommu_tables_unref(tables);
	return code > load_code ? code : load_code;
}

const struct iommutool_cmd cmd_decode = {
	.name = "decode",
	.summary = "Decode every field of the DMAR, IVRS, IORT and VIOT tables",
	.args_doc = "[FILE...]",
	.doc = "Decodes the IOMMU tables of the sysroot, or every table in each FILE (raw, "
	       "acpidump text, or a directory).  One line per structure; -v shows every field "
	       "with its offset; --json keeps every raw value beside its meaning.  "
	       "--vtd-cap and --vtd-ecap decode VT-d capability register values instead.",
	.options = decode_options,
	.parse = parse_decode,
	.opts_size = sizeof(struct decode_opts),
	.run = run_decode,
	.cleanup = table_sources_cleanup,
};
