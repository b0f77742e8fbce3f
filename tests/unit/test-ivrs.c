// SPDX-License-Identifier: MIT
/*
 * The IVRS decode, its expansion as Linux reads it and the device look-up,
 * on the hand-made tables of tests/data/ivrs (tests/data/ivrs/make-tables.py
 * says what each holds), and every byte of them damaged: no crash, no
 * read outside the table (run under the sanitizers by make check-sanitize).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "libiommu.h"
#include "unit.h"

static struct iommu_ctx *ctx;

static struct iommu_tables *load(const char *path)
{
	struct iommu_tables *t = NULL;

	CHECK(iommu_tables_new(ctx, &t) == 0);
	CHECK(iommu_tables_load_path(t, path) == 0);
	return t;
}

static struct iommu_ivrs *expand(struct iommu_tables *t)
{
	struct iommu_ivrs *ivrs = NULL;
	struct iommu_table *table = iommu_tables_find(t, "IVRS");

	CHECK(table != NULL);
	if (!table || iommu_ivrs_new(table, &ivrs) < 0)
		abort();
	return ivrs;
}

static const struct iommu_ivrs_unit *unit_n(const struct iommu_ivrs *ivrs, unsigned int n)
{
	struct iommu_ivrs_unit *u;

	iommu_ivrs_foreach_unit(ivrs, u)
		if (iommu_ivrs_unit_get_index(u) == n)
			return u;
	return NULL;
}

/* The index of the unit serving SEGMENT:DEVID, -1 when none (and the device in *ret). */
static int serving(const struct iommu_ivrs *ivrs, uint16_t segment, uint16_t devid,
		   struct iommu_ivrs_device **ret)
{
	struct iommu_ivrs_device *dev;
	int r = iommu_ivrs_lookup(ivrs, segment, devid, &dev);

	if (r == -ENOENT)
		return -1;
	CHECK(r == 0);
	if (r < 0)
		return -2;
	r = (int)iommu_ivrs_unit_get_index(iommu_ivrs_device_get_unit(dev));
	if (ret)
		*ret = dev;
	else
		iommu_ivrs_device_unref(dev);
	return r;
}

