// SPDX-License-Identifier: MIT
/*
 * The AMD-Vi device table entry as data (AMD IOMMU 48882 §2.2.2.1, Table
 * 7): each 64-bit word a field, each bit field one line, decoded by the
 * field engine so that render_dnode shows them.  Field positions as
 * Linux's amd_iommu_types.h (DTE_*, DEV_ENTRY_*) and the specification.
 */
#include <errno.h>

#include "internal.h"

static const char *const mode_names[] = { "no translation", "1 level", "2 levels", "3 levels",
					  "4 levels", "5 levels", "6 levels", "reserved" };
static const char *const glx_names[] = { "1-level GCR3 table", "2-level GCR3 table",
					 "3-level GCR3 table", "reserved" };
static const char *const ioctl_names[] = { "port I/O aborted", "port I/O forwarded",
					   "port I/O translated", "reserved" };
static const char *const sysmgt_names[] = { "target abort", "forwarded untranslated",
					    "INTx forwarded", "translated" };
static const char *const inttablen_names[] = { "1 entry", "2 entries", "4 entries", "8 entries",
					       "16 entries", "32 entries", "64 entries",
					       "128 entries", "256 entries", "512 entries",
					       "1024 entries", "2048 entries", "reserved",
					       "reserved", "reserved", "reserved" };
static const char *const intctl_names[] = { "fixed/arbitrated aborted", "forwarded unmapped",
					    "remapped", "reserved" };
static const char *const gpt_names[] = { "4-level guest tables", "5-level guest tables",
					 "reserved", "reserved" };

/* AMD IOMMU 48882 §2.2.2.1 Table 7 Device Table Entry */
static const struct bit_desc dte0_bits[] = {
	{ "v", "Valid (V)", 0, 1, .flags = FD_SUMMARY },
	{ "tv", "Translation information valid (TV)", 1, 1, .flags = FD_SUMMARY },
	{ "reserved", "Reserved", 2, 5, .flags = FD_RESERVED },
	{ "had", "Host access/dirty update (HAD)", 7, 2 },
	{ "mode", "Host page table levels (Mode)", 9, 3, NAMES(mode_names), .flags = FD_SUMMARY },
	{ "pt_root", "Host page table root >> 12", 12, 40 },
	{ "ppr", "Peripheral page requests (PPR)", 52, 1 },
	{ "gprp", "Guest PPR response with PASID (GPRP)", 53, 1 },
	{ "giov", "Guest I/O protection: PASID 0 for untagged requests (GIoV)", 54, 1 },
	{ "gv", "Guest translation valid (GV)", 55, 1, .flags = FD_SUMMARY },
	{ "glx", "GCR3 table levels (GLX)", 56, 2, NAMES(glx_names) },
	{ "gcr3_lo", "GCR3 table root bits 14:12", 58, 3 },
	{ "ir", "Read permission (IR)", 61, 1, .flags = FD_SUMMARY },
	{ "iw", "Write permission (IW)", 62, 1, .flags = FD_SUMMARY },
	{ "reserved63", "Reserved", 63, 1, .flags = FD_RESERVED },
};
static const struct bit_desc dte1_bits[] = {
	{ "domain_id", "Domain ID", 0, 16, .flags = FD_SUMMARY },
	{ "gcr3_mid", "GCR3 table root bits 30:15", 16, 16 },
	{ "i", "IOTLB enable (I)", 32, 1 },
	{ "se", "Suppress repeated I/O page faults (SE)", 33, 1 },
	{ "sa", "Suppress all I/O page faults (SA)", 34, 1 },
	{ "ioctl", "Port I/O (IoCtl)", 35, 2, NAMES(ioctl_names) },
	{ "cache", "IOTLB cache hint (Cache)", 37, 1 },
	{ "sd", "Snoop disable (SD)", 38, 1 },
	{ "ex", "Exclusion range allowed (EX)", 39, 1 },
	{ "sysmgt", "System management messages (SysMgt)", 40, 2, NAMES(sysmgt_names) },
	{ "reserved", "Reserved", 42, 1, .flags = FD_RESERVED },
	{ "gcr3_hi", "GCR3 table root bits 51:31", 43, 21 },
};
static const struct bit_desc dte2_bits[] = {
	{ "iv", "Interrupt map valid (IV)", 0, 1, .flags = FD_SUMMARY },
	{ "inttablen", "Interrupt table length (IntTabLen)", 1, 4, NAMES(inttablen_names) },
	{ "ig", "Ignore unmapped interrupts (IG)", 5, 1 },
	{ "int_table_root", "Interrupt table root >> 6", 6, 46 },
	{ "gpt_level", "Guest paging mode", 54, 2, NAMES(gpt_names) },
	{ "initpass", "INIT passed through (InitPass)", 56, 1 },
	{ "eintpass", "ExtInt passed through (EIntPass)", 57, 1 },
	{ "nmipass", "NMI passed through (NMIPass)", 58, 1 },
	{ "intctl", "Interrupt control (IntCtl)", 60, 2, NAMES(intctl_names) },
	{ "lint0pass", "LINT0 passed through (Lint0Pass)", 62, 1 },
	{ "lint1pass", "LINT1 passed through (Lint1Pass)", 63, 1 },
};
static const struct bit_desc dte3_bits[] = {
	{ "attrv", "Attribute override (AttrV)", 54, 1 },
	{ "mode0fc", "Mode 0 force coherent (Mode0FC)", 55, 1 },
	{ "snoop_attr", "Snoop attribute", 56, 8 },
};

#define WORD(n, title, bits) \
	{ "word" #n, title, 8 * (n), 8, IOMMU_DFIELD_HEX, 0, BITS(bits) }

static const struct field_desc dte_fields[] = {
	WORD(0, "DTE[63:0]", dte0_bits),
	WORD(1, "DTE[127:64]", dte1_bits),
	WORD(2, "DTE[191:128]", dte2_bits),
	WORD(3, "DTE[255:192]", dte3_bits),
};

IOMMU_EXPORT int iommu_amdvi_dte_decode(const uint64_t dte[4], struct iommu_dnode **ret_root)
{
	uint8_t bytes[32];
	struct decoder d;
	int r;

	for (unsigned int i = 0; i < 32; i++)
		bytes[i] = (uint8_t)(dte[i / 8] >> (8 * (i % 8)));
	r = decoder_init_data(&d, bytes, sizeof(bytes), "AMD-Vi", "dte", "Device Table Entry",
			      "AMD IOMMU 48882 §2.2.2.1");
	if (r < 0)
		return r;
	dnode_decode(&d, d.root, 0, sizeof(bytes), FIELDS(dte_fields));
	d.data = NULL;
	d.size = 0;
	return decoder_finish(&d, ret_root);
}
