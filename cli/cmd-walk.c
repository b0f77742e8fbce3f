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
	uint32_t pasid;
	bool have_pasid, mappings, leaves, interrupts, queue, debugfs, all;
	uint64_t reverse, irta, iqa;
	bool have_reverse, have_irta, have_iqa;
	uint32_t stream;
	bool have_stream;
};

enum { OPT_MAPPINGS = 'm', OPT_DEVICE = 'd', OPT_PASID = 'p', OPT_REVERSE = 'R',
       OPT_INTERRUPTS = 'i', OPT_ALL = 'a', OPT_FORMAT = 0x100, OPT_LEAVES, OPT_QUEUE, OPT_IRTA, OPT_IQA,
       OPT_SID, OPT_SSID };

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
	char *end;

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
	case OPT_SSID: {
		unsigned long v;

		errno = 0;
		v = strtoul(arg, &end, 0);
		if (errno || *end || !*arg || *arg == '-' || v > 0xfffff)
			argp_error(state, "'%s' is not a %s (0 to 0xfffff)", arg,
				   key == OPT_SSID ? "SubstreamID" : "PASID");
		opts->pasid = (uint32_t)v;
		opts->have_pasid = true;
		break;
	}
	case OPT_SID: {
		unsigned long long v;

		errno = 0;
		v = strtoull(arg, &end, 0);
		if (errno || *end || !*arg || *arg == '-' || v > 0xffffffffULL)
			argp_error(state, "'%s' is not a StreamID (0 to 0xffffffff)", arg);
		opts->stream = (uint32_t)v;
		opts->have_stream = true;
		break;
	}
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

static bool wanted(const struct walk_opts *opts, const struct iommu_vtd_space *sp)
{
	return (!opts->device || iommu_vtd_space_get_sid(sp) == opts->sid) &&
	       (!opts->have_pasid || iommu_vtd_space_get_pasid(sp) == opts->pasid);
}

/* The unit's name in the kernel's debugfs: the register file's, else dmar and its index. */
static const char *unit_name(const struct dump_source *src, char *buf, size_t size)
{
	const char *name = src->regs ? iommu_regs_get_unit_name(src->regs, src->unit) : NULL;

	if (name)
		return name;
	snprintf(buf, size, "dmar%zu", src->unit);
	return buf;
}

/* ---- summary ------------------------------------------------------------ */

enum { SC_DEVICE, SC_PASID, SC_MODE, SC_DOMAIN, SC_LEVELS, SC_TABLE, SC_STATUS, SC_REASON,
       SC_FPD, SC_DETAIL, SC_NOTE };

static const struct out_column summary_columns[] = {
	[SC_DEVICE] = { "device", "DEVICE", COL_STRING, 0, "requester" },
	[SC_PASID] = { "pasid", "PASID", COL_UINT, COL_RIGHT, "PASID (scalable mode)" },
	[SC_MODE] = { "mode", "MODE", COL_STRING, 0, "legacy, pass-through, second-stage, first-stage, nested" },
	[SC_DOMAIN] = { "domain", "DOMAIN", COL_UINT, COL_RIGHT, "domain id" },
	[SC_LEVELS] = { "levels", "LEVELS", COL_STRING, 0, "paging levels (first/second stage when nested)" },
	[SC_TABLE] = { "table", "TABLE", COL_HEX, 0, "top page table (first stage when used)" },
	[SC_STATUS] = { "status", "STATUS", COL_STRING, 0, "ok, fault, not_in_dump, blocked" },
	[SC_REASON] = { "fault_reason", "REASON", COL_HEX, 0, "fault reason the entries cause" },
	[SC_FPD] = { "fpd", "FPD", COL_BOOL, COL_EXTRA, "fault processing disabled" },
	[SC_DETAIL] = { "detail", "DETAIL", COL_STRING, COL_EXTRA, "what is wrong" },
	[SC_NOTE] = { "note", "NOTE", COL_STRING, COL_EXTRA, "reserved bits let through" },
};

struct summary {
	struct cli *cli;
	const struct walk_opts *opts;
	struct out_table *t;
	FILE *details;		/* text: what is wrong, after the table */
	size_t count;
};

