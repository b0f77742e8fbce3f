// SPDX-License-Identifier: MIT
/*
 * An IVRS expanded as Linux reads it (drivers/iommu/amd/init.c): which IVHD
 * type is used, its blocks as IOMMU units, each unit's device entries
 * resolved to selections (device ids with DTE settings), the IVMDs as device
 * and memory ranges, and the look-up "which unit serves this device id, with
 * which settings, under which requester id".
 *
 * Which IVHD type applies (get_highest_supported_ivhd_type): firmware lists
 * each IOMMU once per IVHD type it supports; Linux walks the blocks from the
 * first, stops at the first block of a type above 40h, and takes the type of
 * the last block whose device id equals the first block's (IVMDs and
 * undefined types up to 40h included).  Every IVHD of that type is a unit;
 * a type that is no IVHD type makes Linux fail ("Unsupported IVHD type").
 *
 * The entries (init_iommu_from_acpi): Select All names every id; Select,
 * Alias Select and Extended Select name one; a Start of Range (03h, 43h,
 * 47h) opens a range that the next End of Range closes (Linux keeps the
 * last Start seen, 0 before any); an alias entry also names its target
 * (the requester id the devices use); Special entries name their IOAPIC or
 * HPET; ACPI HID entries count in type 40h IVHDs only.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "acpi/ivrs.h"

/* Linux's choice of IVHD type: see above. */
static unsigned int pick_ivhd_type(const struct iommu_dnode *root)
{
	const struct iommu_dnode *c = iommu_dnode_get_first_child(root);
	uint64_t devid = c ? dnode_get_u64(c, IVRS_KEY(device_id), UINT64_MAX) : UINT64_MAX;
	unsigned int type = c ? (unsigned int)dnode_get_u64(c, IVRS_KEY(type), 0) : 0;

	for (; c; c = iommu_dnode_get_next(c)) {
		uint64_t t = dnode_get_u64(c, IVRS_KEY(type), UINT64_MAX);

		if (t > IVRS_IVHD_TYPE_MAX_KNOWN)
			break;
		if (dnode_get_u64(c, IVRS_KEY(device_id), UINT64_MAX) == devid)
			type = (unsigned int)t;
	}
	return type;
}

struct expansion {
	struct iommu_ivrs *ivrs;
	size_t alloc_selections, alloc_open;
	int error;
};

static struct iommu_ivrs_selection *add_selection(struct expansion *e,
						 const struct iommu_ivrs_unit *unit,
						 enum iommu_ivrs_select kind, uint64_t offset)
{
	struct iommu_ivrs *ivrs = e->ivrs;
	struct iommu_ivrs_selection *sel;

	if (ivrs->nselections == e->alloc_selections) {
		size_t n = e->alloc_selections ? 2 * e->alloc_selections : 64;
		void *p = realloc(ivrs->selections, n * sizeof(*ivrs->selections));

		if (!p) {
			e->error = -ENOMEM;
			return NULL;
		}
		ivrs->selections = p;
		e->alloc_selections = n;
	}
	sel = &ivrs->selections[ivrs->nselections++];
	memset(sel, 0, sizeof(*sel));
	sel->kind = kind;
	sel->unit = unit;
	sel->offset = offset;
	sel->end_offset = offset;
	return sel;
}

static void add_open_start(struct expansion *e, uint64_t offset)
{
	struct iommu_ivrs *ivrs = e->ivrs;

	if (ivrs->nopen_starts == e->alloc_open) {
		size_t n = e->alloc_open ? 2 * e->alloc_open : 8;
		void *p = realloc(ivrs->open_starts, n * sizeof(*ivrs->open_starts));

		if (!p) {
			e->error = -ENOMEM;
			return;
		}
		ivrs->open_starts = p;
		e->alloc_open = n;
	}
	ivrs->open_starts[ivrs->nopen_starts++] = offset;
}

/* The Start of Range Linux holds while it walks one IVHD's entries. */
struct range_state {
	bool open;		/* a Start no End has closed yet */
	bool seen;		/* any Start so far */
	uint16_t start;
	uint8_t settings;
	uint32_t ext;
	bool alias;
	uint16_t alias_to;
	uint64_t offset;
};

