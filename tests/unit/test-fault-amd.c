// SPDX-License-Identifier: MIT
/*
 * AMD-Vi events: the event codes of AMD IOMMU 48882 §2.5, event log entries
 * decoded field by field (words built here from the specification's layout),
 * and every format Linux has logged them in (iommu_print_event and
 * amd_iommu_report_page_fault across releases, filled in by hand); every
 * prefix of a line is parsed without reading past it.
 */
#include <errno.h>

#include "libiommu.h"
#include "unit.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define NOP IOMMU_NO_PASID

/* 48882 §2.5.2: the event codes and the names Linux prints for them. */
static const struct {
	unsigned int code;
	const char *name;
} codes[] = {
	{ 0x1, "ILLEGAL_DEV_TABLE_ENTRY" }, { 0x2, "IO_PAGE_FAULT" },
	{ 0x3, "DEV_TAB_HARDWARE_ERROR" },  { 0x4, "PAGE_TAB_HARDWARE_ERROR" },
	{ 0x5, "ILLEGAL_COMMAND_ERROR" },   { 0x6, "COMMAND_HARDWARE_ERROR" },
	{ 0x7, "IOTLB_INV_TIMEOUT" },	    { 0x8, "INVALID_DEVICE_REQUEST" },
	{ 0x9, "INVALID_PPR_REQUEST" },	    { 0xa, "EVENT_COUNTER_ZERO" },
	{ 0xd, "RMP_PAGE_FAULT" },	    { 0xe, "RMP_HW_ERROR" },
};

static void test_codes(void)
{
	for (unsigned int code = 0; code < 16; code++) {
		const char *want = NULL;

		for (size_t i = 0; i < N(codes); i++)
			if (codes[i].code == code)
				want = codes[i].name;
		if (want)
			CHECK_STR(iommu_fault_code_name(IOMMU_VENDOR_AMD, code), want);
		else
			CHECK(iommu_fault_code_name(IOMMU_VENDOR_AMD, code) == NULL);
	}
}

/*
 * IO_PAGE_FAULT's entry (48882 §2.5, IO_PAGE_FAULT Event): DeviceID in bits 15:0 and PASID[19:16]
 * in 19:16; DomainID or PASID[15:0] in 47:32, the flags in 59:48, the code in
 * 63:60; the address in the second word.
 */
static void entry(uint64_t w[2], unsigned int code, uint16_t devid, uint32_t tag, unsigned int flags,
		  uint64_t addr)
{
	w[0] = devid | (uint64_t)(tag >> 16 & 0xf) << 16 | (uint64_t)(tag & 0xffff) << 32 |
	       (uint64_t)(flags & 0xfff) << 48 | (uint64_t)code << 60;
	w[1] = addr;
}

