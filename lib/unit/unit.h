/* SPDX-License-Identifier: MIT */
/*
 * One public front over every kind of unit's translation structures, as
 * util-linux libfdisk puts one API over its per-label operations: each kind
 * (lib/unit/vtd-*.c, smmuv3-*.c, amdvi-*.c) fills a struct unit_ops and
 * begins its state with struct iommu_translator, and each space it reports
 * with struct iommu_space; lib/unit/unit.c dispatches.
 */
#ifndef LIBIOMMU_UNIT_H
#define LIBIOMMU_UNIT_H

#include "pt/walk.h"

struct unit_ops {
	enum iommu_vendor vendor;
	void (*free)(struct iommu_translator *t);
	struct iommu_dump *(*dump)(const struct iommu_translator *t);
	int (*translate)(struct iommu_translator *t, uint32_t requester, uint32_t pasid,
			 uint64_t iova, enum iommu_access access, unsigned int flags,
			 struct iommu_xlate *x);
	int (*foreach_space)(struct iommu_translator *t, iommu_space_fn fn, void *userdata);
	int (*foreach_mapping)(struct iommu_translator *t, const struct iommu_space *space,
			       unsigned int flags, iommu_mapping_fn fn, void *userdata);
	/* The space accessors; a kind without a field answers its "none". */
	uint32_t (*requester)(const struct iommu_space *space);
	uint32_t (*pasid)(const struct iommu_space *space);
	const char *(*mode)(const struct iommu_space *space);
	int (*domain_id)(const struct iommu_space *space);
	unsigned int (*levels)(const struct iommu_space *space, enum iommu_stage stage);
	uint64_t (*root)(const struct iommu_space *space, enum iommu_stage stage);
	enum iommu_xlate_status (*status)(const struct iommu_space *space);
	unsigned int (*fault_reason)(const struct iommu_space *space);
	const char *(*detail)(const struct iommu_space *space);
	const char *(*note)(const struct iommu_space *space);
};

/* The first member of each kind's unit state. */
struct iommu_translator {
	int refcount;
	const struct unit_ops *ops;
};

/* The first member of each kind's space. */
struct iommu_space {
	const struct unit_ops *ops;
};

/* The public struct iommu_mapping: a run and the address space it belongs to. */
struct iommu_mapping {
	const struct iommu_space *space;
	const struct pt_run *run;
};

extern const struct unit_ops vtd_ops, smmu_ops, amd_ops;

/* Set up the common part of a new unit of kind OPS. */
static inline void translator_init(struct iommu_translator *t, const struct unit_ops *ops)
{
	t->refcount = 1;
	t->ops = ops;
}

/* A kind's state behind T or SPACE, or NULL when T is of another kind. */
#define UNIT_OF(type, ops_, t) ((t) && (t)->ops == &(ops_) ? (type *)(t) : NULL)

#endif
