// SPDX-License-Identifier: MIT
/*
 * The IORT node graph and the ID tracer (Arm DEN 0049 E.g §3.1.1 ID mappings):
 * which node each ID mapping leads to, where an input ID ends up (the
 * StreamID at the SMMU, the DeviceID at the ITS group), and the reverse: which
 * input IDs reach a given ID at a given node.  The graph is built from the
 * decoded tree, so the bytes are parsed (and bounds-checked) once.
 */
#include <errno.h>
#include <stdlib.h>

#include "acpi/iort.h"

/*
 * A reverse trace returns at most this many paths, and looks at most at this
 * many mappings: tables with fan-in everywhere stay bounded.
 */
#define MAX_REVERSE_PATHS 4096
#define MAX_REVERSE_WORK (64u << 20)

uint32_t iort_mapping_last(uint32_t base, uint32_t count)
{
	uint64_t last = (uint64_t)base + count;

	return last > UINT32_MAX ? UINT32_MAX : (uint32_t)last;
}

static size_t count_children(const struct iommu_dnode *dn, const char *kind)
{
	const struct iommu_dnode *c;
	size_t n = 0;

	iommu_dnode_foreach_child(dn, c)
		n += !kind || strcmp(iommu_dnode_get_kind(c), kind) == 0;
	return n;
}

static int node_init(struct iommu_iort_node *n, const struct iommu_dnode *dn)
{
	const struct iommu_dnode *c;

	n->dnode = dn;
	n->label = iommu_dnode_get_title(dn);
	n->offset = iommu_dnode_get_offset(dn);
	n->length = iommu_dnode_get_length(dn);
	n->type = (unsigned int)dnode_get_u64(dn, IORT_KEY(type), UINT32_MAX);
	n->revision = (unsigned int)dnode_get_u64(dn, IORT_KEY(revision), 0);
	n->identifier = (uint32_t)dnode_get_u64(dn, IORT_KEY(identifier), 0);
	n->mapping_count = (uint32_t)dnode_get_u64(dn, IORT_KEY(mapping_count), 0);
	n->mapping_offset = (uint32_t)dnode_get_u64(dn, IORT_KEY(mapping_offset), 0);
	n->msi_index = -1;
	n->mappings = calloc(count_children(dn, "id_mapping") + 1, sizeof(*n->mappings));
	if (!n->mappings)
		return -ENOMEM;
	iommu_dnode_foreach_child(dn, c) {
		struct iommu_iort_mapping *m = &n->mappings[n->nmappings];

		if (strcmp(iommu_dnode_get_kind(c), "id_mapping") != 0)
			continue;
		m->offset = iommu_dnode_get_offset(c);
		m->input_base = (uint32_t)dnode_get_u64(c, IORT_KEY(input_base), 0);
		m->id_count = (uint32_t)dnode_get_u64(c, IORT_KEY(id_count), 0);
		m->output_base = (uint32_t)dnode_get_u64(c, IORT_KEY(output_base), 0);
		m->output_reference = (uint32_t)dnode_get_u64(c, IORT_KEY(output_reference), 0);
		m->flags = (uint32_t)dnode_get_u64(c, IORT_KEY(flags), 0);
		m->owner = n;
		m->index = (unsigned int)n->nmappings++;
	}
	return 0;
}

/*
 * The mapping an SMMUv3 or PMCG uses for its own MSIs (Linux's
 * iort_get_id_mapping_index): SMMUv3 from node revision 1 when not every
 * interrupt is wired (before revision 5) or when DeviceID-valid is set (5 on);
 * PMCG mapping 0 when it has no overflow GSIV.
 */
static int msi_index(const struct iommu_iort_node *n)
{
	const struct iommu_dnode *dn = n->dnode;
	uint64_t index;

	switch (n->type) {
	case IORT_SMMU_V3:
		if (n->revision < 1)
			return -1;
		if (n->revision < 5) {
			if (dnode_get_u64(dn, IORT_KEY(event_gsiv), 0) && dnode_get_u64(dn, IORT_KEY(pri_gsiv), 0) &&
			    dnode_get_u64(dn, IORT_KEY(gerr_gsiv), 0) && dnode_get_u64(dn, IORT_KEY(sync_gsiv), 0))
				return -1;
		} else if (!(dnode_get_u64(dn, IORT_KEY(flags), 0) & IORT_SMMU_V3_DEVICEID_VALID)) {
			return -1;
		}
		index = dnode_get_u64(dn, IORT_KEY(deviceid_mapping_index), UINT64_MAX);
		return index < n->nmappings ? (int)index : -1;
	case IORT_PMCG:
		return !dnode_get_u64(dn, IORT_KEY(overflow_gsiv), 0) && n->nmappings ? 0 : -1;
	default:
		return -1;
	}
}

