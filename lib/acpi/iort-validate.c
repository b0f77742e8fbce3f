// SPDX-License-Identifier: MIT
/*
 * IORT validator (Arm DEN 0049 E.g): what fwts, Linux (drivers/acpi/arm64/
 * iort.c FW_BUG checks) and edk2's AcpiView check, and what none of them
 * checks offline: where every reference lands, what each ID range reaches,
 * counts against what the table holds, duplicate identities.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "acpi/iort.h"
#include "acpi/template.h"

#define SPEC "DEN 0049 E.g"

/* Every IORT check, in enum iort_check order (lib/acpi/iort.h). */
const struct check_desc iort_checks[] = {
	[IORT_CHECK_REVISION_WITHDRAWN] = { "iort.revision.withdrawn", IOMMU_SEVERITY_WARNING,
		SPEC " §3 Table 2", "table revision 1, 2 or 4: an issue of the specification Arm withdrew (E, E.a, E.c)" },
	[IORT_CHECK_REVISION_UNKNOWN] = { "iort.revision.unknown", IOMMU_SEVERITY_INFO,
		SPEC " §3 Table 2", "table revision newer than the issues iommutool knows (up to 6, E.e)" },
	[IORT_CHECK_NODE_OFFSET] = { "iort.header.node_offset", IOMMU_SEVERITY_ERROR,
		SPEC " §3 Table 2", "Node Offset lies inside the header or past the table: no node can be found" },
	[IORT_CHECK_NODE_COUNT] = { "iort.header.node_count", IOMMU_SEVERITY_ERROR,
		SPEC " §3 Table 2", "Node Count disagrees with the nodes the table holds" },
	[IORT_CHECK_TRAILING_BYTES] = { "iort.trailing_bytes", IOMMU_SEVERITY_WARNING,
		SPEC " §3", "bytes after the last node that are not a node" },
	[IORT_CHECK_PADDING] = { "iort.padding.nonzero", IOMMU_SEVERITY_WARNING,
		SPEC " §3", "padding (after the header, or after a device object name) is not zero" },
	[IORT_CHECK_NODE_LENGTH] = { "iort.node.length", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1", "a node's Length is smaller than its 16-byte header (0 included): the walk stops there" },
	[IORT_CHECK_NODE_PAST_END] = { "iort.node.past_end", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1", "a node runs past the end of the table" },
	[IORT_CHECK_NODE_TYPE] = { "iort.node.type_unknown", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1 Table 4", "a node type that no issue of the specification defines" },
	[IORT_CHECK_NODE_REVISION] = { "iort.node.revision_unknown", IOMMU_SEVERITY_WARNING,
		SPEC " §3.1.1", "a node revision newer than any issue defines for its type" },
	[IORT_CHECK_NODE_REVISION_STALE] = { "iort.node.revision_stale", IOMMU_SEVERITY_WARNING,
		SPEC " §3.1.1", "a node fills fields that only a later node revision defines; its Revision is too old, so Linux ignores them" },
	[IORT_CHECK_NODE_IDENTIFIER] = { "iort.node.identifier_duplicate", IOMMU_SEVERITY_WARNING,
		SPEC " §3.1.1 Table 3", "node Identifiers are not unique" },
	[IORT_CHECK_ARRAY_OUTSIDE] = { "iort.array.outside_node", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1", "a count-driven array (ID mappings, ITS identifiers, interrupts, memory ranges) runs past its node" },
	[IORT_CHECK_MAPPING_OFFSET] = { "iort.node.mapping_offset", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1 Table 3", "the ID mapping array lies on the node header or on the node's own fields" },
	[IORT_CHECK_IDMAP_NULL_REF] = { "iort.idmap.null_reference", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1 Table 5", "an ID mapping's output reference is 0" },
	[IORT_CHECK_IDMAP_DANGLING_REF] = { "iort.idmap.dangling_reference", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1 Table 5", "an ID mapping's output reference lands on no node" },
	[IORT_CHECK_IDMAP_REF_INSIDE] = { "iort.idmap.reference_inside_node", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1 Table 5", "an ID mapping's output reference lands inside a node instead of on its header" },
	[IORT_CHECK_IDMAP_TARGET_TYPE] = { "iort.idmap.target_type", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1", "an ID mapping leads to a node that cannot receive IDs (only SMMUs and ITS groups can)" },
	[IORT_CHECK_IDMAP_SINGLE] = { "iort.idmap.single_not_allowed", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1 Table 5", "the single-mapping flag on a mapping of a node type that forbids it (Linux skips the mapping)" },
	[IORT_CHECK_IDMAP_WRAPS] = { "iort.idmap.range_wraps", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1 Table 5", "an ID range runs past 0xffffffff" },
	[IORT_CHECK_IDMAP_OVERLAP] = { "iort.idmap.overlap", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1", "two ID mappings of one node take the same input IDs" },
	[IORT_CHECK_IDMAP_OFF_BY_ONE] = { "iort.idmap.off_by_one", IOMMU_SEVERITY_WARNING,
		SPEC " §3.1.1 Table 5", "ID Count holds the number of IDs, not the number minus one (the HiSilicon HIP07/HIP08 off-by-one)" },
	[IORT_CHECK_IDMAP_UNCOVERED] = { "iort.idmap.target_range", IOMMU_SEVERITY_WARNING,
		SPEC " §3.1.1", "IDs a mapping sends to a node that the node does not take (beyond 16-bit SMMUv1/v2 StreamIDs, or not taken on by the SMMU's own mappings)" },
	[IORT_CHECK_IDMAP_LOOP] = { "iort.idmap.loop", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1", "ID mappings lead round in a circle: an ID that enters never reaches an ITS group (Linux walks such a circle forever)" },
	[IORT_CHECK_ITS_MAPPINGS] = { "iort.its_group.mappings", IOMMU_SEVERITY_WARNING,
		SPEC " §3.1.1.1", "an ITS group has an ID mapping count or offset that is not zero" },
	[IORT_CHECK_ITS_EMPTY] = { "iort.its_group.empty", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1.1", "an ITS group with no ITS identifiers" },
	[IORT_CHECK_MEMORY_CCA] = { "iort.memory.cca", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1.2 Table 14", "Cache Coherency is neither 0 nor 1" },
	[IORT_CHECK_MEMORY_ATTRIBUTES] = { "iort.memory.attributes", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1.2 Table 16", "memory access flags that contradict Cache Coherency (CCA 1 without CPM, or CCA 0 with CPM and DACS)" },
	[IORT_CHECK_NO_ADDRESS_LIMIT] = { "iort.address_limit.missing", IOMMU_SEVERITY_WARNING,
		SPEC " §3.1.1.2", "a named component or root complex (revision 1 on) with a memory address size limit of 0" },
	[IORT_CHECK_NAME] = { "iort.name.invalid", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1.2 Table 13", "a device object name that is empty or not NUL-terminated inside its node" },
	[IORT_CHECK_NAME_DUPLICATE] = { "iort.name.duplicate", IOMMU_SEVERITY_WARNING,
		SPEC " §3.1.1.2", "two named components (or IWBs) name the same device object" },
	[IORT_CHECK_RC_SEGMENT_DUPLICATE] = { "iort.root_complex.segment_duplicate", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1.3", "two root complex nodes for one PCI segment (Linux uses the first)" },
	[IORT_CHECK_RC_RID_RANGE] = { "iort.root_complex.rid_range", IOMMU_SEVERITY_WARNING,
		SPEC " §3.1.1.3", "a root complex mapping takes input IDs above 0xffff, which no requester ID reaches" },
	[IORT_CHECK_SMMU_MODEL] = { "iort.smmu.model_unknown", IOMMU_SEVERITY_WARNING,
		SPEC " §3.1.1.4 Table 18, §3.1.1.5 Table 20", "an SMMU Model value no issue defines" },
	[IORT_CHECK_SMMU_BASE_ZERO] = { "iort.smmu.base_zero", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1.4, §3.1.1.5", "an SMMU at base address 0" },
	[IORT_CHECK_SMMU_BASE_DUPLICATE] = { "iort.smmu.base_duplicate", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1.4, §3.1.1.5", "two SMMU nodes at one base address" },
	[IORT_CHECK_DEVICEID_INDEX] = { "iort.smmu_v3.deviceid_index", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1.5 Table 20", "the SMMUv3 DeviceID Mapping Index is in use but names no mapping of the node" },
	[IORT_CHECK_MSI_MAPPING] = { "iort.msi_mapping.invalid", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1.5, §3.1.1.6", "an SMMUv3's or PMCG's own MSI mapping is not a single mapping to an ITS group" },
	[IORT_CHECK_PMCG_MAPPINGS] = { "iort.pmcg.mappings", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1.6", "a PMCG with more than one ID mapping" },
	[IORT_CHECK_PMCG_REFERENCE] = { "iort.pmcg.reference", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1.6 Table 21", "a PMCG's Node Reference lands on no node header" },
	[IORT_CHECK_RMR_TABLE_REVISION] = { "iort.rmr.table_revision", IOMMU_SEVERITY_WARNING,
		SPEC " §3.1.1.7", "an RMR node in a table of revision below 5 (E.d): Linux ignores it" },
	[IORT_CHECK_RMR_NODE_REVISION] = { "iort.rmr.revision_withdrawn", IOMMU_SEVERITY_WARNING,
		SPEC " §3.1.1.7", "an RMR node of revision 2, from the withdrawn issue E.c" },
	[IORT_CHECK_RMR_NO_DESCRIPTORS] = { "iort.rmr.no_descriptors", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1.7 Table 22", "an RMR node with no memory range descriptor" },
	[IORT_CHECK_RMR_NO_MAPPINGS] = { "iort.rmr.no_mappings", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1.7 Table 22", "an RMR node with no ID mapping: no StreamID uses its ranges (Linux skips it)" },
	[IORT_CHECK_RMR_ZERO_LENGTH] = { "iort.rmr.zero_length", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1.7 Table 24", "an RMR memory range of length 0" },
	[IORT_CHECK_RMR_UNALIGNED] = { "iort.rmr.unaligned", IOMMU_SEVERITY_ERROR,
		SPEC " §3.1.1.7 Table 24", "an RMR memory range whose base or length is not a multiple of 64 KiB" },
	[IORT_CHECK_RMR_OVERLAP] = { "iort.rmr.overlap", IOMMU_SEVERITY_WARNING,
		SPEC " §3.1.1.7 Table 24", "two memory ranges of one RMR node overlap" },
	[IORT_CHECKS] = { NULL },
};

#define SZ_64K 0x10000ull

struct iort_validate {
	struct validator *v;
	struct iort_graph g;
	const uint8_t *data;
	size_t size;
	struct range **taken;		/* per node: the IDs it takes on, when computed */
	size_t *ntaken;
};

static void finding(struct iort_validate *iv, enum iort_check c, uint64_t offset,
		    const char *format, ...) PRINTF_FMT(4, 5);
static void finding(struct iort_validate *iv, enum iort_check c, uint64_t offset,
		    const char *format, ...)
{
	char *message;
	va_list args;
	int n;

	va_start(args, format);
	n = vasprintf(&message, format, args);
	va_end(args);
	if (n < 0) {
		iv->v->error = -ENOMEM;
		return;
	}
	validator_finding(iv->v, &iort_checks[c], offset, "%s", message);
	free(message);
}

/* The table offset of a node's field, or the node's when it was not decoded. */
static uint64_t at(const struct iommu_iort_node *n, const char *key)
{
	const struct iommu_dfield *f = iommu_dnode_find_field(n->dnode, key);

	return f ? iommu_dfield_get_offset(f) : n->offset;
}

static bool is_smmu(unsigned int type)
{
	return type == IORT_SMMU_V1V2 || type == IORT_SMMU_V3;
}

/* DEN 0049 E.g §3 Table 2: the table revision */
static void check_revision(struct iort_validate *iv)
{
	static const char *const withdrawn[] = { [1] = "E", [2] = "E.a", [4] = "E.c" };
	unsigned int rev = iv->g.table_revision;

	if (rev < ARRAY_SIZE(withdrawn) && withdrawn[rev])
		finding(iv, IORT_CHECK_REVISION_WITHDRAWN, 8,
			"table revision %u is issue %s, which Arm withdrew; Linux, iasl and edk2 do not accept it (decoded with node Identifiers)",
			rev, withdrawn[rev]);
	else if (rev > 6)
		finding(iv, IORT_CHECK_REVISION_UNKNOWN, 8,
			"table revision %u is newer than issue E.e (6); decoded as E.g describes the nodes", rev);
}

/* Padding that is not zero; the start of an IORT header there says where it came from. */
static void check_padding(struct iort_validate *iv, const struct iommu_dnode *dn, const char *what)
{
	const struct iommu_dfield *f = iommu_dnode_find_field(dn, IORT_KEY(padding));
	const uint8_t *bytes;
	size_t size;

	if (!f)
		return;
	bytes = iommu_dfield_get_bytes(f, &size);
	if (size >= 4 && memcmp(bytes, "IORT", 4) == 0)
		finding(iv, IORT_CHECK_PADDING, iommu_dfield_get_offset(f),
			"%s: the %zu bytes of padding hold the start of an IORT header (\"IORT...\"): the table was rebuilt from an iasl disassembly, which shows padding as the table's first bytes",
			what, size);
	else
		finding(iv, IORT_CHECK_PADDING, iommu_dfield_get_offset(f),
			"%s: %zu bytes of padding are not zero", what, size);
}

/* DEN 0049 E.g §3.1.1: revisions each issue defines per node type */
static void check_node_revision(struct iort_validate *iv, const struct iommu_iort_node *n)
{
	static const unsigned int latest[IORT_NODE_TYPES] = { 1, 4, 4, 3, 5, 2, 3, 1 };

	if (n->type >= IORT_NODE_TYPES)
		return;
	if (n->revision > latest[n->type])
		finding(iv, IORT_CHECK_NODE_REVISION, n->offset + 3,
			"%s: node revision %u; the latest issue defines revision %u for this type",
			n->label, n->revision, latest[n->type]);
	if (n->type == IORT_RMR && n->revision == 2)
		finding(iv, IORT_CHECK_RMR_NODE_REVISION, n->offset + 3,
			"%s: node revision 2 is from issue E.c, which Arm withdrew", n->label);
}

/* Where the node's own fields end (from its start): the ID mapping array must not overlap them. */
static uint64_t fields_end(const struct iommu_iort_node *n)
{
	const struct iommu_dfield *f;
	uint64_t end = IORT_NODE_HEADER_SIZE;

	iommu_dnode_foreach_field(n->dnode, f) {
		uint64_t e = iommu_dfield_get_offset(f) + iommu_dfield_get_size(f) - n->offset;

		if (strcmp(iommu_dfield_get_key(f), IORT_KEY(padding)) != 0 &&
		    strcmp(iommu_dfield_get_key(f), IORT_KEY(body)) != 0 && e > end)
			end = e;
	}
	return end;
}

static void check_mapping_array(struct iort_validate *iv, const struct iommu_iort_node *n)
{
	uint64_t end;

	if (n->type == IORT_ITS_GROUP) {
		if (n->mapping_count || n->mapping_offset)
			finding(iv, IORT_CHECK_ITS_MAPPINGS, n->offset + 8,
				"%s: Mapping Count %u and Mapping Offset 0x%x must be 0: an ITS group maps no IDs",
				n->label, n->mapping_count, n->mapping_offset);
		return;
	}
	if (!n->mapping_count || n->type >= IORT_NODE_TYPES)
		return;
	end = fields_end(n);
	if (n->mapping_offset < IORT_NODE_HEADER_SIZE)
		finding(iv, IORT_CHECK_MAPPING_OFFSET, n->offset + 12,
			"%s: %u ID mappings at offset 0x%x, on the node header; none decoded",
			n->label, n->mapping_count, n->mapping_offset);
	else if (n->mapping_offset < end)
		finding(iv, IORT_CHECK_MAPPING_OFFSET, n->offset + 12,
			"%s: the ID mappings at offset 0x%x overlap the node's own fields, which end at 0x%llx",
			n->label, n->mapping_offset, (unsigned long long)end);
}

/* DEN 0049 E.g §3.1.1.2 Tables 14-16: memory access properties of NC and RC nodes */
static void check_memory_access(struct iort_validate *iv, const struct iommu_iort_node *n)
{
	uint64_t cca = IORT_GET(n->dnode, cache_coherency);
	bool cpm = IORT_GET(n->dnode, coherent_path), dacs = IORT_GET(n->dnode, device_attributes);

	if (!IORT_HAS(n->dnode, cache_coherency))
		return;
	if (cca > 1)
		finding(iv, IORT_CHECK_MEMORY_CCA, at(n, IORT_KEY(cache_coherency)),
			"%s: Cache Coherency is %llu; 1 means fully coherent, 0 not", n->label,
			(unsigned long long)cca);
	else if (cca == 1 && !cpm)
		finding(iv, IORT_CHECK_MEMORY_ATTRIBUTES, at(n, IORT_KEY(memory_flags)),
			"%s: Cache Coherency 1 (fully coherent) but CPM is clear: a fully coherent device has a coherent path to memory",
			n->label);
	else if (cca == 0 && cpm && dacs)
		finding(iv, IORT_CHECK_MEMORY_ATTRIBUTES, at(n, IORT_KEY(memory_flags)),
			"%s: Cache Coherency 0 with CPM and DACS set: such a device is fully coherent, CCA must be 1",
			n->label);
	if (IORT_HAS(n->dnode, memory_address_limit) && !IORT_GET(n->dnode, memory_address_limit))
		finding(iv, IORT_CHECK_NO_ADDRESS_LIMIT, at(n, IORT_KEY(memory_address_limit)),
			"%s: Memory Address Size Limit is 0 (Linux: \"missing memory address limit\")",
			n->label);
}

static void check_its_group(struct iort_validate *iv, const struct iommu_iort_node *n)
{
	if (IORT_HAS(n->dnode, its_count) && !IORT_GET(n->dnode, its_count))
		finding(iv, IORT_CHECK_ITS_EMPTY, at(n, IORT_KEY(its_count)),
			"%s: ITS Count is 0; no MSI can reach an ITS through this group", n->label);
}

/* DEN 0049 E.g §3.1.1.4, §3.1.1.5: SMMU models and base addresses */
static void check_smmu(struct iort_validate *iv, const struct iommu_iort_node *n)
{
	uint64_t models = n->type == IORT_SMMU_V3 ? 3 : 6, model = IORT_GET(n->dnode, model);

	if (IORT_HAS(n->dnode, model) && model >= models)
		finding(iv, IORT_CHECK_SMMU_MODEL, at(n, IORT_KEY(model)),
			"%s: Model %llu is not defined (0 to %llu); Linux treats it as a generic SMMU",
			n->label, (unsigned long long)model, (unsigned long long)models - 1);
	if (IORT_HAS(n->dnode, base_address) && !IORT_GET(n->dnode, base_address))
		finding(iv, IORT_CHECK_SMMU_BASE_ZERO, at(n, IORT_KEY(base_address)),
			"%s: base address 0", n->label);
}

/*
 * DEN 0049 E.g §3.1.1.5, §3.1.1.6: the mapping an SMMUv3 or PMCG signals its
 * own MSIs through (Linux's iort_get_id_mapping_index and iort_set_device_domain)
 */
static void check_msi_mapping(struct iort_validate *iv, const struct iommu_iort_node *n)
{
	const struct iommu_dnode *dn = n->dnode;
	const struct iommu_iort_mapping *m;
	bool index_used;

	if (n->type == IORT_SMMU_V3) {
		uint64_t index = IORT_GET(dn, deviceid_mapping_index);

		index_used = n->revision >= 1 && n->mapping_count &&
			     (n->revision < 5 ? !(IORT_GET(dn, event_gsiv) && IORT_GET(dn, pri_gsiv) &&
						  IORT_GET(dn, gerr_gsiv) && IORT_GET(dn, sync_gsiv))
					      : (IORT_GET(dn, flags) & IORT_SMMU_V3_DEVICEID_VALID) != 0);
		if (index_used && index >= n->mapping_count)
			finding(iv, IORT_CHECK_DEVICEID_INDEX, at(n, IORT_KEY(deviceid_mapping_index)),
				"%s: DeviceID Mapping Index %llu, but the node has %u ID mapping%s (Linux: \"ID mapping index overflows valid mappings\")",
				n->label, (unsigned long long)index, n->mapping_count,
				n->mapping_count == 1 ? "" : "s");
	}
	if (n->type == IORT_PMCG && n->mapping_count > 1)
		finding(iv, IORT_CHECK_PMCG_MAPPINGS, n->offset + 8,
			"%s: %u ID mappings; a PMCG has at most one, for its overflow MSI",
			n->label, n->mapping_count);
	if (n->msi_index < 0)
		return;
	m = &n->mappings[n->msi_index];
	if (!(m->flags & IORT_SINGLE_MAPPING) || !m->target || m->target->type != IORT_ITS_GROUP)
		finding(iv, IORT_CHECK_MSI_MAPPING, m->offset,
			"%s: mapping %u carries the node's own MSIs but is %s (Linux: \"Invalid MSI mapping\")",
			n->label, m->index,
			!(m->flags & IORT_SINGLE_MAPPING) ? "not a single mapping"
							  : "not a mapping to an ITS group");
}

static void check_pmcg(struct iort_validate *iv, const struct iommu_iort_node *n)
{
	enum iort_landing landing;
	uint64_t ref = IORT_GET(n->dnode, node_reference);

	if (!IORT_HAS(n->dnode, node_reference))
		return;
	iort_graph_node_at(&iv->g, ref, &landing);
	if (landing != IORT_LANDS_ON_NODE)
		finding(iv, IORT_CHECK_PMCG_REFERENCE, at(n, IORT_KEY(node_reference)),
			"%s: Node Reference 0x%llx %s", n->label, (unsigned long long)ref,
			landing == IORT_LANDS_INSIDE_NODE ? "lands inside a node, not on its header"
							  : "lands on no node");
}

/* DEN 0049 E.g §3.1.1.7: RMR nodes and their memory ranges (Linux's iort_rmr_* checks) */
static void check_rmr(struct iort_validate *iv, const struct iommu_iort_node *n)
{
	const struct iommu_dnode *a, *b;

	if (iv->g.table_revision < 5)
		finding(iv, IORT_CHECK_RMR_TABLE_REVISION, n->offset,
			"%s: the table's revision is %u; Linux reads RMR nodes only from revision 5 (E.d) on",
			n->label, iv->g.table_revision);
	if (IORT_HAS(n->dnode, descriptor_count) && !IORT_GET(n->dnode, descriptor_count))
		finding(iv, IORT_CHECK_RMR_NO_DESCRIPTORS, at(n, IORT_KEY(descriptor_count)),
			"%s: no memory range descriptor", n->label);
	if (!n->mapping_count)
		finding(iv, IORT_CHECK_RMR_NO_MAPPINGS, n->offset + 8,
			"%s: no ID mapping, so no StreamID is given its ranges", n->label);
	iommu_dnode_foreach_child(n->dnode, a) {
		uint64_t base = IORT_GET(a, base_address), len = IORT_GET(a, length);

		if (strcmp(iommu_dnode_get_kind(a), "memory_range") != 0 ||
		    !IORT_HAS(n->dnode, flags))
			continue;
		if (!len)
			finding(iv, IORT_CHECK_RMR_ZERO_LENGTH, iommu_dnode_get_offset(a) + 8,
				"%s: memory range at 0x%llx has length 0", n->label,
				(unsigned long long)base);
		else if (base % SZ_64K || len % SZ_64K)
			finding(iv, IORT_CHECK_RMR_UNALIGNED, iommu_dnode_get_offset(a),
				"%s: memory range 0x%llx, length 0x%llx, is not 64 KiB aligned", n->label,
				(unsigned long long)base, (unsigned long long)len);
		for (b = iommu_dnode_get_next(a); b && len; b = iommu_dnode_get_next(b)) {
			uint64_t base2 = IORT_GET(b, base_address);
			uint64_t len2 = IORT_GET(b, length);

			if (strcmp(iommu_dnode_get_kind(b), "memory_range") != 0 || !len2)
				continue;
			if (base <= base2 + (len2 - 1) && base2 <= base + (len - 1))
				finding(iv, IORT_CHECK_RMR_OVERLAP, iommu_dnode_get_offset(b),
					"%s: memory ranges 0x%llx+0x%llx and 0x%llx+0x%llx overlap",
					n->label, (unsigned long long)base, (unsigned long long)len,
					(unsigned long long)base2, (unsigned long long)len2);
		}
	}
}

/* May a mapping of node type TYPE carry the single-mapping flag (Linux's iort_id_map)? */
static bool single_allowed(const struct iommu_iort_node *n, const struct iommu_iort_mapping *m)
{
	switch (n->type) {
	case IORT_NAMED_COMPONENT:
	case IORT_ROOT_COMPLEX:
	case IORT_IWB:
	case IORT_RMR:
		return true;
	case IORT_SMMU_V3:
	case IORT_PMCG:
		return (int)m->index == n->msi_index;
	default:
		return false;
	}
}

/* DEN 0049 E.g §3.1.1 Table 5: where an ID mapping's output reference lands */
static void check_reference(struct iort_validate *iv, const struct iommu_iort_node *n,
			    const struct iommu_iort_mapping *m)
{
	enum iort_landing landing;
	const struct iommu_iort_node *t;

	if (!m->output_reference) {
		finding(iv, IORT_CHECK_IDMAP_NULL_REF, m->offset + 12,
			"%s: mapping %u has output reference 0 (Linux: \"ID map has NULL parent reference\")",
			n->label, m->index);
		return;
	}
	t = iort_graph_node_at(&iv->g, m->output_reference, &landing);
	if (landing == IORT_LANDS_NOWHERE)
		finding(iv, IORT_CHECK_IDMAP_DANGLING_REF, m->offset + 12,
			"%s: mapping %u: output reference 0x%x lands on no node", n->label, m->index,
			m->output_reference);
	else if (landing == IORT_LANDS_INSIDE_NODE)
		finding(iv, IORT_CHECK_IDMAP_REF_INSIDE, m->offset + 12,
			"%s: mapping %u: output reference 0x%x lands %llu bytes inside %s, not on its header",
			n->label, m->index, m->output_reference,
			(unsigned long long)(m->output_reference - t->offset), t->label);
	else if (t->type != IORT_ITS_GROUP && !is_smmu(t->type))
		finding(iv, IORT_CHECK_IDMAP_TARGET_TYPE, m->offset + 12,
			"%s: mapping %u leads to %s, which receives no IDs (only SMMUs and ITS groups do)",
			n->label, m->index, t->label);
}

/* An input range of a node's translating mappings (not single, not its own MSIs). */
struct range {
	uint32_t first, last;
	size_t index;
};

static int range_cmp(const void *a, const void *b)
{
	const struct range *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	if (x->last != y->last)
		return x->last < y->last ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* N's translating input ranges sorted by first ID (malloc'd, *RET_COUNT of them), or NULL. */
static struct range *sorted_ranges(struct iort_validate *iv, const struct iommu_iort_node *n,
				   size_t *ret_count)
{
	struct range *r = malloc((n->nmappings + 1) * sizeof(*r));
	size_t count = 0;

	if (!r) {
		iv->v->error = -ENOMEM;
		*ret_count = 0;
		return NULL;
	}
	for (size_t i = 0; i < n->nmappings; i++) {
		const struct iommu_iort_mapping *m = &n->mappings[i];

		if ((int)i != n->msi_index && !(m->flags & IORT_SINGLE_MAPPING))
			r[count++] = (struct range){ m->input_base,
						     iort_mapping_last(m->input_base, m->id_count), i };
	}
	qsort(r, count, sizeof(*r), range_cmp);
	*ret_count = count;
	return r;
}

/* The IDs node T takes on, as disjoint sorted ranges (computed once per node). */
static const struct range *taken(struct iort_validate *iv, const struct iommu_iort_node *t,
				 size_t *ret_count)
{
	size_t i = (size_t)(t - iv->g.nodes), n, merged = 0;
	struct range *r;

	if (iv->taken[i]) {
		*ret_count = iv->ntaken[i];
		return iv->taken[i];
	}
	r = sorted_ranges(iv, t, &n);
	if (!r)
		return NULL;
	for (size_t k = 0; k < n; k++) {
		if (merged && (uint64_t)r[k].first <= (uint64_t)r[merged - 1].last + 1) {
			if (r[k].last > r[merged - 1].last)
				r[merged - 1].last = r[k].last;
		} else {
			r[merged++] = r[k];
		}
	}
	iv->taken[i] = r;
	iv->ntaken[i] = merged;
	*ret_count = merged;
	return r;
}

/* The first ID of FIRST..LAST that node T takes no further, or -1 when it takes them all. */
static int64_t first_untaken(struct iort_validate *iv, const struct iommu_iort_node *t,
			     uint32_t first, uint32_t last)
{
	size_t count, lo = 0, hi;
	const struct range *r = taken(iv, t, &count);

	/* The last range that starts at or below FIRST. */
	hi = count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (r[mid].first <= first)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || r[lo - 1].last < first)
		return first;
	return r[lo - 1].last >= last ? -1 : (int64_t)r[lo - 1].last + 1;
}

/* Do the IDs a mapping sends to an SMMU fit what the SMMU takes? */
static void check_target_range(struct iort_validate *iv, const struct iommu_iort_node *n,
			       const struct iommu_iort_mapping *m)
{
	const struct iommu_iort_node *t = m->target;
	uint32_t first = m->output_base, last;
	size_t count;
	int64_t gap;

	if (!t || !is_smmu(t->type) || (int)m->index == n->msi_index)
		return;
	last = m->flags & IORT_SINGLE_MAPPING ? first : iort_mapping_last(first, m->id_count);
	if (t->type == IORT_SMMU_V1V2 && last > 0xffff) {
		finding(iv, IORT_CHECK_IDMAP_UNCOVERED, m->offset + 8,
			"%s: mapping %u sends StreamIDs 0x%x..0x%x to %s; SMMUv1/v2 StreamIDs have 16 bits",
			n->label, m->index, first, last, t->label);
		return;
	}
	if (!taken(iv, t, &count) || !count)
		return;	/* an SMMU without onward mappings: its StreamIDs end there */
	gap = first_untaken(iv, t, first, last);
	if (gap >= 0)
		finding(iv, IORT_CHECK_IDMAP_UNCOVERED, m->offset + 8,
			"%s: mapping %u sends IDs 0x%x..0x%x to %s, whose mappings do not take 0x%llx on (no MSI for it)",
			n->label, m->index, first, last, t->label, (unsigned long long)gap);
}

/* An ID Count that reads as a number of IDs: a power of two of 16 or more (3 = 4 IDs is common, 2 and 4 occur in real ranges). */
static bool looks_like_number_of_ids(uint32_t count)
{
	return count >= 16 && !(count & (count - 1));
}

/* DEN 0049 E.g §3.1.1 Table 5: one mapping on its own (OFF_BY_ONE: already named so) */
static void check_mapping(struct iort_validate *iv, const struct iommu_iort_node *n,
			  const struct iommu_iort_mapping *m, bool off_by_one)
{
	bool single = m->flags & IORT_SINGLE_MAPPING;

	check_reference(iv, n, m);
	if (single && !single_allowed(n, m))
		finding(iv, IORT_CHECK_IDMAP_SINGLE, m->offset + 16,
			"%s: mapping %u has the single-mapping flag, which a %s may only use for its own MSIs%s (Linux: \"SINGLE MAPPING flag not allowed\")",
			n->label, m->index, iort_type_name(n->type),
			n->type == IORT_SMMU_V1V2 ? ", and an SMMUv1/v2 has none" : "");
	if (single)
		return;
	if ((uint64_t)m->input_base + m->id_count > UINT32_MAX ||
	    (uint64_t)m->output_base + m->id_count > UINT32_MAX)
		finding(iv, IORT_CHECK_IDMAP_WRAPS, m->offset + 4,
			"%s: mapping %u: ID Count 0x%x from input 0x%x / output 0x%x runs past 0xffffffff",
			n->label, m->index, m->id_count, m->input_base, m->output_base);
	if (looks_like_number_of_ids(m->id_count) && !off_by_one)
		finding(iv, IORT_CHECK_IDMAP_OFF_BY_ONE, m->offset + 4,
			"%s: mapping %u: ID Count 0x%x covers 0x%llx IDs (0x%x..0x%x); a power of two there is the number of IDs, one too many: the field holds the number minus one (the HiSilicon HIP07/HIP08 off-by-one)",
			n->label, m->index, m->id_count, (unsigned long long)m->id_count + 1,
			m->input_base, iort_mapping_last(m->input_base, m->id_count));
	if (n->type == IORT_ROOT_COMPLEX && iort_mapping_last(m->input_base, m->id_count) > 0xffff)
		finding(iv, IORT_CHECK_RC_RID_RANGE, m->offset,
			"%s: mapping %u takes input IDs 0x%x..0x%x; requester IDs end at 0xffff",
			n->label, m->index, m->input_base, iort_mapping_last(m->input_base, m->id_count));
	check_target_range(iv, n, m);
}

/*
 * DEN 0049 E.g §3.1.1: the input ranges of one node's mappings must not
 * overlap (Linux's iort_id_map).  Sorted by first ID, each range is checked
 * against the one reaching furthest before it.  A range that starts on that
 * one's last ID is the off-by-one: OFF_BY_ONE marks the mapping whose ID Count
 * is one too large.
 */
static void check_overlaps(struct iort_validate *iv, const struct iommu_iort_node *n,
			   bool *off_by_one)
{
	size_t count;
	struct range *r = sorted_ranges(iv, n, &count);
	const struct range *reach = NULL;

	for (size_t k = 0; r && k < count; k++) {
		const struct range *b = &r[k];

		if (reach && b->first <= reach->last) {
			const struct iommu_iort_mapping *a = &n->mappings[reach->index];

			if (b->first == reach->last) {
				off_by_one[reach->index] = true;
				finding(iv, IORT_CHECK_IDMAP_OFF_BY_ONE, a->offset + 4,
					"%s: mapping %zu (0x%x..0x%x) ends on the first ID of mapping %zu (0x%x..0x%x): its ID Count 0x%x holds the number of IDs, not the number minus one (the HiSilicon HIP07/HIP08 off-by-one; Linux works around it)",
					n->label, reach->index, reach->first, reach->last, b->index, b->first,
					b->last, a->id_count);
			} else {
				finding(iv, IORT_CHECK_IDMAP_OVERLAP, n->mappings[b->index].offset,
					"%s: mappings %zu (0x%x..0x%x) and %zu (0x%x..0x%x) take the same input IDs (Linux: \"conflicting mapping\"; the first in the table wins)",
					n->label, reach->index, reach->first, reach->last, b->index,
					b->first, b->last);
			}
		}
		if (!reach || b->last > reach->last)
			reach = b;
	}
	free(r);
}

/* "A -> B -> A": the circle on PATH from its element FROM to DEPTH, back to TARGET. */
static void circle_text(const struct iort_validate *iv, const size_t *path, size_t from,
			size_t depth, const struct iommu_iort_node *target, char *text, size_t size)
{
	size_t len = 0;

	text[0] = 0;
	for (size_t k = from; k <= depth && len < size; k++)
		len += (size_t)snprintf(text + len, size - len, "%s -> ", iv->g.nodes[path[k]].label);
	if (len < size)
		snprintf(text + len, size - len, "%s", target->label);
}

/*
 * Circles in the graph of output references: a depth-first search kept on
 * an explicit stack (a table can chain more nodes than a C stack takes).
 * STATE is 0 unseen, 1 on the current path, 2 done; NEXT[i] the next mapping
 * of node i to follow.  Each circle is reported once, where the search
 * comes back to a node on its path.
 */
static void check_loops(struct iort_validate *iv)
{
	size_t nn = iv->g.nnodes;
	uint8_t *state = calloc(nn + 1, 1);
	size_t *path = calloc(nn + 1, sizeof(*path)), *next = calloc(nn + 1, sizeof(*next));

	if (!state || !path || !next)
		iv->v->error = -ENOMEM;
	for (size_t root = 0; !iv->v->error && root < nn; root++) {
		size_t depth = 0;

		if (state[root])
			continue;
		path[0] = root;
		state[root] = 1;
		for (;;) {
			size_t i = path[depth];
			const struct iommu_iort_node *n = &iv->g.nodes[i];
			const struct iommu_iort_mapping *m;
			size_t k;

			if (next[i] == n->nmappings) {
				state[i] = 2;
				if (depth-- == 0)
					break;
				continue;
			}
			m = &n->mappings[next[i]++];
			if (!m->target)
				continue;
			k = (size_t)(m->target - iv->g.nodes);
			if (state[k] == 0) {
				state[k] = 1;
				path[++depth] = k;
			} else if (state[k] == 1) {
				char text[256];
				size_t from = depth;

				while (from > 0 && path[from] != k)
					from--;
				circle_text(iv, path, from, depth, m->target, text, sizeof(text));
				finding(iv, IORT_CHECK_IDMAP_LOOP, m->offset + 12,
					"%s: mapping %u closes a circle: %s", n->label, m->index, text);
			}
		}
	}
	free(state);
	free(path);
	free(next);
}

/* A node's value of a field that must be unique: a number or a string. */
struct identity {
	const struct iommu_dfield *field;
	size_t node;
};

static int identity_cmp(const void *a, const void *b)
{
	const struct identity *x = a, *y = b;
	int c;

	if (iommu_dfield_get_kind(x->field) == IOMMU_DFIELD_STRING)
		c = strcmp(iommu_dfield_get_string(x->field), iommu_dfield_get_string(y->field));
	else
		c = iommu_dfield_get_u64(x->field) < iommu_dfield_get_u64(y->field)   ? -1
		    : iommu_dfield_get_u64(x->field) > iommu_dfield_get_u64(y->field) ? 1
										      : 0;
	return c ? c : x->node < y->node ? -1 : x->node > y->node;
}

/*
 * Field KEY of the nodes APPLIES picks must differ from node to node: sorted,
 * each run of equal values is one finding, at the second node of the run.
 */
static void check_unique(struct iort_validate *iv, const char *what, enum iort_check c,
			 bool (*applies)(const struct iommu_iort_node *), const char *key)
{
	struct identity *ids = malloc((iv->g.nnodes + 1) * sizeof(*ids));
	size_t count = 0;

	if (!ids) {
		iv->v->error = -ENOMEM;
		return;
	}
	for (size_t i = 0; i < iv->g.nnodes; i++) {
		const struct iommu_dfield *f = iommu_dnode_find_field(iv->g.nodes[i].dnode, key);

		if (f && applies(&iv->g.nodes[i]))
			ids[count++] = (struct identity){ f, i };
	}
	if (count)
		qsort(ids, count, sizeof(*ids), identity_cmp);
	for (size_t k = 0; k < count;) {
		size_t run = 1;

		while (k + run < count && identity_cmp(&(struct identity){ ids[k].field, 0 },
						       &(struct identity){ ids[k + run].field, 0 }) == 0)
			run++;
		if (run > 1) {
			const struct iommu_dfield *f = ids[k].field;
			char value[80];

			if (iommu_dfield_get_kind(f) == IOMMU_DFIELD_STRING)
				snprintf(value, sizeof(value), "\"%s\"", iommu_dfield_get_string(f));
			else
				snprintf(value, sizeof(value), "0x%llx",
					 (unsigned long long)iommu_dfield_get_u64(f));
			finding(iv, c, iommu_dfield_get_offset(ids[k + 1].field),
				"%s %s is shared by %zu nodes: %s, %s%s", what, value, run,
				iv->g.nodes[ids[k].node].label, iv->g.nodes[ids[k + 1].node].label,
				run > 2 ? " and others" : "");
		}
		k += run;
	}
	free(ids);
}

static bool any_node(const struct iommu_iort_node *n)
{
	return n->type < IORT_NODE_TYPES;
}

static bool named_node(const struct iommu_iort_node *n)
{
	return n->type == IORT_NAMED_COMPONENT || n->type == IORT_IWB;
}

static bool root_complex(const struct iommu_iort_node *n)
{
	return n->type == IORT_ROOT_COMPLEX;
}

static bool smmu_with_base(const struct iommu_iort_node *n)
{
	return is_smmu(n->type) && IORT_GET(n->dnode, base_address) != 0;
}

static void check_node(struct iort_validate *iv, const struct iommu_iort_node *n)
{
	bool *off_by_one;

	check_node_revision(iv, n);
	check_mapping_array(iv, n);
	check_padding(iv, n->dnode, n->label);
	switch (n->type) {
	case IORT_ITS_GROUP:
		check_its_group(iv, n);
		return;
	case IORT_NAMED_COMPONENT:
	case IORT_ROOT_COMPLEX:
		check_memory_access(iv, n);
		break;
	case IORT_SMMU_V1V2:
	case IORT_SMMU_V3:
		check_smmu(iv, n);
		break;
	case IORT_PMCG:
		check_pmcg(iv, n);
		break;
	case IORT_RMR:
		check_rmr(iv, n);
		break;
	default:
		break;
	}
	check_msi_mapping(iv, n);
	off_by_one = calloc(n->nmappings + 1, sizeof(*off_by_one));
	if (!off_by_one) {
		iv->v->error = -ENOMEM;
		return;
	}
	check_overlaps(iv, n, off_by_one);
	for (size_t i = 0; i < n->nmappings; i++)
		check_mapping(iv, n, &n->mappings[i], off_by_one[i]);
	free(off_by_one);
}

/* DEN 0049 E.g: the IORT, node by node and as a whole */
/* DEN 0049 E.g §3.1.1.4-§3.1.1.7: the bases, references and ranges firmware fills in at boot. */
static int check_template(struct iort_validate *iv)
{
	static const struct check_desc *const placeholders[] = {
		&iort_checks[IORT_CHECK_SMMU_BASE_ZERO], &iort_checks[IORT_CHECK_SMMU_BASE_DUPLICATE],
		&iort_checks[IORT_CHECK_IDMAP_NULL_REF], &iort_checks[IORT_CHECK_PMCG_REFERENCE],
		&iort_checks[IORT_CHECK_RMR_ZERO_LENGTH], &iort_checks[IORT_CHECK_NO_ADDRESS_LIMIT],
		NULL,
	};
	struct template_evidence e = { .unit_name = "SMMU", .placeholders = placeholders };

	for (size_t i = 0; i < iv->g.nnodes; i++) {
		const struct iommu_dnode *dn = iv->g.nodes[i].dnode, *c;

		if (is_smmu(iv->g.nodes[i].type) && IORT_HAS(dn, base_address)) {
			e.units++;
			e.units_zero += !IORT_GET(dn, base_address);
		}
		iommu_dnode_foreach_child(dn, c)
			e.ranges_zero += strcmp(iommu_dnode_get_kind(c), "memory_range") == 0 &&
					 IORT_HAS(c, length) &&
					 !IORT_GET(c, base_address) && !IORT_GET(c, length);
	}
	return template_check(iv->v, &e);
}

int iort_validate(struct validator *v)
{
	struct iort_validate iv = { .v = v };
	int r = iort_graph_init(&iv.g, v->root);

	if (r < 0)
		return r;
	iv.taken = calloc(iv.g.nnodes + 1, sizeof(*iv.taken));
	iv.ntaken = calloc(iv.g.nnodes + 1, sizeof(*iv.ntaken));
	if (!iv.taken || !iv.ntaken)
		v->error = -ENOMEM;
	iv.data = iommu_table_get_data(v->table, &iv.size);
	check_revision(&iv);
	check_padding(&iv, v->root, "IORT header");
	for (size_t i = 0; i < iv.g.nnodes && !v->error; i++)
		check_node(&iv, &iv.g.nodes[i]);
	check_loops(&iv);
	if (iv.g.table_revision >= 1)
		check_unique(&iv, "Identifier", IORT_CHECK_NODE_IDENTIFIER, any_node,
			     IORT_KEY(identifier));
	check_unique(&iv, "Device object name", IORT_CHECK_NAME_DUPLICATE, named_node,
		     IORT_KEY(device_name));
	check_unique(&iv, "PCI segment", IORT_CHECK_RC_SEGMENT_DUPLICATE, root_complex,
		     IORT_KEY(pci_segment));
	check_unique(&iv, "SMMU base address", IORT_CHECK_SMMU_BASE_DUPLICATE, smmu_with_base,
		     IORT_KEY(base_address));
	if (!v->error)
		v->error = check_template(&iv);
	for (size_t i = 0; iv.taken && i < iv.g.nnodes; i++)
		free(iv.taken[i]);
	free(iv.taken);
	free(iv.ntaken);
	iort_graph_fini(&iv.g);
	return v->error;
}
