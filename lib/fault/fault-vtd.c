// SPDX-License-Identifier: MIT
/*
 * VT-d fault reasons (FRCD_REG.FR): the specification's condition code, the
 * text Linux prints for the number (drivers/iommu/intel/dmar.c,
 * dma_remap_fault_reasons[], irq_remap_fault_reasons[],
 * dma_remap_sm_fault_reasons[]), what it means and what usually causes it.
 * VT-d 4.1 §7.1.3 (address translation faults), §7.1.2 (interrupt remapping).
 */
#include <stdlib.h>

#include "unit/vtd.h"

struct iommu_vtd_fault_reason {
	uint8_t fr;
	bool qualified;		/* fault-processing-disable can suppress it */
	const char *condition;
	const char *kernel;	/* NULL: Linux prints "Unknown" */
	const char *meaning;
	const char *causes;
};

#define UNMAPPED_CAUSES                                                                  \
	"DMA to an address the driver never mapped or already unmapped: a device still "  \
	"using a buffer after the driver freed it, a stale or corrupted descriptor, a "   \
	"device given the wrong address (or a wrong DMA mask), or a mapping made with "   \
	"the opposite direction"

/* VT-d 4.1 §7.1.3 Table "Address Translation Faults", §7.1.2 interrupt remapping faults. */
static const struct iommu_vtd_fault_reason reasons[] = {
	{ 0x00, false, NULL, "Software",
	  "no fault reason: a software-generated record", "" },
	{ 0x01, false, "LRT.2", "Present bit in root entry is clear",
	  "the root entry for the requester's bus is not present: nothing on that bus is set up for DMA remapping",
	  "DMA from a bus the kernel never attached a device on: a requester ID that does not match any device (bridge aliasing, phantom functions), firmware DMA after the kernel took over, a device missing from the DRHD scopes" },
	{ 0x02, true, "LCT.2", "Present bit in context entry is clear",
	  "the context entry for the requester's device and function is not present",
	  "DMA from a device or function the kernel has not attached to a domain (or detached while DMA was in flight); requester ID aliasing (PCIe-to-PCI bridges, devices using another function's ID); a driver unbound without quiescing the device" },
	{ 0x03, true, "LCT.4", "Invalid context entry",
	  "the context entry is present but unusable: a translation type or address width the unit does not support",
	  "a kernel or hypervisor programming a translation type the hardware lacks (pass-through without ECAP.PT, device-TLB without ECAP.DT) or an address width outside CAP.SAGAW; a corrupted context table" },
	{ 0x04, true, "LGN.1", "Access beyond MGAW",
	  "the address is wider than the domain's address width (context AW) or the unit's MGAW",
	  "a device using an address above the DMA mask the driver set, a corrupted address, a 64-bit address given to a 39-bit domain" },
	{ 0x05, true, "LGN.2", "PTE Write access is not set",
	  "a write to a page without write permission; second-level entries have no present bit, so an unmapped page (R and W clear) faults this way too",
	  UNMAPPED_CAUSES "; a device writing a buffer mapped DMA_TO_DEVICE" },
	{ 0x06, true, "LGN.3", "PTE Read access is not set",
	  "a read of a page without read permission; second-level entries have no present bit, so an unmapped page (R and W clear) faults this way too",
	  UNMAPPED_CAUSES },
	{ 0x07, true, "LSL.1", "Next page table ptr is invalid",
	  "reading a paging entry failed: the table address does not decode to memory (beyond the host address width)",
	  "a corrupted page-table entry pointing outside memory" },
	{ 0x08, false, "LRT.1", "Root table address invalid",
	  "reading the root entry failed: RTADDR_REG does not point at memory",
	  "a root table address beyond the host address width, or memory that does not decode" },
	{ 0x09, false, "LCT.1", "Context table ptr is invalid",
	  "reading the context entry failed: the root entry's context-table pointer does not point at memory",
	  "a corrupted root entry" },
	{ 0x0a, false, "LRT.3", "non-zero reserved fields in RTP",
	  "the root entry has reserved bits set", "a corrupted root table, or a scalable-mode table read in legacy mode" },
	{ 0x0b, true, "LCT.3", "non-zero reserved fields in CTP",
	  "the context entry has reserved bits set", "a corrupted context table, or a scalable-mode table read in legacy mode" },
	{ 0x0c, true, "LSL.2", "non-zero reserved fields in PTE",
	  "a paging entry has reserved bits set: a large page where the unit supports none, address bits above the host width, snoop control without ECAP.SC",
	  "page-table corruption (memory written over a table page), or a kernel using page sizes the unit does not support" },
	{ 0x0d, true, "LCT.5", "PCE for translation request specifies blocking",
	  "a translation request (ATS) or translated request from a device whose context entry does not enable device-TLBs",
	  "ATS enabled on the device but not in its context entry (TT is not 01)" },
	{ 0x0e, true, "LGN.4", NULL,
	  "the translated address lies in the interrupt address range 0xFEE00000-0xFEEFFFFF",
	  "a mapping of physical addresses in the interrupt range; a corrupted page-table entry" },
	{ 0x20, false, NULL, "Detected reserved fields in the decoded interrupt-remapped request",
	  "a remappable-format interrupt request has reserved fields set", "a device writing a malformed MSI" },
	{ 0x21, false, NULL, "Interrupt index exceeded the interrupt-remapping table size",
	  "the interrupt's handle is beyond the interrupt-remapping table (IRTA_REG.S)",
	  "a device using an MSI programmed for another table, or stale after the table was resized" },
	{ 0x22, true, NULL, "Present field in the IRTE entry is clear",
	  "the interrupt-remapping table entry the interrupt selects is not present",
	  "an interrupt from a device whose vector was freed (driver unloaded, MSI re-programmed) while the device still signals it" },
	{ 0x23, false, NULL, "Error accessing interrupt-remapping table pointed by IRTA_REG",
	  "reading the interrupt-remapping table entry failed", "IRTA_REG pointing outside memory" },
	{ 0x24, true, NULL, "Detected reserved fields in the IRTE entry",
	  "the interrupt-remapping table entry has reserved bits set", "a corrupted interrupt-remapping table" },
	{ 0x25, false, NULL, "Blocked a compatibility format interrupt request",
	  "a compatibility-format interrupt was blocked (GSTS.CFIS clear, or x2APIC mode)",
	  "a device or IOAPIC using legacy MSI format while interrupt remapping enforces remappable format" },
	{ 0x26, true, NULL, "Blocked an interrupt request due to source-id verification failure",
	  "the interrupt's requester ID does not pass the IRTE's source-id validation (SID, SQ, SVT)",
	  "requester ID aliasing (bridges), a device signalling an interrupt allocated to another device" },
	{ 0x30, false, "RTA.1", "SM: Invalid Root Table Address",
	  "RTADDR_REG is invalid: reserved translation-table mode, or a mode the unit does not support",
	  "scalable mode without ECAP.SMTS, abort-DMA mode without ECAP.ADMS, TTM = 10" },
	{ 0x31, false, "RTA.2", "SM: TTM 0 for request with PASID",
	  "a request with PASID while the root table is in legacy mode", "a device using PASIDs on a unit in legacy mode" },
	{ 0x32, false, "RTA.3", "SM: TTM 0 for page group request", "a page request while the root table is in legacy mode", "" },
	{ 0x38, false, "SRT.1", "SM: Error attempting to access Root Entry", "reading the scalable-mode root entry failed", "" },
	{ 0x39, false, "SRT.2", "SM: Present bit in Root Entry is clear",
	  "the scalable-mode root entry half (lower for devfn 0x00-0x7f, upper for 0x80-0xff) is not present",
	  "DMA from a bus (or the upper half of a bus's functions) nothing has been attached on" },
	{ 0x3a, false, "SRT.3", "SM: Non-zero reserved field set in Root Entry",
	  "the scalable-mode root entry has reserved bits set", "a corrupted root table" },
	{ 0x40, true, "SCT.1", "SM: Error attempting to access Context Entry", "reading the scalable-mode context entry failed", "" },
	{ 0x41, true, "SCT.2", "SM: Present bit in Context Entry is clear",
	  "the scalable-mode context entry for the device and function is not present",
	  "DMA from a device the kernel has not attached (or detached while DMA was in flight); requester ID aliasing" },
	{ 0x42, true, "SCT.3", "SM: Non-zero reserved field set in the Context Entry",
	  "the scalable-mode context entry has reserved bits set", "a corrupted context table" },
	{ 0x43, true, "SCT.4", "SM: Invalid Context Entry",
	  "the scalable-mode context entry is present but unusable (e.g. device-TLB enabled without ECAP.DT)", "" },
	{ 0x44, true, "SCT.5", "SM: DTE field in Context Entry is clear",
	  "a translation request (ATS) from a device whose context entry does not enable device-TLBs", "ATS on the device, DTE clear" },
	{ 0x45, true, "SCT.6", "SM: PASID Enable field in Context Entry is clear",
	  "a request with PASID from a device whose context entry does not enable PASIDs", "a device using PASIDs the kernel did not enable" },
	{ 0x46, true, "SCT.7", "SM: PASID is larger than the max in Context Entry",
	  "the PASID is beyond the PASID directory the context entry describes (PDTS)", "a device using a PASID the kernel never allocated" },
	{ 0x47, true, "SCT.8", "SM: PRE field in Context-Entry is clear", "a page request from a device whose context entry does not enable page requests", "" },
	{ 0x48, true, "SCT.9", "SM: RID_PASID field error in Context-Entry", "the context entry's RID_PASID is invalid", "" },
	{ 0x50, false, "SPD.1", "SM: Error attempting to access the PASID Directory Entry", "reading the PASID directory entry failed", "" },
	{ 0x51, true, "SPD.2", "SM: Present bit in Directory Entry is clear",
	  "the PASID directory entry for the PASID (bits 19:6) is not present", "a PASID never set up, or torn down while the device used it" },
	{ 0x52, true, "SPD.3", "SM: Non-zero reserved field set in PASID Directory Entry",
	  "the PASID directory entry has reserved bits set", "a corrupted PASID directory" },
	{ 0x58, false, "SPT.1", "SM: Error attempting to access PASID Table Entry", "reading the PASID table entry failed", "" },
	{ 0x59, true, "SPT.2", "SM: Present bit in PASID Table Entry is clear",
	  "the PASID table entry is not present", "a PASID (or RID_PASID) not attached, or detached while the device used it" },
	{ 0x5a, true, "SPT.3", "SM: Non-zero reserved field set in PASID Table Entry",
	  "the PASID table entry has reserved bits set", "a corrupted PASID table" },
	{ 0x5b, true, "SPT.4", "SM: Invalid Scalable-Mode PASID Table Entry",
	  "the PASID table entry is present but unusable: a reserved PGTT, an address width outside CAP.SAGAW, a first-stage paging mode the unit lacks",
	  "a kernel or VMM programming a mode the unit does not support; a corrupted PASID table" },
	{ 0x5c, true, "SPT.5", "SM: ERE field is clear in PASID Table Entry", "an execute request while the PASID entry does not enable them", "" },
	{ 0x5d, true, "SPT.6", "SM: SRE field is clear in PASID Table Entry",
	  "a privileged (supervisor) request while the PASID entry does not enable them", "a device issuing privileged requests (kernel SVA) on a user PASID" },
	{ 0x70, true, "SFL.1", "SM: Error attempting to access first-level paging entry", "reading a first-stage paging entry failed", "" },
	{ 0x71, true, "SFL.2", "SM: Present bit in first-level paging entry is clear",
	  "a first-stage paging entry the walk needs is not present", UNMAPPED_CAUSES },
	{ 0x72, true, "SFL.3", "SM: Non-zero reserved field set in first-level paging entry",
	  "a first-stage paging entry has reserved bits set (a large page the unit lacks, address bits above the host width)",
	  "page-table corruption; 1 GiB pages without CAP.FL1GP" },
	{ 0x73, true, "SFL.4", "SM: Error attempting to access FL-PML4 entry", "reading the first-stage root table failed", "" },
	{ 0x74, true, "SFL.5", "SM: First-level entry address beyond MGAW in Nested translation",
	  "nested: a first-stage table address is beyond the second stage's address width", "a guest page table pointing outside guest memory" },
	{ 0x75, true, "SFL.6", "SM: Read permission error in FL-PML4 entry in Nested translation",
	  "nested: the second stage does not let the hardware read the first-stage root table", "the guest's page-table root is not mapped in the second stage" },
	{ 0x76, true, "SFL.7", "SM: Read permission error in first-level paging entry in Nested translation",
	  "nested: the second stage does not let the hardware read a first-stage table", "a guest page table in guest memory not mapped (readable) in the second stage" },
	{ 0x77, true, "SFL.8", "SM: Write permission error in first-level paging entry in Nested translation",
	  "nested: the hardware must set an accessed or dirty bit in a first-stage entry, and the second stage maps that table read-only",
	  "guest page tables mapped read-only in the second stage (write-protected for shadowing or migration)" },
	{ 0x78, true, "SSL.1", "SM: Error attempting to access second-level paging entry", "reading a second-stage paging entry failed", "" },
	{ 0x79, true, "SSL.2", "SM: Read/Write permission error in second-level paging entry",
	  "a second-stage paging entry the walk needs has R and W clear (not present)", UNMAPPED_CAUSES },
	{ 0x7a, true, "SSL.3", "SM: Non-zero reserved field set in second-level paging entry",
	  "a second-stage paging entry has reserved bits set", "page-table corruption; large pages the unit lacks" },
	{ 0x7b, true, "SSL.4", "SM: Invalid second-level page table pointer", "the second-stage table pointer does not point at memory", "" },
	{ 0x7c, true, "SSL.5", "SM: A/D bit update needed in second-level entry when set up in no snoop",
	  "the hardware must set a second-stage accessed/dirty bit, but page-walks are non-snooped (PASID entry PWSNP clear)", "" },
	{ 0x80, true, "SGN.1", "SM: Address in first-level translation is not canonical",
	  "the address is not canonical for the first stage's 48- or 57-bit paging", "a device using a 64-bit address with stray high bits" },
	{ 0x81, true, "SGN.2", "SM: U/S set 0 for first-level translation with user privilege",
	  "a user (non-privileged) request to a page whose first-stage entries do not all allow user access", "kernel pages reached by a user-mode PASID" },
	{ 0x82, true, "SGN.3", "SM: No execute permission for request with PASID and ER=1", "an execute request to a page without execute permission", "" },
	{ 0x83, true, "SGN.4", "SM: Address beyond the DMA hardware max",
	  "the address is beyond what the unit translates (CAP.MGAW)", "a device using an address above its DMA mask" },
	{ 0x84, true, "SGN.5", "SM: Second-level entry address beyond the max",
	  "the second-stage input address is beyond the address width of the PASID entry (AW)", "a device using an address above the domain's width" },
	{ 0x85, true, "SGN.6", "SM: No write permission for Write/AtomicOp request",
	  "a write to a page the translation does not let be written", "a device writing a buffer mapped read-only (DMA_TO_DEVICE)" },
	{ 0x86, true, "SGN.7", "SM: No read permission for Read/AtomicOp request",
	  "a read of a page the translation does not let be read", "a device reading a buffer mapped write-only" },
	{ 0x87, true, "SGN.8", "SM: Invalid address-interrupt address",
	  "the translated address lies in the interrupt address range 0xFEE00000-0xFEEFFFFF", "a corrupted page-table entry" },
	{ 0x90, true, "SFL.9", "SM: A/D bit update needed in first-level entry when set up in no snoop",
	  "the hardware must set a first-stage accessed/dirty bit, but page-walks are non-snooped (PASID entry PWSNP clear)", "" },
};

