// SPDX-License-Identifier: MIT
/*
 * iommutool walk: the translation structures in a dump — which devices
 * (and PASIDs) have address spaces, every mapping, who reaches a physical
 * page — and the interrupt remapping table and invalidation queue.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dump-irq.h"
#include "dump-source.h"

struct walk_opts {
	struct dump_opts src;
	const char *device;
	uint16_t segment, sid;
	struct requester_opts req;
	bool mappings, leaves, interrupts, queue, debugfs, all;
	uint64_t reverse, irta, iqa;
	bool have_reverse, have_irta, have_iqa;
};

enum { OPT_MAPPINGS = 'm', OPT_DEVICE = 'd', OPT_REVERSE = 'R', OPT_INTERRUPTS = 'i',
       OPT_ALL = 'a', OPT_FORMAT = 0x100, OPT_LEAVES, OPT_QUEUE, OPT_IRTA, OPT_IQA };

static const struct argp_option walk_options[] = {
	{ "all", OPT_ALL, NULL, 0, "Also the entries that refuse everything (SMMUv3 STEs that abort, AMD-Vi DTEs with IR and IW clear)", 0 },
	{ "mappings", OPT_MAPPINGS, NULL, 0, "List every mapping: IOVA range, physical range, permissions, page size", 0 },
	{ "device", OPT_DEVICE, "BDF", 0, "Only this device ([segment:]bus:device.function)", 0 },
	{ "pasid", OPT_PASID, "N", 0, "Only this PASID", 0 },
	{ "sid", OPT_SID, "N", 0, "Only this StreamID (SMMUv3) or device id (AMD-Vi)", 0 },
	{ "ssid", OPT_SSID, "N", 0, "Only this SubstreamID (SMMUv3; as --pasid)", 0 },
	{ "leaves", OPT_LEAVES, NULL, 0, "With --mappings: one line per page-table leaf instead of ranges", 0 },
	{ "reverse", OPT_REVERSE, "PHYS", 0, "Every device, PASID and IOVA that reaches the page at PHYS", 0 },
	{ "interrupts", OPT_INTERRUPTS, NULL, 0, "The interrupt remapping table (IRTA_REG from --irta or --registers)", 0 },
	{ "irta", OPT_IRTA, "VALUE", 0, "IRTA_REG value (hex)", 0 },
	{ "queue", OPT_QUEUE, NULL, 0, "The invalidation queue (IQA_REG from --iqa or --registers)", 0 },
	{ "iqa", OPT_IQA, "VALUE", 0, "IQA_REG value (hex)", 0 },
	{ "format", OPT_FORMAT, "FORMAT", 0, "text (default) or debugfs: what the kernel's debugfs files print", 0 },
	DUMP_OPTIONS,
	{ NULL }
};

static error_t parse_walk(int key, char *arg, struct argp_state *state)
{
	struct walk_opts *opts = state->input;

	switch (key) {
	case OPT_MAPPINGS:
		opts->mappings = true;
		break;
	case OPT_LEAVES:
		opts->leaves = true;
		break;
	case OPT_ALL:
		opts->all = true;
		break;
	case OPT_INTERRUPTS:
		opts->interrupts = true;
		break;
	case OPT_QUEUE:
		opts->queue = true;
		break;
	case OPT_DEVICE:
		if (iommu_parse_bdf(arg, &opts->segment, &opts->sid) < 0)
			argp_error(state, "'%s' is not a PCI device address ([segment:]bus:device.function)", arg);
		opts->device = arg;
		break;
	case OPT_PASID:
	case OPT_SSID:
	case OPT_SID:
		return requester_opts_parse(&opts->req, key, arg, state);
	case OPT_REVERSE:
	case OPT_IRTA:
	case OPT_IQA: {
		uint64_t *v = key == OPT_REVERSE ? &opts->reverse : key == OPT_IRTA ? &opts->irta : &opts->iqa;

		if (iommu_parse_hex(arg, v) < 0)
			argp_error(state, "'%s' is not a hexadecimal value", arg);
		*(key == OPT_REVERSE ? &opts->have_reverse : key == OPT_IRTA ? &opts->have_irta
									 : &opts->have_iqa) = true;
		break;
	}
	case OPT_FORMAT:
		if (strcmp(arg, "debugfs") && strcmp(arg, "text"))
			argp_error(state, "--format takes text or debugfs, not '%s'", arg);
		opts->debugfs = strcmp(arg, "debugfs") == 0;
		break;
	case ARGP_KEY_END:
		if (opts->mappings + opts->have_reverse + opts->interrupts + opts->queue > 1)
			argp_error(state, "--mappings, --reverse, --interrupts and --queue do not combine");
		if (opts->leaves && !opts->mappings)
			argp_error(state, "--leaves goes with --mappings");
		break;
	default:
		return dump_opts_parse(&opts->src, key, arg, state);
	}
	return 0;
}

bool walk_wanted(const struct walk_request *rq, const struct iommu_space *sp)
{
	return (!rq->have_id || iommu_space_get_requester(sp) == rq->id) &&
	       (!rq->have_pasid || iommu_space_get_pasid(sp) == rq->pasid);
}

/* ---- the summary of every space, for every kind of unit ------------------ */

