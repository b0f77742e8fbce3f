// SPDX-License-Identifier: MIT
/* iommutool tables: which ACPI tables are there, their headers, raw or hex copies. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "files.h"
#include "iommutool.h"

struct tables_opts {
	struct table_sources sources;
	const char *columns;
	const char *dump_dir;
	bool all;
	bool force;
	bool hex;
};

enum { OPT_DUMP = 'd', OPT_FORCE = 'f', OPT_HEX = 'x', OPT_ALL = 'a', OPT_OUTPUT = 'o' };

static const struct argp_option tables_options[] = {
	{ "all", OPT_ALL, NULL, 0, "Every table, not only DMAR, IVRS, IORT and VIOT", 0 },
	{ "output", OPT_OUTPUT, "COLUMNS", 0, "Columns to show, comma-separated (listed below)", 0 },
	{ "dump", OPT_DUMP, "DIR", 0, "Write the tables into DIR as raw files named as acpidump -b names them (dmar.dat)", 0 },
	{ "force", OPT_FORCE, NULL, 0, "With --dump: replace files that exist", 0 },
	{ "hex", OPT_HEX, NULL, 0, "Print the tables in acpidump's text format", 0 },
	{ NULL }
};

enum { COL_NAME, COL_SIG, COL_LENGTH, COL_REV, COL_CHECKSUM, COL_OEM, COL_OEM_TABLE,
       COL_OEM_REV, COL_CREATOR, COL_CREATOR_REV, COL_IOMMU, COL_SOURCE, COL_OFFSET, COL_LINE };

static const struct out_column columns[] = {
	[COL_NAME] = { "name", "NAME", COL_STRING, 0, "table name (sysfs file name, or signature)" },
	[COL_SIG] = { "signature", "SIG", COL_STRING, 0, "signature from the header" },
	[COL_LENGTH] = { "length", "LENGTH", COL_UINT, COL_RIGHT, "Length field, in bytes" },
	[COL_REV] = { "revision", "REV", COL_UINT, COL_RIGHT, "table revision" },
	[COL_CHECKSUM] = { "checksum", "CHECKSUM", COL_STRING, 0,
			   "ok, bad, unknown (truncated) or none (FACS)" },
	[COL_OEM] = { "oem_id", "OEM", COL_STRING, 0, "OEM ID" },
	[COL_OEM_TABLE] = { "oem_table_id", "OEM TABLE", COL_STRING, 0, "OEM table ID" },
	[COL_OEM_REV] = { "oem_revision", "OEM REV", COL_HEX, COL_EXTRA, "OEM revision" },
	[COL_CREATOR] = { "creator_id", "CREATOR", COL_STRING, COL_EXTRA, "creator (compiler) ID" },
	[COL_CREATOR_REV] = { "creator_revision", "CREATOR REV", COL_HEX, COL_EXTRA,
			      "creator revision" },
	[COL_IOMMU] = { "iommu", "IOMMU", COL_BOOL, COL_EXTRA, "DMAR, IVRS, IORT or VIOT" },
	[COL_SOURCE] = { "source", "SOURCE", COL_STRING, COL_EXTRA, "file read" },
	[COL_OFFSET] = { "source_offset", "OFFSET", COL_HEX, COL_EXTRA,
			 "byte offset in a raw file; null in acpidump text" },
	[COL_LINE] = { "source_line", "LINE", COL_UINT, COL_EXTRA | COL_RIGHT,
		       "line in acpidump text; null in a raw file" },
};

static error_t parse_tables(int key, char *arg, struct argp_state *state)
{
	struct tables_opts *opts = state->input;

	switch (key) {
	case OPT_ALL:
		opts->all = true;
		break;
	case OPT_OUTPUT:
		opts->columns = arg;
		break;
	case OPT_DUMP:
		opts->dump_dir = arg;
		break;
	case OPT_FORCE:
		opts->force = true;
		break;
	case OPT_HEX:
		opts->hex = true;
		break;
	case ARGP_KEY_ARG:
		return table_sources_add(&opts->sources, arg);
	case ARGP_KEY_END:
		if (opts->force && !opts->dump_dir)
			argp_error(state, "--force goes with --dump");
		if (opts->hex && opts->dump_dir)
			argp_error(state, "--hex and --dump do not combine");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const char *checksum_word(const struct iommu_table *t)
{
	switch (iommu_table_get_checksum_state(t)) {
	case IOMMU_CHECKSUM_OK:
		return "ok";
	case IOMMU_CHECKSUM_BAD:
		return "bad";
	case IOMMU_CHECKSUM_UNKNOWN:
		return "truncated";
	case IOMMU_CHECKSUM_NONE:
		return "none";
	}
	return NULL;
}

static void table_row(struct out_table *ot, const struct iommu_table *t)
{
	out_cell_str(ot, COL_NAME, iommu_table_get_name(t));
	out_cell_str(ot, COL_SIG, iommu_table_get_signature(t));
	out_cell_uint(ot, COL_LENGTH, iommu_table_get_length(t));
	out_cell_uint(ot, COL_REV, iommu_table_get_revision(t));
	out_cell_str(ot, COL_CHECKSUM, checksum_word(t));
	out_cell_str(ot, COL_OEM, iommu_table_get_oem_id(t));
	out_cell_str(ot, COL_OEM_TABLE, iommu_table_get_oem_table_id(t));
	out_cell_hex(ot, COL_OEM_REV, iommu_table_get_oem_revision(t), 8);
	out_cell_str(ot, COL_CREATOR, iommu_table_get_creator_id(t));
	out_cell_hex(ot, COL_CREATOR_REV, iommu_table_get_creator_revision(t), 8);
	out_cell_bool(ot, COL_IOMMU, iommu_table_is_iommu(t));
	out_cell_str(ot, COL_SOURCE, iommu_table_get_source(t));
	if (iommu_table_source_is_text(t))
		out_cell_uint(ot, COL_LINE, iommu_table_get_source_offset(t));
	else
		out_cell_hex(ot, COL_OFFSET, iommu_table_get_source_offset(t), 1);
}

/* A sysfs table name is its signature, perhaps with an instance number ("SSDT3"). */
static bool name_is_iommu(const char *name)
{
	char sig[5];

	snprintf(sig, sizeof(sig), "%s", name);
	return strlen(name) >= 4 && iommu_signature_is_iommu(sig);
}