static void set_hid(struct iommu_ivrs_selection *sel, const struct iommu_dnode *entry)
{
	const struct iommu_dfield *f = iommu_dnode_find_field(entry, IVRS_KEY(hid));
	const struct iommu_dfield *uid = iommu_dnode_find_field(entry, IVRS_KEY(uid));

	if (f && iommu_dfield_get_kind(f) == IOMMU_DFIELD_STRING)
		snprintf(sel->hid, sizeof(sel->hid), "%s", iommu_dfield_get_string(f));
	else if (f)
		ivrs_eisa_id((uint32_t)iommu_dfield_get_u64(f), sel->hid);
	if (!uid)
		return;
	if (iommu_dfield_get_kind(uid) == IOMMU_DFIELD_STRING)
		sel->uid_string = iommu_dfield_get_string(uid);
	else if (iommu_dfield_get_kind(uid) == IOMMU_DFIELD_UINT)
		snprintf(sel->uid_integer, sizeof(sel->uid_integer), "%llu",
			 (unsigned long long)iommu_dfield_get_u64(uid));
}

/* One device entry of UNIT, as init_iommu_from_acpi() reads it. */
static void expand_entry(struct expansion *e, const struct iommu_ivrs_unit *unit,
			 const struct iommu_dnode *entry, struct range_state *rs)
{
	unsigned int type = (unsigned int)dnode_get_u64(entry, IVRS_KEY(type), 0);
	uint16_t devid = (uint16_t)dnode_get_u64(entry, IVRS_KEY(device_id), 0);
	uint8_t settings = (uint8_t)dnode_get_u64(entry, IVRS_KEY(settings), 0);
	uint16_t source = (uint16_t)dnode_get_u64(entry, IVRS_KEY(source_device_id), 0);
	uint64_t at = iommu_dnode_get_offset(entry);
	struct iommu_ivrs_selection *sel;

	switch (type) {
	case IVHD_DEV_ALL:
		sel = add_selection(e, unit, IOMMU_IVRS_SELECT_ALL, at);
		if (sel) {
			sel->last = 0xffff;
			sel->settings = settings;
		}
		return;
	case IVHD_DEV_SELECT:
	case IVHD_DEV_EXT_SELECT:
	case IVHD_DEV_ALIAS_SELECT:
		sel = add_selection(e, unit, IOMMU_IVRS_SELECT_ONE, at);
		if (!sel)
			return;
		sel->first = sel->last = devid;
		sel->settings = settings;
		sel->ext_settings = (uint32_t)dnode_get_u64(entry, IVRS_KEY(ext_settings), 0);
		if (type != IVHD_DEV_ALIAS_SELECT)
			return;
		sel->aliased = true;
		sel->requester = source;
		sel = add_selection(e, unit, IOMMU_IVRS_SELECT_ALIAS_TARGET, at);
		if (sel) {
			sel->first = sel->last = source;
			sel->settings = settings;
		}
		return;
	case IVHD_DEV_RANGE_START:
	case IVHD_DEV_ALIAS_RANGE:
	case IVHD_DEV_EXT_RANGE:
		if (rs->open)
			add_open_start(e, rs->offset);
		*rs = (struct range_state){
			.open = true, .seen = true, .start = devid, .settings = settings,
			.ext = (uint32_t)dnode_get_u64(entry, IVRS_KEY(ext_settings), 0),
			.alias = type == IVHD_DEV_ALIAS_RANGE, .alias_to = source, .offset = at,
		};
		return;
	case IVHD_DEV_RANGE_END:
		if (rs->alias) {
			sel = add_selection(e, unit, IOMMU_IVRS_SELECT_ALIAS_TARGET, rs->offset);
			if (sel) {
				sel->first = sel->last = rs->alias_to;
				sel->settings = rs->settings;
			}
		}
		sel = add_selection(e, unit, IOMMU_IVRS_SELECT_RANGE, rs->seen ? rs->offset : at);
		if (!sel)
			return;
		/* Linux reuses the last Start (0 before any); an inverted range names nothing. */
		sel->first = rs->start;
		sel->last = devid;
		sel->has_start = rs->seen;
		sel->end_offset = at;
		sel->ext_settings = rs->ext;
		sel->aliased = rs->alias;
		sel->requester = rs->alias_to;
		sel->settings = rs->settings;
		rs->open = false;
		return;
	case IVHD_DEV_SPECIAL: {
		uint64_t variety = dnode_get_u64(entry, IVRS_KEY(variety), 0);

		if (variety != IVHD_SPECIAL_IOAPIC && variety != IVHD_SPECIAL_HPET)
			return;
		sel = add_selection(e, unit, variety == IVHD_SPECIAL_IOAPIC ? IOMMU_IVRS_SELECT_IOAPIC
									      : IOMMU_IVRS_SELECT_HPET, at);
		if (!sel)
			return;
		sel->first = sel->last = source;
		sel->settings = settings;
		sel->handle = (uint8_t)dnode_get_u64(entry, IVRS_KEY(handle), 0);
		return;
	}
	case IVHD_DEV_ACPI_HID: {
		const struct iommu_dfield *hid = iommu_dnode_find_field(entry, IVRS_KEY(hid));

		/* Linux: only in type 40h IVHDs, and "Invalid HID" when it is empty. */
		if (unit->type != IVRS_IVHD_40 || !hid ||
		    (iommu_dfield_get_kind(hid) == IOMMU_DFIELD_STRING ? !*iommu_dfield_get_string(hid)
									: !iommu_dfield_get_u64(hid)))
			return;
		sel = add_selection(e, unit, IOMMU_IVRS_SELECT_ACPI_HID, at);
		if (!sel)
			return;
		sel->first = sel->last = devid;
		sel->settings = settings;
		set_hid(sel, entry);
		return;
	}
	default:
		return;
	}
}

