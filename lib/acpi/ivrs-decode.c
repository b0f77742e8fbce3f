// SPDX-License-Identifier: MIT
/*
 * The IVRS decoder: AMD I/O Virtualization Technology (IOMMU) Specification
 * 48882, IVRS (IVinfo, IVHD types 10h/11h/40h with their device entries, IVMD
 * types 20h-22h), bit fields as the specification, Linux
 * (drivers/iommu/amd/amd_iommu_types.h) and coreboot (acpi_ivrs.h) define
 * them.  Every length is checked against its parent and the table: a block
 * or entry that does not fit becomes a finding and the walk stops or skips
 * it, never reading past what is there.
 */
#include <errno.h>
#include <stdio.h>

#include "acpi/ivrs.h"
#include "acpi/subtable.h"

#define HEX IOMMU_DFIELD_HEX
#define UINT IOMMU_DFIELD_UINT
#define ADDR IOMMU_DFIELD_ADDR

/* ---- the table header ---------------------------------------------------- */

/* 48882 IVRS: GVASize encodings */
static const char *const gva_sizes[] = { [2] = "48 bits" };

/* 48882 IVRS: IVinfo */
static const struct bit_desc ivinfo_bits[] = {
	{ "efr_sup", "EFRSup (EFR images valid)", 0, 1 },
	{ "dma_remap_sup", "DMA remap support", 1, 1 },
	{ "reserved_4_2", "Reserved (bits 4:2)", 2, 3, .flags = FD_RESERVED },
	{ "gva_size", "GVASize", 5, 3, NAMES(gva_sizes) },
	{ "pa_size", "PASize (bits)", 8, 7 },
	{ "va_size", "VASize (bits)", 15, 7 },
	{ "ht_ats_reserved", "HtAtsResv (ATS range reserved)", 22, 1 },
	{ "reserved_31_23", "Reserved (bits 31:23)", 23, 9, .flags = FD_RESERVED },
};

/* 48882 IVRS: the header after the ACPI header */
static const struct field_desc ivrs_fields[] = {
	{ "ivinfo", "IVinfo", 36, 4, HEX, 0, BITS(ivinfo_bits) },
	{ "reserved", "Reserved", 40, 8, HEX, FD_RESERVED },
};

/* ---- IVHD ---------------------------------------------------------------- */

/* 48882 IVRS: IVHD flags (bits 6-7 are defined for type 10h only) */
static const struct bit_desc ivhd_flag_bits[] = {
	{ "ht_tun_en", "HtTunEn", 0, 1 },
	{ "pass_pw", "PassPW", 1, 1 },
	{ "res_pass_pw", "ResPassPW", 2, 1 },
	{ "isoc", "Isoc", 3, 1 },
	{ "iotlb_sup", "IotlbSup", 4, 1 },
	{ "coherent", "Coherent", 5, 1 },
	{ "pref_sup", "PrefSup", 6, 1 },
	{ "ppr_sup", "PPRSup", 7, 1 },
};

/* 48882 IVRS: IOMMU Info */
static const struct bit_desc ivhd_info_bits[] = {
	{ "msi_num", "MSINum", 0, 5 },
	{ "reserved_7_5", "Reserved (bits 7:5)", 5, 3, .flags = FD_RESERVED },
	{ "unit_id", "UnitID", 8, 5 },
	{ "reserved_15_13", "Reserved (bits 15:13)", 13, 3, .flags = FD_RESERVED },
};

static const char *const glx_levels[] = { "1 level", "2 levels", "3 levels" };
static const char *const hats_levels[] = { "4 levels", "5 levels", "6 levels", "invalid" };
static const char *const gats_levels[] = { "4 levels", "5 levels" };

/* 48882 IVRS: IOMMU Feature Reporting (type 10h) */
static const struct bit_desc ivhd_feature_bits[] = {
	{ "xt_sup", "XTSup", 0, 1 },
	{ "nx_sup", "NXSup", 1, 1 },
	{ "gt_sup", "GTSup", 2, 1 },
	{ "glx_sup", "GLXSup", 3, 2, NAMES(glx_levels) },
	{ "ia_sup", "IASup", 5, 1 },
	{ "ga_sup", "GASup", 6, 1 },
	{ "he_sup", "HESup", 7, 1 },
	{ "pas_max", "PASmax", 8, 5 },
	{ "pn_counters", "PNCounters", 13, 4 },
	{ "pn_banks", "PNBanks", 17, 6 },
	{ "msi_num_ppr", "MSINumPPR", 23, 5 },
	{ "gats", "GATS", 28, 2, NAMES(gats_levels) },
	{ "hats", "HATS", 30, 2, NAMES(hats_levels) },
};

