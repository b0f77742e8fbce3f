// SPDX-License-Identifier: MIT
/*
 * A translation as text or JSON.  With -v the walk is shown the way the
 * kernel's dmar_fault_dump_ptes() prints it (drivers/iommu/intel/iommu.c),
 * so it can be laid next to a log.
 */
#include <stdio.h>

#include "dump-source.h"

/* Both stages in one walk (nested): their entries are labelled, the kernel's lines are not. */
static bool both_stages(const struct iommu_xlate *x)
{
	bool first = false, second = false;

	for (size_t i = 0; i < iommu_xlate_get_step_count(x); i++) {
		first |= iommu_xlate_get_step_kind(x, i) == IOMMU_STEP_FIRST_STAGE;
		second |= iommu_xlate_get_step_kind(x, i) == IOMMU_STEP_SECOND_STAGE;
	}
	return first && second;
}

/* The kernel's fault-dump lines for one step. */
static void walk_text(struct out *o, const struct iommu_xlate *x, size_t i, bool scalable,
		      bool nested, int verbose)
{
	unsigned int n;
	const uint64_t *w = iommu_xlate_get_step_entry(x, i, &n);
	enum iommu_step_kind kind = iommu_xlate_get_step_kind(x, i);
	const char *indent = iommu_xlate_step_is_nested(x, i) ? "    second stage: "
			     : !nested ? "  "
			     : kind == IOMMU_STEP_FIRST_STAGE ? "  first stage: "
			     : kind == IOMMU_STEP_SECOND_STAGE ? "  second stage: " : "  ";

	switch (kind) {
	case IOMMU_STEP_ROOT:
		if (scalable)
			out_text(o, "%sscalable mode root entry: hi 0x%016llx, low 0x%016llx", indent,
				 (unsigned long long)w[1], (unsigned long long)w[0]);
		else
			out_text(o, "%sroot entry: 0x%016llx", indent, (unsigned long long)w[0]);
		break;
	case IOMMU_STEP_CONTEXT:
		out_text(o, "%scontext entry: hi 0x%016llx, low 0x%016llx", indent,
			 (unsigned long long)w[1], (unsigned long long)w[0]);
		break;
	case IOMMU_STEP_PASID_DIR:
		out_text(o, "%spasid dir entry: 0x%016llx", indent, (unsigned long long)w[0]);
		break;
	case IOMMU_STEP_PASID:
		for (unsigned int k = 0; k < n; k++)
			out_text(o, "%spasid table entry[%u]: 0x%016llx%s", indent, k,
				 (unsigned long long)w[k], k + 1 < n ? "\n" : "");
		break;
	case IOMMU_STEP_SECOND_STAGE:
	case IOMMU_STEP_FIRST_STAGE:
		out_text(o, "%spte level: %u, pte value: 0x%016llx", indent,
			 iommu_xlate_get_step_level(x, i), (unsigned long long)w[0]);
		break;
	default:
		/* Other units' structures: their name and words. */
		out_text(o, "%s%s entry:", indent, iommu_step_kind_name(kind));
		for (unsigned int k = 0; k < n; k++)
			out_text(o, " 0x%016llx", (unsigned long long)w[k]);
		break;
	}
	if (verbose >= 2)
		out_text(o, "  (%s table 0x%llx, index %u)", iommu_step_kind_name(kind),
			 (unsigned long long)iommu_xlate_get_step_table(x, i),
			 iommu_xlate_get_step_index(x, i));
	out_text(o, "\n");
}

static void walk_json(struct out *o, const struct iommu_xlate *x)
{
	out_begin_array(o, "walk");
	for (size_t i = 0; i < iommu_xlate_get_step_count(x); i++) {
		unsigned int n;
		const uint64_t *w = iommu_xlate_get_step_entry(x, i, &n);

		out_begin_object(o, NULL);
		out_str(o, "kind", NULL, iommu_step_kind_name(iommu_xlate_get_step_kind(x, i)));
		out_uint(o, "level", NULL, iommu_xlate_get_step_level(x, i));
		out_hex(o, "table", NULL, iommu_xlate_get_step_table(x, i));
		out_uint(o, "index", NULL, iommu_xlate_get_step_index(x, i));
		out_begin_array(o, "entry");
		for (unsigned int k = 0; k < n; k++)
			out_hex(o, NULL, NULL, w[k]);
		out_end_array(o);
		out_bool(o, "nested", NULL, iommu_xlate_step_is_nested(x, i));
		out_end_object(o);
	}
	out_end_array(o);
}

