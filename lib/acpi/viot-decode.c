// SPDX-License-Identifier: MIT
/*
 * The VIOT decoder (ACPI 6.5, Virtual I/O Translation Table): the
 * paravirtual IOMMUs of a virtual machine (virtio-iommu on PCI or MMIO) and
 * the endpoints they translate (PCI ranges, MMIO devices).  Nodes are walked
 * from Node Offset to the end of the table, every length checked; each
 * endpoint's Output Node is named after the node it points at.
 */
#include "acpi/ivrs.h"

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
	{ "segment_start", "PCI Segment Start", 8, 2, HEX, FD_SUMMARY },
	{ "segment_end", "PCI Segment End", 10, 2, HEX, FD_SUMMARY },
	{ "bdf_start", "PCI BDF Start", 12, 2, HEX, FD_SUMMARY },
	{ "bdf_end", "PCI BDF End", 14, 2, HEX, FD_SUMMARY },
	{ "output_node", "Output Node", 16, 2, HEX, FD_SUMMARY },
	{ "reserved", "Reserved", 18, 6, HEX, FD_RESERVED },
};

/* ACPI 6.5 VIOT MMIO Endpoint node */
static const struct field_desc mmio_fields[] = {
	{ "endpoint", "Endpoint ID", 4, 4, HEX, FD_SUMMARY },
	{ "base_address", "Base Address", 8, 8, ADDR, FD_SUMMARY },
	{ "output_node", "Output Node", 16, 2, HEX, FD_SUMMARY },
	{ "reserved", "Reserved", 18, 6, HEX, FD_RESERVED },
};

/* ACPI 6.5 VIOT virtio-pci IOMMU node */
static const struct field_desc virtio_pci_fields[] = {
	{ "segment", "PCI Segment", 4, 2, HEX, FD_SUMMARY },
	{ "bdf", "PCI BDF", 6, 2, HEX, FD_SUMMARY },
	{ "reserved", "Reserved", 8, 8, HEX, FD_RESERVED },
};

/* ACPI 6.5 VIOT virtio-mmio IOMMU node */
static const struct field_desc virtio_mmio_fields[] = {
	{ "reserved", "Reserved", 4, 4, HEX, FD_RESERVED },
	{ "base_address", "Base Address", 8, 8, ADDR, FD_SUMMARY },
};

unsigned int viot_node_size(unsigned int type)
{
	switch (type) {
	case VIOT_NODE_PCI_RANGE:
	case VIOT_NODE_MMIO:
		return 24;
	case VIOT_NODE_VIRTIO_PCI:
	case VIOT_NODE_VIRTIO_MMIO:
		return 16;
	default:
		return 0;
	}
}

static void decode_node(struct decoder *d, uint64_t at, uint64_t length, unsigned int type)
{
	const char *kind = type < ARRAY_SIZE(node_kinds) && node_kinds[type] ? node_kinds[type]
									: "unknown_node";
	const char *title = type < ARRAY_SIZE(node_names) && node_names[type]
				    ? node_names[type]
				    : arena_printf(d->arena, "Unknown node type %u", type);
	struct iommu_dnode *node = dnode_add(d, d->root, kind, title, at, length);
	static const struct {
		const struct field_desc *desc;
		size_t n;
	} body[] = {
		[VIOT_NODE_PCI_RANGE] = { FIELDS(pci_range_fields) },
		[VIOT_NODE_MMIO] = { FIELDS(mmio_fields) },
		[VIOT_NODE_VIRTIO_PCI] = { FIELDS(virtio_pci_fields) },
		[VIOT_NODE_VIRTIO_MMIO] = { FIELDS(virtio_mmio_fields) },
	};

	dnode_decode(d, node, at, length, FIELDS(node_header_fields));
	if (type < ARRAY_SIZE(body) && body[type].desc && length >= viot_node_size(type)) {
		dnode_decode(d, node, at, length, body[type].desc, body[type].n);
		dfield_bdf_meaning(d, node, "bdf");
		dfield_bdf_meaning(d, node, "bdf_start");
		dfield_bdf_meaning(d, node, "bdf_end");
	} else if (length > 4)
		dnode_add_bytes(d, node, "data", "Node Data", at + 4, (unsigned int)(length - 4));
}

/* Name each Output Node after the node it points at (of the first 4096: bounded time). */
static void name_outputs(struct decoder *d)
{
	struct iommu_dnode *c, *t;
	unsigned int named = 0;

	iommu_dnode_foreach_child(d->root, c) {
		struct iommu_dfield *f = iommu_dnode_find_field(c, "output_node");

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

/* ACPI 6.5 VIOT: nodes back to back from Node Offset to the end of the table. */
static void decode_nodes(struct decoder *d)
{
	uint64_t count = 0, declared = get_le16(d->data + 36), at = get_le16(d->data + 38);

	if (at < VIOT_HEADER_SIZE || at > d->size) {
		decoder_finding(d, &viot_checks[VIOT_NODE_OFFSET_INVALID], 38,
				"Node Offset 0x%llx is %s", (unsigned long long)at,
				at < VIOT_HEADER_SIZE ? "inside the table header" : "past the end of the table");
		return;
	}
	while (at < d->size) {
		const uint8_t *p = d->data + at;
		uint64_t length;
		unsigned int type, min;

		if (d->size - at < 4) {
			decoder_finding(d, &viot_checks[VIOT_NODE_OVERRUN], at,
					"%llu byte(s) at 0x%llx are too few for a node header",
					(unsigned long long)(d->size - at), (unsigned long long)at);
			break;
		}
		type = p[0];
		length = get_le16(p + 2);
		if (length < 4) {
			decoder_finding(d, &viot_checks[VIOT_NODE_ZERO_LENGTH], at,
					"node type %u at 0x%llx has Length %llu, less than its 4-byte header; the nodes after it are not decoded",
					type, (unsigned long long)at, (unsigned long long)length);
			break;
		}
		if (length > d->size - at) {
			decoder_finding(d, &viot_checks[VIOT_NODE_OVERRUN], at,
					"node type %u at 0x%llx has Length %llu but only %llu byte(s) of the table follow it",
					type, (unsigned long long)at, (unsigned long long)length,
					(unsigned long long)(d->size - at));
			length = d->size - at;
		}
		min = viot_node_size(type);
		if (!min)
			decoder_finding(d, &viot_checks[VIOT_NODE_UNKNOWN_TYPE], at,
					"node at 0x%llx has undefined type %u; skipped by its Length",
					(unsigned long long)at, type);
		else if (length < min)
			decoder_finding(d, &viot_checks[VIOT_NODE_TOO_SHORT], at,
					"%s node at 0x%llx has Length %llu, less than its %u bytes of fields",
					node_names[type], (unsigned long long)at,
					(unsigned long long)length, min);
		decode_node(d, at, length, type);
		count++;
		at += length;
	}
	if (count != declared)
		decoder_finding(d, &viot_checks[VIOT_NODE_COUNT_MISMATCH], 36,
				"Node Count is %llu but %llu node(s) lie between Node Offset and the end of the table",
				(unsigned long long)declared, (unsigned long long)count);
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
