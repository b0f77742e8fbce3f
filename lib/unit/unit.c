// SPDX-License-Identifier: MIT
/*
 * The one front over every kind of unit's translation structures: the
 * handle, translation, the enumerations and the space accessors dispatch
 * to the kind's operations (lib/unit/unit.h); the reverse look-up is the
 * same for all.
 */
#include <errno.h>

#include "unit/unit.h"

IOMMU_EXPORT struct iommu_translator *iommu_translator_ref(struct iommu_translator *t)
{
	if (t)
		t->refcount++;
	return t;
}

IOMMU_EXPORT struct iommu_translator *iommu_translator_unref(struct iommu_translator *t)
{
	if (t && --t->refcount == 0)
		t->ops->free(t);
	return NULL;
}

IOMMU_EXPORT enum iommu_vendor iommu_translator_get_vendor(const struct iommu_translator *t)
{
	return t->ops->vendor;
}

IOMMU_EXPORT struct iommu_dump *iommu_translator_get_dump(const struct iommu_translator *t)
{
	return t->ops->dump(t);
}

IOMMU_EXPORT int iommu_translator_translate(struct iommu_translator *t, uint32_t requester,
					    uint32_t pasid, uint64_t iova,
					    enum iommu_access access, unsigned int flags,
					    struct iommu_xlate *xlate)
{
	return t->ops->translate(t, requester, pasid, iova, access, flags, xlate);
}

IOMMU_EXPORT int iommu_translator_foreach_space(struct iommu_translator *t, iommu_space_fn fn,
						void *userdata)
{
	return t->ops->foreach_space(t, fn, userdata);
}

IOMMU_EXPORT int iommu_translator_foreach_mapping(struct iommu_translator *t,
						  const struct iommu_space *space,
						  unsigned int flags, iommu_mapping_fn fn,
						  void *userdata)
{
	if (space->ops != t->ops)
		return -EINVAL;
	return t->ops->foreach_mapping(t, space, flags, fn, userdata);
}

/* ---- reverse look-up ----------------------------------------------------- */

struct reverse {
	struct iommu_translator *t;
	uint64_t page;
	iommu_mapping_fn fn;
	void *userdata;
};

/* A run that reaches the page: the 4 KiB of IOVA that do, inside a leaf of run->page_size. */
static int reverse_mapping(const struct iommu_mapping *m, void *userdata)
{
	struct reverse *rv = userdata;
	const struct pt_run *run = m->run;
	struct pt_run page;
	struct iommu_mapping hit = { m->space, &page };

	if (run->kind != IOMMU_MAPPING_MAPPED || rv->page < run->phys ||
	    rv->page - run->phys >= run->size)
		return 0;
	page = *run;
	page.iova += rv->page - run->phys;
	page.phys = rv->page;
	page.size = MEM_PAGE_SIZE;
	page.leaves = 1;
	return rv->fn(&hit, rv->userdata);
}

static int reverse_space(const struct iommu_space *space, void *userdata)
{
	struct reverse *rv = userdata;

	return rv->t->ops->foreach_mapping(rv->t, space, 0, reverse_mapping, rv);
}

IOMMU_EXPORT int iommu_translator_foreach_reverse(struct iommu_translator *t, uint64_t phys,
						  iommu_mapping_fn fn, void *userdata)
{
	struct reverse rv = { t, phys & ~(uint64_t)(MEM_PAGE_SIZE - 1), fn, userdata };

	return t->ops->foreach_space(t, reverse_space, &rv);
}

/* ---- spaces and mappings ------------------------------------------------- */

IOMMU_EXPORT uint32_t iommu_space_get_requester(const struct iommu_space *space)
{
	return space->ops->requester(space);
}

IOMMU_EXPORT uint32_t iommu_space_get_pasid(const struct iommu_space *space)
{
	return space->ops->pasid(space);
}

IOMMU_EXPORT const char *iommu_space_get_mode(const struct iommu_space *space)
{
	return space->ops->mode(space);
}

IOMMU_EXPORT int iommu_space_get_domain_id(const struct iommu_space *space)
{
	return space->ops->domain_id(space);
}

IOMMU_EXPORT unsigned int iommu_space_get_levels(const struct iommu_space *space,
						 enum iommu_stage stage)
{
	return space->ops->levels(space, stage);
}

IOMMU_EXPORT uint64_t iommu_space_get_root(const struct iommu_space *space, enum iommu_stage stage)
{
	return space->ops->root(space, stage);
}

IOMMU_EXPORT enum iommu_xlate_status iommu_space_get_status(const struct iommu_space *space)
{
	return space->ops->status(space);
}

IOMMU_EXPORT unsigned int iommu_space_get_fault_reason(const struct iommu_space *space)
{
	return space->ops->status(space) == IOMMU_XLATE_FAULT ? space->ops->fault_reason(space) : 0;
}

IOMMU_EXPORT const char *iommu_space_get_detail(const struct iommu_space *space)
{
	return space->ops->detail(space);
}

IOMMU_EXPORT const char *iommu_space_get_note(const struct iommu_space *space)
{
	return space->ops->note ? space->ops->note(space) : NULL;
}

IOMMU_EXPORT const struct iommu_space *iommu_mapping_get_space(const struct iommu_mapping *m)
{
	return m->space;
}

IOMMU_EXPORT enum iommu_mapping_kind iommu_mapping_get_kind(const struct iommu_mapping *m)
{
	return m->run->kind;
}

IOMMU_EXPORT uint64_t iommu_mapping_get_iova(const struct iommu_mapping *m)
{
	return m->run->iova;
}

IOMMU_EXPORT uint64_t iommu_mapping_get_size(const struct iommu_mapping *m)
{
	return m->run->size;
}

IOMMU_EXPORT uint64_t iommu_mapping_get_phys(const struct iommu_mapping *m)
{
	return m->run->phys;
}

IOMMU_EXPORT uint64_t iommu_mapping_get_page_size(const struct iommu_mapping *m)
{
	return m->run->page_size;
}

IOMMU_EXPORT uint64_t iommu_mapping_get_leaves(const struct iommu_mapping *m)
{
	return m->run->leaves;
}

IOMMU_EXPORT unsigned int iommu_mapping_get_perm(const struct iommu_mapping *m)
{
	return m->run->perm;
}

IOMMU_EXPORT uint64_t iommu_mapping_get_missing(const struct iommu_mapping *m)
{
	return m->run->missing;
}

IOMMU_EXPORT uint64_t iommu_mapping_get_entry(const struct iommu_mapping *m)
{
	return m->run->entry;
}

IOMMU_EXPORT const uint64_t *iommu_mapping_get_path(const struct iommu_mapping *m,
						    unsigned int *ret_levels)
{
	if (ret_levels)
		*ret_levels = m->run->path_levels;
	return m->run->path;
}
