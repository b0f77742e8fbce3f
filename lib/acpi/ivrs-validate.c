// SPDX-License-Identifier: MIT
/*
 * Every IVRS check: what Linux (drivers/iommu/amd/init.c) refuses, warns
 * about or silently gets wrong, fwts's IVRS labels (src/acpi/ivrs), and what
 * neither checks offline (range pairing, overlaps, alias loops, the IOAPIC
 * entries against the MADT).  The structural checks are made while decoding
 * (lib/acpi/ivrs-decode.c); the rest here, on the decode and its expansion
 * (lib/acpi/ivrs-devices.c), which reads the table as Linux does.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "acpi/ivrs.h"
#include "acpi/template.h"

#define E IOMMU_SEVERITY_ERROR
#define W IOMMU_SEVERITY_WARNING
#define I IOMMU_SEVERITY_INFO

#define IVRS_REF "AMD IOMMU 48882: IVRS"
#define IVHD_REF "AMD IOMMU 48882: IVHD"
#define ENTRY_REF "AMD IOMMU 48882: IVHD device entries"
#define IVMD_REF "AMD IOMMU 48882: IVMD"

const struct check_desc ivrs_checks[] = {
	[IVRS_BLOCK_ZERO_LENGTH] = { "ivrs.block.zero_length", E, IVRS_REF,
		"a block's Length is 0 or less than its 4-byte header: the walk stops there, Linux never gets past it" },
	[IVRS_BLOCK_TOO_SHORT] = { "ivrs.block.too_short", E, IVRS_REF,
		"a block is shorter than the fixed fields of its type" },
	[IVRS_BLOCK_OVERRUN] = { "ivrs.block.overrun", E, IVRS_REF,
		"a block runs past the end of the table (fwts IVRSBadTableLength; Linux WARN_ON)" },
	[IVRS_BLOCK_TRAILING] = { "ivrs.block.trailing", E, IVRS_REF,
		"bytes after the last block are too few for a block header" },
	[IVRS_BLOCK_UNKNOWN_TYPE] = { "ivrs.block.unknown_type", W, IVRS_REF,
		"a block of an undefined type (e.g. 51h in recent Lenovo firmware): skipped by its Length (fwts IVRSBadIVHDType)" },
	[IVRS_ENTRY_OVERRUN] = { "ivrs.entry.overrun", E, ENTRY_REF,
		"the device entries do not end exactly at the end of their IVHD: the last runs past it (Linux WARN_ON)" },
	[IVRS_ENTRY_UNKNOWN_TYPE] = { "ivrs.entry.unknown_type", W, ENTRY_REF,
		"a device entry of an undefined type: Linux ignores it (fwts IVRSBadType, IVRSBadSubTableType)" },
	[IVRS_ENTRY_UNKNOWN_LENGTH] = { "ivrs.entry.unknown_length", E, ENTRY_REF,
		"a device entry of a type from 80h up other than F0h: its length is undefined, Linux takes it as 0 and never gets past it" },
	[IVRS_ENTRY_PADDING] = { "ivrs.entry.padding", I, ENTRY_REF,
		"a padding device entry (type 00h or 40h): ignored (fwts reports it as an undefined type)" },
	[IVRS_ENTRY_HID_OUTSIDE_40H] = { "ivrs.entry.hid_outside_40h", W, ENTRY_REF,
		"an ACPI HID entry (F0h) in an IVHD of type 10h or 11h: Linux ignores it (\"Invalid IVHD device type\")" },
	[IVRS_ENTRY_HID_EMPTY] = { "ivrs.entry.hid_empty", W, ENTRY_REF,
		"an ACPI HID entry with an empty HID: Linux ignores it (\"Invalid HID\")" },
	[IVRS_ENTRY_UID_LENGTH] = { "ivrs.entry.uid_length", W, ENTRY_REF,
		"an ACPI HID entry's UID Format and UID Length disagree (Linux: \"Invalid UID length\")" },
	[IVRS_REVISION_UNKNOWN] = { "ivrs.revision.unknown", W, IVRS_REF,
		"the table revision is neither 1 (fixed-length entries) nor 2 (mixed format) (fwts IVRSBadRevision)" },
	[IVRS_REVISION_IVHD_40H] = { "ivrs.revision.ivhd_40h", W, IVRS_REF,
		"an IVHD of type 40h in a table of revision 1, which allows types 10h and 11h only (fwts IVRSBadRevision)" },
	[IVRS_IVHD_NONE] = { "ivrs.ivhd.none", E, IVHD_REF,
		"the table has no IVHD: it describes no IOMMU" },
	[IVRS_IVHD_TYPE_UNUSABLE] = { "ivrs.ivhd.type_unusable", E, IVHD_REF,
		"the block type Linux picks as the IVHD type to use is no IVHD type: Linux fails (\"Unsupported IVHD type\")" },
	[IVRS_IVHD_IGNORED] = { "ivrs.ivhd.ignored", W, IVHD_REF,
		"an IOMMU is described only by IVHDs of types Linux does not use for this table: Linux ignores it" },
	[IVRS_IVHD_DUPLICATE] = { "ivrs.ivhd.duplicate", W, IVHD_REF,
		"two IVHDs of the type in use describe the same IOMMU (segment, device id and base)" },
	[IVRS_IVHD_BASE_ZERO] = { "ivrs.ivhd.base_zero", E, IVHD_REF,
		"an IVHD's IOMMU base address is 0" },
	[IVRS_IVHD_FLAGS_10H_ONLY] = { "ivrs.ivhd.flags_10h_only", I, IVHD_REF,
		"an IVHD of type 11h or 40h sets flags 6-7 (PrefSup, PPRSup), defined for type 10h only (fwts: reserved bits)" },
	[IVRS_IVHD_EFR_INCONSISTENT] = { "ivrs.ivhd.efr_inconsistent", W, IVHD_REF,
		"the IVHDs in use give different EFR/EFR2 images: Linux uses the features common to all (\"inconsistent EFR/EFR2\")" },
	[IVRS_RANGE_START_WITHOUT_END] = { "ivrs.range.start_without_end", E, ENTRY_REF,
		"a Start of Range entry that no End of Range closes: the devices it opens are not selected" },
	[IVRS_RANGE_END_WITHOUT_START] = { "ivrs.range.end_without_start", E, ENTRY_REF,
		"an End of Range entry with no Start of Range before it: Linux selects from device 0 (or the previous range's start)" },
	[IVRS_RANGE_INVERTED] = { "ivrs.range.inverted", E, ENTRY_REF,
		"a range whose End of Range is below its Start: it selects no device" },
	[IVRS_RANGE_OVERLAP] = { "ivrs.range.overlap", W, ENTRY_REF,
		"two entries of one IVHD select the same devices with different DTE settings" },
	[IVRS_DEVICE_MULTIPLE_UNITS] = { "ivrs.device.multiple_units", W, ENTRY_REF,
		"the same device ids are selected by two IOMMUs of one segment: Linux assigns them to the later" },
	[IVRS_ALIAS_CHAIN] = { "ivrs.alias.chain", W, ENTRY_REF,
		"an alias target is itself aliased to another device: Linux follows one step only" },
	[IVRS_ALIAS_LOOP] = { "ivrs.alias.loop", E, ENTRY_REF,
		"aliases form a loop: devices alias to each other" },
	[IVRS_SPECIAL_UNKNOWN_VARIETY] = { "ivrs.special.unknown_variety", E, ENTRY_REF,
		"a Special Device entry of a variety other than IOAPIC (1) or HPET (2): Linux fails to set up the IOMMU" },
	[IVRS_SPECIAL_DUPLICATE] = { "ivrs.special.duplicate", W, ENTRY_REF,
		"two Special Device entries give the same IOAPIC or HPET id: Linux uses the first" },
	[IVRS_IOAPIC_NO_SOUTHBRIDGE] = { "ivrs.ioapic.no_southbridge", E, ENTRY_REF,
		"no IOAPIC entry maps an IOAPIC of the machine to the southbridge at 00:14.0: Linux disables interrupt remapping (\"No southbridge IOAPIC found\")" },
	[IVRS_IOAPIC_NOT_IN_IVRS] = { "ivrs.ioapic.not_in_ivrs", E, "ACPI 6.5 §5.2.12.3; AMD IOMMU 48882: IVHD device entries",
		"an IOAPIC of the MADT has no IOAPIC entry: Linux disables interrupt remapping (\"IOAPIC[n] not in IVRS table\")" },
	[IVRS_IOAPIC_NOT_IN_MADT] = { "ivrs.ioapic.not_in_madt", W, "ACPI 6.5 §5.2.12.3; AMD IOMMU 48882: IVHD device entries",
		"an IOAPIC entry gives an IOAPIC id that the MADT does not have" },
	[IVRS_MADT_ABSENT] = { "ivrs.madt.absent", I, "ACPI 6.5 §5.2.12",
		"no MADT to compare the IOAPIC entries with: only the southbridge entry is checked" },
	[IVRS_IVMD_EMPTY] = { "ivrs.ivmd.empty", W, IVMD_REF,
		"an IVMD's memory block length is 0: it covers no memory" },
	[IVRS_IVMD_LENGTH_UNALIGNED] = { "ivrs.ivmd.length_unaligned", W, IVMD_REF,
		"an IVMD's length is not a multiple of 4 KiB: Linux rounds it up" },
	[IVRS_IVMD_START_UNALIGNED] = { "ivrs.ivmd.start_unaligned", W, IVMD_REF,
		"an IVMD's start is not 4 KiB aligned: Linux rounds it up and leaves the block's first bytes unmapped" },
	[IVRS_IVMD_WRAPS] = { "ivrs.ivmd.wraps", E, IVMD_REF,
		"an IVMD's start plus length passes the top of the 64-bit address space" },
	[IVRS_IVMD_RANGE_INVERTED] = { "ivrs.ivmd.range_inverted", E, IVMD_REF,
		"an IVMD of type 22h whose last device id is below its first: it applies to no device" },
	[IVRS_IVMD_IGNORED] = { "ivrs.ivmd.ignored", W, IVMD_REF,
		"an IVMD with neither Unity nor ExclusionRange set: Linux ignores it" },
	[IVRS_IVMD_OVERLAP] = { "ivrs.ivmd.overlap", W, IVMD_REF,
		"two IVMDs for overlapping device ranges cover overlapping memory" },
	[IVRS_CHECK_COUNT] = { NULL },
};

#define PAGE_SIZE_4K 4096u

/*
 * Checks that compare pairs look at the first PAIRWISE_MAX selections, IVHDs
 * and IVMDs only, so that any input is checked in bounded time; real tables
 * hold a few dozen.
 */
