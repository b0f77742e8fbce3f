// SPDX-License-Identifier: MIT
/* Table loading (raw, concatenated, acpidump text, directories) and the field engine. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "unit.h"

static char dir[] = "/tmp/iommutool-unit-XXXXXX";

/* A table of SIZE bytes: header with LENGTH, a valid checksum, body bytes 0..n. */
static size_t make_table(uint8_t *buf, const char *sig, uint32_t length, size_t size)
{
	uint8_t sum = 0;

	memset(buf, 0, size);
	memcpy(buf, sig, 4);
	buf[4] = (uint8_t)length;
	buf[5] = (uint8_t)(length >> 8);
	buf[8] = 2;
	memcpy(buf + 10, "OEMID ", 6);
	memcpy(buf + 16, "TABLEID ", 8);
	for (size_t i = 36; i < size; i++)
		buf[i] = (uint8_t)i;
	for (size_t i = 0; i < size && i < length; i++)
		sum = (uint8_t)(sum + buf[i]);
	buf[9] = (uint8_t)-sum;
	return size;
}

static const char *write_file(const char *name, const void *data, size_t size)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	return path;
}

static struct iommu_tables *load(struct iommu_ctx *ctx, const char *path, int *ret)
{
	struct iommu_tables *t;

	if (iommu_tables_new(ctx, &t) < 0)
		abort();
	*ret = iommu_tables_load_path(t, path);
	if (getenv("UNIT_VERBOSE")) {
		struct iommu_problem *p;

		iommu_tables_foreach_problem(t, p)
			fprintf(stderr, "%s: %s\n", iommu_problem_get_source(p), iommu_problem_get_message(p));
	}
	return t;
}

static size_t count(const struct iommu_tables *set)
{
	struct iommu_table *t;
	size_t n = 0;

	iommu_tables_foreach(set, t)
		n++;
	return n;
}

static void test_raw(struct iommu_ctx *ctx)
{
	uint8_t buf[200];
	struct iommu_tables *set;
	struct iommu_table *t;
	size_t size;
	int r;

	/* one table, intact */
	make_table(buf, "DMAR", 60, 60);
	set = load(ctx, write_file("one", buf, 60), &r);
	CHECK_EQ(r, 0);
	t = iommu_tables_get_first(set);
	CHECK(t != NULL);
	CHECK_STR(iommu_table_get_signature(t), "DMAR");
	CHECK_STR(iommu_table_get_oem_id(t), "OEMID");
	CHECK_STR(iommu_table_get_oem_table_id(t), "TABLEID");
	CHECK_EQ(iommu_table_get_revision(t), 2);
	CHECK_EQ(iommu_table_get_checksum_state(t), IOMMU_CHECKSUM_OK);
	CHECK(iommu_table_is_iommu(t));
	iommu_tables_unref(set);

	/* a wrong checksum byte, and what it should be */
	buf[9] ^= 0x10;
	set = load(ctx, write_file("sum", buf, 60), &r);
	t = iommu_tables_get_first(set);
	CHECK_EQ(iommu_table_get_checksum_state(t), IOMMU_CHECKSUM_BAD);
	CHECK_EQ(iommu_table_get_expected_checksum(t), buf[9] ^ 0x10);
	iommu_tables_unref(set);

	/* Length beyond the file: loaded, truncated, data capped at what is there */
	make_table(buf, "IORT", 0x1000, 80);
	set = load(ctx, write_file("cut", buf, 80), &r);
	t = iommu_tables_get_first(set);
	CHECK(iommu_table_is_truncated(t));
	CHECK_EQ(iommu_table_get_length(t), 0x1000);
	iommu_table_get_data(t, &size);
	CHECK_EQ(size, 80);
	CHECK_EQ(iommu_table_get_checksum_state(t), IOMMU_CHECKSUM_UNKNOWN);
	iommu_tables_unref(set);

	/* two tables back to back, then 10 bytes of garbage: both load, the rest is a problem */
	make_table(buf, "DMAR", 60, 60);
	make_table(buf + 60, "APIC", 50, 50);
	memset(buf + 110, 0xff, 10);
	set = load(ctx, write_file("two", buf, 120), &r);
	CHECK_EQ(count(set), 2);
	CHECK_EQ(r, -EBADMSG);
	CHECK(iommu_tables_get_first_problem(set) != NULL);
	CHECK_EQ(iommu_problem_get_offset(iommu_tables_get_first_problem(set)), 110);
	CHECK_EQ(iommu_table_get_source_offset(iommu_table_get_next(iommu_tables_get_first(set))), 60);
	iommu_tables_unref(set);

	/* a header whose Length is smaller than a header */
	make_table(buf, "DMAR", 20, 40);
	set = load(ctx, write_file("small", buf, 40), &r);
	CHECK_EQ(count(set), 0);
	CHECK_EQ(r, -EBADMSG);
	iommu_tables_unref(set);

	/* FACS: no checksum, a shorter header */
	memset(buf, 0, 64);
	memcpy(buf, "FACS", 4);
	buf[4] = 64;
	set = load(ctx, write_file("facs", buf, 64), &r);
	t = iommu_tables_get_first(set);
	CHECK(t && iommu_table_get_checksum_state(t) == IOMMU_CHECKSUM_NONE);
	iommu_tables_unref(set);

	/* missing file */
	set = load(ctx, "/nonexistent/table", &r);
	CHECK_EQ(r, -ENOENT);
	CHECK_EQ(iommu_problem_get_error(iommu_tables_get_first_problem(set)), -ENOENT);
	iommu_tables_unref(set);
}