struct summary {
	const struct walk_request *rq;
	const struct walk_summary *ws;
	struct out_table *t;
	void *userdata;
	size_t listed, unused;
};

static int summary_space(const struct iommu_space *sp, void *userdata)
{
	struct summary *s = userdata;

	if (!walk_wanted(s->rq, sp))
		return 0;
	/* Without --all or an id asked for: the spaces in use, and a count of the others. */
	if (s->ws->unused && s->ws->unused(sp) && !s->rq->all && !s->rq->have_id) {
		s->unused++;
		return 0;
	}
	s->listed++;
	s->ws->row(s->t, sp, s->userdata);
	out_row_end(s->t);
	return 0;
}

int walk_summary(struct cli *cli, const struct walk_request *rq, struct dump_source *src,
		 const struct walk_summary *ws, uint64_t table, void *userdata, size_t *ret_listed)
{
	struct summary s = { .rq = rq, .ws = ws, .userdata = userdata };
	char *bad = NULL;
	int r;

	*ret_listed = 0;
	dump_source_describe(cli, src);
	s.t = out_table_new(cli->out, ws->key, ws->cols, ws->ncols, NULL, &bad);
	if (!s.t) {
		free(bad);
		return cli_error(cli, -ENOMEM, "cannot list the %s", ws->rows);
	}
	r = iommu_translator_foreach_space(src->translator, summary_space, &s);
	out_table_end(s.t);
	if (ws->unused)
		out_uint(cli->out, "not_listed",
			 s.unused == 1 ? ws->unused_one : s.unused ? ws->unused_many : NULL, s.unused);
	if (r == -ENODATA) {
		cli_error(cli, 0, "the %s at 0x%llx is not in the dump", dump_source_table_name(src),
			  (unsigned long long)table);
		return EXIT_NOT_CLEAN;
	}
	if (!s.listed && !s.unused)
		out_text(cli->out, "no %s\n", rq->have_id || rq->have_pasid ? ws->no_match : ws->no_rows);
	*ret_listed = s.listed;
	return EXIT_CLEAN;
}

/* ---- mappings and reverse look-up, for every kind of unit ---------------- */

struct listing {
	struct cli *cli;
	const struct walk_request *rq;
	struct dump_source *src;
	struct stream_requesters requesters;	/* SMMUv3: who a StreamID is */
	size_t count;
};

static int mapping_row(const struct iommu_mapping *m, void *userdata)
{
	struct listing *l = userdata;
	uint32_t id = iommu_space_get_requester(iommu_mapping_get_space(m));
	char device[128];
	bool named = l->src->kind == IOMMU_VENDOR_ARM &&
		     stream_requester(&l->requesters, id, device, sizeof(device));

	l->count++;
	render_mapping(l->cli, l->src->kind, named ? device : NULL, m);
	return 0;
}

static int mappings_space(const struct iommu_space *sp, void *userdata)
{
	struct listing *l = userdata;

	if (!walk_wanted(l->rq, sp))
		return 0;
	return iommu_translator_foreach_mapping(l->src->translator, sp,
						l->rq->leaves ? IOMMU_MAPPINGS_LEAVES : 0, mapping_row,
						l);
}

static int walk_listing(struct cli *cli, const struct walk_request *rq, struct dump_source *src)
{
	struct listing l = { .cli = cli, .rq = rq, .src = src };
	int r;

	if (rq->have_reverse) {
		out_hex(cli->out, "phys", "page 0x%llx", rq->reverse & ~0xfffULL);
		out_text(cli->out, " is reached by:\n");
	} else if (cli->verbose) {
		dump_source_describe(cli, src);
	}
	render_mapping_header(cli, src->kind);
	out_begin_array(cli->out, "mappings");
	if (src->kind == IOMMU_VENDOR_ARM)
		stream_requesters_open(src, &l.requesters);
	r = rq->have_reverse
		    ? iommu_translator_foreach_reverse(src->translator, rq->reverse, mapping_row, &l)
		    : iommu_translator_foreach_space(src->translator, mappings_space, &l);
	if (src->kind == IOMMU_VENDOR_ARM)
		stream_requesters_close(&l.requesters);
	out_end_array(cli->out);
	if (cli->verbose && !rq->have_reverse)
		dump_source_stats(cli, src);
	if (r == -ENODATA) {
		cli_error(cli, 0, "the %s is not in the dump", dump_source_table_name(src));
		return EXIT_NOT_CLEAN;
	}
	if (!l.count && rq->have_reverse)
		out_text(cli->out, "no %s: no mapping in these tables reaches it\n",
			 src->kind == IOMMU_VENDOR_ARM ? "stream" : "device");
	else if (!l.count)
		out_text(cli->out, "no mappings\n");
	return EXIT_CLEAN;
}

