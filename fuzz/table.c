// SPDX-License-Identifier: MIT
/*
 * One table type's decoder and validator, built once per signature
 * (-DFUZZ_SIGNATURE='"DMAR"' -DFUZZ_DMAR): the input becomes a table of that signature
 * whose Length is the input's size and whose checksum is right, so the
 * fuzzer spends its time in the body, not in the header checks.  The
 * table's own views are walked too: DMAR units and their device look-up,
 * the AMD-Vi units, selections and device look-up, the IORT node graph with
 * forward and reverse traces of IDs; and the requester look-up over each.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

#ifndef FUZZ_SIGNATURE
#error "build with -DFUZZ_SIGNATURE='\"DMAR\"' (or IORT, IVRS, VIOT)"
#endif

#define HEADER_SIZE 36
/* Larger than any real table; keeps each run short. */
#define MAX_TABLE (1u << 20)
/* Traces start from this many nodes and mappings of each at most (each trace is bounded anyway). */
#define MAX_TRACED 32

#if defined(FUZZ_IVRS)
/* The device ids and requester ids worth looking up: the ends of everything a unit selects. */
static void walk_view(struct iommu_table *table)
{
	const struct iommu_ivrs_unit *u;
	struct iommu_ivrs *ivrs;

	if (iommu_ivrs_new(table, &ivrs) < 0)
		return;
	iommu_ivrs_foreach_unit(ivrs, u) {
		const struct iommu_ivrs_selection *s;

		fuzz_fold(iommu_ivrs_unit_get_index(u) ^ iommu_ivrs_unit_get_type(u) ^
			  iommu_ivrs_unit_get_offset(u) ^ iommu_ivrs_unit_get_device_id(u) ^
			  iommu_ivrs_unit_get_capability_offset(u) ^
			  iommu_ivrs_unit_get_base_address(u) ^ iommu_ivrs_unit_get_flags(u) ^
			  iommu_ivrs_unit_get_info(u) ^ iommu_ivrs_unit_get_efr(u) ^
			  iommu_ivrs_unit_get_efr2(u));
		iommu_ivrs_unit_foreach_selection(u, s) {
			uint16_t ids[] = { iommu_ivrs_selection_get_first(s),
					   iommu_ivrs_selection_get_last(s), 0 };
			struct iommu_ivrs_device *dev;

			iommu_ivrs_selection_get_alias(s, &ids[2]);
			fuzz_touch_string(iommu_ivrs_selection_get_hid(s));
			fuzz_touch_string(iommu_ivrs_selection_get_uid(s));
			if (iommu_ivrs_selection_get_unit(s) != u)
				abort();
			for (size_t i = 0; i < 3; i++) {
				if (iommu_ivrs_lookup(ivrs, iommu_ivrs_unit_get_segment(u), ids[i],
						      &dev) < 0)
					continue;
				fuzz_fold(iommu_ivrs_device_get_settings(dev) ^
					  iommu_ivrs_device_get_ext_settings(dev) ^
					  iommu_ivrs_device_get_requester_id(dev) ^
					  iommu_ivrs_device_is_aliased(dev));
				if (!iommu_ivrs_device_get_unit(dev))
					abort();
				iommu_ivrs_device_unref(dev);
			}
		}
	}
	iommu_ivrs_unref(ivrs);
}
#elif defined(FUZZ_IORT)

static void trace(const struct iommu_iort *iort, const struct iommu_iort_node *from, uint32_t id)
{
	struct iommu_iort_path *path, *p;
	int r;

	if (iommu_iort_trace(iort, from, id, &path) == 0) {
		fuzz_touch_string(iommu_iort_end_name(iommu_iort_path_get_end(path)));
		for (size_t i = 0; i < iommu_iort_path_get_length(path); i++)
			fuzz_touch_string(iommu_iort_node_get_label(iommu_iort_path_get_node(path, i)));
		iommu_iort_path_unref(path);
	}
	path = NULL;
	r = iommu_iort_trace_reverse(iort, from, id, &path);
	if ((r == 0 || r == -E2BIG) && path) {
		iommu_iort_foreach_path(path, p)
			fuzz_touch_string(iommu_iort_end_name(iommu_iort_path_get_end(p)));
		iommu_iort_path_unref(path);
	}
}

