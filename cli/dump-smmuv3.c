// SPDX-License-Identifier: MIT
/*
 * What walk shows of an SMMUv3 in a dump: every stream its stream table
 * configures (StreamID, SubstreamID, mode, ASID, VMID, the tables and
 * whether the SMMU would accept the entries), with -v and one stream the
 * STE and CD decoded field by field.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dump-source.h"

/* ---- summary --------------------------------------------------------------- */

enum { SC_SID, SC_DEVICE, SC_SSID, SC_MODE, SC_ASID, SC_VMID, SC_S1, SC_S2, SC_TABLE, SC_STATUS, SC_EVENT,
       SC_DETAIL };

static const struct out_column columns[] = {
	[SC_SID] = { "sid", "STREAM", COL_HEX, COL_RIGHT, "StreamID" },
	[SC_DEVICE] = { "device", "DEVICE", COL_STRING, 0, "requester the IORT maps to the StreamID" },
	[SC_SSID] = { "ssid", "SSID", COL_UINT, COL_RIGHT, "SubstreamID of the CD" },
	[SC_MODE] = { "mode", "MODE", COL_STRING, 0, "bypass, stage-1, stage-2, nested" },
	[SC_ASID] = { "asid", "ASID", COL_UINT, COL_RIGHT, "CD.ASID" },
	[SC_VMID] = { "vmid", "VMID", COL_UINT, COL_RIGHT, "STE.S2VMID" },
	[SC_S1] = { "stage1", "STAGE 1", COL_STRING, 0, "granule, input bits, levels (TTB0; TTB1 after +)" },
	[SC_S2] = { "stage2", "STAGE 2", COL_STRING, 0, "granule, input bits, levels" },
	[SC_TABLE] = { "table", "TABLE", COL_HEX, 0, "first table walked (TTB0, else stage 2)" },
	[SC_STATUS] = { "status", "STATUS", COL_STRING, 0, "ok, fault, not_in_dump, blocked, unsupported" },
	[SC_EVENT] = { "event", "EVENT", COL_STRING, 0, "event the entries cause" },
	[SC_DETAIL] = { "detail", "DETAIL", COL_STRING, COL_EXTRA, "what is wrong" },
};

/* "4K/39b/3": a table's granule, input bits and levels. */
static bool table_text(const struct iommu_space *sp, enum iommu_stage t, char *buf, size_t size)
{
	char g[16];

	if (!iommu_space_get_levels(sp, t))
		return false;
	format_size(g, sizeof(g), iommu_smmuv3_space_get_granule(sp, t));
	snprintf(buf, size, "%s/%ub/%u", g, iommu_smmuv3_space_get_input_bits(sp, t),
		 iommu_space_get_levels(sp, t));
	return true;
}

struct summary {
	struct stream_requesters requesters;	/* with --tables: the IORT's */
	uint64_t ste[8], cd[8];		/* the last stream's, for -v */
	bool have_cd;
};

static bool aborts(const struct iommu_space *sp)
{
	return iommu_space_get_status(sp) == IOMMU_XLATE_BLOCKED;
}

