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
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

struct code_desc {
	unsigned int code;
	const char *name;
	const char *meaning;
	const char *causes;
};

/* AMD IOMMU 48882 §2.5.2-§2.5.13 event codes. */
static const struct code_desc codes[] = {
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

static const struct code_desc *code_desc(unsigned int code)
{
	for (size_t i = 0; i < ARRAY_SIZE(codes); i++)
		if (codes[i].code == code)
			return &codes[i];
	return NULL;
}

IOMMU_EXPORT const char *iommu_amdvi_event_name(unsigned int code)
{
	const struct code_desc *d = code_desc(code);

	return d ? d->name : NULL;
}

enum { HAS_DEVICE = 1, HAS_DOMAIN = 2, HAS_PASID = 4, HAS_ADDRESS = 8, HAS_FLAGS = 16 };

struct iommu_amdvi_event {
	uint64_t record[2];
	unsigned int has;
	uint16_t segment;
	const char *format;
	char *client;
	char flag_names[48];
};

static void name_flags(struct iommu_amdvi_event *ev)
{
	static const char *const names[] = { "GN", "NX", "US", "I", "PR", "RW", "PE", "RZ", "TR" };
	unsigned int flags = (unsigned int)(ev->record[0] >> 48 & 0xfff);
	size_t at = 0;

	ev->flag_names[0] = 0;
	for (unsigned int i = 0; i < ARRAY_SIZE(names); i++)
		if (flags & 1u << i)
			at += (size_t)snprintf(ev->flag_names + at, sizeof(ev->flag_names) - at, "%s%s",
					       at ? " " : "", names[i]);
}

/* Which fields an event code's entry holds (48882 §2.5.2-§2.5.13). */
static unsigned int fields_of(unsigned int code)
{
	switch (code) {
	case 0x1:
	case 0x8:
		return HAS_DEVICE | HAS_PASID | HAS_ADDRESS | HAS_FLAGS;
	case 0x2:
	case 0x4:
		return HAS_DEVICE | HAS_DOMAIN | HAS_ADDRESS | HAS_FLAGS;
	case 0x3:
		return HAS_DEVICE | HAS_ADDRESS | HAS_FLAGS;
	case 0x5:
		return HAS_ADDRESS;
	case 0x6:
		return HAS_ADDRESS | HAS_FLAGS;
	case 0x7:
		return HAS_DEVICE | HAS_ADDRESS;
	default:
		return HAS_DEVICE | HAS_ADDRESS;
	}
}

IOMMU_EXPORT int iommu_amdvi_event_new_record(const uint64_t record[2],
					      struct iommu_amdvi_event **ret_event)
{
	struct iommu_amdvi_event *ev = calloc(1, sizeof(*ev));

	if (!ev)
		return -ENOMEM;
	ev->record[0] = record[0];
	ev->record[1] = record[1];
	ev->has = fields_of((unsigned int)(record[0] >> 60));
	/* IO_PAGE_FAULT of a guest request: the field holds the PASID, not the domain. */
	if ((ev->has & HAS_DOMAIN) && (record[0] >> 48 & 1))
		ev->has = (ev->has & ~HAS_DOMAIN) | HAS_PASID;
	name_flags(ev);
	*ret_event = ev;
	return 0;
}

IOMMU_EXPORT struct iommu_amdvi_event *iommu_amdvi_event_unref(struct iommu_amdvi_event *event)
{
	if (event) {
		free(event->client);
		free(event);
	}
	return NULL;
}

/* ---- kernel lines -------------------------------------------------------- */

static const char *line_end(const char *s)
{
	const char *nl = strchr(s, '\n');

	return nl ? nl : s + strlen(s);
}

static const char *hex_at(const char *s, const char *end, uint64_t *ret)
{
	uint64_t v = 0;
	int digits = 0;

	if (end - s > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	for (; s < end && isxdigit((unsigned char)*s) && digits < 16; s++, digits++)
		v = v << 4 | (uint64_t)(isdigit((unsigned char)*s) ? *s - '0'
								    : tolower((unsigned char)*s) - 'a' + 10);
	*ret = v;
	return digits ? s : NULL;
}

/* "KEY=VALUE" (hexadecimal) in [s, end); false when absent. */
static bool key_hex(const char *s, const char *end, const char *key, uint64_t *ret)
{
	size_t len = strlen(key);

	for (const char *at = s; (at = memmem(at, (size_t)(end - at), key, len)); at += len)
		if ((at == s || at[-1] == ' ' || at[-1] == '[' || at[-1] == ',') && at[len] == '=')
			return hex_at(at + len + 1, end, ret) != NULL;
	return false;
}

/* "[SSSS:]BB:DD.F" at S: the segment (*RET_HAS_SEG) and device id; the end, or NULL. */
static const char *bdf_at(const char *s, const char *end, uint16_t *ret_seg, uint16_t *ret_devid,
			  bool *ret_has_seg)
{
	uint64_t part[4];
	unsigned int n = 0;

	/* Colons between the parts, a dot before the function, which ends it. */
	while (n < 4) {
		const char *next = hex_at(s, end, &part[n]);

		if (!next)
			return NULL;
		n++;
		s = next;
		if (s + 1 < end && *s == '.' && n >= 2 && isxdigit((unsigned char)s[1])) {
			s = hex_at(s + 1, end, &part[n++]);
			break;
		}
		if (s + 1 < end && *s == ':' && n < 3 && isxdigit((unsigned char)s[1]))
			s++;
		else
			return NULL;
	}
	if (!s || n < 3)
		return NULL;
	if (n == 4) {
		if (part[0] > 0xffff)
			return NULL;
		*ret_seg = (uint16_t)part[0];
		memmove(part, part + 1, 3 * sizeof(part[0]));
	}
	if (part[0] > 0xff || part[1] > 0x1f || part[2] > 7)
		return NULL;
	*ret_devid = (uint16_t)(part[0] << 8 | part[1] << 3 | part[2]);
	*ret_has_seg = n == 4;
	return s;
}

IOMMU_EXPORT int iommu_amdvi_event_parse(const char *text, struct iommu_amdvi_event **ret_event,
					 size_t *ret_used)
{
	const char *end = line_end(text), *at, *name, *name_end, *body, *prefix;
	struct iommu_amdvi_event *ev;
	uint64_t v, words[4];
	unsigned int code = 0;
	bool seg = false, in_prefix = false;
	uint16_t devid = 0, segment = 0;

	at = memmem(text, (size_t)(end - text), "Event logged [", 14);
	prefix = memmem(text, (size_t)(end - text), "AMD-Vi: ", 8);
	if (!prefix)
		prefix = memmem(text, (size_t)(end - text), "AMD IOMMU: ", 11);
	if (!at || !prefix || prefix > at)
		return -ENOMSG;
	name = at + 14;
	for (name_end = name; name_end < end && (isupper((unsigned char)*name_end) ||
						 *name_end == '_'); name_end++)
		;
	for (size_t i = 0; i < ARRAY_SIZE(codes); i++)
		if (strlen(codes[i].name) == (size_t)(name_end - name) &&
		    memcmp(codes[i].name, name, (size_t)(name_end - name)) == 0)
			code = codes[i].code;
	body = name_end;
	if (!code && (size_t)(name_end - name) == 7 && memcmp(name, "UNKNOWN", 7) == 0) {
		/* The entry's words as dwords: event[0]=0x... event[1]=... */
		static const char *const keys[] = { "event[0]", "event[1]", "event[2]", "event[3]" };

		for (unsigned int i = 0; i < 4; i++)
			if (!key_hex(body, end, keys[i], &words[i]))
				return -ENOMSG;
		words[0] = (words[0] & 0xffffffff) | (words[1] & 0xffffffff) << 32;
		words[1] = (words[2] & 0xffffffff) | (words[3] & 0xffffffff) << 32;
		if (iommu_amdvi_event_new_record(words, &ev) < 0)
			return -ENOMEM;
		ev->format = "UNKNOWN with the entry's words";
		goto done;
	}
	if (!code)
		return -ENOMSG;
	ev = calloc(1, sizeof(*ev));
	if (!ev)
		return -ENOMEM;
	ev->record[0] = (uint64_t)code << 60;
	ev->has = 0;
	/* The device: "device=..." in the brackets, or the kernel's device name before "AMD-Vi:". */
	at = memmem(body, (size_t)(end - body), "device=", 7);
	if (at && bdf_at(at + 7, end, &segment, &devid, &seg)) {
		ev->has |= HAS_DEVICE;
	} else {
		for (const char *p = text; p < prefix && !in_prefix; p++) {
			const char *dev_end = p == text || p[-1] == ' '
						      ? bdf_at(p, prefix, &segment, &devid, &seg)
						      : NULL;

			if (dev_end && dev_end < prefix && *dev_end == ':') {
				ev->client = strndup(p, (size_t)(dev_end - p));
				ev->has |= HAS_DEVICE;
				in_prefix = true;
			}
		}
	}
	ev->segment = segment;
	ev->record[0] |= devid;
	if (key_hex(body, end, "domain", &v)) {
		ev->record[0] |= (v & 0xffff) << 32;
		ev->has |= HAS_DOMAIN;
	}
	if (key_hex(body, end, "pasid", &v)) {
		ev->record[0] = (ev->record[0] & ~(0xffffULL << 32)) | (v & 0xffff) << 32 |
				(v >> 16 & 0xf) << 16;
		ev->has |= HAS_PASID;
	}
	if (key_hex(body, end, "address", &v) || key_hex(body, end, "gpa", &v)) {
		ev->record[1] = v;
		ev->has |= HAS_ADDRESS;
	}
	if (key_hex(body, end, "flags", &v)) {
		ev->record[0] |= (v & 0xfff) << 48;
		ev->has |= HAS_FLAGS;
	}
	/* A guest request's IO_PAGE_FAULT logs its PASID in the domain field. */
	if (code == 0x2 && (ev->record[0] >> 48 & 1) && (ev->has & HAS_DOMAIN))
		ev->has = (ev->has & ~HAS_DOMAIN) | HAS_PASID;
	name_flags(ev);
	ev->format = in_prefix ? "device named before AMD-Vi: (5.0+)"
		     : memmem(text, (size_t)(end - text), "AMD IOMMU: ", 11) ? "AMD IOMMU: prefix (2.6.2x)"
		     : !(ev->has & HAS_DEVICE) ? "no device"
		     : seg ? "device=SSSS:BB:DD.F (5.19+)" : "device=BB:DD.F";
done:
	*ret_event = ev;
	if (ret_used)
		*ret_used = (size_t)(end - text) + (*end ? 1 : 0);
	return 0;
}

/* ---- accessors ----------------------------------------------------------- */

IOMMU_EXPORT unsigned int iommu_amdvi_event_get_code(const struct iommu_amdvi_event *event)
{
	return (unsigned int)(event->record[0] >> 60);
}

IOMMU_EXPORT const char *iommu_amdvi_event_get_name(const struct iommu_amdvi_event *event)
{
	return iommu_amdvi_event_name(iommu_amdvi_event_get_code(event));
}

IOMMU_EXPORT const char *iommu_amdvi_event_get_meaning(const struct iommu_amdvi_event *event)
{
	const struct code_desc *d = code_desc(iommu_amdvi_event_get_code(event));

	return d ? d->meaning : "";
}

IOMMU_EXPORT const char *iommu_amdvi_event_get_causes(const struct iommu_amdvi_event *event)
{
	const struct code_desc *d = code_desc(iommu_amdvi_event_get_code(event));

	return d ? d->causes : "";
}

IOMMU_EXPORT bool iommu_amdvi_event_has(const struct iommu_amdvi_event *event, const char *field)
{
	static const struct {
		const char *name;
		unsigned int bit;
	} fields[] = { { "device", HAS_DEVICE }, { "domain", HAS_DOMAIN }, { "pasid", HAS_PASID },
		       { "address", HAS_ADDRESS }, { "flags", HAS_FLAGS } };

	for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
		if (strcmp(fields[i].name, field) == 0)
			return event->has & fields[i].bit;
	return false;
}

IOMMU_EXPORT uint16_t iommu_amdvi_event_get_segment(const struct iommu_amdvi_event *event)
{
	return event->segment;
}

IOMMU_EXPORT uint16_t iommu_amdvi_event_get_devid(const struct iommu_amdvi_event *event)
{
	return (uint16_t)event->record[0];
}

IOMMU_EXPORT int iommu_amdvi_event_get_domain(const struct iommu_amdvi_event *event)
{
	return event->has & HAS_DOMAIN ? (int)(event->record[0] >> 32 & 0xffff) : -1;
}

IOMMU_EXPORT uint32_t iommu_amdvi_event_get_pasid(const struct iommu_amdvi_event *event)
{
	if (!(event->has & HAS_PASID))
		return IOMMU_NO_PASID;
	return (uint32_t)((event->record[0] >> 32 & 0xffff) | (event->record[0] >> 16 & 0xf) << 16);
}

IOMMU_EXPORT uint64_t iommu_amdvi_event_get_address(const struct iommu_amdvi_event *event)
{
	return event->record[1];
}

IOMMU_EXPORT unsigned int iommu_amdvi_event_get_flags(const struct iommu_amdvi_event *event)
{
	return (unsigned int)(event->record[0] >> 48 & 0xfff);
}

IOMMU_EXPORT const char *iommu_amdvi_event_get_flag_names(const struct iommu_amdvi_event *event)
{
	return event->flag_names;
}

IOMMU_EXPORT const uint64_t *iommu_amdvi_event_get_record(const struct iommu_amdvi_event *event)
{
	return event->record;
}

IOMMU_EXPORT const char *iommu_amdvi_event_get_format(const struct iommu_amdvi_event *event)
{
	return event->format;
}

IOMMU_EXPORT const char *iommu_amdvi_event_get_client(const struct iommu_amdvi_event *event)
{
	return event->client;
}
