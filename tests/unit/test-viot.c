// SPDX-License-Identifier: MIT
/*
 * The VIOT decode and checks on tests/data/ivrs/viot-broken.bin (see
 * tests/data/ivrs/make-tables.py), and every byte of it damaged.
 */
#include <stdio.h>
#include <stdlib.h>

#include "libiommu.h"
#include "unit.h"

static struct iommu_ctx *ctx;

static size_t read_file(const char *path, uint8_t *buf, size_t size)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		abort();
	n = fread(buf, 1, size, f);
	fclose(f);
	return n;
}

static struct iommu_table *load(const uint8_t *data, size_t size, struct iommu_tables **ret)
{
	if (iommu_tables_new(ctx, ret) < 0)
		abort();
	iommu_tables_load_data(*ret, "viot", data, size);
	return iommu_tables_get_first(*ret);
}

static unsigned int count_id(const struct iommu_findings *findings, const char *id)
{
	const struct iommu_finding *f;
	unsigned int n = 0;

	iommu_findings_foreach(findings, f)
		n += strcmp(iommu_finding_get_id(f), id) == 0;
	return n;
}

static void test_decode(const uint8_t *data, size_t size)
{
	static const char *const kinds[] = {
		"virtio_pci_iommu", "virtio_mmio_iommu", "pci_range", "pci_range", "pci_range",
		"mmio_endpoint", "mmio_endpoint", "unknown_node", "pci_range",
	};
	struct iommu_findings *findings;
	struct iommu_tables *t;
	struct iommu_table *table = load(data, size, &t);
	struct iommu_dnode *root, *c;
	const struct iommu_dfield *f;
	size_t n = 0;

	CHECK(table && iommu_table_decode(table, &root) == 0);
	if (!table)
		return;
	CHECK_STR(iommu_dnode_get_kind(root), "viot");
	CHECK_EQ(iommu_dfield_get_u64(iommu_dnode_find_field(root, "node_count")), 8);
	iommu_dnode_foreach_child(root, c) {
		CHECK(n < 9 && strcmp(iommu_dnode_get_kind(c), kinds[n]) == 0);
		n++;
	}
	CHECK_EQ(n, 9);
	c = iommu_dnode_get_first_child(root);
	f = c ? iommu_dnode_find_field(c, "bdf") : NULL;
	CHECK(f && iommu_dfield_get_u64(f) == 0x0008);
	CHECK(f && strcmp(iommu_dfield_get_meaning(f), "00:01.0") == 0);
	c = c ? iommu_dnode_get_next(iommu_dnode_get_next(c)) : NULL;	/* the first PCI range */
	f = c ? iommu_dnode_find_field(c, "output_node") : NULL;
	CHECK(f && strcmp(iommu_dfield_get_meaning(f), "virtio-pci IOMMU") == 0);
	f = c ? iommu_dnode_find_field(c, "bdf_end") : NULL;
	CHECK(f && iommu_dfield_get_offset(f) == 0x50 + 14 && iommu_dfield_get_size(f) == 2);
	iommu_dnode_unref(root);

	CHECK(iommu_table_validate(table, t, 0, &findings) == 0);
	CHECK_EQ(count_id(findings, "viot.node_count.mismatch"), 1);
	CHECK_EQ(count_id(findings, "viot.output_node.invalid"), 2);
	CHECK_EQ(count_id(findings, "viot.pci_range.overlap"), 1);
	CHECK_EQ(count_id(findings, "viot.pci_range.inverted"), 1);
	CHECK_EQ(count_id(findings, "viot.mmio.duplicate"), 1);
	CHECK_EQ(count_id(findings, "viot.iommu.unused"), 1);
	CHECK_EQ(count_id(findings, "viot.node.unknown_type"), 1);
	CHECK_EQ(count_id(findings, "viot.node.too_short"), 1);
	CHECK_EQ(count_id(findings, "viot.iommu.none"), 0);
	iommu_findings_unref(findings);
	iommu_tables_unref(t);
}

static void exercise(const uint8_t *data, size_t size)
{
	struct iommu_findings *findings;
	struct iommu_dnode *root;
	struct iommu_tables *t;
	struct iommu_table *table = load(data, size, &t);

	if (table && iommu_table_decode(table, &root) == 0)
		iommu_dnode_unref(root);
	if (table && iommu_table_validate(table, t, 0, &findings) == 0)
		iommu_findings_unref(findings);
	iommu_tables_unref(t);
}

int main(void)
{
	uint8_t data[512], copy[512];
	size_t size;

	if (iommu_ctx_new(&ctx) < 0)
		return 1;
	size = read_file("tests/data/ivrs/viot-broken.bin", data, sizeof(data));
	test_decode(data, size);
	for (size_t i = 36; i < size; i++)
		for (unsigned int v = 0; v < 3; v++) {
			memcpy(copy, data, size);
			copy[i] = (uint8_t[]){ 0x00, 0x80, 0xff }[v];
			exercise(copy, size);
		}
	for (size_t n = 36; n < size; n++) {
		memcpy(copy, data, size);
		copy[4] = (uint8_t)n;
		exercise(copy, n);
	}
	iommu_ctx_unref(ctx);
	return unit_report("viot");
}
