// SPDX-License-Identifier: MIT
/*
 * A fault or event as fault and translate show it: the requester, PASID,
 * address and access, the code with its name and what it means; and with a
 * dump, the walk of the logged request and whether it ends the same way.
 * What differs by vendor is what each kernel's messages and specification
 * call things (reason or event, StreamID or device, the SMMUv3 record).
 */
#include <stdio.h>
#include <string.h>

#include "dump-source.h"

void render_fault_code(struct cli *cli, const struct iommu_fault *f, int detail)
{
	struct out *o = cli->out;
	enum iommu_vendor vendor = iommu_fault_get_vendor(f);
	const char *name = iommu_fault_get_name(f), *class = iommu_fault_get_class(f);
	const char *meaning = iommu_fault_get_meaning(f), *causes = iommu_fault_get_causes(f);
	unsigned int code = iommu_fault_get_code(f);

	if (vendor == IOMMU_VENDOR_INTEL) {
		out_uint(o, "reason", "fault 0x%02llx", code);
		out_str(o, "condition", name ? " %s" : NULL, name);
		out_str(o, "kernel_message", ": %s", iommu_fault_get_kernel_name(f));
	} else {
		out_uint(o, "event", vendor == IOMMU_VENDOR_ARM ? "event 0x%02llx" : "event %llu", code);
		out_str(o, "name", " %s", name ? name : vendor == IOMMU_VENDOR_ARM ? "(not architected)"
									 : "(undefined)");
	}
	if (class) {
		out_str(o, "stage", " (%s", iommu_fault_is_stage2(f) ? "stage 2" : "stage 1");
		out_str(o, "class", ", %s", class);
		if (iommu_fault_is_stage2(f))
			out_hex(o, "ipa", ", IPA 0x%llx", iommu_fault_get_ipa(f));
		out_text(o, ")");
	}
	if (iommu_fault_has(f, IOMMU_FAULT_FETCH_ADDRESS))
		out_hex(o, "fetch_addr", " (fetching 0x%llx)", iommu_fault_get_fetch_address(f));
	if (iommu_fault_has(f, IOMMU_FAULT_FLAGS)) {
		out_hex(o, "flags", " flags 0x%04llx", iommu_fault_get_flags(f));
		out_str(o, "flag_names", *iommu_fault_get_flag_names(f) ? " (%s)" : NULL,
			iommu_fault_get_flag_names(f));
	}
	/* VT-d's line already ends in the kernel's words for it. */
	if (*meaning)
		out_str(o, "meaning", detail > 1 ? "\n  meaning: %s"
				      : detail && vendor != IOMMU_VENDOR_INTEL ? ": %s" : NULL, meaning);
	if (*causes)
		out_str(o, "causes", detail > 1 ? "\n  likely causes: %s" : NULL, causes);
	if (vendor == IOMMU_VENDOR_INTEL && *meaning)
		out_bool(o, "qualified", NULL, iommu_fault_is_qualified(f));
}

/* The flags of an AMD-Vi event that say where and why a walk ended (not the request's own). */
#define AMDVI_WALK_FLAGS (IOMMU_AMDVI_FLAG_PR | IOMMU_AMDVI_FLAG_PE | IOMMU_AMDVI_FLAG_RZ)

/* The walk of the logged request in the dump, when SRC holds a unit of its kind. */
static void walk_logged(struct cli *cli, const struct iommu_fault *f, const struct dump_source *src,
			struct iommu_xlate *x)
{
	uint32_t id = iommu_fault_get_source_id(f), pasid = iommu_fault_get_pasid(f);
	uint64_t addr = iommu_fault_get_address(f);
	enum iommu_access access = iommu_fault_get_access(f);
	unsigned int code = iommu_fault_get_code(f);
	unsigned int req = iommu_fault_is_privileged(f) ? IOMMU_REQ_PRIV : 0;
	const uint64_t *rec;
	bool same;

	if (!x || iommu_fault_get_vendor(f) != src->kind)
		return;
	switch (src->kind) {
	case IOMMU_VENDOR_INTEL:
		if (iommu_fault_is_interrupt(f))
			return;
		break;
	case IOMMU_VENDOR_AMD:
		/* The requests the tables decide: page faults and illegal device table entries. */
		if (!iommu_fault_has(f, IOMMU_FAULT_REQUESTER) ||
		    (code != IOMMU_AMDVI_IO_PAGE_FAULT && code != IOMMU_AMDVI_ILLEGAL_DEV_TABLE_ENTRY))
			return;
		/* The PASID field is the request's only for a guest request (GN). */
		if (!(iommu_fault_get_flags(f) & IOMMU_AMDVI_FLAG_GN))
			pasid = IOMMU_NO_PASID;
		break;
	default:
		break;
	}
	iommu_translator_translate(src->translator, id, pasid, addr, access, req, x);
	rec = iommu_xlate_get_fault_record(x, NULL);
	same = iommu_xlate_get_fault_reason(x) == code;
	if (src->kind == IOMMU_VENDOR_AMD)
		same = same && rec &&
		       ((rec[0] >> 48) & AMDVI_WALK_FLAGS) == (iommu_fault_get_flags(f) & AMDVI_WALK_FLAGS);
	render_logged_walk(cli, x, same, src, iommu_fault_get_segment(f), id, pasid, addr);
}