static void test_text(struct iommu_ctx *ctx)
{
	uint8_t buf[64];
	char text[2048];
	struct iommu_tables *set;
	struct iommu_table *t;
	const uint8_t *data;
	size_t size, pos = 0;
	int r;

	/* acpidump text with CRLF line ends, lower-case hex, a partial last line, RSD PTR skipped */
	make_table(buf, "IVRS", 40, 40);
	pos += (size_t)sprintf(text + pos, "RSD PTR @ 0x00000000000f0000\r\n    0000: 52 53 44 20  RSD \r\n\r\n");
	pos += (size_t)sprintf(text + pos, "IVRS @ 0x0000000012345678\r\n");
	for (size_t off = 0; off < 40; off += 16) {
		pos += (size_t)sprintf(text + pos, "    %04zx:", off);
		for (size_t i = off; i < off + 16 && i < 40; i++)
			pos += (size_t)sprintf(text + pos, " %02x", buf[i]);
		pos += (size_t)sprintf(text + pos, "  ascii..\r\n");
	}
	set = load(ctx, write_file("dump.txt", text, pos), &r);
	CHECK_EQ(r, 0);
	CHECK_EQ(count(set), 1);
	t = iommu_tables_get_first(set);
	data = iommu_table_get_data(t, &size);
	CHECK_EQ(size, 40);
	CHECK(memcmp(data, buf, 40) == 0);
	CHECK(iommu_table_source_is_text(t));
	CHECK_EQ(iommu_table_get_source_offset(t), 4);	/* the line of "IVRS @" */
	CHECK_EQ(iommu_table_get_checksum_state(t), IOMMU_CHECKSUM_OK);
	iommu_tables_unref(set);

	/* a gap in the offsets drops that table, names the line, keeps the next */
	pos = (size_t)sprintf(text, "DMAR @ 0x0\n    0000: 44 4d 41 52\n    0020: 00\n"
				    "FACS @ 0x0\n    0000: 46 41 43 53 08 00 00 00\n");
	set = load(ctx, write_file("gap.txt", text, pos), &r);
	CHECK_EQ(r, -EBADMSG);
	CHECK_EQ(count(set), 1);
	CHECK_EQ(iommu_problem_get_offset(iommu_tables_get_first_problem(set)), 3);
	CHECK(iommu_problem_offset_is_line(iommu_tables_get_first_problem(set)));
	iommu_tables_unref(set);
}

static void test_directory(struct iommu_ctx *ctx)
{
	char sub[300];
	uint8_t buf[60];
	struct iommu_tables *set;
	int r;

	snprintf(sub, sizeof(sub), "%s/tables", dir);
	CHECK(mkdir(sub, 0700) == 0);
	make_table(buf, "DMAR", 60, 60);
	write_file("tables/dmar.dat", buf, 60);
	write_file("tables/README", "# notes on these tables\n", 24);
	make_table(buf, "IVRS", 60, 60);
	write_file("tables/ivrs.dat", buf, 60);
	set = load(ctx, sub, &r);
	CHECK_EQ(r, 0);			/* the README is passed over */
	CHECK_EQ(count(set), 2);
	CHECK(iommu_tables_find(set, "IVRS") != NULL);
	CHECK(iommu_tables_find(set, "IORT") == NULL);
	iommu_tables_unref(set);
}

