// SPDX-License-Identifier: MIT
/*
 * The VIOT decoder (ACPI 6.5, Virtual I/O Translation Table): the
 * paravirtual IOMMUs of a virtual machine (virtio-iommu on PCI or MMIO) and
 * the endpoints they translate (PCI ranges, MMIO devices).  Nodes are walked
 * from Node Offset to the end of the table, every length checked; each
 * endpoint's Output Node is named after the node it points at.
 */
#include "acpi/ivrs.h"
#include "acpi/subtable.h"

#define HEX IOMMU_DFIELD_HEX
#define UINT IOMMU_DFIELD_UINT
#define ADDR IOMMU_DFIELD_ADDR

/* ACPI 6.5 VIOT header after the ACPI header */
static const struct field_desc viot_fields[] = {
	{ "node_count", "Node Count", 36, 2, UINT, FD_SUMMARY },
	{ "node_offset", "Node Offset", 38, 2, HEX },
	{ "reserved", "Reserved", 40, 8, HEX, FD_RESERVED },
};

static const char *const node_names[] = {
	[VIOT_NODE_PCI_RANGE] = "PCI Range",
	[VIOT_NODE_MMIO] = "MMIO Endpoint",
	[VIOT_NODE_VIRTIO_PCI] = "virtio-pci IOMMU",
	[VIOT_NODE_VIRTIO_MMIO] = "virtio-mmio IOMMU",
};

static const char *const node_kinds[] = {
	[VIOT_NODE_PCI_RANGE] = "pci_range",
	[VIOT_NODE_MMIO] = "mmio_endpoint",
	[VIOT_NODE_VIRTIO_PCI] = "virtio_pci_iommu",
	[VIOT_NODE_VIRTIO_MMIO] = "virtio_mmio_iommu",
};

/* ACPI 6.5 VIOT node header */
static const struct field_desc node_header_fields[] = {
	{ "type", "Type", 0, 1, HEX, 0, NAMES(node_names) },
	{ "reserved_1", "Reserved", 1, 1, HEX, FD_RESERVED },
	{ "length", "Length", 2, 2, UINT },
};

/* ACPI 6.5 VIOT PCI Range node */
static const struct field_desc pci_range_fields[] = {
	{ "endpoint_start", "Endpoint Start", 4, 4, HEX, FD_SUMMARY },
	{ VIOT_KEY(segment_start), "PCI Segment Start", 8, 2, HEX, FD_SUMMARY },
	{ VIOT_KEY(segment_end), "PCI Segment End", 10, 2, HEX, FD_SUMMARY },
	{ VIOT_KEY(bdf_start), "PCI BDF Start", 12, 2, HEX, FD_SUMMARY },
	{ VIOT_KEY(bdf_end), "PCI BDF End", 14, 2, HEX, FD_SUMMARY },
	{ VIOT_KEY(output_node), "Output Node", 16, 2, HEX, FD_SUMMARY },
	{ "reserved", "Reserved", 18, 6, HEX, FD_RESERVED },
};

/* ACPI 6.5 VIOT MMIO Endpoint node */
static const struct field_desc mmio_fields[] = {
	{ "endpoint", "Endpoint ID", 4, 4, HEX, FD_SUMMARY },
	{ VIOT_KEY(base_address), "Base Address", 8, 8, ADDR, FD_SUMMARY },
	{ VIOT_KEY(output_node), "Output Node", 16, 2, HEX, FD_SUMMARY },
	{ "reserved", "Reserved", 18, 6, HEX, FD_RESERVED },
};

/* ACPI 6.5 VIOT virtio-pci IOMMU node */
static const struct field_desc virtio_pci_fields[] = {
	{ "segment", "PCI Segment", 4, 2, HEX, FD_SUMMARY },
	{ VIOT_KEY(bdf), "PCI BDF", 6, 2, HEX, FD_SUMMARY },
	{ "reserved", "Reserved", 8, 8, HEX, FD_RESERVED },
};

/* ACPI 6.5 VIOT virtio-mmio IOMMU node */
static const struct field_desc virtio_mmio_fields[] = {
	{ "reserved", "Reserved", 4, 4, HEX, FD_RESERVED },
	{ VIOT_KEY(base_address), "Base Address", 8, 8, ADDR, FD_SUMMARY },
};

const struct field_descs viot_field_descs[] = {
	{ FIELDS(viot_fields) }, { FIELDS(node_header_fields) }, { FIELDS(pci_range_fields) },
	{ FIELDS(mmio_fields) }, { FIELDS(virtio_pci_fields) }, { FIELDS(virtio_mmio_fields) },
	{ NULL },
};

/* A node of LENGTH bytes present; MIN_LENGTH: its type's fixed fields (0: a type not defined). */
static void decode_node(struct decoder *d, uint64_t at, uint64_t length, unsigned int type,
			unsigned int min_length)
{
	const char *kind = type < ARRAY_SIZE(node_kinds) && node_kinds[type] ? node_kinds[type]
									: "unknown_node";
	const char *title = type < ARRAY_SIZE(node_names) && node_names[type]
				    ? node_names[type]
				    : arena_printf(d->arena, "Unknown node type %u", type);
	struct iommu_dnode *node = dnode_add(d, d->root, kind, title, at, length);
	static const struct field_descs body[] = {
		[VIOT_NODE_PCI_RANGE] = { FIELDS(pci_range_fields) },
		[VIOT_NODE_MMIO] = { FIELDS(mmio_fields) },
		[VIOT_NODE_VIRTIO_PCI] = { FIELDS(virtio_pci_fields) },
		[VIOT_NODE_VIRTIO_MMIO] = { FIELDS(virtio_mmio_fields) },
	};

	dnode_decode(d, node, at, length, FIELDS(node_header_fields));
	if (min_length && length >= min_length) {
		dnode_decode(d, node, at, length, body[type].desc, body[type].n);
		dfield_bdf_meaning(d, node, VIOT_KEY(bdf));
		dfield_bdf_meaning(d, node, VIOT_KEY(bdf_start));
		dfield_bdf_meaning(d, node, VIOT_KEY(bdf_end));
	} else if (length > 4)
		dnode_add_bytes(d, node, "data", "Node Data", at + 4, (unsigned int)(length - 4));
}

