// SPDX-License-Identifier: MIT
/*
 * IORT decoder (Arm DEN 0049, issues A to E.g): the header, every node type
 * of every table and node revision, ID mappings, SMMU interrupt arrays and
 * RMR memory ranges.  The walk follows Node Offset and each node's Length;
 * every length, count and offset is checked against its node and the table
 * before it is used, so a node of length 0 ends the walk instead of spinning.
 */
#include <errno.h>
#include <stdio.h>

#include "acpi/iort.h"
#include "acpi/subtable.h"

#define IORT_REF "DEN 0049 E.g"
#define IORT_MAPPING_SIZE 20		/* §3.1.1 Table 5 */
#define IORT_RMR_DESC_SIZE 20		/* §3.1.1.7 Table 24 */

static const char *const type_names[IORT_NODE_TYPES] = {
	"ITS Group", "Named Component", "Root Complex", "SMMUv1/v2", "SMMUv3", "PMCG", "RMR", "IWB",
};

static const char *const type_kinds[IORT_NODE_TYPES] = {
	"its_group", "named_component", "root_complex", "smmu_v1v2", "smmu_v3", "pmcg", "rmr", "iwb",
};

const char *iort_type_name(unsigned int type)
{
	return type < IORT_NODE_TYPES ? type_names[type] : "Unknown Node";
}

/* "SMMUv3 @0x48": how nodes and the references to them are shown. */
static void iort_format_label(char *buf, size_t size, unsigned int type, uint64_t offset)
{
	if (type < IORT_NODE_TYPES)
		snprintf(buf, size, "%s @0x%llx", type_names[type], (unsigned long long)offset);
	else
		snprintf(buf, size, "Node type %u @0x%llx", type, (unsigned long long)offset);
}

/* DEN 0049 E.g §3 Table 2: table revisions, one per issue of the specification. */
static const char *const table_revisions[] = {
	"issues A to D", "issue E, withdrawn", "issue E.a, withdrawn", "issue E.b",
	"issue E.c, withdrawn", "issue E.d", "issue E.e",
};

/* DEN 0049 E.g §3 Table 2: IORT header fields after the ACPI header */
static const struct field_desc header_fields[] = {
	{ "node_count", "Node Count", 36, 4, IOMMU_DFIELD_UINT, FD_SUMMARY },
	{ "node_offset", "Node Offset", 40, 4, IOMMU_DFIELD_HEX },
	{ "reserved", "Reserved", 44, 4, IOMMU_DFIELD_HEX, FD_RESERVED },
};

/* DEN 0049 E.g §3.1.1 Node header: type, length, revision ... */
static const struct field_desc node_header_fields[] = {
	{ "type", "Type", 0, 1, IOMMU_DFIELD_UINT, 0, NULL, 0, NAMES(type_names) },
	{ IORT_KEY(length), "Length", 1, 2, IOMMU_DFIELD_UINT },
	{ IORT_KEY(revision), "Revision", 3, 1, IOMMU_DFIELD_UINT },
};

/* ... the Identifier (table revision 1, issue E, onwards; reserved before) ... */
static const struct field_desc node_identifier_field[] = {
	{ IORT_KEY(identifier), "Identifier", 4, 4, IOMMU_DFIELD_HEX },
};
static const struct field_desc node_reserved_field[] = {
	{ "reserved", "Reserved", 4, 4, IOMMU_DFIELD_HEX, FD_RESERVED },
};

/* ... and the ID mapping array's count and offset. */
static const struct field_desc node_mapping_fields[] = {
	{ IORT_KEY(mapping_count), "Mapping Count", 8, 4, IOMMU_DFIELD_UINT },
	{ IORT_KEY(mapping_offset), "Mapping Offset", 12, 4, IOMMU_DFIELD_HEX },
};

/* DEN 0049 E.g §3.1.1 Table 5: ID mapping */
static const struct bit_desc mapping_flag_bits[] = {
	{ IORT_KEY(single_mapping), "Single Mapping", 0, 1, NULL, 0, FD_SUMMARY },
	{ "flags_reserved", "Reserved", 1, 31, NULL, 0, FD_RESERVED },
};
static const struct field_desc mapping_fields[] = {
	{ "input_base", "Input Base", 0, 4, IOMMU_DFIELD_HEX, FD_SUMMARY },
	{ IORT_KEY(id_count), "ID Count", 4, 4, IOMMU_DFIELD_HEX, FD_SUMMARY },
	{ "output_base", "Output Base", 8, 4, IOMMU_DFIELD_HEX, FD_SUMMARY },
	{ IORT_KEY(output_reference), "Output Reference", 12, 4, IOMMU_DFIELD_HEX, FD_SUMMARY },
	{ IORT_KEY(flags), "Flags", 16, 4, IOMMU_DFIELD_HEX, 0, BITS(mapping_flag_bits) },
};

