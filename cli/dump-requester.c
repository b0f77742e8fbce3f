// SPDX-License-Identifier: MIT
/*
 * Which id a unit sees for a PCI requester: the StreamID the IORT maps it
 * to (Arm DEN 0049: root complex -> SMMUv3), the requester id an IVRS alias
 * gives it (AMD IOMMU 48882 §5.2.2), or the requester id itself when no
 * tables are at hand (--tables FILE, or a --sysroot's); and back, the
 * requesters the IORT maps to a StreamID.
 */
#include <stdio.h>
#include <string.h>

#include "dump-source.h"

/* The SMMUv3 node's base address, to tell several SMMUs apart. */
static uint64_t node_base(const struct iommu_iort_node *node)
{
	const struct iommu_dfield *f = iommu_dnode_find_field(iommu_iort_node_get_dnode(node),
							      "base_address");

	return f ? iommu_dfield_get_u64(f) : IOMMU_NO_ADDR;
}

static int through_iort(struct cli *cli, const struct dump_source *src, uint16_t segment,
			uint16_t rid, uint32_t *ret_id)
{
	struct iommu_table *table = iommu_tables_find(src->tables, "IORT");
	uint64_t unit_base = src->regs ? iommu_regs_get_unit_base(src->regs, src->unit) : IOMMU_NO_ADDR;
	const struct iommu_iort_node *rc, *smmu = NULL;
	struct iommu_iort_path *path = NULL;
	struct iommu_iort *iort = NULL;
	char bdf[16];
	int r;

	format_bdf(bdf, sizeof(bdf), segment, rid);
	if (!table || iommu_iort_new(table, &iort) < 0) {
		cli_warn(cli, "no usable IORT: the StreamID of %s is taken as its requester id", bdf);
		return EXIT_CLEAN;
	}
	rc = iommu_iort_find_root_complex(iort, segment);
	r = rc ? iommu_iort_trace(iort, rc, rid, &path) : -ENOENT;
	if (r < 0) {
		iommu_iort_unref(iort);
		cli_warn(cli, "the IORT has no root complex for segment %u: the StreamID of %s is taken as its requester id",
			 segment, bdf);
		return EXIT_CLEAN;
	}
	/* The SMMUv3 on the path (the one at the unit's base when the register file says it). */
	for (size_t step = 1; step < iommu_iort_path_get_length(path); step++) {
		const struct iommu_iort_node *node = iommu_iort_path_get_node(path, step);

		if (iommu_iort_node_get_type(node) != IOMMU_IORT_SMMU_V3 ||
		    (smmu && node_base(node) != unit_base))
			continue;
		smmu = node;
		*ret_id = iommu_iort_path_get_id(path, step);
	}
	if (smmu && cli->verbose)
		out_text(cli->out, "requester %s is StreamID 0x%x of %s (IORT)\n", bdf, *ret_id,
			 iommu_iort_node_get_label(smmu));
	iommu_iort_path_unref(path);
	iommu_iort_unref(iort);
	if (!smmu) {
		cli_error(cli, 0, "the IORT maps %s to no SMMUv3: its DMA is not translated by one (give --sid to ask anyway)",
			  bdf);
		return EXIT_DATAERR;
	}
	return EXIT_CLEAN;
}

static int through_ivrs(struct cli *cli, const struct dump_source *src, uint16_t segment,
			uint16_t rid, uint32_t *ret_id)
{
	struct iommu_table *table = iommu_tables_find(src->tables, "IVRS");
	struct iommu_ivrs_device *dev = NULL;
	struct iommu_ivrs *ivrs = NULL;
	char bdf[16], alias[16];

	format_bdf(bdf, sizeof(bdf), segment, rid);
	if (!table || iommu_ivrs_new(table, &ivrs) < 0 ||
	    iommu_ivrs_lookup(ivrs, segment, rid, &dev) < 0) {
		iommu_ivrs_unref(ivrs);
		cli_warn(cli, "no IVRS unit serves %s: its device id is taken as its requester id", bdf);
		return EXIT_CLEAN;
	}
	*ret_id = iommu_ivrs_device_get_requester_id(dev);
	format_bdf(alias, sizeof(alias), segment, (uint16_t)*ret_id);
	if (cli->verbose && iommu_ivrs_device_is_aliased(dev))
		out_text(cli->out, "requester %s uses device id %s (an IVRS alias)\n", bdf, alias + 5);
	iommu_ivrs_device_unref(dev);
	iommu_ivrs_unref(ivrs);
	return EXIT_CLEAN;
}

int dump_source_requester(struct cli *cli, const struct dump_source *src, uint16_t segment,
			  uint16_t rid, uint32_t *ret_id)
{
	*ret_id = rid;
	if (!src->tables)
		return EXIT_CLEAN;
	switch (src->kind) {
	case IOMMU_VENDOR_ARM:
		return through_iort(cli, src, segment, rid, ret_id);
	case IOMMU_VENDOR_AMD:
		return through_ivrs(cli, src, segment, rid, ret_id);
	default:
		break;
	}
	return EXIT_CLEAN;
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

	*sr = (struct stream_requesters){ NULL, NULL };
	if (!table || iommu_iort_new(table, &sr->iort) < 0)
		return;
	sr->smmu = unit_node(src, sr->iort);
	if (!sr->smmu)
		sr->iort = iommu_iort_unref(sr->iort);
}

void stream_requesters_close(struct stream_requesters *sr)
{
	iommu_iort_unref(sr->iort);
	*sr = (struct stream_requesters){ NULL, NULL };
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
		uint32_t id = iommu_iort_path_get_id(p, 0);
		char one[64];

		if (iommu_iort_node_get_type(from) == IOMMU_IORT_ROOT_COMPLEX && id <= 0xffff)
			format_bdf(one, sizeof(one), seg ? (uint16_t)iommu_dfield_get_u64(seg) : 0,
				   (uint16_t)id);
		else if (iommu_iort_node_get_type(from) == IOMMU_IORT_NAMED_COMPONENT && name)
			snprintf(one, sizeof(one), "%s", iommu_dfield_get_string(name));
		else
			continue;	/* an SMMU's own MSI: no requester */
		if (used + strlen(one) + 2 > size)
			break;
		used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? "," : "", one);
	}
	iommu_iort_path_unref(first);
	return used > 0;
}
