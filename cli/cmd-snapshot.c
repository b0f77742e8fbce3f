// SPDX-License-Identifier: MIT
/* iommutool snapshot: capture what the other commands read, for --sysroot elsewhere. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "files.h"
#include "iommutool.h"

struct snapshot_opts {
	const char *dir;
};

enum { OPT_OUTPUT = 'o' };

static const struct argp_option snapshot_options[] = {
	{ "output", OPT_OUTPUT, "DIR", 0, "Write the snapshot into DIR (created; must be empty)", 0 },
	{ NULL }
};

static error_t parse_snapshot(int key, char *arg, struct argp_state *state)
{
	struct snapshot_opts *opts = state->input;

	switch (key) {
	case OPT_OUTPUT:
		opts->dir = arg;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static bool dir_is_empty(int dirfd)
{
	int fd = dup(dirfd);
	DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *de;
	bool empty = true;

	if (!dir) {
		if (fd >= 0)
			close(fd);
		return false;
	}
	while (empty && (de = readdir(dir)))
		empty = strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0;
	closedir(dir);
	return empty;
}

/* What decode and validate read: every table, and for the IOMMU ones the machine around them. */
static int read_tables(struct iommu_ctx *ctx)
{
	struct iommu_tables *tables;
	struct iommu_table *t;
	int r = iommu_tables_new(ctx, &tables);

	if (r < 0)
		return r;
	r = iommu_tables_load_sysroot(tables);
	iommu_tables_foreach(tables, t) {
		struct iommu_findings *findings;
		struct iommu_dnode *root;

		if (!iommu_table_is_iommu(t))
			continue;
		if (iommu_table_decode(t, &root) == 0)
			iommu_dnode_unref(root);
		if (iommu_table_validate(t, tables, IOMMU_VALIDATE_SYSTEM, &findings) == 0)
			iommu_findings_unref(findings);
	}
	iommu_tables_unref(tables);
	return r == -ENOMEM ? r : 0;
}

/* Run every reader with the recording on: status, devices (which read the groups), tables. */
static int collect(struct iommu_ctx *ctx)
{
	struct iommu_devices *devices;
	struct iommu_status *status;
	int r = iommu_status_new(ctx, &status);

	if (r < 0)
		return r;
	iommu_status_unref(status);
	r = iommu_devices_new(ctx, &devices);
	if (r < 0)
		return r;
	iommu_devices_unref(devices);
	return read_tables(ctx);
}

static int run_snapshot(struct cli *cli, void *data)
{
	struct snapshot_opts *opts = data;
	struct iommu_snapshot *snap;
	int dirfd, r;

	if (!opts->dir) {
		fputs("iommutool snapshot: -o DIR is required\n"
		      "Try 'iommutool snapshot --help' for more information.\n", stderr);
		return EXIT_USAGE;
	}
	dirfd = output_dir_open(opts->dir, true);
	if (dirfd == -EPERM) {
		cli_error(cli, 0, "'%s' is below /sys, /proc or /dev: iommutool writes nothing there",
			  opts->dir);
		return EXIT_USAGE;
	}
	if (dirfd < 0)
		return cli_error(cli, dirfd, "cannot write into '%s'", opts->dir);
	if (!dir_is_empty(dirfd)) {
		close(dirfd);
		cli_error(cli, 0, "'%s' is not empty: a snapshot goes into a new or empty directory",
			  opts->dir);
		return EXIT_IOERR;
	}
	r = iommu_snapshot_new(cli->ctx, &snap);
	if (r == 0) {
		r = collect(cli->ctx);
		if (r == 0)
			r = iommu_snapshot_write(snap, dirfd);
	}
	close(dirfd);
	if (r < 0) {
		iommu_snapshot_unref(snap);
		return cli_error(cli, r, "cannot take the snapshot into '%s'", opts->dir);
	}
	out_begin_object(cli->out, "snapshot");
	out_str(cli->out, "directory", "wrote %s:", opts->dir);
	out_uint(cli->out, "files", " %llu files,", iommu_snapshot_get_file_count(snap));
	out_uint(cli->out, "links", " %llu links,", iommu_snapshot_get_link_count(snap));
	out_uint(cli->out, "directories", " %llu directories\n", iommu_snapshot_get_dir_count(snap));
	out_end_object(cli->out);
	out_text(cli->out, "replay it with: iommutool --sysroot %s status\n", opts->dir);
	iommu_snapshot_unref(snap);
	return EXIT_CLEAN;
}

const struct iommutool_cmd cmd_snapshot = {
	.name = "snapshot",
	.summary = "Capture what the other commands read, for --sysroot elsewhere",
	.args_doc = "-o DIR",
	.doc = "Runs status, devices, groups, decode and validate with every read recorded, then "
	       "copies exactly those files into DIR at their paths (links as links, directories "
	       "with their entries), and the kernel log as DIR/dmesg.txt when it could be read.  "
	       "Run as root for a complete snapshot: without root the ACPI tables' contents, the "
	       "kernel log and most of the PCI configuration space are not readable, and the "
	       "snapshot keeps them unreadable too.  Writes nothing below /sys, /proc or /dev.",
	.options = snapshot_options,
	.parse = parse_snapshot,
	.opts_size = sizeof(struct snapshot_opts),
	.run = run_snapshot,
};
