// SPDX-License-Identifier: MIT
/*
 * The VT-d capability registers as data: CAP_REG (VT-d 4.1 §11.4.2) and
 * ECAP_REG (§11.4.3), each bit field one line of a table, decoded by the
 * same field engine as the ACPI tables so that render_dnode shows them.
 * Bit positions follow the specification as Linux's drivers/iommu/intel/
 * iommu.h reads them (cap_esrtps = bit 63, ecap_pms = bit 51).
 */
#include <errno.h>
#include <stdio.h>

#include "internal.h"

#define REF "VT-d 4.1 §11.4"

/* VT-d 4.1 §11.4.2 Capability Register */
static const struct bit_desc cap_bits[] = {
	{ VTD_REG_KEY(nd), "Number of Domains Supported (ND)", 0, 3 },
	{ "afl", "Advanced Fault Logging (AFL)", 3, 1, .flags = FD_SUMMARY },
	{ "rwbf", "Required Write-Buffer Flushing (RWBF)", 4, 1, .flags = FD_SUMMARY },
	{ "plmr", "Protected Low-Memory Region (PLMR)", 5, 1, .flags = FD_SUMMARY },
	{ "phmr", "Protected High-Memory Region (PHMR)", 6, 1, .flags = FD_SUMMARY },
	{ VTD_REG_KEY(cm), "Caching Mode (CM)", 7, 1, .flags = FD_SUMMARY },
	{ VTD_REG_KEY(sagaw), "Supported Adjusted Guest Address Widths (SAGAW)", 8, 5,
	  .flags = FD_SUMMARY },
	{ VTD_REG_KEY(mgaw), "Maximum Guest Address Width (MGAW)", 16, 6, .flags = FD_SUMMARY },
	{ "zlr", "Zero Length Read (ZLR)", 22, 1, .flags = FD_SUMMARY },
	{ VTD_REG_KEY(fro), "Fault-recording Register Offset (FRO)", 24, 10 },
	{ VTD_REG_KEY(sslps), "Second Stage Large Page Support (SSLPS)", 34, 4, .flags = FD_SUMMARY },
	{ "psi", "Page Selective Invalidation (PSI)", 39, 1, .flags = FD_SUMMARY },
	{ VTD_REG_KEY(nfr), "Number of Fault-recording Registers (NFR)", 40, 8 },
	{ VTD_REG_KEY(mamv), "Maximum Address Mask Value (MAMV)", 48, 6 },
	{ "dwd", "Write Draining (DWD)", 54, 1, .flags = FD_SUMMARY },
	{ "drd", "Read Draining (DRD)", 55, 1, .flags = FD_SUMMARY },
	{ "fs1gp", "First Stage 1-GByte Page Support (FS1GP)", 56, 1, .flags = FD_SUMMARY },
	{ VTD_REG_KEY(pi), "Posted Interrupts Support (PI)", 59, 1, .flags = FD_SUMMARY },
	{ "fs5lp", "First Stage 5-level Paging Support (FS5LP)", 60, 1, .flags = FD_SUMMARY },
	{ "ecmds", "Enhanced Command Support (ECMDS)", 61, 1, .flags = FD_SUMMARY },
	{ "esirtps", "Enhanced Set Interrupt Remap Table Pointer Support (ESIRTPS)", 62, 1, .flags = FD_SUMMARY },
	{ "esrtps", "Enhanced Set Root Table Pointer Support (ESRTPS)", 63, 1, .flags = FD_SUMMARY },
};

