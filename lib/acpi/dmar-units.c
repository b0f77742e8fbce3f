// SPDX-License-Identifier: MIT
/*
 * Which DRHD serves a PCI function (VT-d 4.1 §8.3), decided as Linux decides
 * it: device scopes are resolved hop by hop through the bridges' secondary
 * buses (dmar_insert_dev_scope), then a function belongs to the unit whose
 * scope names it or a bridge above it (dmar_pci_device_match walks up the
 * parents), the units without INCLUDE_PCI_ALL first and the last of them in
 * the table first (dmar_register_drhd_unit adds them at the list head), and
 * otherwise to the INCLUDE_PCI_ALL unit of its segment.
 */
#include <errno.h>
#include <stdlib.h>

#include "acpi/dmar.h"

/* Bridges above a function: a bus number is 8 bits, so a longer chain is a loop. */
#define MAX_DEPTH 256

static bool is_pci_scope(const struct dmar_scope *s)
{
	return s->type == DMAR_SCOPE_ENDPOINT || s->type == DMAR_SCOPE_BRIDGE;
}

void dmar_resolve_scopes(const struct dmar_view *view, const struct pci_topology *topology,
			 const struct pci_function **resolved)
{
	for (size_t i = 0; i < view->nscopes; i++) {
		const struct dmar_scope *s = &view->scopes[i];
		const struct pci_function *f;
		size_t hop;

		resolved[i] = NULL;
		if (!topology || !is_pci_scope(s) || !s->complete || !s->nhops)
			continue;
		if (pci_topology_resolve_path(topology, view->structures[s->structure].segment,
					      (uint8_t)s->start_bus, s->hops, s->nhops, &f, &hop) == 0)
			resolved[i] = f;
	}
}

/* The function a path reaches, then the bridges above it: CHAIN[0] is the target. */
struct chain {
	const struct pci_function *f[MAX_DEPTH];
	size_t n;
};

/*
 * Does scope I of VIEW name the target (CHAIN[0]; without a topology,
 * BUS:DEV.FN) or a bridge above it?
 */
static enum iommu_dmar_match scope_match(const struct dmar_view *view,
					 const struct pci_function *const *resolved, size_t i,
					 const struct chain *chain, uint8_t bus, uint8_t dev, uint8_t fn)
{
	const struct dmar_scope *s = &view->scopes[i];

	if (!is_pci_scope(s))
		return IOMMU_DMAR_MATCH_NONE;
	if (!chain)
		return s->nhops == 1 && s->start_bus == bus && s->hops[0].dev == dev &&
		       s->hops[0].fn == fn ? IOMMU_DMAR_MATCH_DEVICE : IOMMU_DMAR_MATCH_NONE;
	for (size_t k = 0; resolved[i] && k < chain->n; k++)
		if (chain->f[k] == resolved[i])
			return k == 0 ? IOMMU_DMAR_MATCH_DEVICE : IOMMU_DMAR_MATCH_BRIDGE;
	return IOMMU_DMAR_MATCH_NONE;
}

ssize_t dmar_find_drhd(const struct dmar_view *view, const struct pci_topology *topology,
		       const struct pci_function *const *resolved, uint16_t segment, uint8_t bus,
		       uint8_t dev, uint8_t fn, enum iommu_dmar_match *ret_match)
{
	const struct pci_function *target = topology ?
		pci_topology_find(topology, segment, bus, dev, fn) : NULL;
	struct chain chain = { .n = 0 };

	*ret_match = IOMMU_DMAR_MATCH_NONE;
	if (topology && !target)
		return -1;
	for (const struct pci_function *f = target; f && chain.n < MAX_DEPTH;
	     f = pci_topology_find_parent(topology, f))
		chain.f[chain.n++] = f;
	for (size_t k = view->nstructures; k-- > 0;) {
		const struct dmar_structure *s = &view->structures[k];

		if (s->type != DMAR_TYPE_DRHD || !s->complete || s->segment != segment ||
		    (s->flags & DMAR_DRHD_INCLUDE_PCI_ALL))
			continue;
		for (size_t i = s->first_scope; i < s->first_scope + s->nscopes; i++) {
			enum iommu_dmar_match m = scope_match(view, resolved, i,
							      topology ? &chain : NULL, bus, dev, fn);

			if (m != IOMMU_DMAR_MATCH_NONE) {
				*ret_match = m;
				return (ssize_t)k;
			}
		}
	}
	for (size_t k = 0; k < view->nstructures; k++) {
		const struct dmar_structure *s = &view->structures[k];

		if (s->type == DMAR_TYPE_DRHD && s->complete && s->segment == segment &&
		    (s->flags & DMAR_DRHD_INCLUDE_PCI_ALL)) {
			*ret_match = IOMMU_DMAR_MATCH_INCLUDE_ALL;
			return (ssize_t)k;
		}
	}
	return -1;
}

/* ---- public API --------------------------------------------------------- */

struct iommu_dmar_unit {
	struct iommu_dmar *dmar;
	const struct dmar_structure *drhd;
	struct iommu_dmar_unit *next;
};

struct iommu_dmar {
	int refcount;
	struct iommu_dnode *root;
	struct dmar_view *view;
	struct pci_topology *topology;		/* NULL: no PCI functions in the sysroot */
	const struct pci_function **resolved;	/* per scope of the view */
	struct iommu_dmar_unit *units;		/* one per DRHD, table order */
	size_t nunits;
};