static void walk_view(struct iommu_table *table)
{
	struct iommu_iort *iort;
	size_t count;

	if (iommu_iort_new(table, &iort) < 0)
		return;
	fuzz_walk_dnode(iommu_iort_get_root(iort));
	count = iommu_iort_get_node_count(iort);
	for (size_t n = 0; n < count && n < MAX_TRACED; n++) {
		const struct iommu_iort_node *node = iommu_iort_get_node(iort, n);
		size_t maps = iommu_iort_node_get_mapping_count(node);

		fuzz_touch_string(iommu_iort_node_get_label(node));
		if (iommu_iort_find_node(iort, iommu_iort_node_get_offset(node)) != node)
			abort();
		trace(iort, node, 0);
		for (size_t m = 0; m < maps && m < MAX_TRACED; m++) {
			const struct iommu_iort_mapping *map = iommu_iort_node_get_mapping(node, m);
			uint32_t base = iommu_iort_mapping_get_input_base(map);

			trace(iort, node, base);
			trace(iort, node, base + iommu_iort_mapping_get_id_count(map));
		}
		iommu_iort_node_get_msi_mapping_index(node);
	}
	iommu_iort_find_root_complex(iort, 0);
	iommu_iort_find_named_component(iort, "\\_SB.DEV0");
	iommu_iort_unref(iort);
}
#elif defined(FUZZ_DMAR)

static void walk_view(struct iommu_table *table)
{
	const struct iommu_dmar_unit *u;
	struct iommu_dmar_unit *found;
	enum iommu_dmar_match match = IOMMU_DMAR_MATCH_NONE;
	struct iommu_dmar *dmar;

	if (iommu_dmar_new(fuzz_ctx(), table, &dmar) < 0)
		return;
	iommu_dmar_foreach_unit(dmar, u) {
		fuzz_fold(iommu_dmar_unit_get_index(u) ^ iommu_dmar_unit_get_offset(u) ^
			  iommu_dmar_unit_get_register_base(u) ^ iommu_dmar_unit_get_segment(u) ^
			  iommu_dmar_unit_is_include_pci_all(u));
		for (unsigned int bus = 0; bus < 256; bus += 85)
			if (iommu_dmar_find_unit(dmar, iommu_dmar_unit_get_segment(u), (uint8_t)bus,
						 2, 0, &found, &match) == 0 && !found)
				abort();
	}
	fuzz_touch_string(iommu_dmar_match_name(match));
	iommu_dmar_unref(dmar);
}
#else
/* The table has no view beyond its decode. */
static void walk_view(struct iommu_table *table)
{
	(void)table;
}
#endif

#if defined(FUZZ_DMAR) || defined(FUZZ_IVRS) || defined(FUZZ_IORT)
/* The one requester look-up over the table: a served requester names a unit, others none. */
static void resolve_requesters(struct iommu_tables *tables)
{
	static const uint8_t bdfs[][3] = { { 0, 0, 0 }, { 0, 2, 0 }, { 1, 0, 1 }, { 0xff, 0x1f, 7 } };
	struct iommu_requesters *rs;

	if (iommu_requesters_new(tables, IOMMU_VENDOR_UNKNOWN, &rs) < 0)
		return;
	for (uint16_t segment = 0; segment < 2; segment++)
		for (size_t i = 0; i < sizeof(bdfs) / sizeof(bdfs[0]); i++) {
			struct iommu_requester *rq;
			bool served;

			if (iommu_requesters_resolve(rs, segment, bdfs[i][0], bdfs[i][1], bdfs[i][2],
						     &rq) < 0)
				continue;
			served = iommu_requester_get_reason(rq) == IOMMU_REQUESTER_SERVED;
			if (served != (iommu_requester_get_unit(rq) != IOMMU_REQUESTER_NO_UNIT) ||
			    served != (iommu_requester_get_unit_offset(rq) != IOMMU_NO_OFFSET))
				abort();
			fuzz_fold(iommu_requester_get_unit_base(rq) ^ iommu_requester_get_id(rq) ^
				  iommu_requester_get_unit_index(rq) ^ iommu_requester_is_aliased(rq));
			iommu_requester_unref(rq);
		}
	iommu_requesters_unref(rs);
}
#else
static void resolve_requesters(struct iommu_tables *tables)
{
	(void)tables;
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t length = size < HEADER_SIZE ? HEADER_SIZE : size;
	struct iommu_tables *tables;
	struct iommu_table *table;
	uint8_t *buf, sum = 0;

	if (size > MAX_TABLE || !(buf = calloc(1, length)))
		return 0;
	memcpy(buf, data, size);
	memcpy(buf, FUZZ_SIGNATURE, 4);
	buf[4] = (uint8_t)length;
	buf[5] = (uint8_t)(length >> 8);
	buf[6] = (uint8_t)(length >> 16);
	buf[7] = (uint8_t)(length >> 24);
	buf[9] = 0;
	for (size_t i = 0; i < length; i++)
		sum += buf[i];
	buf[9] = (uint8_t)-sum;

	if (iommu_tables_new(fuzz_ctx(), &tables) == 0) {
		iommu_tables_load_data(tables, "fuzz-input", buf, length);
		table = iommu_tables_find(tables, FUZZ_SIGNATURE);
		if (!table)
			abort();	/* a well-formed header is always a table */
		fuzz_decode_validate(table, tables);
		walk_view(table);
		resolve_requesters(tables);
		iommu_tables_unref(tables);
	}
	free(buf);
	return 0;
}