/* ---- the command --------------------------------------------------------- */

/* A register from the option or the register file; false when neither has it. */
static bool reg_value(const struct dump_source *src, bool have, uint64_t value, const char *name,
		      uint64_t *ret)
{
	if (have) {
		*ret = value;
		return true;
	}
	return dump_source_reg(src, name, ret) == 0;
}

static int walk_structures(struct cli *cli, const struct walk_opts *opts, struct dump_source *src)
{
	uint64_t reg, iqh, iqt;
	char name[24];
	bool heads;

	if (opts->interrupts) {
		if (!reg_value(src, opts->have_irta, opts->irta, "IRTA", &reg)) {
			cli_error(cli, 0, "no interrupt remapping table pointer: give --irta VALUE, or --registers FILE with IRTA_REG");
			return EXIT_USAGE;
		}
		return walk_interrupts(cli, src->dump, reg, dump_source_unit_name(src, name, sizeof(name)), opts->debugfs);
	}
	if (!reg_value(src, opts->have_iqa, opts->iqa, "IQA", &reg)) {
		cli_error(cli, 0, "no invalidation queue pointer: give --iqa VALUE, or --registers FILE with IQA_REG");
		return EXIT_USAGE;
	}
	heads = dump_source_reg(src, "IQH", &iqh) == 0 && dump_source_reg(src, "IQT", &iqt) == 0;
	return walk_queue(cli, src->dump, reg, dump_source_unit_name(src, name, sizeof(name)), heads ? &iqh : NULL,
			  heads ? &iqt : NULL, opts->debugfs);
}

/* The tables of the unit: the requester (through IORT/IVRS) or id, then the listing or summary. */
static int walk_tables(struct cli *cli, const struct walk_opts *opts, struct dump_source *src)
{
	struct walk_request rq = { .mappings = opts->mappings, .leaves = opts->leaves,
				   .have_reverse = opts->have_reverse, .reverse = opts->reverse,
				   .have_pasid = opts->req.have_pasid, .pasid = opts->req.pasid, .all = opts->all };
	int code;

	if (src->kind != IOMMU_VENDOR_INTEL && opts->debugfs) {
		cli_error(cli, 0, "--interrupts, --queue and --format=debugfs are for VT-d units");
		return EXIT_USAGE;
	}
	if (opts->req.have_stream && src->kind != IOMMU_VENDOR_INTEL) {
		rq.have_id = true;
		rq.id = opts->req.stream;
	} else if (opts->device) {
		code = dump_source_requester(cli, src, opts->segment, opts->sid, &rq.id);
		if (code)
			return code;
		rq.have_id = true;
	}
	if (opts->debugfs && !opts->have_reverse)
		return walk_vtd_debugfs(cli, &rq, src);
	if (opts->mappings || opts->have_reverse)
		return walk_listing(cli, &rq, src);
	switch (src->kind) {
	case IOMMU_VENDOR_INTEL:
		return walk_vtd(cli, &rq, src);
	case IOMMU_VENDOR_ARM:
		return walk_smmuv3(cli, &rq, src);
	default:
		return walk_amdvi(cli, &rq, src);
	}
}

static int run_walk(struct cli *cli, void *data)
{
	struct walk_opts *opts = data;
	bool structures = opts->interrupts || opts->queue;
	struct dump_source src;
	int code;

	if (opts->debugfs && cli->json) {
		cli_error(cli, 0, "--format=debugfs prints the kernel's text; it does not combine with --json");
		return EXIT_USAGE;
	}
	code = dump_source_open(cli, &opts->src, !structures, &src);
	if (code == EXIT_CLEAN && structures && src.kind != IOMMU_VENDOR_INTEL &&
	    src.kind != IOMMU_VENDOR_UNKNOWN) {
		cli_error(cli, 0, "--interrupts, --queue and --format=debugfs are for VT-d units");
		code = EXIT_USAGE;
	} else if (code == EXIT_CLEAN) {
		code = structures ? walk_structures(cli, opts, &src) : walk_tables(cli, opts, &src);
	}
	dump_source_close(&src);
	return code;
}

const struct iommutool_cmd cmd_walk = {
	.name = "walk",
	.summary = "Show the IOMMU's translation structures in a memory dump",
	.doc = "Without options: every device (and PASID) the root table gives an address space, "
	       "with its mode, domain, paging levels and whether the hardware would accept its "
	       "entries; with --strtab, every SMMUv3 stream (and substream) of the stream table; "
	       "with --dev-table, every AMD-Vi device table entry in use.  --mappings lists every mapping; --reverse PHYS finds who can reach a "
	       "physical page; --interrupts and --queue decode the interrupt remapping table and "
	       "the invalidation queue.  --format=debugfs prints what the kernel's debugfs files "
	       "(dmar_translation_struct, domain_translation_struct, ir_translation_struct, "
	       "invalidation_queue) print for the same structures.",
	.options = walk_options,
	.parse = parse_walk,
	.opts_size = sizeof(struct walk_opts),
	.run = run_walk,
};