#define PAIRWISE_MAX 4096

static size_t capped(size_t n)
{
	return n < PAIRWISE_MAX ? n : PAIRWISE_MAX;
}

static bool is_kind(const struct iommu_dnode *node, const char *kind)
{
	return strcmp(iommu_dnode_get_kind(node), kind) == 0;
}

/* ---- header and blocks --------------------------------------------------- */

static void check_revision(struct validator *v)
{
	unsigned int rev = iommu_table_get_revision(v->table);
	const struct iommu_dnode *c;

	if (rev != 1 && rev != 2)
		validator_finding(v, &ivrs_checks[IVRS_REVISION_UNKNOWN], 8,
				  "the table revision is %u; IVRS revisions are 1 and 2", rev);
	if (rev != 1)
		return;
	iommu_dnode_foreach_child(v->root, c)
		if (is_kind(c, "ivhd") && IVRS_GET(c, type) == IVRS_IVHD_40)
			validator_finding(v, &ivrs_checks[IVRS_REVISION_IVHD_40H], iommu_dnode_get_offset(c),
					  "IVHD type 40h at 0x%llx in a revision 1 table",
					  (unsigned long long)iommu_dnode_get_offset(c));
}

/* The entries of every IVHD, whatever its type: fwts reads them all. */
static void check_entry(struct validator *v, unsigned int ivhd_type, const struct iommu_dnode *e)
{
	uint64_t at = iommu_dnode_get_offset(e);
	unsigned int type = (unsigned int)IVRS_GET(e, type);
	const struct iommu_dfield *hid = iommu_dnode_find_field(e, IVRS_KEY(hid));
	uint64_t format, length;

	if (!IVRS_HAS(e, type))
		return;
	if (type == IVHD_DEV_PAD4 || type == IVHD_DEV_PAD8) {
		validator_finding(v, &ivrs_checks[IVRS_ENTRY_PADDING], at,
				  "padding entry (type %02Xh) at 0x%llx", type, (unsigned long long)at);
		return;
	}
	if (type != IVHD_DEV_ACPI_HID || !IVRS_HAS(e, uid_length))
		return;
	if (ivhd_type != IVRS_IVHD_40)
		validator_finding(v, &ivrs_checks[IVRS_ENTRY_HID_OUTSIDE_40H], at,
				  "ACPI HID entry at 0x%llx in an IVHD of type %02Xh", (unsigned long long)at,
				  ivhd_type);
	if (hid && (iommu_dfield_get_kind(hid) == IOMMU_DFIELD_STRING
			    ? !*iommu_dfield_get_string(hid) : !iommu_dfield_get_u64(hid)))
		validator_finding(v, &ivrs_checks[IVRS_ENTRY_HID_EMPTY], at,
				  "ACPI HID entry at 0x%llx has an empty HID", (unsigned long long)at);
	format = IVRS_GET(e, uid_format);
	length = IVRS_GET(e, uid_length);
	if ((format == IVHD_UID_NONE && length) || (format == IVHD_UID_INTEGER && (!length || length > 8)) ||
	    (format == IVHD_UID_STRING && !length) || format > IVHD_UID_STRING)
		validator_finding(v, &ivrs_checks[IVRS_ENTRY_UID_LENGTH], at + 20,
				  "ACPI HID entry at 0x%llx: UID Format %llu with UID Length %llu",
				  (unsigned long long)at, (unsigned long long)format, (unsigned long long)length);
}