void iort_graph_fini(struct iort_graph *g)
{
	for (size_t i = 0; i < g->nnodes; i++)
		free(g->nodes[i].mappings);
	free(g->nodes);
	memset(g, 0, sizeof(*g));
}

int iort_graph_init(struct iort_graph *g, const struct iommu_dnode *root)
{
	const struct iommu_dnode *c;

	memset(g, 0, sizeof(*g));
	g->table_revision = (unsigned int)dnode_get_u64(root, IORT_KEY(revision), 0);
	g->nodes = calloc(count_children(root, NULL) + 1, sizeof(*g->nodes));
	if (!g->nodes)
		return -ENOMEM;
	iommu_dnode_foreach_child(root, c) {
		if (node_init(&g->nodes[g->nnodes], c) < 0) {
			iort_graph_fini(g);
			return -ENOMEM;
		}
		g->nnodes++;
	}
	for (size_t i = 0; i < g->nnodes; i++) {
		struct iommu_iort_node *n = &g->nodes[i];

		for (size_t j = 0; j < n->nmappings; j++) {
			enum iort_landing landing;
			struct iommu_iort_node *t = iort_graph_node_at(g, n->mappings[j].output_reference,
								       &landing);

			n->mappings[j].target = landing == IORT_LANDS_ON_NODE ? t : NULL;
		}
		n->msi_index = msi_index(n);
	}
	return 0;
}

struct iommu_iort_node *iort_graph_node_at(const struct iort_graph *g, uint64_t offset,
					   enum iort_landing *ret_landing)
{
	size_t lo = 0, hi = g->nnodes;