static void expand_unit(struct expansion *e, struct iommu_ivrs_unit *unit,
			const struct iommu_dnode *ivhd)
{
	struct range_state rs = { 0 };
	const struct iommu_dnode *c;

	unit->first_selection = e->ivrs->nselections;
	iommu_dnode_foreach_child(ivhd, c)
		if (strcmp(iommu_dnode_get_kind(c), "device_entry") == 0 &&
		    iommu_dnode_find_field(c, IVRS_KEY(type)))
			expand_entry(e, unit, c, &rs);
	if (rs.open)
		add_open_start(e, rs.offset);
	unit->nselections = e->ivrs->nselections - unit->first_selection;
}

static void fill_unit(struct iommu_ivrs_unit *unit, const struct iommu_dnode *ivhd)
{
	unit->offset = iommu_dnode_get_offset(ivhd);
	unit->length = dnode_get_u64(ivhd, IVRS_KEY(length), iommu_dnode_get_length(ivhd));
	unit->segment = (uint16_t)dnode_get_u64(ivhd, IVRS_KEY(pci_segment), 0);
	unit->devid = (uint16_t)dnode_get_u64(ivhd, IVRS_KEY(device_id), 0);
	unit->capability_offset = (uint16_t)dnode_get_u64(ivhd, IVRS_KEY(capability_offset), 0);
	unit->info = (uint16_t)dnode_get_u64(ivhd, IVRS_KEY(iommu_info), 0);
	unit->flags = (uint8_t)dnode_get_u64(ivhd, IVRS_KEY(flags), 0);
	unit->base = dnode_get_u64(ivhd, IVRS_KEY(base_address), 0);
	unit->features = (uint32_t)dnode_get_u64(ivhd, unit->type == IVRS_IVHD_10 ? IVRS_KEY(feature_reporting)
										: IVRS_KEY(attributes), 0);
	unit->efr = dnode_get_u64(ivhd, IVRS_KEY(efr), 0);
	unit->efr2 = dnode_get_u64(ivhd, IVRS_KEY(efr2), 0);
}

/* 48882 §5.2.2.3 IVMD: the devices (type 20h: all) and the memory. */
static int expand_memory(struct iommu_ivrs *ivrs, const struct iommu_dnode *root)
{
	const struct iommu_dnode *c;
	size_t n = 0;

	iommu_dnode_foreach_child(root, c)
		n += strcmp(iommu_dnode_get_kind(c), "ivmd") == 0;
	if (!n)
		return 0;
	ivrs->memory = calloc(n, sizeof(*ivrs->memory));
	if (!ivrs->memory)
		return -ENOMEM;
	iommu_dnode_foreach_child(root, c) {
		struct ivrs_memory *m;

		if (strcmp(iommu_dnode_get_kind(c), "ivmd") != 0 ||
		    !iommu_dnode_find_field(c, IVRS_KEY(memory_length)))
			continue;
		m = &ivrs->memory[ivrs->nmemory++];
		m->type = (unsigned int)dnode_get_u64(c, IVRS_KEY(type), 0);
		m->flags = (uint8_t)dnode_get_u64(c, IVRS_KEY(flags), 0);
		m->segment = (uint16_t)dnode_get_u64(c, IVRS_KEY(pci_segment), 0);
		m->first = m->type == IVRS_IVMD_ALL ? 0 : (uint16_t)dnode_get_u64(c, IVRS_KEY(device_id), 0);
		m->last = m->type == IVRS_IVMD_ALL ? 0xffff
			  : m->type == IVRS_IVMD_RANGE ? (uint16_t)dnode_get_u64(c, IVRS_KEY(aux_data), 0)
							: m->first;
		m->start = dnode_get_u64(c, IVRS_KEY(start_address), 0);
		m->length = dnode_get_u64(c, IVRS_KEY(memory_length), 0);
		m->offset = iommu_dnode_get_offset(c);
	}
	return 0;
}

