// SPDX-License-Identifier: MIT
/*
 * Which IOMMU unit serves a PCI function according to the firmware, read
 * with the table decoders as Linux reads the tables: DMAR device scopes and
 * INCLUDE_PCI_ALL (lib/acpi/dmar-units.c), IVRS device entries and aliases
 * (lib/acpi/ivrs-devices.c), IORT root complex -> SMMU mappings (lib/acpi/iort-trace.c).
 * A unit is named as the kernel names it when the kernel has one there
 * (dmarN by register base, ivhdN by index, smmu3.0xADDR by base).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "live/live.h"
#include "live/pci-topology.h"

struct firmware_units {
	struct iommu_tables *tables;
	struct iommu_dmar *dmar;
	struct iommu_ivrs *ivrs;
	struct iommu_iort *iort;
	int error;			/* -EOPNOTSUPP: no table could be read */
	/* the kernel's VT-d units and their register bases, to name DRHDs */
	struct {
		char name[32];
		uint64_t address;
	} *kernel_units;
	size_t nkernel_units;
};

/* dmarN by its intel-iommu/address. */
static void read_kernel_units(struct iommu_ctx *ctx, struct firmware_units *fw)
{
	char **names;
	size_t count;

	if (sysroot_list_class(ctx, "/sys/class/iommu", &names, &count) < 0)
		return;
	fw->kernel_units = calloc(count ? count : 1, sizeof(*fw->kernel_units));
	for (size_t i = 0; fw->kernel_units && i < count; i++) {
		char path[256], *line;

		snprintf(path, sizeof(path), "/sys/class/iommu/%s/intel-iommu/address", names[i]);
		if (sysroot_read_line(ctx, path, &line) < 0)
			continue;
		snprintf(fw->kernel_units[fw->nkernel_units].name, sizeof(fw->kernel_units[0].name),
			 "%s", names[i]);
		fw->kernel_units[fw->nkernel_units++].address = strtoull(line, NULL, 16);
		free(line);
	}
	strv_free(names, count);
}

int firmware_units_load(struct iommu_ctx *ctx, struct firmware_units **ret)
{
	struct firmware_units *fw = calloc(1, sizeof(*fw));
	struct iommu_table *t;
	int r;

	if (!fw)
		return -ENOMEM;
	r = iommu_tables_new(ctx, &fw->tables);
	if (r == 0)
		r = iommu_tables_load_sysroot(fw->tables);
	if (r == -ENOMEM) {
		firmware_units_free(fw);
		return r;
	}
	if ((t = iommu_tables_find(fw->tables, "DMAR")) && iommu_dmar_new(ctx, t, &fw->dmar) < 0)
		fw->dmar = NULL;
	if ((t = iommu_tables_find(fw->tables, "IVRS")) && iommu_ivrs_new(t, &fw->ivrs) < 0)
		fw->ivrs = NULL;
	if ((t = iommu_tables_find(fw->tables, "IORT")) && iommu_iort_new(t, &fw->iort) < 0)
		fw->iort = NULL;
	fw->error = fw->dmar || fw->ivrs || fw->iort ? 0 : -EOPNOTSUPP;
	read_kernel_units(ctx, fw);
	*ret = fw;
	return 0;
}

void firmware_units_free(struct firmware_units *fw)
{
	if (!fw)
		return;
	iommu_dmar_unref(fw->dmar);
	iommu_ivrs_unref(fw->ivrs);
	iommu_iort_unref(fw->iort);
	iommu_tables_unref(fw->tables);
	free(fw->kernel_units);
	free(fw);
}