static int summary_row(const struct iommu_vtd_space *sp, void *userdata)
{
	struct summary *s = userdata;
	struct out_table *t = s->t;
	enum iommu_xlate_status st = iommu_vtd_space_get_status(sp);
	unsigned int ss = iommu_vtd_space_get_levels(sp, false), fs = iommu_vtd_space_get_levels(sp, true);
	char bdf[16], levels[24];

	if (!wanted(s->opts, sp))
		return 0;
	s->count++;
	format_bdf(bdf, sizeof(bdf), 0, iommu_vtd_space_get_sid(sp));
	out_cell_str(t, SC_DEVICE, bdf);
	if (iommu_vtd_space_get_pasid(sp) != IOMMU_NO_PASID)
		out_cell_uint(t, SC_PASID, iommu_vtd_space_get_pasid(sp));
	out_cell_str(t, SC_MODE, iommu_vtd_space_get_mode(sp));
	if (iommu_vtd_space_get_domain_id(sp) >= 0)
		out_cell_uint(t, SC_DOMAIN, (unsigned int)iommu_vtd_space_get_domain_id(sp));
	if (fs && ss)
		snprintf(levels, sizeof(levels), "%u/%u", fs, ss);
	else
		snprintf(levels, sizeof(levels), "%u", fs ? fs : ss);
	if (fs || ss) {
		out_cell_str(t, SC_LEVELS, levels);
		out_cell_hex(t, SC_TABLE, iommu_vtd_space_get_root(sp, fs != 0), 1);
	}
	out_cell_str(t, SC_STATUS, iommu_xlate_status_name(st));
	if (st == IOMMU_XLATE_FAULT)
		out_cell_hex(t, SC_REASON, iommu_vtd_space_get_fault_reason(sp), 2);
	out_cell_bool(t, SC_FPD, iommu_vtd_space_get_fpd(sp));
	out_cell_str(t, SC_DETAIL, iommu_vtd_space_get_detail(sp));
	out_cell_str(t, SC_NOTE, iommu_vtd_space_get_note(sp));
	out_row_end(t);
	if (s->details && (iommu_vtd_space_get_detail(sp) || iommu_vtd_space_get_note(sp))) {
		fprintf(s->details, "%s", bdf);
		if (iommu_vtd_space_get_pasid(sp) != IOMMU_NO_PASID)
			fprintf(s->details, " PASID %u", iommu_vtd_space_get_pasid(sp));
		fprintf(s->details, ": %s\n", iommu_vtd_space_get_detail(sp) ? iommu_vtd_space_get_detail(sp)
									  : iommu_vtd_space_get_note(sp));
	}
	return 0;
}

static int walk_summary(struct cli *cli, const struct walk_opts *opts, struct dump_source *src)
{
	struct summary s = { .cli = cli, .opts = opts };
	char *details = NULL, *bad = NULL;
	size_t details_size = 0;
	int r;

	dump_source_describe(cli, src);
	s.t = out_table_new(cli->out, "spaces", summary_columns,
			    sizeof(summary_columns) / sizeof(summary_columns[0]), NULL, &bad);
	if (!s.t) {
		free(bad);
		return cli_error(cli, -ENOMEM, "cannot list the address spaces");
	}
	if (!cli->json)
		s.details = open_memstream(&details, &details_size);
	r = iommu_vtd_foreach_space(src->vtd, summary_row, &s);
	out_table_end(s.t);
	if (s.details) {
		fclose(s.details);
		out_text(cli->out, "%s", details);
		free(details);
	}
	if (r == -ENODATA) {
		cli_error(cli, 0, "the root table at 0x%llx is not in the dump",
			  (unsigned long long)(iommu_vtd_get_rtaddr(src->vtd) & ~0xfffULL));
		return EXIT_NOT_CLEAN;
	}
	if (!s.count)
		out_text(cli->out, "no %s\n", opts->device || opts->have_pasid ? "matching address space"
									       : "context entry is present");
	return EXIT_CLEAN;
}

/* ---- mappings and reverse look-up ---------------------------------------- */

struct listing {
	struct cli *cli;
	const struct walk_opts *opts;
	struct iommu_vtd *vtd;
	size_t count;
};

/* One mapping row: the device and PASID, then what the range does. */
static int mapping_row(const struct iommu_mapping *m, void *userdata)
{
	struct listing *l = userdata;
	const struct iommu_vtd_space *sp = iommu_mapping_get_space(m);
	struct mapping_source who = { UNIT_VTD, 0, iommu_vtd_space_get_sid(sp),
				      iommu_vtd_space_get_pasid(sp), NULL };

	l->count++;
	render_mapping(l->cli, &who, m);
	return 0;
}

