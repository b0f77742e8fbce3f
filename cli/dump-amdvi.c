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

struct summary {
	struct cli *cli;
	const struct walk_request *rq;
	struct out_table *t;
	FILE *details;
	size_t count, refusing;		/* listed; DTEs that grant nothing, not listed */
	uint64_t dte[4];		/* the last device's, for -v */
};

static int summary_row(const struct iommu_space *sp, void *userdata)
{
	struct summary *s = userdata;
	struct out_table *t = s->t;
	enum iommu_xlate_status st = iommu_space_get_status(sp);
	const char *name = iommu_fault_code_name(IOMMU_VENDOR_AMD, iommu_space_get_fault_reason(sp));
	char event[48];

	if (!walk_wanted(s->rq, sp))
		return 0;
	/* Without --all or a device asked for: the devices in use, and a count of those refused. */
	if (iommu_amdvi_space_grants_nothing(sp) && !s->rq->all && !s->rq->have_id) {
		s->refusing++;
		return 0;
	}
	s->count++;
	memcpy(s->dte, iommu_amdvi_space_get_dte(sp), sizeof(s->dte));
	walk_space_cells(t, sp);
	if (st == IOMMU_XLATE_FAULT) {
		snprintf(event, sizeof(event), "%s 0x%04x", name ? name : "?",
			 iommu_amdvi_space_get_flags(sp));
		out_cell_str(t, SC_EVENT, event);
	}
	out_cell_str(t, SC_DETAIL, iommu_space_get_detail(sp));
	out_row_end(t);
	if (s->details && iommu_space_get_detail(sp)) {
		char label[40];

		walk_space_label(label, sizeof(label), sp);
		fprintf(s->details, "%s: %s\n", label, iommu_space_get_detail(sp));
	}
	return 0;
}

int walk_amdvi(struct cli *cli, const struct walk_request *rq, struct dump_source *src)
{
	struct summary s = { .cli = cli, .rq = rq };
	char *details = NULL, *bad = NULL;
	size_t details_size = 0;
	struct iommu_dnode *root = NULL;
	int r;

	dump_source_describe(cli, src);
	s.t = out_table_new(cli->out, "devices", columns, sizeof(columns) / sizeof(columns[0]), NULL,
			    &bad);
	if (!s.t) {
		free(bad);
		return cli_error(cli, -ENOMEM, "cannot list the devices");
	}
	if (!cli->json)
		s.details = open_memstream(&details, &details_size);
	r = iommu_translator_foreach_space(src->translator, summary_row, &s);
	out_table_end(s.t);
	if (s.details) {
		fclose(s.details);
		out_text(cli->out, "%s", details);
		free(details);
	}
	out_uint(cli->out, "not_listed",
		 s.refusing == 1 ? "1 more device table entry grants neither read nor write (IR/IW clear: a device id not in use); --all lists it\n"
		 : s.refusing	 ? "%llu more device table entries grant neither read nor write (IR/IW clear: device ids not in use); --all lists them\n"
				 : NULL,
		 s.refusing);
	if (r == -ENODATA) {
		cli_error(cli, 0, "the device table at 0x%llx is not in the dump",
			  (unsigned long long)(iommu_amdvi_get_dev_table_base(src->translator) & ~0xfffULL));
		return EXIT_NOT_CLEAN;
	}
	if (!s.count && !s.refusing) {
		out_text(cli->out, "no %s\n", rq->have_id || rq->have_pasid ? "matching device"
									 : "valid device table entry");
	} else if (cli->verbose && rq->have_id && iommu_amdvi_dte_decode(s.dte, &root) == 0) {
		render_dnode(cli->out, root, cli->verbose);
		iommu_dnode_unref(root);
	}
	return EXIT_CLEAN;
}
