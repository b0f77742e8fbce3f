// SPDX-License-Identifier: MIT
/*
 * Which DRHD serves each PCI function (iommu_dmar_find_unit), checked
 * against what the guest kernel itself decided: in the q35-vtd-legacy
 * fixture every PCI function's sysfs "iommu" link names the unit (dmar0)
 * whose intel-iommu/address is the DRHD's register base.  QEMU lists every
 * function on bus 0 by an endpoint scope and the root port 00:05.0 by a
 * sub-hierarchy scope, so 01:00.0 (the NVMe controller behind it) is matched
 * through its bridge.  Without PCI functions (no sysroot) only one-hop
 * scopes can name a function; an INCLUDE_PCI_ALL unit takes the rest of its
 * segment.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "libiommu.h"
#include "unit.h"

static char fixture[PATH_MAX];

static struct iommu_dmar *load(struct iommu_ctx *ctx, const char *path)
{
	struct iommu_tables *tables;
	struct iommu_dmar *dmar = NULL;

	if (iommu_tables_new(ctx, &tables) < 0)
		return NULL;
	iommu_tables_load_path(tables, path);
	if (iommu_tables_find(tables, "DMAR"))
		CHECK(iommu_dmar_new(ctx, iommu_tables_find(tables, "DMAR"), &dmar) == 0);
	iommu_tables_unref(tables);
	return dmar;
}

/* The register base of the unit the kernel linked FUNCTION to, from the fixture's sysfs. */
static uint64_t kernel_unit_base(const char *function)
{
	char path[PATH_MAX + 512], target[256], *name;
	unsigned long long base = 0;
	ssize_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/sys/bus/pci/devices/%s/iommu", fixture, function);
	n = readlink(path, target, sizeof(target) - 1);
	if (n <= 0)
		return 0;
	target[n] = 0;
	name = strrchr(target, '/');
	snprintf(path, sizeof(path), "%s/sys/class/iommu/%s/intel-iommu/address", fixture,
		 name ? name + 1 : target);
	f = fopen(path, "r");
	if (f) {
		if (fscanf(f, "%llx", &base) != 1)
			base = 0;
		fclose(f);
	}
	return base;
}

static void test_fixture(struct iommu_ctx *ctx)
{
	static const struct { uint8_t bus, dev, fn; enum iommu_dmar_match match; } functions[] = {
		{ 0, 0, 0, IOMMU_DMAR_MATCH_DEVICE }, { 0, 2, 0, IOMMU_DMAR_MATCH_DEVICE },
		{ 0, 3, 0, IOMMU_DMAR_MATCH_DEVICE }, { 0, 4, 0, IOMMU_DMAR_MATCH_DEVICE },
		{ 0, 5, 0, IOMMU_DMAR_MATCH_DEVICE }, { 0, 0x1f, 0, IOMMU_DMAR_MATCH_DEVICE },
		{ 0, 0x1f, 2, IOMMU_DMAR_MATCH_DEVICE }, { 0, 0x1f, 3, IOMMU_DMAR_MATCH_DEVICE },
		{ 1, 0, 0, IOMMU_DMAR_MATCH_BRIDGE },
	};
	char path[PATH_MAX + 64];
	struct iommu_dmar *dmar;
	struct iommu_dmar_unit *u;
	enum iommu_dmar_match match;
	unsigned int count = 0;

	CHECK(iommu_ctx_set_sysroot(ctx, fixture) == 0);
	snprintf(path, sizeof(path), "%s/sys/firmware/acpi/tables/DMAR", fixture);
	dmar = load(ctx, path);
	if (!dmar)
		return;
	iommu_dmar_foreach_unit(dmar, u) {
		CHECK_EQ(iommu_dmar_unit_get_index(u), count);
		CHECK_EQ(iommu_dmar_unit_get_register_base(u), 0xfed90000);
		CHECK_EQ(iommu_dmar_unit_get_offset(u), 0x30);
		CHECK_EQ(iommu_dmar_unit_get_segment(u), 0);
		CHECK(!iommu_dmar_unit_is_include_pci_all(u));
		count++;
	}
	CHECK_EQ(count, 1);
	for (size_t i = 0; i < sizeof(functions) / sizeof(functions[0]); i++) {
		char name[16];

		snprintf(name, sizeof(name), "0000:%02x:%02x.%x", functions[i].bus, functions[i].dev,
			 functions[i].fn);
		u = NULL;
		CHECK(iommu_dmar_find_unit(dmar, 0, functions[i].bus, functions[i].dev, functions[i].fn,
					   &u, &match) == 0);
		CHECK_EQ(match, functions[i].match);
		CHECK_EQ(u ? iommu_dmar_unit_get_register_base(u) : 0, kernel_unit_base(name));
	}
	/* No such function; another segment. */
	CHECK(iommu_dmar_find_unit(dmar, 0, 0, 9, 0, &u, &match) == -ENODEV);
	CHECK_EQ(match, IOMMU_DMAR_MATCH_NONE);
	CHECK(iommu_dmar_find_unit(dmar, 1, 0, 2, 0, &u, &match) == -ENODEV);
	CHECK_STR(iommu_dmar_match_name(IOMMU_DMAR_MATCH_BRIDGE), "bridge");
	iommu_dmar_unref(dmar);
}