static int mappings_space(const struct iommu_vtd_space *sp, void *userdata)
{
	struct listing *l = userdata;

	if (!wanted(l->opts, sp))
		return 0;
	return iommu_vtd_foreach_mapping(l->vtd, sp, l->opts->leaves ? IOMMU_MAPPINGS_LEAVES : 0,
					 mapping_row, l);
}

static int walk_mappings(struct cli *cli, const struct walk_opts *opts, struct dump_source *src)
{
	struct listing l = { cli, opts, src->vtd, 0 };
	int r;

	if (cli->verbose)
		dump_source_describe(cli, src);
	render_mapping_header(cli, UNIT_VTD);
	out_begin_array(cli->out, "mappings");
	r = iommu_vtd_foreach_space(src->vtd, mappings_space, &l);
	out_end_array(cli->out);
	if (cli->verbose)
		dump_source_stats(cli, src);
	if (r == -ENODATA) {
		cli_error(cli, 0, "the root table is not in the dump");
		return EXIT_NOT_CLEAN;
	}
	if (!l.count)
		out_text(cli->out, "no mappings\n");
	return EXIT_CLEAN;
}

static int walk_reverse(struct cli *cli, const struct walk_opts *opts, struct dump_source *src)
{
	struct listing l = { cli, opts, src->vtd, 0 };
	int r;

	out_hex(cli->out, "phys", "page 0x%llx", opts->reverse & ~0xfffULL);
	out_text(cli->out, " is reached by:\n");
	render_mapping_header(cli, UNIT_VTD);
	out_begin_array(cli->out, "mappings");
	r = iommu_vtd_foreach_reverse(src->vtd, opts->reverse, mapping_row, &l);
	out_end_array(cli->out);
	if (r == -ENODATA) {
		cli_error(cli, 0, "the root table is not in the dump");
		return EXIT_NOT_CLEAN;
	}
	if (!l.count)
		out_text(cli->out, "no device: no mapping in these tables reaches it\n");
	return EXIT_CLEAN;
}

/* ---- the kernel's debugfs formats ----------------------------------------- */

struct debugfs_row {
	uint16_t sid;
	uint32_t pasid;
	bool scalable;
	uint64_t root[2], ctx[2], pe[3];
};

struct debugfs_rows {
	const struct walk_opts *opts;
	struct debugfs_row *rows;
	size_t n;
	int error;
};

static int debugfs_collect(const struct iommu_vtd_space *sp, void *userdata)
{
	struct debugfs_rows *d = userdata;
	size_t steps = iommu_vtd_space_get_step_count(sp);
	const uint64_t *root, *ctx, *pe;
	struct debugfs_row *bigger, *row;
	bool scalable = iommu_vtd_space_get_pasid(sp) != IOMMU_NO_PASID;

	/* The kernel lists present context entries, and in scalable mode present PASID entries. */
	if (!wanted(d->opts, sp) || steps < (scalable ? 4u : 2u))
		return 0;
	root = iommu_vtd_space_get_step_entry(sp, 0, NULL);
	ctx = iommu_vtd_space_get_step_entry(sp, 1, NULL);
	pe = iommu_vtd_space_get_step_entry(sp, 3, NULL);
	if (!(ctx[0] & 1) || (scalable && !(pe[0] & 1)))
		return 0;
	bigger = reallocarray(d->rows, d->n + 1, sizeof(*bigger));
	if (!bigger) {
		d->error = -ENOMEM;
		return 1;
	}
	d->rows = bigger;
	row = &d->rows[d->n++];
	*row = (struct debugfs_row){ .sid = iommu_vtd_space_get_sid(sp),
				     .pasid = iommu_vtd_space_get_pasid(sp), .scalable = scalable,
				     .root = { root[0], root[1] }, .ctx = { ctx[0], ctx[1] } };
	if (scalable)
		memcpy(row->pe, pe, sizeof(row->pe));
	return 0;
}

static int by_device_pasid(const void *a, const void *b)
{
	const struct debugfs_row *x = a, *y = b;

	if (x->sid != y->sid)
		return x->sid < y->sid ? -1 : 1;
	return x->pasid < y->pasid ? -1 : x->pasid > y->pasid;
}