static void check_entries(struct validator *v)
{
	const struct iommu_dnode *c, *e;

	iommu_dnode_foreach_child(v->root, c) {
		unsigned int type = (unsigned int)IVRS_GET(c, type);

		if (!is_kind(c, "ivhd"))
			continue;
		iommu_dnode_foreach_child(c, e)
			check_entry(v, type, e);
	}
}

/* ---- IVHDs and units ----------------------------------------------------- */

static bool same_iommu(const struct iommu_dnode *a, const struct iommu_dnode *b)
{
	return IVRS_GET(a, pci_segment) == IVRS_GET(b, pci_segment) &&
	       IVRS_GET(a, device_id) == IVRS_GET(b, device_id) &&
	       IVRS_GET(a, base_address) == IVRS_GET(b, base_address);
}

static void check_ivhds(struct validator *v, const struct iommu_ivrs *ivrs)
{
	const struct iommu_dnode *c, *o;
	size_t nivhd = 0;
	char b[8];

	iommu_dnode_foreach_child(v->root, c) {
		uint64_t at = iommu_dnode_get_offset(c), type = IVRS_GET(c, type);
		bool used = false;

		if (!is_kind(c, "ivhd"))
			continue;
		nivhd++;
		if (IVRS_HAS(c, base_address) && !IVRS_GET(c, base_address))
			validator_finding(v, &ivrs_checks[IVRS_IVHD_BASE_ZERO], at + 8,
					  "IVHD type %02llXh at 0x%llx: IOMMU base address 0",
					  (unsigned long long)type, (unsigned long long)at);
		if (type != IVRS_IVHD_10 && (IVRS_GET(c, flags) & 0xc0))
			validator_finding(v, &ivrs_checks[IVRS_IVHD_FLAGS_10H_ONLY], at + 1,
					  "IVHD type %02llXh at 0x%llx: flags 0x%02llx",
					  (unsigned long long)type, (unsigned long long)at,
					  (unsigned long long)IVRS_GET(c, flags));
		if (nivhd > PAIRWISE_MAX)
			continue;
		if (type == ivrs->ivhd_type) {
			for (o = iommu_dnode_get_first_child(v->root); o != c; o = iommu_dnode_get_next(o))
				if (is_kind(o, "ivhd") && IVRS_GET(o, type) == type &&
				    same_iommu(o, c)) {
					validator_finding(v, &ivrs_checks[IVRS_IVHD_DUPLICATE], at,
							  "IVHD at 0x%llx repeats the IOMMU of the IVHD at 0x%llx",
							  (unsigned long long)at,
							  (unsigned long long)iommu_dnode_get_offset(o));
					break;
				}
			continue;
		}
		/* Another type: is its IOMMU among the units Linux uses? */
		for (size_t u = 0; u < capped(ivrs->nunits); u++)
			used |= ivrs->units[u].segment == IVRS_GET(c, pci_segment) &&
				ivrs->units[u].devid == IVRS_GET(c, device_id);
		if (!used && ivhd_header_size(ivrs->ivhd_type))
			validator_finding(v, &ivrs_checks[IVRS_IVHD_IGNORED], at,
					  "IVHD type %02llXh at 0x%llx describes the IOMMU at %04llx:%s, which no IVHD of type %02Xh (the type Linux uses) describes",
					  (unsigned long long)type, (unsigned long long)at,
					  (unsigned long long)IVRS_GET(c, pci_segment),
					  ivrs_bdf((uint16_t)IVRS_GET(c, device_id), b),
					  ivrs->ivhd_type);
	}
	if (!nivhd) {
		validator_finding(v, &ivrs_checks[IVRS_IVHD_NONE], IOMMU_NO_OFFSET,
				  "the table has no IVHD block");
		return;
	}
	if (!ivhd_header_size(ivrs->ivhd_type))
		validator_finding(v, &ivrs_checks[IVRS_IVHD_TYPE_UNUSABLE], IVRS_HEADER_SIZE,
				  "Linux takes the IVHD type from the last block with the first block's device id before any block above 40h: here type %02Xh, which is no IVHD type",
				  ivrs->ivhd_type);
	for (size_t u = 1; u < ivrs->nunits && ivrs->ivhd_type != IVRS_IVHD_10; u++)
		if (ivrs->units[u].efr != ivrs->units[0].efr || ivrs->units[u].efr2 != ivrs->units[0].efr2) {
			validator_finding(v, &ivrs_checks[IVRS_IVHD_EFR_INCONSISTENT], ivrs->units[u].offset + 24,
					  "ivhd%zu gives EFR 0x%016llx EFR2 0x%016llx, ivhd0 EFR 0x%016llx EFR2 0x%016llx",
					  u, (unsigned long long)ivrs->units[u].efr,
					  (unsigned long long)ivrs->units[u].efr2,
					  (unsigned long long)ivrs->units[0].efr,
					  (unsigned long long)ivrs->units[0].efr2);
			break;
		}
}