/*
 * 48882 IVRS: IOMMU Attributes (types 11h, 40h); HATDis as Linux reads it.
 * Bit 9 is reserved in the revisions we know, yet AMD's firmware sets it in
 * most real IVHDs (104 of the corpus's 126 tables): it is shown, not flagged,
 * until a specification names it.
 */
static const struct bit_desc ivhd_attribute_bits[] = {
	{ "hat_dis", "HATDis (no host translation)", 0, 1 },
	{ "reserved_8_1", "Reserved (bits 8:1)", 1, 8, .flags = FD_RESERVED },
	{ "undefined_9", "Undefined (bit 9, set by AMD firmware)", 9, 1 },
	{ "reserved_12_10", "Reserved (bits 12:10)", 10, 3, .flags = FD_RESERVED },
	{ "pn_counters", "PNCounters", 13, 4 },
	{ "pn_banks", "PNBanks", 17, 6 },
	{ "msi_num_ppr", "MSINumPPR", 23, 5 },
	{ "reserved_31_28", "Reserved (bits 31:28)", 28, 4, .flags = FD_RESERVED },
};

static const char *const num_int_remap[] = { "512 entries", "2048 entries" };

/*
 * 48882 Extended Feature Register (MMIO 0030h), the bits Linux and
 * coreboot name; the others stay in the raw value.
 */
static const struct bit_desc efr_bits[] = {
	{ "efr_pref_sup", "PreFSup", 0, 1 },
	{ "efr_ppr_sup", "PPRSup", 1, 1 },
	{ "efr_xt_sup", "XTSup", 2, 1 },
	{ "efr_nx_sup", "NXSup", 3, 1 },
	{ "efr_gt_sup", "GTSup", 4, 1 },
	{ "efr_ia_sup", "IASup", 6, 1 },
	{ "efr_ga_sup", "GASup", 7, 1 },
	{ "efr_he_sup", "HESup", 8, 1 },
	{ "efr_pc_sup", "PCSup", 9, 1 },
	{ "efr_hats", "HATS", 10, 2, NAMES(hats_levels) },
	{ "efr_gats", "GATS", 12, 2, NAMES(gats_levels) },
	{ "efr_glx_sup", "GLXSup", 14, 2, NAMES(glx_levels) },
	{ "efr_smif_sup", "SmiFSup", 16, 2 },
	{ "efr_smif_rc", "SmiFRC", 18, 3 },
	{ "efr_gam_sup", "GAMSup", 21, 3 },
	{ "efr_pas_max", "PASmax", 32, 5 },
	{ "efr_perf_opt_sup", "PerfOptSup", 45, 1 },
	{ "efr_msi_cap_mmio_sup", "MsiCapMmioSup", 46, 1 },
	{ "efr_gio_sup", "GIOSup", 48, 1 },
	{ "efr_ha_sup", "HASup", 49, 1 },
	{ "efr_eph_sup", "EPHSup", 50, 1 },
	{ "efr_hd_sup", "HDSup", 52, 1 },
	{ "efr_snp_sup", "SNPSup", 63, 1 },
};

/* 48882 Extended Feature 2 Register (MMIO 01A0h), the bits Linux names */
static const struct bit_desc efr2_bits[] = {
	{ "efr2_sev_snp_io_sup", "SEVSNPIOSup", 1, 1 },
	{ "efr2_gcr3_trp_mode_sup", "GCR3TRPModeSup", 3, 1 },
	{ "efr2_snp_avic_sup", "SNPAVICSup", 5, 3 },
	{ "efr2_num_int_remap_sup", "NumIntRemapSup", 8, 2, NAMES(num_int_remap) },
	{ "efr2_ht_range_ignore", "HtRangeIgnore", 11, 1 },
};

/* 48882 IVRS: IVHD, the fields every type shares */
static const struct field_desc ivhd_fields[] = {
	{ IVRS_KEY(type), "Type", 0, 1, HEX },
	{ IVRS_KEY(flags), "Flags", 1, 1, HEX, 0, BITS(ivhd_flag_bits) },
	{ "length", "Length", 2, 2, UINT },
	{ IVRS_KEY(device_id), "IOMMU Device ID", 4, 2, HEX, FD_SUMMARY },
	{ "capability_offset", "Capability Offset", 6, 2, HEX },
	{ IVRS_KEY(base_address), "IOMMU Base Address", 8, 8, ADDR, FD_SUMMARY },
	{ IVRS_KEY(pci_segment), "PCI Segment Group", 16, 2, HEX, FD_SUMMARY },
	{ "iommu_info", "IOMMU Info", 18, 2, HEX, 0, BITS(ivhd_info_bits) },
};

/* 48882 IVRS: IVHD type 10h: then the feature reporting field */
static const struct field_desc ivhd_10_fields[] = {
	{ "feature_reporting", "IOMMU Feature Reporting", 20, 4, HEX, 0, BITS(ivhd_feature_bits) },
};