/* DEN 0049 E.g §3.1.1.2 Tables 14-16: memory access properties, at AT in the node */
static const char *const cca_names[] = { "not coherent", "fully coherent" };
static const struct bit_desc hints_bits[] = {
	{ "transient", "Transient", 0, 1 },
	{ "write_allocate", "Write Allocate", 1, 1 },
	{ "read_allocate", "Read Allocate", 2, 1 },
	{ "hints_override", "Allocation Hints Override", 3, 1 },
	{ "hints_reserved", "Reserved", 4, 4, NULL, 0, FD_RESERVED },
};
static const struct bit_desc memory_flag_bits[] = {
	{ IORT_KEY(coherent_path), "Coherent Path to Memory (CPM)", 0, 1 },
	{ IORT_KEY(device_attributes), "Device Attributes Cacheable Inner Shareable (DACS)", 1, 1 },
	{ "canwbs", "Coherent Accesses Not Marked IWB-OWB (CANWBS)", 2, 1 },
	{ "memory_flags_reserved", "Reserved", 3, 5, NULL, 0, FD_RESERVED },
};
#define MEMORY_ACCESS_FIELDS(at)                                                                   \
	{ IORT_KEY(cache_coherency), "Cache Coherency", (at), 4, IOMMU_DFIELD_UINT, 0, NULL, 0,    \
	  NAMES(cca_names) },                                                                      \
	{ "hints", "Allocation Hints", (at) + 4, 1, IOMMU_DFIELD_HEX, 0, BITS(hints_bits) },       \
	{ "memory_reserved", "Reserved", (at) + 5, 2, IOMMU_DFIELD_HEX, FD_RESERVED },             \
	{ IORT_KEY(memory_flags), "Memory Access Flags", (at) + 7, 1, IOMMU_DFIELD_HEX, 0,         \
	  BITS(memory_flag_bits) }

/* DEN 0049 E.g §3.1.1.1 Table 12: ITS group node */
static const struct field_desc its_fields[] = {
	{ IORT_KEY(its_count), "ITS Count", 16, 4, IOMMU_DFIELD_UINT, FD_SUMMARY },
};

/* DEN 0049 E.g §3.1.1.2 Table 13: named component node */
static const struct bit_desc nc_flag_bits[] = {
	{ "stall_supported", "Stall Supported", 0, 1, NULL, 0, FD_SUMMARY },
	{ "pasid_bits", "PASID (Substream ID) Bits", 1, 5 },
	{ "node_flags_reserved", "Reserved", 6, 26, NULL, 0, FD_RESERVED },
};
static const struct field_desc nc_fields[] = {
	{ "node_flags", "Node Flags", 16, 4, IOMMU_DFIELD_HEX, 0, BITS(nc_flag_bits) },
	MEMORY_ACCESS_FIELDS(20),
	{ IORT_KEY(memory_address_limit), "Memory Address Size Limit", 28, 1, IOMMU_DFIELD_UINT },
};
#define NC_NAME_OFFSET 29

/* DEN 0049 E.g §3.1.1.3 Table 17: root complex node */
static const struct bit_desc ats_bits[] = {
	{ "ats_supported", "ATS Supported", 0, 1, NULL, 0, FD_SUMMARY },
	{ "pri_supported", "PRI Supported", 1, 1, NULL, 0, FD_SUMMARY },
	{ "pasid_forwarding", "PASID Forwarded on Translated Transactions", 2, 1, NULL, 0,
	  FD_SUMMARY },
	{ "ats_reserved", "Reserved", 3, 29, NULL, 0, FD_RESERVED },
};
static const struct field_desc rc_fields[] = {
	MEMORY_ACCESS_FIELDS(16),
	{ "ats_attribute", "ATS Attribute", 24, 4, IOMMU_DFIELD_HEX, 0, BITS(ats_bits) },
	{ IORT_KEY(pci_segment), "PCI Segment Number", 28, 4, IOMMU_DFIELD_UINT, FD_SUMMARY },
};
/* Node revision 1 (issue D) added the address size limit, 4 (E.d) PASID capabilities and Flags. */
static const struct field_desc rc_limit_field[] = {
	{ IORT_KEY(memory_address_limit), "Memory Address Size Limit", 32, 1, IOMMU_DFIELD_UINT },
};
static const struct bit_desc pasid_cap_bits[] = {
	{ "max_pasid_width", "Max PASID Width", 0, 5 },
	{ "pasid_cap_reserved", "Reserved", 5, 11, NULL, 0, FD_RESERVED },
};
static const struct bit_desc rc_flag_bits[] = {
	{ "pasid_supported", "PASID Supported", 0, 1, NULL, 0, FD_SUMMARY },
	{ "rc_flags_reserved", "Reserved", 1, 31, NULL, 0, FD_RESERVED },
};
static const struct field_desc rc_pasid_fields[] = {
	{ "pasid_capabilities", "PASID Capabilities", 33, 2, IOMMU_DFIELD_HEX, 0,
	  BITS(pasid_cap_bits) },
	{ "rc_reserved", "Reserved", 35, 1, IOMMU_DFIELD_HEX, FD_RESERVED },
};
static const struct field_desc rc_flags_field[] = {
	{ IORT_KEY(flags), "Flags", 36, 4, IOMMU_DFIELD_HEX, 0, BITS(rc_flag_bits) },
};

