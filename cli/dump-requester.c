// SPDX-License-Identifier: MIT
/*
 * Which id a unit sees for a PCI requester: the StreamID the IORT maps it
 * to (Arm DEN 0049: root complex -> SMMUv3), the requester id an IVRS alias
 * gives it (AMD IOMMU 48882 §5.2.2), or the requester id itself when no
 * tables are at hand (--tables FILE, or a --sysroot's).
 */
#include <stdio.h>

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
	case UNIT_SMMUV3:
		return through_iort(cli, src, segment, rid, ret_id);
	case UNIT_AMDVI:
		return through_ivrs(cli, src, segment, rid, ret_id);
	case UNIT_VTD:
	case UNIT_NONE:
		break;
	}
	return EXIT_CLEAN;
}
