// SPDX-License-Identifier: MIT
/*
 * A translation as text or JSON.  With -v the walk is shown the way the
 * kernel's dmar_fault_dump_ptes() prints it (drivers/iommu/intel/iommu.c),
 * so it can be laid next to a log.
 */
#include <stdio.h>
#include <string.h>

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

/* Words of a structure entry on one line. */
static void words_text(struct out *o, const char *indent, const char *what, const uint64_t *w,
		       unsigned int n)
{
	out_text(o, "%s%s:", indent, what);
	for (unsigned int k = 0; k < n; k++)
		out_text(o, " 0x%016llx", (unsigned long long)w[k]);
}

/* A page-table entry of an SMMUv3 (Arm's stages and levels) or AMD-Vi (host, guest) walk. */
static void pte_text(struct out *o, const char *indent, enum iommu_vendor unit,
		     enum iommu_step_kind kind, unsigned int level, uint64_t e)
{
	bool first = kind == IOMMU_STEP_FIRST_STAGE;

	if (unit == IOMMU_VENDOR_ARM)
		out_text(o, "%sstage %d level %d descriptor: 0x%016llx", indent, first ? 1 : 2,
			 4 - (int)level, (unsigned long long)e);
	else
		out_text(o, "%s%s level %u entry: 0x%016llx", indent, first ? "guest" : "host", level,
			 (unsigned long long)e);
}

/* The kernel's fault-dump lines for one step (VT-d); the other units' entries as they are. */
static void walk_text(struct out *o, const struct iommu_xlate *x, size_t i, enum iommu_vendor unit,
		      bool scalable, bool nested, int verbose)
{
	unsigned int n;
	const uint64_t *w = iommu_xlate_get_step_entry(x, i, &n);
	enum iommu_step_kind kind = iommu_xlate_get_step_kind(x, i);
	const char *indent = unit != IOMMU_VENDOR_INTEL ? (iommu_xlate_step_is_nested(x, i) ? "    " : "  ")
			     : iommu_xlate_step_is_nested(x, i) ? "    second stage: "
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
		if (unit != IOMMU_VENDOR_INTEL)
			pte_text(o, indent, unit, kind, iommu_xlate_get_step_level(x, i), w[0]);
		else
			out_text(o, "%spte level: %u, pte value: 0x%016llx", indent,
				 iommu_xlate_get_step_level(x, i), (unsigned long long)w[0]);
		break;
	case IOMMU_STEP_L1_STD:
		words_text(o, indent, "level 1 stream table descriptor", w, n);
		break;
	case IOMMU_STEP_STE:
		words_text(o, indent, "stream table entry", w, n);
		break;
	case IOMMU_STEP_L1_CD:
		words_text(o, indent, "level 1 context descriptor", w, n);
		break;
	case IOMMU_STEP_CD:
		words_text(o, indent, "context descriptor", w, n);
		break;
	case IOMMU_STEP_DTE:
		words_text(o, indent, "device table entry", w, n);
		break;
	case IOMMU_STEP_GCR3:
		out_text(o, "%sgcr3 table level %u entry: 0x%016llx", indent,
			 iommu_xlate_get_step_level(x, i), (unsigned long long)w[0]);
		break;
	}
	if (verbose >= 2 && unit == IOMMU_VENDOR_INTEL)
		out_text(o, "  (%s table 0x%llx, index %u)", iommu_step_kind_name(kind),
			 (unsigned long long)iommu_xlate_get_step_table(x, i),
			 iommu_xlate_get_step_index(x, i));
	else if (verbose >= 2)
		out_text(o, "  (table 0x%llx, index %u)",
			 (unsigned long long)iommu_xlate_get_step_table(x, i),
			 iommu_xlate_get_step_index(x, i));
	out_text(o, "\n");
}

