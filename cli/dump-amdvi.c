// SPDX-License-Identifier: MIT
/*
 * What walk shows of an AMD IOMMU in a dump: every device its device table
 * translates (and each PASID with guest tables), with its mode, domain,
 * tables and whether the IOMMU would accept the entries; with -v and one
 * device its DTE decoded field by field.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dump-source.h"

/* ---- summary --------------------------------------------------------------- */

enum { SC_EVENT = WALK_COLS_COMMON, SC_DETAIL };

static const struct out_column columns[] = {
	[WALK_COL_DEVICE] = { "device", "DEVICE", COL_STRING, 0, "device id" },
	[WALK_COL_PASID] = { "pasid", "PASID", COL_UINT, COL_RIGHT, "PASID of the guest tables" },
	[WALK_COL_MODE] = { "mode", "MODE", COL_STRING, 0, "untranslated, pass-through, v1, v2, nested" },
	[WALK_COL_DOMAIN] = { "domain", "DOMAIN", COL_UINT, COL_RIGHT, "domain id" },
	[WALK_COL_LEVELS] = { "levels", "LEVELS", COL_STRING, 0, "host levels, guest/host when nested" },
	[WALK_COL_TABLE] = { "table", "TABLE", COL_HEX, 0, "top table (guest when used)" },
	[WALK_COL_STATUS] = { "status", "STATUS", COL_STRING, 0, "ok, fault, not_in_dump" },
	[SC_EVENT] = { "event", "EVENT", COL_STRING, 0, "event the entries cause, with its flags" },
	[SC_DETAIL] = { "detail", "DETAIL", COL_STRING, COL_EXTRA, "what is wrong" },
};

/* USERDATA: the last device's DTE, for -v. */
static void summary_row(struct out_table *t, const struct iommu_space *sp, void *userdata)
{
	const char *name = iommu_fault_code_name(IOMMU_VENDOR_AMD, iommu_space_get_fault_reason(sp));
	uint64_t *dte = userdata;
	char event[48];

	memcpy(dte, iommu_amdvi_space_get_dte(sp), 4 * sizeof(*dte));
	walk_space_cells(t, sp);
	if (iommu_space_get_status(sp) == IOMMU_XLATE_FAULT) {
		snprintf(event, sizeof(event), "%s 0x%04x", name ? name : "?",
			 iommu_amdvi_space_get_flags(sp));
		out_cell_str(t, SC_EVENT, event);
	}
	out_cell_str(t, SC_DETAIL, iommu_space_get_detail(sp));
	if (iommu_space_get_detail(sp))
		walk_space_note(t, sp, iommu_space_get_detail(sp));
}

static const struct walk_summary summary = {
	.key = "devices",
	.rows = "devices",
	.cols = columns,
	.ncols = sizeof(columns) / sizeof(columns[0]),
	.row = summary_row,
	.unused = iommu_amdvi_space_grants_nothing,
	.unused_one = "1 more device table entry grants neither read nor write (IR/IW clear: a device id not in use); --all lists it\n",
	.unused_many = "%llu more device table entries grant neither read nor write (IR/IW clear: device ids not in use); --all lists them\n",
	.no_match = "matching device",
	.no_rows = "valid device table entry",
};

int walk_amdvi(struct cli *cli, const struct walk_request *rq, struct dump_source *src)
{
	uint64_t dte[4];
	struct iommu_dnode *root = NULL;
	size_t listed;
	int code = walk_summary(cli, rq, src, &summary,
				iommu_amdvi_get_dev_table_base(src->translator) & ~0xfffULL, dte, &listed);

	/* -v on one device: its DTE, field by field. */
	if (listed && cli->verbose && rq->have_id && iommu_amdvi_dte_decode(dte, &root) == 0) {
		render_dnode(cli->out, root, cli->verbose);
		iommu_dnode_unref(root);
	}
	return code;
}
