// SPDX-License-Identifier: MIT
/*
 * DMAR fault messages as Linux has printed them (drivers/pci/dmar.c, then
 * drivers/iommu/dmar.c, then drivers/iommu/intel/dmar.c, dmar_fault_do_one):
 *
 *   2.6-3.x, two lines:  DMAR:[DMA Write] Request device [00:02.0] fault addr 6df084000
 *                        DMAR:[fault reason 05] PTE Write access is not set
 *                        INTR-REMAP: Request device [[f0:1f.0] fault index 24
 *                        INTR-REMAP:[fault reason 34] Blocked a compatibility format ...
 *   one line, "%02d":    DMAR: [DMA Read] Request device [00:02.0] fault addr 9c000000 [fault reason 06] ...
 *   PASID after device:  DMAR: [DMA Read] Request device [00:02.0] PASID ffffffff fault addr 9c000000 [fault reason 06] ...
 *   NO_PASID/PASID tag:  DMAR: [DMA Read NO_PASID] Request device [00:02.0] fault addr 0x9c000000 [fault reason 0x06] ...
 *                        (one release printed the device as [0x00:0x02.0])
 *   with PCI segment:    DMAR: [DMA Write PASID 0x1] Request device [0000:00:02.0] fault addr 0x... [fault reason 0x..] ...
 *   interrupts:          DMAR: [INTR-REMAP] Request device [f0:1f.0] fault index 0x24 [fault reason 0x25] ...
 *
 * Without "0x" the reason is decimal (%02d); the reason text on the line,
 * when it matches the other reading, settles the rare ambiguous number.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

#include "internal.h"

struct iommu_fault_msg {
	bool interrupt, write;
	uint16_t segment, sid;
	uint32_t pasid;
	uint64_t addr;
	unsigned int reason;
	char *text;
	const char *format;
};

/* Hexadecimal digits at S ("0x" optional); the end, or NULL when there are none. */
static const char *hex_at(const char *s, const char *end, uint64_t *ret)
{
	uint64_t v = 0;
	int digits = 0;

	if (end - s > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	for (; s < end && isxdigit((unsigned char)*s) && digits < 16; s++, digits++)
		v = v << 4 | (uint64_t)(isdigit((unsigned char)*s) ? *s - '0' : tolower((unsigned char)*s) - 'a' + 10);
	*ret = v;
	return digits ? s : NULL;
}

static const char *skip_spaces(const char *s, const char *end)
{
	while (s < end && *s == ' ')
		s++;
	return s;
}

/* "[SSSS:]BB:DD.F", each part possibly "0x"-prefixed, up to ']'. */
static bool parse_device(const char *s, const char *end, struct iommu_fault_msg *m, bool *ret_0x,
			 bool *ret_segment)
{
	uint64_t part[4];
	unsigned int n = 0;

	*ret_0x = end - s > 2 && s[0] == '0' && s[1] == 'x';
	while (n < 4) {
		const char *next = hex_at(s, end, &part[n]);

		if (!next)
			return false;
		n++;
		s = next;
		if (s < end && (*s == ':' || (*s == '.' && n >= 2)))
			s++;
		else
			break;
	}
	if (s >= end || *s != ']' || n < 3)
		return false;
	*ret_segment = n == 4;
	if (n == 4) {
		m->segment = (uint16_t)part[0];
		memmove(part, part + 1, 3 * sizeof(part[0]));
	}
	if (part[0] > 0xff || part[1] > 0x1f || part[2] > 7)
		return false;
	m->sid = (uint16_t)(part[0] << 8 | part[1] << 3 | part[2]);
	return true;
}

/* The reason number: "0x.." hexadecimal, else decimal unless the text says it is hex. */
static unsigned int parse_reason(const char *s, const char *end, const char *text, size_t text_len)
{
	uint64_t hex;
	unsigned long dec;
	char *stop;

	s = skip_spaces(s, end);
	if (end - s > 2 && s[0] == '0' && s[1] == 'x') {
		hex_at(s, end, &hex);
		return (unsigned int)(hex & 0xff);
	}
	dec = strtoul(s, &stop, 10);
	if (!hex_at(s, end, &hex))
		return (unsigned int)(dec & 0xff);
	if (text_len && dec != hex) {
		const char *as_dec = iommu_vtd_fault_reason_kernel_text((unsigned int)(dec & 0xff));
		const char *as_hex = iommu_vtd_fault_reason_kernel_text((unsigned int)(hex & 0xff));

		if (strlen(as_hex) == text_len && memcmp(as_hex, text, text_len) == 0 &&
		    !(strlen(as_dec) == text_len && memcmp(as_dec, text, text_len) == 0))
			return (unsigned int)(hex & 0xff);
	}
	return (unsigned int)(dec & 0xff);
}

static const char *line_end(const char *s)
{
	const char *nl = strchr(s, '\n');

	return nl ? nl : s + strlen(s);
}

/* "[fault reason NN] TEXT" in [s, end): fills reason and text; false when absent. */
static bool reason_part(const char *s, const char *end, struct iommu_fault_msg *m)
{
	const char *at = memmem(s, (size_t)(end - s), "[fault reason ", 14), *close, *text;
	size_t len;

	if (!at)
		return false;
	at += 14;
	close = memchr(at, ']', (size_t)(end - at));
	if (!close)
		return false;
	text = skip_spaces(close + 1, end);
	len = (size_t)(end - text);
	while (len && isspace((unsigned char)text[len - 1]))
		len--;
	m->reason = parse_reason(at, close, text, len);
	if (len) {
		m->text = strndup(text, len);
		if (!m->text)
			return false;
	}
	return true;
}

IOMMU_EXPORT int iommu_fault_msg_parse(const char *text, struct iommu_fault_msg **ret_msg,
				       size_t *ret_used)
{
	const char *end = line_end(text), *req, *tag, *p, *after;
	struct iommu_fault_msg *m;
	bool zero_x = false, pasid_after = false, tagged = false, two_lines = false, seg = false;
	uint64_t v;

	req = memmem(text, (size_t)(end - text), "Request device [", 16);
	if (!req)
		return -ENOMSG;
	m = calloc(1, sizeof(*m));
	if (!m)
		return -ENOMEM;
	m->pasid = IOMMU_NO_PASID;
	/* The tag: the last '[' before "Request device". */
	for (tag = req; tag > text && tag[-1] != '['; tag--)
		;
	if (tag > text) {
		const char *close = memchr(tag, ']', (size_t)(req - tag));
		size_t len = close ? (size_t)(close - tag) : 0;

		if (len >= 10 && memcmp(tag, "INTR-REMAP", 10) == 0) {
			m->interrupt = true;
		} else if (len >= 8 && memcmp(tag, "DMA Read", 8) == 0) {
			m->write = false;
		} else if (len >= 9 && memcmp(tag, "DMA Write", 9) == 0) {
			m->write = true;
		} else {
			goto fail;
		}
		p = memmem(tag, len, "PASID ", 6);
		if (memmem(tag, len, "NO_PASID", 8)) {
			tagged = true;
		} else if (p && p - tag < (ptrdiff_t)len && hex_at(p + 6, close, &v)) {
			tagged = true;
			m->pasid = (uint32_t)v;
		}
	} else if (memmem(text, (size_t)(req - text), "INTR-REMAP", 10)) {
		m->interrupt = true;
	} else {
		goto fail;
	}
	p = req + 16;
	if (p < end && *p == '[')	/* the oldest interrupt format doubled the bracket */
		p++;
	after = memchr(p, ']', (size_t)(end - p));
	if (!after || !parse_device(p, after + 1, m, &zero_x, &seg))
		goto fail;
	p = skip_spaces(after + 1, end);
	if (end - p > 6 && memcmp(p, "PASID ", 6) == 0) {
		p = hex_at(p + 6, end, &v);
		if (!p)
			goto fail;
		pasid_after = true;
		m->pasid = v == 0xffffffff ? IOMMU_NO_PASID : (uint32_t)v;
		p = skip_spaces(p, end);
	}
	if (end - p > 11 && memcmp(p, m->interrupt ? "fault index" : "fault addr ", 11) == 0)
		p = hex_at(skip_spaces(p + 11, end), end, &m->addr);
	else
		p = NULL;
	if (!p)
		goto fail;
	if (!reason_part(p, end, m)) {
		/* The two-line format: the reason follows on the next line. */
		const char *next = *end ? end + 1 : end, *next_end = line_end(next);

		if (!*end || !reason_part(next, next_end, m))
			goto fail;
		two_lines = true;
		end = next_end;
	}
	m->format = two_lines ? "two lines, decimal reason"
		    : pasid_after ? "PASID after the device, decimal reason"
		    : seg ? "with PCI segment"
		    : zero_x ? "0x-prefixed device"
		    : tagged ? "NO_PASID/PASID tag"
		    : memmem(text, (size_t)(end - text), "fault reason 0x", 15) ? "hexadecimal reason"
									: "one line, decimal reason";
	*ret_msg = m;
	if (ret_used)
		*ret_used = (size_t)(end - text) + (*end ? 1 : 0);
	return 0;
fail:
	iommu_fault_msg_unref(m);
	return -ENOMSG;
}

IOMMU_EXPORT struct iommu_fault_msg *iommu_fault_msg_unref(struct iommu_fault_msg *msg)
{
	if (msg) {
		free(msg->text);
		free(msg);
	}
	return NULL;
}

IOMMU_EXPORT bool iommu_fault_msg_is_interrupt(const struct iommu_fault_msg *msg)
{
	return msg->interrupt;
}

IOMMU_EXPORT bool iommu_fault_msg_is_write(const struct iommu_fault_msg *msg)
{
	return msg->write;
}

IOMMU_EXPORT uint16_t iommu_fault_msg_get_segment(const struct iommu_fault_msg *msg)
{
	return msg->segment;
}

IOMMU_EXPORT uint16_t iommu_fault_msg_get_sid(const struct iommu_fault_msg *msg)
{
	return msg->sid;
}

IOMMU_EXPORT uint32_t iommu_fault_msg_get_pasid(const struct iommu_fault_msg *msg)
{
	return msg->pasid;
}

IOMMU_EXPORT uint64_t iommu_fault_msg_get_addr(const struct iommu_fault_msg *msg)
{
	return msg->addr;
}

IOMMU_EXPORT unsigned int iommu_fault_msg_get_reason(const struct iommu_fault_msg *msg)
{
	return msg->reason;
}

IOMMU_EXPORT const char *iommu_fault_msg_get_text(const struct iommu_fault_msg *msg)
{
	return msg->text;
}

IOMMU_EXPORT const char *iommu_fault_msg_get_format(const struct iommu_fault_msg *msg)
{
	return msg->format;
}