/* Tables that exist but could not be read: a row with what is known, the rest unknown. */
static void unreadable_row(struct out_table *ot, const struct iommu_problem *p)
{
	const char *source = iommu_problem_get_source(p), *base = strrchr(source, '/');
	char sig[5];

	base = base ? base + 1 : source;
	snprintf(sig, sizeof(sig), "%s", base);
	out_cell_str(ot, COL_NAME, base);
	out_cell_str(ot, COL_SIG, sig);
	out_cell_str(ot, COL_CHECKSUM, "needs root");
	out_cell_bool(ot, COL_IOMMU, name_is_iommu(base));
	out_cell_str(ot, COL_SOURCE, source);
}

static bool shown(const struct tables_opts *opts, bool iommu)
{
	return opts->all || iommu;
}

/* JSON lists every table (with "iommu"); text the IOMMU ones, and with --all the others. */
static void row_end(struct out_table *ot, const struct tables_opts *opts, bool iommu, int *listed,
		    int *others)
{
	if (shown(opts, iommu)) {
		out_row_end(ot);
		(*listed)++;
	} else {
		out_row_end_json_only(ot);
		(*others)++;
	}
}

static int list_tables(struct cli *cli, const struct tables_opts *opts,
		       const struct iommu_tables *tables)
{
	struct iommu_problem *p;
	struct iommu_table *t;
	struct out_table *ot;
	char *bad = NULL;
	int listed = 0, others = 0;

	/* Text names the tables it does not list after them. */
	ot = out_table_new(cli->out, "tables", columns, sizeof(columns) / sizeof(columns[0]),
			   opts->columns, &bad);
	if (!ot) {
		int code = bad ? (fprintf(stderr, "iommutool: unknown column '%s' (try --help)\n", bad),
				  EXIT_USAGE)
			       : cli_error(cli, -ENOMEM, "cannot list tables");
		free(bad);
		return code;
	}
	iommu_tables_foreach(tables, t) {
		table_row(ot, t);
		row_end(ot, opts, iommu_table_is_iommu(t), &listed, &others);
	}
	iommu_tables_foreach_problem(tables, p) {
		const char *source = iommu_problem_get_source(p), *base = strrchr(source, '/');

		if (iommu_problem_get_error(p) != -EACCES)
			continue;
		unreadable_row(ot, p);
		row_end(ot, opts, name_is_iommu(base ? base + 1 : source), &listed, &others);
	}
	out_table_end(ot);
	/* When no input could be read, the errors say it all. */
	if (!listed && !others && iommu_tables_get_first_problem(tables))
		return EXIT_CLEAN;
	if (!listed && !opts->all)
		out_text(cli->out, "no IOMMU tables (DMAR, IVRS, IORT, VIOT)%s\n",
			 others ? "" : " and no other ACPI tables");
	if (others) {
		out_text(cli->out, "%s tables:", listed ? "other" : "ACPI");
		iommu_tables_foreach(tables, t)
			if (!iommu_table_is_iommu(t))
				out_text(cli->out, " %s", iommu_table_get_name(t));
		iommu_tables_foreach_problem(tables, p) {
			const char *source = iommu_problem_get_source(p), *base = strrchr(source, '/');

			base = base ? base + 1 : source;
			if (iommu_problem_get_error(p) == -EACCES && !name_is_iommu(base))
				out_text(cli->out, " %s", base);
		}
		out_text(cli->out, "\n");
	}
	return EXIT_CLEAN;
}