/* units.bin: which type, which units, which unit serves what, and aliases. */
static void test_units(void)
{
	struct iommu_tables *t = load("tests/data/ivrs/units.bin");
	struct iommu_ivrs *ivrs = expand(t);
	const struct iommu_ivrs_unit *a = unit_n(ivrs, 0), *d = unit_n(ivrs, 2);
	struct iommu_ivrs_device *dev = NULL;
	unsigned int n = 0, ioapics = 0;
	struct iommu_ivrs_selection *s;
	struct iommu_ivrs_unit *u;
	uint16_t requester = 0;

	/* 10h first with device 00:00.2; the last block with that id before 40h+ is 11h. */
	CHECK_EQ(iommu_ivrs_get_ivhd_type(ivrs), 0x11);
	iommu_ivrs_foreach_unit(ivrs, u)
		n++;
	CHECK_EQ(n, 3);
	CHECK(a && d);
	if (!a || !d)
		goto out;
	CHECK_EQ(iommu_ivrs_unit_get_type(a), 0x11);
	CHECK_EQ(iommu_ivrs_unit_get_device_id(a), 0x0002);
	CHECK_EQ(iommu_ivrs_unit_get_base_address(a), 0xfd000000);
	CHECK_EQ(iommu_ivrs_unit_get_efr(a), 0x246577efa2254afa);
	CHECK_EQ(iommu_ivrs_unit_get_device_id(d), 0x8002);
	CHECK_EQ(iommu_ivrs_unit_get_base_address(d), 0xfd200000);
	CHECK_EQ(iommu_ivrs_unit_get_capability_offset(d), 0x40);

	/* The first unit's selections, in table order. */
	s = iommu_ivrs_unit_get_first_selection(a);
	CHECK(s && iommu_ivrs_selection_get_kind(s) == IOMMU_IVRS_SELECT_RANGE);
	CHECK(s && iommu_ivrs_selection_get_first(s) == 0 && iommu_ivrs_selection_get_last(s) == 0xff);
	iommu_ivrs_unit_foreach_selection(a, s)
		if (iommu_ivrs_selection_get_kind(s) == IOMMU_IVRS_SELECT_IOAPIC) {
			ioapics++;
			CHECK_EQ(iommu_ivrs_selection_get_handle(s), 0x21);
			CHECK_EQ(iommu_ivrs_selection_get_first(s), 0x00a0);
			CHECK_EQ(iommu_ivrs_selection_get_settings(s), 0xd7);
		}
	CHECK_EQ(ioapics, 1);

	CHECK_EQ(serving(ivrs, 0, 0x0010, NULL), 0);	/* only A */
	CHECK_EQ(serving(ivrs, 0, 0x0090, NULL), 2);	/* A and D: the later */
	CHECK_EQ(serving(ivrs, 0, 0x0150, NULL), 2);
	CHECK_EQ(serving(ivrs, 0, 0x0002, NULL), -1);	/* A's own id */
	CHECK_EQ(serving(ivrs, 0, 0x4010, NULL), -1);	/* B: type 10h only, ignored */
	CHECK_EQ(serving(ivrs, 1, 0x0010, NULL), -1);	/* no unit in segment 1 */

	/*
	 * Alias Select 01:00.0 -> 02:00.0 (in A; D's range serves 01:00.0, aliases count
	 * across the segment); the Alias range ff:00.0-ff:1f.7 -> 00:14.5.
	 */
	CHECK_EQ(serving(ivrs, 0, 0x0100, &dev), 2);
	if (dev) {
		CHECK(iommu_ivrs_device_is_aliased(dev));
		CHECK_EQ(iommu_ivrs_device_get_requester_id(dev), 0x0200);
		dev = iommu_ivrs_device_unref(dev);
	}
	CHECK_EQ(serving(ivrs, 0, 0xff10, &dev), 0);
	if (dev) {
		CHECK_EQ(iommu_ivrs_device_get_requester_id(dev), 0x00a5);
		s = (struct iommu_ivrs_selection *)iommu_ivrs_device_get_selection(dev);
		CHECK(s && iommu_ivrs_selection_get_alias(s, &requester) && requester == 0x00a5);
		CHECK(s && iommu_ivrs_selection_get_kind(s) == IOMMU_IVRS_SELECT_RANGE);
		dev = iommu_ivrs_device_unref(dev);
	}
	CHECK_EQ(serving(ivrs, 0, 0x0020, &dev), 0);
	if (dev) {
		CHECK(!iommu_ivrs_device_is_aliased(dev));
		CHECK_EQ(iommu_ivrs_device_get_requester_id(dev), 0x0020);
		CHECK_EQ(iommu_ivrs_device_get_settings(dev), 0);
		CHECK(iommu_ivrs_device_get_settings_selection(dev) == NULL);
		dev = iommu_ivrs_device_unref(dev);
	}
out:
	iommu_ivrs_unref(ivrs);
	iommu_tables_unref(t);
}

