// SPDX-License-Identifier: MIT
/*
 * The SMMUv3 identification registers as data: SMMU_IDR0..SMMU_IDR5 (Arm
 * IHI 0070 §6.3.1-§6.3.6), each field one line of a table, decoded by the
 * field engine so that render_dnode shows them.  Field positions as Linux's
 * drivers/iommu/arm/arm-smmu-v3/arm-smmu-v3.h reads them.  Linux exposes no
 * IDR in sysfs; the values come from iommufd's IOMMU_GET_HW_INFO, a
 * register dump or a debugger.
 */
#include <errno.h>

#include "internal.h"

#define REF "Arm IHI 0070 §6.3"

static const char *const ttf_names[] = { "reserved", "AArch32 (LPAE)", "AArch64",
					 "AArch32 and AArch64" };
static const char *const httu_names[] = { "none", "Access flag", "Access flag and dirty state",
					  "Access flag, dirty state and HAFT" };
static const char *const ttendian_names[] = { "mixed", "reserved", "little-endian",
					      "big-endian" };
static const char *const stall_names[] = { "stall and terminate", "terminate only",
					   "stall forced", "reserved" };
static const char *const st_level_names[] = { "linear", "2-level", "reserved", "reserved" };

/* Arm IHI 0070 §6.3.1 SMMU_IDR0 */
static const struct bit_desc idr0_bits[] = {
	{ "s2p", "Stage 2 translation (S2P)", 0, 1, .flags = FD_SUMMARY },
	{ "s1p", "Stage 1 translation (S1P)", 1, 1, .flags = FD_SUMMARY },
	{ "ttf", "Translation table formats (TTF)", 2, 2, NAMES(ttf_names) },
	{ "cohacc", "Coherent access (COHACC)", 4, 1, .flags = FD_SUMMARY },
	{ "httu", "Hardware table updates (HTTU)", 6, 2, NAMES(httu_names) },
	{ "hyp", "Hypervisor stage 1 (HYP)", 9, 1, .flags = FD_SUMMARY },
	{ "ats", "PCIe ATS (ATS)", 10, 1, .flags = FD_SUMMARY },
	{ "asid16", "16-bit ASID (ASID16)", 12, 1, .flags = FD_SUMMARY },
	{ "msi", "MSI interrupts (MSI)", 13, 1, .flags = FD_SUMMARY },
	{ "sev", "Send event (SEV)", 14, 1 },
	{ "pri", "PCIe PRI (PRI)", 16, 1, .flags = FD_SUMMARY },
	{ "vmid16", "16-bit VMID (VMID16)", 18, 1, .flags = FD_SUMMARY },
	{ "cd2l", "2-level context descriptor tables (CD2L)", 19, 1, .flags = FD_SUMMARY },
	{ "ttendian", "Translation table endianness (TTENDIAN)", 21, 2, NAMES(ttendian_names) },
	{ "stall_model", "Stall model (STALL_MODEL)", 24, 2, NAMES(stall_names) },
	{ "st_level", "Stream table format (ST_LEVEL)", 27, 2, NAMES(st_level_names) },
};

/* Arm IHI 0070 §6.3.2 SMMU_IDR1 */
static const struct bit_desc idr1_bits[] = {
	{ "sidsize", "StreamID bits (SIDSIZE)", 0, 6, .flags = FD_SUMMARY },
	{ "ssidsize", "SubstreamID bits (SSIDSIZE)", 6, 5, .flags = FD_SUMMARY },
	{ "priqs", "PRI queue size, log2 (PRIQS)", 11, 5 },
	{ "eventqs", "Event queue size, log2 (EVENTQS)", 16, 5 },
	{ "cmdqs", "Command queue size, log2 (CMDQS)", 21, 5 },
	{ "attr_types_ovr", "Attribute types override (ATTR_TYPES_OVR)", 27, 1 },
	{ "rel", "Relative base pointers (REL)", 28, 1 },
	{ "queues_preset", "Queue bases fixed (QUEUES_PRESET)", 29, 1 },
	{ "tables_preset", "Table bases fixed (TABLES_PRESET)", 30, 1 },
};

/* Arm IHI 0070 §6.3.3 SMMU_IDR2 */
static const struct bit_desc idr2_bits[] = {
	{ "ba_vatos", "VATOS page base address (BA_VATOS)", 0, 10 },
};

static const char *const bbml_names[] = { "level 0", "level 1", "level 2", "reserved" };