/* 48882 IVRS: IVHD types 11h and 40h: attributes and the EFR images */
static const struct field_desc ivhd_11_fields[] = {
	{ "attributes", "IOMMU Attributes", 20, 4, HEX, 0, BITS(ivhd_attribute_bits) },
	{ "efr", "EFR Register Image", 24, 8, HEX, 0, BITS(efr_bits) },
	{ "efr2", "EFR2 Register Image", 32, 8, HEX, 0, BITS(efr2_bits) },
};

/* ---- IVHD device entries ------------------------------------------------- */

/* 48882 IVRS: device entry types */
static const char *const entry_names[256] = {
	[IVHD_DEV_PAD4] = "Padding",
	[IVHD_DEV_ALL] = "Select All",
	[IVHD_DEV_SELECT] = "Select",
	[IVHD_DEV_RANGE_START] = "Start of Range",
	[IVHD_DEV_RANGE_END] = "End of Range",
	[IVHD_DEV_PAD8] = "Padding",
	[IVHD_DEV_ALIAS_SELECT] = "Alias Select",
	[IVHD_DEV_ALIAS_RANGE] = "Alias Start of Range",
	[IVHD_DEV_EXT_SELECT] = "Extended Select",
	[IVHD_DEV_EXT_RANGE] = "Extended Start of Range",
	[IVHD_DEV_SPECIAL] = "Special Device",
	[IVHD_DEV_ACPI_HID] = "ACPI HID Device",
};

static const char *const sys_mgt_names[] = {
	"target abort", "passed untranslated", "INTx passed untranslated", "translated",
};

/* 48882 IVRS: DTE setting */
static const struct bit_desc dte_bits[] = {
	{ "init_pass", "INITPass", 0, 1, .flags = FD_SUMMARY },
	{ "eint_pass", "EIntPass", 1, 1, .flags = FD_SUMMARY },
	{ "nmi_pass", "NMIPass", 2, 1, .flags = FD_SUMMARY },
	{ "reserved_3", "Reserved (bit 3)", 3, 1, .flags = FD_RESERVED },
	{ "sys_mgt", "SysMgt", 4, 2, NAMES(sys_mgt_names) },
	{ "lint0_pass", "Lint0Pass", 6, 1, .flags = FD_SUMMARY },
	{ "lint1_pass", "Lint1Pass", 7, 1, .flags = FD_SUMMARY },
};

/* 48882 IVRS: Extended DTE setting (entries 46h, 47h) */
static const struct bit_desc ext_bits[] = {
	{ "reserved_30_0", "Reserved (bits 30:0)", 0, 31, .flags = FD_RESERVED },
	{ "ats_disabled", "AtsDisabled", 31, 1, .flags = FD_SUMMARY },
};

static const char *const varieties[] = { [IVHD_SPECIAL_IOAPIC] = "IOAPIC", [IVHD_SPECIAL_HPET] = "HPET" };
static const char *const uid_formats[] = {
	[IVHD_UID_NONE] = "none", [IVHD_UID_INTEGER] = "integer", [IVHD_UID_STRING] = "string",
};

/* 48882 IVRS: the first byte of every entry */
static const struct field_desc entry_type_field[] = {
	{ IVRS_KEY(type), "Entry Type", 0, 1, HEX, 0, NAMES(entry_names) },
};

/* Bytes 1-3 of 4-byte and 8-byte entries other than Special */
static const struct field_desc entry_device_fields[] = {
	{ IVRS_KEY(device_id), "Device ID", 1, 2, HEX, FD_SUMMARY },
	{ "settings", "DTE Setting", 3, 1, HEX, 0, BITS(dte_bits) },
};

/*
 * Special entries (48h) reserve bytes 1-2 (iasl calls them Device ID); they
 * are shown always, and a finding when not zero.
 */
static const struct field_desc special_head_fields[] = {
	{ "reserved", "Reserved", 1, 2, HEX },
	{ "settings", "DTE Setting", 3, 1, HEX, 0, BITS(dte_bits) },
};

/* 48882 IVRS: Alias Select and Alias Start of Range (42h, 43h) */
static const struct field_desc alias_fields[] = {
	{ "reserved_4", "Reserved (byte 4)", 4, 1, HEX, FD_RESERVED },
	{ IVRS_KEY(source_device_id), "Source Device ID (alias)", 5, 2, HEX, FD_SUMMARY },
	{ "reserved_7", "Reserved (byte 7)", 7, 1, HEX, FD_RESERVED },
};

/* 48882 IVRS: Extended Select and Extended Start of Range (46h, 47h) */
static const struct field_desc extended_fields[] = {
	{ "ext_settings", "Extended DTE Setting", 4, 4, HEX, 0, BITS(ext_bits) },
};

