// SPDX-License-Identifier: MIT
/*
 * iommutool scan: find VT-d root tables, SMMUv3 stream tables and AMD-Vi
 * device tables in a memory dump without register values, ranked best
 * first with the evidence, and the option that walks each.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "dump-source.h"

struct scan_opts {
	struct dump_opts src;
	bool all;
	unsigned long limit;
	bool have_limit;
};

enum { OPT_ALL = 'a', OPT_LIMIT = 'n' };

static const struct argp_option scan_options[] = {
	{ "dump", OPT_DUMP_FILE, "FILE", 0,
	  "Memory dump: raw image, ELF core (/proc/vmcore, QEMU) or kdump-compressed", 0 },
	{ "base", OPT_BASE, "ADDR", 0, "The dump is a raw memory image starting at ADDR", 0 },
	{ "all", OPT_ALL, NULL, 0, "Also candidates without an entry the hardware would accept", 0 },
	{ "limit", OPT_LIMIT, "N", 0, "Show the N best candidates (default 10; 0: all)", 0 },
	{ NULL }
};

static error_t parse_scan(int key, char *arg, struct argp_state *state)
{
	struct scan_opts *opts = state->input;
	char *end;

	switch (key) {
	case OPT_ALL:
		opts->all = true;
		break;
	case OPT_LIMIT:
		errno = 0;
		opts->limit = strtoul(arg, &end, 10);
		if (errno || *end || !*arg || *arg == '-')
			argp_error(state, "'%s' is not a number of candidates", arg);
		opts->have_limit = true;
		break;
	case OPT_DUMP_FILE:
	case OPT_BASE:
		return dump_opts_parse(&opts->src, key, arg, state);
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

/* The option of translate and walk that names the table: "--rtaddr 0x601f000". */
static void option_text(char *buf, size_t size, const struct iommu_scan_candidate *c)
{
	uint64_t reg = iommu_scan_candidate_get_register(c);

	switch (iommu_scan_candidate_get_kind(c)) {
	case IOMMU_SCAN_VTD_ROOT:
		snprintf(buf, size, "--rtaddr 0x%llx", (unsigned long long)reg);
		break;
	case IOMMU_SCAN_SMMUV3_STRTAB:
		snprintf(buf, size, "--strtab 0x%llx,0x%llx", (unsigned long long)reg,
			 (unsigned long long)iommu_scan_candidate_get_register2(c));
		break;
	case IOMMU_SCAN_AMDVI_DEV_TABLE:
		snprintf(buf, size, "--dev-table 0x%llx", (unsigned long long)reg);
		break;
	}
}

static void evidence(struct out *o, const struct iommu_scan_candidate *c, bool text)
{
	out_begin_array(o, "evidence");
	for (size_t i = 0; i < iommu_scan_candidate_get_evidence_count(c); i++)
		out_str(o, NULL, text ? "  %s\n" : NULL, iommu_scan_candidate_get_evidence(c, i));
	out_end_array(o);
}

static void candidate(struct cli *cli, size_t rank, const struct iommu_scan_candidate *c)
{
	struct out *o = cli->out;
	enum iommu_scan_kind kind = iommu_scan_candidate_get_kind(c);
	char option[64];

	option_text(option, sizeof(option), c);
	out_begin_object(o, NULL);
	out_uint(o, "rank", "%4llu", rank);
	out_str(o, "kind", "  %-15s", iommu_scan_kind_name(kind));
	out_hex(o, "table", "  0x%-12llx", iommu_scan_candidate_get_addr(c));
	out_uint(o, "score", "  %5llu", iommu_scan_candidate_get_score(c));
	out_str(o, "format", "  %-12s", iommu_scan_candidate_get_format(c));
	out_uint(o, "entries", "  %7llu", iommu_scan_candidate_get_entries(c));
	out_uint(o, "domains", "  %7llu", iommu_scan_candidate_get_domains(c));
	out_uint(o, "tables", "  %6llu", iommu_scan_candidate_get_tables(c));
	out_hex(o, "register", NULL, iommu_scan_candidate_get_register(c));
	if (kind == IOMMU_SCAN_SMMUV3_STRTAB)
		out_hex(o, "register2", NULL, iommu_scan_candidate_get_register2(c));
	out_str(o, "option", "  %s\n", option);
	evidence(o, c, cli->verbose > 0);
	out_end_object(o);
}

static int run_scan(struct cli *cli, void *data)
{
	struct scan_opts *opts = data;
	size_t limit = opts->have_limit ? opts->limit : 10, count;
	struct iommu_scan *scan = NULL;
	struct dump_source src;
	struct out *o = cli->out;
	char option[64];
	int r, code;

	opts->src.no_discovery = true;
	code = dump_source_open(cli, &opts->src, false, &src);
	if (code)
		return code;
	r = iommu_scan_dump(src.dump, opts->all ? IOMMU_SCAN_ALL : 0, &scan);
	if (r < 0) {
		code = cli_error(cli, r, "cannot scan the dump '%s'", opts->src.dump);
		goto out;
	}
	count = iommu_scan_get_count(scan);
	if (!limit || limit > count)
		limit = count;
	dump_source_describe(cli, &src);
	out_uint(o, "pages", "%llu pages scanned", iommu_scan_get_pages(scan));
	out_uint(o, "count", ", %llu candidates\n", count);
	if (count)
		out_text(o, "RANK  KIND             TABLE           SCORE  FORMAT        ENTRIES  DOMAINS  TABLES  USE\n");
	out_begin_array(o, "candidates");
	for (size_t i = 0; i < limit; i++)
		candidate(cli, i + 1, iommu_scan_get_candidate(scan, i));
	out_end_array(o);
	if (count && !cli->verbose) {
		const struct iommu_scan_candidate *best = iommu_scan_get_candidate(scan, 0);

		option_text(option, sizeof(option), best);
		out_text(o, "best: %s at 0x%llx (%s)\n", iommu_scan_kind_name(iommu_scan_candidate_get_kind(best)),
			 (unsigned long long)iommu_scan_candidate_get_addr(best), option);
		for (size_t i = 0; i < iommu_scan_candidate_get_evidence_count(best); i++)
			out_text(o, "  %s\n", iommu_scan_candidate_get_evidence(best, i));
	}
	if (!count)
		out_text(o, "no VT-d root table, SMMUv3 stream table or AMD-Vi device table found\n");
	code = count ? EXIT_CLEAN : EXIT_NOT_CLEAN;
out:
	iommu_scan_unref(scan);
	dump_source_close(&src);
	return code;
}

const struct iommutool_cmd cmd_scan = {
	.name = "scan",
	.summary = "Find IOMMU translation tables in a memory dump without register values",
	.doc = "Reads every page of the dump and looks for VT-d root tables, SMMUv3 stream tables "
	       "(linear and 2-level) and AMD-Vi device tables: pages whose every entry is well "
	       "formed, then scored by resolving them as the hardware would (entries it accepts or "
	       "refuses, domains, top page tables in the dump with well-formed entries).  Prints "
	       "the candidates best first with the option that walks each (--rtaddr, --strtab, "
	       "--dev-table); -v gives every candidate's evidence.\n\n"
	       "Exit status: 0 when a table was found, 1 when none.",
	.options = scan_options,
	.parse = parse_scan,
	.opts_size = sizeof(struct scan_opts),
	.run = run_scan,
};