/* VT-d 4.1 §11.4.3 Extended Capability Register */
static const struct bit_desc ecap_bits[] = {
	{ "c", "Page-walk Coherency (C)", 0, 1, .flags = FD_SUMMARY },
	{ "qi", "Queued Invalidation Support (QI)", 1, 1, .flags = FD_SUMMARY },
	{ "dt", "Device-TLB Support (DT)", 2, 1, .flags = FD_SUMMARY },
	{ "ir", "Interrupt Remapping Support (IR)", 3, 1, .flags = FD_SUMMARY },
	{ "eim", "Extended Interrupt Mode (EIM)", 4, 1, .flags = FD_SUMMARY },
	{ "pt", "Pass Through (PT)", 6, 1, .flags = FD_SUMMARY },
	{ "sc", "Snoop Control (SC)", 7, 1, .flags = FD_SUMMARY },
	{ VTD_REG_KEY(iro), "IOTLB Register Offset (IRO)", 8, 10 },
	{ VTD_REG_KEY(mhmv), "Maximum Handle Mask Value (MHMV)", 20, 4 },
	{ "mts", "Memory Type Support (MTS)", 25, 1, .flags = FD_SUMMARY },
	{ "nest", "Nested Translation Support (NEST)", 26, 1, .flags = FD_SUMMARY },
	{ "prs", "Page Request Support (PRS)", 29, 1, .flags = FD_SUMMARY },
	{ "ers", "Execute Request Support (ERS)", 30, 1, .flags = FD_SUMMARY },
	{ "srs", "Supervisor Request Support (SRS)", 31, 1, .flags = FD_SUMMARY },
	{ "nwfs", "No Write Flag Support (NWFS)", 33, 1, .flags = FD_SUMMARY },
	{ "eafs", "Extended Accessed Flag Support (EAFS)", 34, 1, .flags = FD_SUMMARY },
	{ VTD_REG_KEY(pss), "PASID Size Supported (PSS)", 35, 5 },
	{ "pasid", "Process Address Space ID Support (PASID)", 40, 1, .flags = FD_SUMMARY },
	{ "dit", "Device-TLB Invalidation Throttle (DIT)", 41, 1, .flags = FD_SUMMARY },
	{ "pds", "Page-request Drain Support (PDS)", 42, 1, .flags = FD_SUMMARY },
	{ "smts", "Scalable Mode Translation Support (SMTS)", 43, 1, .flags = FD_SUMMARY },
	{ "vcs", "Virtual Command Support (VCS)", 44, 1, .flags = FD_SUMMARY },
	{ "ssads", "Second Stage Accessed/Dirty Support (SSADS)", 45, 1, .flags = FD_SUMMARY },
	{ "ssts", "Second Stage Translation Support (SSTS)", 46, 1, .flags = FD_SUMMARY },
	{ "fsts", "First Stage Translation Support (FSTS)", 47, 1, .flags = FD_SUMMARY },
	{ "smpwcs", "Scalable-Mode Page-walk Coherency Support (SMPWCS)", 48, 1, .flags = FD_SUMMARY },
	{ "rps", "RID-PASID Support (RPS)", 49, 1, .flags = FD_SUMMARY },
	{ "pms", "Performance Monitoring Support (PMS)", 51, 1, .flags = FD_SUMMARY },
	{ "adms", "Abort DMA Mode Support (ADMS)", 52, 1, .flags = FD_SUMMARY },
	{ "rprivs", "RID_PRIV Support (RPRIVS)", 53, 1, .flags = FD_SUMMARY },
};

static const struct field_desc cap_fields[] = {
	{ VTD_REG_KEY(value), "Capability Register (CAP_REG)", 0, 8, IOMMU_DFIELD_ADDR, 0,
	  BITS(cap_bits) },
};

static const struct field_desc ecap_fields[] = {
	{ VTD_REG_KEY(value), "Extended Capability Register (ECAP_REG)", 0, 8, IOMMU_DFIELD_ADDR,
	  0, BITS(ecap_bits) },
};

const struct field_descs vtd_reg_field_descs[] = {
	{ FIELDS(cap_fields) }, { FIELDS(ecap_fields) }, { NULL },
};

static uint64_t bits_mask(const struct bit_desc *bits, size_t n)
{
	uint64_t mask = 0;

	for (size_t i = 0; i < n; i++)
		mask |= (bits[i].width >= 64 ? ~0ULL : (1ULL << bits[i].width) - 1) << bits[i].shift;
	return mask;
}

/* "2 MiB, 1 GiB": the sizes whose bit is set, from the smallest. */
static void sizes_meaning(struct decoder *d, struct iommu_dfield *f, const char *const *names,
			  size_t n, const char *none)
{
	char text[128] = "";
	size_t pos = 0;
	uint64_t v = iommu_dfield_get_u64(f);

	for (size_t i = 0; i < n; i++)
		if (v & (1ULL << i))
			pos += (size_t)snprintf(text + pos, sizeof(text) - pos, "%s%s", pos ? ", " : "",
						names[i]);
	dfield_set_meaning(d, f, "%s", pos ? text : none);
}

