// SPDX-License-Identifier: MIT
/*
 * Groups and devices through the public API: the fixture's groups against its
 * ls-lR-iommu_groups.txt and lspci (the root port's ACS), VFIO viability from the bound
 * drivers, and the host-use detection (root file system through a root port, default
 * route) on the intel-enabled test sysroot.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "libiommu.h"
#include "unit.h"

static const struct iommu_member *member(const struct iommu_groups *groups, unsigned int id,
					 const char *name)
{
	const struct iommu_group *g = iommu_groups_find(groups, id);
	const struct iommu_member *m;

	if (!g)
		return NULL;
	iommu_group_foreach_member(g, m)
		if (strcmp(iommu_member_get_name(m), name) == 0)
			return m;
	return NULL;
}

static void test_fixture(const char *root)
{
	struct iommu_groups *groups = NULL;
	const struct iommu_group *g;
	const struct iommu_region *r;
	const struct iommu_port *p;
	struct iommu_ctx *ctx;
	uint16_t cap = 0, ctrl = 0;
	size_t n = 0;

	CHECK(iommu_ctx_new(&ctx) == 0);
	CHECK(iommu_ctx_set_sysroot(ctx, root) == 0);
	CHECK(iommu_groups_new(ctx, &groups) == 0);
	if (!groups)
		return;
	iommu_groups_foreach(groups, g) {
		CHECK_STR(iommu_group_get_type(g), "DMA");
		CHECK(!iommu_group_is_noiommu(g));
		CHECK(!iommu_group_is_critical(g));
		n++;
	}
	CHECK_EQ(n, 7);
	/* 00:04.0 is bound to vfio-pci, 00:02.0 to e1000e, 00:05.0 (a port) to pcieport. */
	CHECK(iommu_group_is_viable(iommu_groups_find(groups, 3)));
	CHECK(!iommu_group_is_viable(iommu_groups_find(groups, 1)));
	CHECK_STR(iommu_member_get_blocker(member(groups, 1, "0000:00:02.0")), "bound to e1000e");
	CHECK(iommu_group_is_viable(iommu_groups_find(groups, 4)));
	CHECK(iommu_member_is_bridge(member(groups, 4, "0000:00:05.0")));
	CHECK(member(groups, 4, "0000:00:05.0") && !iommu_member_get_blocker(member(groups, 4, "0000:00:05.0")));
	CHECK_STR(iommu_member_get_bus(member(groups, 5, "0000:00:1f.3")), "pci");
	CHECK(iommu_member_get_driver(member(groups, 5, "0000:00:1f.3")) == NULL);
	/* Group 5: the ISA bridge's 16 MiB, then the MSI window. */
	r = iommu_group_get_first_region(iommu_groups_find(groups, 5));
	CHECK(r && iommu_region_get_start(r) == 0 && iommu_region_get_end(r) == 0xffffff);
	CHECK_STR(r ? iommu_region_get_type(r) : NULL, "direct-relaxable");
	r = r ? iommu_region_get_next(r) : NULL;
	CHECK(r && iommu_region_get_start(r) == 0xfee00000 && iommu_region_get_end(r) == 0xfeefffff);
	CHECK(r && !iommu_region_get_next(r));
	/* The NVMe sits behind 00:05.0: lspci ACSCap 0x5f, ACSCtl 0x1d (SV RR CR UF enabled). */
	p = iommu_group_get_first_port(iommu_groups_find(groups, 6));
	CHECK_STR(p ? iommu_port_get_name(p) : NULL, "0000:00:05.0");
	CHECK_EQ(p ? iommu_port_get_acs(p, &cap, &ctrl) : -1, 1);
	CHECK_EQ(cap, 0x5f);
	CHECK_EQ(ctrl, 0x1d);
	CHECK(iommu_group_get_first_port(iommu_groups_find(groups, 1)) == NULL);
	iommu_groups_unref(groups);
	iommu_ctx_unref(ctx);
}

static void test_host_use(void)
{
	char root[] = "/tmp/test-groups.XXXXXX", cmd[512];
	struct iommu_groups *groups = NULL;
	struct iommu_devices *devices = NULL;
	struct iommu_ctx *ctx;
	const char *fw = NULL;

	CHECK(mkdtemp(root) != NULL);
	snprintf(cmd, sizeof(cmd), "tests/sysroots/make-sysroot.sh tests/sysroots/intel-enabled.desc %s/r", root);
	CHECK(system(cmd) == 0);
	snprintf(cmd, sizeof(cmd), "%s/r", root);
	CHECK(iommu_ctx_new(&ctx) == 0);
	CHECK(iommu_ctx_set_sysroot(ctx, cmd) == 0);
	CHECK(iommu_groups_new(ctx, &groups) == 0);
	if (groups) {
		/* The root disk sits below the root port: both are the host's. */
		CHECK(iommu_group_is_critical(iommu_groups_find(groups, 3)));
		CHECK_STR(iommu_member_get_host_use(member(groups, 3, "0000:01:00.0")),
			  "root file system (nvme0n1p2)");
		CHECK_STR(iommu_member_get_host_use(member(groups, 3, "0000:00:1c.0")),
			  "root file system (nvme0n1p2)");
		CHECK_STR(iommu_member_get_host_use(member(groups, 4, "0000:00:1f.6")), "default route (eno1)");
		CHECK(!iommu_group_is_critical(iommu_groups_find(groups, 1)));
		/* No ACS capability on a 256-byte configuration space. */
		CHECK_EQ(iommu_port_get_acs(iommu_group_get_first_port(iommu_groups_find(groups, 3)), NULL, NULL), 0);
		iommu_groups_unref(groups);
	}
	/* Firmware and kernel: the DMAR gives 00:02.0 to the first DRHD (dmar0), the USB controller
	 * to the INCLUDE_PCI_ALL one (dmar1), where the kernel has it under dmar0. */
	CHECK(iommu_devices_new(ctx, &devices) == 0);
	if (devices) {
		const struct iommu_device *gpu = iommu_devices_find(devices, "0000:00:02.0");
		const struct iommu_device *usb = iommu_devices_find(devices, "0000:00:14.0");
		const struct iommu_device *nvme = iommu_devices_find(devices, "0000:01:00.0");

		CHECK(gpu && iommu_device_get_firmware_unit(gpu, &fw) == 0);
		CHECK_STR(fw, "dmar0");
		CHECK(gpu && !iommu_device_units_disagree(gpu));
		CHECK(usb && iommu_device_get_firmware_unit(usb, &fw) == 0);
		CHECK_STR(fw, "dmar1");
		CHECK(usb && iommu_device_units_disagree(usb));
		CHECK_STR(usb ? iommu_device_get_kernel_unit(usb) : NULL, "dmar0");
		CHECK_STR(nvme ? iommu_device_get_parent(nvme) : NULL, "0000:00:1c.0");
		CHECK_EQ(nvme ? iommu_device_get_group(nvme) : -1, 3);
		CHECK_EQ(nvme ? iommu_device_get_class(nvme) : 0, 0x010802);
		iommu_devices_unref(devices);
	}
	iommu_ctx_unref(ctx);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	CHECK(system(cmd) == 0);
}

int main(void)
{
	const char *fixtures = getenv("FIXTURES");
	char root[4096];

	test_host_use();
	snprintf(root, sizeof(root), "%s/q35-vtd-legacy", fixtures ? fixtures : "");
	if (fixtures && access(root, F_OK) == 0)
		test_fixture(root);
	else
		printf("no fixture sysroot (needs ../shared): the fixture's groups are not checked\n");
	return unit_report("groups");
}