/* Name each Output Node after the node it points at (of the first 4096: bounded time). */
static void name_outputs(struct decoder *d)
{
	struct iommu_dnode *c, *t;
	unsigned int named = 0;

	iommu_dnode_foreach_child(d->root, c) {
		struct iommu_dfield *f = iommu_dnode_find_field(c, VIOT_KEY(output_node));

		if (!f)
			continue;
		if (named++ == 4096)
			break;
		iommu_dnode_foreach_child(d->root, t)
			if (iommu_dnode_get_offset(t) >= iommu_dfield_get_u64(f))
				break;	/* nodes are in table order */
		if (t && iommu_dnode_get_offset(t) == iommu_dfield_get_u64(f))
			dfield_set_meaning(d, f, "%s", iommu_dnode_get_title(t));
		else
			dfield_set_meaning(d, f, "no node there");
	}
}

/* The walk over the nodes: how many there are. */
struct nodes_ctx {
	struct decoder *d;
	uint64_t count;
};

static void node_handle(void *ctx, const struct subtable *s)
{
	struct nodes_ctx *c = ctx;

	decode_node(c->d, s->offset, s->span, s->type, s->desc ? s->desc->min_length : 0);
	c->count++;
}

static void node_report(void *ctx, enum subtable_problem problem, const struct subtable *s)
{
	struct decoder *d = ((struct nodes_ctx *)ctx)->d;
	unsigned long long at = s->offset, length = s->length, left = s->left;

	switch (problem) {
	case SUBTABLE_TRAILING:
		decoder_finding(d, &viot_checks[VIOT_NODE_OVERRUN], at,
				"%llu byte(s) at 0x%llx are too few for a node header", left, at);
		break;
	case SUBTABLE_ZERO_LENGTH:
		decoder_finding(d, &viot_checks[VIOT_NODE_ZERO_LENGTH], at,
				"node type %u at 0x%llx has Length %llu, less than its 4-byte header; the nodes after it are not decoded",
				s->type, at, length);
		break;
	case SUBTABLE_OVERRUN:
		decoder_finding(d, &viot_checks[VIOT_NODE_OVERRUN], at,
				"node type %u at 0x%llx has Length %llu but only %llu byte(s) of the table follow it",
				s->type, at, length, left);
		break;
	case SUBTABLE_UNKNOWN_TYPE:
		decoder_finding(d, &viot_checks[VIOT_NODE_UNKNOWN_TYPE], at,
				"node at 0x%llx has undefined type %u; skipped by its Length", at, s->type);
		break;
	case SUBTABLE_TOO_SHORT:
		decoder_finding(d, &viot_checks[VIOT_NODE_TOO_SHORT], at,
				"%s node at 0x%llx has Length %llu, less than its %u bytes of fields",
				node_names[s->type], at, length, s->desc->min_length);
		break;
	case SUBTABLE_CUT:
		break;
	}
}

/* ACPI 6.5 VIOT: the node types and their fixed fields. */
static const struct subtable_type node_types[] = {
	{ VIOT_NODE_PCI_RANGE, 24, node_handle },
	{ VIOT_NODE_MMIO, 24, node_handle },
	{ VIOT_NODE_VIRTIO_PCI, 16, node_handle },
	{ VIOT_NODE_VIRTIO_MMIO, 16, node_handle },
};

/* ACPI 6.5 VIOT: nodes back to back from Node Offset to the end of the table. */
static const struct subtable_walk node_walk = {
	.type_offset = 0, .type_size = 1, .length_offset = 2, .length_size = 2,
	.header_size = 4, .min_length = 4,
	.types = node_types, .ntypes = ARRAY_SIZE(node_types),
	.handle_unknown = node_handle,
	.check_types = true,
	.report = node_report,
};

static void decode_nodes(struct decoder *d)
{
	uint64_t declared = get_le16(d->data + 36), at = get_le16(d->data + 38);
	struct nodes_ctx c = { d, 0 };

	if (at < VIOT_HEADER_SIZE || at > d->size) {
		decoder_finding(d, &viot_checks[VIOT_NODE_OFFSET_INVALID], 38,
				"Node Offset 0x%llx is %s", (unsigned long long)at,
				at < VIOT_HEADER_SIZE ? "inside the table header" : "past the end of the table");
		return;
	}
	subtables_walk(d, &node_walk, at, d->size, &c);
	if (c.count != declared)
		decoder_finding(d, &viot_checks[VIOT_NODE_COUNT_MISMATCH], 36,
				"Node Count is %llu but %llu node(s) lie between Node Offset and the end of the table",
				(unsigned long long)declared, (unsigned long long)c.count);
	name_outputs(d);
}

int viot_decode(struct iommu_table *table, struct iommu_dnode **ret_root)
{
	struct decoder d;
	int r = decoder_init(&d, table, "viot", "VIOT", "ACPI 6.5 VIOT");

	if (r < 0)
		return r;
	acpi_header_decode(&d, d.root);
	if (dnode_decode(&d, d.root, 0, d.size, FIELDS(viot_fields)) == ARRAY_SIZE(viot_fields))
		decode_nodes(&d);
	return decoder_finish(&d, ret_root);
}
