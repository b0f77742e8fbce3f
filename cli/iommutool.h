/* SPDX-License-Identifier: MIT */
/* What the command files share: the descriptor, the run context, exit codes. */
#ifndef IOMMUTOOL_H
#define IOMMUTOOL_H

#include <argp.h>
#include <stdbool.h>

#include "libiommu.h"
#include "output.h"

/* Exit codes: iommutool(1) EXIT STATUS and shared/design/interface.md. */
enum exit_code {
	EXIT_CLEAN = 0,		/* success; status: enabled; validate: nothing above info */
	EXIT_NOT_CLEAN = 1,	/* worked, answer "not clean": warnings, some address faulted */
	EXIT_BAD = 2,		/* status: not enabled; validate: errors */
	EXIT_UNKNOWN = 3,	/* status: cannot tell */
	EXIT_USAGE = 64,
	EXIT_DATAERR = 65,	/* input malformed beyond use */
	EXIT_NOINPUT = 66,	/* input missing or cannot be opened */
	EXIT_SOFTWARE = 70,	/* internal error */
	EXIT_IOERR = 74,	/* output could not be written */
	EXIT_NOPERM = 77,	/* permission denied: needs root */
};

/* Everything a command runs with; built and torn down by the dispatcher. */
struct cli {
	struct iommu_ctx *ctx;
	struct out *out;
	const char *prog;
	int verbose;
	bool quiet;
	bool json;
	bool color;
};

/* Descriptor flags. */
#define CMD_HIDDEN	(1u << 0)	/* not listed in --help or --list-cmds */

/* The words an option's argument can be (--list-values, for the completions). */
struct option_words {
	const char *option;		/* long name */
	const char *const *words;	/* NULL-terminated */
};

struct iommutool_cmd {
	const char *name;
	const char *summary;
	const char *args_doc;
	const char *doc;		/* longer text for --help, after the summary */
	const struct argp_option *options;
	argp_parser_t parse;		/* state->input is the command's options */
	size_t opts_size;		/* zeroed and handed to parse and run */
	int (*run)(struct cli *cli, void *opts);	/* returns an exit code */
	void (*cleanup)(void *opts);	/* frees what parse allocated; may be NULL */
	unsigned int flags;
	const struct out_column *columns;	/* what -o/--output chooses from */
	size_t ncolumns;
	const struct option_words *words;	/* ends with { NULL } */
};

extern const struct iommutool_cmd cmd_status;
extern const struct iommutool_cmd cmd_tables;
extern const struct iommutool_cmd cmd_decode;
extern const struct iommutool_cmd cmd_validate;
extern const struct iommutool_cmd cmd_devices;
extern const struct iommutool_cmd cmd_groups;
extern const struct iommutool_cmd cmd_snapshot;
extern const struct iommutool_cmd cmd_translate;
extern const struct iommutool_cmd cmd_walk;
extern const struct iommutool_cmd cmd_fault;
extern const struct iommutool_cmd cmd_scan;

/* Exit code for a negative errno from the library. */
int exit_code_for_error(int error);
/*
 * Print "iommutool: MESSAGE: strerror(ERROR)" (no errno part when ERROR is
 * 0) with the way forward for permission problems; returns the exit code.
 */
int cli_error(const struct cli *cli, int error, const char *fmt, ...) PRINTF_FMT(3, 4);
/* Print a warning "iommutool: MESSAGE" to stderr unless quiet. */
void cli_warn(const struct cli *cli, const char *fmt, ...) PRINTF_FMT(2, 3);

/* ACPI table sources shared by tables, decode and validate. */
struct table_sources {
	char **files;
	int nfiles;
};
/* Add a positional FILE argument; for argp parsers (returns 0 or ENOMEM). */
int table_sources_add(struct table_sources *src, char *file);
/* A descriptor's cleanup for options that start with their table_sources. */
void table_sources_cleanup(void *opts);
/*
 * Load the tables from the files, or from the sysroot when there are none.
 * Problems are reported on stderr; returns the worst exit code met (0 when
 * every input was usable) and the set, which may still hold usable tables.
 */
int table_sources_load(const struct cli *cli, const struct table_sources *src,
		       struct iommu_tables **ret_tables);
/*
 * JSON only: where in its file the table starts, "source_offset": "0x..." in
 * a raw file, "source_line": N in acpidump text.
 */
void render_table_position(struct out *o, const struct iommu_table *t);

/* Render a decoded tree (cli/render-tree.c) and a list of findings. */
void render_dnode(struct out *o, const struct iommu_dnode *root, int verbose);
/* The same in JSON; text shows nothing of it (a detail text gives with -v only). */
void render_dnode_json_only(struct out *o, const struct iommu_dnode *root);
void render_findings(struct out *o, const struct iommu_findings *findings);

#endif