/* ---- selections ---------------------------------------------------------- */

static const struct iommu_ivrs_selection *unit_selections(const struct iommu_ivrs *ivrs,
							   const struct iommu_ivrs_unit *unit)
{
	return unit->nselections ? &ivrs->selections[unit->first_selection] : NULL;
}

static bool overlap(const struct iommu_ivrs_selection *a, const struct iommu_ivrs_selection *b)
{
	return a->first <= a->last && b->first <= b->last && a->first <= b->last && b->first <= a->last;
}

/* Alias entries, their targets and special devices may rightly repeat ids selected elsewhere. */
static bool plain(const struct iommu_ivrs_selection *s)
{
	return !s->aliased && (s->kind == IOMMU_IVRS_SELECT_ALL || s->kind == IOMMU_IVRS_SELECT_ONE ||
			       s->kind == IOMMU_IVRS_SELECT_RANGE);
}

static void check_ranges(struct validator *v, const struct iommu_ivrs *ivrs)
{
	char b1[8], b2[8];

	for (size_t i = 0; i < ivrs->nopen_starts; i++)
		validator_finding(v, &ivrs_checks[IVRS_RANGE_START_WITHOUT_END], ivrs->open_starts[i],
				  "Start of Range at 0x%llx is not closed by an End of Range",
				  (unsigned long long)ivrs->open_starts[i]);
	for (size_t i = 0; i < ivrs->nselections; i++) {
		const struct iommu_ivrs_selection *s = &ivrs->selections[i];

		if (s->kind != IOMMU_IVRS_SELECT_RANGE)
			continue;
		if (!s->has_start)
			validator_finding(v, &ivrs_checks[IVRS_RANGE_END_WITHOUT_START], s->end_offset,
					  "End of Range at 0x%llx has no Start of Range before it in its IVHD: Linux selects %s to %s",
					  (unsigned long long)s->end_offset, ivrs_bdf(s->first, b2), ivrs_bdf(s->last, b1));
		if (s->last < s->first)
			validator_finding(v, &ivrs_checks[IVRS_RANGE_INVERTED], s->end_offset,
					  "range from 0x%llx ends at %s, below its start %s",
					  (unsigned long long)s->offset, ivrs_bdf(s->last, b1), ivrs_bdf(s->first, b2));
	}
	for (size_t u = 0; u < ivrs->nunits; u++) {
		const struct iommu_ivrs_unit *unit = &ivrs->units[u];
		const struct iommu_ivrs_selection *sel = unit_selections(ivrs, unit);
		size_t n = unit->first_selection < PAIRWISE_MAX
				   ? capped(unit->first_selection + unit->nselections) - unit->first_selection
				   : 0;
		bool reported = false;

		for (size_t i = 0; i < n && !reported; i++)
			for (size_t j = i + 1; j < n && !reported; j++) {
				const struct iommu_ivrs_selection *a = &sel[i], *b = &sel[j];

				if (!plain(a) || !plain(b) || !overlap(a, b) ||
				    (a->settings == b->settings && a->ext_settings == b->ext_settings))
					continue;
				validator_finding(v, &ivrs_checks[IVRS_RANGE_OVERLAP], b->offset,
						  "ivhd%u: the entry at 0x%llx (settings 0x%02x) and the entry at 0x%llx (settings 0x%02x) both select %s",
						  unit->index, (unsigned long long)a->offset, a->settings,
						  (unsigned long long)b->offset, b->settings,
						  ivrs_bdf(a->first > b->first ? a->first : b->first, b1));
				reported = true;
			}
	}
}

