// SPDX-License-Identifier: MIT
/*
 * Inputs libFuzzer found, kept as regression tests (they crash only under the
 * sanitizer build, which `make check-sanitize` and CI run):
 * - a DMAR device scope of 124 hops whose devices and functions are not PCI
 *   numbers (each shown as "ff.ff?") overran the path text;
 * - an IVRS whose IVHD selects no device did pointer arithmetic on NULL.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libiommu.h"
#include "unit.h"

static void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void finish(uint8_t *t, uint32_t length)
{
	uint8_t sum = 0;

	put32(t + 4, length);
	t[9] = 0;
	for (uint32_t i = 0; i < length; i++)
		sum = (uint8_t)(sum + t[i]);
	t[9] = (uint8_t)-sum;
}

static struct iommu_table *load(struct iommu_tables *set, const uint8_t *data, size_t size)
{
	CHECK(iommu_tables_load_data(set, "regression", data, size) == 0);
	return iommu_tables_get_first(set);
}

static void long_scope_path(struct iommu_ctx *ctx)
{
	/* VT-d 4.1 §8.3: DMAR header, one DRHD (16 bytes) holding one scope of 254 bytes */
	uint8_t t[48 + 16 + 254] = "DMAR";
	struct iommu_tables *set;
	struct iommu_dnode *root, *drhd, *scope;
	const struct iommu_dfield *path;

	t[8] = 1;
	t[36] = 38;			/* 39-bit host address width */
	t[48] = 0;			/* DRHD */
	t[50] = (16 + 254) & 0xff;
	t[51] = (16 + 254) >> 8;
	t[52] = 1;			/* INCLUDE_PCI_ALL */
	t[56] = 0x10;			/* register base 0x1000 */
	t[64] = 1;			/* PCI endpoint scope */
	t[65] = 254;
	memset(t + 70, 0xff, 248);	/* 124 hops of ff.ff */
	finish(t, sizeof(t));
	CHECK(iommu_tables_new(ctx, &set) == 0);
	CHECK(iommu_table_decode(load(set, t, sizeof(t)), &root) == 0);
	drhd = iommu_dnode_get_first_child(root);
	scope = drhd ? iommu_dnode_get_first_child(drhd) : NULL;
	path = scope ? iommu_dnode_find_field(scope, "path") : NULL;
	CHECK(path != NULL);
	if (path) {
		const char *s = iommu_dfield_get_string(path);
		size_t len = strlen(s);

		CHECK(strncmp(s, "00:ff.ff?/ff.ff?", 16) == 0);
		CHECK(len > 3 && strcmp(s + len - 3, "...") == 0);
	}
	iommu_dnode_unref(root);
	iommu_tables_unref(set);
}

static void ivhd_without_devices(struct iommu_ctx *ctx)
{
	/* AMD IOMMU 48882 IVRS: header (48 bytes), one IVHD type 10h (24 bytes), no entries */
	uint8_t t[48 + 24] = "IVRS";
	struct iommu_findings *findings = NULL;
	struct iommu_tables *set;

	t[8] = 2;
	t[48] = 0x10;
	t[50] = 24;
	t[52] = 0x02;			/* the IOMMU's own device id 00:00.2 */
	t[56] = 0x00;
	t[57] = 0x10;			/* base 0x1000 */
	finish(t, sizeof(t));
	CHECK(iommu_tables_new(ctx, &set) == 0);
	CHECK(iommu_table_validate(load(set, t, sizeof(t)), set, 0, &findings) == 0);
	CHECK(findings != NULL);
	iommu_findings_unref(findings);
	iommu_tables_unref(set);
}

int main(void)
{
	struct iommu_ctx *ctx;

	CHECK(iommu_ctx_new(&ctx) == 0);
	long_scope_path(ctx);
	ivhd_without_devices(ctx);
	iommu_ctx_unref(ctx);
	return unit_report("fuzz-regressions");
}