void ivrs_free(struct iommu_ivrs *ivrs)
{
	if (!ivrs)
		return;
	iommu_dnode_unref(ivrs->root);
	free(ivrs->units);
	free(ivrs->selections);
	free(ivrs->memory);
	free(ivrs->open_starts);
	free(ivrs);
}

int ivrs_expand(const struct iommu_dnode *root, struct iommu_ivrs **ret_ivrs)
{
	struct expansion e = { .ivrs = calloc(1, sizeof(*e.ivrs)) };
	const struct iommu_dnode *c;
	size_t n = 0;

	if (!e.ivrs)
		return -ENOMEM;
	e.ivrs->refcount = 1;
	e.ivrs->ivhd_type = pick_ivhd_type(root);
	if (ivhd_header_size(e.ivrs->ivhd_type))
		iommu_dnode_foreach_child(root, c)
			n += strcmp(iommu_dnode_get_kind(c), "ivhd") == 0 &&
			     dnode_get_u64(c, IVRS_KEY(type), 0) == e.ivrs->ivhd_type;
	if (n) {
		e.ivrs->units = calloc(n, sizeof(*e.ivrs->units));
		if (!e.ivrs->units)
			e.error = -ENOMEM;
	}
	iommu_dnode_foreach_child(root, c) {
		struct iommu_ivrs_unit *unit;

		if (e.error || e.ivrs->nunits == n)
			break;
		if (strcmp(iommu_dnode_get_kind(c), "ivhd") != 0 ||
		    dnode_get_u64(c, IVRS_KEY(type), 0) != e.ivrs->ivhd_type)
			continue;
		unit = &e.ivrs->units[e.ivrs->nunits];
		unit->ivrs = e.ivrs;
		unit->index = (unsigned int)e.ivrs->nunits++;
		unit->type = e.ivrs->ivhd_type;
		fill_unit(unit, c);
		expand_unit(&e, unit, c);
	}
	if (!e.error)
		e.error = expand_memory(e.ivrs, root);
	if (e.error) {
		ivrs_free(e.ivrs);
		return e.error;
	}
	*ret_ivrs = e.ivrs;
	return 0;
}

/* ---- the look-up --------------------------------------------------------- */

struct iommu_ivrs_device {
	const struct iommu_ivrs_unit *unit;
	const struct iommu_ivrs_selection *selection, *settings_selection;
	uint32_t ext_settings;
	uint16_t requester;
	bool aliased;
};

static uint32_t width(const struct iommu_ivrs_selection *sel)
{
	return (uint32_t)sel->last - sel->first;
}

IOMMU_EXPORT int iommu_ivrs_lookup(const struct iommu_ivrs *ivrs, uint16_t segment, uint16_t devid,
				   struct iommu_ivrs_device **ret_device)
{
	const struct iommu_ivrs_selection *settings = NULL, *ext = NULL, *serving = NULL;
	const struct iommu_ivrs_unit *unit = NULL;
	struct iommu_ivrs_device *dev;
	uint16_t requester = devid;
	bool aliased = false;