/* entries.bin: settings of the narrowest entry, extended settings, ACPI HID devices. */
static void test_entries(void)
{
	struct iommu_tables *t = load("tests/data/ivrs/entries.bin");
	struct iommu_ivrs *ivrs = expand(t);
	const struct iommu_ivrs_unit *u0 = unit_n(ivrs, 0), *u1 = unit_n(ivrs, 1);
	struct iommu_ivrs_device *dev = NULL;
	struct iommu_ivrs_selection *s;
	unsigned int hids = 0;

	CHECK_EQ(iommu_ivrs_get_ivhd_type(ivrs), 0x40);
	CHECK(u0 && u1 && !unit_n(ivrs, 2));
	if (!u0 || !u1)
		goto out;
	CHECK_EQ(iommu_ivrs_unit_get_segment(u1), 1);

	/* 02:02.0: a Select with settings 01h inside a range with settings 00h. */
	CHECK_EQ(serving(ivrs, 0, 0x0210, &dev), 0);
	if (dev) {
		CHECK_EQ(iommu_ivrs_device_get_settings(dev), IOMMU_IVRS_DTE_INIT_PASS);
		dev = iommu_ivrs_device_unref(dev);
	}
	CHECK_EQ(serving(ivrs, 0, 0x0211, &dev), 0);
	if (dev) {
		CHECK_EQ(iommu_ivrs_device_get_settings(dev), 0);
		dev = iommu_ivrs_device_unref(dev);
	}
	/* The first Start (01:00.0) was replaced by the second: 01:00.0 is not selected. */
	CHECK_EQ(serving(ivrs, 0, 0x0100, NULL), -1);
	/* Extended Select 03:00.0 with ATS disabled. */
	CHECK_EQ(serving(ivrs, 0, 0x0300, &dev), 0);
	if (dev) {
		CHECK_EQ(iommu_ivrs_device_get_ext_settings(dev), IOMMU_IVRS_EXT_ATS_DISABLED);
		dev = iommu_ivrs_device_unref(dev);
	}
	/* 00:14.0 through its IOAPIC entry, with that entry's settings. */
	CHECK_EQ(serving(ivrs, 0, 0x00a0, &dev), 0);
	if (dev) {
		CHECK_EQ(iommu_ivrs_device_get_settings(dev), 0xd7);
		dev = iommu_ivrs_device_unref(dev);
	}
	/* The second unit's lone End of Range: Linux selects from 00:00.0. */
	CHECK_EQ(serving(ivrs, 1, 0x0000, NULL), 1);
	CHECK_EQ(serving(ivrs, 1, 0x00ff, NULL), 1);
	CHECK_EQ(serving(ivrs, 1, 0x0100, NULL), -1);

	iommu_ivrs_unit_foreach_selection(u0, s) {
		if (iommu_ivrs_selection_get_kind(s) != IOMMU_IVRS_SELECT_ACPI_HID)
			continue;
		if (hids++ == 0) {
			CHECK_STR(iommu_ivrs_selection_get_hid(s), "AMDI0020");
			CHECK_STR(iommu_ivrs_selection_get_uid(s), "\\_SB.FUR0");
			CHECK_EQ(iommu_ivrs_selection_get_first(s), 0x00a5);
			CHECK_EQ(iommu_ivrs_selection_get_settings(s), IOMMU_IVRS_DTE_LINT0_PASS);
		} else {
			CHECK_STR(iommu_ivrs_selection_get_hid(s), "PNP0D40");
			CHECK_STR(iommu_ivrs_selection_get_uid(s), "");
		}
		CHECK(iommu_ivrs_selection_get_offset(s) > iommu_ivrs_unit_get_offset(u0));
	}
	CHECK_EQ(hids, 2);	/* the empty HID is ignored, as Linux does */
out:
	iommu_ivrs_unref(ivrs);
	iommu_tables_unref(t);
}

/* A type Linux cannot use: no units; not an IVRS: -EINVAL. */
static void test_unusable(void)
{
	struct iommu_tables *t = load("tests/data/ivrs/type-unusable.bin");
	struct iommu_tables *m = load("tests/data/ivrs/madt-ioapic-0.bin");
	struct iommu_ivrs *ivrs = expand(t), *none = NULL;

	CHECK_EQ(iommu_ivrs_get_ivhd_type(ivrs), 0x21);
	CHECK(iommu_ivrs_get_first_unit(ivrs) == NULL);
	CHECK(iommu_ivrs_ref(ivrs) == ivrs);
	iommu_ivrs_unref(ivrs);
	iommu_ivrs_unref(ivrs);
	CHECK(iommu_ivrs_unref(NULL) == NULL);
	CHECK(iommu_ivrs_new(iommu_tables_get_first(m), &none) == -EINVAL);
	iommu_tables_unref(t);
	iommu_tables_unref(m);
}