/* Arm IHI 0070 §6.3.4 SMMU_IDR3 */
static const struct bit_desc idr3_bits[] = {
	{ "fwb", "Stage 2 forced write-back (FWB)", 8, 1, .flags = FD_SUMMARY },
	{ "ril", "Range invalidation (RIL)", 10, 1, .flags = FD_SUMMARY },
	{ "bbml", "Break-before-make level (BBML)", 11, 2, NAMES(bbml_names) },
};

static const char *const oas_names[] = { "32 bits", "36 bits", "40 bits", "42 bits",
					 "44 bits", "48 bits", "52 bits", "reserved" };
static const char *const vax_names[] = { "48-bit VA", "52-bit VA", "reserved", "reserved" };

/* Arm IHI 0070 §6.3.6 SMMU_IDR5 */
static const struct bit_desc idr5_bits[] = {
	{ "oas", "Output address size (OAS)", 0, 3, NAMES(oas_names), .flags = FD_SUMMARY },
	{ "gran4k", "4 KiB granule (GRAN4K)", 4, 1, .flags = FD_SUMMARY },
	{ "gran16k", "16 KiB granule (GRAN16K)", 5, 1, .flags = FD_SUMMARY },
	{ "gran64k", "64 KiB granule (GRAN64K)", 6, 1, .flags = FD_SUMMARY },
	{ "vax", "Virtual address extension (VAX)", 10, 2, NAMES(vax_names) },
	{ "stall_max", "Outstanding stalls (STALL_MAX)", 16, 16 },
};

#define IDR_FIELD(n, bits) \
	{ SMMU_REG_KEY(value), "SMMU_IDR" #n, 0, 4, IOMMU_DFIELD_HEX, 0, BITS(bits) }

static const struct field_desc idr0_fields[] = { IDR_FIELD(0, idr0_bits) };
static const struct field_desc idr1_fields[] = { IDR_FIELD(1, idr1_bits) };
static const struct field_desc idr2_fields[] = { IDR_FIELD(2, idr2_bits) };
static const struct field_desc idr3_fields[] = { IDR_FIELD(3, idr3_bits) };
static const struct field_desc idr4_fields[] = {
	{ SMMU_REG_KEY(value), "SMMU_IDR4 (IMPLEMENTATION DEFINED)", 0, 4, IOMMU_DFIELD_HEX },
};
static const struct field_desc idr5_fields[] = { IDR_FIELD(5, idr5_bits) };

const struct field_descs smmu_reg_field_descs[] = {
	{ FIELDS(idr0_fields) }, { FIELDS(idr1_fields) }, { FIELDS(idr2_fields) },
	{ FIELDS(idr3_fields) }, { FIELDS(idr4_fields) }, { FIELDS(idr5_fields) }, { NULL },
};

static const struct {
	const char *kind, *title;
	const struct field_desc *fields;
} idrs[6] = {
	{ "idr0", "SMMU_IDR0 (IHI 0070 §6.3.1)", idr0_fields },
	{ "idr1", "SMMU_IDR1 (IHI 0070 §6.3.2)", idr1_fields },
	{ "idr2", "SMMU_IDR2 (IHI 0070 §6.3.3)", idr2_fields },
	{ "idr3", "SMMU_IDR3 (IHI 0070 §6.3.4)", idr3_fields },
	{ "idr4", "SMMU_IDR4 (IHI 0070 §6.3.5)", idr4_fields },
	{ "idr5", "SMMU_IDR5 (IHI 0070 §6.3.6)", idr5_fields },
};

/* Arm IHI 0070 §6.3.1-§6.3.6 SMMU_IDR0..SMMU_IDR5 */
IOMMU_EXPORT int iommu_smmuv3_idr_decode(const uint32_t idr[6], struct iommu_dnode **ret_root)
{
	uint8_t bytes[24];
	struct decoder d;
	int r;

	for (int i = 0; i < 6; i++)
		for (int b = 0; b < 4; b++)
			bytes[4 * i + b] = (uint8_t)(idr[i] >> (8 * b));
	r = decoder_init_data(&d, bytes, sizeof(bytes), "SMMUv3", "smmuv3_registers",
			      "SMMUv3 Identification Registers", REF);
	if (r < 0)
		return r;
	for (unsigned int i = 0; i < 6; i++) {
		struct iommu_dnode *node = dnode_add(&d, NULL, idrs[i].kind, idrs[i].title, 4 * i, 4);

		dnode_decode(&d, node, 4 * i, 4, idrs[i].fields, 1);
		if (node)
			dfield_set_summary(iommu_dnode_find_field(node, SMMU_REG_KEY(value)));
	}
	d.data = NULL;
	d.size = 0;
	return decoder_finish(&d, ret_root);
}