static void test_without_pci(struct iommu_ctx *ctx, const char *shared)
{
	char path[PATH_MAX + 64], empty[PATH_MAX];
	struct iommu_dmar *dmar;
	struct iommu_dmar_unit *u = NULL;
	enum iommu_dmar_match match;

	CHECK(iommu_ctx_set_sysroot(ctx, unit_empty_sysroot(empty)) == 0);
	snprintf(path, sizeof(path), "%s/fixtures/q35-vtd-legacy/acpi/DMAR", shared);
	dmar = load(ctx, path);
	if (dmar) {
		CHECK(iommu_dmar_find_unit(dmar, 0, 0, 2, 0, &u, &match) == 0);
		CHECK_EQ(match, IOMMU_DMAR_MATCH_DEVICE);
		/* Behind the root port: nothing says which bridge leads there. */
		CHECK(iommu_dmar_find_unit(dmar, 0, 1, 0, 0, &u, &match) == -ENODEV);
		iommu_dmar_unref(dmar);
	}
	/* ACPICA's template: an INCLUDE_PCI_ALL unit of segment 0 (an IOAPIC scope only). */
	snprintf(path, sizeof(path), "%s/corpus/templates/dmar.aml", shared);
	dmar = load(ctx, path);
	if (dmar) {
		CHECK(iommu_dmar_find_unit(dmar, 0, 5, 0, 0, &u, &match) == 0);
		CHECK_EQ(match, IOMMU_DMAR_MATCH_INCLUDE_ALL);
		CHECK(u && iommu_dmar_unit_is_include_pci_all(u));
		iommu_dmar_unref(dmar);
	}
	unit_empty_sysroot_remove(empty);
}

int main(void)
{
	const char *fixtures = getenv("FIXTURES"), *shared = getenv("SHARED");
	struct iommu_ctx *ctx;
	struct iommu_tables *tables;
	struct iommu_dmar *dmar;

	snprintf(fixture, sizeof(fixture), "%s/q35-vtd-legacy", fixtures ? fixtures : "");
	if (!fixtures || !shared || access(fixture, F_OK) != 0) {
		printf("no fixture sysroot (needs ../shared)\n");
		return 77;
	}
	CHECK(iommu_ctx_new(&ctx) == 0);
	test_fixture(ctx);
	test_without_pci(ctx, shared);

	/* Not a DMAR. */
	CHECK(iommu_tables_new(ctx, &tables) == 0);
	{
		char path[PATH_MAX + 64];

		snprintf(path, sizeof(path), "%s/fixtures/q35-vtd-legacy/acpi/HPET", shared);
		iommu_tables_load_path(tables, path);
	}
	dmar = NULL;
	CHECK(iommu_tables_get_first(tables) &&
	      iommu_dmar_new(ctx, iommu_tables_get_first(tables), &dmar) == -EINVAL);
	CHECK(dmar == NULL);
	CHECK(iommu_dmar_unref(NULL) == NULL);
	iommu_tables_unref(tables);
	iommu_ctx_unref(ctx);
	return unit_report("dmar-units");
}