/* DEN 0049 E.g §3.1.1.4 Table 18: SMMUv1/v2 node */
static const char *const smmu_models[] = {
	"generic SMMUv1", "generic SMMUv2", "Arm CoreLink MMU-400", "Arm CoreLink MMU-500",
	"Arm CoreLink MMU-401", "Cavium ThunderX SMMUv2",
};
static const struct bit_desc smmu_flag_bits[] = {
	{ "dvm_supported", "DVM Supported", 0, 1 },
	{ "coherent_walk", "Coherent Page Table Walk", 1, 1, NULL, 0, FD_SUMMARY },
	{ "smmu_flags_reserved", "Reserved", 2, 30, NULL, 0, FD_RESERVED },
};
static const struct field_desc smmu_fields[] = {
	{ IORT_KEY(base_address), "Base Address", 16, 8, IOMMU_DFIELD_ADDR, FD_SUMMARY },
	{ "span", "Span", 24, 8, IOMMU_DFIELD_HEX },
	{ IORT_KEY(model), "Model", 32, 4, IOMMU_DFIELD_UINT, FD_SUMMARY, NULL, 0,
	  NAMES(smmu_models) },
	{ IORT_KEY(flags), "Flags", 36, 4, IOMMU_DFIELD_HEX, 0, BITS(smmu_flag_bits) },
	{ IORT_KEY(global_interrupt_offset), "Global Interrupt Array Offset", 40, 4,
	  IOMMU_DFIELD_HEX },
	{ "context_interrupt_count", "Context Interrupt Count", 44, 4, IOMMU_DFIELD_UINT },
	{ "context_interrupt_offset", "Context Interrupt Array Offset", 48, 4, IOMMU_DFIELD_HEX },
	{ "pmu_interrupt_count", "PMU Interrupt Count", 52, 4, IOMMU_DFIELD_UINT },
	{ "pmu_interrupt_offset", "PMU Interrupt Array Offset", 56, 4, IOMMU_DFIELD_HEX },
};

/* DEN 0049 E.g §3.1.1.4 Table 19: an SMMUv1/v2 interrupt (GSIV and flags) */
static const struct bit_desc interrupt_flag_bits[] = {
	{ "edge_triggered", "Edge Triggered", 0, 1, NULL, 0, FD_SUMMARY },
	{ "interrupt_flags_reserved", "Reserved", 1, 31, NULL, 0, FD_RESERVED },
};
static const struct field_desc interrupt_fields[] = {
	{ "gsiv", "GSIV", 0, 4, IOMMU_DFIELD_UINT, FD_SUMMARY },
	{ IORT_KEY(flags), "Flags", 4, 4, IOMMU_DFIELD_HEX, 0, BITS(interrupt_flag_bits) },
};

/* DEN 0049 E.g §3.1.1.5 Table 20: SMMUv3 node */
static const char *const smmu_v3_models[] = {
	"generic SMMUv3", "HiSilicon Hi161x SMMUv3", "Cavium CN99xx SMMUv3",
};
static const char *const httu_names[] = {
	"no override", "access flag", "access flag and dirty state", "reserved",
};
static const struct bit_desc smmu_v3_flag_bits[] = {
	{ "cohacc_override", "COHACC Override", 0, 1, NULL, 0, FD_SUMMARY },
	{ "httu_override", "HTTU Override", 1, 2, NAMES(httu_names) },
	{ "proximity_domain_valid", "Proximity Domain Valid", 3, 1 },
	{ "deviceid_valid", "DeviceID Mapping Index Valid", 4, 1 },
	{ "smmu_v3_flags_reserved", "Reserved", 5, 27, NULL, 0, FD_RESERVED },
};
static const struct field_desc smmu_v3_fields[] = {
	{ IORT_KEY(base_address), "Base Address", 16, 8, IOMMU_DFIELD_ADDR, FD_SUMMARY },
	{ IORT_KEY(flags), "Flags", 24, 4, IOMMU_DFIELD_HEX, 0, BITS(smmu_v3_flag_bits) },
	{ "smmu_v3_reserved", "Reserved", 28, 4, IOMMU_DFIELD_HEX, FD_RESERVED },
	{ "vatos_address", "VATOS Address", 32, 8, IOMMU_DFIELD_ADDR },
	{ IORT_KEY(model), "Model", 40, 4, IOMMU_DFIELD_UINT, FD_SUMMARY, NULL, 0,
	  NAMES(smmu_v3_models) },
	{ IORT_KEY(event_gsiv), "Event GSIV", 44, 4, IOMMU_DFIELD_UINT },
	{ IORT_KEY(pri_gsiv), "PRI GSIV", 48, 4, IOMMU_DFIELD_UINT },
	{ IORT_KEY(gerr_gsiv), "GERR GSIV", 52, 4, IOMMU_DFIELD_UINT },
	{ IORT_KEY(sync_gsiv), "Sync GSIV", 56, 4, IOMMU_DFIELD_UINT },
};
/* The proximity domain was one byte until node revision 2 (issue D), then four. */
static const struct field_desc smmu_v3_pxm8[] = {
	{ "proximity_domain", "Proximity Domain", 60, 1, IOMMU_DFIELD_UINT },
	{ "pxm_reserved", "Reserved", 61, 3, IOMMU_DFIELD_HEX, FD_RESERVED },
};
static const struct field_desc smmu_v3_pxm32[] = {
	{ "proximity_domain", "Proximity Domain", 60, 4, IOMMU_DFIELD_UINT },
};
/* Node revision 1 (issue C) onwards. */
static const struct field_desc smmu_v3_index_field[] = {
	{ IORT_KEY(deviceid_mapping_index), "DeviceID Mapping Index", 64, 4, IOMMU_DFIELD_UINT },
};