static void summary_row(struct out_table *t, const struct iommu_space *sp, void *userdata)
{
	struct summary *s = userdata;
	enum iommu_xlate_status st = iommu_space_get_status(sp);
	uint32_t ssid = iommu_space_get_pasid(sp);
	const char *name = iommu_fault_code_name(IOMMU_VENDOR_ARM, iommu_space_get_fault_reason(sp));
	char s1[40], ttb1[24], s2[24], device[128];
	uint64_t root;

	memcpy(s->ste, iommu_smmuv3_space_get_ste(sp), sizeof(s->ste));
	s->have_cd = iommu_smmuv3_space_get_cd(sp) != NULL;
	if (s->have_cd)
		memcpy(s->cd, iommu_smmuv3_space_get_cd(sp), sizeof(s->cd));
	out_cell_hex(t, SC_SID, iommu_space_get_requester(sp), 1);
	if (stream_requester(&s->requesters, iommu_space_get_requester(sp), device, sizeof(device)))
		out_cell_str(t, SC_DEVICE, device);
	if (ssid != IOMMU_NO_PASID)
		out_cell_uint(t, SC_SSID, ssid);
	out_cell_str(t, SC_MODE, iommu_space_get_mode(sp));
	if (iommu_smmuv3_space_get_asid(sp) >= 0)
		out_cell_uint(t, SC_ASID, (unsigned int)iommu_smmuv3_space_get_asid(sp));
	if (iommu_smmuv3_space_get_vmid(sp) >= 0)
		out_cell_uint(t, SC_VMID, (unsigned int)iommu_smmuv3_space_get_vmid(sp));
	if (table_text(sp, IOMMU_STAGE_1, s1, sizeof(s1))) {
		if (table_text(sp, IOMMU_STAGE_1_UPPER, ttb1, sizeof(ttb1)))
			snprintf(s1 + strlen(s1), sizeof(s1) - strlen(s1), "+%s", ttb1);
		out_cell_str(t, SC_S1, s1);
	} else if (table_text(sp, IOMMU_STAGE_1_UPPER, s1, sizeof(s1))) {
		out_cell_str(t, SC_S1, s1);
	}
	if (table_text(sp, IOMMU_STAGE_2, s2, sizeof(s2)))
		out_cell_str(t, SC_S2, s2);
	root = iommu_space_get_root(sp, IOMMU_STAGE_1);
	if (!root)
		root = iommu_space_get_root(sp, IOMMU_STAGE_2);
	if (root)
		out_cell_hex(t, SC_TABLE, root, 1);
	out_cell_str(t, SC_STATUS, iommu_xlate_status_name(st));
	if (st == IOMMU_XLATE_FAULT)
		out_cell_str(t, SC_EVENT, name ? name : "?");
	out_cell_str(t, SC_DETAIL, iommu_space_get_detail(sp));
	if (!iommu_space_get_detail(sp))
		return;
	if (ssid != IOMMU_NO_PASID)
		out_table_note(t, "sid 0x%x SSID %u: %s\n", iommu_space_get_requester(sp), ssid,
			       iommu_space_get_detail(sp));
	else
		out_table_note(t, "sid 0x%x: %s\n", iommu_space_get_requester(sp),
			       iommu_space_get_detail(sp));
}

/* -v on one stream: its STE and CD, field by field. */
static void decoded_structures(struct cli *cli, const struct summary *s)
{
	struct iommu_dnode *root = NULL;

	if (iommu_smmuv3_ste_decode(s->ste, &root) == 0) {
		render_dnode(cli->out, root, cli->verbose);
		iommu_dnode_unref(root);
	}
	if (s->have_cd && iommu_smmuv3_cd_decode(s->cd, &root) == 0) {
		render_dnode(cli->out, root, cli->verbose);
		iommu_dnode_unref(root);
	}
}

static const struct walk_summary summary = {
	.key = "streams",
	.rows = "streams",
	.cols = columns,
	.ncols = sizeof(columns) / sizeof(columns[0]),
	.row = summary_row,
	.unused = aborts,
	.unused_one = "1 more stream aborts every transaction (STE.Config 0b000); --all lists it\n",
	.unused_many = "%llu more streams abort every transaction (STE.Config 0b000); --all lists them\n",
	.no_match = "matching stream",
	.no_rows = "valid stream table entry",
};

int walk_smmuv3(struct cli *cli, const struct walk_request *rq, struct dump_source *src)
{
	struct summary s;
	size_t listed;
	int code;

	stream_requesters_open(src, &s.requesters);
	code = walk_summary(cli, rq, src, &summary,
			    iommu_smmuv3_get_strtab_base(src->translator) & ~63ULL, &s, &listed);
	stream_requesters_close(&s.requesters);
	if (listed == 1 && cli->verbose && rq->have_id)
		decoded_structures(cli, &s);
	return code;
}