/* The walk's steps; with -v the text shows them too, as the kernel's fault dump does (VT-d). */
static void render_walk(struct out *o, const struct iommu_xlate *x, enum iommu_vendor unit,
			bool scalable, int verbose)
{
	bool nested = both_stages(x);

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
		if (verbose)
			walk_text(o, x, i, unit, scalable, nested, verbose);
	}
	out_end_array(o);
}

/*
 * The fault a translation ends in, as the fault command shows it (the
 * record the unit would write, or the reason alone for VT-d); returns why a
 * suppressed one is not recorded.
 */
static const char *render_xlate_fault(struct cli *cli, const struct iommu_xlate *x,
				      enum iommu_vendor unit)
{
	unsigned int words;
	const uint64_t *rec = iommu_xlate_get_fault_record(x, &words);
	struct iommu_fault *f = NULL;
	const char *why = unit == IOMMU_VENDOR_INTEL ? " (suppressed: fault processing is disabled)"
			  : unit == IOMMU_VENDOR_AMD ? " (not logged: DTE.SA is set)"
					       : " (not recorded: CD.R is clear)";

	if ((rec ? iommu_fault_new_record(unit, rec, words, &f)
		 : iommu_fault_new(unit, iommu_xlate_get_fault_reason(x), &f)) < 0) {
		out_uint(cli->out, unit == IOMMU_VENDOR_INTEL ? "reason" : "event",
			 unit == IOMMU_VENDOR_INTEL ? "fault 0x%02llx" : "event 0x%02llx",
			 iommu_xlate_get_fault_reason(x));
		return why;
	}
	render_fault_code(cli, f, 0);
	if (unit == IOMMU_VENDOR_ARM && iommu_fault_is_stage2(f))
		why = " (not recorded: STE.S2R is clear)";
	iommu_fault_unref(f);
	return why;
}

/* ", domain 5"; an SMMUv3 stream's ASID, or VMID when only stage 2 translates. */
static void domain_text(struct out *o, const struct iommu_xlate *x, enum iommu_vendor unit)
{
	const char *mode = iommu_xlate_get_mode(x);

	if (iommu_xlate_get_domain_id(x) < 0)
		return;
	if (unit == IOMMU_VENDOR_ARM)
		out_text(o, ", %s %d", mode && strcmp(mode, "stage-2") == 0 ? "vmid" : "asid",
			 iommu_xlate_get_domain_id(x));
	else
		out_text(o, ", domain %d", iommu_xlate_get_domain_id(x));
}

void render_xlate(struct cli *cli, const char *key, const struct iommu_xlate *x,
		  const struct dump_source *src, uint16_t segment, uint32_t sid, uint32_t pasid,
		  uint64_t iova)
{
	enum iommu_vendor unit = src->kind;
	bool scalable = unit == IOMMU_VENDOR_INTEL &&
			iommu_vtd_get_ttm(src->translator) == IOMMU_VTD_TTM_SCALABLE;
	enum iommu_xlate_status st = iommu_xlate_get_status(x);
	struct out *o = cli->out;
	char bdf[16], size[16], perm[8];
	const char *note = iommu_xlate_get_note(x), *detail = iommu_xlate_get_detail(x);
	const char *pasid_key = unit == IOMMU_VENDOR_ARM ? "ssid" : "pasid";
	const char *why;
	const uint64_t *rec;
	unsigned int words;

	format_bdf(bdf, sizeof(bdf), segment, (uint16_t)sid);
	out_begin_object(o, key);
	if (unit == IOMMU_VENDOR_ARM)
		out_hex(o, "sid", NULL, sid);
	else
		out_str(o, "device", NULL, bdf);
	if (pasid == IOMMU_NO_PASID)
		out_null(o, pasid_key, NULL);
	else
		out_uint(o, pasid_key, NULL, pasid);
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
			if (iommu_xlate_get_contiguous(x)) {
				format_size(size, sizeof(size), iommu_xlate_get_contiguous(x));
				out_uint(o, "contiguous", NULL, iommu_xlate_get_contiguous(x));
				out_text(o, " (contiguous %s)", size);
			}
		} else {
			out_text(o, "  %s", iommu_xlate_get_mode(x));
		}
		out_str(o, "perm", ", %s", perm);
		domain_text(o, x, unit);
		out_text(o, "\n");
		break;
	case IOMMU_XLATE_FAULT:
		out_text(o, ": ");
		out_begin_object(o, "fault");
		why = render_xlate_fault(cli, x, unit);
		out_bool(o, "suppressed", iommu_xlate_is_suppressed(x) ? why : NULL,
			 iommu_xlate_is_suppressed(x));
		if (unit != IOMMU_VENDOR_INTEL && (rec = iommu_xlate_get_fault_record(x, &words))) {
			out_begin_array(o, "record");
			for (unsigned int k = 0; k < words; k++)
				out_hex(o, NULL, !cli->verbose ? NULL : k ? " 0x%016llx"
							       : "\n  event record: 0x%016llx", rec[k]);
			out_end_array(o);
		}
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
	render_walk(o, x, unit, scalable, cli->verbose);
	out_end_object(o);
}

