// SPDX-License-Identifier: MIT
/*
 * The text scanner (lib/text.c): numbers at their limits and past them,
 * devices, words, fields and lines (LF and CRLF), on buffers that end
 * without a NUL (each input copied into an allocation of exactly its size,
 * so that a read past it is caught by ASan and valgrind), with embedded
 * NULs and very long lines.
 */
#include <errno.h>

#include "libiommu.h"
#include "text.h"
#include "unit.h"

/* S (LEN bytes, NULs allowed) in a buffer of exactly that size. */
static char *exact(const char *s, size_t len)
{
	char *p = malloc(len ? len : 1);

	if (!p)
		abort();
	memcpy(p, s, len);
	return p;
}

#define EXACT(lit) exact(lit, sizeof(lit) - 1), sizeof(lit) - 1

/* text_hex on LIT: the value and how many bytes it took, or -1 for none. */
static long hex(const char *p, size_t len, uint64_t *v)
{
	const char *e = text_hex(p, p + len, v);
	long used = e ? (long)(e - p) : -1;

	free((void *)p);
	return used;
}

static long dec(const char *p, size_t len, uint64_t *v)
{
	const char *e = text_dec(p, p + len, v);
	long used = e ? (long)(e - p) : -1;

	free((void *)p);
	return used;
}

static bool whole_hex(const char *s, uint64_t *v)
{
	size_t len = strlen(s);
	char *p = exact(s, len);
	bool ok = text_whole_hex(p, p + len, v);

	free(p);
	return ok;
}

static void test_numbers(void)
{
	uint64_t v = 0;

	CHECK_EQ(hex(EXACT(""), &v), -1);
	CHECK_EQ(hex(EXACT("x"), &v), -1);
	CHECK_EQ(hex(EXACT("1f"), &v), 2);
	CHECK_EQ(v, 0x1f);
	CHECK_EQ(hex(EXACT("0x1F]"), &v), 4);
	CHECK_EQ(v, 0x1f);
	CHECK_EQ(hex(EXACT("0X1f"), &v), 4);
	/* "0x" without a digit: the number 0, ending at the x. */
	CHECK_EQ(hex(EXACT("0x"), &v), 1);
	CHECK_EQ(v, 0);
	CHECK_EQ(hex(EXACT("0xg"), &v), 1);
	CHECK_EQ(hex(EXACT("ffffffffffffffff"), &v), 16);
	CHECK_EQ(v, UINT64_MAX);
	CHECK_EQ(hex(EXACT("0x00000000000000000001"), &v), 22);
	CHECK_EQ(v, 1);
	/* 17 significant digits do not fit. */
	CHECK_EQ(hex(EXACT("10000000000000000"), &v), -1);
	/* A NUL is no digit. */
	CHECK_EQ(hex(EXACT("12\0" "34"), &v), 2);
	CHECK_EQ(v, 0x12);

	CHECK_EQ(dec(EXACT(""), &v), -1);
	CHECK_EQ(dec(EXACT("a"), &v), -1);
	CHECK_EQ(dec(EXACT("0123 "), &v), 4);
	CHECK_EQ(v, 123);
	CHECK_EQ(dec(EXACT("18446744073709551615"), &v), 20);
	CHECK_EQ(v, UINT64_MAX);
	CHECK_EQ(dec(EXACT("18446744073709551616"), &v), -1);
	CHECK_EQ(dec(EXACT("99999999999999999999"), &v), -1);

	v = 7;
	CHECK(!whole_hex("", &v));
	CHECK(!whole_hex("12 ", &v));
	CHECK(!whole_hex("0x", &v));
	CHECK(!whole_hex("0x1g", &v));
	CHECK_EQ(v, 7);
	CHECK(whole_hex("0xfed90000", &v));
	CHECK_EQ(v, 0xfed90000);
}

static void test_bdf(void)
{
	static const struct {
		const char *text;
		int used;		/* -1: refused */
		uint16_t segment, rid;
		bool has_segment;
	} cases[] = {
		{ "00:02.0", 7, 0, 0x0010, false },
		{ "0000:3a:00.1]", 12, 0, 0x3a01, true },
		{ "0001:3a:00.1", 12, 1, 0x3a01, true },
		{ "0x00:0x02.0", 11, 0, 0x0010, false },
		{ "ffff:ff:1f.7: x", 12, 0xffff, 0xffff, true },
		{ "10000:00:00.0", -1, 0, 0, false },
		{ "100:00.0", -1, 0, 0, false },
		{ "00:20.0", -1, 0, 0, false },
		{ "00:1f.8", -1, 0, 0, false },
		{ "00:02", -1, 0, 0, false },
		{ "00:02:0", -1, 0, 0, false },
		{ "00.02.0", -1, 0, 0, false },
		{ "00:02.", -1, 0, 0, false },
		{ "zz:02.0", -1, 0, 0, false },
		{ "", -1, 0, 0, false },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = strlen(cases[i].text);
		char *p = exact(cases[i].text, len);
		uint16_t segment = 0xdead, rid = 0xdead;
		bool has = false;
		const char *e = text_bdf(p, p + len, &segment, &rid, &has);

		CHECK_EQ(e ? e - p : -1, cases[i].used);
		if (e && cases[i].used >= 0) {
			CHECK_EQ(segment, cases[i].segment);
			CHECK_EQ(rid, cases[i].rid);
			CHECK_EQ(has, cases[i].has_segment);
		}
		free(p);
	}
}

