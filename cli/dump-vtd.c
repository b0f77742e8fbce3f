// SPDX-License-Identifier: MIT
/*
 * What walk shows of a VT-d unit in a dump: every device (and PASID) its
 * root table gives an address space, with its mode, domain, paging levels
 * and whether the hardware would accept its entries; and the same
 * structures as the kernel's debugfs files print them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dump-source.h"

/* ---- summary ------------------------------------------------------------ */

enum { SC_REASON = WALK_COLS_COMMON, SC_FPD, SC_DETAIL, SC_NOTE };

static const struct out_column summary_columns[] = {
	[WALK_COL_DEVICE] = { "device", "DEVICE", COL_STRING, 0, "requester" },
	[WALK_COL_PASID] = { "pasid", "PASID", COL_UINT, COL_RIGHT, "PASID (scalable mode)" },
	[WALK_COL_MODE] = { "mode", "MODE", COL_STRING, 0, "legacy, pass-through, second-stage, first-stage, nested" },
	[WALK_COL_DOMAIN] = { "domain", "DOMAIN", COL_UINT, COL_RIGHT, "domain id" },
	[WALK_COL_LEVELS] = { "levels", "LEVELS", COL_STRING, 0, "paging levels (first/second stage when nested)" },
	[WALK_COL_TABLE] = { "table", "TABLE", COL_HEX, 0, "top page table (first stage when used)" },
	[WALK_COL_STATUS] = { "status", "STATUS", COL_STRING, 0, "ok, fault, not_in_dump, blocked" },
	[SC_REASON] = { "fault_reason", "REASON", COL_HEX, 0, "fault reason the entries cause" },
	[SC_FPD] = { "fpd", "FPD", COL_BOOL, COL_EXTRA, "fault processing disabled" },
	[SC_DETAIL] = { "detail", "DETAIL", COL_STRING, COL_EXTRA, "what is wrong" },
	[SC_NOTE] = { "note", "NOTE", COL_STRING, COL_EXTRA, "reserved bits let through" },
};

static void summary_row(struct out_table *t, const struct iommu_space *sp, void *userdata)
{
	const char *detail = iommu_space_get_detail(sp), *note = iommu_space_get_note(sp);

	(void)userdata;
	walk_space_cells(t, sp);
	if (iommu_space_get_status(sp) == IOMMU_XLATE_FAULT)
		out_cell_hex(t, SC_REASON, iommu_space_get_fault_reason(sp), 2);
	out_cell_bool(t, SC_FPD, iommu_vtd_space_get_fpd(sp));
	out_cell_str(t, SC_DETAIL, detail);
	out_cell_str(t, SC_NOTE, note);
	if (detail || note)
		walk_space_note(t, sp, detail ? detail : note);
}

static const struct walk_summary summary = {
	.key = "spaces",
	.rows = "address spaces",
	.cols = summary_columns,
	.ncols = sizeof(summary_columns) / sizeof(summary_columns[0]),
	.row = summary_row,
	.no_match = "matching address space",
	.no_rows = "context entry is present",
};

int walk_vtd(struct cli *cli, const struct walk_request *rq, struct dump_source *src)
{
	size_t listed;

	return walk_summary(cli, rq, src, &summary, iommu_vtd_get_rtaddr(src->translator) & ~0xfffULL,
			    NULL, &listed);
}

/* ---- the kernel's debugfs formats ----------------------------------------- */

struct debugfs_row {
	uint16_t sid;
	uint32_t pasid;
	bool scalable;
	uint64_t root[2], ctx[2], pe[3];
};

struct debugfs_rows {
	const struct walk_request *rq;
	struct debugfs_row *rows;
	size_t n;
	int error;
};