/* dmar_translation_struct (drivers/iommu/intel/debugfs.c). */
static int debugfs_summary(struct cli *cli, const struct walk_opts *opts, struct dump_source *src)
{
	struct debugfs_rows d = { .opts = opts };
	char buf[16];
	const char *name = unit_name(src, buf, sizeof(buf));
	struct out *o = cli->out;
	int r;

	r = iommu_vtd_foreach_space(src->vtd, debugfs_collect, &d);
	if (d.error)
		r = d.error;
	if (r < 0 && r != -ENODATA) {
		free(d.rows);
		return cli_error(cli, r, "cannot walk the tables");
	}
	qsort(d.rows, d.n, sizeof(*d.rows), by_device_pasid);
	out_text(o, "IOMMU %s: Root Table Address: 0x%llx\n", name,
		 (unsigned long long)(iommu_vtd_get_rtaddr(src->vtd) & ~0xfffULL));
	out_text(o, "B.D.F\tRoot_entry\t\t\t\tContext_entry\t\t\t\tPASID\tPASID_table_entry\n");
	for (size_t i = 0; i < d.n; i++) {
		const struct debugfs_row *w = &d.rows[i];

		out_text(o, "%02x:%02x.%x\t0x%016llx:0x%016llx\t0x%016llx:0x%016llx\t", w->sid >> 8,
			 (w->sid >> 3) & 0x1f, w->sid & 7, (unsigned long long)w->root[1],
			 (unsigned long long)w->root[0], (unsigned long long)w->ctx[1],
			 (unsigned long long)w->ctx[0]);
		out_text(o, "%-6d\t0x%016llx:0x%016llx:0x%016llx\n", w->scalable ? (int)w->pasid : -1,
			 (unsigned long long)w->pe[2], (unsigned long long)w->pe[1],
			 (unsigned long long)w->pe[0]);
	}
	out_text(o, "\n");
	free(d.rows);
	if (r == -ENODATA) {
		cli_error(cli, 0, "the root table is not in the dump");
		return EXIT_NOT_CLEAN;
	}
	return EXIT_CLEAN;
}

/* domain_translation_struct, one row per leaf: the entries from PML5E down to the leaf. */
static int debugfs_leaf(const struct iommu_mapping *m, void *userdata)
{
	struct listing *l = userdata;
	const struct iommu_vtd_space *sp = iommu_mapping_get_space(m);
	unsigned int n, top = iommu_vtd_space_get_levels(sp, iommu_vtd_space_get_levels(sp, true) != 0);
	const uint64_t *path = iommu_mapping_get_path(m, &n);
	uint64_t k[6] = { 0 };

	if (iommu_mapping_get_kind(m) != IOMMU_MAPPING_MAPPED)
		return 0;
	for (unsigned int i = 0; i < n && top >= i + 1 && top - i <= 5; i++)
		k[top - i] = path[i];
	out_text(l->cli->out, "0x%013llx |\t0x%016llx\t0x%016llx\t0x%016llx",
		 (unsigned long long)(iommu_mapping_get_iova(m) >> 12), (unsigned long long)k[5],
		 (unsigned long long)k[4], (unsigned long long)k[3]);
	if (k[2]) {
		out_text(l->cli->out, "\t0x%016llx", (unsigned long long)k[2]);
		if (k[1])
			out_text(l->cli->out, "\t0x%016llx", (unsigned long long)k[1]);
	}
	out_text(l->cli->out, "\n");
	return 0;
}

static int debugfs_space(const struct iommu_vtd_space *sp, void *userdata)
{
	struct listing *l = userdata;
	uint16_t sid = iommu_vtd_space_get_sid(sp);
	bool fs = iommu_vtd_space_get_levels(sp, true) != 0;
	uint32_t pasid = iommu_vtd_space_get_pasid(sp);
	int r;

	if (!wanted(l->opts, sp) || iommu_vtd_space_get_status(sp) != IOMMU_XLATE_OK ||
	    !iommu_vtd_space_get_levels(sp, fs))
		return 0;
	out_text(l->cli->out, "Device %04x:%02x:%02x.%x ", 0, sid >> 8, (sid >> 3) & 0x1f, sid & 7);
	if (pasid != IOMMU_NO_PASID && !iommu_vtd_space_is_rid_pasid(sp))
		out_text(l->cli->out, "with pasid %x ", pasid);
	out_text(l->cli->out, "@0x%llx\n", (unsigned long long)iommu_vtd_space_get_root(sp, fs));
	out_text(l->cli->out, "%-17s\t%-18s\t%-18s\t%-18s\t%-18s\t%-s\n", "IOVA_PFN", "PML5E", "PML4E",
		 "PDPE", "PDE", "PTE");
	r = iommu_vtd_foreach_mapping(l->vtd, sp, IOMMU_MAPPINGS_LEAVES, debugfs_leaf, l);
	out_text(l->cli->out, "\n");
	return r;
}