static void check_units_overlap(struct validator *v, const struct iommu_ivrs *ivrs)
{
	char b1[8];

	for (size_t u = 0; u < ivrs->nunits; u++)
		for (size_t w = u + 1; w < ivrs->nunits; w++) {
			const struct iommu_ivrs_unit *x = &ivrs->units[u], *y = &ivrs->units[w];
			bool reported = false;

			if (x->segment != y->segment || y->first_selection >= PAIRWISE_MAX)
				continue;
			for (size_t i = 0; i < x->nselections && !reported; i++)
				for (size_t j = 0; j < y->nselections && !reported &&
						   y->first_selection + j < PAIRWISE_MAX; j++) {
					const struct iommu_ivrs_selection *a = &unit_selections(ivrs, x)[i];
					const struct iommu_ivrs_selection *b = &unit_selections(ivrs, y)[j];

					if (!plain(a) || !plain(b) || !overlap(a, b))
						continue;
					validator_finding(v, &ivrs_checks[IVRS_DEVICE_MULTIPLE_UNITS], b->offset,
							  "ivhd%u (entry at 0x%llx) and ivhd%u (entry at 0x%llx) both select %04x:%s",
							  x->index, (unsigned long long)a->offset, y->index,
							  (unsigned long long)b->offset, x->segment,
							  ivrs_bdf(a->first > b->first ? a->first : b->first, b1));
					reported = true;
				}
		}
}

/* The alias target of DEVID in SEGMENT, following the last alias entry naming it. */
static bool alias_of(const struct iommu_ivrs *ivrs, uint16_t segment, uint16_t devid,
		     uint16_t *ret_target, uint64_t *ret_offset)
{
	bool found = false;

	for (size_t i = 0; i < capped(ivrs->nselections); i++) {
		const struct iommu_ivrs_selection *s = &ivrs->selections[i];

		if (s->aliased && s->unit->segment == segment && ivrs_selection_covers(s, devid)) {
			*ret_target = s->requester;
			*ret_offset = s->offset;
			found = true;
		}
	}
	return found;
}

