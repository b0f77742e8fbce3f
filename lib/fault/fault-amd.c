// SPDX-License-Identifier: MIT
/*
 * AMD-Vi events: the event log entry codes of AMD IOMMU 48882 §2.5 with
 * what they mean, the 16-byte entry decoded, and the entry as Linux has
 * logged it (drivers/iommu/amd_iommu.c, then drivers/iommu/amd/iommu.c,
 * iommu_print_event and amd_iommu_report_page_fault):
 *
 *   2.6.2x:       AMD IOMMU: Event logged [IO_PAGE_FAULT device=00:14.0 domain=0x0000 address=0x0000000000000000 flags=0x0000]
 *   2.6.3x-4.x:   AMD-Vi: Event logged [IO_PAGE_FAULT device=0a:00.0 domain=0x001d address=0x000000000637c000 flags=0x0000]
 *   4.x-5.x:      AMD-Vi: Event logged [IO_PAGE_FAULT device=00:13.1 domain=0x0000 address=0x6f2163200 flags=0x0050]
 *   5.0+:         amdgpu 0000:04:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0000 address=0x10b4c0000 flags=0x0070]
 *   5.19+:        AMD-Vi: Event logged [IO_PAGE_FAULT device=0000:04:00.0 domain=0x0000 address=0x10b4a01e0 flags=0x0070]
 *   others:       ... [ILLEGAL_DEV_TABLE_ENTRY device=... pasid=0x00000 address=0x... flags=0x...]
 *                 ... [UNKNOWN event[0]=0x%08x event[1]=0x%08x event[2]=0x%08x event[3]=0x%08x
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "fault/fault.h"
#include "text.h"

/* AMD IOMMU 48882 §2.5.2-§2.5.13 event codes. */
static const struct fault_code codes[] = {
	{ 0x1, "ILLEGAL_DEV_TABLE_ENTRY", "the device table entry has reserved bits set or an invalid encoding",
	  "a DTE the driver is rewriting, guest translation fields the IOMMU does not support" },
	{ 0x2, "IO_PAGE_FAULT", "a DMA request found no translation, or one without the permission it needed (the flags say which)",
	  "DMA to an address the driver never mapped or already unmapped (use after unmap), a device writing a read-only mapping, a device without a domain (blocked)" },
	{ 0x3, "DEV_TAB_HARDWARE_ERROR", "an error reading the device table entry", "the device table in memory the IOMMU cannot reach" },
	{ 0x4, "PAGE_TAB_HARDWARE_ERROR", "an error reading a page table entry (the address is the entry's)",
	  "page tables in memory the IOMMU cannot reach, a corrupted table pointer" },
	{ 0x5, "ILLEGAL_COMMAND_ERROR", "an illegal command in the command buffer", "a driver bug" },
	{ 0x6, "COMMAND_HARDWARE_ERROR", "an error reading the command buffer", "" },
	{ 0x7, "IOTLB_INV_TIMEOUT", "a device did not answer an IOTLB invalidation in time",
	  "an ATS device that hung or was removed" },
	{ 0x8, "INVALID_DEVICE_REQUEST", "a request the device's settings do not allow (a PASID without guest translation, an ATS request without IOTLB)",
	  "PASID or ATS enabled in the device but not in its DTE" },
	{ 0x9, "INVALID_PPR_REQUEST", "a page request the IOMMU cannot accept", "PRI enabled in the device but not in its DTE" },
	{ 0xa, "EVENT_COUNTER_ZERO", "an event counter reached zero", "" },
	{ 0xd, "RMP_PAGE_FAULT", "a DMA request was refused by the SEV-SNP reverse map table", "" },
	{ 0xe, "RMP_HW_ERROR", "an error reading the SEV-SNP reverse map table", "" },
};

/* Which fields an event code's entry holds (48882 §2.5.2-§2.5.13). */
static unsigned int fields_of(unsigned int code)
{
	enum { DEVICE = FAULT_HAS(IOMMU_FAULT_REQUESTER), DOMAIN = FAULT_HAS(IOMMU_FAULT_DOMAIN),
	       ADDRESS = FAULT_HAS(IOMMU_FAULT_ADDRESS),
	       FLAGS = FAULT_HAS(IOMMU_FAULT_FLAGS) | FAULT_HAS(IOMMU_FAULT_ACCESS) };

	switch (code) {
	case 0x1:
	case 0x8:
		return DEVICE | FAULT_HAS_PASID | ADDRESS | FLAGS;
	case 0x2:
	case 0x4:
		return DEVICE | DOMAIN | ADDRESS | FLAGS;
	case 0x3:
		return DEVICE | ADDRESS | FLAGS;
	case 0x5:
		return ADDRESS;
	case 0x6:
		return ADDRESS | FLAGS;
	case 0x7:
		return DEVICE | ADDRESS;
	default:
		return DEVICE | ADDRESS;
	}
}