/* DEN 0049 E.g §3.1.1.6 Table 21: PMCG node; Page 1 from node revision 1 (issue D) */
static const struct field_desc pmcg_fields[] = {
	{ "page0_base", "Page 0 Base Address", 16, 8, IOMMU_DFIELD_ADDR, FD_SUMMARY },
	{ "overflow_gsiv", "Overflow Interrupt GSIV", 24, 4, IOMMU_DFIELD_UINT },
	{ IORT_KEY(node_reference), "Node Reference", 28, 4, IOMMU_DFIELD_HEX, FD_SUMMARY },
};
static const struct field_desc pmcg_page1_field[] = {
	{ "page1_base", "Page 1 Base Address", 32, 8, IOMMU_DFIELD_ADDR },
};

/* DEN 0049 E.g §3.1.1.7 Tables 22-24: RMR node, its flags and memory range descriptors */
static const char *const rmr_attributes[] = {
	"Device-nGnRnE", "Device-nGnRE", "Device-nGRE", "Device-GRE",
	"Normal Inner/Outer Non-cacheable", "Normal Inner/Outer Write-back Inner Shareable",
};
static const struct bit_desc rmr_flag_bits[] = {
	{ "remapping_permitted", "Remapping Permitted", 0, 1, NULL, 0, FD_SUMMARY },
	{ "access_privileged", "Access Privileged", 1, 1 },
	{ "access_attributes", "Access Attributes", 2, 8, NAMES(rmr_attributes) },
	{ "rmr_flags_reserved", "Reserved", 10, 22, NULL, 0, FD_RESERVED },
};
static const struct field_desc rmr_fields[] = {
	{ IORT_KEY(flags), "Flags", 16, 4, IOMMU_DFIELD_HEX, 0, BITS(rmr_flag_bits) },
	{ IORT_KEY(descriptor_count), "Memory Range Descriptor Count", 20, 4, IOMMU_DFIELD_UINT,
	  FD_SUMMARY },
	{ IORT_KEY(descriptor_offset), "Memory Range Descriptor Offset", 24, 4, IOMMU_DFIELD_HEX },
};
static const struct field_desc rmr_range_fields[] = {
	{ IORT_KEY(base_address), "Base Address", 0, 8, IOMMU_DFIELD_ADDR, FD_SUMMARY },
	{ IORT_KEY(length), "Length", 8, 8, IOMMU_DFIELD_HEX, FD_SUMMARY },
	{ "reserved", "Reserved", 16, 4, IOMMU_DFIELD_HEX, FD_RESERVED },
};

/* DEN 0049 E.g §3.1.1.8: IWB (GICv5 interrupt wire bridge) node */
static const struct field_desc iwb_fields[] = {
	{ "config_frame_base", "Config Frame Base", 16, 8, IOMMU_DFIELD_ADDR, FD_SUMMARY },
	{ "iwb_index", "IWB Index", 24, 2, IOMMU_DFIELD_UINT, FD_SUMMARY },
};
#define IWB_NAME_OFFSET 26

/* Fields the decoder sizes itself: a device object name to its NUL, padding, a node's body. */
static const struct field_desc device_name_field[] = {
	{ IORT_KEY(device_name), "Device Object Name", .kind = IOMMU_DFIELD_STRING },
};
static const struct field_desc padding_field[] = {
	{ IORT_KEY(padding), "Padding", .kind = IOMMU_DFIELD_BYTES },
};
static const struct field_desc body_field[] = {
	{ IORT_KEY(body), "Node Body", .kind = IOMMU_DFIELD_BYTES },
};

const struct field_descs iort_field_descs[] = {
	{ FIELDS(header_fields) }, { FIELDS(node_header_fields) },
	{ FIELDS(node_identifier_field) }, { FIELDS(node_reserved_field) },
	{ FIELDS(node_mapping_fields) }, { FIELDS(mapping_fields) }, { FIELDS(its_fields) },
	{ FIELDS(nc_fields) }, { FIELDS(rc_fields) }, { FIELDS(rc_limit_field) },
	{ FIELDS(rc_pasid_fields) }, { FIELDS(rc_flags_field) }, { FIELDS(smmu_fields) },
	{ FIELDS(interrupt_fields) }, { FIELDS(smmu_v3_fields) }, { FIELDS(smmu_v3_pxm8) },
	{ FIELDS(smmu_v3_pxm32) }, { FIELDS(smmu_v3_index_field) }, { FIELDS(pmcg_fields) },
	{ FIELDS(pmcg_page1_field) }, { FIELDS(rmr_fields) }, { FIELDS(rmr_range_fields) },
	{ FIELDS(iwb_fields) }, { FIELDS(device_name_field) }, { FIELDS(padding_field) },
	{ FIELDS(body_field) }, { NULL },
};

/* A node found by the walk. */
struct node_pos {
	uint64_t offset, length;	/* length: as far as the table holds it */
	unsigned int type;
};

struct iort_decode {
	struct decoder *d;
	struct node_pos *nodes;
	size_t nnodes;
	unsigned int table_revision;
};

/* One node being decoded: where, how long, what. */
struct node_ctx {
	struct iort_decode *t;
	struct iommu_dnode *dn;
	uint64_t off, len;
	unsigned int type, revision;
};

static const struct check_desc *check(enum iort_check c)
{
	return &iort_checks[c];
}

/* Decode DESC over the node: its offsets are from the node start. */
static void decode_fields(struct node_ctx *n, const struct field_desc *desc, size_t ndesc)
{
	dnode_decode(n->t->d, n->dn, n->off, n->len, desc, ndesc);
}