/* acpidump's text format: "NAME @ 0x..." then 16 bytes a line with their ASCII. */
static void print_hex(struct out *o, const struct iommu_table *t)
{
	size_t size;
	const uint8_t *data = iommu_table_get_data(t, &size);

	out_text(o, "%s @ 0x0000000000000000\n", iommu_table_get_name(t));
	for (size_t off = 0; off < size; off += 16) {
		size_t n = size - off < 16 ? size - off : 16;
		char ascii[17];

		out_text(o, "    %04zX:", off);
		for (size_t i = 0; i < 16; i++) {
			if (i < n)
				out_text(o, " %02X", data[off + i]);
			else
				out_text(o, "   ");
			ascii[i] = i < n && isprint(data[off + i]) ? (char)data[off + i] : '.';
		}
		ascii[n] = 0;
		out_text(o, "  %s\n", ascii);
	}
	out_text(o, "\n");
}

static void dump_name(const struct iommu_table *t, const struct iommu_tables *tables,
		      char *buf, size_t size)
{
	unsigned int index = 0, same = 0;
	const struct iommu_table *o;

	/* Tables of the same name from several files: dmar.dat, dmar-2.dat, ... */
	iommu_tables_foreach(tables, o) {
		if (o == t)
			index = same;
		if (strcmp(iommu_table_get_name(o), iommu_table_get_name(t)) == 0)
			same++;
	}
	if (index)
		snprintf(buf, size, "%s-%u.dat", iommu_table_get_name(t), index + 1);
	else
		snprintf(buf, size, "%s.dat", iommu_table_get_name(t));
	for (char *c = buf; *c; c++)
		*c = (char)tolower((unsigned char)*c);
}

static int dump_tables(struct cli *cli, const struct tables_opts *opts,
		       const struct iommu_tables *tables)
{
	int dirfd = output_dir_open(opts->dump_dir, true), code = EXIT_CLEAN;
	struct iommu_table *t;

	if (dirfd == -EPERM) {
		cli_error(cli, 0, "'%s': iommutool never writes below /sys, /proc or /dev", opts->dump_dir);
		return EXIT_USAGE;
	}
	if (dirfd < 0)
		return cli_error(cli, dirfd, "cannot write into '%s'", opts->dump_dir);
	out_begin_array(cli->out, "written");
	iommu_tables_foreach(tables, t) {
		char name[64], path[4096];
		const uint8_t *data;
		size_t size;
		int r;

		if (!shown(opts, iommu_table_is_iommu(t)))
			continue;
		dump_name(t, tables, name, sizeof(name));
		data = iommu_table_get_data(t, &size);
		r = write_file_atomic(dirfd, name, data, size, opts->force);
		if (r == -EEXIST) {
			cli_error(cli, 0, "'%s/%s' exists; not replaced (use --force)", opts->dump_dir, name);
			code = EXIT_IOERR;
			continue;
		}
		if (r < 0) {
			cli_error(cli, r, "cannot write '%s/%s'", opts->dump_dir, name);
			code = EXIT_IOERR;
			continue;
		}
		snprintf(path, sizeof(path), "%s/%s", opts->dump_dir, name);
		out_begin_object(cli->out, NULL);
		out_str(cli->out, "file", "wrote %s", path);
		out_str(cli->out, "name", NULL, iommu_table_get_name(t));
		out_uint(cli->out, "size", " (%llu bytes)\n", size);
		out_end_object(cli->out);
	}
	out_end_array(cli->out);
	close(dirfd);
	return code;
}