static void check_aliases(struct validator *v, const struct iommu_ivrs *ivrs)
{
	char b1[8], b2[8], b3[8];

	for (size_t i = 0; i < capped(ivrs->nselections); i++) {
		const struct iommu_ivrs_selection *s = &ivrs->selections[i];
		uint64_t offset, back_offset;
		uint16_t next, back;
		bool loop;

		if (!s->aliased || !alias_of(ivrs, s->unit->segment, s->requester, &next, &offset) ||
		    next == s->requester)
			continue;
		/* A loop: the target's own target leads back into this entry's devices. */
		loop = ivrs_selection_covers(s, next) ||
		       (alias_of(ivrs, s->unit->segment, next, &back, &back_offset) &&
			ivrs_selection_covers(s, back));
		if (loop && offset < s->offset)
			continue;	/* told at the loop's first entry */
		validator_finding(v, &ivrs_checks[loop ? IVRS_ALIAS_LOOP : IVRS_ALIAS_CHAIN], s->offset,
				  "the entry at 0x%llx aliases %s to %s, which the entry at 0x%llx aliases %s %s",
				  (unsigned long long)s->offset, ivrs_bdf(s->first, b1),
				  ivrs_bdf(s->requester, b2), (unsigned long long)offset,
				  loop ? "back to" : "to", ivrs_bdf(next, b3));
	}
}

/* ---- special devices and the MADT ---------------------------------------- */

static void check_special_varieties(struct validator *v, const struct iommu_ivrs *ivrs)
{
	const struct iommu_dnode *c, *e;

	if (!ivrs->nunits)
		return;
	iommu_dnode_foreach_child(v->root, c) {
		if (!is_kind(c, "ivhd") || IVRS_GET(c, type) != ivrs->ivhd_type)
			continue;
		iommu_dnode_foreach_child(c, e) {
			uint64_t variety = dnode_get_u64(e, IVRS_KEY(variety), IVHD_SPECIAL_IOAPIC);

			if (IVRS_GET(e, type) != IVHD_DEV_SPECIAL ||
			    variety == IVHD_SPECIAL_IOAPIC || variety == IVHD_SPECIAL_HPET)
				continue;
			validator_finding(v, &ivrs_checks[IVRS_SPECIAL_UNKNOWN_VARIETY],
					  iommu_dnode_get_offset(e) + 7,
					  "Special Device entry at 0x%llx has variety %llu",
					  (unsigned long long)iommu_dnode_get_offset(e),
					  (unsigned long long)variety);
		}
	}
}

static void check_special_duplicates(struct validator *v, const struct iommu_ivrs *ivrs)
{
	char b1[8], b2[8];

	for (size_t i = 0; i < capped(ivrs->nselections); i++) {
		const struct iommu_ivrs_selection *s = &ivrs->selections[i];

		if (s->kind != IOMMU_IVRS_SELECT_IOAPIC && s->kind != IOMMU_IVRS_SELECT_HPET)
			continue;
		for (size_t j = 0; j < i; j++) {
			const struct iommu_ivrs_selection *f = &ivrs->selections[j];

			if (f->kind != s->kind || f->handle != s->handle)
				continue;
			validator_finding(v, &ivrs_checks[IVRS_SPECIAL_DUPLICATE], s->offset,
					  "%s id %u is given at 0x%llx (%s) and again at 0x%llx (%s)",
					  s->kind == IOMMU_IVRS_SELECT_IOAPIC ? "IOAPIC" : "HPET", s->handle,
					  (unsigned long long)f->offset, ivrs_bdf(f->first, b1),
					  (unsigned long long)s->offset, ivrs_bdf(s->first, b2));
			break;
		}
	}
}

/* ACPI 6.5 §5.2.12 MADT: the ids of its I/O APIC structures (§5.2.12.3, type 1). */
static size_t madt_ioapic_ids(const struct iommu_table *madt, uint8_t ids[static 256])
{
	size_t size, n = 0;
	const uint8_t *p = iommu_table_get_data(madt, &size);
	size_t at = ACPI_HEADER_SIZE + 8;

	while (at + 2 <= size && n < 256) {
		uint8_t type = p[at], len = p[at + 1];

		if (len < 2 || len > size - at)
			break;
		if (type == 1 && len >= 12)
			ids[n++] = p[at + 2];
		at += len;
	}
	return n;
}

/* The machine's MADT: with the table, or under the sysroot when asked to check the system. */
static struct iommu_table *find_madt(struct validator *v, struct iommu_tables **ret_loaded)
{
	struct iommu_table *madt = iommu_tables_find(v->tables, "APIC");
	struct iommu_tables *sys;

