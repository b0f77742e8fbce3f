// SPDX-License-Identifier: MIT
/*
 * The SMMUv3 stream table entry and context descriptor as data (Arm IHI
 * 0070 §5.2, §5.4): each 64-bit word a field, each bit field one line,
 * decoded by the field engine so that render_dnode shows them.  Field
 * positions as Linux's arm-smmu-v3.h (STRTAB_STE_*, CTXDESC_CD_*) and the
 * specification give them.
 */
#include <errno.h>

#include "internal.h"

static const char *const config_names[] = {
	"abort", "abort (reserved)", "abort (reserved)", "abort (reserved)",
	"bypass", "stage 1", "stage 2", "stage 1 and stage 2 (nested)",
};
static const char *const s1fmt_names[] = { "linear CD table", "2-level, 4KB leaf tables",
					   "2-level, 64KB leaf tables", "reserved (linear)" };
static const char *const s1dss_names[] = { "terminate", "bypass stage 1", "use substream 0",
					   "reserved (terminate)" };
static const char *const eats_names[] = { "ATS disabled", "full ATS", "split-stage ATS",
					  "full ATS with DPT checks" };
static const char *const strw_names[] = { "NS-EL1", "reserved", "NS-EL2", "reserved" };
static const char *const shcfg_names[] = { "non-shareable", "incoming", "outer shareable",
					   "inner shareable" };
static const char *const tg_names[] = { "4KB", "64KB", "16KB", "reserved" };
static const char *const tg1_names[] = { "reserved", "16KB", "4KB", "64KB" };
static const char *const ps_names[] = { "32 bits", "36 bits", "40 bits", "42 bits",
					"44 bits", "48 bits", "52 bits", "56 bits" };
static const char *const cache_names[] = { "non-cacheable", "write-back, read-allocate",
					   "write-through, read-allocate",
					   "write-back, no read-allocate" };
static const char *const sh_names[] = { "non-shareable", "reserved", "outer shareable",
					"inner shareable" };

/* Arm IHI 0070 §5.2 STE, words 0-3 (words 4-7 hold Secure, MPAM and implementation fields) */
static const struct bit_desc ste0_bits[] = {
	{ "v", "Valid (V)", 0, 1, .flags = FD_SUMMARY },
	{ "config", "Config", 1, 3, NAMES(config_names), .flags = FD_SUMMARY },
	{ "s1fmt", "Stage 1 format (S1Fmt)", 4, 2, NAMES(s1fmt_names) },
	{ "s1contextptr", "S1ContextPtr >> 6", 6, 46 },
	{ "s1cdmax", "CDs, log2 (S1CDMax)", 59, 5, .flags = FD_SUMMARY },
};
static const struct bit_desc ste1_bits[] = {
	{ "s1dss", "Default substream (S1DSS)", 0, 2, NAMES(s1dss_names) },
	{ "s1cir", "CD fetch inner cacheability (S1CIR)", 2, 2, NAMES(cache_names) },
	{ "s1cor", "CD fetch outer cacheability (S1COR)", 4, 2, NAMES(cache_names) },
	{ "s1csh", "CD fetch shareability (S1CSH)", 6, 2, NAMES(sh_names) },
	{ "cont", "Contiguous STEs, log2 (CONT)", 13, 4 },
	{ "ppar", "PRI auto-responses with PASID (PPAR)", 18, 1 },
	{ "mev", "Merge events (MEV)", 19, 1 },
	{ "s1mpam", "Stage 1 MPAM (S1MPAM)", 26, 1 },
	{ "s1stalld", "Stage 1 stalls disabled (S1STALLD)", 27, 1 },
	{ "eats", "ATS (EATS)", 28, 2, NAMES(eats_names), .flags = FD_SUMMARY },
	{ "strw", "StreamWorld (STRW)", 30, 2, NAMES(strw_names) },
	{ "memattr", "Memory attribute override (MemAttr)", 32, 4 },
	{ "mtcfg", "Memory type override (MTCFG)", 36, 1 },
	{ "alloccfg", "Allocation hints override (ALLOCCFG)", 37, 4 },
	{ "shcfg", "Shareability (SHCFG)", 44, 2, NAMES(shcfg_names) },
	{ "nscfg", "Non-secure attribute (NSCFG)", 46, 2 },
	{ "privcfg", "Privilege (PRIVCFG)", 48, 2 },
	{ "instcfg", "Instruction/data (INSTCFG)", 50, 2 },
};
static const struct bit_desc ste2_bits[] = {
	{ "s2vmid", "VMID (S2VMID)", 0, 16, .flags = FD_SUMMARY },
	{ "s2t0sz", "Stage 2 input size, 64 - bits (S2T0SZ)", 32, 6 },
	{ "s2sl0", "Stage 2 start level (S2SL0)", 38, 2 },
	{ "s2ir0", "Stage 2 walk inner cacheability (S2IR0)", 40, 2, NAMES(cache_names) },
	{ "s2or0", "Stage 2 walk outer cacheability (S2OR0)", 42, 2, NAMES(cache_names) },
	{ "s2sh0", "Stage 2 walk shareability (S2SH0)", 44, 2, NAMES(sh_names) },
	{ "s2tg", "Stage 2 granule (S2TG)", 46, 2, NAMES(tg_names) },
	{ "s2ps", "Stage 2 output size (S2PS)", 48, 3, NAMES(ps_names) },
	{ "s2aa64", "Stage 2 VMSAv8-64 tables (S2AA64)", 51, 1 },
	{ "s2endi", "Stage 2 big-endian (S2ENDI)", 52, 1 },
	{ "s2affd", "Stage 2 access flag faults disabled (S2AFFD)", 53, 1 },
	{ "s2ptw", "Protected table walk (S2PTW)", 54, 1 },
	{ "s2hd", "Stage 2 hardware dirty update (S2HD)", 55, 1 },
	{ "s2ha", "Stage 2 hardware access flag update (S2HA)", 56, 1 },
	{ "s2s", "Stage 2 faults stall (S2S)", 57, 1 },
	{ "s2r", "Stage 2 faults recorded (S2R)", 58, 1 },
};
static const struct bit_desc ste3_bits[] = {
	{ "s2sl0_2", "Stage 2 start level bit 2 (S2SL0_2)", 2, 1 },
	{ "s2ds", "Stage 2 52-bit 4K/16K (S2DS)", 3, 1 },
	{ "s2ttb", "S2TTB >> 4", 4, 48 },
};