static uint64_t field(const struct node_ctx *n, const char *key)
{
	return dnode_get_u64(n->dn, key, 0);
}

/* Where the node's own fields must end: at its ID mapping array, or at its end. */
static uint64_t room(const struct node_ctx *n)
{
	uint64_t at = field(n, IORT_KEY(mapping_offset));

	bool mapped = field(n, IORT_KEY(mapping_count)) && at >= IORT_NODE_HEADER_SIZE &&
		      at < n->len;

	return mapped ? at : n->len;
}

/*
 * Fields a later node revision added.  A node of that revision has them; an
 * older node whose ID mappings start after them has bytes there too, which
 * firmware often fills as the later revision says while leaving Revision
 * old: they are decoded, and a finding says that a revision-reading OS such
 * as Linux ignores them.
 */
static void decode_since(struct node_ctx *n, unsigned int since, const struct field_desc *desc,
			 size_t ndesc)
{
	uint64_t first = desc[0].offset, end = desc[ndesc - 1].offset + desc[ndesc - 1].size;
	const uint8_t *p = n->t->d->data + n->off;

	if (n->revision >= since) {
		decode_fields(n, desc, ndesc);
		return;
	}
	if (end > room(n))
		return;
	decode_fields(n, desc, ndesc);
	for (uint64_t i = first; i < end; i++)
		if (p[i]) {
			decoder_finding(n->t->d, check(IORT_CHECK_NODE_REVISION_STALE), n->off + first,
					"%s: %s holds 0x%llx, a field of node revision %u on; the node says revision %u, so Linux ignores it",
					iommu_dnode_get_title(n->dn), desc[0].label,
					(unsigned long long)get_le(p + first, desc[0].size > 8 ? 8 : desc[0].size),
					since, n->revision);
			return;
		}
}

/* "48 bits" for an address size limit. */
static void set_bits_meaning(struct decoder *d, struct iommu_dnode *dn, const char *key)
{
	struct iommu_dfield *f = iommu_dnode_find_field(dn, key);

	if (f && iommu_dfield_get_u64(f))
		dfield_set_meaning(d, f, "%llu bits", (unsigned long long)iommu_dfield_get_u64(f));
}

