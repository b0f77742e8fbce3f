/* SPDX-License-Identifier: MIT */
/* The sysroot's PCI functions, read through libpci (private to libiommu). */
#ifndef LIBIOMMU_PCI_TOPOLOGY_H
#define LIBIOMMU_PCI_TOPOLOGY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "libiommu.h"

struct pci_function {
	uint16_t segment;
	uint8_t bus, dev, fn;
	uint16_t vendor, device;
	uint32_t class_code;		/* base << 16 | sub-class << 8 | prog-if */
	uint8_t header_type;		/* without the multi-function bit */
	bool is_bridge;			/* header type 1 (PCI-PCI) or 2 (CardBus) */
	uint8_t secondary_bus;		/* bridges only */
	uint8_t subordinate_bus;	/* bridges only */
	char name[16];			/* "0000:00:1f.0"; a VMD domain's "10000:00:02.0" */
	bool vmd_domain;		/* behind a VMD: SEGMENT is not its domain, firmware does not see it */
	/* pci.ids names (libpci's pci_lookup_name), NULL when unknown or not asked for */
	char *vendor_name, *device_name, *class_name;
	uint16_t config_size;		/* configuration bytes readable: 64 without root */
	/* Extended capabilities: 1 present, 0 absent, -EACCES extended space unreadable */
	int acs;			/* PCIe 6.0 §7.7.11 Access Control Services */
	uint16_t acs_cap, acs_ctrl;
	int ats;			/* PCIe 6.0 §10.5.1 Address Translation Services */
};

struct pci_topology;

/* Read <sysroot>/sys/bus/pci; -ENOENT when there is no PCI bus there. */
int pci_topology_load(struct iommu_ctx *ctx, struct pci_topology **ret_topology);
/* The same with the pci.ids names, whose parsing takes most of a load's time. */
int pci_topology_load_with_names(struct iommu_ctx *ctx, struct pci_topology **ret_topology);
void pci_topology_free(struct pci_topology *topology);
size_t pci_topology_count(const struct pci_topology *topology);
/* Functions sorted by segment, bus, device, function. */
const struct pci_function *pci_topology_get(const struct pci_topology *topology, size_t index);
const struct pci_function *pci_topology_find(const struct pci_topology *topology, uint16_t segment,
					     uint8_t bus, uint8_t dev, uint8_t fn);

/* The bridge whose secondary bus FUNCTION is on, or NULL (a root bus). */
const struct pci_function *pci_topology_find_parent(const struct pci_topology *topology,
						    const struct pci_function *function);

/* One hop of an ACPI device path: device and function on the current bus. */
struct pci_path_hop {
	uint8_t dev, fn;
};

/*
 * Follow a firmware device path (DMAR device scope, VT-d 4.1 §8.3.1; the
 * kernel's dmar_insert_dev_scope walk): the first hop is on START_BUS, every
 * further hop on the secondary bus of the bridge before it.  Returns 0 with
 * the function reached; -ENODEV when hop *RET_HOP names no function;
 * -ENOTDIR when hop *RET_HOP is not a bridge but more hops follow.
 */
int pci_topology_resolve_path(const struct pci_topology *topology, uint16_t segment,
			      uint8_t start_bus, const struct pci_path_hop *hops, size_t nhops,
			      const struct pci_function **ret_function, size_t *ret_hop);

#endif