IOMMU_EXPORT const struct iommu_vtd_fault_reason *iommu_vtd_fault_reason_get(unsigned int fr)
{
	for (size_t i = 0; i < ARRAY_SIZE(reasons); i++)
		if (reasons[i].fr == fr)
			return &reasons[i];
	return NULL;
}

IOMMU_EXPORT const struct iommu_vtd_fault_reason *iommu_vtd_fault_reason_get_index(size_t index)
{
	return index < ARRAY_SIZE(reasons) ? &reasons[index] : NULL;
}

IOMMU_EXPORT unsigned int iommu_vtd_fault_reason_get_number(const struct iommu_vtd_fault_reason *r)
{
	return r->fr;
}

IOMMU_EXPORT const char *iommu_vtd_fault_reason_get_condition(const struct iommu_vtd_fault_reason *r)
{
	return r->condition;
}

IOMMU_EXPORT const char *iommu_vtd_fault_reason_get_kernel_text(const struct iommu_vtd_fault_reason *r)
{
	return r->kernel ? r->kernel : "Unknown";
}

IOMMU_EXPORT const char *iommu_vtd_fault_reason_get_meaning(const struct iommu_vtd_fault_reason *r)
{
	return r->meaning;
}

IOMMU_EXPORT const char *iommu_vtd_fault_reason_get_causes(const struct iommu_vtd_fault_reason *r)
{
	return r->causes;
}

IOMMU_EXPORT bool iommu_vtd_fault_reason_is_interrupt(const struct iommu_vtd_fault_reason *r)
{
	return r->fr >= 0x20 && r->fr < 0x30;
}

IOMMU_EXPORT bool iommu_vtd_fault_reason_is_qualified(const struct iommu_vtd_fault_reason *r)
{
	return r->qualified;
}

/*
 * What dmar_get_fault_reason() prints: the interrupt table for 0x20 up to
 * its end (0x26), the scalable-mode table for 0x30 up to its end (0x90),
 * the legacy table below 0x0e, "Unknown" elsewhere.
 */
IOMMU_EXPORT const char *iommu_vtd_fault_reason_kernel_text(unsigned int fr)
{
	const struct iommu_vtd_fault_reason *r;

	if (fr >= 0x0e && fr < 0x20)
		return "Unknown";
	if ((fr > 0x26 && fr < 0x30) || fr > 0x90)
		return "Unknown";
	r = iommu_vtd_fault_reason_get(fr);
	return r && r->kernel ? r->kernel : "Unknown";
}

bool vtd_fault_qualified(unsigned int fr)
{
	const struct iommu_vtd_fault_reason *r = iommu_vtd_fault_reason_get(fr);

	return r && r->qualified;
}