	for (size_t u = 0; u < ivrs->nunits; u++) {
		const struct iommu_ivrs_unit *un = &ivrs->units[u];

		if (un->segment != segment)
			continue;
		for (size_t i = un->first_selection; i < un->first_selection + un->nselections; i++) {
			const struct iommu_ivrs_selection *sel = &ivrs->selections[i];

			if (!ivrs_selection_covers(sel, devid))
				continue;
			unit = un;
			serving = sel;
			if (sel->settings && (!settings || width(sel) < width(settings)))
				settings = sel;
			if (sel->ext_settings && (!ext || width(sel) < width(ext)))
				ext = sel;
			if (sel->aliased) {
				aliased = true;
				requester = sel->requester;
			}
		}
		/* "Make sure IOMMU is not considered to translate itself." */
		if (un->devid == devid)
			unit = NULL;
	}
	if (!unit)
		return -ENOENT;
	dev = calloc(1, sizeof(*dev));
	if (!dev)
		return -ENOMEM;
	dev->unit = unit;
	dev->selection = serving;
	dev->settings_selection = settings;
	dev->ext_settings = ext ? ext->ext_settings : 0;
	dev->requester = requester;
	dev->aliased = aliased;
	*ret_device = dev;
	return 0;
}

IOMMU_EXPORT struct iommu_ivrs_device *iommu_ivrs_device_unref(struct iommu_ivrs_device *device)
{
	free(device);
	return NULL;
}

IOMMU_EXPORT const struct iommu_ivrs_unit *
iommu_ivrs_device_get_unit(const struct iommu_ivrs_device *device)
{
	return device->unit;
}

IOMMU_EXPORT const struct iommu_ivrs_selection *
iommu_ivrs_device_get_selection(const struct iommu_ivrs_device *device)
{
	return device->selection;
}

IOMMU_EXPORT uint8_t iommu_ivrs_device_get_settings(const struct iommu_ivrs_device *device)
{
	return device->settings_selection ? device->settings_selection->settings : 0;
}

IOMMU_EXPORT const struct iommu_ivrs_selection *
iommu_ivrs_device_get_settings_selection(const struct iommu_ivrs_device *device)
{
	return device->settings_selection;
}

IOMMU_EXPORT uint32_t iommu_ivrs_device_get_ext_settings(const struct iommu_ivrs_device *device)
{
	return device->ext_settings;
}

IOMMU_EXPORT uint16_t iommu_ivrs_device_get_requester_id(const struct iommu_ivrs_device *device)
{
	return device->requester;
}

IOMMU_EXPORT bool iommu_ivrs_device_is_aliased(const struct iommu_ivrs_device *device)
{
	return device->aliased;
}

/* ---- the IVRS, its units and selections ---------------------------------- */

IOMMU_EXPORT int iommu_ivrs_new(struct iommu_table *table, struct iommu_ivrs **ret_ivrs)
{
	struct iommu_dnode *root;
	int r;

	if (strcmp(iommu_table_get_signature(table), "IVRS") != 0)
		return -EINVAL;
	r = iommu_table_decode(table, &root);
	if (r < 0)
		return r;
	r = ivrs_expand(root, ret_ivrs);
	if (r < 0) {
		iommu_dnode_unref(root);
		return r;
	}
	(*ret_ivrs)->root = root;
	return 0;
}

IOMMU_EXPORT struct iommu_ivrs *iommu_ivrs_ref(struct iommu_ivrs *ivrs)
{
	if (ivrs)
		ivrs->refcount++;
	return ivrs;
}

IOMMU_EXPORT struct iommu_ivrs *iommu_ivrs_unref(struct iommu_ivrs *ivrs)
{
	if (ivrs && --ivrs->refcount == 0)
		ivrs_free(ivrs);
	return NULL;
}

IOMMU_EXPORT unsigned int iommu_ivrs_get_ivhd_type(const struct iommu_ivrs *ivrs)
{
	return ivrs->ivhd_type;
}

IOMMU_EXPORT struct iommu_ivrs_unit *iommu_ivrs_get_first_unit(const struct iommu_ivrs *ivrs)
{
	return ivrs->nunits ? &ivrs->units[0] : NULL;
}

IOMMU_EXPORT struct iommu_ivrs_unit *iommu_ivrs_unit_get_next(const struct iommu_ivrs_unit *unit)
{
	const struct iommu_ivrs *ivrs = unit->ivrs;

	return unit->index + 1 < ivrs->nunits ? &ivrs->units[unit->index + 1] : NULL;
}

IOMMU_EXPORT unsigned int iommu_ivrs_unit_get_index(const struct iommu_ivrs_unit *unit)
{
	return unit->index;
}

IOMMU_EXPORT unsigned int iommu_ivrs_unit_get_type(const struct iommu_ivrs_unit *unit)
{
	return unit->type;
}