static void test_records(void)
{
	struct iommu_fault *ev;
	uint64_t w[2];

	/* Every flag, alone: the access, the names, and GN's PASID instead of a domain. */
	static const struct {
		unsigned int flag;
		const char *name;
	} flags[] = { { IOMMU_AMDVI_FLAG_GN, "GN" }, { IOMMU_AMDVI_FLAG_NX, "NX" },
		      { IOMMU_AMDVI_FLAG_US, "US" }, { IOMMU_AMDVI_FLAG_I, "I" },
		      { IOMMU_AMDVI_FLAG_PR, "PR" }, { IOMMU_AMDVI_FLAG_RW, "RW" },
		      { IOMMU_AMDVI_FLAG_PE, "PE" }, { IOMMU_AMDVI_FLAG_RZ, "RZ" },
		      { IOMMU_AMDVI_FLAG_TR, "TR" } };

	for (size_t i = 0; i < N(flags); i++) {
		entry(w, IOMMU_AMDVI_IO_PAGE_FAULT, 0x0420, 0x9abcd, flags[i].flag, 0xfffffffdf8001000ULL);
		CHECK(iommu_fault_new_record(IOMMU_VENDOR_AMD, w, 2, &ev) == 0);
		CHECK_EQ(iommu_fault_get_code(ev), IOMMU_AMDVI_IO_PAGE_FAULT);
		CHECK_STR(iommu_fault_get_name(ev), "IO_PAGE_FAULT");
		CHECK_EQ(iommu_fault_get_source_id(ev), 0x0420);
		CHECK_EQ(iommu_fault_get_flags(ev), flags[i].flag);
		CHECK_STR(iommu_fault_get_flag_names(ev), flags[i].name);
		CHECK_EQ(iommu_fault_get_address(ev), 0xfffffffdf8001000ULL);
		if (flags[i].flag == IOMMU_AMDVI_FLAG_GN) {
			CHECK_EQ(iommu_fault_get_pasid(ev), 0x9abcd);
			CHECK_EQ(iommu_fault_get_domain(ev), -1);
		} else {
			CHECK_EQ(iommu_fault_get_pasid(ev), NOP);
			CHECK_EQ(iommu_fault_get_domain(ev), 0xabcd);
		}
		CHECK(memcmp(iommu_fault_get_record(ev, NULL), w, sizeof(w)) == 0);
		CHECK(iommu_fault_get_format(ev) == NULL);
		iommu_fault_unref(ev);
	}
	entry(w, IOMMU_AMDVI_IO_PAGE_FAULT, 0x20, 5,
	      IOMMU_AMDVI_FLAG_PR | IOMMU_AMDVI_FLAG_RW | IOMMU_AMDVI_FLAG_PE, 0x10000000);
	CHECK(iommu_fault_new_record(IOMMU_VENDOR_AMD, w, 2, &ev) == 0);
	CHECK_STR(iommu_fault_get_flag_names(ev), "PR RW PE");
	iommu_fault_unref(ev);

	/* A code the specification does not define keeps its words. */
	entry(w, 0xb, 0x20, 0, 0, 0x1000);
	CHECK(iommu_fault_new_record(IOMMU_VENDOR_AMD, w, 2, &ev) == 0);
	CHECK(iommu_fault_get_name(ev) == NULL);
	CHECK_EQ(iommu_fault_get_record(ev, NULL)[1], 0x1000);
	iommu_fault_unref(ev);
}

struct logged {
	const char *text;
	unsigned int code;
	bool has_device;
	uint16_t segment, devid;
	int domain;
	uint32_t pasid;
	uint64_t address;
	int flags;			/* -1: the line has none */
	const char *client, *format;
};

static const struct logged logged[] = {
	{ "[    4.120000] AMD IOMMU: Event logged [IO_PAGE_FAULT device=00:14.0 domain=0x0000 address=0x0000000000000000 flags=0x0000]\n",
	  0x2, true, 0, 0x00a0, 0, NOP, 0, 0, NULL, "AMD IOMMU: prefix (2.6.2x)" },
	{ "AMD-Vi: Event logged [IO_PAGE_FAULT device=0a:00.0 domain=0x001d address=0x000000000637c000 flags=0x0000]\n",
	  0x2, true, 0, 0x0a00, 0x1d, NOP, 0x637c000, 0, NULL, "device=BB:DD.F" },
	{ "[   21.7] amdgpu 0000:04:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0000 address=0x10b4c0000 flags=0x0070]\n",
	  0x2, true, 0, 0x0400, 0, NOP, 0x10b4c0000, 0x70, "0000:04:00.0", "device named before AMD-Vi: (5.0+)" },
	{ "AMD-Vi: Event logged [IO_PAGE_FAULT device=0001:41:00.0 domain=0x0003 address=0x2000 flags=0x0055]\n",
	  0x2, true, 1, 0x4100, -1, 3, 0x2000, 0x55, NULL, "device=SSSS:BB:DD.F (5.19+)" },
	{ "AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0003 address=0x2000 flags=0x0020]\n",
	  0x2, false, 0, 0, 3, NOP, 0x2000, 0x20, NULL, "no device" },
	{ "AMD-Vi: Event logged [ILLEGAL_DEV_TABLE_ENTRY device=0000:00:06.0 pasid=0x12345 address=0xfffffffdf8000000 flags=0x0a00]\n",
	  0x1, true, 0, 0x0030, -1, 0x12345, 0xfffffffdf8000000ULL, 0xa00, NULL, "device=SSSS:BB:DD.F (5.19+)" },
	{ "AMD-Vi: Event logged [DEV_TAB_HARDWARE_ERROR device=0000:00:06.0 address=0xfd200000 flags=0x0000]\n",
	  0x3, true, 0, 0x0030, -1, NOP, 0xfd200000, 0, NULL, "device=SSSS:BB:DD.F (5.19+)" },
	{ "AMD-Vi: Event logged [ILLEGAL_COMMAND_ERROR address=0x4002000]\n",
	  0x5, false, 0, 0, -1, NOP, 0x4002000, -1, NULL, "no device" },
	{ "AMD-Vi: Event logged [IOTLB_INV_TIMEOUT device=0000:03:00.0 address=0x4003000]\n",
	  0x7, true, 0, 0x0300, -1, NOP, 0x4003000, -1, NULL, "device=SSSS:BB:DD.F (5.19+)" },
	{ "AMD-Vi: Event logged [INVALID_DEVICE_REQUEST device=0000:03:00.0 pasid=0x00002 address=0x1000 flags=0x0001]\n",
	  0x8, true, 0, 0x0300, -1, 2, 0x1000, 0x1, NULL, "device=SSSS:BB:DD.F (5.19+)" },
	/* UNKNOWN: the entry's four dwords. */
	{ "AMD-Vi: Event logged [UNKNOWN event[0]=0x00000020 event[1]=0x20700005 event[2]=0x10000000 event[3]=0x00000000]\n",
	  0x2, true, 0, 0x0020, 5, NOP, 0x10000000, 0x070, NULL, "UNKNOWN with the entry's words" },
};