	/* The nodes lie in table order, one after the other: the last starting at or below OFFSET. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (g->nodes[mid].offset <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && offset - g->nodes[lo - 1].offset < g->nodes[lo - 1].length) {
		*ret_landing = offset == g->nodes[lo - 1].offset ? IORT_LANDS_ON_NODE
								  : IORT_LANDS_INSIDE_NODE;
		return &g->nodes[lo - 1];
	}
	*ret_landing = IORT_LANDS_NOWHERE;
	return NULL;
}

/* Node types whose single mappings translate IDs (Linux's iort_id_map). */
static bool single_translates(unsigned int type)
{
	return type == IORT_NAMED_COMPONENT || type == IORT_ROOT_COMPLEX || type == IORT_IWB;
}

/*
 * ID Count is the number of IDs minus one, so a range covers base..base+count.
 * A match on the last ID of a range is used only when no other range takes
 * the ID: firmware that wrote the number of IDs there (the HiSilicon HIP07/08
 * off-by-one) makes each range end on the next one's first ID, and Linux
 * resolves it the same way.
 */
static const struct iommu_iort_mapping *iort_mapping_for(const struct iommu_iort_node *node,
							 uint32_t id, uint32_t *ret_out)
{
	const struct iommu_iort_mapping *at_end = NULL;

	for (size_t i = 0; i < node->nmappings; i++) {
		const struct iommu_iort_mapping *m = &node->mappings[i];

		if ((int)i == node->msi_index)
			continue;
		if (m->flags & IORT_SINGLE_MAPPING) {
			if (!single_translates(node->type))
				continue;
			*ret_out = m->output_base;
			return m;
		}
		if (id < m->input_base || id > iort_mapping_last(m->input_base, m->id_count))
			continue;
		if (m->id_count && id == iort_mapping_last(m->input_base, m->id_count)) {
			if (!at_end)
				at_end = m;
			continue;
		}
		*ret_out = m->output_base + (id - m->input_base);
		return m;
	}
	if (at_end)
		*ret_out = at_end->output_base + (id - at_end->input_base);
	return at_end;
}

/* ---- public API ---------------------------------------------------------- */

struct iort_step {
	const struct iommu_iort_node *node;
	const struct iommu_iort_mapping *mapping;	/* the one taking the ID on, or NULL */
	uint32_t id;
};

struct iommu_iort_path {
	struct iommu_iort_path *next;
	enum iommu_iort_end end;
	size_t nsteps;
	struct iort_step steps[];
};

struct iommu_iort {
	int refcount;
	struct iommu_dnode *root;
	struct iort_graph graph;
};

IOMMU_EXPORT int iommu_iort_new(struct iommu_table *table, struct iommu_iort **ret_iort)
{
	struct iommu_iort *iort;
	int r;

	if (strcmp(iommu_table_get_signature(table), "IORT") != 0)
		return -EINVAL;
	iort = calloc(1, sizeof(*iort));
	if (!iort)
		return -ENOMEM;
	iort->refcount = 1;
	r = iommu_table_decode(table, &iort->root);
	if (r == 0)
		r = iort_graph_init(&iort->graph, iort->root);
	if (r < 0) {
		iommu_dnode_unref(iort->root);
		free(iort);
		return r;
	}
	*ret_iort = iort;
	return 0;
}

IOMMU_EXPORT struct iommu_iort *iommu_iort_ref(struct iommu_iort *iort)
{
	if (iort)
		iort->refcount++;
	return iort;
}

IOMMU_EXPORT struct iommu_iort *iommu_iort_unref(struct iommu_iort *iort)
{
	if (!iort || --iort->refcount > 0)
		return NULL;
	iort_graph_fini(&iort->graph);
	iommu_dnode_unref(iort->root);
	free(iort);
	return NULL;
}

IOMMU_EXPORT const struct iommu_dnode *iommu_iort_get_root(const struct iommu_iort *iort)
{
	return iort->root;
}

IOMMU_EXPORT size_t iommu_iort_get_node_count(const struct iommu_iort *iort)
{
	return iort->graph.nnodes;
}

IOMMU_EXPORT const struct iommu_iort_node *iommu_iort_get_node(const struct iommu_iort *iort,
							       size_t index)
{
	return index < iort->graph.nnodes ? &iort->graph.nodes[index] : NULL;
}

IOMMU_EXPORT const struct iommu_iort_node *iommu_iort_find_node(const struct iommu_iort *iort,
								uint64_t offset)
{
	enum iort_landing landing;
	const struct iommu_iort_node *n = iort_graph_node_at(&iort->graph, offset, &landing);

	return landing == IORT_LANDS_ON_NODE ? n : NULL;
}

IOMMU_EXPORT const struct iommu_iort_node *
iommu_iort_find_root_complex(const struct iommu_iort *iort, uint32_t segment)
{
	for (size_t i = 0; i < iort->graph.nnodes; i++) {
		const struct iommu_iort_node *n = &iort->graph.nodes[i];

		if (n->type == IORT_ROOT_COMPLEX &&
		    dnode_get_u64(n->dnode, IORT_KEY(pci_segment), UINT64_MAX) == segment)
			return n;
	}
	return NULL;
}

IOMMU_EXPORT const struct iommu_iort_node *
iommu_iort_find_named_component(const struct iommu_iort *iort, const char *name)
{
	for (size_t i = 0; i < iort->graph.nnodes; i++) {
		const struct iommu_iort_node *n = &iort->graph.nodes[i];
		const struct iommu_dfield *f = iommu_dnode_find_field(n->dnode, IORT_KEY(device_name));

		if (f && strcmp(iommu_dfield_get_string(f), name) == 0)
			return n;
	}
	return NULL;
}

IOMMU_EXPORT unsigned int iommu_iort_node_get_type(const struct iommu_iort_node *node)
{
	return node->type;
}

IOMMU_EXPORT const char *iommu_iort_node_get_label(const struct iommu_iort_node *node)
{
	return node->label;
}

IOMMU_EXPORT uint64_t iommu_iort_node_get_offset(const struct iommu_iort_node *node)
{
	return node->offset;
}

IOMMU_EXPORT const struct iommu_dnode *iommu_iort_node_get_dnode(const struct iommu_iort_node *node)
{
	return node->dnode;
}

IOMMU_EXPORT size_t iommu_iort_node_get_mapping_count(const struct iommu_iort_node *node)
{
	return node->nmappings;
}

IOMMU_EXPORT const struct iommu_iort_mapping *
iommu_iort_node_get_mapping(const struct iommu_iort_node *node, size_t index)
{
	return index < node->nmappings ? &node->mappings[index] : NULL;
}

IOMMU_EXPORT int iommu_iort_node_get_msi_mapping_index(const struct iommu_iort_node *node)
{
	return node->msi_index;
}

IOMMU_EXPORT uint32_t iommu_iort_mapping_get_input_base(const struct iommu_iort_mapping *m)
{
	return m->input_base;
}

IOMMU_EXPORT uint32_t iommu_iort_mapping_get_id_count(const struct iommu_iort_mapping *m)
{
	return m->id_count;
}

IOMMU_EXPORT uint32_t iommu_iort_mapping_get_output_base(const struct iommu_iort_mapping *m)
{
	return m->output_base;
}

IOMMU_EXPORT uint32_t iommu_iort_mapping_get_output_reference(const struct iommu_iort_mapping *m)
{
	return m->output_reference;
}

IOMMU_EXPORT bool iommu_iort_mapping_is_single(const struct iommu_iort_mapping *m)
{
	return m->flags & IORT_SINGLE_MAPPING;
}

IOMMU_EXPORT unsigned int iommu_iort_mapping_get_index(const struct iommu_iort_mapping *m)
{
	return m->index;
}

IOMMU_EXPORT const struct iommu_iort_node *
iommu_iort_mapping_get_target(const struct iommu_iort_mapping *m)
{
	return m->target;
}

static struct iommu_iort_path *path_new(size_t nsteps)
{
	struct iommu_iort_path *p = calloc(1, sizeof(*p) + nsteps * sizeof(p->steps[0]));