/* A guest request's IO_PAGE_FAULT (GN set): the domain field holds the PASID. */
static unsigned int pasid_for_guest(unsigned int has, const uint64_t *record)
{
	if ((has & FAULT_HAS(IOMMU_FAULT_DOMAIN)) && (record[0] >> 48 & IOMMU_AMDVI_FLAG_GN))
		return (has & ~FAULT_HAS(IOMMU_FAULT_DOMAIN)) | FAULT_HAS_PASID;
	return has;
}

static unsigned int amdvi_fields(const uint64_t *record)
{
	return pasid_for_guest(fields_of((unsigned int)(record[0] >> 60)), record);
}

static unsigned int amdvi_record_of_code(uint64_t *record, unsigned int code)
{
	record[0] = (uint64_t)(code & 0xf) << 60;
	return 0;
}

/* 48882 §2.5: DeviceID 15:0, PASID 19:16, DomainID or PASID 15:0 in 47:32, flags 59:48, code 63:60. */
static void amdvi_decode(struct iommu_fault *f)
{
	static const char *const names[] = { "GN", "NX", "US", "I", "PR", "RW", "PE", "RZ", "TR" };
	const uint64_t *r = f->record;
	size_t at = 0;

	f->code = (unsigned int)(r[0] >> 60);
	if (f->has & FAULT_HAS(IOMMU_FAULT_REQUESTER))
		f->source_id = (uint16_t)r[0];
	if (f->has & FAULT_HAS(IOMMU_FAULT_DOMAIN))
		f->domain = (int)(r[0] >> 32 & 0xffff);
	if (f->has & FAULT_HAS_PASID)
		f->pasid = (uint32_t)((r[0] >> 32 & 0xffff) | (r[0] >> 16 & 0xf) << 16);
	f->address = r[1];
	f->flags = (unsigned int)(r[0] >> 48 & 0xfff);
	if (f->has & FAULT_HAS(IOMMU_FAULT_FLAGS)) {
		f->access = f->flags & IOMMU_AMDVI_FLAG_RW ? IOMMU_ACCESS_WRITE : IOMMU_ACCESS_READ;
		f->privileged = !(f->flags & IOMMU_AMDVI_FLAG_US);
		f->exec = f->flags & IOMMU_AMDVI_FLAG_NX;
		f->interrupt = f->flags & IOMMU_AMDVI_FLAG_I;
	}
	f->flag_names[0] = 0;
	for (unsigned int i = 0; i < ARRAY_SIZE(names); i++)
		if (f->flags & 1u << i)
			at += (size_t)snprintf(f->flag_names + at, sizeof(f->flag_names) - at, "%s%s",
					       at ? " " : "", names[i]);
}

/* ---- kernel lines -------------------------------------------------------- */

/* UNKNOWN: the entry's words as dwords, "event[0]=0x... event[1]=..."; false when one is missing. */
static bool unknown_words(const char *s, const char *end, uint64_t *record)
{
	static const char *const keys[] = { "event[0]=", "event[1]=", "event[2]=", "event[3]=" };
	uint64_t dw[4];

	for (unsigned int i = 0; i < 4; i++)
		if (!text_field_hex(s, end, keys[i], &dw[i]))
			return false;
	record[0] = (dw[0] & 0xffffffff) | (dw[1] & 0xffffffff) << 32;
	record[1] = (dw[2] & 0xffffffff) | (dw[3] & 0xffffffff) << 32;
	return true;
}

/*
 * The device the kernel named before "AMD-Vi:" ("amdgpu 0000:04:00.0: AMD-Vi: ..."):
 * a word that is a PCI address followed by ':'.
 */