/* "dma_read from 0000:00:02.0, PASID 2, address 0x9c000000" (VT-d). */
static void vtd_heading(struct out *o, const struct iommu_fault *f, const char *bdf)
{
	bool irq = iommu_fault_is_interrupt(f);

	out_str(o, "type", "%s", irq ? "interrupt"
			   : iommu_fault_get_access(f) == IOMMU_ACCESS_WRITE ? "dma_write" : "dma_read");
	out_str(o, "device", " from %s", bdf);
	if (iommu_fault_get_pasid(f) == IOMMU_NO_PASID)
		out_null(o, "pasid", NULL);
	else
		out_uint(o, "pasid", ", PASID %llu", iommu_fault_get_pasid(f));
	out_hex(o, irq ? "index" : "address", irq ? ", interrupt index 0x%llx" : ", address 0x%llx",
		iommu_fault_get_address(f));
}

/* "SMMUv3 write from StreamID 0x100 (0000:01:00.0), SSID 3, address 0x1000, privileged". */
static void smmuv3_heading(struct out *o, const struct iommu_fault *f)
{
	const char *client = iommu_fault_get_client(f);
	bool access = iommu_fault_has(f, IOMMU_FAULT_ACCESS);

	out_str(o, "type", "SMMUv3", "smmuv3_event");
	if (access)
		out_text(o, iommu_fault_get_access(f) == IOMMU_ACCESS_WRITE ? " write" : " read");
	out_hex(o, "sid", " from StreamID 0x%llx", iommu_fault_get_source_id(f));
	out_str(o, "client", client ? " (%s)" : NULL, client);
	if (iommu_fault_get_pasid(f) == IOMMU_NO_PASID)
		out_null(o, "ssid", NULL);
	else
		out_uint(o, "ssid", ", SSID %llu", iommu_fault_get_pasid(f));
	if (iommu_fault_has(f, IOMMU_FAULT_ADDRESS))
		out_hex(o, "iova", ", address 0x%llx", iommu_fault_get_address(f));
	if (access)
		out_bool(o, "privileged", iommu_fault_is_privileged(f) ? ", privileged" : NULL,
			 iommu_fault_is_privileged(f));
}

/* "AMD-Vi write from 0000:04:00.0, domain 0x0, address 0x10b4c0000". */
static void amdvi_heading(struct out *o, const struct iommu_fault *f, const char *bdf)
{
	out_str(o, "type", "AMD-Vi", "amdvi_event");
	if (iommu_fault_has(f, IOMMU_FAULT_ACCESS))
		out_text(o, iommu_fault_get_access(f) == IOMMU_ACCESS_WRITE ? " write" : " read");
	if (iommu_fault_has(f, IOMMU_FAULT_REQUESTER))
		out_str(o, "device", " from %s", bdf);
	if (iommu_fault_get_domain(f) >= 0)
		out_uint(o, "domain", ", domain 0x%llx", (unsigned int)iommu_fault_get_domain(f));
	if (iommu_fault_get_pasid(f) == IOMMU_NO_PASID)
		out_null(o, "pasid", NULL);
	else
		out_uint(o, "pasid", ", PASID 0x%llx", iommu_fault_get_pasid(f));
	if (iommu_fault_has(f, IOMMU_FAULT_ADDRESS))
		out_hex(o, "address", ", address 0x%llx", iommu_fault_get_address(f));
}

void render_fault(struct cli *cli, const struct iommu_fault *f, size_t line,
		  const struct dump_source *src, struct iommu_xlate *x)
{
	struct out *o = cli->out;
	enum iommu_vendor vendor = iommu_fault_get_vendor(f);
	const char *logged = iommu_fault_get_logged_text(f);
	const uint64_t *rec;
	size_t words;
	char bdf[16];

	format_bdf(bdf, sizeof(bdf), iommu_fault_get_segment(f), (uint16_t)iommu_fault_get_source_id(f));
	out_begin_object(o, NULL);
	out_uint(o, "line", NULL, line);
	if (vendor == IOMMU_VENDOR_INTEL)
		vtd_heading(o, f, bdf);
	else if (vendor == IOMMU_VENDOR_ARM)
		smmuv3_heading(o, f);
	else
		amdvi_heading(o, f, bdf);
	out_text(o, cli->verbose ? "  (line %zu)\n  " : "\n  ", line);
	/* VT-d's reason is part of the record; the others' events are objects of their own. */
	if (vendor != IOMMU_VENDOR_INTEL)
		out_begin_object(o, "event");
	render_fault_code(cli, f, cli->verbose ? 2 : 1);
	if (vendor != IOMMU_VENDOR_INTEL)
		out_end_object(o);
	out_text(o, "\n");
	if (logged && strcmp(logged, iommu_fault_get_kernel_name(f)))
		out_str(o, "logged_text", "  the log says \"%s\"\n", logged);
	else if (vendor == IOMMU_VENDOR_INTEL)
		out_str(o, "logged_text", NULL, logged);
	out_str(o, "format", cli->verbose ? "  log format: %s\n" : NULL, iommu_fault_get_format(f));
	if (vendor == IOMMU_VENDOR_ARM) {
		rec = iommu_fault_get_record(f, &words);
		out_begin_array(o, "record");
		for (size_t k = 0; k < words; k++)
			out_hex(o, NULL, !cli->verbose ? NULL : k ? " 0x%016llx" : "  record: 0x%016llx",
				rec[k]);
		out_end_array(o);
		out_text(o, cli->verbose ? "\n" : "");
	}
	walk_logged(cli, f, src, x);
	out_end_object(o);
}
