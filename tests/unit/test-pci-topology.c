// SPDX-License-Identifier: MIT
/*
 * The PCI topology read through libpci from a fixture sysroot, checked
 * against the guest's own lspci output (shared/fixtures/q35-vtd-legacy/lspci.txt:
 * 00:05.0 is a PCIe root port with secondary=01 subordinate=01; 01:00.0 is
 * the NVMe controller [0108] prog-if 02; 00:1f.0 is the ISA bridge [0601]).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "live/pci-topology.h"
#include "unit.h"

int main(void)
{
	const char *fixtures = getenv("FIXTURES");
	const struct pci_path_hop to_nvme[] = { { 5, 0 }, { 0, 0 } };
	const struct pci_path_hop through_endpoint[] = { { 2, 0 }, { 0, 0 } };
	const struct pci_path_hop missing[] = { { 7, 0 } };
	const struct pci_function *f;
	struct pci_topology *t;
	struct iommu_ctx *ctx;
	char root[4096], empty[4096];
	size_t hop;

	snprintf(root, sizeof(root), "%s/q35-vtd-legacy", fixtures ? fixtures : "");
	if (!fixtures || access(root, F_OK) != 0) {
		printf("no fixture sysroot (needs ../shared)\n");
		return 77;
	}
	CHECK(iommu_ctx_new(&ctx) == 0);
	CHECK(iommu_ctx_set_sysroot(ctx, root) == 0);
	/* Without names unless asked: parsing pci.ids is most of a load's time. */
	CHECK(pci_topology_load(ctx, &t) == 0);
	f = pci_topology_find(t, 0, 0, 5, 0);
	CHECK(f && f->is_bridge && !f->vendor_name && !f->device_name && !f->class_name);
	pci_topology_free(t);
	CHECK(pci_topology_load_with_names(ctx, &t) == 0);
	CHECK_EQ(pci_topology_count(t), 9);

	f = pci_topology_find(t, 0, 0, 5, 0);
	CHECK(f && f->is_bridge);
	CHECK_EQ(f ? f->secondary_bus : 0, 1);
	CHECK_EQ(f ? f->subordinate_bus : 0, 1);
	CHECK_EQ(f ? f->vendor : 0, 0x1b36);
	CHECK_EQ(f ? f->device : 0, 0x000c);
	/* lspci: "PCI bridge [0604]: Red Hat, Inc. QEMU PCIe Root port", "[148 v1] Access
	 * Control Services", ACSCap SrcValid+ TransBlk+ ReqRedir+ CmpltRedir+ UpstreamFwd+
	 * EgressCtrl- DirectTrans+, ACSCtl SrcValid+ TransBlk- ReqRedir+ CmpltRedir+ UpstreamFwd+. */
	CHECK_STR(f ? f->vendor_name : NULL, "Red Hat, Inc.");
	CHECK_STR(f ? f->device_name : NULL, "QEMU PCIe Root port");
	CHECK_STR(f ? f->class_name : NULL, "PCI bridge");
	CHECK_EQ(f ? f->config_size : 0, 4096);
	CHECK_EQ(f ? f->acs : 0, 1);
	CHECK_EQ(f ? f->acs_cap : 0, 0x5f);
	CHECK_EQ(f ? f->acs_ctrl : 0, 0x1d);
	CHECK_EQ(f ? f->ats : 1, 0);
	/* The host bridge has 256 bytes: no extended capabilities at all. */
	f = pci_topology_find(t, 0, 0, 0, 0);
	CHECK_EQ(f ? f->config_size : 0, 256);
	CHECK_EQ(f ? f->acs : 1, 0);
	/* The edu device is in no pci.ids. */
	f = pci_topology_find(t, 0, 0, 4, 0);
	CHECK(f && f->device_name == NULL);

	f = pci_topology_find(t, 0, 1, 0, 0);
	CHECK(f && !f->is_bridge);
	CHECK_EQ(f ? f->class_code : 0, 0x010802);

	f = pci_topology_find(t, 0, 0, 0x1f, 0);
	CHECK_EQ(f ? f->class_code >> 8 : 0, 0x0601);
	CHECK_STR(f ? f->name : NULL, "0000:00:1f.0");

	f = NULL;
	CHECK(pci_topology_resolve_path(t, 0, 0, to_nvme, 2, &f, &hop) == 0);
	CHECK_STR(f ? f->name : NULL, "0000:01:00.0");
	CHECK(pci_topology_resolve_path(t, 0, 0, through_endpoint, 2, &f, &hop) == -ENOTDIR);
	CHECK_EQ(hop, 0);
	CHECK(pci_topology_resolve_path(t, 0, 0, missing, 1, &f, &hop) == -ENODEV);
	CHECK(pci_topology_find(t, 1, 0, 0, 0) == NULL);

	/* The NVMe controller's parent is the root port; the root port is on the root bus. */
	f = pci_topology_find(t, 0, 1, 0, 0);
	f = f ? pci_topology_find_parent(t, f) : NULL;
	CHECK_STR(f ? f->name : NULL, "0000:00:05.0");
	CHECK(f && pci_topology_find_parent(t, f) == NULL);

	pci_topology_free(t);

	/* A sysroot without a PCI bus */
	CHECK(iommu_ctx_set_sysroot(ctx, unit_empty_sysroot(empty)) == 0);
	CHECK(pci_topology_load(ctx, &t) == -ENOENT);
	unit_empty_sysroot_remove(empty);
	iommu_ctx_unref(ctx);
	return unit_report("pci-topology");
}
