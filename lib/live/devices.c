// SPDX-License-Identifier: MIT
/*
 * Every device the IOMMU concerns: each PCI function (libpci over the
 * sysroot) with its driver, group and the unit the kernel attached it to
 * (sysfs "driver", "iommu_group", "iommu" links), the unit the firmware
 * tables name for it (lib/live/devices-firmware.c), its ATS capability and its
 * group's reserved regions; then the group members that are not PCI
 * devices (platform and ACPI devices).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "live/live.h"
#include "live/pci-topology.h"

struct iommu_device {
	struct iommu_device *next;
	char *name, *bus, *driver, *kernel_unit;
	char *vendor_name, *device_name, *class_name;
	char parent[16];
	bool pci, bridge;
	uint16_t vendor_id, device_id;
	uint32_t class_code;
	int group;
	int firmware_error;		/* 0, -ENOENT or -EOPNOTSUPP */
	char firmware_unit[48];
	uint32_t firmware_id;
	int ats;
	bool disagree, awaits_driver;
	const struct iommu_group *group_ref;
};

struct iommu_devices {
	int refcount;
	struct iommu_device *first;
	struct iommu_groups *groups;
};

/* The last component of a PCI function's link ("iommu_group" -> "../../../kernel/iommu_groups/5": "5"). */
static char *pci_link(struct iommu_ctx *ctx, const char *device, const char *link)
{
	char path[256];

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/%s", device, link);
	return link_name(ctx, path);
}

