// SPDX-License-Identifier: MIT
/*
 * Which IOMMU unit serves a PCI function according to the sysroot's firmware
 * tables (lib/acpi/requester.c, the look-up translate and walk use too),
 * named as the kernel names it when the kernel has one there (dmarN by
 * register base, ivhdN by index, smmu3.0xADDR and smmu.0xADDR by base).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "live/live.h"
#include "live/pci-topology.h"

struct firmware_units {
	struct iommu_tables *tables;
	struct iommu_requesters *requesters;	/* the first of DMAR, IVRS, IORT */
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
	int r;

	if (!fw)
		return -ENOMEM;
	r = iommu_tables_new(ctx, &fw->tables);
	if (r == 0)
		r = iommu_tables_load_sysroot(fw->tables);
	if (r != -ENOMEM && fw->tables)
		r = iommu_requesters_new(fw->tables, IOMMU_VENDOR_UNKNOWN, &fw->requesters);
	if (r == -ENOMEM) {
		firmware_units_free(fw);
		return r;
	}
	fw->error = fw->requesters && iommu_requesters_get_vendor(fw->requesters) != IOMMU_VENDOR_UNKNOWN
		    ? 0 : -EOPNOTSUPP;
	read_kernel_units(ctx, fw);
	*ret = fw;
	return 0;
}

void firmware_units_free(struct firmware_units *fw)
{
	if (!fw)
		return;
	iommu_requesters_unref(fw->requesters);
	iommu_tables_unref(fw->tables);
	free(fw->kernel_units);
	free(fw);
}

/* A unit named as Linux names it: dmarN by register base, ivhdN by index, smmu3.%pa, smmu.%pa. */
static void unit_name(const struct firmware_units *fw, const struct iommu_requester *rq, char *buf,
		      size_t size)
{
	unsigned long long base = iommu_requester_get_unit_base(rq);

	switch (iommu_requester_get_unit(rq)) {
	case IOMMU_REQUESTER_DRHD:
		for (size_t i = 0; i < fw->nkernel_units; i++)
			if (fw->kernel_units[i].address == base) {
				snprintf(buf, size, "%s", fw->kernel_units[i].name);
				return;
			}
		snprintf(buf, size, "DRHD@0x%llx", base);
		break;
	case IOMMU_REQUESTER_IVHD:
		snprintf(buf, size, "ivhd%u", iommu_requester_get_unit_index(rq));
		break;
	case IOMMU_REQUESTER_SMMU_V3:
		snprintf(buf, size, "smmu3.0x%016llx", base);
		break;
	default:
		snprintf(buf, size, "smmu.0x%016llx", base);
		break;
	}
}

bool firmware_units_attach_at_probe(const struct firmware_units *fw)
{
	return !fw->error && iommu_requesters_get_vendor(fw->requesters) == IOMMU_VENDOR_ARM;
}

int firmware_unit_of(const struct firmware_units *fw, const struct pci_function *f, char *buf,
		     size_t size, uint32_t *ret_id)
{
	struct iommu_requester *rq;
	int r;

	/* Behind a VMD the firmware sees only the VMD controller's requester ID. */
	if (fw->error || f->vmd_domain)
		return -EOPNOTSUPP;
	r = iommu_requesters_resolve(fw->requesters, f->segment, f->bus, f->dev, f->fn, &rq);
	if (r < 0)
		return r;
	if (iommu_requester_get_reason(rq) == IOMMU_REQUESTER_SERVED) {
		unit_name(fw, rq, buf, size);
		*ret_id = iommu_requester_get_id(rq);
	} else {
		r = -ENOENT;
	}
	iommu_requester_unref(rq);
	return r;
}
