// SPDX-License-Identifier: MIT
/*
 * Which id a unit sees for a PCI requester, as the library's one look-up
 * (iommu_requesters_resolve, also behind `devices`) answers it from the
 * tables at hand (--tables FILE, or a --sysroot's): the StreamID of the
 * first SMMU the IORT maps it to, the requester id an IVRS alias gives it,
 * the source-id; the requester id itself without tables.  And back, the
 * requesters the IORT maps to a StreamID of the unit.
 */
#include <stdio.h>
#include <string.h>

#include "dump-source.h"

/* How the tables name the unit: "SMMUv3 @0x48", the node or structure and its offset. */
static void unit_label(const struct iommu_requester *rq, char *buf, size_t size)
{
	static const char *const kinds[] = {
		[IOMMU_REQUESTER_NO_UNIT] = "no unit",
		[IOMMU_REQUESTER_DRHD] = "DRHD",
		[IOMMU_REQUESTER_IVHD] = "IVHD",
		[IOMMU_REQUESTER_SMMU_V1V2] = "SMMUv1/v2",
		[IOMMU_REQUESTER_SMMU_V3] = "SMMUv3",
	};

	snprintf(buf, size, "%s @0x%llx", kinds[iommu_requester_get_unit(rq)],
		 (unsigned long long)iommu_requester_get_unit_offset(rq));
}

/* The unit the tables name is this one (when the register file says where it is): its id. */
static int served(struct cli *cli, const struct dump_source *src, const struct iommu_requester *rq,
		  const char *table, const char *bdf, uint32_t *ret_id)
{
	uint64_t unit_base = src->regs ? iommu_regs_get_unit_base(src->regs, src->unit) : IOMMU_NO_ADDR;
	uint64_t base = iommu_requester_get_unit_base(rq);
	const char *ask_anyway = src->kind == IOMMU_VENDOR_INTEL ? "" : " (give --sid to ask anyway)";
	char label[40];

	unit_label(rq, label, sizeof(label));
	if (iommu_requester_get_unit(rq) == IOMMU_REQUESTER_SMMU_V1V2) {
		cli_error(cli, 0, "the IORT names %s (base 0x%llx) as the unit of %s: an SMMUv1/v2 translates its DMA, not an SMMUv3%s",
			  label, (unsigned long long)base, bdf, ask_anyway);
		return EXIT_DATAERR;
	}
	if (unit_base != IOMMU_NO_ADDR && base != unit_base) {
		cli_error(cli, 0, "the %s names %s (base 0x%llx) as the unit of %s, not this one at 0x%llx%s",
			  table, label, (unsigned long long)base, bdf, (unsigned long long)unit_base,
			  ask_anyway);
		return EXIT_DATAERR;
	}
	*ret_id = iommu_requester_get_id(rq);
	if (!cli->verbose)
		return EXIT_CLEAN;
	if (src->kind == IOMMU_VENDOR_ARM)
		out_text(cli->out, "requester %s is StreamID 0x%x of %s (IORT)\n", bdf, *ret_id, label);
	else if (iommu_requester_is_aliased(rq))
		out_text(cli->out, "requester %s uses device id %02x:%02x.%x (an IVRS alias)\n", bdf,
			 *ret_id >> 8, (*ret_id >> 3) & 0x1f, *ret_id & 7);
	return EXIT_CLEAN;
}

int dump_source_requester(struct cli *cli, const struct dump_source *src, uint16_t segment,
			  uint16_t rid, uint32_t *ret_id)
{
	static const char *const tables[] = {
		[IOMMU_VENDOR_INTEL] = "DMAR", [IOMMU_VENDOR_AMD] = "IVRS", [IOMMU_VENDOR_ARM] = "IORT",
	};
	const char *table = src->kind < sizeof(tables) / sizeof(tables[0]) ? tables[src->kind] : NULL;
	struct iommu_requesters *rs = NULL;
	struct iommu_requester *rq = NULL;
	int code = EXIT_CLEAN, r;
	char bdf[16];

	*ret_id = rid;
	if (!src->tables || !table)
		return EXIT_CLEAN;
	format_bdf(bdf, sizeof(bdf), segment, rid);
	r = iommu_requesters_new(src->tables, src->kind, &rs);
	if (r == 0)
		r = iommu_requesters_resolve(rs, segment, rid >> 8, (rid >> 3) & 0x1f, rid & 7, &rq);
	iommu_requesters_unref(rs);
	if (r < 0)
		return cli_error(cli, r, "cannot resolve requester %s", bdf);
	switch (iommu_requester_get_reason(rq)) {
	case IOMMU_REQUESTER_SERVED:
		code = served(cli, src, rq, table, bdf, ret_id);
		break;
	case IOMMU_REQUESTER_NO_TABLE:
		/* VT-d needs no table for it: the source-id is the requester id. */
		if (src->kind == IOMMU_VENDOR_ARM)
			cli_warn(cli, "no usable IORT: the StreamID of %s is taken as its requester id", bdf);
		else if (src->kind == IOMMU_VENDOR_AMD)
			cli_warn(cli, "no IVRS unit serves %s: its device id is taken as its requester id", bdf);
		break;
	case IOMMU_REQUESTER_NOT_SELECTED:
		if (src->kind == IOMMU_VENDOR_AMD)
			cli_warn(cli, "no IVRS unit serves %s: its device id is taken as its requester id", bdf);
		else
			cli_warn(cli, "no DRHD of the DMAR serves %s: its DMA is not remapped", bdf);
		break;
	case IOMMU_REQUESTER_NO_FUNCTION:
		cli_warn(cli, "%s is no PCI function of the sysroot: which DRHD serves it is unknown", bdf);
		break;
	case IOMMU_REQUESTER_NO_ROOT_COMPLEX:
		cli_warn(cli, "the IORT has no root complex for segment %u: the StreamID of %s is taken as its requester id",
			 segment, bdf);
		break;
	case IOMMU_REQUESTER_NOT_MAPPED:
		cli_error(cli, 0, "the IORT maps %s to no SMMU: its DMA is not translated by one (give --sid to ask anyway)",
			  bdf);
		code = EXIT_DATAERR;
		break;
	}
	iommu_requester_unref(rq);
	return code;
}