static bool device_before(const char *text, const char *prefix, struct iommu_fault *f,
			  uint16_t *ret_rid, bool *ret_has_segment, int *ret_error)
{
	for (const char *p = text; p < prefix; p++) {
		uint16_t segment, rid;
		bool has_segment;
		const char *e;

		if (p > text && p[-1] != ' ')
			continue;
		e = text_bdf(p, prefix, &segment, &rid, &has_segment);
		if (!e || e == prefix || *e != ':')
			continue;
		f->client = strndup(p, (size_t)(e - p));
		if (!f->client) {
			*ret_error = -ENOMEM;
			return false;
		}
		f->segment = segment;
		*ret_rid = rid;
		*ret_has_segment = has_segment;
		return true;
	}
	return false;
}

static const char *amdvi_parse(const char *text, const char *end, struct iommu_fault *f,
			       int *ret_error)
{
	const char *eol = text_line_end(text, end), *at, *name, *body, *prefix;
	bool has_segment = false, named = false;
	uint16_t rid = 0;
	uint64_t v;
	int code;

	at = text_find(text, eol, "Event logged [");
	prefix = text_find(text, eol, "AMD-Vi: ");
	if (!prefix)
		prefix = text_find(text, eol, "AMD IOMMU: ");
	if (!at || !prefix || prefix > at)
		return NULL;
	name = at + 14;
	for (body = name; body < eol && ((*body >= 'A' && *body <= 'Z') || *body == '_'); body++)
		;
	code = fault_code_by_name(&fault_amdvi, name, (size_t)(body - name));
	if (code < 0 && text_starts(name, body, "UNKNOWN") && body - name == 7) {
		if (!unknown_words(body, eol, f->record))
			return NULL;
		f->has = amdvi_fields(f->record);
		f->format = "UNKNOWN with the entry's words";
		return text_next_line(text, end);
	}
	if (code < 0)
		return NULL;
	f->record[0] = (uint64_t)code << 60;
	/* The device: "device=..." in the brackets, or the kernel's device name before "AMD-Vi:". */
	at = text_find(body, eol, "device=");
	if (at && text_bdf(at + 7, eol, &f->segment, &rid, &has_segment)) {
		f->has |= FAULT_HAS(IOMMU_FAULT_REQUESTER);
	} else if (device_before(text, prefix, f, &rid, &has_segment, ret_error)) {
		f->has |= FAULT_HAS(IOMMU_FAULT_REQUESTER);
		named = true;
	} else if (*ret_error) {
		return NULL;
	}
	f->record[0] |= rid;
	if (text_field_hex(body, eol, "domain=", &v)) {
		f->record[0] |= (v & 0xffff) << 32;
		f->has |= FAULT_HAS(IOMMU_FAULT_DOMAIN);
	}
	if (text_field_hex(body, eol, "pasid=", &v)) {
		f->record[0] = (f->record[0] & ~(0xffffULL << 32)) | (v & 0xffff) << 32 |
			       (v >> 16 & 0xf) << 16;
		f->has |= FAULT_HAS_PASID;
	}
	if (text_field_hex(body, eol, "address=", &v) || text_field_hex(body, eol, "gpa=", &v)) {
		f->record[1] = v;
		f->has |= FAULT_HAS(IOMMU_FAULT_ADDRESS);
	}
	if (text_field_hex(body, eol, "flags=", &v)) {
		f->record[0] |= (v & 0xfff) << 48;
		f->has |= FAULT_HAS(IOMMU_FAULT_FLAGS) | FAULT_HAS(IOMMU_FAULT_ACCESS);
	}
	if (code == IOMMU_AMDVI_IO_PAGE_FAULT)
		f->has = pasid_for_guest(f->has, f->record);
	f->format = named ? "device named before AMD-Vi: (5.0+)"
		    : text_find(text, eol, "AMD IOMMU: ") ? "AMD IOMMU: prefix (2.6.2x)"
		    : !(f->has & FAULT_HAS(IOMMU_FAULT_REQUESTER)) ? "no device"
		    : has_segment ? "device=SSSS:BB:DD.F (5.19+)" : "device=BB:DD.F";
	return text_next_line(text, end);
}

const struct fault_vendor fault_amdvi = {
	.vendor = IOMMU_VENDOR_AMD,
	.words = 2,
	.codes = codes,
	.ncodes = ARRAY_SIZE(codes),
	.record_of_code = amdvi_record_of_code,
	.fields = amdvi_fields,
	.decode = amdvi_decode,
	.parse = amdvi_parse,
};
