// SPDX-License-Identifier: MIT
/*
 * A typed view of a decoded DMAR (VT-d 4.1 §8): the structures and their
 * device scopes as C values, read back from the decoded tree so that the
 * bytes are walked once, by the decoder, with its bounds checks.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "acpi/dmar.h"

static const char *const kinds[DMAR_TYPE_COUNT] = {
	"drhd", "rmrr", "atsr", "rhsa", "andd", "satc", "sidp",
};

static unsigned int kind_type(const struct iommu_dnode *node)
{
	const char *kind = iommu_dnode_get_kind(node);

	for (unsigned int t = 0; t < DMAR_TYPE_COUNT; t++)
		if (strcmp(kind, kinds[t]) == 0)
			return t;
	return (unsigned int)dnode_get_u64(node, DMAR_KEY(type), UINT16_MAX);
}

static void read_scope(struct dmar_scope *s, const struct iommu_dnode *node)
{
	const struct iommu_dnode *hop;

	memset(s, 0, sizeof(*s));
	s->node = node;
	s->offset = iommu_dnode_get_offset(node);
	s->type = (unsigned int)DMAR_GET(node, type);
	s->length = (unsigned int)iommu_dnode_get_length(node);
	s->enumeration_id = (unsigned int)DMAR_GET(node, enumeration_id);
	s->start_bus = (unsigned int)DMAR_GET(node, start_bus);
	s->complete = DMAR_HAS(node, start_bus);
	iommu_dnode_foreach_child(node, hop) {
		if (strcmp(iommu_dnode_get_kind(hop), "path_hop") ||
		    !DMAR_HAS(hop, function) || s->nhops >= DMAR_MAX_HOPS)
			continue;
		s->hops[s->nhops].dev = (uint8_t)DMAR_GET(hop, device);
		s->hops[s->nhops].fn = (uint8_t)DMAR_GET(hop, function);
		s->nhops++;
	}
}

static void read_structure(struct dmar_structure *s, const struct iommu_dnode *node,
			   unsigned int type, const uint8_t *data, size_t data_size)
{
	const struct iommu_dfield *name;

	memset(s, 0, sizeof(*s));
	s->node = node;
	s->offset = iommu_dnode_get_offset(node);
	s->type = type;
	s->flags = (unsigned int)DMAR_GET(node, flags);
	s->segment = (uint16_t)DMAR_GET(node, segment);
	switch (type) {
	case DMAR_TYPE_DRHD:
		s->base = DMAR_GET(node, register_base);
		s->size_log2 = (unsigned int)DMAR_GET(node, register_set_size);
		s->complete = DMAR_HAS(node, register_base);
		break;
	case DMAR_TYPE_RMRR:
		s->base = DMAR_GET(node, base_address);
		s->end = DMAR_GET(node, end_address);
		s->complete = DMAR_HAS(node, end_address);
		break;
	case DMAR_TYPE_RHSA:
		s->base = DMAR_GET(node, register_base);
		s->proximity_domain = (uint32_t)DMAR_GET(node, proximity_domain);
		s->complete = DMAR_HAS(node, proximity_domain);
		break;
	case DMAR_TYPE_ANDD:
		s->device_number = (unsigned int)DMAR_GET(node, device_number);
		name = iommu_dnode_find_field(node, DMAR_KEY(object_name));
		s->complete = name != NULL;
		if (name) {
			uint64_t at = iommu_dfield_get_offset(name), size = iommu_dfield_get_size(name);

			s->name = iommu_dfield_get_string(name);
			s->name_terminated = at <= data_size && size <= data_size - at &&
					     memchr(data + at, 0, (size_t)size) != NULL;
		}
		break;
	default:
		s->complete = DMAR_HAS(node, segment);
		break;
	}
}

int dmar_view_new(const struct iommu_dnode *root, const uint8_t *data, size_t size,
		  struct dmar_view **ret_view)
{
	struct dmar_view *v = calloc(1, sizeof(*v));
	const struct iommu_dnode *c, *sc;
	size_t nstructures = 0, nscopes = 0;
	unsigned int seen[DMAR_TYPE_COUNT] = { 0 };

	if (!v)
		return -ENOMEM;
	v->width_raw = (unsigned int)DMAR_GET(root, host_address_width);
	v->flags = (unsigned int)DMAR_GET(root, flags);
	v->header_complete = DMAR_HAS(root, flags);
	iommu_dnode_foreach_child(root, c) {
		nstructures++;
		iommu_dnode_foreach_child(c, sc)
			nscopes++;
	}
	v->structures = calloc(nstructures ? nstructures : 1, sizeof(*v->structures));
	v->scopes = calloc(nscopes ? nscopes : 1, sizeof(*v->scopes));
	if (!v->structures || !v->scopes) {
		dmar_view_free(v);
		return -ENOMEM;
	}
	iommu_dnode_foreach_child(root, c) {
		struct dmar_structure *s = &v->structures[v->nstructures];
		unsigned int type = kind_type(c);

		read_structure(s, c, type, data, size);
		if (type < DMAR_TYPE_COUNT)
			s->index = seen[type]++;
		s->first_scope = v->nscopes;
		iommu_dnode_foreach_child(c, sc) {
			read_scope(&v->scopes[v->nscopes], sc);
			v->scopes[v->nscopes].structure = v->nstructures;
			v->nscopes++;
		}
		s->nscopes = v->nscopes - s->first_scope;
		v->nstructures++;
	}
	*ret_view = v;
	return 0;
}

void dmar_view_free(struct dmar_view *view)
{
	if (!view)
		return;
	free(view->structures);
	free(view->scopes);
	free(view);
}

char *dmar_scope_path_text(const struct dmar_scope *scope, char *buf, size_t size)
{
	size_t pos = (size_t)snprintf(buf, size, "%02x:", scope->start_bus);

	for (size_t i = 0; i < scope->nhops && pos < size; i++)
		pos += (size_t)snprintf(buf + pos, size - pos, "%s%02x.%x", i ? "/" : "",
					scope->hops[i].dev, scope->hops[i].fn);
	return buf;
}