void render_fault_reason(struct cli *cli, unsigned int fr, bool verbose)
{
	const struct iommu_vtd_fault_reason *r = iommu_vtd_fault_reason_get(fr);
	struct out *o = cli->out;

	out_uint(o, "reason", "fault 0x%02llx", fr);
	out_str(o, "condition", r && iommu_vtd_fault_reason_get_condition(r) ? " %s" : NULL,
		r ? iommu_vtd_fault_reason_get_condition(r) : NULL);
	out_str(o, "kernel_message", ": %s", iommu_vtd_fault_reason_kernel_text(fr));
	if (!r)
		return;
	out_str(o, "meaning", verbose ? "\n  meaning: %s" : NULL, iommu_vtd_fault_reason_get_meaning(r));
	if (*iommu_vtd_fault_reason_get_causes(r))
		out_str(o, "causes", verbose ? "\n  likely causes: %s" : NULL,
			iommu_vtd_fault_reason_get_causes(r));
	out_bool(o, "qualified", NULL, iommu_vtd_fault_reason_is_qualified(r));
}

void render_xlate(struct cli *cli, const char *key, const struct iommu_xlate *x, bool scalable,
		  uint16_t segment, uint16_t sid, uint32_t pasid, uint64_t iova)
{
	enum iommu_xlate_status st = iommu_xlate_get_status(x);
	struct out *o = cli->out;
	char bdf[16], size[16], perm[8];
	const char *note = iommu_xlate_get_note(x), *detail = iommu_xlate_get_detail(x);

	format_bdf(bdf, sizeof(bdf), segment, sid);
	out_begin_object(o, key);
	out_str(o, "device", NULL, bdf);
	if (pasid == IOMMU_NO_PASID)
		out_null(o, "pasid", NULL);
	else
		out_uint(o, "pasid", NULL, pasid);
	out_hex(o, "iova", "0x%llx", iova);
	out_str(o, "status", NULL, iommu_xlate_status_name(st));
	if (iommu_xlate_get_mode(x))
		out_str(o, "mode", NULL, iommu_xlate_get_mode(x));
	if (iommu_xlate_get_domain_id(x) >= 0)
		out_uint(o, "domain_id", NULL, (unsigned int)iommu_xlate_get_domain_id(x));
	switch (st) {
	case IOMMU_XLATE_OK:
		format_perm(perm, sizeof(perm), iommu_xlate_get_perm(x));
		out_hex(o, "phys", " -> 0x%llx", iommu_xlate_get_phys(x));
		if (iommu_xlate_get_page_size(x)) {
			format_size(size, sizeof(size), iommu_xlate_get_page_size(x));
			out_uint(o, "page_size", NULL, iommu_xlate_get_page_size(x));
			out_text(o, "  %s page", size);
		} else {
			out_text(o, "  %s", iommu_xlate_get_mode(x));
		}
		out_str(o, "perm", ", %s", perm);
		if (iommu_xlate_get_domain_id(x) >= 0)
			out_text(o, ", domain %d", iommu_xlate_get_domain_id(x));
		out_text(o, "\n");
		break;
	case IOMMU_XLATE_FAULT:
		out_text(o, ": ");
		out_begin_object(o, "fault");
		render_fault_reason(cli, iommu_xlate_get_fault_reason(x), false);
		out_bool(o, "suppressed", iommu_xlate_is_suppressed(x)
						  ? " (suppressed: fault processing is disabled)" : NULL,
			 iommu_xlate_is_suppressed(x));
		out_end_object(o);
		out_text(o, "\n");
		break;
	case IOMMU_XLATE_NOT_IN_DUMP:
		out_hex(o, "missing", NULL, iommu_xlate_get_missing(x));
		out_text(o, ": not in dump\n");
		break;
	default:
		out_text(o, ": %s\n", iommu_xlate_status_name(st));
		break;
	}
	if (detail)
		out_str(o, "detail", "  %s\n", detail);
	if (note)
		out_str(o, "note", "  note: %s\n", note);
	if (cli->json)
		walk_json(o, x);
	else if (cli->verbose)
		for (size_t i = 0; i < iommu_xlate_get_step_count(x); i++)
			walk_text(o, x, i, scalable, both_stages(x), cli->verbose);
	out_end_object(o);
}