/* 48882 IVRS: Special Device (48h) */
static const struct field_desc special_fields[] = {
	{ "handle", "Handle", 4, 1, UINT, FD_SUMMARY },
	{ IVRS_KEY(source_device_id), "Source Device ID", 5, 2, HEX, FD_SUMMARY },
	{ IVRS_KEY(variety), "Variety", 7, 1, HEX, FD_SUMMARY, NAMES(varieties) },
};

/* Other 8-byte entries (padding 40h, undefined types): bytes 4-7 */
static const struct field_desc data8_fields[] = {
	{ "data", "Entry Data", 4, 4, HEX },
};

/* 48882 IVRS: ACPI HID device (F0h): HID and CID, eight ASCII characters or an integer each ... */
static const struct field_desc acpi_id_fields[] = {
	{ IVRS_KEY(hid), "ACPI HID", 4, 8, HEX },
	{ "cid", "ACPI CID", 12, 8, HEX },
};

/* ... then the UID's format and length */
static const struct field_desc hid_fields[] = {
	{ IVRS_KEY(uid_format), "UID Format", 20, 1, UINT, 0, NAMES(uid_formats) },
	{ IVRS_KEY(uid_length), "UID Length", 21, 1, UINT },
};

/* ... and the UID itself, a string, an integer or bytes as its format says */
static const struct field_desc uid_field[] = {
	{ IVRS_KEY(uid), "UID" },
};

/* ---- IVMD ---------------------------------------------------------------- */

/* 48882 IVRS: IVMD flags */
static const struct bit_desc ivmd_flag_bits[] = {
	{ "unity", "Unity", 0, 1, .flags = FD_SUMMARY },
	{ "ir", "IR (read)", 1, 1, .flags = FD_SUMMARY },
	{ "iw", "IW (write)", 2, 1, .flags = FD_SUMMARY },
	{ "exclusion_range", "ExclusionRange", 3, 1, .flags = FD_SUMMARY },
	{ "reserved_7_4", "Reserved (bits 7:4)", 4, 4, .flags = FD_RESERVED },
};

/* 48882 IVRS: IVMD (types 20h-22h), the segment where Linux reads it */
static const struct field_desc ivmd_fields[] = {
	{ IVRS_KEY(type), "Type", 0, 1, HEX },
	{ IVRS_KEY(flags), "Flags", 1, 1, HEX, 0, BITS(ivmd_flag_bits) },
	{ "length", "Length", 2, 2, UINT },
	{ IVRS_KEY(device_id), "Device ID", 4, 2, HEX, FD_SUMMARY },
	{ IVRS_KEY(aux_data), "Auxiliary Data", 6, 2, HEX },
	{ IVRS_KEY(pci_segment), "PCI Segment Group", 8, 2, HEX },
	{ "reserved", "Reserved", 10, 6, HEX, FD_RESERVED },
	{ "start_address", "Start Address", 16, 8, ADDR, FD_SUMMARY },
	{ "memory_length", "Memory Block Length", 24, 8, HEX, FD_SUMMARY },
};

/* Blocks of undefined types: the header Linux reads of every block */
static const struct field_desc unknown_block_fields[] = {
	{ IVRS_KEY(type), "Type", 0, 1, HEX },
	{ IVRS_KEY(flags), "Flags", 1, 1, HEX },
	{ "length", "Length", 2, 2, UINT },
	{ IVRS_KEY(device_id), "Device ID", 4, 2, HEX },
};

const struct field_descs ivrs_field_descs[] = {
	{ FIELDS(ivrs_fields) }, { FIELDS(ivhd_fields) }, { FIELDS(ivhd_10_fields) },
	{ FIELDS(ivhd_11_fields) }, { FIELDS(entry_type_field) }, { FIELDS(entry_device_fields) },
	{ FIELDS(special_head_fields) }, { FIELDS(alias_fields) }, { FIELDS(extended_fields) },
	{ FIELDS(special_fields) }, { FIELDS(data8_fields) }, { FIELDS(acpi_id_fields) },
	{ FIELDS(hid_fields) }, { FIELDS(uid_field) }, { FIELDS(ivmd_fields) },
	{ FIELDS(unknown_block_fields) }, { NULL },
};

/* ---- shared helpers ------------------------------------------------------ */

unsigned int ivhd_header_size(unsigned int type)
{
	switch (type) {
	case IVRS_IVHD_10:
		return IVHD_10_SIZE;
	case IVRS_IVHD_11:
	case IVRS_IVHD_40:
		return IVHD_11_SIZE;
	default:
		return 0;
	}
}

/*
 * 48882 IVRS: the length of the device entry at P with AVAIL bytes readable:
 * the type gives it (bits 7:6: 4, 8, 16 or 32 bytes) except for F0h, whose
 * UID length byte does.  0 when the bytes there cannot tell.
 */
