// SPDX-License-Identifier: MIT
/*
 * The AMD IOMMU Extended Feature Registers as data: EFR (MMIO 0030h) and
 * EFR2 (MMIO 01A0h), AMD I/O Virtualization Technology (IOMMU)
 * Specification 48882 §3.4.12, each bit field one line of a table, decoded
 * by the field engine so that render_dnode shows them.  Field positions as
 * Linux's drivers/iommu/amd/amd_iommu_types.h reads them (FEATURE_*).
 */
#include <errno.h>

#include "internal.h"

#define REF "AMD IOMMU 48882 §3.4.12"

static const char *const hats_names[] = { "4-level (48-bit)", "5-level (57-bit)",
					  "6-level (64-bit)", "reserved" };
static const char *const gats_names[] = { "4-level", "5-level", "reserved", "reserved" };
static const char *const glx_names[] = { "1-level GCR3 table", "2-level GCR3 table",
					 "reserved", "reserved" };
static const char *const gam_names[] = { "no guest virtual APIC mode",
					 "guest virtual APIC (vAPIC) mode" };

/* AMD IOMMU 48882 §3.4.12 MMIO Offset 0030h IOMMU Extended Feature Register */
static const struct bit_desc efr_bits[] = {
	{ "pref_sup", "Prefetch IOMMU Pages (PreFSup)", 0, 1, .flags = FD_SUMMARY },
	{ "ppr_sup", "Peripheral Page Requests (PPRSup)", 1, 1, .flags = FD_SUMMARY },
	{ "xt_sup", "x2APIC Interrupts (XTSup)", 2, 1, .flags = FD_SUMMARY },
	{ "nx_sup", "No-Execute Protection (NXSup)", 3, 1, .flags = FD_SUMMARY },
	{ "gt_sup", "Guest Translation (GTSup)", 4, 1, .flags = FD_SUMMARY },
	{ "ia_sup", "INVALIDATE_IOMMU_ALL (IASup)", 6, 1, .flags = FD_SUMMARY },
	{ AMD_REG_KEY(ga_sup), "Guest Virtual APIC (GASup)", 7, 1, .flags = FD_SUMMARY },
	{ "he_sup", "Hardware Error Registers (HESup)", 8, 1, .flags = FD_SUMMARY },
	{ "pc_sup", "Performance Counters (PCSup)", 9, 1, .flags = FD_SUMMARY },
	{ "hats", "Host Address Translation Size (HATS)", 10, 2, NAMES(hats_names) },
	{ "gats", "Guest Address Translation Size (GATS)", 12, 2, NAMES(gats_names) },
	{ "glx_sup", "Guest CR3 Root Table Levels (GLXSup)", 14, 2, NAMES(glx_names) },
	{ "smif_sup", "SMI Filter Register (SmiFSup)", 16, 2 },
	{ "smif_rc", "SMI Filter Register Count (SmiFRC)", 18, 3 },
	{ AMD_REG_KEY(gam_sup), "Guest Virtual APIC Modes (GAMSup)", 21, 3, NAMES(gam_names) },
	{ "dual_ppr_log_sup", "Dual PPR Log (DualPprLogSup)", 24, 2 },
	{ "dual_event_log_sup", "Dual Event Log (DualEventLogSup)", 28, 2 },
	{ AMD_REG_KEY(pas_max), "Maximum PASID (PASmax)", 32, 5 },
	{ "us_sup", "User/Supervisor Page Protection (USSup)", 37, 1, .flags = FD_SUMMARY },
	{ "dev_tbl_seg_sup", "Segmented Device Table (DevTblSegSup)", 38, 2 },
	{ "ppr_ovrflw_early_sup", "PPR Log Overflow Early Warning (PprOvrflwEarlySup)", 40, 1 },
	{ "ppr_auto_rsp_sup", "PPR Automatic Response (PPRAutoRspSup)", 41, 1 },
	{ "marc_sup", "Memory Access Routing and Control (MarcSup)", 42, 2 },
	{ "blk_stop_mrk_sup", "Block StopMark Messages (BlkStopMrkSup)", 44, 1 },
	{ "perf_opt_sup", "Performance Optimization (PerfOptSup)", 45, 1 },
	{ "msi_cap_mmio_sup", "MSI Capability MMIO Access (MsiCapMmioSup)", 46, 1 },
	{ "gio_sup", "Guest I/O Protection (GIoSup)", 48, 1, .flags = FD_SUMMARY },
	{ "ha_sup", "Host Access Flag (HASup)", 49, 1, .flags = FD_SUMMARY },
	{ "eph_sup", "Enhanced PPR Handling (EPHSup)", 50, 1 },
	{ "attr_fw_sup", "Attribute Forward (AttrFWSup)", 51, 1 },
	{ "hd_sup", "Host Dirty Flag (HDSup)", 52, 1, .flags = FD_SUMMARY },
	{ "inv_iotlb_type_sup", "Invalidate IOTLB Type (InvIotlbTypeSup)", 54, 1 },
	{ "ga_update_dis_sup", "Disable Guest A/D Update (GAUpdateDisSup)", 61, 1 },
	{ "force_phys_dest_sup", "Force Physical Destination Mode (ForcePhyDestSup)", 62, 1 },
	{ "snp_sup", "SEV-SNP Support (SNPSup)", 63, 1, .flags = FD_SUMMARY },
};