/* The field engine: fields past the structure or table, reserved bits, names. */
static void test_engine(struct iommu_ctx *ctx)
{
	static const char *const kinds[] = { "zero", "one", "two" };
	static const struct bit_desc flag_bits[] = {
		{ "enabled", "Enabled", 0, 1 },
		{ "mode", "Mode", 1, 2, NAMES(kinds) },
		{ "reserved", "Reserved", 3, 5, .flags = FD_RESERVED },
	};
	static const struct field_desc fields[] = {
		{ "kind", "Kind", 0, 1, IOMMU_DFIELD_UINT, FD_SUMMARY, NAMES(kinds) },
		{ "flags", "Flags", 1, 1, IOMMU_DFIELD_HEX, 0, BITS(flag_bits) },
		{ "reserved", "Reserved", 2, 2, IOMMU_DFIELD_HEX, FD_RESERVED },
		{ "base", "Base", 4, 8, IOMMU_DFIELD_ADDR, FD_SUMMARY },
	};
	uint8_t buf[60];
	struct iommu_tables *set;
	struct iommu_table *t;
	struct iommu_dnode *node;
	struct iommu_dfield *f;
	struct decoder d;
	uint8_t sum;
	int r;

	make_table(buf, "TEST", 50, 50);
	buf[36] = 2;			/* kind "two" */
	buf[37] = 0x0b;			/* enabled, mode 1, reserved bit 3 set */
	buf[38] = 0;
	buf[39] = 0;
	memcpy(buf + 40, "\x00\x10\xd9\xfe\x00\x00\x00\x00", 8);
	/* No ACPI table has this signature: it is taken as one only with its checksum right. */
	sum = 0;
	for (size_t i = 0; i < 50; i++)
		sum = (uint8_t)(sum + (i == 9 ? 0 : buf[i]));
	buf[9] = (uint8_t)-sum;
	set = load(ctx, write_file("engine", buf, 50), &r);
	t = iommu_tables_get_first(set);
	CHECK(decoder_init(&d, t, "test", "Test", "TEST §1") == 0);

	node = dnode_add(&d, NULL, "thing", "Thing", 36, 12);
	CHECK_EQ(dnode_decode(&d, node, 36, 12, FIELDS(fields)), 4);
	f = iommu_dnode_find_field(node, "kind");
	CHECK_STR(f ? iommu_dfield_get_meaning(f) : NULL, "two");
	CHECK(iommu_dnode_find_field(node, "reserved") != NULL);	/* the flags' bit, not the zero u16 */
	CHECK_EQ(dnode_get_u64(node, "mode", 99), 1);
	CHECK_EQ(dnode_get_u64(node, "enabled", 99), 1);
	CHECK_EQ(dnode_get_u64(node, "base", 0), 0xfed91000);
	f = iommu_dnode_find_field(node, "base");
	CHECK_EQ(f ? iommu_dfield_get_offset(f) : 0, 40);

	/* the same fields in a structure 6 bytes long: "base" is past its end */
	node = dnode_add(&d, NULL, "short", "Short", 36, 6);
	CHECK_EQ(dnode_decode(&d, node, 36, 6, FIELDS(fields)), 3);
	/* and a structure at the table's very end: "base" is past the table */
	node = dnode_add(&d, NULL, "tail", "Tail", 44, 100);
	CHECK_EQ(dnode_decode(&d, node, 44, 100, FIELDS(fields)), 3);
	/* a structure entirely outside the table decodes nothing */
	node = dnode_add(&d, NULL, "far", "Far", 0xffffffffffULL, 12);
	CHECK_EQ(dnode_decode(&d, node, 0xffffffffffULL, 12, FIELDS(fields)), 0);

	CHECK(decoder_finish(&d, &node) == 0);
	{
		struct iommu_findings *fs = iommu_dnode_get_findings(node);
		const struct iommu_finding *x;
		int reserved = 0, truncated = 0;
		size_t truncations = 0;
		bool first_cut = false;

		iommu_findings_foreach(fs, x) {
			if (getenv("UNIT_VERBOSE"))
				fprintf(stderr, "%s %s\n", iommu_finding_get_id(x), iommu_finding_get_message(x));
			reserved += strcmp(iommu_finding_get_id(x), "acpi.reserved_nonzero") == 0;
			if (strcmp(iommu_finding_get_id(x), "acpi.structure.truncated") == 0) {
				truncated++;
				truncations = iommu_finding_get_count(x);
				first_cut = iommu_finding_get_item_offset(x, 0) == iommu_finding_get_offset(x);
			}
			CHECK_STR(iommu_finding_get_table(x), "TEST");
		}
		/* the reserved bit of thing and short (tail's flags byte, at 0x2d, holds a zero byte of the base address written at 0x28) */
		CHECK_EQ(reserved, 2);
		/* three truncations: one finding that carries all three, where the first stood */
		CHECK_EQ(truncated, 1);
		CHECK_EQ(truncations, 3);
		CHECK(first_cut);
		CHECK_EQ(iommu_findings_get_max_severity(fs), IOMMU_SEVERITY_ERROR);
	}
	iommu_dnode_unref(node);
	iommu_tables_unref(set);
}

int main(void)
{
	struct iommu_ctx *ctx;
	char cmd[300];

	if (!mkdtemp(dir))
		return 2;
	CHECK(iommu_ctx_new(&ctx) == 0);
	test_raw(ctx);
	test_text(ctx);
	test_directory(ctx);
	test_engine(ctx);
	iommu_ctx_unref(ctx);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 2;
	return unit_report("acpi-load");
}