IOMMU_EXPORT uint64_t iommu_ivrs_unit_get_offset(const struct iommu_ivrs_unit *unit)
{
	return unit->offset;
}

IOMMU_EXPORT uint16_t iommu_ivrs_unit_get_segment(const struct iommu_ivrs_unit *unit)
{
	return unit->segment;
}

IOMMU_EXPORT uint16_t iommu_ivrs_unit_get_device_id(const struct iommu_ivrs_unit *unit)
{
	return unit->devid;
}

IOMMU_EXPORT uint16_t iommu_ivrs_unit_get_capability_offset(const struct iommu_ivrs_unit *unit)
{
	return unit->capability_offset;
}

IOMMU_EXPORT uint64_t iommu_ivrs_unit_get_base_address(const struct iommu_ivrs_unit *unit)
{
	return unit->base;
}

IOMMU_EXPORT uint8_t iommu_ivrs_unit_get_flags(const struct iommu_ivrs_unit *unit)
{
	return unit->flags;
}

IOMMU_EXPORT uint16_t iommu_ivrs_unit_get_info(const struct iommu_ivrs_unit *unit)
{
	return unit->info;
}

IOMMU_EXPORT uint64_t iommu_ivrs_unit_get_efr(const struct iommu_ivrs_unit *unit)
{
	return unit->efr;
}

IOMMU_EXPORT uint64_t iommu_ivrs_unit_get_efr2(const struct iommu_ivrs_unit *unit)
{
	return unit->efr2;
}

IOMMU_EXPORT struct iommu_ivrs_selection *
iommu_ivrs_unit_get_first_selection(const struct iommu_ivrs_unit *unit)
{
	return unit->nselections ? &unit->ivrs->selections[unit->first_selection] : NULL;
}

IOMMU_EXPORT struct iommu_ivrs_selection *
iommu_ivrs_selection_get_next(const struct iommu_ivrs_selection *sel)
{
	const struct iommu_ivrs_unit *unit = sel->unit;
	struct iommu_ivrs_selection *end =
		&unit->ivrs->selections[unit->first_selection + unit->nselections];

	return sel + 1 < end ? (struct iommu_ivrs_selection *)(sel + 1) : NULL;
}

IOMMU_EXPORT enum iommu_ivrs_select
iommu_ivrs_selection_get_kind(const struct iommu_ivrs_selection *sel)
{
	return sel->kind;
}

IOMMU_EXPORT const struct iommu_ivrs_unit *
iommu_ivrs_selection_get_unit(const struct iommu_ivrs_selection *sel)
{
	return sel->unit;
}

IOMMU_EXPORT uint16_t iommu_ivrs_selection_get_first(const struct iommu_ivrs_selection *sel)
{
	return sel->first;
}

IOMMU_EXPORT uint16_t iommu_ivrs_selection_get_last(const struct iommu_ivrs_selection *sel)
{
	return sel->last;
}

IOMMU_EXPORT uint8_t iommu_ivrs_selection_get_settings(const struct iommu_ivrs_selection *sel)
{
	return sel->settings;
}

IOMMU_EXPORT uint32_t iommu_ivrs_selection_get_ext_settings(const struct iommu_ivrs_selection *sel)
{
	return sel->ext_settings;
}

IOMMU_EXPORT bool iommu_ivrs_selection_get_alias(const struct iommu_ivrs_selection *sel,
						 uint16_t *ret_requester_id)
{
	if (sel->aliased && ret_requester_id)
		*ret_requester_id = sel->requester;
	return sel->aliased;
}

IOMMU_EXPORT uint8_t iommu_ivrs_selection_get_handle(const struct iommu_ivrs_selection *sel)
{
	return sel->handle;
}

IOMMU_EXPORT const char *iommu_ivrs_selection_get_hid(const struct iommu_ivrs_selection *sel)
{
	return sel->kind == IOMMU_IVRS_SELECT_ACPI_HID ? sel->hid : NULL;
}

IOMMU_EXPORT const char *iommu_ivrs_selection_get_uid(const struct iommu_ivrs_selection *sel)
{
	if (sel->kind != IOMMU_IVRS_SELECT_ACPI_HID)
		return NULL;
	return sel->uid_string ? sel->uid_string : sel->uid_integer;
}

IOMMU_EXPORT uint64_t iommu_ivrs_selection_get_offset(const struct iommu_ivrs_selection *sel)
{
	return sel->offset;
}
