// SPDX-License-Identifier: MIT
/*
 * iommutool fault: decode the DMAR fault lines of kernel logs (every format
 * Linux has used), and with a dump, walk the very request that faulted.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dump-source.h"

#define MAX_LOG (64u << 20)

struct fault_opts {
	struct dump_opts src;
	char **lines;
	int nlines;
};

static const struct argp_option fault_options[] = {
	DUMP_OPTIONS,
	{ NULL }
};

static error_t parse_fault(int key, char *arg, struct argp_state *state)
{
	struct fault_opts *opts = state->input;
	char **bigger;

	switch (key) {
	case ARGP_KEY_ARG:
		bigger = reallocarray(opts->lines, (size_t)opts->nlines + 1, sizeof(*bigger));
		if (!bigger)
			return ENOMEM;
		opts->lines = bigger;
		opts->lines[opts->nlines++] = arg;
		break;
	case ARGP_KEY_END:
		if ((opts->src.have_rtaddr || opts->src.have_strtab || opts->src.have_dev_table ||
		     opts->src.registers) && !opts->src.dump)
			argp_error(state, "--rtaddr, --strtab, --dev-table and --registers go with --dump");
		break;
	default:
		return dump_opts_parse(&opts->src, key, arg, state);
	}
	return 0;
}

static void fault_cleanup(void *data)
{
	struct fault_opts *opts = data;

	free(opts->lines);
}

/* The input: the arguments, one line each, or standard input; its length in *RET_SIZE. */
static int read_input(const struct fault_opts *opts, char **ret_text, size_t *ret_size)
{
	size_t size = 0, len = 0;
	char *text = NULL;
	FILE *f;

	if (opts->nlines) {
		f = open_memstream(&text, &size);
		if (!f)
			return -ENOMEM;
		for (int i = 0; i < opts->nlines; i++)
			fprintf(f, "%s\n", opts->lines[i]);
		if (fclose(f) != 0)
			return -ENOMEM;
		*ret_text = text;
		*ret_size = size;
		return 0;
	}
	for (;;) {
		size_t n;
		char *bigger;

		if (len + 65536 > size) {
			if (size > MAX_LOG) {
				free(text);
				return -EFBIG;
			}
			size = size ? size * 2 : 65536 * 2;
			bigger = realloc(text, size);
			if (!bigger) {
				free(text);
				return -ENOMEM;
			}
			text = bigger;
		}
		n = fread(text + len, 1, 65536, stdin);
		len += n;
		if (n < 65536)
			break;
	}
	if (ferror(stdin)) {
		free(text);
		return -EIO;
	}
	*ret_text = text;
	*ret_size = len;
	return 0;
}

/* The dump's own kernel log, when no line is given: the records it still holds. */
static int read_dump_log(struct cli *cli, const struct dump_source *src, char **ret_text,
			 size_t *ret_size)
{
	size_t records;
	int r = iommu_kernel_read_log(src->kernel, ret_text, &records);

	if (r < 0) {
		cli_error(cli, 0, "cannot read the kernel log in '%s': %s", iommu_dump_get_path(src->dump),
			  iommu_kernel_get_problem(src->kernel));
		return r == -ENOENT ? EXIT_NOINPUT : EXIT_DATAERR;
	}
	*ret_size = strlen(*ret_text);
	out_str(cli->out, "log", "kernel log of %s", iommu_dump_get_path(src->dump));
	out_uint(cli->out, "log_records", ": %llu records\n", records);
	return EXIT_CLEAN;
}

static int run_fault(struct cli *cli, void *data)
{
	struct fault_opts *opts = data;
	struct dump_source src = { 0 };
	struct iommu_xlate *x = NULL;
	size_t pos = 0, line = 1, size = 0, count = 0;
	char *text = NULL;
	int code = EXIT_CLEAN, r;

	if (opts->src.dump) {
		code = dump_source_open(cli, &opts->src, true, &src);
		if (code) {
			dump_source_close(&src);
			return code;
		}
		r = iommu_xlate_new(&x);
		if (r < 0) {
			dump_source_close(&src);
			return cli_error(cli, r, "cannot translate");
		}
	}
	/* With the dump's kernel and nothing given (no line, a terminal or nothing on stdin): its log. */
	if (opts->nlines || !src.kernel || !isatty(STDIN_FILENO)) {
		r = read_input(opts, &text, &size);
		if (r < 0) {
			code = cli_error(cli, r, "cannot read the log");
			goto out;
		}
	}
	if (!opts->nlines && src.kernel && !size) {
		free(text);
		text = NULL;
		code = read_dump_log(cli, &src, &text, &size);
		if (code)
			goto out;
	}
	out_begin_array(cli->out, "faults");
	while (pos < size) {
		struct iommu_fault *f;
		size_t used;

		r = iommu_fault_parse(text + pos, size - pos, &f, &used);
		if (r == -ENOMEM) {
			code = cli_error(cli, r, "cannot read the log");
			break;
		}
		if (r < 0) {
			const char *nl = memchr(text + pos, '\n', size - pos);

			used = nl ? (size_t)(nl - (text + pos)) + 1 : size - pos;
		} else {
			count++;
			render_fault(cli, f, line, &src, x);
			iommu_fault_unref(f);
		}
		for (size_t i = 0; i < used; i++)
			line += text[pos + i] == '\n';
		pos += used;
	}
	out_end_array(cli->out);
	if (!count)
		out_text(cli->out, "no fault or event messages (DMAR, arm-smmu-v3, AMD-Vi)\n");
	/* Faults decoded are the answer "not clean", as a faulting translate is. */
	else if (code == EXIT_CLEAN)
		code = EXIT_NOT_CLEAN;
out:
	free(text);
	iommu_xlate_unref(x);
	dump_source_close(&src);
	return code;
}

const struct iommutool_cmd cmd_fault = {
	.name = "fault",
	.summary = "Decode IOMMU fault and event messages from kernel logs; with a dump, walk the faulting request",
	.args_doc = "[LINE...]",
	.doc = "Reads kernel log lines (the arguments, or standard input) and decodes every DMAR "
	       "fault message, arm-smmu-v3 event and AMD-Vi event in them, in any format Linux "
	       "has printed: the requester (StreamID, device id), PASID, address and access, and "
	       "the fault reason or event with the specification's name, what it means and what "
	       "usually causes it (-v).  With --dump and a table pointer of the same kind of "
	       "unit, each request is walked through the tables in the dump, showing where the "
	       "walk ends and whether it ends in the logged fault.  With --dump alone and no "
	       "line given, the log is the dump's own kernel log.",
	.options = fault_options,
	.parse = parse_fault,
	.opts_size = sizeof(struct fault_opts),
	.run = run_fault,
	.cleanup = fault_cleanup,
};