static int debugfs_collect(const struct iommu_space *sp, void *userdata)
{
	struct debugfs_rows *d = userdata;
	size_t steps = iommu_vtd_space_get_step_count(sp);
	const uint64_t *root, *ctx, *pe;
	struct debugfs_row *bigger, *row;
	bool scalable = iommu_space_get_pasid(sp) != IOMMU_NO_PASID;

	/* The kernel lists present context entries, and in scalable mode present PASID entries. */
	if (!walk_wanted(d->rq, sp) || steps < (scalable ? 4u : 2u))
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
	*row = (struct debugfs_row){ .sid = (uint16_t)iommu_space_get_requester(sp),
				     .pasid = iommu_space_get_pasid(sp), .scalable = scalable,
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
static int debugfs_summary(struct cli *cli, const struct walk_request *rq,
			   struct dump_source *src)
{
	struct debugfs_rows d = { .rq = rq };
	char buf[24];
	const char *name = dump_source_unit_name(src, buf, sizeof(buf));
	struct out *o = cli->out;
	int r;

	r = iommu_translator_foreach_space(src->translator, debugfs_collect, &d);
	if (d.error)
		r = d.error;
	if (r < 0 && r != -ENODATA) {
		free(d.rows);
		return cli_error(cli, r, "cannot walk the tables");
	}
	qsort(d.rows, d.n, sizeof(*d.rows), by_device_pasid);
	out_text(o, "IOMMU %s: Root Table Address: 0x%llx\n", name,
		 (unsigned long long)(iommu_vtd_get_rtaddr(src->translator) & ~0xfffULL));
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
	struct out *o = userdata;
	const struct iommu_space *sp = iommu_mapping_get_space(m);
	unsigned int n, top = iommu_space_get_levels(sp, iommu_space_get_levels(sp, IOMMU_STAGE_1)
								 ? IOMMU_STAGE_1 : IOMMU_STAGE_2);
	const uint64_t *path = iommu_mapping_get_path(m, &n);
	uint64_t k[6] = { 0 };

	if (iommu_mapping_get_kind(m) != IOMMU_MAPPING_MAPPED)
		return 0;
	for (unsigned int i = 0; i < n && top >= i + 1 && top - i <= 5; i++)
		k[top - i] = path[i];
	out_text(o, "0x%013llx |\t0x%016llx\t0x%016llx\t0x%016llx",
		 (unsigned long long)(iommu_mapping_get_iova(m) >> 12), (unsigned long long)k[5],
		 (unsigned long long)k[4], (unsigned long long)k[3]);
	if (k[2]) {
		out_text(o, "\t0x%016llx", (unsigned long long)k[2]);
		if (k[1])
			out_text(o, "\t0x%016llx", (unsigned long long)k[1]);
	}
	out_text(o, "\n");
	return 0;
}

struct debugfs_listing {
	struct cli *cli;
	const struct walk_request *rq;
	struct iommu_translator *translator;
};

static int debugfs_space(const struct iommu_space *sp, void *userdata)
{
	struct debugfs_listing *l = userdata;
	struct out *o = l->cli->out;
	uint16_t sid = (uint16_t)iommu_space_get_requester(sp);
	enum iommu_stage top = iommu_space_get_levels(sp, IOMMU_STAGE_1) ? IOMMU_STAGE_1
									 : IOMMU_STAGE_2;
	uint32_t pasid = iommu_space_get_pasid(sp);
	int r;

	if (!walk_wanted(l->rq, sp) || iommu_space_get_status(sp) != IOMMU_XLATE_OK ||
	    !iommu_space_get_levels(sp, top))
		return 0;
	out_text(o, "Device %04x:%02x:%02x.%x ", 0, sid >> 8, (sid >> 3) & 0x1f, sid & 7);
	if (pasid != IOMMU_NO_PASID && !iommu_vtd_space_is_rid_pasid(sp))
		out_text(o, "with pasid %x ", pasid);
	out_text(o, "@0x%llx\n", (unsigned long long)iommu_space_get_root(sp, top));
	out_text(o, "%-17s\t%-18s\t%-18s\t%-18s\t%-18s\t%-s\n", "IOVA_PFN", "PML5E", "PML4E",
		 "PDPE", "PDE", "PTE");
	r = iommu_translator_foreach_mapping(l->translator, sp, IOMMU_MAPPINGS_LEAVES, debugfs_leaf,
					     o);
	out_text(o, "\n");
	return r;
}

static int debugfs_mappings(struct cli *cli, const struct walk_request *rq,
			    struct dump_source *src)
{
	struct debugfs_listing l = { cli, rq, src->translator };

	if (iommu_translator_foreach_space(src->translator, debugfs_space, &l) == -ENODATA) {
		cli_error(cli, 0, "the root table is not in the dump");
		return EXIT_NOT_CLEAN;
	}
	return EXIT_CLEAN;
}

int walk_vtd_debugfs(struct cli *cli, const struct walk_request *rq, struct dump_source *src)
{
	return rq->mappings ? debugfs_mappings(cli, rq, src) : debugfs_summary(cli, rq, src);
}