	*ret_loaded = NULL;
	if (madt || !(v->flags & IOMMU_VALIDATE_SYSTEM) || iommu_tables_new(v->ctx, &sys) < 0)
		return madt;
	iommu_tables_load_sysroot(sys);
	madt = iommu_tables_find(sys, "APIC");
	if (madt)
		*ret_loaded = sys;
	else
		iommu_tables_unref(sys);
	return madt;
}

/* Linux's get_ioapic_devid(): the first IOAPIC entry with this id. */
static const struct iommu_ivrs_selection *ioapic_entry(const struct iommu_ivrs *ivrs, uint8_t id)
{
	for (size_t i = 0; i < ivrs->nselections; i++)
		if (ivrs->selections[i].kind == IOMMU_IVRS_SELECT_IOAPIC &&
		    ivrs->selections[i].handle == id)
			return &ivrs->selections[i];
	return NULL;
}

static bool southbridge(const struct iommu_ivrs_selection *s)
{
	return s->unit->segment == 0 && s->first == IVRS_SB_IOAPIC_DEVID;
}

static void list_ids(const uint8_t *ids, size_t n, char *buf, size_t size)
{
	size_t pos = 0;

	buf[0] = 0;
	for (size_t i = 0; i < n && pos + 8 < size; i++)
		pos += (size_t)snprintf(buf + pos, size - pos, "%s%u", i ? ", " : "", ids[i]);
}

/* Linux's check_ioapic_information(), and its converse. */
static void check_ioapics_against(struct validator *v, const struct iommu_ivrs *ivrs,
				  const uint8_t *ids, size_t nids)
{
	bool has_sb = false;
	char list[256 * 5], b[8];

	list_ids(ids, nids, list, sizeof(list));
	for (size_t i = 0; i < nids; i++) {
		const struct iommu_ivrs_selection *s = ioapic_entry(ivrs, ids[i]);

		if (!s)
			validator_finding(v, &ivrs_checks[IVRS_IOAPIC_NOT_IN_IVRS], IOMMU_NO_OFFSET,
					  "the MADT's IOAPIC %u has no IOAPIC entry in the IVHDs Linux uses",
					  ids[i]);
		else if (southbridge(s))
			has_sb = true;
	}
	for (size_t i = 0; i < ivrs->nselections; i++) {
		const struct iommu_ivrs_selection *s = &ivrs->selections[i];
		bool known = false;

		if (s->kind != IOMMU_IVRS_SELECT_IOAPIC)
			continue;
		for (size_t k = 0; k < nids; k++)
			known |= ids[k] == s->handle;
		if (!known)
			validator_finding(v, &ivrs_checks[IVRS_IOAPIC_NOT_IN_MADT], s->offset + 4,
					  "the IOAPIC entry at 0x%llx gives id %u (0x%02x) for %s; the MADT's IOAPICs are %s",
					  (unsigned long long)s->offset, s->handle, s->handle,
					  ivrs_bdf(s->first, b), nids ? list : "none");
	}
	if (!has_sb)
		validator_finding(v, &ivrs_checks[IVRS_IOAPIC_NO_SOUTHBRIDGE], IOMMU_NO_OFFSET,
				  "none of the MADT's IOAPICs (%s) has an IOAPIC entry at 00:14.0 in the IVHDs Linux uses: interrupt remapping is disabled",
				  nids ? list : "none");
}

static void check_ioapics(struct validator *v, const struct iommu_ivrs *ivrs)
{
	struct iommu_tables *loaded;
	struct iommu_table *madt;
	uint8_t ids[256];
	bool has_sb = false;

	if (!ivrs->nunits)
		return;
	madt = find_madt(v, &loaded);
	if (madt) {
		check_ioapics_against(v, ivrs, ids, madt_ioapic_ids(madt, ids));
		iommu_tables_unref(loaded);
		return;
	}
	validator_finding(v, &ivrs_checks[IVRS_MADT_ABSENT], IOMMU_NO_OFFSET,
			  "no MADT (APIC table) among the inputs: the IOAPIC entries are not compared with the machine's IOAPICs");
	for (size_t i = 0; i < ivrs->nselections; i++)
		has_sb |= ivrs->selections[i].kind == IOMMU_IVRS_SELECT_IOAPIC &&
			  southbridge(&ivrs->selections[i]);
	if (!has_sb)
		validator_finding(v, &ivrs_checks[IVRS_IOAPIC_NO_SOUTHBRIDGE], IOMMU_NO_OFFSET,
				  "the IVHDs Linux uses (type %02Xh) have no IOAPIC entry at 00:14.0: interrupt remapping is disabled",
				  ivrs->ivhd_type);
}

/* ---- IVMD ---------------------------------------------------------------- */