static uint64_t ivhd_entry_length(const uint8_t *p, uint64_t avail)
{
	if (avail < 1)
		return 0;
	if (p[0] < 0x80)
		return 4u << (p[0] >> 6);
	if (p[0] == IVHD_DEV_ACPI_HID && avail >= IVHD_ACPI_HID_SIZE)
		return IVHD_ACPI_HID_SIZE + p[21];
	return 0;
}

const char *ivhd_entry_name(unsigned int type)
{
	return type < ARRAY_SIZE(entry_names) ? entry_names[type] : NULL;
}

const char *ivrs_bdf(uint16_t devid, char buf[static 8])
{
	snprintf(buf, 8, "%02x:%02x.%x", devid >> 8, (devid >> 3) & 0x1f, devid & 7);
	return buf;
}

/* ---- the walk ------------------------------------------------------------ */

/*
 * Decode the fields of DESC that lie inside the SPAN bytes present of the
 * structure at OFFSET; the caller has said in a finding why the rest is
 * missing.
 */
static void decode_fitting(struct decoder *d, struct iommu_dnode *node, uint64_t offset,
			   uint64_t span, const struct field_desc *desc, size_t ndesc)
{
	size_t n = 0;

	while (n < ndesc && desc[n].offset + (uint64_t)desc[n].size <= span)
		n++;
	dnode_decode(d, node, offset, span, desc, n);
}

void dfield_bdf_meaning(struct decoder *d, struct iommu_dnode *node, const char *key)
{
	struct iommu_dfield *f = node ? iommu_dnode_find_field(node, key) : NULL;
	char bdf[8];

	if (f)
		dfield_set_meaning(d, f, "%s", ivrs_bdf((uint16_t)iommu_dfield_get_u64(f), bdf));
}

/* An EISA id compressed in 32 bits ("PNP0A03"), as ACPI _HID integers are. */
void ivrs_eisa_id(uint32_t v, char out[static 8])
{
	static const char hex[] = "0123456789ABCDEF";

	out[0] = (char)('@' + ((v >> 2) & 0x1f));
	out[1] = (char)('@' + (((v & 3) << 3) | ((v >> 13) & 7)));
	out[2] = (char)('@' + ((v >> 8) & 0x1f));
	out[3] = hex[(v >> 20) & 0xf];
	out[4] = hex[(v >> 16) & 0xf];
	out[5] = hex[(v >> 28) & 0xf];
	out[6] = hex[(v >> 24) & 0xf];
	out[7] = 0;
}

/* 48882 IVRS: HID/CID: eight ASCII characters, or an integer (EISA id). */
static void acpi_id_field(struct decoder *d, struct iommu_dnode *node, uint64_t entry,
			  const struct field_desc *fd)
{
	uint64_t at = entry + fd->offset;
	const uint8_t *p = d->data + at;
	size_t len = strnlen((const char *)p, 8);
	bool text = len > 0;
	uint64_t v = get_le64(p);
	struct iommu_dfield *f;

	for (size_t i = 0; i < 8; i++)
		if (i < len ? p[i] < 0x20 || p[i] >= 0x7f : p[i] != 0)
			text = false;
	if (text) {
		dfield_set_summary(dnode_add_string(d, node, fd->key, fd->label, at, fd->size,
						    decoder_text(d, p, len)));
		return;
	}
	f = dnode_add_u64(d, node, fd->key, fd->label, fd->kind, at, fd->size, v);
	if (v && v <= UINT32_MAX) {
		char id[8];

		ivrs_eisa_id((uint32_t)v, id);
		dfield_set_meaning(d, f, "EISA id %s", id);
	} else if (!v) {
		dfield_set_meaning(d, f, "none");
	}
}

/* A UID string as ACPI writes it ("\_SB.FUR0"): printable bytes as they are. */
static char *uid_text(struct decoder *d, const uint8_t *p, size_t size)
{
	char *s = arena_alloc(d->arena, size * 4 + 1), *q = s;

	if (!s) {
		d->error = -ENOMEM;
		return NULL;
	}
	for (size_t i = 0; i < size && p[i]; i++) {
		if (p[i] >= 0x20 && p[i] < 0x7f)
			*q++ = (char)p[i];
		else
			q += sprintf(q, "\\x%02x", p[i]);
	}
	*q = 0;
	return s;
}

