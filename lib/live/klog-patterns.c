// SPDX-License-Identifier: MIT
/*
 * What the kernel's IOMMU log lines mean, and which ones do not mean what
 * they seem to.  Messages from drivers/iommu/iommu.c, intel/{iommu,dmar,
 * irq_remapping}.c, amd/{init,iommu}.c, arm/arm-smmu-v3/arm-smmu-v3.c,
 * arm/arm-smmu/arm-smmu.c, arch/x86/kernel/apic/x2apic and drivers/vfio.
 * '*' matches any run of characters; the first matching pattern wins, so
 * the specific ones come before the general ones.
 */
#include "live/live.h"

#define INTEL IOMMU_VENDOR_INTEL
#define AMD IOMMU_VENDOR_AMD
#define ARM IOMMU_VENDOR_ARM
#define ANY IOMMU_VENDOR_UNKNOWN

const struct klog_pattern klog_patterns[] = {
	/* The driver initialised. */
	{ "DMAR: Intel(R) Virtualization Technology for Directed I/O", INTEL, KLOG_SUCCESS,
	  "the VT-d driver finished setting up DMA remapping" },
	{ "DMAR: No ATSR found", INTEL, KLOG_SUCCESS,
	  "printed only once DMA remapping is being enabled" },
	{ "DMAR: No RMRR found", INTEL, KLOG_SUCCESS,
	  "printed only once DMA remapping is being enabled" },
	{ "DMAR: No SATC found", INTEL, KLOG_SUCCESS,
	  "printed only once DMA remapping is being enabled" },
	{ "DMAR: dmar*: Using Queued invalidation", INTEL, KLOG_SUCCESS,
	  "a VT-d unit was enabled" },
	{ "DMAR: IOMMU batching disallowed due to virtualization", INTEL, KLOG_VIRTUAL,
	  "a virtual VT-d (caching mode): the kernel invalidates strictly, whatever the command line says" },
	{ "DMAR: Intel-IOMMU force enabled due to platform opt in", INTEL, KLOG_INFO,
	  "the firmware's DMA protection opt-in turned VT-d on" },
	{ "DMAR: Forcing Intel-IOMMU to enabled", INTEL, KLOG_INFO,
	  "Intel TXT (tboot) turned VT-d on" },
	{ "AMD-Vi: Found IOMMU at *", AMD, KLOG_SUCCESS, "the AMD-Vi driver found a unit" },
	{ "AMD-Vi: Found IOMMU cap 0x*", AMD, KLOG_SUCCESS, "the AMD-Vi driver found a unit" },
	{ "AMD-Vi: Extended features (*", AMD, KLOG_SUCCESS,
	  "the AMD-Vi driver read a unit's features" },
	{ "perf/amd_iommu: Detected AMD IOMMU #*", AMD, KLOG_SUCCESS,
	  "an AMD-Vi unit is running (its performance counters were found)" },
	{ "arm-smmu-v3 *: ias *-bit, oas *-bit (features 0x*)", ARM, KLOG_SUCCESS,
	  "the SMMUv3 driver probed a unit" },
	{ "arm-smmu *: probing hardware configuration...", ARM, KLOG_SUCCESS,
	  "the SMMUv1/v2 driver probed a unit" },

	/* Interrupt remapping and x2APIC. */
	{ "DMAR-IR: Enabled IRQ remapping in x2apic mode", INTEL, KLOG_IR_ON | KLOG_X2APIC,
	  "interrupt remapping on, x2APIC mode" },
	{ "DMAR-IR: Enabled IRQ remapping in xapic mode", INTEL, KLOG_IR_ON | KLOG_XAPIC,
	  "interrupt remapping on, xAPIC mode" },
	{ "AMD-Vi: Interrupt remapping enabled", AMD, KLOG_IR_ON, "interrupt remapping on" },
	{ "AMD-Vi: X2APIC enabled", AMD, KLOG_X2APIC, "x2APIC mode with interrupt remapping" },
	{ "AMD-Vi: Virtual APIC enabled", AMD, KLOG_POSTED, "posted interrupts (guest vAPIC) on" },
	{ "x2apic is disabled because BIOS sets x2apic opt out bit", INTEL,
	  KLOG_XAPIC | KLOG_FW_BUG,
	  "the firmware opted out of x2APIC (intremap=no_x2apic_optout overrides it)" },
	{ "x2apic: IRQ remapping doesn't support X2APIC mode", ANY, KLOG_MISLEADING,
	  "means interrupt remapping is not enabled, not that it is broken" },
	{ "This system BIOS has enabled interrupt remapping", INTEL, KLOG_IR_OFF | KLOG_FW_BUG,
	  "a chipset erratum: the kernel refused interrupt remapping" },
	{ "Not enabling interrupt remapping", ANY, KLOG_IR_OFF, "interrupt remapping stayed off" },
	{ "Failed to enable irq remapping", ANY, KLOG_IR_OFF,
	  "interrupt remapping failed: devices can inject interrupts" },
	{ "*: IOAPIC[*] not in IVRS table", AMD, KLOG_IR_OFF | KLOG_FW_BUG,
	  "the IVRS table misses an I/O APIC, so interrupt remapping is off (ivrs_ioapic= works around it)" },
	{ "No southbridge IOAPIC found", AMD, KLOG_IR_OFF | KLOG_FW_BUG,
	  "the IVRS table misses the southbridge I/O APIC, so interrupt remapping is off" },
	{ "AMD-Vi: Disabling interrupt remapping", AMD, KLOG_IR_OFF, "interrupt remapping off" },

	/* The driver failed or was kept off. */
	{ "Your BIOS is broken; DMAR reported at address", INTEL, KLOG_FAILURE | KLOG_FW_BUG,
	  "the DMAR table names a unit at an impossible address: VT-d is off" },
	{ "No DRHD structure found in DMAR table", INTEL, KLOG_FAILURE | KLOG_FW_BUG,
	  "the DMAR table describes no unit: VT-d is off" },
	{ "Invalid DMAR haw", INTEL, KLOG_FAILURE | KLOG_FW_BUG,
	  "the DMAR table's host address width is invalid: VT-d is off" },
	{ "Parse DMAR table failure", INTEL, KLOG_FAILURE, "the DMAR table could not be parsed" },
	{ "No DMAR devices found", INTEL, KLOG_FAILURE, "no usable VT-d unit" },
	{ "No supported address widths. Not attempting DMA translation", INTEL, KLOG_FAILURE,
	  "the unit supports no address width the kernel can use" },
	{ "DMAR: Initialization failed", INTEL, KLOG_FAILURE, "the VT-d driver failed" },
	{ "RHSA refers to non-existent DMAR unit", INTEL, KLOG_FW_BUG,
	  "a firmware bug in the DMAR table (harmless for DMA remapping)" },
	{ "Disabling IOMMU for graphics on this chipset", INTEL, KLOG_INFO,
	  "a chipset quirk leaves the integrated GPU untranslated" },
	{ "AMD-Vi: Disable IOMMU on Stoney Ridge", AMD, KLOG_FAILURE,
	  "a kernel quirk keeps AMD-Vi off on Stoney Ridge graphics (amd_iommu=force_enable overrides it)" },
	{ "IOMMU not currently supported when SME is active", AMD, KLOG_FAILURE,
	  "this kernel cannot run AMD-Vi with memory encryption (SME) on" },
	{ "The CMPXCHG16B feature is required", AMD, KLOG_FAILURE,
	  "the CPU (often a virtual one) lacks CMPXCHG16B, which AMD-Vi needs" },
	{ "IVRS invalid checksum", AMD, KLOG_FAILURE | KLOG_FW_BUG, "the IVRS table is damaged" },
	{ "IVRS table error", AMD, KLOG_FAILURE | KLOG_FW_BUG, "the IVRS table is broken" },
	{ "Unsupported IVHD type", AMD, KLOG_FAILURE | KLOG_FW_BUG,
	  "the IVRS table has a unit type this kernel does not know" },
	{ "Failed to initialize IOMMU Hardware", AMD, KLOG_FAILURE, "an AMD-Vi unit failed" },
	{ "SNP: IOMMU disabled or configured in passthrough mode", AMD, KLOG_INFO,
	  "SEV-SNP needs the IOMMU on and translating" },
	{ "Memory encryption detected - Disabling default IOMMU Passthrough", ANY, KLOG_INFO,
	  "memory encryption forces translated DMA" },

	/* Faults and hardware errors. */
	{ "DMAR: DRHD: handling fault status reg", INTEL, KLOG_FAULT, "a VT-d fault" },
	{ "DMAR: [DMA Read", INTEL, KLOG_FAULT, "a DMA read was blocked" },
	{ "DMAR: [DMA Write", INTEL, KLOG_FAULT, "a DMA write was blocked" },
	{ "DMAR: [INTR-REMAP]", INTEL, KLOG_FAULT, "an interrupt was blocked" },
	{ "VT-d detected Invalidation Time-out Error", INTEL, KLOG_FAULT,
	  "a VT-d unit stopped answering invalidations" },
	{ "AMD-Vi: Event logged [", AMD, KLOG_FAULT, "an AMD-Vi event (fault)" },
	{ "Completion-Wait loop timed out", AMD, KLOG_FAULT,
	  "an AMD-Vi unit stopped answering commands" },
	{ "arm-smmu-v3 *: event 0x*", ARM, KLOG_FAULT, "an SMMUv3 event (fault)" },
	{ "arm-smmu *: Unhandled context fault", ARM, KLOG_FAULT, "an SMMU context fault" },

	/* VFIO. */
	{ "Adding kernel taint for vfio-noiommu group", ANY, KLOG_NOIOMMU,
	  "VFIO drove a device with no IOMMU at all (unsafe no-IOMMU mode)" },
	{ "No interrupt remapping support.  Use the module param", ANY, KLOG_INFO,
	  "VFIO refused a device because interrupts are not remapped" },

	/* Lines that look like evidence and are not. */
	{ "DMAR: IOMMU enabled", INTEL, KLOG_MISLEADING,
	  "only echoes intel_iommu=on from the command line: printed even when VT-d is off in the firmware, and absent on kernels that enable it by default" },
	{ "iommu: Default domain type:", ANY, KLOG_MISLEADING,
	  "printed at boot by every kernel with the IOMMU API, even with no IOMMU at all" },
	{ "iommu: DMA domain TLB invalidation policy:", ANY, KLOG_MISLEADING,
	  "printed even with no IOMMU; the groups' type says which policy is in effect (a virtual VT-d forces strict)" },
	{ "AMD IOMMUv2 functionality not available", ANY, KLOG_MISLEADING,
	  "harmless: the optional IOMMUv2 (PASID) module found nothing to do; it says nothing about AMD-Vi" },
	{ "DMAR: Host address width", INTEL, KLOG_MISLEADING,
	  "printed while parsing the DMAR table, also when DMA remapping then stays off" },
	{ "DMAR: DRHD base:", INTEL, KLOG_MISLEADING,
	  "printed while parsing the DMAR table, also when DMA remapping then stays off" },
	{ "PCI-DMA: Using software bounce buffering for IO (SWIOTLB)", ANY, KLOG_MISLEADING,
	  "about bounce buffers, not about the IOMMU" },
	{ NULL, ANY, 0, NULL },
};