	return p;
}

IOMMU_EXPORT int iommu_iort_trace(const struct iommu_iort *iort, const struct iommu_iort_node *from,
				  uint32_t id, struct iommu_iort_path **ret_path)
{
	/* A path visits each node at most once, or it goes round in a circle. */
	size_t max = iort->graph.nnodes + 1;
	struct iommu_iort_path *p = path_new(max);
	const struct iommu_iort_node *node = from;

	if (!p)
		return -ENOMEM;
	for (;;) {
		struct iort_step *s = &p->steps[p->nsteps++];
		uint32_t out = 0;

		s->node = node;
		s->id = id;
		if (node->type == IORT_ITS_GROUP) {
			p->end = IOMMU_IORT_END_ITS_GROUP;
			break;
		}
		s->mapping = iort_mapping_for(node, id, &out);
		if (!s->mapping) {
			p->end = IOMMU_IORT_END_NO_MAPPING;
			break;
		}
		if (!s->mapping->output_reference || !s->mapping->target) {
			p->end = s->mapping->output_reference ? IOMMU_IORT_END_BAD_REFERENCE
							      : IOMMU_IORT_END_NULL_REFERENCE;
			break;
		}
		if (p->nsteps == max) {
			p->end = IOMMU_IORT_END_LOOP;
			break;
		}
		node = s->mapping->target;
		id = out;
	}
	*ret_path = p;
	return 0;
}

struct reverse {
	const struct iort_graph *g;
	struct iort_step *stack;	/* stack[0] is the target, stack[depth] the earliest node */
	struct iommu_iort_path *first, **tail;
	size_t npaths, work;
	int error;
};

/* A path from the node at stack[depth] to the target, in forward order. */
static void reverse_emit(struct reverse *r, size_t depth)
{
	struct iommu_iort_path *p;

	if (r->npaths >= MAX_REVERSE_PATHS) {
		r->error = -E2BIG;
		return;
	}
	p = path_new(depth + 1);
	if (!p) {
		r->error = -ENOMEM;
		return;
	}
	p->end = IOMMU_IORT_END_TARGET;
	p->nsteps = depth + 1;
	for (size_t i = 0; i <= depth; i++)
		p->steps[i] = r->stack[depth - i];
	*r->tail = p;
	r->tail = &p->next;
	r->npaths++;
}

static bool on_stack(const struct reverse *r, size_t depth, const struct iommu_iort_node *n,
		     uint32_t id)
{
	for (size_t i = 0; i <= depth; i++)
		if (r->stack[i].node == n && r->stack[i].id == id)
			return true;
	return false;
}

/*
 * Which (node, input ID) pairs lead to the one at stack[depth]: every mapping
 * that lands on that node with that ID in its output range, and that the
 * forward walk would choose for its input ID.
 */
static void reverse_from(struct reverse *r, size_t depth)
{
	const struct iort_step *here = &r->stack[depth];
	bool reached = false;

	for (size_t i = 0; i < r->g->nnodes && !r->error && depth < r->g->nnodes; i++) {
		const struct iommu_iort_node *n = &r->g->nodes[i];

		for (size_t j = 0; j < n->nmappings && !r->error; j++) {
			const struct iommu_iort_mapping *m = &n->mappings[j];
			uint32_t in, out;

			if (++r->work > MAX_REVERSE_WORK)
				r->error = -E2BIG;
			if (m->target != here->node)
				continue;
			if ((int)j == n->msi_index || (m->flags & IORT_SINGLE_MAPPING)) {
				if (m->output_base != here->id)
					continue;
				in = m->input_base;
				if ((int)j != n->msi_index && iort_mapping_for(n, in, &out) != m)
					continue;
			} else {
				if (here->id < m->output_base ||
				    here->id > iort_mapping_last(m->output_base, m->id_count))
					continue;
				in = m->input_base + (here->id - m->output_base);
				if (iort_mapping_for(n, in, &out) != m || out != here->id)
					continue;
			}
			if (on_stack(r, depth, n, in))
				continue;	/* a circle: the walk came this way already */
			reached = true;
			r->stack[depth + 1] = (struct iort_step){ n, m, in };
			if ((int)j == n->msi_index)
				reverse_emit(r, depth + 1);	/* the node's own MSIs start here */
			else
				reverse_from(r, depth + 1);
		}
	}
	if (!reached && depth > 0)
		reverse_emit(r, depth);
}

IOMMU_EXPORT int iommu_iort_trace_reverse(const struct iommu_iort *iort,
					  const struct iommu_iort_node *to, uint32_t id,
					  struct iommu_iort_path **ret_first)
{
	struct reverse r = { .g = &iort->graph };