#define WORD(n, title, bits) \
	{ "word" #n, title, 8 * (n), 8, IOMMU_DFIELD_HEX, 0, BITS(bits) }

static const struct field_desc ste_fields[] = {
	WORD(0, "STE[63:0]", ste0_bits),
	WORD(1, "STE[127:64]", ste1_bits),
	WORD(2, "STE[191:128]", ste2_bits),
	WORD(3, "STE[255:192]", ste3_bits),
	{ "word4", "STE[319:256]", 32, 8, IOMMU_DFIELD_HEX },
	{ "word5", "STE[383:320]", 40, 8, IOMMU_DFIELD_HEX },
	{ "word6", "STE[447:384]", 48, 8, IOMMU_DFIELD_HEX },
	{ "word7", "STE[511:448]", 56, 8, IOMMU_DFIELD_HEX },
};

/* Arm IHI 0070 §5.4 CD, words 0-3 (words 4-7: attributes, MPAM, permission indirection) */
static const struct bit_desc cd0_bits[] = {
	{ "t0sz", "TTB0 input size, 64 - bits (T0SZ)", 0, 6 },
	{ "tg0", "TTB0 granule (TG0)", 6, 2, NAMES(tg_names) },
	{ "ir0", "TTB0 walk inner cacheability (IR0)", 8, 2, NAMES(cache_names) },
	{ "or0", "TTB0 walk outer cacheability (OR0)", 10, 2, NAMES(cache_names) },
	{ "sh0", "TTB0 walk shareability (SH0)", 12, 2, NAMES(sh_names) },
	{ "epd0", "TTB0 walks disabled (EPD0)", 14, 1 },
	{ "endi", "Big-endian tables (ENDI)", 15, 1 },
	{ "t1sz", "TTB1 input size, 64 - bits (T1SZ)", 16, 6 },
	{ "tg1", "TTB1 granule (TG1)", 22, 2, NAMES(tg1_names) },
	{ "ir1", "TTB1 walk inner cacheability (IR1)", 24, 2, NAMES(cache_names) },
	{ "or1", "TTB1 walk outer cacheability (OR1)", 26, 2, NAMES(cache_names) },
	{ "sh1", "TTB1 walk shareability (SH1)", 28, 2, NAMES(sh_names) },
	{ "epd1", "TTB1 walks disabled (EPD1)", 30, 1 },
	{ "v", "Valid (V)", 31, 1, .flags = FD_SUMMARY },
	{ "ips", "Output size (IPS)", 32, 3, NAMES(ps_names) },
	{ "affd", "Access flag faults disabled (AFFD)", 35, 1 },
	{ "wxn", "Write implies execute-never (WXN)", 36, 1 },
	{ "uwxn", "Unprivileged write implies execute-never (UWXN)", 37, 1 },
	{ "tbi0", "TTB0 top byte ignored (TBI0)", 38, 1 },
	{ "tbi1", "TTB1 top byte ignored (TBI1)", 39, 1 },
	{ "pan", "Privileged access never (PAN)", 40, 1 },
	{ "aa64", "VMSAv8-64 tables (AA64)", 41, 1 },
	{ "hd", "Hardware dirty update (HD)", 42, 1 },
	{ "ha", "Hardware access flag update (HA)", 43, 1 },
	{ "s", "Faults stall (S)", 44, 1 },
	{ "r", "Faults recorded (R)", 45, 1 },
	{ "a", "Faults abort (A)", 46, 1 },
	{ "aset", "ASID not shared with the CPUs (ASET)", 47, 1 },
	{ "asid", "ASID", 48, 16, .flags = FD_SUMMARY },
};
static const struct bit_desc cd1_bits[] = {
	{ "nscfg0", "TTB0 walk non-secure (NSCFG0)", 0, 1 },
	{ "had0", "TTB0 hierarchical attributes disabled (HAD0)", 1, 1 },
	{ "e0pd0", "TTB0 unprivileged access faults (E0PD0)", 2, 1 },
	{ "haft", "Hardware table access flag update (HAFT)", 3, 1 },
	{ "ttb0", "TTB0 >> 4", 4, 48 },
};
static const struct bit_desc cd2_bits[] = {
	{ "nscfg1", "TTB1 walk non-secure (NSCFG1)", 0, 1 },
	{ "had1", "TTB1 hierarchical attributes disabled (HAD1)", 1, 1 },
	{ "e0pd1", "TTB1 unprivileged access faults (E0PD1)", 2, 1 },
	{ "aie", "Attribute index extension (AIE)", 3, 1 },
	{ "ttb1", "TTB1 >> 4", 4, 48 },
	{ "ds", "52-bit 4K/16K (DS)", 58, 1 },
	{ "pie", "Permission indirection (PIE)", 59, 1 },
};

static const struct field_desc cd_fields[] = {
	WORD(0, "CD[63:0]", cd0_bits),
	WORD(1, "CD[127:64]", cd1_bits),
	WORD(2, "CD[191:128]", cd2_bits),
	{ "mair", "Memory attribute indirection (MAIR)", 24, 8, IOMMU_DFIELD_HEX },
	{ "amair", "Auxiliary memory attributes (AMAIR)", 32, 8, IOMMU_DFIELD_HEX },
	{ "word5", "CD[383:320]", 40, 8, IOMMU_DFIELD_HEX },
	{ "word6", "CD[447:384]", 48, 8, IOMMU_DFIELD_HEX },
	{ "word7", "CD[511:448]", 56, 8, IOMMU_DFIELD_HEX },
};

/* Decode the 8 words of a 64-byte structure with FIELDS. */
static int decode_words(const uint64_t words[8], const char *kind, const char *title,
			const char *ref, const struct field_desc *fields, size_t nfields,
			struct iommu_dnode **ret_root)
{
	uint8_t bytes[64];
	struct decoder d;
	int r;

	for (unsigned int i = 0; i < 64; i++)
		bytes[i] = (uint8_t)(words[i / 8] >> (8 * (i % 8)));
	r = decoder_init_data(&d, bytes, sizeof(bytes), "SMMUv3", kind, title, ref);
	if (r < 0)
		return r;
	dnode_decode(&d, d.root, 0, sizeof(bytes), fields, nfields);
	d.data = NULL;
	d.size = 0;
	return decoder_finish(&d, ret_root);
}

IOMMU_EXPORT int iommu_smmuv3_ste_decode(const uint64_t ste[8], struct iommu_dnode **ret_root)
{
	return decode_words(ste, "ste", "Stream Table Entry", "Arm IHI 0070 §5.2",
			    FIELDS(ste_fields), ret_root);
}

IOMMU_EXPORT int iommu_smmuv3_cd_decode(const uint64_t cd[8], struct iommu_dnode **ret_root)
{
	return decode_words(cd, "cd", "Context Descriptor", "Arm IHI 0070 §5.4",
			    FIELDS(cd_fields), ret_root);
}