IOMMU_EXPORT int iommu_dmar_new(struct iommu_ctx *ctx, struct iommu_table *table,
				struct iommu_dmar **ret_dmar)
{
	struct iommu_dmar *dmar;
	size_t size;
	const uint8_t *data = iommu_table_get_data(table, &size);
	int r;

	if (strcmp(iommu_table_get_signature(table), "DMAR") != 0)
		return -EINVAL;
	dmar = calloc(1, sizeof(*dmar));
	if (!dmar)
		return -ENOMEM;
	dmar->refcount = 1;
	r = dmar_decode(table, &dmar->root);
	if (r == 0)
		r = dmar_view_new(dmar->root, data, size, &dmar->view);
	if (r < 0)
		goto fail;
	if (pci_topology_load(ctx, &dmar->topology) < 0)
		dmar->topology = NULL;
	dmar->resolved = calloc(dmar->view->nscopes + 1, sizeof(*dmar->resolved));
	dmar->units = calloc(dmar->view->nstructures + 1, sizeof(*dmar->units));
	if (!dmar->resolved || !dmar->units) {
		r = -ENOMEM;
		goto fail;
	}
	dmar_resolve_scopes(dmar->view, dmar->topology, dmar->resolved);
	for (size_t k = 0; k < dmar->view->nstructures; k++) {
		struct iommu_dmar_unit *u = &dmar->units[dmar->nunits];

		if (dmar->view->structures[k].type != DMAR_TYPE_DRHD)
			continue;
		u->dmar = dmar;
		u->drhd = &dmar->view->structures[k];
		if (dmar->nunits)
			dmar->units[dmar->nunits - 1].next = u;
		dmar->nunits++;
	}
	*ret_dmar = dmar;
	return 0;
fail:
	iommu_dmar_unref(dmar);
	return r;
}

IOMMU_EXPORT struct iommu_dmar *iommu_dmar_ref(struct iommu_dmar *dmar)
{
	if (dmar)
		dmar->refcount++;
	return dmar;
}

IOMMU_EXPORT struct iommu_dmar *iommu_dmar_unref(struct iommu_dmar *dmar)
{
	if (!dmar || --dmar->refcount > 0)
		return NULL;
	free(dmar->units);
	free(dmar->resolved);
	if (dmar->topology)
		pci_topology_free(dmar->topology);
	dmar_view_free(dmar->view);
	iommu_dnode_unref(dmar->root);
	free(dmar);
	return NULL;
}

IOMMU_EXPORT struct iommu_dmar_unit *iommu_dmar_get_first_unit(const struct iommu_dmar *dmar)
{
	return dmar->nunits ? &dmar->units[0] : NULL;
}

IOMMU_EXPORT struct iommu_dmar_unit *iommu_dmar_unit_get_next(const struct iommu_dmar_unit *unit)
{
	return unit->next;
}

IOMMU_EXPORT int iommu_dmar_find_unit(const struct iommu_dmar *dmar, uint16_t segment,
				      uint8_t bus, uint8_t dev, uint8_t fn,
				      struct iommu_dmar_unit **ret_unit,
				      enum iommu_dmar_match *ret_match)
{
	enum iommu_dmar_match match;
	ssize_t k = dmar_find_drhd(dmar->view, dmar->topology, dmar->resolved, segment, bus, dev,
				   fn, &match);

	if (ret_match)
		*ret_match = match;
	if (k < 0)
		return -ENODEV;
	for (size_t i = 0; i < dmar->nunits; i++)
		if (dmar->units[i].drhd == &dmar->view->structures[k]) {
			*ret_unit = &dmar->units[i];
			return 0;
		}
	return -ENODEV;
}

bool dmar_has_function(const struct iommu_dmar *dmar, uint16_t segment, uint8_t bus, uint8_t dev,
		       uint8_t fn)
{
	return !dmar->topology || pci_topology_find(dmar->topology, segment, bus, dev, fn);
}

IOMMU_EXPORT const char *iommu_dmar_match_name(enum iommu_dmar_match match)
{
	switch (match) {
	case IOMMU_DMAR_MATCH_DEVICE:
		return "device";
	case IOMMU_DMAR_MATCH_BRIDGE:
		return "bridge";
	case IOMMU_DMAR_MATCH_INCLUDE_ALL:
		return "include_all";
	case IOMMU_DMAR_MATCH_NONE:
		break;
	}
	return "none";
}

IOMMU_EXPORT unsigned int iommu_dmar_unit_get_index(const struct iommu_dmar_unit *unit)
{
	return unit->drhd->index;
}

IOMMU_EXPORT uint64_t iommu_dmar_unit_get_offset(const struct iommu_dmar_unit *unit)
{
	return unit->drhd->offset;
}

IOMMU_EXPORT uint64_t iommu_dmar_unit_get_register_base(const struct iommu_dmar_unit *unit)
{
	return unit->drhd->base;
}

IOMMU_EXPORT uint16_t iommu_dmar_unit_get_segment(const struct iommu_dmar_unit *unit)
{
	return unit->drhd->segment;
}

IOMMU_EXPORT bool iommu_dmar_unit_is_include_pci_all(const struct iommu_dmar_unit *unit)
{
	return (unit->drhd->flags & DMAR_DRHD_INCLUDE_PCI_ALL) != 0;
}