	r.stack = calloc(iort->graph.nnodes + 2, sizeof(*r.stack));
	if (!r.stack)
		return -ENOMEM;
	r.tail = &r.first;
	r.stack[0] = (struct iort_step){ to, NULL, id };
	reverse_from(&r, 0);
	free(r.stack);
	if (r.error == -ENOMEM) {
		iommu_iort_path_unref(r.first);
		return r.error;
	}
	*ret_first = r.first;
	return r.error;
}

IOMMU_EXPORT struct iommu_iort_path *iommu_iort_path_unref(struct iommu_iort_path *path)
{
	while (path) {
		struct iommu_iort_path *next = path->next;

		free(path);
		path = next;
	}
	return NULL;
}

IOMMU_EXPORT struct iommu_iort_path *iommu_iort_path_get_next(const struct iommu_iort_path *path)
{
	return path->next;
}

IOMMU_EXPORT enum iommu_iort_end iommu_iort_path_get_end(const struct iommu_iort_path *path)
{
	return path->end;
}

IOMMU_EXPORT size_t iommu_iort_path_get_length(const struct iommu_iort_path *path)
{
	return path->nsteps;
}

IOMMU_EXPORT const struct iommu_iort_node *iommu_iort_path_get_node(const struct iommu_iort_path *path,
								    size_t step)
{
	return step < path->nsteps ? path->steps[step].node : NULL;
}

IOMMU_EXPORT uint32_t iommu_iort_path_get_id(const struct iommu_iort_path *path, size_t step)
{
	return step < path->nsteps ? path->steps[step].id : 0;
}

IOMMU_EXPORT const struct iommu_iort_mapping *
iommu_iort_path_get_mapping(const struct iommu_iort_path *path, size_t step)
{
	return step < path->nsteps ? path->steps[step].mapping : NULL;
}

IOMMU_EXPORT const char *iommu_iort_end_name(enum iommu_iort_end end)
{
	static const char *const names[] = {
		[IOMMU_IORT_END_ITS_GROUP] = "its_group",
		[IOMMU_IORT_END_NO_MAPPING] = "no_mapping",
		[IOMMU_IORT_END_NULL_REFERENCE] = "null_reference",
		[IOMMU_IORT_END_BAD_REFERENCE] = "bad_reference",
		[IOMMU_IORT_END_LOOP] = "loop",
		[IOMMU_IORT_END_TARGET] = "target",
	};

	return (unsigned int)end < ARRAY_SIZE(names) ? names[end] : "unknown";
}