void render_mapping_header(struct cli *cli, enum iommu_vendor unit)
{
	out_text(cli->out, "%-13s %5s  %-29s     %-29s  %-4s  %s\n",
		 unit == IOMMU_VENDOR_ARM ? "STREAM" : "DEVICE", unit == IOMMU_VENDOR_ARM ? "SSID" : "PASID",
		 "IOVA", "PHYS", "PAGE", "PERM");
}

void render_mapping(struct cli *cli, enum iommu_vendor unit, const char *requester,
		    const struct iommu_mapping *m)
{
	struct out *o = cli->out;
	uint64_t iova = iommu_mapping_get_iova(m), size = iommu_mapping_get_size(m);
	uint32_t id = iommu_space_get_requester(iommu_mapping_get_space(m));
	uint32_t pasid = iommu_space_get_pasid(iommu_mapping_get_space(m));
	const char *pasid_key = unit == IOMMU_VENDOR_ARM ? "ssid" : "pasid";
	char bdf[16], page[16], perm[8];

	out_begin_object(o, NULL);
	if (unit == IOMMU_VENDOR_ARM) {
		snprintf(bdf, sizeof(bdf), "sid 0x%x", id);
		out_text(o, "%-13s", bdf);
		out_hex(o, "sid", NULL, id);
		out_str(o, "device", NULL, requester);
	} else {
		format_bdf(bdf, sizeof(bdf), 0, (uint16_t)id);
		out_str(o, "device", "%-13s", bdf);
	}
	if (pasid == IOMMU_NO_PASID)
		out_null(o, pasid_key, " %5s");
	else
		out_uint(o, pasid_key, " %5llu", pasid);
	out_hex(o, "iova", "  0x%012llx", iova);
	out_hex(o, "iova_end", "-0x%012llx", iova + size - 1);
	out_hex(o, "size", NULL, size);
	switch (iommu_mapping_get_kind(m)) {
	case IOMMU_MAPPING_MAPPED:
		format_size(page, sizeof(page), iommu_mapping_get_page_size(m));
		format_perm(perm, sizeof(perm), iommu_mapping_get_perm(m));
		out_str(o, "kind", NULL, "mapped");
		out_hex(o, "phys", "  -> 0x%012llx", iommu_mapping_get_phys(m));
		out_hex(o, "phys_end", "-0x%012llx", iommu_mapping_get_phys(m) + size - 1);
		out_uint(o, "page_size", NULL, iommu_mapping_get_page_size(m));
		out_text(o, "  %-4s", page);
		out_uint(o, "leaves", NULL, iommu_mapping_get_leaves(m));
		out_str(o, "perm", "  %s\n", perm);
		break;
	case IOMMU_MAPPING_NOT_IN_DUMP:
		out_str(o, "kind", NULL, "not_in_dump");
		out_hex(o, "missing", "  not in dump: the table at 0x%llx is missing\n",
			iommu_mapping_get_missing(m));
		break;
	case IOMMU_MAPPING_INVALID:
		out_str(o, "kind", NULL, "invalid");
		if (iommu_mapping_get_entry(m) && unit == IOMMU_VENDOR_INTEL)
			out_hex(o, "entry", "  invalid: entry 0x%016llx has reserved bits set\n",
				iommu_mapping_get_entry(m));
		else if (iommu_mapping_get_entry(m))
			out_hex(o, "entry", "  invalid: entry 0x%016llx faults\n",
				iommu_mapping_get_entry(m));
		else
			out_hex(o, "missing", "  invalid: the table at 0x%llx cannot be reached\n",
				iommu_mapping_get_missing(m));
		break;
	}
	out_end_object(o);
}

