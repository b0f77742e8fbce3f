// SPDX-License-Identifier: MIT
/*
 * SMMUv3 events: the event numbers of Arm IHI 0070 §7.3 with what they mean,
 * the 32-byte record decoded, and the record as arm-smmu-v3 has logged it
 * (drivers/iommu/arm/arm-smmu-v3/arm-smmu-v3.c):
 *
 *   every kernel:   arm-smmu-v3 arm-smmu-v3.0.auto: event 0x10 received:
 *                   arm-smmu-v3 arm-smmu-v3.0.auto: 	0x0000030000000010
 *                   ... (the record's four words, one a line)
 *   since 6.14:     arm-smmu-v3 arm-smmu-v3.0.auto: event: F_TRANSLATION client: 0000:03:00.0
 *                       sid: 0x300 ssid: 0x0 iova: 0x1000 ipa: 0x0
 *                   arm-smmu-v3 arm-smmu-v3.0.auto: unpriv data read s1 "Input address caused fault" stag: 0x0
 *                   (fetch faults end "fetch_addr: 0x...", the others after ssid)
 *
 * The decoded lines follow the raw words; either may come alone.
 */
#include <errno.h>
#include <stdlib.h>

#include "bits.h"
#include "fault/fault.h"
#include "text.h"
#include "unit/smmuv3.h"

/* Arm IHI 0070 §7.3.2-§7.3.21: every architected event. */
static const struct fault_code events[] = {
	{ EVT_F_UUT, "F_UUT", "unsupported upstream transaction: the client sent a transaction type the SMMU does not handle",
	  "a device or interconnect issuing atomics, cache maintenance or other types the SMMU refuses" },
	{ EVT_C_BAD_STREAMID, "C_BAD_STREAMID", "the StreamID is beyond the stream table, or its level 1 descriptor has no level 2 table (Span 0)",
	  "a device the kernel never attached (no STE set up), a StreamID the firmware's IORT maps wrongly" },
	{ EVT_F_STE_FETCH, "F_STE_FETCH", "an external abort fetching the stream table entry",
	  "a stream table in memory the SMMU cannot reach" },
	{ EVT_C_BAD_STE, "C_BAD_STE", "the stream table entry is not valid, or its configuration is illegal",
	  "a device detached (the kernel clears the STE), a StreamID without a driver, an STE the kernel is rewriting" },
	{ EVT_F_BAD_ATS_TREQ, "F_BAD_ATS_TREQ", "an ATS translation request the STE does not allow",
	  "ATS enabled in the device but not in the STE (EATS)" },
	{ EVT_F_STREAM_DISABLED, "F_STREAM_DISABLED", "a transaction without SubstreamID where the STE terminates those (S1DSS), or with SubstreamID 0 where it is reserved",
	  "a device sending DMA without PASID after the kernel set it up for PASIDs only" },
	{ EVT_F_TRANSL_FORBIDDEN, "F_TRANSL_FORBIDDEN", "an ATS-translated transaction the STE does not allow",
	  "a device using translations from its ATC with ATS disabled in the STE" },
	{ EVT_C_BAD_SUBSTREAMID, "C_BAD_SUBSTREAMID", "the SubstreamID is beyond the STE's context descriptors, substreams are disabled, or its level 1 CD is not valid",
	  "a device using a PASID the kernel has not bound (or has unbound)" },
	{ EVT_F_CD_FETCH, "F_CD_FETCH", "an external abort fetching the context descriptor",
	  "a CD table in memory the SMMU cannot reach" },
	{ EVT_C_BAD_CD, "C_BAD_CD", "the context descriptor is not valid, or its configuration is illegal",
	  "a PASID whose address space was torn down, a CD the kernel is rewriting" },
	{ EVT_F_WALK_EABT, "F_WALK_EABT", "an external abort reading a translation table entry",
	  "page tables in memory the SMMU cannot reach, a corrupted table pointer" },
	{ EVT_F_TRANSLATION, "F_TRANSLATION", "no valid translation: a descriptor is invalid, or the address is outside the tables' range",
	  "DMA to an address the driver never mapped or already unmapped (use after unmap), a device with stale addresses after a reset" },
	{ EVT_F_ADDR_SIZE, "F_ADDR_SIZE", "an address beyond the configured size: the input beyond the IAS, or a descriptor's output beyond IPS/S2PS",
	  "page tables holding an address the configured output size cannot reach" },
	{ EVT_F_ACCESS, "F_ACCESS", "the descriptor's Access flag is clear, with access flag faults enabled",
	  "a mapping whose AF bit was never set, on an SMMU without hardware access flag updates" },
	{ EVT_F_PERMISSION, "F_PERMISSION", "the descriptors do not permit the access (read, write, privilege, or an instruction fetch)",
	  "a device writing a buffer mapped read-only (DMA_TO_DEVICE), privileged access to user pages" },
	{ EVT_F_TLB_CONFLICT, "F_TLB_CONFLICT", "a TLB conflict: several cached translations match",
	  "page tables changed without break-before-make" },
	{ EVT_F_CFG_CONFLICT, "F_CFG_CONFLICT", "a configuration cache conflict", "STEs or CDs changed without invalidation" },
	{ EVT_E_PAGE_REQUEST, "E_PAGE_REQUEST", "a speculative page request (PRI-like)", "" },
	{ EVT_F_VMS_FETCH, "F_VMS_FETCH", "an external abort fetching a VM structure", "" },
};