/* 48882 IVRS: ACPI HID device (F0h): HID, CID, UID format, length and UID. */
static void decode_acpi_hid(struct decoder *d, struct iommu_dnode *node, uint64_t at,
			    unsigned int length)
{
	const uint8_t *p = d->data + at;
	unsigned int uid_len = p[21];
	uint64_t uid_at = at + IVHD_ACPI_HID_SIZE;

	for (size_t i = 0; i < ARRAY_SIZE(acpi_id_fields); i++)
		acpi_id_field(d, node, at, &acpi_id_fields[i]);
	dnode_decode(d, node, at, length, FIELDS(hid_fields));
	if (!uid_len)
		return;
	if (p[20] == IVHD_UID_STRING)
		dfield_set_summary(dnode_add_string(d, node, uid_field->key, uid_field->label,
						    uid_at, uid_len,
						    uid_text(d, d->data + uid_at, uid_len)));
	else if (p[20] == IVHD_UID_INTEGER && uid_len <= 8)
		dfield_set_summary(dnode_add_u64(d, node, uid_field->key, uid_field->label, UINT,
						 uid_at, uid_len,
						 get_le(d->data + uid_at, uid_len)));
	else
		dnode_add_bytes(d, node, uid_field->key, uid_field->label, uid_at, uid_len);
}

/* The fields of entry TYPE after its first four bytes. */
static void decode_entry_tail(struct decoder *d, struct iommu_dnode *node, uint64_t at,
			      unsigned int type, unsigned int length)
{
	switch (type) {
	case IVHD_DEV_ALIAS_SELECT:
	case IVHD_DEV_ALIAS_RANGE:
		dnode_decode(d, node, at, length, FIELDS(alias_fields));
		dfield_bdf_meaning(d, node, IVRS_KEY(source_device_id));
		break;
	case IVHD_DEV_EXT_SELECT:
	case IVHD_DEV_EXT_RANGE:
		dnode_decode(d, node, at, length, FIELDS(extended_fields));
		break;
	case IVHD_DEV_SPECIAL:
		dnode_decode(d, node, at, length, FIELDS(special_fields));
		dfield_bdf_meaning(d, node, IVRS_KEY(source_device_id));
		break;
	case IVHD_DEV_ACPI_HID:
		decode_acpi_hid(d, node, at, length);
		break;
	default:
		if (length == 8)
			dnode_decode(d, node, at, length, FIELDS(data8_fields));
		else if (length > 4)
			dnode_add_bytes(d, node, "data", "Entry Data", at + 4, length - 4);
		break;
	}
}

static void decode_entry(struct decoder *d, struct iommu_dnode *ivhd, uint64_t at,
			 unsigned int length)
{
	unsigned int type = d->data[at];
	const char *name = ivhd_entry_name(type);
	struct iommu_dnode *node;

	if (!name)
		name = arena_printf(d->arena, "Unknown entry type %02Xh", type);
	node = dnode_add(d, ivhd, "device_entry", name, at, length);
	dnode_decode(d, node, at, length, FIELDS(entry_type_field));
	if (type == IVHD_DEV_SPECIAL) {
		dnode_decode(d, node, at, length, FIELDS(special_head_fields));
		if (get_le16(d->data + at + 1))
			decoder_finding(d, &check_reserved_nonzero, at + 1,
					"Special Device entry at 0x%llx: reserved bytes 1-2 are 0x%04x, must be zero",
					(unsigned long long)at, get_le16(d->data + at + 1));
	} else {
		dnode_decode(d, node, at, length, FIELDS(entry_device_fields));
		dfield_bdf_meaning(d, node, IVRS_KEY(device_id));
	}
	decode_entry_tail(d, node, at, type, length);
}

/* A walk over the device entries of one IVHD. */
struct entries_ctx {
	struct decoder *d;
	struct iommu_dnode *ivhd;
	uint64_t block, length;		/* the IVHD's offset and Length */
};

static void entry_handle(void *ctx, const struct subtable *s)
{
	struct entries_ctx *c = ctx;

	decode_entry(c->d, c->ivhd, s->offset, (unsigned int)s->length);
}