/* A group member's unit, through the group's link to it. */
static char *member_unit(struct iommu_ctx *ctx, int group, const char *name)
{
	char path[512];

	snprintf(path, sizeof(path), "/sys/kernel/iommu_groups/%d/devices/%s/iommu", group, name);
	return link_name(ctx, path);
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int add_pci(struct iommu_ctx *ctx, struct iommu_devices *devs, struct iommu_device ***tail,
		   const struct pci_topology *t, const struct pci_function *f,
		   const struct firmware_units *fw, bool running)
{
	struct iommu_device *d = calloc(1, sizeof(*d));
	const struct pci_function *parent = pci_topology_find_parent(t, f);
	char *group;

	if (!d)
		return -ENOMEM;
	**tail = d;
	*tail = &d->next;
	d->pci = true;
	d->name = strdup(f->name);
	d->bus = strdup("pci");
	if (!d->name || !d->bus)
		return -ENOMEM;
	d->vendor_id = f->vendor;
	d->device_id = f->device;
	d->class_code = f->class_code;
	d->bridge = f->is_bridge;
	d->vendor_name = dup_or_null(f->vendor_name);
	d->device_name = dup_or_null(f->device_name);
	d->class_name = dup_or_null(f->class_name);
	/* The topology keys on 16-bit segments: a VMD domain's bridge is never a real segment's. */
	if (parent && parent->vmd_domain == f->vmd_domain)
		snprintf(d->parent, sizeof(d->parent), "%s", parent->name);
	d->driver = pci_link(ctx, f->name, "driver");
	d->kernel_unit = pci_link(ctx, f->name, "iommu");
	group = pci_link(ctx, f->name, "iommu_group");
	d->group = group ? atoi(group) : -1;
	free(group);
	if (devs->groups && d->group >= 0)
		d->group_ref = iommu_groups_find(devs->groups, (unsigned int)d->group);
	d->ats = f->ats;
	d->firmware_error = firmware_unit_of(fw, f, d->firmware_unit, sizeof(d->firmware_unit),
					     &d->firmware_id);
	/* Not attached yet: the kernel attaches it when a driver binds (ACPI on Arm). */
	d->awaits_driver = running && !d->firmware_error && !d->kernel_unit && !d->driver &&
			   firmware_units_attach_at_probe(fw);
	/* While units run, firmware and kernel must agree; with none running, nothing is attached. */
	d->disagree = running && !d->awaits_driver &&
		      ((!d->firmware_error && (!d->kernel_unit || strcmp(d->firmware_unit, d->kernel_unit))) ||
		       (d->firmware_error == -ENOENT && d->kernel_unit));
	return 0;
}

static bool units_running(struct iommu_ctx *ctx)
{
	char **names;
	size_t count;

	if (sysroot_list_class(ctx, "/sys/class/iommu", &names, &count) < 0)
		return false;
	strv_free(names, count);
	return count > 0;
}

/* Group members on other buses: platform devices, ACPI devices, ... */
static int add_others(struct iommu_ctx *ctx, struct iommu_devices *devs, struct iommu_device ***tail)
{
	const struct iommu_group *g;
	const struct iommu_member *m;

	if (!devs->groups)
		return 0;
	iommu_groups_foreach(devs->groups, g)
		iommu_group_foreach_member(g, m) {
			const char *bus = iommu_member_get_bus(m);
			struct iommu_device *d;

			if (bus && strcmp(bus, "pci") == 0)
				continue;
			d = calloc(1, sizeof(*d));
			if (!d)
				return -ENOMEM;
			**tail = d;
			*tail = &d->next;
			d->name = strdup(iommu_member_get_name(m));
			d->bus = dup_or_null(bus);
			d->driver = dup_or_null(iommu_member_get_driver(m));
			if (!d->name)
				return -ENOMEM;
			d->group = (int)iommu_group_get_id(g);
			d->group_ref = g;
			d->kernel_unit = member_unit(ctx, d->group, d->name);
			d->ats = 0;
			d->firmware_error = -EOPNOTSUPP;
		}
	return 0;
}

IOMMU_EXPORT int iommu_devices_new(struct iommu_ctx *ctx, struct iommu_devices **ret_devices)
{
	struct iommu_devices *devs = calloc(1, sizeof(*devs));
	struct iommu_device **tail;
	struct firmware_units *fw = NULL;
	struct pci_topology *t = NULL;
	bool running;
	int r;

	if (!devs)
		return -ENOMEM;
	devs->refcount = 1;
	tail = &devs->first;
	r = iommu_groups_new(ctx, &devs->groups);
	if (r < 0 && r != -ENOMEM)
		r = 0, devs->groups = NULL;
	if (r == 0)
		r = pci_topology_load_with_names(ctx, &t);
	if (r == -ENOENT)
		r = 0;
	if (r == 0 && t)
		r = firmware_units_load(ctx, &fw);
	running = units_running(ctx);
	for (size_t i = 0; r == 0 && t && i < pci_topology_count(t); i++)
		r = add_pci(ctx, devs, &tail, t, pci_topology_get(t, i), fw, running);
	if (r == 0)
		r = add_others(ctx, devs, &tail);
	firmware_units_free(fw);
	pci_topology_free(t);
	if (r < 0) {
		iommu_devices_unref(devs);
		return r;
	}
	*ret_devices = devs;
	return 0;
}

IOMMU_EXPORT struct iommu_devices *iommu_devices_ref(struct iommu_devices *devices)
{
	if (devices)
		devices->refcount++;
	return devices;
}

IOMMU_EXPORT struct iommu_devices *iommu_devices_unref(struct iommu_devices *devices)
{
	if (!devices || --devices->refcount > 0)
		return NULL;
	while (devices->first) {
		struct iommu_device *d = devices->first;

		devices->first = d->next;
		free(d->name);
		free(d->bus);
		free(d->driver);
		free(d->kernel_unit);
		free(d->vendor_name);
		free(d->device_name);
		free(d->class_name);
		free(d);
	}
	iommu_groups_unref(devices->groups);
	free(devices);
	return NULL;
}

IOMMU_EXPORT struct iommu_device *iommu_devices_get_first(const struct iommu_devices *devices)
{
	return devices->first;
}

IOMMU_EXPORT struct iommu_device *iommu_device_get_next(const struct iommu_device *device)
{
	return device->next;
}

IOMMU_EXPORT struct iommu_device *iommu_devices_find(const struct iommu_devices *devices,
						     const char *name)
{
	for (struct iommu_device *d = devices->first; d; d = d->next)
		if (strcmp(d->name, name) == 0)
			return d;
	return NULL;
}

IOMMU_EXPORT const char *iommu_device_get_name(const struct iommu_device *device)
{
	return device->name;
}

IOMMU_EXPORT const char *iommu_device_get_bus(const struct iommu_device *device)
{
	return device->bus;
}

IOMMU_EXPORT bool iommu_device_is_pci(const struct iommu_device *device)
{
	return device->pci;
}

IOMMU_EXPORT bool iommu_device_is_bridge(const struct iommu_device *device)
{
	return device->bridge;
}

IOMMU_EXPORT uint16_t iommu_device_get_vendor_id(const struct iommu_device *device)
{
	return device->vendor_id;
}

IOMMU_EXPORT uint16_t iommu_device_get_device_id(const struct iommu_device *device)
{
	return device->device_id;
}

IOMMU_EXPORT uint32_t iommu_device_get_class(const struct iommu_device *device)
{
	return device->class_code;
}

IOMMU_EXPORT const char *iommu_device_get_vendor_name(const struct iommu_device *device)
{
	return device->vendor_name;
}

IOMMU_EXPORT const char *iommu_device_get_device_name(const struct iommu_device *device)
{
	return device->device_name;
}

IOMMU_EXPORT const char *iommu_device_get_class_name(const struct iommu_device *device)
{
	return device->class_name;
}

IOMMU_EXPORT const char *iommu_device_get_parent(const struct iommu_device *device)
{
	return device->parent[0] ? device->parent : NULL;
}

IOMMU_EXPORT const char *iommu_device_get_driver(const struct iommu_device *device)
{
	return device->driver;
}

IOMMU_EXPORT int iommu_device_get_group(const struct iommu_device *device)
{
	return device->group;
}

IOMMU_EXPORT const char *iommu_device_get_kernel_unit(const struct iommu_device *device)
{
	return device->kernel_unit;
}

IOMMU_EXPORT int iommu_device_get_firmware_unit(const struct iommu_device *device,
						const char **ret_name)
{
	if (device->firmware_error)
		return device->firmware_error;
	*ret_name = device->firmware_unit;
	return 0;
}

IOMMU_EXPORT int iommu_device_get_firmware_id(const struct iommu_device *device, uint32_t *ret_id)
{
	if (device->firmware_error)
		return device->firmware_error;
	*ret_id = device->firmware_id;
	return 0;
}

IOMMU_EXPORT bool iommu_device_units_disagree(const struct iommu_device *device)
{
	return device->disagree;
}

IOMMU_EXPORT bool iommu_device_awaits_driver(const struct iommu_device *device)
{
	return device->awaits_driver;
}

IOMMU_EXPORT int iommu_device_get_ats(const struct iommu_device *device)
{
	return device->ats;
}

IOMMU_EXPORT struct iommu_region *iommu_device_get_first_region(const struct iommu_device *device)
{
	return device->group_ref ? iommu_group_get_first_region(device->group_ref) : NULL;
}