static int debugfs_mappings(struct cli *cli, const struct walk_opts *opts, struct dump_source *src)
{
	struct listing l = { cli, opts, src->vtd, 0 };

	if (iommu_vtd_foreach_space(src->vtd, debugfs_space, &l) == -ENODATA) {
		cli_error(cli, 0, "the root table is not in the dump");
		return EXIT_NOT_CLEAN;
	}
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
	char name[16];
	bool heads;

	if (opts->interrupts) {
		if (!reg_value(src, opts->have_irta, opts->irta, "IRTA", &reg)) {
			cli_error(cli, 0, "no interrupt remapping table pointer: give --irta VALUE, or --registers FILE with IRTA_REG");
			return EXIT_USAGE;
		}
		return walk_interrupts(cli, src->dump, reg, unit_name(src, name, sizeof(name)),
				       opts->debugfs);
	}
	if (!reg_value(src, opts->have_iqa, opts->iqa, "IQA", &reg)) {
		cli_error(cli, 0, "no invalidation queue pointer: give --iqa VALUE, or --registers FILE with IQA_REG");
		return EXIT_USAGE;
	}
	heads = dump_source_reg(src, "IQH", &iqh) == 0 && dump_source_reg(src, "IQT", &iqt) == 0;
	return walk_queue(cli, src->dump, reg, unit_name(src, name, sizeof(name)), heads ? &iqh : NULL,
			  heads ? &iqt : NULL, opts->debugfs);
}

/* SMMUv3 and AMD-Vi units: the device (through IORT/IVRS) or id, then cli/dump-smmuv3.c, -amdvi.c. */
static int walk_other(struct cli *cli, const struct walk_opts *opts, struct dump_source *src)
{
	struct walk_request rq = { .mappings = opts->mappings, .leaves = opts->leaves,
				   .have_reverse = opts->have_reverse, .reverse = opts->reverse,
				   .have_pasid = opts->have_pasid, .pasid = opts->pasid, .all = opts->all };
	int code;

	if (opts->interrupts || opts->queue || opts->debugfs) {
		cli_error(cli, 0, "--interrupts, --queue and --format=debugfs are for VT-d units");
		return EXIT_USAGE;
	}
	if (opts->have_stream) {
		rq.have_id = true;
		rq.id = opts->stream;
	} else if (opts->device) {
		code = dump_source_requester(cli, src, opts->segment, opts->sid, &rq.id);
		if (code)
			return code;
		rq.have_id = true;
	}
	return src->kind == UNIT_SMMUV3 ? walk_smmuv3(cli, &rq, src) : walk_amdvi(cli, &rq, src);
}

static int run_walk(struct cli *cli, void *data)
{
	struct walk_opts *opts = data;
	bool tables = opts->interrupts || opts->queue;
	struct dump_source src;
	int code;

	if (opts->debugfs && cli->json) {
		cli_error(cli, 0, "--format=debugfs prints the kernel's text; it does not combine with --json");
		return EXIT_USAGE;
	}
	code = dump_source_open(cli, &opts->src, !tables, &src);
	if (code == EXIT_CLEAN && (src.kind == UNIT_SMMUV3 || src.kind == UNIT_AMDVI)) {
		code = walk_other(cli, opts, &src);
	} else if (code == EXIT_CLEAN) {
		if (tables)
			code = walk_structures(cli, opts, &src);
		else if (opts->have_reverse)
			code = walk_reverse(cli, opts, &src);
		else if (opts->mappings)
			code = opts->debugfs ? debugfs_mappings(cli, opts, &src)
					     : walk_mappings(cli, opts, &src);
		else
			code = opts->debugfs ? debugfs_summary(cli, opts, &src)
					     : walk_summary(cli, opts, &src);
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