void render_logged_walk(struct cli *cli, const struct iommu_xlate *x, bool same,
			const struct dump_source *src, uint16_t segment, uint32_t id, uint32_t pasid,
			uint64_t addr)
{
	struct out *o = cli->out;
	const char *verdict;

	switch (iommu_xlate_get_status(x)) {
	case IOMMU_XLATE_FAULT:
		verdict = same ? "same" : "different (the tables changed between the fault and the dump?)";
		break;
	case IOMMU_XLATE_OK:
		verdict = "translates (mapped after the fault, or the IOTLB held a stale entry)";
		break;
	case IOMMU_XLATE_NOT_IN_DUMP:
		verdict = "cannot tell: the walk needs a page that is not in the dump";
		break;
	default:
		verdict = "cannot tell: the entries do not translate the request";
		break;
	}
	out_text(o, "  in the dump: ");
	out_str(o, "dump_verdict", NULL, verdict);
	render_xlate(cli, "translation", x, src, segment, id, pasid, addr);
	out_text(o, "  verdict: %s\n", verdict);
}

void walk_space_cells(struct out_table *t, const struct iommu_space *sp)
{
	unsigned int s2 = iommu_space_get_levels(sp, IOMMU_STAGE_2);
	unsigned int s1 = iommu_space_get_levels(sp, IOMMU_STAGE_1);
	uint32_t pasid = iommu_space_get_pasid(sp);
	char bdf[16], levels[24];

	format_bdf(bdf, sizeof(bdf), 0, (uint16_t)iommu_space_get_requester(sp));
	out_cell_str(t, WALK_COL_DEVICE, bdf);
	if (pasid != IOMMU_NO_PASID)
		out_cell_uint(t, WALK_COL_PASID, pasid);
	out_cell_str(t, WALK_COL_MODE, iommu_space_get_mode(sp));
	if (iommu_space_get_domain_id(sp) >= 0)
		out_cell_uint(t, WALK_COL_DOMAIN, (unsigned int)iommu_space_get_domain_id(sp));
	if (s1 && s2)
		snprintf(levels, sizeof(levels), "%u/%u", s1, s2);
	else
		snprintf(levels, sizeof(levels), "%u", s1 ? s1 : s2);
	if (s1 || s2) {
		out_cell_str(t, WALK_COL_LEVELS, levels);
		out_cell_hex(t, WALK_COL_TABLE,
			     iommu_space_get_root(sp, s1 ? IOMMU_STAGE_1 : IOMMU_STAGE_2), 1);
	}
	out_cell_str(t, WALK_COL_STATUS, iommu_xlate_status_name(iommu_space_get_status(sp)));
}

void walk_space_note(struct out_table *t, const struct iommu_space *sp, const char *text)
{
	uint32_t pasid = iommu_space_get_pasid(sp);
	char bdf[16];

	format_bdf(bdf, sizeof(bdf), 0, (uint16_t)iommu_space_get_requester(sp));
	if (pasid != IOMMU_NO_PASID)
		out_table_note(t, "%s PASID %u: %s\n", bdf, pasid, text);
	else
		out_table_note(t, "%s: %s\n", bdf, text);
}
