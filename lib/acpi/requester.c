// SPDX-License-Identifier: MIT
/*
 * The unit that serves a PCI requester and the ID that unit sees, as Linux
 * finds them: DMAR (dmar_find_matched_drhd_unit; VT-d 4.1 §3.4.1: the unit
 * sees the source-id), IVRS (AMD IOMMU 48882 §5.2.2: the last IVHD selecting
 * the device id; the unit sees the alias's requester id), IORT (DEN 0049 E.g
 * §3.1.1.3; iort_iommu_configure_id -> iort_node_map_id(IORT_IOMMU_TYPE): the
 * requester ID through the root complex's mappings to the first SMMU node,
 * v1/v2 or v3, on the way; the unit sees the ID arriving there, its StreamID).
 */
#include <errno.h>
#include <stdlib.h>

#include "acpi/dmar.h"
#include "acpi/iort.h"

struct iommu_requesters {
	int refcount;
	struct iommu_tables *tables;
	struct iommu_dmar *dmar;	/* the one table in use; the others NULL */
	struct iommu_ivrs *ivrs;
	struct iommu_iort *iort;
};

struct iommu_requester {
	enum iommu_requester_reason reason;
	enum iommu_requester_unit unit;
	uint64_t base, offset;
	unsigned int index;
	uint32_t id;
	bool aliased;
};

/* The table of VENDOR, decoded; -ENOENT when absent or unusable. */
static int load(struct iommu_requesters *rs, enum iommu_vendor vendor)
{
	struct iommu_table *t;
	int r = -ENOENT;

	switch (vendor) {
	case IOMMU_VENDOR_INTEL:
		if ((t = iommu_tables_find(rs->tables, "DMAR")))
			r = iommu_dmar_new(tables_get_ctx(rs->tables), t, &rs->dmar);
		break;
	case IOMMU_VENDOR_AMD:
		if ((t = iommu_tables_find(rs->tables, "IVRS")))
			r = iommu_ivrs_new(t, &rs->ivrs);
		break;
	case IOMMU_VENDOR_ARM:
		if ((t = iommu_tables_find(rs->tables, "IORT")))
			r = iommu_iort_new(t, &rs->iort);
		break;
	default:
		break;
	}
	return r == -ENOMEM ? r : r < 0 ? -ENOENT : 0;
}

IOMMU_EXPORT int iommu_requesters_new(struct iommu_tables *tables, enum iommu_vendor vendor,
				      struct iommu_requesters **ret_requesters)
{
	/* Linux's detection order: DMAR (x86), IVRS (x86), IORT (arm64). */
	static const enum iommu_vendor order[] = {
		IOMMU_VENDOR_INTEL, IOMMU_VENDOR_AMD, IOMMU_VENDOR_ARM,
	};
	struct iommu_requesters *rs;
	int r = -ENOENT;

	if (!tables || !ret_requesters)
		return -EINVAL;
	rs = calloc(1, sizeof(*rs));
	if (!rs)
		return -ENOMEM;
	rs->refcount = 1;
	rs->tables = iommu_tables_ref(tables);
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]) && r == -ENOENT; i++)
		if (vendor == IOMMU_VENDOR_UNKNOWN || vendor == order[i])
			r = load(rs, order[i]);
	if (r == -ENOMEM) {
		iommu_requesters_unref(rs);
		return r;
	}
	*ret_requesters = rs;
	return 0;
}

IOMMU_EXPORT struct iommu_requesters *iommu_requesters_ref(struct iommu_requesters *rs)
{
	if (rs)
		rs->refcount++;
	return rs;
}

IOMMU_EXPORT struct iommu_requesters *iommu_requesters_unref(struct iommu_requesters *rs)
{
	if (!rs || --rs->refcount > 0)
		return NULL;
	iommu_dmar_unref(rs->dmar);
	iommu_ivrs_unref(rs->ivrs);
	iommu_iort_unref(rs->iort);
	iommu_tables_unref(rs->tables);
	free(rs);
	return NULL;
}

IOMMU_EXPORT enum iommu_vendor iommu_requesters_get_vendor(const struct iommu_requesters *rs)
{
	return rs->dmar ? IOMMU_VENDOR_INTEL : rs->ivrs ? IOMMU_VENDOR_AMD
	       : rs->iort ? IOMMU_VENDOR_ARM : IOMMU_VENDOR_UNKNOWN;
}

/* VT-d 4.1 §8.3: the DRHD whose scope names the function, a bridge above it, or INCLUDE_PCI_ALL. */
static void through_dmar(const struct iommu_requesters *rs, uint16_t segment, uint8_t bus,
			 uint8_t dev, uint8_t fn, struct iommu_requester *rq)
{
	struct iommu_dmar_unit *unit;
	enum iommu_dmar_match match;

	if (iommu_dmar_find_unit(rs->dmar, segment, bus, dev, fn, &unit, &match) < 0) {
		rq->reason = dmar_has_function(rs->dmar, segment, bus, dev, fn)
			     ? IOMMU_REQUESTER_NOT_SELECTED : IOMMU_REQUESTER_NO_FUNCTION;
		return;
	}
	rq->unit = IOMMU_REQUESTER_DRHD;
	rq->base = iommu_dmar_unit_get_register_base(unit);
	rq->offset = iommu_dmar_unit_get_offset(unit);
	rq->index = iommu_dmar_unit_get_index(unit);
}

