/* SPDX-License-Identifier: MIT */
/*
 * IORT inside libiommu (Arm DEN 0049): the decoder (iort-decode.c) turns the
 * table into a dnode tree; the node graph (iort-trace.c) is built from that
 * tree and serves both the validator (iort-validate.c) and the ID tracer.
 */
#ifndef LIBIOMMU_IORT_H
#define LIBIOMMU_IORT_H

#include "internal.h"

/* DEN 0049 E.g §3 Table 4: node types. */
enum iort_node_type {
	IORT_ITS_GROUP = 0,
	IORT_NAMED_COMPONENT = 1,
	IORT_ROOT_COMPLEX = 2,
	IORT_SMMU_V1V2 = 3,
	IORT_SMMU_V3 = 4,
	IORT_PMCG = 5,
	IORT_RMR = 6,
	IORT_IWB = 7,
	IORT_NODE_TYPES,
};

#define IORT_HEADER_END		48	/* table header + Node Count, Node Offset, Reserved */
#define IORT_NODE_HEADER_SIZE	16
#define IORT_SINGLE_MAPPING	1u
#define IORT_SMMU_V3_DEVICEID_VALID (1u << 4)

/* Fields the IORT validator and decoder read back (FIELD_KEY, lib/internal.h). */
#define IORT_KEYS(X)                                                                           \
	X(base_address) X(body) X(cache_coherency) X(coherent_path) X(descriptor_count)        \
	X(descriptor_offset) X(device_attributes) X(device_name) X(deviceid_mapping_index)     \
	X(event_gsiv) X(flags) X(gerr_gsiv) X(global_interrupt_offset) X(id_count)             \
	X(identifier) X(input_base) X(its_count) X(length) X(mapping_count) X(mapping_offset)  \
	X(memory_address_limit) X(memory_flags) X(model) X(node_reference) X(output_base)      \
	X(output_reference) X(overflow_gsiv) X(padding) X(pci_segment) X(pri_gsiv) X(revision) \
	X(single_mapping) X(sync_gsiv) X(type)
struct iort_keys { IORT_KEYS(FIELD_KEY_MEMBER) };
#define IORT_KEY(k) FIELD_KEY(iort_keys, k)
/* NODE's field K: its value (0 when NODE lacks it), and whether NODE has it. */
#define IORT_GET(node, k) dnode_get_u64(node, IORT_KEY(k), 0)
#define IORT_HAS(node, k) (iommu_dnode_find_field(node, IORT_KEY(k)) != NULL)

/* Every check an IORT finding can come from (lib/acpi/iort-validate.c holds the texts). */
enum iort_check {
	IORT_CHECK_REVISION_WITHDRAWN,
	IORT_CHECK_REVISION_UNKNOWN,
	IORT_CHECK_NODE_OFFSET,
	IORT_CHECK_NODE_COUNT,
	IORT_CHECK_TRAILING_BYTES,
	IORT_CHECK_PADDING,
	IORT_CHECK_NODE_LENGTH,
	IORT_CHECK_NODE_PAST_END,
	IORT_CHECK_NODE_TYPE,
	IORT_CHECK_NODE_REVISION,
	IORT_CHECK_NODE_REVISION_STALE,
	IORT_CHECK_NODE_IDENTIFIER,
	IORT_CHECK_ARRAY_OUTSIDE,
	IORT_CHECK_MAPPING_OFFSET,
	IORT_CHECK_IDMAP_NULL_REF,
	IORT_CHECK_IDMAP_DANGLING_REF,
	IORT_CHECK_IDMAP_REF_INSIDE,
	IORT_CHECK_IDMAP_TARGET_TYPE,
	IORT_CHECK_IDMAP_SINGLE,
	IORT_CHECK_IDMAP_WRAPS,
	IORT_CHECK_IDMAP_OVERLAP,
	IORT_CHECK_IDMAP_OFF_BY_ONE,
	IORT_CHECK_IDMAP_UNCOVERED,
	IORT_CHECK_IDMAP_LOOP,
	IORT_CHECK_ITS_MAPPINGS,
	IORT_CHECK_ITS_EMPTY,
	IORT_CHECK_MEMORY_CCA,
	IORT_CHECK_MEMORY_ATTRIBUTES,
	IORT_CHECK_NO_ADDRESS_LIMIT,
	IORT_CHECK_NAME,
	IORT_CHECK_NAME_DUPLICATE,
	IORT_CHECK_RC_SEGMENT_DUPLICATE,
	IORT_CHECK_RC_RID_RANGE,
	IORT_CHECK_SMMU_MODEL,
	IORT_CHECK_SMMU_BASE_ZERO,
	IORT_CHECK_SMMU_BASE_DUPLICATE,
	IORT_CHECK_DEVICEID_INDEX,
	IORT_CHECK_MSI_MAPPING,
	IORT_CHECK_PMCG_MAPPINGS,
	IORT_CHECK_PMCG_REFERENCE,
	IORT_CHECK_RMR_TABLE_REVISION,
	IORT_CHECK_RMR_NODE_REVISION,
	IORT_CHECK_RMR_NO_DESCRIPTORS,
	IORT_CHECK_RMR_NO_MAPPINGS,
	IORT_CHECK_RMR_ZERO_LENGTH,
	IORT_CHECK_RMR_UNALIGNED,
	IORT_CHECK_RMR_OVERLAP,
	IORT_CHECKS,
};

/* iort_checks[] (lib/internal.h) is indexed by these. */
/* "SMMUv3": the node type's name; "Unknown Node" past the known ones. */
const char *iort_type_name(unsigned int type);

/* ---- the node graph (lib/acpi/iort-trace.c) ------------------------------ */

struct iommu_iort_mapping {
	uint64_t offset;			/* in the table */
	uint32_t input_base, id_count, output_base, output_reference, flags;
	struct iommu_iort_node *target;		/* the node at output_reference, or NULL */
	struct iommu_iort_node *owner;
	unsigned int index;
};

struct iommu_iort_node {
	const struct iommu_dnode *dnode;
	const char *label;			/* "SMMUv3 @0x48" */
	uint64_t offset, length;
	unsigned int type, revision;
	uint32_t identifier;
	uint32_t mapping_count, mapping_offset;	/* as the node says */
	struct iommu_iort_mapping *mappings;	/* the ones decoded */
	size_t nmappings;
	int msi_index;				/* SMMUv3/PMCG mapping for its own MSIs, or -1 */
};

/* Where a reference lands: on a node header, inside a node, or nowhere. */
enum iort_landing {
	IORT_LANDS_ON_NODE,
	IORT_LANDS_INSIDE_NODE,
	IORT_LANDS_NOWHERE,
};

struct iort_graph {
	struct iommu_iort_node *nodes;
	size_t nnodes;
	unsigned int table_revision;
};

/* Build the graph from a decoded IORT; free with iort_graph_fini. */
int iort_graph_init(struct iort_graph *g, const struct iommu_dnode *root);
void iort_graph_fini(struct iort_graph *g);
struct iommu_iort_node *iort_graph_node_at(const struct iort_graph *g, uint64_t offset,
					   enum iort_landing *ret_landing);
/* The last input ID a mapping covers: base + count, saturated at 2^32 - 1. */
uint32_t iort_mapping_last(uint32_t base, uint32_t count);

#endif