static void entry_report(void *ctx, enum subtable_problem problem, const struct subtable *s)
{
	struct entries_ctx *c = ctx;
	struct decoder *d = c->d;
	const char *title = iommu_dnode_get_title(c->ivhd);
	unsigned long long at = s->offset, block = c->block, end = c->block + c->length;
	unsigned int type = d->data[at];
	struct iommu_dnode *node;

	switch (problem) {
	case SUBTABLE_ZERO_LENGTH:
		if (type == IVHD_DEV_ACPI_HID) {
			decoder_finding(d, &ivrs_checks[IVRS_ENTRY_OVERRUN], at,
					"%s at 0x%llx: the ACPI HID entry at 0x%llx is cut by the end of the IVHD at 0x%llx",
					title, block, at, end);
			break;
		}
		node = dnode_add(d, c->ivhd, "device_entry",
				 arena_printf(d->arena, "Unknown entry type %02Xh", type), at, s->left);
		decoder_finding(d, &ivrs_checks[IVRS_ENTRY_UNKNOWN_LENGTH], at,
				"%s at 0x%llx: device entry type %02Xh at 0x%llx has no defined length; the entries after it are not decoded",
				title, block, type, at);
		dnode_decode(d, node, at, s->left, FIELDS(entry_type_field));
		if (s->left > 1)
			dnode_add_bytes(d, node, "data", "Undecoded Bytes", at + 1,
					(unsigned int)(s->left - 1));
		break;
	case SUBTABLE_OVERRUN:
		node = dnode_add(d, c->ivhd, "device_entry", "Cut entry", at, s->left);
		decoder_finding(d, &ivrs_checks[IVRS_ENTRY_OVERRUN], at,
				"%s at 0x%llx: the %llu-byte entry at 0x%llx runs %llu byte(s) past the end of the IVHD (Length %llu)",
				title, block, (unsigned long long)s->length, at,
				at + s->length - end, (unsigned long long)c->length);
		dnode_add_bytes(d, node, "data", "Entry Bytes", at, (unsigned int)s->left);
		break;
	case SUBTABLE_UNKNOWN_TYPE:
		decoder_finding(d, &ivrs_checks[IVRS_ENTRY_UNKNOWN_TYPE], at,
				"%s at 0x%llx: device entry at 0x%llx has undefined type %02Xh (Linux ignores it)",
				title, block, at, type);
		break;
	default:
		break;	/* the table ends inside the entry: already a finding */
	}
}

/* 48882 IVRS: the device entry types; their lengths follow from the type. */
static const struct subtable_type entry_types[] = {
	{ IVHD_DEV_PAD4, 0, entry_handle },
	{ IVHD_DEV_ALL, 0, entry_handle },
	{ IVHD_DEV_SELECT, 0, entry_handle },
	{ IVHD_DEV_RANGE_START, 0, entry_handle },
	{ IVHD_DEV_RANGE_END, 0, entry_handle },
	{ IVHD_DEV_PAD8, 0, entry_handle },
	{ IVHD_DEV_ALIAS_SELECT, 0, entry_handle },
	{ IVHD_DEV_ALIAS_RANGE, 0, entry_handle },
	{ IVHD_DEV_EXT_SELECT, 0, entry_handle },
	{ IVHD_DEV_EXT_RANGE, 0, entry_handle },
	{ IVHD_DEV_SPECIAL, 0, entry_handle },
	{ IVHD_DEV_ACPI_HID, 0, entry_handle },
};

static const struct subtable_walk entry_walk = {
	.type_offset = 0, .type_size = 1, .length = ivhd_entry_length,
	.header_size = 1, .min_length = 1,
	.types = entry_types, .ntypes = ARRAY_SIZE(entry_types),
	.handle_unknown = entry_handle,
	.check_types = true,
	.overrun_unhandled = true,
	.report = entry_report,
};

/*
 * 48882 IVRS: the device entries from the end of the IVHD's fixed part to
 * its end (its Length), which must be where the last entry ends.
 */
static void decode_entries(struct decoder *d, struct iommu_dnode *ivhd, uint64_t block,
			   uint64_t length, unsigned int type)
{
	struct entries_ctx c = { d, ivhd, block, length };

	subtables_walk(d, &entry_walk, block + ivhd_header_size(type), block + length, &c);
}

static const char *block_title(struct decoder *d, unsigned int type)
{
	switch (type) {
	case IVRS_IVHD_10:
		return "IVHD type 10h";
	case IVRS_IVHD_11:
		return "IVHD type 11h";
	case IVRS_IVHD_40:
		return "IVHD type 40h";
	case IVRS_IVMD_ALL:
		return "IVMD type 20h (all devices)";
	case IVRS_IVMD_SELECT:
		return "IVMD type 21h (one device)";
	case IVRS_IVMD_RANGE:
		return "IVMD type 22h (device range)";
	default:
		return arena_printf(d->arena, "Unknown block type %02Xh", type);
	}
}

/* 48882 IVRS: IVHD: SPAN of its LENGTH bytes are in the table. */
static void decode_ivhd(struct decoder *d, uint64_t at, uint64_t length, uint64_t span,
			unsigned int type)
{
	struct iommu_dnode *node = dnode_add(d, d->root, "ivhd", block_title(d, type), at, span);

	decode_fitting(d, node, at, span, FIELDS(ivhd_fields));
	if (type == IVRS_IVHD_10)
		decode_fitting(d, node, at, span, FIELDS(ivhd_10_fields));
	else
		decode_fitting(d, node, at, span, FIELDS(ivhd_11_fields));
	dfield_bdf_meaning(d, node, IVRS_KEY(device_id));
	if (length >= ivhd_header_size(type))
		decode_entries(d, node, at, length, type);
}