/* VT-d 4.1 §8.3: the DRHD whose scope names the function, a bridge above it, or INCLUDE_PCI_ALL. */
static int dmar_unit(const struct firmware_units *fw, const struct pci_function *f, char *buf,
		     size_t size, uint32_t *ret_id)
{
	struct iommu_dmar_unit *unit;
	enum iommu_dmar_match match;
	uint64_t base;

	if (iommu_dmar_find_unit(fw->dmar, f->segment, f->bus, f->dev, f->fn, &unit, &match) < 0)
		return -ENOENT;
	base = iommu_dmar_unit_get_register_base(unit);
	/* VT-d 4.1 §3.4.1: the unit sees the requester's source-id, bus and devfn. */
	*ret_id = (uint32_t)(f->bus << 8 | f->dev << 3 | f->fn);
	for (size_t i = 0; i < fw->nkernel_units; i++)
		if (fw->kernel_units[i].address == base) {
			snprintf(buf, size, "%s", fw->kernel_units[i].name);
			return 0;
		}
	snprintf(buf, size, "DRHD@0x%llx", (unsigned long long)base);
	return 0;
}

/* AMD IOMMU 48882 §5.2.2: the IVHD whose device entries select the function (aliases followed). */
static int ivrs_unit(const struct firmware_units *fw, const struct pci_function *f, char *buf,
		     size_t size, uint32_t *ret_id)
{
	struct iommu_ivrs_device *dev;
	uint16_t devid = (uint16_t)(f->bus << 8 | f->dev << 3 | f->fn);
	int r = iommu_ivrs_lookup(fw->ivrs, f->segment, devid, &dev);

	if (r < 0)
		return r;
	snprintf(buf, size, "ivhd%u", iommu_ivrs_unit_get_index(iommu_ivrs_device_get_unit(dev)));
	*ret_id = iommu_ivrs_device_get_requester_id(dev);
	iommu_ivrs_device_unref(dev);
	return 0;
}

/* IORT E.g §3.1.1.3: the requester ID through the root complex's mappings to an SMMU. */
static int iort_unit(const struct firmware_units *fw, const struct pci_function *f, char *buf,
		     size_t size, uint32_t *ret_id)
{
	const struct iommu_iort_node *rc = iommu_iort_find_root_complex(fw->iort, f->segment);
	struct iommu_iort_path *path;
	uint32_t rid = (uint32_t)(f->bus << 8 | f->dev << 3 | f->fn);
	int r = -ENOENT;

	if (!rc || iommu_iort_trace(fw->iort, rc, rid, &path) < 0)
		return -ENOENT;
	for (size_t i = 0; i < iommu_iort_path_get_length(path) && r < 0; i++) {
		const struct iommu_iort_node *n = iommu_iort_path_get_node(path, i);
		unsigned int type = iommu_iort_node_get_type(n);

		if (type != IOMMU_IORT_SMMU_V3 && type != IOMMU_IORT_SMMU_V1V2)
			continue;
		/* Linux names the units "smmu3.%pa" and "smmu.%pa". */
		snprintf(buf, size, "%s.0x%016llx", type == IOMMU_IORT_SMMU_V3 ? "smmu3" : "smmu",
			 (unsigned long long)dnode_get_u64(iommu_iort_node_get_dnode(n), "base_address", 0));
		/* The StreamID: the ID as it arrives at the SMMU. */
		*ret_id = iommu_iort_path_get_id(path, i);
		r = 0;
	}
	iommu_iort_path_unref(path);
	return r;
}

bool firmware_units_attach_at_probe(const struct firmware_units *fw)
{
	return !fw->error && !fw->dmar && !fw->ivrs && fw->iort;
}

int firmware_unit_of(const struct firmware_units *fw, const struct pci_function *f, char *buf,
		     size_t size, uint32_t *ret_id)
{
	/* Behind a VMD the firmware sees only the VMD controller's requester ID. */
	if (fw->error || f->vmd_domain)
		return -EOPNOTSUPP;
	if (fw->dmar)
		return dmar_unit(fw, f, buf, size, ret_id);
	if (fw->ivrs)
		return ivrs_unit(fw, f, buf, size, ret_id);
	return iort_unit(fw, f, buf, size, ret_id);
}