/* What a reference to OFFSET lands on, in words: "SMMUv3 @0x48", "inside ...". */
static const char *reference_text(struct iort_decode *t, uint64_t offset)
{
	size_t lo = 0, hi = t->nnodes;
	const struct node_pos *p;
	char label[64];

	if (offset == 0)
		return "null";
	/* The nodes lie in table order: the last one starting at or below OFFSET. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->nodes[mid].offset <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || offset - t->nodes[lo - 1].offset >= t->nodes[lo - 1].length)
		return "no node";
	p = &t->nodes[lo - 1];
	iort_format_label(label, sizeof(label), p->type, p->offset);
	if (offset == p->offset)
		return arena_strdup(t->d->arena, label);
	return arena_printf(t->d->arena, "inside %s", label);
}

static void set_meaning(struct decoder *d, struct iommu_dnode *dn, const char *key,
			const char *text)
{
	struct iommu_dfield *f = iommu_dnode_find_field(dn, key);

	if (f && text)
		dfield_set_meaning(d, f, "%s", text);
}

/*
 * A count-driven array of COUNT entries of SIZE bytes at node offset AT: how
 * many lie inside the node.  A count that does not fit is a finding.
 */
static uint64_t array_fit(struct node_ctx *n, const char *what, uint64_t at, uint64_t count,
			  unsigned int size)
{
	uint64_t fit = at <= n->len ? (n->len - at) / size : 0;

	if (count <= fit)
		return count;
	decoder_finding(n->t->d, check(IORT_CHECK_ARRAY_OUTSIDE), n->off + at,
			"%s at 0x%llx: %llu %s of %u bytes at offset 0x%llx do not fit in its %llu bytes; %llu decoded",
			iommu_dnode_get_title(n->dn), (unsigned long long)n->off,
			(unsigned long long)count, what, size, (unsigned long long)at,
			(unsigned long long)n->len, (unsigned long long)fit);
	return fit;
}

/* Decode COUNT entries of an array as child nodes, each described by DESC. */
static void decode_children(struct node_ctx *n, const char *kind, const char *title, uint64_t at,
			    uint64_t count, unsigned int size, const struct field_desc *desc,
			    size_t ndesc)
{
	for (uint64_t i = 0; i < count; i++) {
		uint64_t off = n->off + at + i * size;
		struct iommu_dnode *c = dnode_add(n->t->d, n->dn, kind, title, off, size);

		if (!c)
			return;
		dnode_decode(n->t->d, c, off, size, desc, ndesc);
	}
}

static void decode_mappings(struct node_ctx *n)
{
	uint64_t count = field(n, IORT_KEY(mapping_count)), at = field(n, IORT_KEY(mapping_offset));

	if (!count || at < IORT_NODE_HEADER_SIZE)
		return;	/* no array, or one on the header: the validator says so */
	count = array_fit(n, "ID mappings", at, count, IORT_MAPPING_SIZE);
	for (uint64_t i = 0; i < count; i++) {
		uint64_t off = n->off + at + i * IORT_MAPPING_SIZE;
		struct iommu_dnode *c = dnode_add(n->t->d, n->dn, "id_mapping", "ID Mapping", off,
						  IORT_MAPPING_SIZE);
		uint64_t ids;

		if (!c || dnode_decode(n->t->d, c, off, IORT_MAPPING_SIZE, FIELDS(mapping_fields)) <
				  ARRAY_SIZE(mapping_fields))
			return;
		ids = IORT_GET(c, id_count) + 1;
		if (IORT_GET(c, single_mapping))
			set_meaning(n->t->d, c, IORT_KEY(id_count), "ignored: single mapping");
		else
			dfield_set_meaning(n->t->d, iommu_dnode_find_field(c, IORT_KEY(id_count)),
					   "%llu ID%s", (unsigned long long)ids, ids == 1 ? "" : "s");
		set_meaning(n->t->d, c, IORT_KEY(output_reference),
			    reference_text(n->t, IORT_GET(c, output_reference)));
	}
}

/* An ACPI path as it reads ("\\_SB.ETH0"); other bytes escaped as decoder_text does. */
static const char *name_text(struct decoder *d, const uint8_t *p, size_t size)
{
	char *s;

	for (size_t i = 0; i < size; i++)
		if (p[i] < 0x20 || p[i] >= 0x7f)
			return decoder_text(d, p, size);
	s = arena_alloc(d->arena, size + 1);
	if (!s) {
		d->error = -ENOMEM;
		return NULL;
	}
	memcpy(s, p, size);
	s[size] = 0;
	return s;
}

/* A NUL-terminated device object name at AT, then padding up to the ID mappings. */
static void decode_name(struct node_ctx *n, uint64_t at)
{
	const uint8_t *p = n->t->d->data + n->off + at;
	uint64_t room = n->len > at ? n->len - at : 0, size, pad_end;
	struct iommu_dfield *f;
	bool zero = true;

	if (!room) {
		decoder_finding(n->t->d, check(IORT_CHECK_NAME), n->off + at,
				"%s: no room for the device object name", iommu_dnode_get_title(n->dn));
		return;
	}
	size = strnlen((const char *)p, room);
	f = dnode_add_string(n->t->d, n->dn, device_name_field->key, device_name_field->label,
			     n->off + at, (unsigned int)(size < room ? size + 1 : size),
			     name_text(n->t->d, p, size));
	dfield_set_summary(f);
	if (size == room) {
		decoder_finding(n->t->d, check(IORT_CHECK_NAME), n->off + at,
				"%s: the device object name is not NUL-terminated inside the node",
				iommu_dnode_get_title(n->dn));
		return;
	}
	if (!size)
		decoder_finding(n->t->d, check(IORT_CHECK_NAME), n->off + at,
				"%s: the device object name is empty", iommu_dnode_get_title(n->dn));
	at += size + 1;
	pad_end = field(n, IORT_KEY(mapping_count)) ? field(n, IORT_KEY(mapping_offset)) : n->len;
	if (pad_end <= at || pad_end > n->len)
		return;
	for (uint64_t i = at; i < pad_end; i++)
		zero &= n->t->d->data[n->off + i] == 0;
	if (!zero)
		dnode_add_bytes(n->t->d, n->dn, padding_field->key, padding_field->label,
				n->off + at, (unsigned int)(pad_end - at));
}

/* DEN 0049 E.g §3.1.1.1: ITS group node */
static void decode_its_group(struct node_ctx *n)
{
	uint64_t count;

	decode_fields(n, FIELDS(its_fields));
	count = array_fit(n, "ITS identifiers", 20, field(n, IORT_KEY(its_count)), 4);
	for (uint64_t i = 0; i < count; i++) {
		uint64_t off = n->off + 20 + 4 * i;
		struct iommu_dfield *f = dnode_add_u64(
			n->t->d, n->dn, arena_printf(n->t->d->arena, "its_id_%llu", (unsigned long long)i),
			"GIC ITS Identifier", IOMMU_DFIELD_UINT, off, 4, get_le32(n->t->d->data + off));

		dfield_set_summary(f);
	}
}

/* DEN 0049 E.g §3.1.1.2: named component node */
static void decode_named_component(struct node_ctx *n)
{
	decode_fields(n, FIELDS(nc_fields));
	set_bits_meaning(n->t->d, n->dn, IORT_KEY(memory_address_limit));
	decode_name(n, NC_NAME_OFFSET);
}

/* DEN 0049 E.g §3.1.1.3: root complex node */
static void decode_root_complex(struct node_ctx *n)
{
	decode_fields(n, FIELDS(rc_fields));
	decode_since(n, 1, FIELDS(rc_limit_field));
	decode_since(n, 4, FIELDS(rc_pasid_fields));
	decode_since(n, 4, FIELDS(rc_flags_field));
	set_bits_meaning(n->t->d, n->dn, IORT_KEY(memory_address_limit));
}

static void decode_interrupts(struct node_ctx *n, const char *title, const char *what,
			      const char *count_key, const char *offset_key)
{
	uint64_t at = field(n, offset_key), count = field(n, count_key);

	if (!count)
		return;
	count = array_fit(n, what, at, count, 8);
	decode_children(n, "interrupt", title, at, count, 8, FIELDS(interrupt_fields));
}

/* DEN 0049 E.g §3.1.1.4: SMMUv1/v2 node and its interrupt arrays */
static void decode_smmu_v1v2(struct node_ctx *n)
{
	static const char *const global[] = { "Global Interrupt NSgIrpt",
					       "Global Interrupt NSgCfgIrpt" };
	uint64_t at, count;

	if (dnode_decode(n->t->d, n->dn, n->off, n->len, FIELDS(smmu_fields)) < ARRAY_SIZE(smmu_fields))
		return;
	at = field(n, IORT_KEY(global_interrupt_offset));
	count = array_fit(n, "global interrupts", at, ARRAY_SIZE(global), 8);

	for (uint64_t i = 0; i < count; i++)
		decode_children(n, "interrupt", global[i], at + 8 * i, 1, 8, FIELDS(interrupt_fields));
	decode_interrupts(n, "Context Interrupt", "context interrupts", "context_interrupt_count",
			  "context_interrupt_offset");
	decode_interrupts(n, "PMU Interrupt", "PMU interrupts", "pmu_interrupt_count",
			  "pmu_interrupt_offset");
}

/* DEN 0049 E.g §3.1.1.5: SMMUv3 node */
static void decode_smmu_v3(struct node_ctx *n)
{
	decode_fields(n, FIELDS(smmu_v3_fields));
	if (n->revision < 2)
		decode_fields(n, FIELDS(smmu_v3_pxm8));
	else
		decode_fields(n, FIELDS(smmu_v3_pxm32));
	decode_since(n, 1, FIELDS(smmu_v3_index_field));
}

/* DEN 0049 E.g §3.1.1.6: PMCG node */
static void decode_pmcg(struct node_ctx *n)
{
	decode_fields(n, FIELDS(pmcg_fields));
	set_meaning(n->t->d, n->dn, IORT_KEY(node_reference),
		    reference_text(n->t, field(n, IORT_KEY(node_reference))));
	decode_since(n, 1, FIELDS(pmcg_page1_field));
}

/* DEN 0049 E.g §3.1.1.7: RMR node and its memory range descriptors */
static void decode_rmr(struct node_ctx *n)
{
	uint64_t at, count;

	if (dnode_decode(n->t->d, n->dn, n->off, n->len, FIELDS(rmr_fields)) < ARRAY_SIZE(rmr_fields))
		return;
	at = field(n, IORT_KEY(descriptor_offset));
	count = field(n, IORT_KEY(descriptor_count));
	if (!count || at < IORT_NODE_HEADER_SIZE)
		return;
	count = array_fit(n, "memory range descriptors", at, count, IORT_RMR_DESC_SIZE);
	decode_children(n, "memory_range", "Memory Range", at, count, IORT_RMR_DESC_SIZE,
			FIELDS(rmr_range_fields));
}

/* DEN 0049 E.g §3.1.1.8: IWB node */
static void decode_iwb(struct node_ctx *n)
{
	decode_fields(n, FIELDS(iwb_fields));
	decode_name(n, IWB_NAME_OFFSET);
}

static void decode_unknown(struct node_ctx *n)
{
	decoder_finding(n->t->d, check(IORT_CHECK_NODE_TYPE), n->off,
			"node at 0x%llx has type %u, which no issue of DEN 0049 defines; shown as bytes",
			(unsigned long long)n->off, n->type);
	if (n->len > IORT_NODE_HEADER_SIZE)
		dnode_add_bytes(n->t->d, n->dn, body_field->key, body_field->label,
				n->off + IORT_NODE_HEADER_SIZE,
				(unsigned int)(n->len - IORT_NODE_HEADER_SIZE));
}

static void (*const node_decoders[IORT_NODE_TYPES])(struct node_ctx *n) = {
	decode_its_group, decode_named_component, decode_root_complex, decode_smmu_v1v2,
	decode_smmu_v3, decode_pmcg, decode_rmr, decode_iwb,
};

static void decode_node(struct iort_decode *t, const struct node_pos *p)
{
	struct decoder *d = t->d;
	char label[64];
	struct node_ctx n = {
		.t = t, .off = p->offset, .len = p->length, .type = p->type,
		.revision = d->data[p->offset + 3],
	};

	iort_format_label(label, sizeof(label), p->type, p->offset);
	n.dn = dnode_add(d, d->root, p->type < IORT_NODE_TYPES ? type_kinds[p->type] : "unknown_node",
			 arena_strdup(d->arena, label), p->offset, p->length);
	if (!n.dn)
		return;
	decode_fields(&n, FIELDS(node_header_fields));
	if (t->table_revision >= 1)
		decode_fields(&n, FIELDS(node_identifier_field));
	else
		decode_fields(&n, FIELDS(node_reserved_field));
	decode_fields(&n, FIELDS(node_mapping_fields));
	if (p->type < IORT_NODE_TYPES)
		node_decoders[p->type](&n);
	else
		decode_unknown(&n);
	if (p->type < IORT_NODE_TYPES && p->type != IORT_ITS_GROUP)
		decode_mappings(&n);
}

/* Bytes after the last counted node that still look like a node: a header that fits. */
static bool looks_like_node(const struct decoder *d, uint64_t off)
{
	uint16_t len;

	if (d->size - off < IORT_NODE_HEADER_SIZE)
		return false;
	len = get_le16(d->data + off + 1);
	return d->data[off] < IORT_NODE_TYPES && len >= IORT_NODE_HEADER_SIZE && len <= d->size - off;
}

/* The walk that finds the nodes: how many the header counts. */
struct find_ctx {
	struct iort_decode *t;
	uint32_t count;
};

/* After the counted nodes, bytes that do not look like a node are trailing bytes. */
static bool node_more(void *ctx, uint64_t off)
{
	struct find_ctx *c = ctx;
	struct decoder *d = c->t->d;

	if (c->t->nnodes < c->count || looks_like_node(d, off))
		return true;
	decoder_finding(d, check(IORT_CHECK_TRAILING_BYTES), off,
			"%llu bytes after the last of the %u nodes are not a node",
			(unsigned long long)(d->size - off), c->count);
	return false;
}

static void node_found(void *ctx, const struct subtable *s)
{
	struct iort_decode *t = ((struct find_ctx *)ctx)->t;

	t->nodes[t->nnodes++] = (struct node_pos){ s->offset, s->span, s->type };
}

static void node_report(void *ctx, enum subtable_problem problem, const struct subtable *s)
{
	struct decoder *d = ((struct find_ctx *)ctx)->t->d;
	unsigned long long off = s->offset;

	switch (problem) {
	case SUBTABLE_TRAILING:
		decoder_finding(d, check(IORT_CHECK_NODE_PAST_END), off,
				"node at 0x%llx: only %llu bytes remain, less than a node header",
				off, (unsigned long long)s->left);
		break;
	case SUBTABLE_ZERO_LENGTH:
		decoder_finding(d, check(IORT_CHECK_NODE_LENGTH), off + 1,
				"node at 0x%llx has Length %llu, less than its 16-byte header; the nodes after it cannot be found",
				off, (unsigned long long)s->length);
		break;
	case SUBTABLE_OVERRUN:
		decoder_finding(d, check(IORT_CHECK_NODE_PAST_END), off + 1,
				"node at 0x%llx has Length %llu and runs past the table's end at 0x%zx",
				off, (unsigned long long)s->length, d->size);
		break;
	default:
		break;
	}
}

/* DEN 0049 E.g §3: the node array starts at Node Offset; each node's Length leads to the next. */
static const struct subtable_walk node_walk = {
	.type_offset = 0, .type_size = 1, .length_offset = 1, .length_size = 2,
	.header_size = IORT_NODE_HEADER_SIZE, .min_length = IORT_NODE_HEADER_SIZE,
	.handle_unknown = node_found,
	.more = node_more,
	.report = node_report,
};

/* Find every node (decoded once all are known: references name them), report what is wrong with the walk. */
static int find_nodes(struct iort_decode *t, uint32_t count, uint32_t node_offset)
{
	struct decoder *d = t->d;
	struct find_ctx c = { t, count };

	if (count == 0 && (node_offset < IORT_HEADER_END || node_offset >= d->size))
		return 0;
	if (node_offset < IORT_HEADER_END || node_offset >= d->size) {
		decoder_finding(d, check(IORT_CHECK_NODE_OFFSET), 40,
				"Node Offset 0x%x lies %s the table's %zu bytes; no node can be decoded",
				node_offset, node_offset < IORT_HEADER_END ? "inside the header of" : "past",
				d->size);
		return 0;
	}
	/* Every node holds at least its header. */
	t->nodes = arena_alloc(d->arena, (d->size / IORT_NODE_HEADER_SIZE + 1) * sizeof(*t->nodes));
	if (!t->nodes)
		return -ENOMEM;
	if (subtables_walk(d, &node_walk, node_offset, d->size, &c) && t->nnodes != count)
		decoder_finding(d, check(IORT_CHECK_NODE_COUNT), 36,
				"Node Count is %u but the table holds %zu node%s", count, t->nnodes,
				t->nnodes == 1 ? "" : "s");
	return 0;
}

/* Bytes between the header and the first node (find_nodes says when Node Offset is wrong). */
static void decode_header_padding(struct decoder *d, uint32_t node_offset)
{
	uint64_t end = node_offset;

	if (end >= d->size)
		return;
	for (uint64_t i = IORT_HEADER_END; i < end; i++)
		if (d->data[i]) {
			dnode_add_bytes(d, d->root, padding_field->key, padding_field->label,
					IORT_HEADER_END, (unsigned int)(end - IORT_HEADER_END));
			return;
		}
}

/* DEN 0049 E.g §3: the IORT */
int iort_decode(struct iommu_table *table, struct iommu_dnode **ret_root)
{
	struct iort_decode t = { 0 };
	struct decoder d;
	uint32_t count, node_offset;
	int r = decoder_init(&d, table, "iort", "IORT", IORT_REF);

	if (r < 0)
		return r;
	t.d = &d;
	acpi_header_decode(&d, d.root);
	t.table_revision = iommu_table_get_revision(table);
	if (t.table_revision < ARRAY_SIZE(table_revisions))
		set_meaning(&d, d.root, IORT_KEY(revision), table_revisions[t.table_revision]);
	if (dnode_decode(&d, d.root, 0, d.size, FIELDS(header_fields)) < ARRAY_SIZE(header_fields))
		return decoder_finish(&d, ret_root);
	count = get_le32(d.data + 36);
	node_offset = get_le32(d.data + 40);
	decode_header_padding(&d, node_offset);
	r = find_nodes(&t, count, node_offset);
	if (r < 0)
		d.error = r;
	for (size_t i = 0; i < t.nnodes && !d.error; i++)
		decode_node(&t, &t.nodes[i]);
	return decoder_finish(&d, ret_root);
}