/* An IORT node's base address, to tell several SMMUs apart. */
static uint64_t node_base(const struct iommu_iort_node *node)
{
	const struct iommu_dfield *f = iommu_dnode_find_field(iommu_iort_node_get_dnode(node),
							      "base_address");

	return f ? iommu_dfield_get_u64(f) : IOMMU_NO_ADDR;
}

/*
 * The unit's SMMUv3 node in the IORT: the one at the register file's base,
 * else the only one.  NULL when the IORT does not say which.
 */
static const struct iommu_iort_node *unit_node(const struct dump_source *src,
					       const struct iommu_iort *iort)
{
	uint64_t unit_base = src->regs ? iommu_regs_get_unit_base(src->regs, src->unit) : IOMMU_NO_ADDR;
	const struct iommu_iort_node *found = NULL;
	size_t count = 0;

	for (size_t i = 0; i < iommu_iort_get_node_count(iort); i++) {
		const struct iommu_iort_node *node = iommu_iort_get_node(iort, i);

		if (iommu_iort_node_get_type(node) != IOMMU_IORT_SMMU_V3)
			continue;
		if (unit_base != IOMMU_NO_ADDR && node_base(node) == unit_base)
			return node;
		found = node;
		count++;
	}
	return count == 1 ? found : NULL;
}

void stream_requesters_open(const struct dump_source *src, struct stream_requesters *sr)
{
	struct iommu_table *table = src->tables ? iommu_tables_find(src->tables, "IORT") : NULL;

	*sr = (struct stream_requesters){ 0 };
	if (!table || iommu_iort_new(table, &sr->iort) < 0)
		return;
	sr->smmu = unit_node(src, sr->iort);
	if (!sr->smmu || iommu_requesters_new(src->tables, IOMMU_VENDOR_ARM, &sr->requesters) < 0)
		stream_requesters_close(sr);
}

void stream_requesters_close(struct stream_requesters *sr)
{
	iommu_requesters_unref(sr->requesters);
	iommu_iort_unref(sr->iort);
	*sr = (struct stream_requesters){ 0 };
}

/* A requester ID the unit serves as StreamID SID: this SMMU is the first on its way there. */
static bool served_here(const struct stream_requesters *sr, uint16_t segment, uint32_t rid,
			uint32_t sid)
{
	struct iommu_requester *rq;
	bool here;

	if (rid > 0xffff || iommu_requesters_resolve(sr->requesters, segment, (uint8_t)(rid >> 8),
						     (rid >> 3) & 0x1f, rid & 7, &rq) < 0)
		return false;
	here = iommu_requester_get_reason(rq) == IOMMU_REQUESTER_SERVED &&
	       iommu_requester_get_unit_offset(rq) == iommu_iort_node_get_offset(sr->smmu) &&
	       iommu_requester_get_id(rq) == sid;
	iommu_requester_unref(rq);
	return here;
}

bool stream_requester(const struct stream_requesters *sr, uint32_t sid, char *buf, size_t size)
{
	struct iommu_iort_path *first = NULL, *p;
	size_t used = 0;

	if (!sr->iort || iommu_iort_trace_reverse(sr->iort, sr->smmu, sid, &first) < 0 || !first) {
		iommu_iort_path_unref(first);
		return false;
	}
	buf[0] = 0;
	/* Each requester: a root complex's as segment:bus:device.function, a named component's name. */
	iommu_iort_foreach_path(first, p) {
		const struct iommu_iort_node *from = iommu_iort_path_get_node(p, 0);
		const struct iommu_dnode *dn = iommu_iort_node_get_dnode(from);
		const struct iommu_dfield *seg = iommu_dnode_find_field(dn, "pci_segment");
		const struct iommu_dfield *name = iommu_dnode_find_field(dn, "device_name");
		uint16_t segment = seg ? (uint16_t)iommu_dfield_get_u64(seg) : 0;
		uint32_t id = iommu_iort_path_get_id(p, 0);
		char one[64];

		if (iommu_iort_node_get_type(from) == IOMMU_IORT_ROOT_COMPLEX &&
		    served_here(sr, segment, id, sid))
			format_bdf(one, sizeof(one), segment, (uint16_t)id);
		else if (iommu_iort_node_get_type(from) == IOMMU_IORT_NAMED_COMPONENT && name)
			snprintf(one, sizeof(one), "%s", iommu_dfield_get_string(name));
		else
			continue;	/* an SMMU's own MSI, or one another SMMU serves first */
		if (used + strlen(one) + 2 > size)
			break;
		used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? "," : "", one);
	}
	iommu_iort_path_unref(first);
	return used > 0;
}