/* 48882 IVRS: IVMD */
static void decode_ivmd(struct decoder *d, uint64_t at, uint64_t span, unsigned int type)
{
	struct iommu_dnode *node = dnode_add(d, d->root, "ivmd", block_title(d, type), at, span);

	decode_fitting(d, node, at, span, FIELDS(ivmd_fields));
	dfield_bdf_meaning(d, node, IVRS_KEY(device_id));
	if (type == IVRS_IVMD_RANGE)
		dfield_bdf_meaning(d, node, IVRS_KEY(aux_data));
}

static void decode_unknown_block(struct decoder *d, uint64_t at, uint64_t span, unsigned int type)
{
	struct iommu_dnode *node = dnode_add(d, d->root, "unknown_block", block_title(d, type), at,
					     span);

	decode_fitting(d, node, at, span, FIELDS(unknown_block_fields));
	if (span > 6)
		dnode_add_bytes(d, node, "data", "Block Data", at + 6, (unsigned int)(span - 6));
}

static void ivhd_handle(void *ctx, const struct subtable *s)
{
	decode_ivhd(ctx, s->offset, s->length, s->span, s->type);
}

static void ivmd_handle(void *ctx, const struct subtable *s)
{
	decode_ivmd(ctx, s->offset, s->span, s->type);
}

static void unknown_block_handle(void *ctx, const struct subtable *s)
{
	decode_unknown_block(ctx, s->offset, s->span, s->type);
}

static void block_report(void *ctx, enum subtable_problem problem, const struct subtable *s)
{
	struct decoder *d = ctx;
	unsigned long long at = s->offset, length = s->length, left = s->left;

	switch (problem) {
	case SUBTABLE_TRAILING:
		decoder_finding(d, &ivrs_checks[IVRS_BLOCK_TRAILING], at,
				"%llu byte(s) after the last block at 0x%llx are too few for a block header",
				left, at);
		break;
	case SUBTABLE_ZERO_LENGTH:
		decoder_finding(d, &ivrs_checks[IVRS_BLOCK_ZERO_LENGTH], at,
				"block type %02Xh at 0x%llx has Length %llu, less than its 4-byte header; the blocks after it are not decoded",
				s->type, at, length);
		break;
	case SUBTABLE_OVERRUN:
		decoder_finding(d, &ivrs_checks[IVRS_BLOCK_OVERRUN], at,
				"block type %02Xh at 0x%llx has Length %llu but only %llu byte(s) of the table follow it",
				s->type, at, length, left);
		break;
	case SUBTABLE_TOO_SHORT:
		decoder_finding(d, &ivrs_checks[IVRS_BLOCK_TOO_SHORT], at,
				"%s at 0x%llx has Length %llu, less than its %u bytes of fixed fields",
				block_title(d, s->type), at, length, s->desc->min_length);
		break;
	case SUBTABLE_UNKNOWN_TYPE:
		decoder_finding(d, &ivrs_checks[IVRS_BLOCK_UNKNOWN_TYPE], at,
				"block at 0x%llx has undefined type %02Xh; skipped by its Length", at, s->type);
		break;
	case SUBTABLE_CUT:
		break;
	}
}

/* 48882 IVRS: the block types and their fixed fields. */
static const struct subtable_type block_types[] = {
	{ IVRS_IVHD_10, IVHD_10_SIZE, ivhd_handle },
	{ IVRS_IVHD_11, IVHD_11_SIZE, ivhd_handle },
	{ IVRS_IVHD_40, IVHD_11_SIZE, ivhd_handle },
	{ IVRS_IVMD_ALL, IVMD_SIZE, ivmd_handle },
	{ IVRS_IVMD_SELECT, IVMD_SIZE, ivmd_handle },
	{ IVRS_IVMD_RANGE, IVMD_SIZE, ivmd_handle },
};

/* 48882 IVRS: blocks back to back from byte 48 to the end of the table. */
static const struct subtable_walk block_walk = {
	.type_offset = 0, .type_size = 1, .length_offset = 2, .length_size = 2,
	.header_size = 4, .min_length = 4,
	.types = block_types, .ntypes = ARRAY_SIZE(block_types),
	.handle_unknown = unknown_block_handle,
	.check_types = true,
	.report = block_report,
};

int ivrs_decode(struct iommu_table *table, struct iommu_dnode **ret_root)
{
	struct decoder d;
	int r = decoder_init(&d, table, "ivrs", "IVRS", "AMD IOMMU 48882: IVRS");

	if (r < 0)
		return r;
	acpi_header_decode(&d, d.root);
	dnode_decode(&d, d.root, 0, d.size, FIELDS(ivrs_fields));
	subtables_walk(&d, &block_walk, IVRS_HEADER_SIZE, d.size, &d);
	return decoder_finish(&d, ret_root);
}