static void test_words_fields(void)
{
	static const char header[] = "  IOMMU: dmar0\tRegister Base Address: fed90000\r\n";
	static const char amdvi[] = "[IO_PAGE_FAULT xdomain=0x1 domain=0x0005 address=0x1000,flags=0x0070]";
	static const char smmuv3[] = "event: F_TRANSLATION client: x ssid: 0x3 sid: 0x100";
	struct text_word w[3];
	uint64_t v = 0;
	char *p;
	size_t len;

	p = exact(header, len = sizeof(header) - 1);
	CHECK_EQ(text_words(p, p + len, w, 3), 3);
	CHECK(w[0].len == 6 && memcmp(w[0].s, "IOMMU:", 6) == 0);
	CHECK(w[2].len == 8 && memcmp(w[2].s, "Register", 8) == 0);
	CHECK_EQ(text_words(p, p + len, w, 0), 0);
	CHECK_EQ(text_words(p, p, w, 3), 0);
	free(p);

	p = exact(amdvi, len = sizeof(amdvi) - 1);
	CHECK(text_field_hex(p, p + len, "domain=", &v));
	CHECK_EQ(v, 5);
	CHECK(text_field_hex(p, p + len, "flags=", &v));
	CHECK_EQ(v, 0x70);
	CHECK(!text_field_hex(p, p + len, "pasid=", &v));
	CHECK(text_starts(p, p + len, "[IO_PAGE"));
	CHECK(!text_starts(p, p + 3, "[IO_PAGE"));
	CHECK(text_find(p, p + len, "0x0005") == p + 34);
	CHECK(text_find(p, p + 39, "0x0005") == NULL);
	free(p);

	p = exact(smmuv3, len = sizeof(smmuv3) - 1);
	CHECK(text_field_hex(p, p + len, "sid:", &v));
	CHECK_EQ(v, 0x100);
	CHECK(text_field_hex(p, p + len, "ssid:", &v));
	CHECK_EQ(v, 3);
	/* The key at the very end: no number. */
	CHECK(!text_field_hex(p, p + 37, "ssid:", &v));
	free(p);
	p = exact("", 0);
	CHECK(!text_field_hex(p, p, "sid:", &v));
	free(p);
}

/* Lines: LF, CRLF, a blank one, no final newline, an embedded NUL. */
static void test_lines(void)
{
	static const char text[] = "a\r\n\nb\0c\nlast";
	char *p = exact(text, sizeof(text) - 1);
	struct text_lines lines = TEXT_LINES(p, sizeof(text) - 1);
	const char *s, *e;

	CHECK(text_lines_next(&lines, &s, &e) && e - s == 1 && *s == 'a');
	CHECK(text_lines_next(&lines, &s, &e) && e == s);
	CHECK(text_lines_next(&lines, &s, &e) && e - s == 3 && s[1] == 0);
	CHECK(text_lines_next(&lines, &s, &e) && e - s == 4 && memcmp(s, "last", 4) == 0);
	CHECK_EQ(lines.number, 4);
	CHECK(!text_lines_next(&lines, &s, &e));
	CHECK_EQ(lines.number, 4);
	free(p);

	/* Empty text, a lone newline, a lone CR (not a line end). */
	lines = TEXT_LINES("", 0);
	CHECK(!text_lines_next(&lines, &s, &e));
	lines = TEXT_LINES("\n", 1);
	CHECK(text_lines_next(&lines, &s, &e) && s == e);
	CHECK(!text_lines_next(&lines, &s, &e));
	p = exact("x\r", 2);
	CHECK(text_line_end(p, p + 2) == p + 2);
	CHECK(text_next_line(p, p + 2) == p + 2);
	free(p);

	/* A line of 1 MiB, then another. */
	{
		size_t big = 1u << 20;
		char *t = malloc(big + 2);

		if (!t)
			abort();
		memset(t, 'x', big);
		t[big] = '\n';
		t[big + 1] = 'y';
		lines = TEXT_LINES(t, big + 2);
		CHECK(text_lines_next(&lines, &s, &e) && (size_t)(e - s) == big);
		CHECK(text_lines_next(&lines, &s, &e) && e - s == 1 && *s == 'y');
		CHECK(!text_lines_next(&lines, &s, &e));
		free(t);
	}
}

/* The public forms for what users type: whole strings only. */
static void test_public(void)
{
	uint16_t segment = 0, rid = 0;
	uint64_t v = 0;

	CHECK(iommu_parse_hex("0xfed90000", &v) == 0 && v == 0xfed90000);
	CHECK(iommu_parse_hex("FED90000", &v) == 0 && v == 0xfed90000);
	CHECK_EQ(iommu_parse_hex("", &v), -EINVAL);
	CHECK_EQ(iommu_parse_hex("0x", &v), -EINVAL);
	CHECK_EQ(iommu_parse_hex("12 ", &v), -EINVAL);
	CHECK_EQ(iommu_parse_hex("-1", &v), -EINVAL);
	CHECK_EQ(iommu_parse_hex("10000000000000000", &v), -EINVAL);
	CHECK(iommu_parse_bdf("0001:3a:00.1", &segment, &rid) == 0 && segment == 1 && rid == 0x3a01);
	CHECK(iommu_parse_bdf("00:04.0", &segment, &rid) == 0 && segment == 0 && rid == 0x20);
	CHECK_EQ(iommu_parse_bdf("00:04.0 ", &segment, &rid), -EINVAL);
	CHECK_EQ(iommu_parse_bdf("00:04", &segment, &rid), -EINVAL);
	CHECK_EQ(iommu_parse_bdf(" 00:04.0", &segment, &rid), -EINVAL);
}

int main(void)
{
	test_numbers();
	test_bdf();
	test_words_fields();
	test_lines();
	test_public();
	return unit_report("text");
}
