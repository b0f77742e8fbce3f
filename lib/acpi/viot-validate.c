// SPDX-License-Identifier: MIT
/*
 * Every VIOT check: what Linux (drivers/acpi/viot.c) refuses or warns about
 * ("Node pointer overflows", "Empty node", "Invalid PCI node size",
 * "Unsupported node", "No IOMMU node found"), and the overlaps it resolves
 * silently.  The structural checks are made while decoding
 * (lib/acpi/viot-decode.c); the rest here, on the decode.
 */
#include "acpi/ivrs.h"

#define E IOMMU_SEVERITY_ERROR
#define W IOMMU_SEVERITY_WARNING
#define I IOMMU_SEVERITY_INFO

#define VIOT_REF "ACPI 6.5 VIOT"

const struct check_desc viot_checks[] = {
	[VIOT_NODE_OFFSET_INVALID] = { "viot.node_offset.invalid", E, VIOT_REF,
		"Node Offset points into the table header or past the table: Linux finds no node (\"Node pointer overflows\")" },
	[VIOT_NODE_ZERO_LENGTH] = { "viot.node.zero_length", E, VIOT_REF,
		"a node's Length is 0 or less than its 4-byte header: the walk stops there (Linux: \"Empty node\")" },
	[VIOT_NODE_TOO_SHORT] = { "viot.node.too_short", E, VIOT_REF,
		"a node is shorter than the fields of its type: Linux ignores it (\"Invalid PCI node size\")" },
	[VIOT_NODE_OVERRUN] = { "viot.node.overrun", E, VIOT_REF,
		"a node runs past the end of the table (Linux: \"Node pointer overflows\")" },
	[VIOT_NODE_UNKNOWN_TYPE] = { "viot.node.unknown_type", W, VIOT_REF,
		"a node of an undefined type: Linux skips it (\"Unsupported node\")" },
	[VIOT_NODE_COUNT_MISMATCH] = { "viot.node_count.mismatch", W, VIOT_REF,
		"Node Count differs from the number of nodes in the table: Linux reads Node Count nodes" },
	[VIOT_IOMMU_NONE] = { "viot.iommu.none", W, VIOT_REF,
		"the table describes no virtio-iommu node" },
	[VIOT_OUTPUT_NODE_INVALID] = { "viot.output_node.invalid", E, VIOT_REF,
		"an endpoint's Output Node is not the offset of an IOMMU node: Linux leaves the endpoint untranslated (\"No IOMMU node found\")" },
	[VIOT_PCI_RANGE_INVERTED] = { "viot.pci_range.inverted", E, VIOT_REF,
		"a PCI Range ends below its start (segments or BDFs): it names no device" },
	[VIOT_PCI_RANGE_OVERLAP] = { "viot.pci_range.overlap", W, VIOT_REF,
		"two PCI Ranges name the same devices: Linux uses the later node" },
	[VIOT_MMIO_DUPLICATE] = { "viot.mmio.duplicate", W, VIOT_REF,
		"two MMIO Endpoints have the same base address: Linux uses the later node" },
	[VIOT_IOMMU_UNUSED] = { "viot.iommu.unused", I, VIOT_REF,
		"an IOMMU node that no endpoint names as its Output Node" },
	[VIOT_CHECK_COUNT] = { NULL },
};

/*
 * Checks that compare pairs of nodes look at the first PAIRWISE_MAX nodes only,
 * so that any input is checked in bounded time; real tables hold a handful.
 */
#define PAIRWISE_MAX 4096

static bool is_kind(const struct iommu_dnode *node, const char *kind)
{
	return strcmp(iommu_dnode_get_kind(node), kind) == 0;
}

static bool is_iommu(const struct iommu_dnode *node)
{
	return (is_kind(node, "virtio_pci_iommu") && VIOT_HAS(node, bdf)) ||
	       (is_kind(node, "virtio_mmio_iommu") && VIOT_HAS(node, base_address));
}

static const struct iommu_dnode *node_at(const struct validator *v, uint64_t offset)
{
	const struct iommu_dnode *c;

	iommu_dnode_foreach_child(v->root, c)
		if (iommu_dnode_get_offset(c) == offset)
			return c;
		else if (iommu_dnode_get_offset(c) > offset)
			break;	/* nodes are in table order */
	return NULL;
}

static bool is_endpoint(const struct iommu_dnode *node)
{
	return VIOT_HAS(node, output_node);
}