/* What a record with each event number holds (IHI 0070 §7.3.2-§7.3.21). */
static unsigned int smmuv3_fields(const uint64_t *record)
{
	unsigned int id = record[0] & 0xff, has = FAULT_HAS(IOMMU_FAULT_REQUESTER);

	if (id >= EVT_F_TRANSLATION && id <= EVT_F_PERMISSION)
		has |= FAULT_HAS(IOMMU_FAULT_ADDRESS) | FAULT_HAS(IOMMU_FAULT_IPA) |
		       FAULT_HAS(IOMMU_FAULT_ACCESS);
	else if (id == EVT_F_STE_FETCH || id == EVT_F_CD_FETCH || id == EVT_F_VMS_FETCH)
		has |= FAULT_HAS(IOMMU_FAULT_FETCH_ADDRESS);
	else if (id == EVT_F_WALK_EABT)
		has |= FAULT_HAS(IOMMU_FAULT_FETCH_ADDRESS) | FAULT_HAS(IOMMU_FAULT_ADDRESS) |
		       FAULT_HAS(IOMMU_FAULT_ACCESS);
	else if (id == EVT_F_UUT || id == EVT_F_BAD_ATS_TREQ || id == EVT_F_TRANSL_FORBIDDEN)
		has |= FAULT_HAS(IOMMU_FAULT_ADDRESS) | FAULT_HAS(IOMMU_FAULT_ACCESS);
	return has;
}

static unsigned int smmuv3_record_of_code(uint64_t *record, unsigned int code)
{
	record[0] = code & 0xff;
	return 0;
}

/* IHI 0070 §7.3: SSV and SubstreamID in word 0; PnU, InD, RnW, S2 and CLASS in word 1. */
static void smmuv3_decode(struct iommu_fault *f)
{
	static const char *const classes[] = { "CD fetch", "stage 1 table fetch", "input address",
					       "reserved" };
	const uint64_t *r = f->record;

	f->code = r[0] & 0xff;
	if (f->has & FAULT_HAS(IOMMU_FAULT_REQUESTER))
		f->source_id = (uint32_t)(r[0] >> 32);
	if (r[0] >> 11 & 1)
		f->pasid = (uint32_t)(r[0] >> 12 & 0xfffff);
	if (f->has & FAULT_HAS(IOMMU_FAULT_ADDRESS))
		f->address = r[2];
	if (f->has & FAULT_HAS(IOMMU_FAULT_IPA))
		f->ipa = r[3] & GENMASK(51, 12);
	if (f->has & FAULT_HAS(IOMMU_FAULT_FETCH_ADDRESS))
		f->fetch_address = r[3] & GENMASK(55, 3);
	if (f->has & FAULT_HAS(IOMMU_FAULT_ACCESS)) {
		f->access = r[1] >> 35 & 1 ? IOMMU_ACCESS_READ : IOMMU_ACCESS_WRITE;
		f->privileged = r[1] >> 33 & 1;
		f->exec = r[1] >> 34 & 1;
		f->stage2 = r[1] >> 39 & 1;
		if (f->code >= EVT_F_TRANSLATION && f->code <= EVT_F_PERMISSION)
			f->class = classes[r[1] >> 40 & 3];
	}
}

/* ---- kernel lines -------------------------------------------------------- */

/* "event 0x10 received:" then four lines of "0x%016llx": the raw record; what follows it, or NULL. */
static const char *parse_raw(const char *text, const char *end, struct iommu_fault *f)
{
	const char *eol = text_line_end(text, end), *at = text_find(text, eol, "event 0x"), *p;
	uint64_t id;

	if (!at || !text_hex(at + 6, eol, &id) || !text_find(at, eol, " received:"))
		return NULL;
	p = text_next_line(text, end);
	for (int i = 0; i < 4; i++) {
		const char *e = text_line_end(p, end), *w;

		/* The word is the line's last token: "...: \t0x0000000000000010". */
		for (w = e; w > p && w[-1] != ' ' && w[-1] != '\t'; w--)
			;
		if (p == end || e - w != 18 || !text_whole_hex(w, e, &f->record[i]))
			return NULL;
		p = text_next_line(p, end);
	}
	if ((f->record[0] & 0xff) != id)
		return NULL;
	f->has = smmuv3_fields(f->record);
	return p;
}