/* AMD IOMMU 48882 §5.2.2: the IVHD whose device entries select the id, aliases followed. */
static int through_ivrs(const struct iommu_requesters *rs, uint16_t segment,
			struct iommu_requester *rq)
{
	struct iommu_ivrs_device *dev;
	const struct iommu_ivrs_unit *unit;
	int r = iommu_ivrs_lookup(rs->ivrs, segment, (uint16_t)rq->id, &dev);

	if (r == -ENOMEM)
		return r;
	if (r < 0) {
		rq->reason = IOMMU_REQUESTER_NOT_SELECTED;
		return 0;
	}
	unit = iommu_ivrs_device_get_unit(dev);
	rq->unit = IOMMU_REQUESTER_IVHD;
	rq->base = iommu_ivrs_unit_get_base_address(unit);
	rq->offset = iommu_ivrs_unit_get_offset(unit);
	rq->index = iommu_ivrs_unit_get_index(unit);
	rq->id = iommu_ivrs_device_get_requester_id(dev);
	rq->aliased = iommu_ivrs_device_is_aliased(dev);
	iommu_ivrs_device_unref(dev);
	return 0;
}

/* DEN 0049 E.g §3.1.1.3, iort_pci_iommu_init(): the first SMMU node the requester ID reaches. */
static int through_iort(const struct iommu_requesters *rs, uint16_t segment,
			struct iommu_requester *rq)
{
	const struct iommu_iort_node *rc = iommu_iort_find_root_complex(rs->iort, segment);
	struct iommu_iort_path *path;
	int r;

	if (!rc) {
		rq->reason = IOMMU_REQUESTER_NO_ROOT_COMPLEX;
		return 0;
	}
	rq->reason = IOMMU_REQUESTER_NOT_MAPPED;
	r = iommu_iort_trace(rs->iort, rc, rq->id, &path);
	if (r < 0)
		return r == -ENOMEM ? r : 0;
	for (size_t step = 1; step < iommu_iort_path_get_length(path); step++) {
		const struct iommu_iort_node *n = iommu_iort_path_get_node(path, step);
		unsigned int type = iommu_iort_node_get_type(n);

		if (type != IOMMU_IORT_SMMU_V3 && type != IOMMU_IORT_SMMU_V1V2)
			continue;
		rq->reason = IOMMU_REQUESTER_SERVED;
		rq->unit = type == IOMMU_IORT_SMMU_V3 ? IOMMU_REQUESTER_SMMU_V3
						      : IOMMU_REQUESTER_SMMU_V1V2;
		rq->base = dnode_get_u64(iommu_iort_node_get_dnode(n), IORT_KEY(base_address), IOMMU_NO_ADDR);
		rq->offset = iommu_iort_node_get_offset(n);
		rq->id = iommu_iort_path_get_id(path, step);
		break;
	}
	iommu_iort_path_unref(path);
	return 0;
}

IOMMU_EXPORT int iommu_requesters_resolve(const struct iommu_requesters *rs, uint16_t segment,
					  uint8_t bus, uint8_t dev, uint8_t fn,
					  struct iommu_requester **ret_requester)
{
	struct iommu_requester *rq;
	int r = 0;

	if (!rs || !ret_requester || dev > 31 || fn > 7)
		return -EINVAL;
	rq = calloc(1, sizeof(*rq));
	if (!rq)
		return -ENOMEM;
	rq->reason = IOMMU_REQUESTER_SERVED;
	rq->base = IOMMU_NO_ADDR;
	rq->offset = IOMMU_NO_OFFSET;
	rq->id = (uint32_t)(bus << 8 | dev << 3 | fn);
	if (rs->dmar)
		through_dmar(rs, segment, bus, dev, fn, rq);
	else if (rs->ivrs)
		r = through_ivrs(rs, segment, rq);
	else if (rs->iort)
		r = through_iort(rs, segment, rq);
	else
		rq->reason = IOMMU_REQUESTER_NO_TABLE;
	if (r < 0) {
		free(rq);
		return r;
	}
	*ret_requester = rq;
	return 0;
}

IOMMU_EXPORT struct iommu_requester *iommu_requester_unref(struct iommu_requester *rq)
{
	free(rq);
	return NULL;
}

IOMMU_EXPORT enum iommu_requester_reason iommu_requester_get_reason(const struct iommu_requester *rq)
{
	return rq->reason;
}

IOMMU_EXPORT enum iommu_requester_unit iommu_requester_get_unit(const struct iommu_requester *rq)
{
	return rq->unit;
}

IOMMU_EXPORT uint64_t iommu_requester_get_unit_base(const struct iommu_requester *rq)
{
	return rq->base;
}

IOMMU_EXPORT uint64_t iommu_requester_get_unit_offset(const struct iommu_requester *rq)
{
	return rq->offset;
}

IOMMU_EXPORT unsigned int iommu_requester_get_unit_index(const struct iommu_requester *rq)
{
	return rq->index;
}

IOMMU_EXPORT uint32_t iommu_requester_get_id(const struct iommu_requester *rq)
{
	return rq->id;
}

IOMMU_EXPORT bool iommu_requester_is_aliased(const struct iommu_requester *rq)
{
	return rq->aliased;
}
