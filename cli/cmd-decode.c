// SPDX-License-Identifier: MIT
/* iommutool decode: every field of the DMAR, IVRS, IORT and VIOT tables. */
#include <errno.h>
#include <stdlib.h>

#include "iommutool.h"

struct decode_opts {
	struct table_sources sources;
};

static error_t parse_decode(int key, char *arg, struct argp_state *state)
{
	struct decode_opts *opts = state->input;

	switch (key) {
	case ARGP_KEY_ARG:
		return table_sources_add(&opts->sources, arg);
	default:
		return ARGP_ERR_UNKNOWN;
	}
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
	out_uint(cli->out, "source_offset", NULL, iommu_table_get_source_offset(t));
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

	load_code = table_sources_load(cli, &opts->sources, &tables);
	if (!tables)
		return load_code;
	out_begin_array(cli->out, "tables");
	iommu_tables_foreach(tables, t) {
		int c;

		/* From the machine, the IOMMU tables; named files are decoded whatever they hold. */
		if (!opts->sources.nfiles && !iommu_table_is_iommu(t))
			continue;
		c = decode_one(cli, t);
		if (c > code)
			code = c;
		decoded++;
	}
	out_end_array(cli->out);
	if (!decoded && load_code == EXIT_CLEAN)
		cli_warn(cli, "no IOMMU tables (DMAR, IVRS, IORT, VIOT) to decode");
	iommu_tables_unref(tables);
	return code > load_code ? code : load_code;
}

const struct iommutool_cmd cmd_decode = {
	.name = "decode",
	.summary = "Decode every field of the DMAR, IVRS, IORT and VIOT tables",
	.args_doc = "[FILE...]",
	.doc = "Decodes the IOMMU tables of the sysroot, or every table in each FILE (raw, "
	       "acpidump text, or a directory).  One line per structure; -v shows every field "
	       "with its offset; --json keeps every raw value beside its meaning.",
	.parse = parse_decode,
	.opts_size = sizeof(struct decode_opts),
	.run = run_decode,
	.cleanup = table_sources_cleanup,
};