static void check_outputs(struct validator *v)
{
	const struct iommu_dnode *c;
	unsigned int iommus = 0;
	size_t index = 0;

	iommu_dnode_foreach_child(v->root, c) {
		const struct iommu_dnode *target;
		uint64_t out = VIOT_GET(c, output_node);
		bool used = false;

		if (index++ >= PAIRWISE_MAX) {
			iommus += is_iommu(c);
			continue;
		}
		if (is_iommu(c)) {
			const struct iommu_dnode *e;

			iommus++;
			iommu_dnode_foreach_child(v->root, e)
				used |= is_endpoint(e) &&
					VIOT_GET(e, output_node) == iommu_dnode_get_offset(c);
			if (!used)
				validator_finding(v, &viot_checks[VIOT_IOMMU_UNUSED], iommu_dnode_get_offset(c),
						  "%s at 0x%llx: no endpoint names it", iommu_dnode_get_title(c),
						  (unsigned long long)iommu_dnode_get_offset(c));
			continue;
		}
		if (!is_endpoint(c))
			continue;
		target = node_at(v, out);
		if (!target || !is_iommu(target))
			validator_finding(v, &viot_checks[VIOT_OUTPUT_NODE_INVALID],
					  iommu_dnode_get_offset(c) + 16,
					  "%s at 0x%llx: Output Node 0x%llx is %s", iommu_dnode_get_title(c),
					  (unsigned long long)iommu_dnode_get_offset(c), (unsigned long long)out,
					  target ? "not an IOMMU node" : "not the start of a node");
	}
	if (!iommus)
		validator_finding(v, &viot_checks[VIOT_IOMMU_NONE], IOMMU_NO_OFFSET,
				  "the table has no virtio-pci or virtio-mmio IOMMU node");
}

static bool range_inverted(const struct iommu_dnode *r)
{
	return VIOT_GET(r, segment_end) < VIOT_GET(r, segment_start) ||
	       VIOT_GET(r, bdf_end) < VIOT_GET(r, bdf_start);
}

/* Linux: a device matches when its segment and its BDF are each within their bounds. */
static bool ranges_overlap(const struct iommu_dnode *a, const struct iommu_dnode *b)
{
	return VIOT_GET(a, segment_start) <= VIOT_GET(b, segment_end) &&
	       VIOT_GET(b, segment_start) <= VIOT_GET(a, segment_end) &&
	       VIOT_GET(a, bdf_start) <= VIOT_GET(b, bdf_end) &&
	       VIOT_GET(b, bdf_start) <= VIOT_GET(a, bdf_end);
}

static void check_endpoints(struct validator *v)
{
	const struct iommu_dnode *c, *o;
	size_t index = 0;

	iommu_dnode_foreach_child(v->root, c) {
		uint64_t at = iommu_dnode_get_offset(c);

		if (index++ >= PAIRWISE_MAX)
			break;

		if (is_kind(c, "pci_range") && VIOT_HAS(c, bdf_end)) {
			if (range_inverted(c)) {
				validator_finding(v, &viot_checks[VIOT_PCI_RANGE_INVERTED], at,
						  "PCI Range at 0x%llx: segments 0x%llx-0x%llx, BDFs 0x%04llx-0x%04llx",
						  (unsigned long long)at,
						  (unsigned long long)VIOT_GET(c, segment_start),
						  (unsigned long long)VIOT_GET(c, segment_end),
						  (unsigned long long)VIOT_GET(c, bdf_start),
						  (unsigned long long)VIOT_GET(c, bdf_end));
				continue;
			}
			for (o = iommu_dnode_get_first_child(v->root); o != c; o = iommu_dnode_get_next(o))
				if (is_kind(o, "pci_range") && VIOT_HAS(o, bdf_end) &&
				    !range_inverted(o) && ranges_overlap(o, c)) {
					validator_finding(v, &viot_checks[VIOT_PCI_RANGE_OVERLAP], at,
							  "PCI Ranges at 0x%llx and 0x%llx name the same devices",
							  (unsigned long long)iommu_dnode_get_offset(o),
							  (unsigned long long)at);
					break;
				}
		}
		if (is_kind(c, "mmio_endpoint") && VIOT_HAS(c, base_address))
			for (o = iommu_dnode_get_first_child(v->root); o != c; o = iommu_dnode_get_next(o))
				if (is_kind(o, "mmio_endpoint") && VIOT_HAS(o, base_address) &&
				    VIOT_GET(o, base_address) == VIOT_GET(c, base_address)) {
					validator_finding(v, &viot_checks[VIOT_MMIO_DUPLICATE], at + 8,
							  "MMIO Endpoints at 0x%llx and 0x%llx both have base address 0x%llx",
							  (unsigned long long)iommu_dnode_get_offset(o),
							  (unsigned long long)at,
							  (unsigned long long)VIOT_GET(c, base_address));
					break;
				}
	}
}

int viot_validate(struct validator *v)
{
	check_outputs(v);
	check_endpoints(v);
	return 0;
}