static void check_ivmd(struct validator *v, const struct ivrs_memory *m)
{
	unsigned long long at = m->offset;
	char b1[8], b2[8];

	if (!m->length)
		validator_finding(v, &ivrs_checks[IVRS_IVMD_EMPTY], at + 24,
				  "IVMD at 0x%llx: memory block length 0", at);
	else if (m->length % PAGE_SIZE_4K)
		validator_finding(v, &ivrs_checks[IVRS_IVMD_LENGTH_UNALIGNED], at + 24,
				  "IVMD at 0x%llx: length 0x%llx is not a multiple of 4 KiB (Linux maps 0x%llx)",
				  at, (unsigned long long)m->length,
				  (unsigned long long)((m->length + PAGE_SIZE_4K - 1) & ~(uint64_t)(PAGE_SIZE_4K - 1)));
	if (m->start % PAGE_SIZE_4K)
		validator_finding(v, &ivrs_checks[IVRS_IVMD_START_UNALIGNED], at + 16,
				  "IVMD at 0x%llx: start 0x%llx is not 4 KiB aligned (Linux starts at 0x%llx)",
				  at, (unsigned long long)m->start,
				  (unsigned long long)((m->start + PAGE_SIZE_4K - 1) & ~(uint64_t)(PAGE_SIZE_4K - 1)));
	if (m->length && m->start > UINT64_MAX - (m->length - 1))
		validator_finding(v, &ivrs_checks[IVRS_IVMD_WRAPS], at + 16,
				  "IVMD at 0x%llx: start 0x%llx plus length 0x%llx passes 2^64", at,
				  (unsigned long long)m->start, (unsigned long long)m->length);
	if (m->type == IVRS_IVMD_RANGE && m->last < m->first)
		validator_finding(v, &ivrs_checks[IVRS_IVMD_RANGE_INVERTED], at + 6,
				  "IVMD at 0x%llx: devices %s to %s", at, ivrs_bdf(m->first, b1), ivrs_bdf(m->last, b2));
	if (!(m->flags & (IVMD_FLAG_UNITY | IVMD_FLAG_EXCLUSION)))
		validator_finding(v, &ivrs_checks[IVRS_IVMD_IGNORED], at + 1,
				  "IVMD at 0x%llx: flags 0x%02x", at, m->flags);
}

static bool ivmd_overlap(const struct ivrs_memory *a, const struct ivrs_memory *b)
{
	uint64_t a_end = a->start + (a->length - 1), b_end = b->start + (b->length - 1);

	return a->segment == b->segment && a->first <= b->last && b->first <= a->last &&
	       a->length && b->length && a->start <= b_end && b->start <= a_end;
}

static void check_ivmds(struct validator *v, const struct iommu_ivrs *ivrs)
{
	for (size_t i = 0; i < ivrs->nmemory; i++) {
		const struct ivrs_memory *m = &ivrs->memory[i];

		check_ivmd(v, m);
		for (size_t j = 0; j < capped(i); j++) {
			const struct ivrs_memory *o = &ivrs->memory[j];

			if (o->last < o->first || m->last < m->first || !ivmd_overlap(o, m))
				continue;
			validator_finding(v, &ivrs_checks[IVRS_IVMD_OVERLAP], m->offset,
					  "IVMD at 0x%llx (0x%llx, 0x%llx bytes) and IVMD at 0x%llx (0x%llx, 0x%llx bytes) overlap for the same devices",
					  (unsigned long long)o->offset, (unsigned long long)o->start,
					  (unsigned long long)o->length, (unsigned long long)m->offset,
					  (unsigned long long)m->start, (unsigned long long)m->length);
			break;
		}
	}
}

/* 48882 IVRS: the IOMMU bases and memory blocks firmware fills in at boot. */
static int check_template(struct validator *v, const struct iommu_ivrs *ivrs)
{
	static const struct check_desc *const placeholders[] = {
		&ivrs_checks[IVRS_IVHD_BASE_ZERO], &ivrs_checks[IVRS_IVHD_DUPLICATE],
		&ivrs_checks[IVRS_IVMD_EMPTY], NULL,
	};
	struct template_evidence e = {
		.unit_name = "IVHD", .units = (unsigned int)ivrs->nunits, .placeholders = placeholders,
	};

	for (size_t i = 0; i < ivrs->nunits; i++)
		e.units_zero += !ivrs->units[i].base;
	for (size_t i = 0; i < ivrs->nmemory; i++)
		e.ranges_zero += !ivrs->memory[i].start && !ivrs->memory[i].length;
	return template_check(v, &e);
}

int ivrs_validate(struct validator *v)
{
	struct iommu_ivrs *ivrs;
	int r = ivrs_expand(v->root, &ivrs);

	if (r < 0)
		return r;
	check_revision(v);
	check_entries(v);
	check_ivhds(v, ivrs);
	check_ranges(v, ivrs);
	check_units_overlap(v, ivrs);
	check_aliases(v, ivrs);
	check_special_varieties(v, ivrs);
	check_special_duplicates(v, ivrs);
	check_ioapics(v, ivrs);
	check_ivmds(v, ivrs);
	r = check_template(v, ivrs);
	ivrs_free(ivrs);
	return r;
}