/* Which check ids the validator gives for FILE (and the tables with it). */
static bool has_finding(struct iommu_tables *t, const char *id)
{
	struct iommu_findings *findings;
	struct iommu_finding *f;
	bool found = false;

	if (iommu_table_validate(iommu_tables_find(t, "IVRS"), t, 0, &findings) < 0)
		return false;
	iommu_findings_foreach(findings, f)
		found |= strcmp(iommu_finding_get_id(f), id) == 0;
	iommu_findings_unref(findings);
	return found;
}

/* The IOAPIC entries against a MADT in the same set. */
static void test_madt(void)
{
	struct iommu_tables *t = load("tests/data/ivrs/units.bin");

	CHECK(has_finding(t, "ivrs.madt.absent"));
	CHECK(!has_finding(t, "ivrs.ioapic.no_southbridge"));
	CHECK(iommu_tables_load_path(t, "tests/data/ivrs/madt-ioapic-4-5.bin") == 0);
	CHECK(!has_finding(t, "ivrs.madt.absent"));
	CHECK(has_finding(t, "ivrs.ioapic.not_in_ivrs"));	/* 4 and 5 */
	CHECK(has_finding(t, "ivrs.ioapic.not_in_madt"));	/* 33 */
	CHECK(has_finding(t, "ivrs.ioapic.no_southbridge"));
	iommu_tables_unref(t);
}

/* Decode, expand and validate TABLE; the answers do not matter, surviving does. */
static void exercise(const uint8_t *data, size_t size)
{
	struct iommu_tables *t = NULL;
	struct iommu_findings *findings;
	struct iommu_dnode *root;
	struct iommu_ivrs *ivrs;
	struct iommu_table *table;

	if (iommu_tables_new(ctx, &t) < 0)
		abort();
	iommu_tables_load_data(t, "damaged", data, size);
	table = iommu_tables_get_first(t);
	if (table) {
		if (iommu_table_decode(table, &root) == 0)
			iommu_dnode_unref(root);
		if (iommu_table_validate(table, t, 0, &findings) == 0)
			iommu_findings_unref(findings);
		if (iommu_ivrs_new(table, &ivrs) == 0) {
			struct iommu_ivrs_device *dev;

			for (unsigned int id = 0; id < 0x10000; id += 0x3f)
				if (iommu_ivrs_lookup(ivrs, 0, (uint16_t)id, &dev) == 0)
					iommu_ivrs_device_unref(dev);
			iommu_ivrs_unref(ivrs);
		}
	}
	iommu_tables_unref(t);
}

/* Every byte after the header set to 00, 80h and FFh, and every length cut. */
static void test_damage(const char *path)
{
	uint8_t data[1024], copy[1024];
	size_t size;
	FILE *f = fopen(path, "rb");

	CHECK(f != NULL);
	if (!f)
		return;
	size = fread(data, 1, sizeof(data), f);
	fclose(f);
	for (size_t i = 36; i < size; i++)
		for (unsigned int v = 0; v < 3; v++) {
			memcpy(copy, data, size);
			copy[i] = (uint8_t[]){ 0x00, 0x80, 0xff }[v];
			exercise(copy, size);
		}
	for (size_t n = 36; n < size; n++) {
		memcpy(copy, data, size);
		copy[4] = (uint8_t)n;
		copy[5] = (uint8_t)(n >> 8);
		exercise(copy, n);
	}
	CHECK(true);
}

int main(void)
{
	if (iommu_ctx_new(&ctx) < 0)
		return 1;
	test_units();
	test_entries();
	test_unusable();
	test_madt();
	test_damage("tests/data/ivrs/entries.bin");
	test_damage("tests/data/ivrs/units.bin");
	test_damage("tests/data/ivrs/walk.bin");
	iommu_ctx_unref(ctx);
	return unit_report("ivrs");
}