/* The attributes line: "unpriv data read s1 "Input address caused fault" stag: 0x0". */
static bool parse_attributes(const char *s, const char *end, struct iommu_fault *f)
{
	static const char *const classes[] = { "\"CD fetch\"", "\"Stage 1 translation table fetch\"",
					       "\"Input address caused fault\"" };
	const char *quote;
	uint64_t v;

	if (!text_find(s, end, " stag: ") || !text_find(s, end, "priv "))
		return false;
	f->has |= FAULT_HAS(IOMMU_FAULT_ACCESS);
	if (!text_find(s, end, "unpriv "))
		f->record[1] |= BIT(33);
	if (text_find(s, end, " inst "))
		f->record[1] |= BIT(34);
	if (text_find(s, end, " read "))
		f->record[1] |= BIT(35);
	if (text_find(s, end, " s2 "))
		f->record[1] |= BIT(39);
	quote = memchr(s, '"', (size_t)(end - s));
	for (unsigned int k = 0; quote && k < ARRAY_SIZE(classes); k++)
		if (text_starts(quote, end, classes[k]))
			f->record[1] |= (uint64_t)k << 40;
	if (text_find(s, end, " ttd_read"))
		f->record[1] |= BIT(44);
	if (text_find(s, end, " stall"))
		f->record[1] |= BIT(31);
	if (text_field_hex(s, end, "stag:", &v))
		f->record[1] |= v & 0xffff;
	return true;
}

/* The decoded line (and the attributes line after it): "event: NAME client: DEV sid: ..."; what follows, or NULL. */
static const char *parse_decoded(const char *text, const char *end, struct iommu_fault *f,
				 int *ret_error)
{
	const char *eol = text_line_end(text, end), *at = text_find(text, eol, "event: ");
	const char *name, *name_end, *client, *client_end, *next;
	uint64_t v;
	int id;

	if (!at || !text_find(at, eol, " sid: "))
		return NULL;
	name = at + 7;
	for (name_end = name; name_end < eol && *name_end != ' ' && *name_end != '\t'; name_end++)
		;
	id = fault_code_by_name(&fault_smmuv3, name, (size_t)(name_end - name));
	if (id < 0 || !text_field_hex(at, eol, "sid:", &v))
		return NULL;
	memset(f->record, 0, sizeof(f->record));
	f->record[0] = (uint64_t)id | v << 32;
	f->has = FAULT_HAS(IOMMU_FAULT_REQUESTER);
	/* The kernel prints IOMMU_NO_PASID (0) for a transaction without one. */
	if (text_field_hex(at, eol, "ssid:", &v) && v)
		f->record[0] |= BIT(11) | (v & 0xfffff) << 12;
	if (text_field_hex(at, eol, "iova:", &v)) {
		f->record[2] = v;
		f->has |= FAULT_HAS(IOMMU_FAULT_ADDRESS);
	}
	if (text_field_hex(at, eol, "ipa:", &v)) {
		f->record[3] = v & GENMASK(51, 12);
		f->has |= FAULT_HAS(IOMMU_FAULT_IPA);
	}
	if (text_field_hex(at, eol, "fetch_addr:", &v)) {
		f->record[3] = v & GENMASK(51, 3);
		f->has |= FAULT_HAS(IOMMU_FAULT_FETCH_ADDRESS);
	}
	client = text_find(at, eol, " client: ");
	client_end = client ? text_find(client + 9, eol, " sid: ") : NULL;
	if (client_end && client_end > client + 9) {
		free(f->client);
		f->client = strndup(client + 9, (size_t)(client_end - client - 9));
		if (!f->client) {
			*ret_error = -ENOMEM;
			return NULL;
		}
	}
	next = text_next_line(text, end);
	if (next < end && parse_attributes(next, text_line_end(next, end), f))
		next = text_next_line(next, end);
	return next;
}

static const char *smmuv3_parse(const char *text, const char *end, struct iommu_fault *f,
				int *ret_error)
{
	struct iommu_fault decoded = { 0 };
	const char *next = parse_raw(text, end, f), *after;

	if (!next) {
		next = parse_decoded(text, end, f, ret_error);
		f->format = "decoded lines (6.14+)";
		return next;
	}
	f->format = "raw record (event 0x.. received:)";
	/* Newer kernels follow the words with the decoded lines: take the client name. */
	after = next < end ? parse_decoded(next, end, &decoded, ret_error) : NULL;
	if (after && (decoded.record[0] & 0xffffffff000000ffULL) ==
			     (f->record[0] & 0xffffffff000000ffULL)) {
		f->client = decoded.client;
		f->format = "raw record and decoded lines (6.14+)";
		return after;
	}
	free(decoded.client);
	return *ret_error ? NULL : next;
}

const struct fault_vendor fault_smmuv3 = {
	.vendor = IOMMU_VENDOR_ARM,
	.words = 4,
	.codes = events,
	.ncodes = ARRAY_SIZE(events),
	.record_of_code = smmuv3_record_of_code,
	.fields = smmuv3_fields,
	.decode = smmuv3_decode,
	.parse = smmuv3_parse,
};
