// SPDX-License-Identifier: MIT
/*
 * iommutool fault: decode the DMAR fault lines of kernel logs (every format
 * Linux has used), and with a dump, walk the very request that faulted.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The input: the arguments, one line each, or standard input. */
static int read_input(const struct fault_opts *opts, char **ret_text)
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
		return 0;
	}
	for (;;) {
		size_t n;
		char *bigger;

		if (len + 65536 + 1 > size) {
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
	text[len] = 0;
	*ret_text = text;
	return 0;
}

struct fault_run {
	struct cli *cli;
	struct dump_source src;
	bool have_dump;
	struct iommu_xlate *x;
	size_t count;
};

/* The walk of the logged request in the dump, and whether it ends the same way. */
static void walk_logged(struct fault_run *fr, const struct iommu_fault_msg *m)
{
	struct iommu_vtd *vtd = fr->src.vtd;

	iommu_vtd_translate(vtd, iommu_fault_msg_get_sid(m), iommu_fault_msg_get_pasid(m),
			    iommu_fault_msg_get_addr(m),
			    iommu_fault_msg_is_write(m) ? IOMMU_ACCESS_WRITE : IOMMU_ACCESS_READ, 0,
			    fr->x);
	render_logged_walk(fr->cli, fr->x,
			   iommu_xlate_get_fault_reason(fr->x) == iommu_fault_msg_get_reason(m), UNIT_VTD,
			   iommu_vtd_get_ttm(vtd) == IOMMU_VTD_TTM_SCALABLE,
			   iommu_fault_msg_get_segment(m), iommu_fault_msg_get_sid(m),
			   iommu_fault_msg_get_pasid(m), iommu_fault_msg_get_addr(m));
}

static void render_msg(struct fault_run *fr, const struct iommu_fault_msg *m, size_t line)
{
	struct out *o = fr->cli->out;
	uint32_t pasid = iommu_fault_msg_get_pasid(m);
	const char *text = iommu_fault_msg_get_text(m);
	char bdf[16];

	fr->count++;
	format_bdf(bdf, sizeof(bdf), iommu_fault_msg_get_segment(m), iommu_fault_msg_get_sid(m));
	out_begin_object(o, NULL);
	out_uint(o, "line", NULL, line);
	out_str(o, "type", "%s", iommu_fault_msg_is_interrupt(m) ? "interrupt"
				 : iommu_fault_msg_is_write(m) ? "dma_write" : "dma_read");
	out_str(o, "device", " from %s", bdf);
	if (pasid == IOMMU_NO_PASID)
		out_null(o, "pasid", NULL);
	else
		out_uint(o, "pasid", ", PASID %llu", pasid);
	out_hex(o, iommu_fault_msg_is_interrupt(m) ? "index" : "address",
		iommu_fault_msg_is_interrupt(m) ? ", interrupt index 0x%llx" : ", address 0x%llx",
		iommu_fault_msg_get_addr(m));
	out_text(o, fr->cli->verbose ? "  (line %zu)\n  " : "\n  ", line);
	render_fault_reason(fr->cli, iommu_fault_msg_get_reason(m), fr->cli->verbose);
	out_text(o, "\n");
	if (text && strcmp(text, iommu_vtd_fault_reason_kernel_text(iommu_fault_msg_get_reason(m))))
		out_str(o, "logged_text", "  the log says \"%s\"\n", text);
	else
		out_str(o, "logged_text", NULL, text);
	out_str(o, "format", fr->cli->verbose ? "  log format: %s\n" : NULL,
		iommu_fault_msg_get_format(m));
	if (fr->src.vtd && !iommu_fault_msg_is_interrupt(m))
		walk_logged(fr, m);
	out_end_object(o);
}

static int run_fault(struct cli *cli, void *data)
{
	struct fault_opts *opts = data;
	struct fault_run fr = { .cli = cli };
	size_t pos = 0, line = 1;
	char *text = NULL;
	int code = EXIT_CLEAN, r;

	if (opts->src.dump) {
		code = dump_source_open(cli, &opts->src, true, &fr.src);
		if (code) {
			dump_source_close(&fr.src);
			return code;
		}
		r = iommu_xlate_new(&fr.x);
		if (r < 0) {
			dump_source_close(&fr.src);
			return cli_error(cli, r, "cannot translate");
		}
	}
	r = read_input(opts, &text);
	if (r < 0) {
		code = cli_error(cli, r, "cannot read the log");
		goto out;
	}
	out_begin_array(cli->out, "faults");
	while (text[pos]) {
		struct iommu_fault_msg *m;
		struct iommu_smmuv3_event *sev;
		struct iommu_amdvi_event *aev;
		size_t used, eol = strcspn(text + pos, "\n");

		if (iommu_fault_msg_parse(text + pos, &m, &used) == 0) {
			render_msg(&fr, m, line);
			iommu_fault_msg_unref(m);
		} else if (iommu_smmuv3_event_parse(text + pos, &sev, &used) == 0) {
			fr.count++;
			fault_smmuv3(cli, sev, line, &fr.src, fr.x);
			iommu_smmuv3_event_unref(sev);
		} else if (iommu_amdvi_event_parse(text + pos, &aev, &used) == 0) {
			fr.count++;
			fault_amdvi(cli, aev, line, &fr.src, fr.x);
			iommu_amdvi_event_unref(aev);
		} else {
			pos += eol + (text[pos + eol] ? 1 : 0);
			line++;
			continue;
		}
		for (size_t i = 0; i < used; i++)
			line += text[pos + i] == '\n';
		pos += used;
	}
	out_end_array(cli->out);
	/* Faults decoded are the answer "not clean", as a faulting translate is. */
	if (fr.count)
		code = EXIT_NOT_CLEAN;
	else
		out_text(cli->out, "no fault or event messages (DMAR, arm-smmu-v3, AMD-Vi)\n");
out:
	free(text);
	iommu_xlate_unref(fr.x);
	dump_source_close(&fr.src);
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
	       "walk ends and whether it ends in the logged fault.",
	.options = fault_options,
	.parse = parse_fault,
	.opts_size = sizeof(struct fault_opts),
	.run = run_fault,
	.cleanup = fault_cleanup,
};