/* A table that loaded but is not whole or not intact: say so, and the answer is "not clean". */
static int report_damage(const struct cli *cli, const struct tables_opts *opts,
			 const struct iommu_tables *tables)
{
	struct iommu_table *t;
	int code = EXIT_CLEAN;

	iommu_tables_foreach(tables, t) {
		const char *at = iommu_table_source_is_text(t) ? "line" : "offset";
		unsigned long long where = iommu_table_get_source_offset(t);
		size_t size;

		if (!shown(opts, iommu_table_is_iommu(t)))
			continue;
		iommu_table_get_data(t, &size);
		switch (iommu_table_get_checksum_state(t)) {
		case IOMMU_CHECKSUM_UNKNOWN:
			cli_warn(cli, "'%s', %s %llu: table %s is truncated: Length %u, %zu bytes present",
				 iommu_table_get_source(t), at, where, iommu_table_get_name(t),
				 iommu_table_get_length(t), size);
			code = EXIT_NOT_CLEAN;
			break;
		case IOMMU_CHECKSUM_BAD:
			cli_warn(cli, "'%s', %s %llu: table %s has a bad checksum: 0x%02x, should be 0x%02x",
				 iommu_table_get_source(t), at, where, iommu_table_get_name(t),
				 iommu_table_get_checksum(t), iommu_table_get_expected_checksum(t));
			code = EXIT_NOT_CLEAN;
			break;
		default:
			break;
		}
	}
	return code;
}

static int run_tables(struct cli *cli, void *data)
{
	struct tables_opts *opts = data;
	struct iommu_tables *tables = NULL;
	int load_code, code;

	if (opts->hex && cli->json) {
		fprintf(stderr, "iommutool: --hex prints acpidump text; it does not combine with --json\n");
		return EXIT_USAGE;
	}
	load_code = table_sources_load(cli, &opts->sources, &tables);
	if (!tables)
		return load_code;
	if (opts->hex) {
		struct iommu_table *t;

		iommu_tables_foreach(tables, t)
			if (shown(opts, iommu_table_is_iommu(t)))
				print_hex(cli->out, t);
		code = EXIT_CLEAN;
	} else if (opts->dump_dir) {
		code = dump_tables(cli, opts, tables);
	} else {
		code = list_tables(cli, opts, tables);
		if (code == EXIT_CLEAN)
			code = report_damage(cli, opts, tables);
	}
	iommu_tables_unref(tables);
	return code != EXIT_CLEAN ? code : load_code;
}

const struct iommutool_cmd cmd_tables = {
	.name = "tables",
	.summary = "List the IOMMU-related ACPI tables (DMAR, IVRS, IORT, VIOT)",
	.args_doc = "[FILE...]",
	.doc = "Reads the tables from the sysroot's /sys/firmware/acpi/tables, or from each FILE: "
	       "a raw table (.dat, .bin, .aml), acpidump text, or a directory of them.\n\n"
	       "Columns: name, signature, length, revision, checksum, oem_id, oem_table_id; "
	       "with -o also oem_revision, creator_id, creator_revision, iommu, source, "
	       "source_offset, source_line.",
	.options = tables_options,
	.parse = parse_tables,
	.opts_size = sizeof(struct tables_opts),
	.run = run_tables,
	.columns = columns,
	.ncolumns = sizeof(columns) / sizeof(columns[0]),
	.cleanup = table_sources_cleanup,
};