static const char *const sagaw_names[] = {
	"30-bit 2-level (reserved)", "39-bit 3-level", "48-bit 4-level", "57-bit 5-level",
	"bit 4 (reserved)",
};
static const char *const sslps_names[] = { "2 MiB", "1 GiB", "512 GiB (reserved)", "1 TiB (reserved)" };

/* The meaning of the fields whose value is a count or a code. */
static void add_meanings(struct decoder *d, struct iommu_dnode *node)
{
	struct iommu_dfield *f;

	iommu_dnode_foreach_field(node, f) {
		const char *key = iommu_dfield_get_key(f);
		unsigned long long v = iommu_dfield_get_u64(f);

		if (!iommu_dfield_get_bit_width(f))
			continue;
		if (strcmp(key, VTD_REG_KEY(nd)) == 0)
			dfield_set_meaning(d, f, v == 7 ? "reserved" : "%llu domains", 1ULL << (4 + 2 * v));
		else if (strcmp(key, VTD_REG_KEY(sagaw)) == 0)
			sizes_meaning(d, f, sagaw_names, ARRAY_SIZE(sagaw_names), "none: second stage unusable");
		else if (strcmp(key, VTD_REG_KEY(mgaw)) == 0)
			dfield_set_meaning(d, f, "%llu bits", v + 1);
		else if (strcmp(key, VTD_REG_KEY(pss)) == 0)
			dfield_set_meaning(d, f, "%llu-bit PASIDs", v + 1);
		else if (strcmp(key, VTD_REG_KEY(sslps)) == 0)
			sizes_meaning(d, f, sslps_names, ARRAY_SIZE(sslps_names), "4 KiB pages only");
		else if (strcmp(key, VTD_REG_KEY(fro)) == 0 || strcmp(key, VTD_REG_KEY(iro)) == 0)
			dfield_set_meaning(d, f, "register offset 0x%llx", v * 16);
		else if (strcmp(key, VTD_REG_KEY(nfr)) == 0)
			dfield_set_meaning(d, f, "%llu fault-recording register(s)", v + 1);
		else if (strcmp(key, VTD_REG_KEY(mamv)) == 0 || strcmp(key, VTD_REG_KEY(mhmv)) == 0)
			dfield_set_meaning(d, f, "up to 2^%llu", v);
	}
}

static void decode_register(struct decoder *d, const char *kind, const char *title,
			    uint64_t offset, const struct field_desc *fields, size_t nfields)
{
	struct iommu_dnode *node = dnode_add(d, NULL, kind, title, offset, 8);
	uint64_t value = get_le64(d->data + offset);
	uint64_t undefined = value & ~bits_mask(fields[0].bits, fields[0].nbits);

	dnode_decode(d, node, offset, 8, fields, nfields);
	dfield_set_summary(node ? iommu_dnode_find_field(node, VTD_REG_KEY(value)) : NULL);
	add_meanings(d, node);
	if (undefined) {
		struct iommu_dfield *f = dnode_add_u64(d, node, "undefined_bits",
						       "Bits VT-d 4.1 leaves reserved", IOMMU_DFIELD_HEX,
						       offset, 0, undefined);

		dfield_set_meaning(d, f, "set, though VT-d 4.1 defines no field there");
		dfield_set_summary(f);
	}
}

/* VT-d 4.1 §11.4.2 CAP_REG and §11.4.3 ECAP_REG */
IOMMU_EXPORT int iommu_vtd_caps_decode(uint64_t cap, bool have_cap, uint64_t ecap, bool have_ecap,
				       struct iommu_dnode **ret_root)
{
	uint8_t bytes[16];
	struct decoder d;
	int r;

	for (int i = 0; i < 8; i++) {
		bytes[i] = (uint8_t)(cap >> (8 * i));
		bytes[8 + i] = (uint8_t)(ecap >> (8 * i));
	}
	r = decoder_init_data(&d, bytes, sizeof(bytes), "VT-d", "vtd_registers",
			      "VT-d Capability Registers", REF);
	if (r < 0)
		return r;
	if (have_cap)
		decode_register(&d, "cap", "Capability Register (VT-d 4.1 §11.4.2)", 0,
				FIELDS(cap_fields));
	if (have_ecap)
		decode_register(&d, "ecap", "Extended Capability Register (VT-d 4.1 §11.4.3)", 8,
				FIELDS(ecap_fields));
	/* The tree holds copies of every value: BYTES is not needed past this point. */
	d.data = NULL;
	d.size = 0;
	return decoder_finish(&d, ret_root);
}
