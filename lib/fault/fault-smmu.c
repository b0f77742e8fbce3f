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
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

#include "bits.h"
#include "unit/smmuv3.h"

struct event_desc {
	unsigned int id;
	const char *name;
	const char *meaning;
	const char *causes;
};

/* Arm IHI 0070 §7.3.2-§7.3.21: every architected event. */
static const struct event_desc events[] = {
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

static const struct event_desc *event_desc(unsigned int id)
{
	for (size_t i = 0; i < ARRAY_SIZE(events); i++)
		if (events[i].id == id)
			return &events[i];
	return NULL;
}

IOMMU_EXPORT const char *iommu_smmuv3_event_name(unsigned int id)
{
	const struct event_desc *d = event_desc(id);

	return d ? d->name : NULL;
}

IOMMU_EXPORT int iommu_smmuv3_event_id_at(size_t index)
{
	return index < ARRAY_SIZE(events) ? (int)events[index].id : -1;
}

/* Fields a record or a line can hold (iommu_smmuv3_event_has). */
enum { HAS_SID = 1, HAS_SSID = 2, HAS_IOVA = 4, HAS_IPA = 8, HAS_FETCH = 16, HAS_ACCESS = 32 };

struct iommu_smmuv3_event {
	uint64_t record[4];
	unsigned int has;
	const char *format;
	char *client;
};

IOMMU_EXPORT int iommu_smmuv3_event_new_record(const uint64_t record[4],
					       struct iommu_smmuv3_event **ret_event)
{
	struct iommu_smmuv3_event *ev = calloc(1, sizeof(*ev));
	unsigned int id = record[0] & 0xff;

	if (!ev)
		return -ENOMEM;
	memcpy(ev->record, record, sizeof(ev->record));
	ev->has = HAS_SID | HAS_SSID;
	if (id >= EVT_F_TRANSLATION && id <= EVT_F_PERMISSION)
		ev->has |= HAS_IOVA | HAS_IPA | HAS_ACCESS;
	else if (id == EVT_F_STE_FETCH || id == EVT_F_CD_FETCH || id == EVT_F_WALK_EABT ||
		 id == EVT_F_VMS_FETCH)
		ev->has |= HAS_FETCH | (id == EVT_F_WALK_EABT ? HAS_IOVA | HAS_ACCESS : 0);
	else if (id == EVT_F_UUT || id == EVT_F_BAD_ATS_TREQ || id == EVT_F_TRANSL_FORBIDDEN)
		ev->has |= HAS_IOVA | HAS_ACCESS;
	*ret_event = ev;
	return 0;
}

IOMMU_EXPORT struct iommu_smmuv3_event *iommu_smmuv3_event_unref(struct iommu_smmuv3_event *event)
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

/* "0x" and hexadecimal digits at S (before END); the end of them, or NULL. */
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

/* The value after "KEY" in [s, end) (a number), or false. */
static bool key_hex(const char *s, const char *end, const char *key, uint64_t *ret)
{
	const char *at = memmem(s, (size_t)(end - s), key, strlen(key));

	return at && hex_at(at + strlen(key), end, ret);
}

/* "event 0x10 received:" then four lines of "0x%016llx": the raw record. */
static bool parse_raw(const char *text, struct iommu_smmuv3_event *ev, size_t *used)
{
	const char *end = line_end(text), *at = memmem(text, (size_t)(end - text), "event 0x", 8);
	const char *p = end;
	uint64_t id;

	if (!at || !hex_at(at + 6, end, &id) || !memmem(at, (size_t)(end - at), " received:", 10))
		return false;
	for (int i = 0; i < 4; i++) {
		const char *line = *p ? p + 1 : p, *e = line_end(line), *w;
		uint64_t v;

		/* The word is the line's last token: "...: \t0x0000000000000010". */
		for (w = e; w > line && !isspace((unsigned char)w[-1]); w--)
			;
		if (!*p || e - w != 18 || !hex_at(w, e, &v))
			return false;
		ev->record[i] = v;
		p = e;
	}
	if ((ev->record[0] & 0xff) != id)
		return false;
	*used = (size_t)(p - text) + (*p ? 1 : 0);
	return true;
}

/* The decoded line (and the attributes line after it): "event: NAME client: DEV sid: ..." */
static bool parse_decoded(const char *text, struct iommu_smmuv3_event *ev, size_t *used)
{
	const char *end = line_end(text), *at = memmem(text, (size_t)(end - text), "event: ", 7);
	const char *name, *name_end, *client, *client_end, *next, *next_end;
	uint64_t v;
	int id = -1;

	if (!at || !memmem(at, (size_t)(end - at), " sid: ", 6))
		return false;
	name = at + 7;
	for (name_end = name; name_end < end && !isspace((unsigned char)*name_end); name_end++)
		;
	for (size_t i = 0; i < ARRAY_SIZE(events); i++)
		if (strlen(events[i].name) == (size_t)(name_end - name) &&
		    memcmp(events[i].name, name, (size_t)(name_end - name)) == 0)
			id = (int)events[i].id;
	if (id < 0 || !key_hex(at, end, " sid: ", &v))
		return false;
	memset(ev->record, 0, sizeof(ev->record));
	ev->record[0] = (uint64_t)id | v << 32;
	ev->has = HAS_SID;
	if (key_hex(at, end, " ssid: ", &v)) {
		/* The kernel prints IOMMU_NO_PASID (0) for a transaction without one. */
		ev->has |= HAS_SSID;
		if (v)
			ev->record[0] |= 1ULL << 11 | (v & 0xfffff) << 12;
	}
	if (key_hex(at, end, " iova: ", &v)) {
		ev->record[2] = v;
		ev->has |= HAS_IOVA;
	}
	if (key_hex(at, end, " ipa: ", &v)) {
		ev->record[3] = v & GENMASK(51, 12);
		ev->has |= HAS_IPA;
	}
	if (key_hex(at, end, " fetch_addr: ", &v)) {
		ev->record[3] = v & GENMASK(51, 3);
		ev->has |= HAS_FETCH;
	}
	client = memmem(at, (size_t)(end - at), " client: ", 9);
	if (client) {
		client += 9;
		client_end = memmem(client, (size_t)(end - client), " sid: ", 6);
		if (client_end && client_end > client) {
			free(ev->client);
			ev->client = strndup(client, (size_t)(client_end - client));
		}
	}
	*used = (size_t)(end - text) + (*end ? 1 : 0);
	/* The attributes line: "unpriv data read s1 "Input address caused fault" stag: 0x0". */
	next = *end ? end + 1 : end;
	next_end = line_end(next);
	if (*end && memmem(next, (size_t)(next_end - next), " stag: ", 7) &&
	    memmem(next, (size_t)(next_end - next), "priv ", 5)) {
		const char *c;

		ev->has |= HAS_ACCESS;
		if (!memmem(next, (size_t)(next_end - next), "unpriv ", 7))
			ev->record[1] |= 1ULL << 33;
		if (memmem(next, (size_t)(next_end - next), " inst ", 6))
			ev->record[1] |= 1ULL << 34;
		if (memmem(next, (size_t)(next_end - next), " read ", 6))
			ev->record[1] |= 1ULL << 35;
		if (memmem(next, (size_t)(next_end - next), " s2 ", 4))
			ev->record[1] |= 1ULL << 39;
		c = memchr(next, '"', (size_t)(next_end - next));
		if (c) {
			static const char *const classes[] = { "\"CD fetch\"",
							       "\"Stage 1 translation table fetch\"",
							       "\"Input address caused fault\"" };

			for (unsigned int k = 0; k < 3; k++)
				if ((size_t)(next_end - c) >= strlen(classes[k]) &&
				    memcmp(c, classes[k], strlen(classes[k])) == 0)
					ev->record[1] |= (uint64_t)k << 40;
		}
		if (memmem(next, (size_t)(next_end - next), " ttd_read", 9))
			ev->record[1] |= 1ULL << 44;
		if (memmem(next, (size_t)(next_end - next), " stall", 6))
			ev->record[1] |= 1ULL << 31;
		if (key_hex(next, next_end, " stag: ", &v))
			ev->record[1] |= v & 0xffff;
		*used = (size_t)(next_end - text) + (*next_end ? 1 : 0);
	}
	return true;
}

IOMMU_EXPORT int iommu_smmuv3_event_parse(const char *text, struct iommu_smmuv3_event **ret_event,
					  size_t *ret_used)
{
	struct iommu_smmuv3_event *ev = calloc(1, sizeof(*ev));
	size_t used = 0, more;
	int r;

	if (!ev)
		return -ENOMEM;
	if (parse_raw(text, ev, &used)) {
		struct iommu_smmuv3_event *rec;

		r = iommu_smmuv3_event_new_record(ev->record, &rec);
		if (r < 0) {
			free(ev);
			return r;
		}
		free(ev);
		ev = rec;
		ev->format = "raw record (event 0x.. received:)";
		/* Newer kernels follow the words with the decoded lines: take the client name. */
		struct iommu_smmuv3_event decoded = { 0 };

		if (parse_decoded(text + used, &decoded, &more) &&
		    (decoded.record[0] & 0xffffffff000000ffULL) == (ev->record[0] & 0xffffffff000000ffULL)) {
			ev->client = decoded.client;
			used += more;
			ev->format = "raw record and decoded lines (6.14+)";
		} else {
			free(decoded.client);
		}
	} else if (parse_decoded(text, ev, &used)) {
		ev->format = "decoded lines (6.14+)";
	} else {
		iommu_smmuv3_event_unref(ev);
		return -ENOMSG;
	}
	*ret_event = ev;
	if (ret_used)
		*ret_used = used;
	return 0;
}

/* ---- accessors ----------------------------------------------------------- */

IOMMU_EXPORT unsigned int iommu_smmuv3_event_get_id(const struct iommu_smmuv3_event *event)
{
	return event->record[0] & 0xff;
}

IOMMU_EXPORT const char *iommu_smmuv3_event_get_name(const struct iommu_smmuv3_event *event)
{
	return iommu_smmuv3_event_name(iommu_smmuv3_event_get_id(event));
}

IOMMU_EXPORT const char *iommu_smmuv3_event_get_meaning(const struct iommu_smmuv3_event *event)
{
	const struct event_desc *d = event_desc(iommu_smmuv3_event_get_id(event));

	return d ? d->meaning : "";
}

IOMMU_EXPORT const char *iommu_smmuv3_event_get_causes(const struct iommu_smmuv3_event *event)
{
	const struct event_desc *d = event_desc(iommu_smmuv3_event_get_id(event));

	return d ? d->causes : "";
}

IOMMU_EXPORT bool iommu_smmuv3_event_has(const struct iommu_smmuv3_event *event, const char *field)
{
	static const struct {
		const char *name;
		unsigned int bit;
	} fields[] = { { "sid", HAS_SID }, { "ssid", HAS_SSID }, { "iova", HAS_IOVA },
		       { "ipa", HAS_IPA }, { "fetch_addr", HAS_FETCH }, { "access", HAS_ACCESS } };

	for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
		if (strcmp(fields[i].name, field) == 0)
			return event->has & fields[i].bit;
	return false;
}

IOMMU_EXPORT uint32_t iommu_smmuv3_event_get_sid(const struct iommu_smmuv3_event *event)
{
	return (uint32_t)(event->record[0] >> 32);
}

IOMMU_EXPORT uint32_t iommu_smmuv3_event_get_ssid(const struct iommu_smmuv3_event *event)
{
	return event->record[0] >> 11 & 1 ? (uint32_t)(event->record[0] >> 12 & 0xfffff)
					  : IOMMU_NO_PASID;
}

IOMMU_EXPORT uint64_t iommu_smmuv3_event_get_iova(const struct iommu_smmuv3_event *event)
{
	return event->has & HAS_IOVA ? event->record[2] : 0;
}

IOMMU_EXPORT uint64_t iommu_smmuv3_event_get_ipa(const struct iommu_smmuv3_event *event)
{
	return event->has & HAS_IPA ? event->record[3] & GENMASK(51, 12) : 0;
}

IOMMU_EXPORT uint64_t iommu_smmuv3_event_get_fetch_addr(const struct iommu_smmuv3_event *event)
{
	return event->has & HAS_FETCH ? event->record[3] & GENMASK(55, 3) : 0;
}

/* IHI 0070 §7.3: RnW 1 is a read. */
IOMMU_EXPORT bool iommu_smmuv3_event_is_write(const struct iommu_smmuv3_event *event)
{
	return (event->has & HAS_ACCESS) && !(event->record[1] >> 35 & 1);
}

IOMMU_EXPORT bool iommu_smmuv3_event_is_privileged(const struct iommu_smmuv3_event *event)
{
	return event->record[1] >> 33 & 1;
}

IOMMU_EXPORT bool iommu_smmuv3_event_is_instruction(const struct iommu_smmuv3_event *event)
{
	return event->record[1] >> 34 & 1;
}

IOMMU_EXPORT bool iommu_smmuv3_event_is_stage2(const struct iommu_smmuv3_event *event)
{
	return event->record[1] >> 39 & 1;
}

IOMMU_EXPORT const char *iommu_smmuv3_event_get_class(const struct iommu_smmuv3_event *event)
{
	static const char *const names[] = { "CD fetch", "stage 1 table fetch", "input address",
					     "reserved" };
	unsigned int id = iommu_smmuv3_event_get_id(event);

	if (id < EVT_F_TRANSLATION || id > EVT_F_PERMISSION || !(event->has & HAS_ACCESS))
		return NULL;
	return names[event->record[1] >> 40 & 3];
}

IOMMU_EXPORT const uint64_t *iommu_smmuv3_event_get_record(const struct iommu_smmuv3_event *event)
{
	return event->record;
}

IOMMU_EXPORT const char *iommu_smmuv3_event_get_format(const struct iommu_smmuv3_event *event)
{
	return event->format;
}

IOMMU_EXPORT const char *iommu_smmuv3_event_get_client(const struct iommu_smmuv3_event *event)
{
	return event->client;
}