static const char *const num_int_remap_names[] = { "512 per device", "2048 per device",
						   "reserved", "reserved" };

/* AMD IOMMU 48882 §3.4.12 MMIO Offset 01A0h IOMMU Extended Feature 2 Register */
static const struct bit_desc efr2_bits[] = {
	{ "gcr3_trp_mode", "GCR3 Trap Mode (GCR3TRPMode)", 3, 1, .flags = FD_SUMMARY },
	{ "snp_avic_sup", "SNP Virtual APIC Modes (SNPAVICSup)", 5, 3 },
	{ "num_int_remap_sup", "Interrupt Remapping Entries (NumIntRemapSup)", 8, 2,
	  NAMES(num_int_remap_names) },
	{ "ht_range_ignore", "HyperTransport Range Ignore (HTRangeIgnore)", 11, 1, .flags = FD_SUMMARY },
};

static const struct field_desc efr_fields[] = {
	{ AMD_REG_KEY(value), "Extended Feature Register (EFR)", 0, 8, IOMMU_DFIELD_ADDR, 0,
	  BITS(efr_bits) },
};

static const struct field_desc efr2_fields[] = {
	{ AMD_REG_KEY(value), "Extended Feature 2 Register (EFR2)", 0, 8, IOMMU_DFIELD_ADDR, 0,
	  BITS(efr2_bits) },
};

const struct field_descs amd_reg_field_descs[] = {
	{ FIELDS(efr_fields) }, { FIELDS(efr2_fields) }, { NULL },
};

static void decode_register(struct decoder *d, const char *kind, const char *title,
			    uint64_t offset, const struct field_desc *fields, size_t nfields)
{
	struct iommu_dnode *node = dnode_add(d, NULL, kind, title, offset, 8);
	struct iommu_dfield *f;

	dnode_decode(d, node, offset, 8, fields, nfields);
	if (!node)
		return;
	dfield_set_summary(iommu_dnode_find_field(node, AMD_REG_KEY(value)));
	f = iommu_dnode_find_field(node, AMD_REG_KEY(pas_max));
	if (f)
		dfield_set_meaning(d, f, "%llu-bit PASIDs",
				   (unsigned long long)iommu_dfield_get_u64(f) + 1);
}

/* AMD IOMMU 48882 §3.4.12 EFR and EFR2 */
IOMMU_EXPORT int iommu_amd_efr_decode(uint64_t efr, uint64_t efr2, struct iommu_dnode **ret_root)
{
	uint8_t bytes[16];
	struct decoder d;
	int r;

	for (int i = 0; i < 8; i++) {
		bytes[i] = (uint8_t)(efr >> (8 * i));
		bytes[8 + i] = (uint8_t)(efr2 >> (8 * i));
	}
	r = decoder_init_data(&d, bytes, sizeof(bytes), "AMD-Vi", "amd_registers",
			      "AMD-Vi Extended Feature Registers", REF);
	if (r < 0)
		return r;
	decode_register(&d, "efr", "Extended Feature Register (48882 §3.4.12, 0030h)", 0,
			FIELDS(efr_fields));
	decode_register(&d, "efr2", "Extended Feature 2 Register (48882 §3.4.12, 01A0h)", 8,
			FIELDS(efr2_fields));
	/* The tree holds copies of every value. */
	d.data = NULL;
	d.size = 0;
	return decoder_finish(&d, ret_root);
}