static void test_logged(void)
{
	for (size_t i = 0; i < N(logged); i++) {
		const struct logged *l = &logged[i];
		struct iommu_fault *ev = NULL;
		size_t used = 0;

		CHECK(iommu_fault_parse(l->text, strlen(l->text), &ev, &used) == 0);
		if (!ev) {
			fprintf(stderr, "line %zu not parsed\n", i);
			continue;
		}
		CHECK_EQ(iommu_fault_get_code(ev), l->code);
		CHECK_EQ(iommu_fault_has(ev, IOMMU_FAULT_REQUESTER), l->has_device);
		CHECK_EQ(iommu_fault_get_segment(ev), l->segment);
		CHECK_EQ(iommu_fault_get_source_id(ev), l->devid);
		CHECK_EQ(iommu_fault_get_domain(ev), l->domain);
		CHECK_EQ(iommu_fault_get_pasid(ev), l->pasid);
		CHECK_EQ(iommu_fault_get_address(ev), l->address);
		CHECK_EQ(iommu_fault_has(ev, IOMMU_FAULT_FLAGS), l->flags >= 0);
		if (l->flags >= 0)
			CHECK_EQ(iommu_fault_get_flags(ev), l->flags);
		if (l->client)
			CHECK_STR(iommu_fault_get_client(ev), l->client);
		else
			CHECK(iommu_fault_get_client(ev) == NULL);
		CHECK_STR(iommu_fault_get_format(ev), l->format);
		CHECK_EQ(used, strlen(l->text));
		iommu_fault_unref(ev);
	}
}

static void test_not_events(void)
{
	static const char *const texts[] = {
		"",
		"AMD-Vi: Found IOMMU at 0000:00:00.2 cap 0x40\n",
		"AMD-Vi: Event logged [NOT_AN_EVENT device=0000:00:04.0]\n",
		"AMD-Vi: Event logged IO_PAGE_FAULT\n",
		/* No AMD-Vi prefix before the brackets. */
		"Event logged [IO_PAGE_FAULT device=0000:00:04.0 domain=0x0005 address=0x1000 flags=0x0000] AMD-Vi: \n",
		/* UNKNOWN without its four words. */
		"AMD-Vi: Event logged [UNKNOWN event[0]=0x00000020 event[1]=0x20700005]\n",
	};

	for (size_t i = 0; i < N(texts); i++) {
		struct iommu_fault *ev = NULL;

		CHECK(iommu_fault_parse(texts[i], strlen(texts[i]), &ev, NULL) == -ENOMSG);
		CHECK(ev == NULL);
	}
}

/* Every prefix of every line, in a buffer of exactly its size: parsed or refused, never overread. */
static void test_prefixes(void)
{
	for (size_t i = 0; i < N(logged); i++) {
		size_t len = strlen(logged[i].text);

		for (size_t cut = 0; cut <= len; cut++) {
			char *text = malloc(cut + 1);
			struct iommu_fault *ev = NULL;
			size_t used = 0;
			int r;

			memcpy(text, logged[i].text, cut);
			text[cut] = 0;
			r = iommu_fault_parse(text, cut, &ev, &used);
			CHECK(r == 0 || r == -ENOMSG);
			CHECK(used <= cut);
			iommu_fault_unref(ev);
			free(text);
		}
	}
}

int main(void)
{
	test_codes();
	test_records();
	test_logged();
	test_not_events();
	test_prefixes();
	return unit_report("fault-amd");
}
