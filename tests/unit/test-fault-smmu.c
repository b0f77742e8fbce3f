// SPDX-License-Identifier: MIT
/*
 * SMMUv3 events: the event numbers of Arm IHI 0070 §7.3, records decoded
 * field by field (words built here from the specification's layout), and
 * the two formats arm-smmu-v3 has logged them in (the raw record, and the
 * decoded lines since Linux 6.14), including log lines as posted from real
 * machines; every prefix of a message is parsed without reading past it.
 */
#include <errno.h>

#include "libiommu.h"
#include "unit.h"

/* IHI 0070 §7.3 Table 7-2: the numbers and names the specification defines. */
static const struct {
	unsigned int id;
	const char *name;
} architected[] = {
	{ 0x01, "F_UUT" },		{ 0x02, "C_BAD_STREAMID" },	{ 0x03, "F_STE_FETCH" },
	{ 0x04, "C_BAD_STE" },		{ 0x05, "F_BAD_ATS_TREQ" },	{ 0x06, "F_STREAM_DISABLED" },
	{ 0x07, "F_TRANSL_FORBIDDEN" }, { 0x08, "C_BAD_SUBSTREAMID" },	{ 0x09, "F_CD_FETCH" },
	{ 0x0a, "C_BAD_CD" },		{ 0x0b, "F_WALK_EABT" },	{ 0x10, "F_TRANSLATION" },
	{ 0x11, "F_ADDR_SIZE" },	{ 0x12, "F_ACCESS" },		{ 0x13, "F_PERMISSION" },
	{ 0x20, "F_TLB_CONFLICT" },	{ 0x21, "F_CFG_CONFLICT" },	{ 0x24, "E_PAGE_REQUEST" },
	{ 0x25, "F_VMS_FETCH" },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void test_catalogue(void)
{
	size_t known = 0;

	for (size_t i = 0; i < N(architected); i++)
		CHECK_STR(iommu_fault_code_name(IOMMU_VENDOR_ARM, architected[i].id), architected[i].name);
	for (size_t i = 0; iommu_fault_code_at(IOMMU_VENDOR_ARM, i) >= 0; i++) {
		unsigned int id = (unsigned int)iommu_fault_code_at(IOMMU_VENDOR_ARM, i);
		uint64_t rec[4] = { id };
		struct iommu_fault *ev;

		known++;
		CHECK(iommu_fault_new_record(IOMMU_VENDOR_ARM, rec, 4, &ev) == 0);
		CHECK(*iommu_fault_get_meaning(ev) != 0);
		iommu_fault_unref(ev);
	}
	CHECK_EQ(known, N(architected));
	for (unsigned int id = 0; id < 256; id++) {
		bool listed = false;

		for (size_t i = 0; i < N(architected); i++)
			listed |= architected[i].id == id;
		if (!listed)
			CHECK(iommu_fault_code_name(IOMMU_VENDOR_ARM, id) == NULL);
	}
}

/* Record words from the fields of IHI 0070 §7.3.12-§7.3.15 (F_TRANSLATION's layout). */
static void fault_record(uint64_t rec[4], unsigned int id, uint32_t sid, uint32_t ssid, bool read,
			 bool priv, bool inst, bool s2, unsigned int class, uint64_t iova, uint64_t ipa)
{
	rec[0] = id | (uint64_t)sid << 32;
	if (ssid != IOMMU_NO_PASID)
		rec[0] |= 1ULL << 11 | (uint64_t)ssid << 12;
	rec[1] = (uint64_t)priv << 33 | (uint64_t)inst << 34 | (uint64_t)read << 35 |
		 (uint64_t)s2 << 39 | (uint64_t)class << 40;
	rec[2] = iova;
	rec[3] = ipa;
}

static void test_records(void)
{
	static const char *const classes[] = { "CD fetch", "stage 1 table fetch", "input address" };
	struct iommu_fault *ev;
	uint64_t rec[4];

	for (unsigned int class = 0; class < 3; class++) {
		for (unsigned int bits = 0; bits < 16; bits++) {
			bool read = bits & 1, priv = bits & 2, inst = bits & 4, s2 = bits & 8;
			uint32_t ssid = bits & 1 ? 0xfffff : IOMMU_NO_PASID;

			fault_record(rec, 0x10 + (bits & 3), 0x20600 + bits, ssid, read, priv, inst, s2,
				     class, 0xffff000090000f40ULL, s2 ? 0x000fedcba9876000ULL : 0);
			CHECK(iommu_fault_new_record(IOMMU_VENDOR_ARM, rec, 4, &ev) == 0);
			CHECK_EQ(iommu_fault_get_code(ev), 0x10 + (bits & 3));
			CHECK_EQ(iommu_fault_get_source_id(ev), 0x20600 + bits);
			CHECK_EQ(iommu_fault_get_pasid(ev), ssid);
			CHECK_EQ(iommu_fault_get_address(ev), 0xffff000090000f40ULL);
			CHECK_EQ((iommu_fault_get_access(ev) == IOMMU_ACCESS_WRITE), !read);
			CHECK_EQ(iommu_fault_is_privileged(ev), priv);
			CHECK_EQ(iommu_fault_is_exec(ev), inst);
			CHECK_EQ(iommu_fault_is_stage2(ev), s2);
			CHECK_STR(iommu_fault_get_class(ev), classes[class]);
			CHECK_EQ(iommu_fault_get_ipa(ev), s2 ? 0x000fedcba9876000ULL : 0);
			CHECK(iommu_fault_get_format(ev) == NULL);
			CHECK(memcmp(iommu_fault_get_record(ev, NULL), rec, sizeof(rec)) == 0);
			iommu_fault_unref(ev);
		}
	}

	/* F_CD_FETCH: FetchAddr[55:3] in bits 247:195; no class. */
	memset(rec, 0, sizeof(rec));
	rec[0] = 0x09 | 0x8ULL << 32 | 1ULL << 11 | 0x5ULL << 12;
	rec[3] = 0x00ab000000108040ULL | 0x7;	/* bits 2:0 are not the address */
	CHECK(iommu_fault_new_record(IOMMU_VENDOR_ARM, rec, 4, &ev) == 0);
	CHECK_STR(iommu_fault_get_name(ev), "F_CD_FETCH");
	CHECK(iommu_fault_has(ev, IOMMU_FAULT_FETCH_ADDRESS));
	CHECK(!iommu_fault_has(ev, IOMMU_FAULT_ADDRESS));
	CHECK_EQ(iommu_fault_get_fetch_address(ev), 0x00ab000000108040ULL);
	CHECK_EQ(iommu_fault_get_pasid(ev), 5);
	CHECK(iommu_fault_get_class(ev) == NULL);
	iommu_fault_unref(ev);

	/* C_BAD_STE: the StreamID alone. */
	memset(rec, 0, sizeof(rec));
	rec[0] = 0x04 | 0xbULL << 32;
	CHECK(iommu_fault_new_record(IOMMU_VENDOR_ARM, rec, 4, &ev) == 0);
	CHECK_EQ(iommu_fault_get_source_id(ev), 0xb);
	CHECK(!iommu_fault_has(ev, IOMMU_FAULT_ADDRESS));
	CHECK(!iommu_fault_has(ev, IOMMU_FAULT_ACCESS));
	CHECK_EQ(iommu_fault_get_pasid(ev), IOMMU_NO_PASID);
	iommu_fault_unref(ev);

	/* A number the specification does not define keeps its record. */
	rec[0] = 0xff | 0x3ULL << 32;
	CHECK(iommu_fault_new_record(IOMMU_VENDOR_ARM, rec, 4, &ev) == 0);
	CHECK(iommu_fault_get_name(ev) == NULL);
	CHECK_STR(iommu_fault_get_meaning(ev), "");
	CHECK_EQ(iommu_fault_get_record(ev, NULL)[0], rec[0]);
	iommu_fault_unref(ev);
}

struct logged {
	const char *text;
	unsigned int id;
	uint32_t sid, ssid;
	uint64_t iova, ipa;
	int write, priv, s2;		/* -1: the lines do not say */
	const char *class, *client, *format;
	unsigned int lines;		/* lines the event spans */
};

#define RAW "raw record (event 0x.. received:)"
#define BOTH "raw record and decoded lines (6.14+)"
#define DECODED "decoded lines (6.14+)"
#define NOS IOMMU_NO_PASID

static const struct logged logged[] = {
	/* Every kernel: the raw words, one a line, a tab before each. */
	{ "[  131.474962] arm-smmu-v3 fc900000.iommu: event 0x10 received:\n"
	  "[  131.475699] arm-smmu-v3 fc900000.iommu: \t0x0000210000000010\n"
	  "[  131.476205] arm-smmu-v3 fc900000.iommu: \t0x0000020000000000\n"
	  "[  131.476767] arm-smmu-v3 fc900000.iommu: \t0x0000000000001000\n"
	  "[  131.477597] arm-smmu-v3 fc900000.iommu: \t0x0000000000000000\n"
	  "[  131.478000] r8125 0002:21:00.0 eth3: Device reseting!\n",
	  0x10, 0x2100, NOS, 0x1000, 0, 1, 0, 0, "input address", NULL, RAW, 5 },
	/* Spaces instead of the tab (as a log viewer copies it), no timestamps, no final newline. */
	{ "arm-smmu-v3 arm-smmu-v3.0.auto: event 0x13 received:\n"
	  "arm-smmu-v3 arm-smmu-v3.0.auto:      0x0000000100003813\n"
	  "arm-smmu-v3 arm-smmu-v3.0.auto:      0x0000028a00000000\n"
	  "arm-smmu-v3 arm-smmu-v3.0.auto:      0x0000008000000000\n"
	  "arm-smmu-v3 arm-smmu-v3.0.auto:      0x0000008000000000",
	  0x13, 0x1, 3, 0x8000000000, 0x8000000000, 0, 1, 1, "input address", NULL, RAW, 5 },
	/* 6.14+: the words, then the decoded lines, which name the client. */
	{ "[  106.585811] arm-smmu-v3 fc900000.iommu: event 0x10 received:\n"
	  "[  106.586349] arm-smmu-v3 fc900000.iommu:      0x0000010000000010\n"
	  "[  106.586846] arm-smmu-v3 fc900000.iommu:      0x0000020000000000\n"
	  "[  106.587341] arm-smmu-v3 fc900000.iommu:      0x000000090000f040\n"
	  "[  106.587841] arm-smmu-v3 fc900000.iommu:      0x0000000000000000\n"
	  "[  106.588335] arm-smmu-v3 fc900000.iommu: event: F_TRANSLATION client: 0000:01:00.0 sid: 0x100 ssid: 0x0 iova: 0x90000f040 ipa: 0x0\n"
	  "[  106.589383] arm-smmu-v3 fc900000.iommu: unpriv data write s1 \"Input address caused fault\" stag: 0x0\n",
	  0x10, 0x100, NOS, 0x90000f040, 0, 1, 0, 0, "input address", "0000:01:00.0", BOTH, 7 },
	/* The decoded lines alone, a privileged read, the next message glued to the line. */
	{ "arm-smmu-v3 490d0000.iommu: event: F_TRANSLATION client: 0000:01:00.0 sid: 0x11 ssid: 0x0 iova: 0x9b0cc000 ipa: 0x0\n"
	  "arm-smmu-v3 490d0000.iommu: priv data read s1 \"Input address caused fault\" stag: 0x0 r8169 0000:03:00.0\n",
	  0x10, 0x11, NOS, 0x9b0cc000, 0, 0, 1, 0, "input address", "0000:01:00.0", DECODED, 2 },
	/* Stage 2 on a stage 1 table fetch, with a SubstreamID. */
	{ "arm-smmu-v3 arm-smmu-v3.0.auto: event: F_PERMISSION client: 0000:00:01.0 sid: 0x8 ssid: 0x3 iova: 0x1000 ipa: 0x40002000\n"
	  "arm-smmu-v3 arm-smmu-v3.0.auto: unpriv data read s2 \"Stage 1 translation table fetch\" stag: 0x0\n",
	  0x13, 0x8, 3, 0x1000, 0x40002000, 0, 0, 1, "stage 1 table fetch", "0000:00:01.0", DECODED, 2 },
	/* A decoded line without its attributes line: the access is unknown. */
	{ "arm-smmu-v3 arm-smmu-v3.0.auto: event: C_BAD_CD client: 0000:00:01.0 sid: 0x8 ssid: 0x2 iova: 0x0 ipa: 0x0\n"
	  "some other line\n",
	  0x0a, 0x8, 2, 0, 0, -1, -1, -1, NULL, "0000:00:01.0", DECODED, 1 },
};

static unsigned int lines_in(const char *text, size_t used)
{
	unsigned int n = 0;

	for (size_t i = 0; i < used; i++)
		n += text[i] == '\n';
	return n + (used && text[used - 1] != '\n');
}

static void test_logged(void)
{
	for (size_t i = 0; i < N(logged); i++) {
		const struct logged *l = &logged[i];
		struct iommu_fault *ev = NULL;
		size_t used = 0;

		CHECK(iommu_fault_parse(l->text, strlen(l->text), &ev, &used) == 0);
		if (!ev) {
			fprintf(stderr, "message %zu not parsed\n", i);
			continue;
		}
		CHECK_EQ(iommu_fault_get_code(ev), l->id);
		CHECK_EQ(iommu_fault_get_source_id(ev), l->sid);
		CHECK_EQ(iommu_fault_get_pasid(ev), l->ssid);
		CHECK_EQ(iommu_fault_get_address(ev), l->iova);
		CHECK_EQ(iommu_fault_get_ipa(ev), l->ipa);
		CHECK_EQ(iommu_fault_has(ev, IOMMU_FAULT_ACCESS), l->write >= 0);
		if (l->write >= 0) {
			CHECK_EQ((iommu_fault_get_access(ev) == IOMMU_ACCESS_WRITE), l->write);
			CHECK_EQ(iommu_fault_is_privileged(ev), l->priv);
			CHECK_EQ(iommu_fault_is_stage2(ev), l->s2);
		}
		if (l->class)
			CHECK_STR(iommu_fault_get_class(ev), l->class);
		if (l->client)
			CHECK_STR(iommu_fault_get_client(ev), l->client);
		else
			CHECK(iommu_fault_get_client(ev) == NULL);
		CHECK_STR(iommu_fault_get_format(ev), l->format);
		CHECK_EQ(lines_in(l->text, used), l->lines);
		iommu_fault_unref(ev);
	}
}

static void test_not_events(void)
{
	static const char *const texts[] = {
		"",
		"arm-smmu-v3 arm-smmu-v3.0.auto: ias 48-bit, oas 48-bit (features 0x00001fef)\n",
		/* The record's id disagrees with the heading. */
		"arm-smmu-v3 x: event 0x10 received:\nx: \t0x0000000800000011\nx: \t0x0\nx: \t0x0\nx: \t0x0\n",
		/* Cut after two words. */
		"arm-smmu-v3 x: event 0x10 received:\nx: \t0x0000000800000010\nx: \t0x0000020800000000\n",
		/* Words of another width. */
		"arm-smmu-v3 x: event 0x10 received:\nx: \t0x800000010\nx: \t0x0\nx: \t0x0\nx: \t0x0\n",
		/* A name the driver does not print. */
		"arm-smmu-v3 x: event: F_NOTHING client: 0000:00:01.0 sid: 0x8 ssid: 0x0 iova: 0x0 ipa: 0x0\n",
		/* No sid. */
		"arm-smmu-v3 x: event: F_TRANSLATION client: 0000:00:01.0\n",
	};

	for (size_t i = 0; i < N(texts); i++) {
		struct iommu_fault *ev = NULL;

		CHECK(iommu_fault_parse(texts[i], strlen(texts[i]), &ev, NULL) == -ENOMSG);
		CHECK(ev == NULL);
	}
}

/* Every prefix of every message, in a buffer of exactly its size: parsed or refused, never overread. */
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
	test_catalogue();
	test_records();
	test_logged();
	test_not_events();
	test_prefixes();
	return unit_report("fault-smmu");
}
