# status -v decodes each unit's capability registers: VT-d CAP/ECAP, AMD-Vi EFR/EFR2.
$ tests/sysroots/make-sysroot.sh tests/sysroots/amd-enabled.desc $TMP/r && iommutool --sysroot $TMP/r -v status
IOMMU enabled: AMD-Vi, 1 unit (ivhd0); DMA not translated (passthrough)


ivhd0 (AMD-Vi):
AMD-Vi Extended Feature Registers  [0x000, 16 bytes]
  Extended Feature Register (48882 §3.4.12, 0030h)  [0x000, 8 bytes]
    [0x000]      Extended Feature Register (EFR) : 0x246577efa2254afa
      bit 0      Prefetch IOMMU Pages (PreFSup) : no
      bit 1      Peripheral Page Requests (PPRSup) : yes
      bit 2      x2APIC Interrupts (XTSup)      : no
      bit 3      No-Execute Protection (NXSup)  : yes
      bit 4      Guest Translation (GTSup)      : yes
      bit 6      INVALIDATE_IOMMU_ALL (IASup)   : yes
      bit 7      Guest Virtual APIC (GASup)     : yes
      bit 8      Hardware Error Registers (HESup) : no
      bit 9      Performance Counters (PCSup)   : yes
      bits 11-10 Host Address Translation Size (HATS) : 2 (6-level (64-bit))
      bits 13-12 Guest Address Translation Size (GATS) : 0 (4-level)
      bits 15-14 Guest CR3 Root Table Levels (GLXSup) : 1 (2-level GCR3 table)
      bits 17-16 SMI Filter Register (SmiFSup)  : 1
      bits 20-18 SMI Filter Register Count (SmiFRC) : 1
      bits 23-21 Guest Virtual APIC Modes (GAMSup) : 1 (guest virtual APIC (vAPIC) mode)
      bits 25-24 Dual PPR Log (DualPprLogSup)   : 2
      bits 29-28 Dual Event Log (DualEventLogSup) : 2
      bits 36-32 Maximum PASID (PASmax)         : 15 (16-bit PASIDs)
      bit 37     User/Supervisor Page Protection (USSup) : yes
      bits 39-38 Segmented Device Table (DevTblSegSup) : 3
      bit 40     PPR Log Overflow Early Warning (PprOvrflwEarlySup) : yes
      bit 41     PPR Automatic Response (PPRAutoRspSup) : yes
      bits 43-42 Memory Access Routing and Control (MarcSup) : 1
      bit 44     Block StopMark Messages (BlkStopMrkSup) : yes
      bit 45     Performance Optimization (PerfOptSup) : yes
      bit 46     MSI Capability MMIO Access (MsiCapMmioSup) : yes
      bit 48     Guest I/O Protection (GIoSup)  : yes
      bit 49     Host Access Flag (HASup)       : no
      bit 50     Enhanced PPR Handling (EPHSup) : yes
      bit 51     Attribute Forward (AttrFWSup)  : no
      bit 52     Host Dirty Flag (HDSup)        : no
      bit 54     Invalidate IOTLB Type (InvIotlbTypeSup) : yes
      bit 61     Disable Guest A/D Update (GAUpdateDisSup) : yes
      bit 62     Force Physical Destination Mode (ForcePhyDestSup) : no
      bit 63     SEV-SNP Support (SNPSup)       : no
  Extended Feature 2 Register (48882 §3.4.12, 01A0h)  [0x008, 8 bytes]
    [0x008]      Extended Feature 2 Register (EFR2) : 0x0000000000000000
      bit 3      GCR3 Trap Mode (GCR3TRPMode)   : no
      bits 7-5   SNP Virtual APIC Modes (SNPAVICSup) : 0
      bits 9-8   Interrupt Remapping Entries (NumIntRemapSup) : 0 (512 per device)
      bit 11     HyperTransport Range Ignore (HTRangeIgnore) : no

PASS    platform                AuthenticAMD CPU
        /proc/cpuinfo: AuthenticAMD
PASS    firmware.table          the firmware describes AMD-Vi (IVRS table)
        /sys/firmware/acpi/tables/IVRS: present, 92 bytes
PASS    kernel.config           this kernel has the AMD-Vi driver
        /boot/config-6.12.9-amd64: CONFIG_AMD_IOMMU=y
        /boot/config-6.12.9-amd64: CONFIG_IRQ_REMAP=y
        /boot/config-6.12.9-amd64: CONFIG_IOMMU_DEFAULT_DMA_LAZY=y
        /boot/config-6.12.9-amd64: CONFIG_VFIO=m
PASS    kernel.cmdline          nothing on the kernel command line turns the IOMMU off
        /proc/cmdline: iommu=pt: DMA passed through (not translated) by default
PASS    kernel.units            1 IOMMU unit is running
        /sys/class/iommu/ivhd0: AMD-Vi at 0xfd200000 (IVRS), 8 devices
PASS    kernel.groups           4 IOMMU groups
        /sys/kernel/iommu_groups: 4 groups
PASS    kernel.log              the driver logged its start
        kernel log: "pci 0000:00:00.2: AMD-Vi: Found IOMMU cap 0x40": the AMD-Vi driver found a unit
PASS    dma.mode                DMA is not translated (passthrough): the host's own drivers reach all memory; VFIO still isolates the devices it is given
        /sys/kernel/iommu_groups/*/type: identity (passthrough): 4 groups
        /proc/cmdline: iommu=pt
        /boot/config-6.12.9-amd64: CONFIG_IOMMU_DEFAULT_DMA_LAZY=y: the built-in default
        hint: to isolate the host's own devices too, remove iommu=pt or iommu.passthrough=1 from the kernel command line (SEV-SNP hosts need translation)
PASS    iommu.translation       AMD-Vi uses v1 page tables (inferred)
        /sys/class/iommu/ivhd0: v1 page tables (inferred): the kernel's default: nothing on the command line asks for v2 (amd_iommu=pgtbl_v2)
WARN    interrupts.remapping    interrupt remapping is off: a device given to a VM could inject interrupts, so VFIO refuses it unless told allow_unsafe_interrupts
        /proc/interrupts: IO-APIC (4), PCI-MSIX (9)
        kernel log: "[Firmware Bug]: AMD-Vi: No southbridge IOAPIC found": the IVRS table misses the southbridge I/O APIC, so interrupt remapping is off
        hint: check the firmware offers it (DMAR INTR_REMAP flag, an IVRS listing every I/O APIC) and update the firmware
UNKNOWN interrupts.x2apic       the APIC mode is only in the kernel log, which does not say
PASS    interrupts.posted       posted interrupts are supported: device interrupts can reach a VM without exits
        /sys/class/iommu/ivhd0/amd-iommu/features: GASup and GAMSup vAPIC set
WARN    vfio.unsafe_interrupts  VFIO accepts devices without interrupt remapping: a VM can inject interrupts into the host
        /sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts: Y
        hint: fix interrupt remapping and drop allow_unsafe_interrupts
SKIP    vfio.noiommu            VFIO offers no no-IOMMU mode here (not loaded, or built without it)
WARN    dma.faults              2 IOMMU fault lines in the kernel log: a device used an address it was not given
        kernel log: "mlx5_core 0000:02:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x000b address=0xfffffffdf8000000 flags=0x0020]"
        kernel log: "mlx5_core 0000:02:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x000b address=0xfffffffdf8001000 flags=0x0020]"
        hint: iommutool fault decodes them; update the device's driver and the firmware rather than turning the IOMMU off
WARN    cmdline.unknown         words the kernel does not know
        /proc/cmdline: 'on' is not an amd_iommu option; the kernel logs "AMD-Vi: Unknown option - 'on'" and goes on
        hint: remove it: AMD-Vi is on by default whenever the firmware has an IVRS table
WARN    cmdline.unsafe          words that make VFIO unsafe
        /proc/cmdline: 'vfio_iommu_type1.allow_unsafe_interrupts=1' lets VFIO work without interrupt remapping
        hint: without interrupt remapping a device given to a VM can inject interrupts into the host; fix interrupt remapping instead
SKIP    log.misleading          kernel log lines that look like evidence and are not
        kernel log: "iommu: Default domain type: Passthrough (set via kernel command line)": printed at boot by every kernel with the IOMMU API, even with no IOMMU at all
        kernel log: "AMD-Vi: AMD IOMMUv2 functionality not available on this system - This is not a bug.": harmless: the optional IOMMUv2 (PASID) module found nothing to do; it says nothing about AMD-Vi

To fix:
  interrupts.remapping: check the firmware offers it (DMAR INTR_REMAP flag, an IVRS listing every I/O APIC) and update the firmware
  vfio.unsafe_interrupts: fix interrupt remapping and drop allow_unsafe_interrupts
  dma.faults: iommutool fault decodes them; update the device's driver and the firmware rather than turning the IOMMU off
  cmdline.unknown: remove it: AMD-Vi is on by default whenever the firmware has an IVRS table
  cmdline.unsafe: without interrupt remapping a device given to a VM can inject interrupts into the host; fix interrupt remapping instead
[exit 1]
$ tests/sysroots/make-sysroot.sh tests/sysroots/intel-enabled.desc $TMP/r && iommutool --sysroot $TMP/r -v status
IOMMU enabled: Intel VT-d, 2 units (dmar0, dmar1); DMA translated, lazy invalidation


dmar0 (Intel VT-d):
VT-d Capability Registers  [0x000, 16 bytes]
  Capability Register (VT-d 4.1 §11.4.2)  [0x000, 8 bytes]
    [0x000]      Capability Register (CAP_REG)  : 0x01c0000c40660462
      bits 2-0   Number of Domains Supported (ND) : 2 (256 domains)
      bit 3      Advanced Fault Logging (AFL)   : no
      bit 4      Required Write-Buffer Flushing (RWBF) : no
      bit 5      Protected Low-Memory Region (PLMR) : yes
      bit 6      Protected High-Memory Region (PHMR) : yes
      bit 7      Caching Mode (CM)              : no
      bits 12-8  Supported Adjusted Guest Address Widths (SAGAW) : 4 (48-bit 4-level)
      bits 21-16 Maximum Guest Address Width (MGAW) : 38 (39 bits)
      bit 22     Zero Length Read (ZLR)         : yes
      bits 33-24 Fault-recording Register Offset (FRO) : 0x040 (register offset 0x400)
      bits 37-34 Second Stage Large Page Support (SSLPS) : 3 (2 MiB, 1 GiB)
      bit 39     Page Selective Invalidation (PSI) : no
      bits 47-40 Number of Fault-recording Registers (NFR) : 0 (1 fault-recording register(s))
      bits 53-48 Maximum Address Mask Value (MAMV) : 0 (up to 2^0)
      bit 54     Write Draining (DWD)           : yes
      bit 55     Read Draining (DRD)            : yes
      bit 56     First Stage 1-GByte Page Support (FS1GP) : yes
      bit 59     Posted Interrupts Support (PI) : no
      bit 60     First Stage 5-level Paging Support (FS5LP) : no
      bit 61     Enhanced Command Support (ECMDS) : no
      bit 62     Enhanced Set Interrupt Remap Table Pointer Support (ESIRTPS) : no
      bit 63     Enhanced Set Root Table Pointer Support (ESRTPS) : no
  Extended Capability Register (VT-d 4.1 §11.4.3)  [0x008, 8 bytes]
    [0x008]      Extended Capability Register (ECAP_REG) : 0x0000019e2ff0505e
      bit 0      Page-walk Coherency (C)        : no
      bit 1      Queued Invalidation Support (QI) : yes
      bit 2      Device-TLB Support (DT)        : yes
      bit 3      Interrupt Remapping Support (IR) : yes
      bit 4      Extended Interrupt Mode (EIM)  : yes
      bit 6      Pass Through (PT)              : yes
      bit 7      Snoop Control (SC)             : no
      bits 17-8  IOTLB Register Offset (IRO)    : 0x050 (register offset 0x500)
      bits 23-20 Maximum Handle Mask Value (MHMV) : 15 (up to 2^15)
      bit 25     Memory Type Support (MTS)      : yes
      bit 26     Nested Translation Support (NEST) : yes
      bit 29     Page Request Support (PRS)     : yes
      bit 30     Execute Request Support (ERS)  : no
      bit 31     Supervisor Request Support (SRS) : no
      bit 33     No Write Flag Support (NWFS)   : yes
      bit 34     Extended Accessed Flag Support (EAFS) : yes
      bits 39-35 PASID Size Supported (PSS)     : 19 (20-bit PASIDs)
      bit 40     Process Address Space ID Support (PASID) : yes
      bit 41     Device-TLB Invalidation Throttle (DIT) : no
      bit 42     Page-request Drain Support (PDS) : no
      bit 43     Scalable Mode Translation Support (SMTS) : no
      bit 44     Virtual Command Support (VCS)  : no
      bit 45     Second Stage Accessed/Dirty Support (SSADS) : no
      bit 46     Second Stage Translation Support (SSTS) : no
      bit 47     First Stage Translation Support (FSTS) : no
      bit 48     Scalable-Mode Page-walk Coherency Support (SMPWCS) : no
      bit 49     RID-PASID Support (RPS)        : no
      bit 51     Performance Monitoring Support (PMS) : no
      bit 52     Abort DMA Mode Support (ADMS)  : no
      bit 53     RID_PRIV Support (RPRIVS)      : no
                 Bits VT-d 4.1 leaves reserved  : 0x9000000 (set, though VT-d 4.1 defines no field there)

dmar1 (Intel VT-d):
VT-d Capability Registers  [0x000, 16 bytes]
  Capability Register (VT-d 4.1 §11.4.2)  [0x000, 8 bytes]
    [0x000]      Capability Register (CAP_REG)  : 0x00d2008c40660462
      bits 2-0   Number of Domains Supported (ND) : 2 (256 domains)
      bit 3      Advanced Fault Logging (AFL)   : no
      bit 4      Required Write-Buffer Flushing (RWBF) : no
      bit 5      Protected Low-Memory Region (PLMR) : yes
      bit 6      Protected High-Memory Region (PHMR) : yes
      bit 7      Caching Mode (CM)              : no
      bits 12-8  Supported Adjusted Guest Address Widths (SAGAW) : 4 (48-bit 4-level)
      bits 21-16 Maximum Guest Address Width (MGAW) : 38 (39 bits)
      bit 22     Zero Length Read (ZLR)         : yes
      bits 33-24 Fault-recording Register Offset (FRO) : 0x040 (register offset 0x400)
      bits 37-34 Second Stage Large Page Support (SSLPS) : 3 (2 MiB, 1 GiB)
      bit 39     Page Selective Invalidation (PSI) : yes
      bits 47-40 Number of Fault-recording Registers (NFR) : 0 (1 fault-recording register(s))
      bits 53-48 Maximum Address Mask Value (MAMV) : 18 (up to 2^18)
      bit 54     Write Draining (DWD)           : yes
      bit 55     Read Draining (DRD)            : yes
      bit 56     First Stage 1-GByte Page Support (FS1GP) : no
      bit 59     Posted Interrupts Support (PI) : no
      bit 60     First Stage 5-level Paging Support (FS5LP) : no
      bit 61     Enhanced Command Support (ECMDS) : no
      bit 62     Enhanced Set Interrupt Remap Table Pointer Support (ESIRTPS) : no
      bit 63     Enhanced Set Root Table Pointer Support (ESRTPS) : no
  Extended Capability Register (VT-d 4.1 §11.4.3)  [0x008, 8 bytes]
    [0x008]      Extended Capability Register (ECAP_REG) : 0x0000000000f050da
      bit 0      Page-walk Coherency (C)        : no
      bit 1      Queued Invalidation Support (QI) : yes
      bit 2      Device-TLB Support (DT)        : no
      bit 3      Interrupt Remapping Support (IR) : yes
      bit 4      Extended Interrupt Mode (EIM)  : yes
      bit 6      Pass Through (PT)              : yes
      bit 7      Snoop Control (SC)             : yes
      bits 17-8  IOTLB Register Offset (IRO)    : 0x050 (register offset 0x500)
      bits 23-20 Maximum Handle Mask Value (MHMV) : 15 (up to 2^15)
      bit 25     Memory Type Support (MTS)      : no
      bit 26     Nested Translation Support (NEST) : no
      bit 29     Page Request Support (PRS)     : no
      bit 30     Execute Request Support (ERS)  : no
      bit 31     Supervisor Request Support (SRS) : no
      bit 33     No Write Flag Support (NWFS)   : no
      bit 34     Extended Accessed Flag Support (EAFS) : no
      bits 39-35 PASID Size Supported (PSS)     : 0 (1-bit PASIDs)
      bit 40     Process Address Space ID Support (PASID) : no
      bit 41     Device-TLB Invalidation Throttle (DIT) : no
      bit 42     Page-request Drain Support (PDS) : no
      bit 43     Scalable Mode Translation Support (SMTS) : no
      bit 44     Virtual Command Support (VCS)  : no
      bit 45     Second Stage Accessed/Dirty Support (SSADS) : no
      bit 46     Second Stage Translation Support (SSTS) : no
      bit 47     First Stage Translation Support (FSTS) : no
      bit 48     Scalable-Mode Page-walk Coherency Support (SMPWCS) : no
      bit 49     RID-PASID Support (RPS)        : no
      bit 51     Performance Monitoring Support (PMS) : no
      bit 52     Abort DMA Mode Support (ADMS)  : no
      bit 53     RID_PRIV Support (RPRIVS)      : no

PASS    platform                GenuineIntel CPU
        /proc/cpuinfo: GenuineIntel
PASS    firmware.table          the firmware describes Intel VT-d (DMAR table)
        /sys/firmware/acpi/tables/DMAR: present, 128 bytes
        /sys/firmware/acpi/tables/DMAR: Flags 0x05: INTR_REMAP DMA_CTRL_PLATFORM_OPT_IN
PASS    kernel.config           this kernel has the Intel VT-d driver
        /boot/config-6.8.0-51-generic: CONFIG_INTEL_IOMMU=y
        /boot/config-6.8.0-51-generic: CONFIG_INTEL_IOMMU_DEFAULT_ON=y
        /boot/config-6.8.0-51-generic: CONFIG_IRQ_REMAP=y
        /boot/config-6.8.0-51-generic: CONFIG_IOMMU_DEFAULT_DMA_LAZY=y
        /boot/config-6.8.0-51-generic: CONFIG_VFIO=m
PASS    kernel.cmdline          nothing on the kernel command line turns the IOMMU off
PASS    kernel.units            2 IOMMU units are running
        /sys/class/iommu/dmar0: Intel VT-d at 0xfed90000, 2 devices
        /sys/class/iommu/dmar1: Intel VT-d at 0xfed91000, 9 devices
PASS    kernel.groups           7 IOMMU groups
        /sys/kernel/iommu_groups: 7 groups
PASS    kernel.log              the driver logged its start
        kernel log: "DMAR: No ATSR found": printed only once DMA remapping is being enabled
PASS    dma.mode                DMA is translated, invalidations batched (lazy): a freed buffer stays reachable for a few milliseconds
        /sys/kernel/iommu_groups/*/type: DMA-FQ (translated, lazy): 7 groups
        /boot/config-6.8.0-51-generic: CONFIG_IOMMU_DEFAULT_DMA_LAZY=y: the built-in default
        hint: iommu.strict=1 on the kernel command line makes it strict, at some cost in throughput
PASS    iommu.translation       Intel VT-d runs in legacy mode
        /sys/class/iommu/dmar0: legacy mode: the hardware has no scalable mode (ECAP 0x19e2ff0505e: SMTS, bit 43, clear)
        /sys/class/iommu/dmar1: legacy mode: the hardware has no scalable mode (ECAP 0xf050da: SMTS, bit 43, clear)
PASS    interrupts.remapping    interrupt remapping is on: all 11 I/O APIC and MSI interrupts go through it
        /proc/interrupts: IR-IO-APIC (5), IR-PCI-MSIX (6)
        kernel log: "DMAR-IR: Enabled IRQ remapping in x2apic mode": interrupt remapping on, x2APIC mode
PASS    interrupts.x2apic       the APIC runs in x2APIC mode
        kernel log: "DMAR-IR: Enabled IRQ remapping in x2apic mode": interrupt remapping on, x2APIC mode
SKIP    interrupts.posted       no unit supports posted interrupts
PASS    vfio.unsafe_interrupts  VFIO insists on interrupt remapping
        /sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts: N
PASS    vfio.noiommu            VFIO's unsafe no-IOMMU mode is off
        /sys/module/vfio/parameters/enable_unsafe_noiommu_mode: N
PASS    dma.protection          the firmware asks for protection from external devices' DMA, and Thunderbolt has it
        /sys/firmware/acpi/tables/DMAR: DMA_CTRL_PLATFORM_OPT_IN: the kernel turns VT-d on for external ports
        /sys/bus/thunderbolt/devices/domain*/iommu_dma_protection: 1 of 1 domains protected
PASS    cmdline.lint            the IOMMU words on the kernel command line are all valid and effective
SKIP    log.misleading          kernel log lines that look like evidence and are not
        kernel log: "DMAR: Host address width 39": printed while parsing the DMAR table, also when DMA remapping then stays off
        kernel log: "DMAR: DRHD base: 0x000000fed90000 flags: 0x0": printed while parsing the DMAR table, also when DMA remapping then stays off
        kernel log: "DMAR: DRHD base: 0x000000fed91000 flags: 0x1": printed while parsing the DMAR table, also when DMA remapping then stays off
        kernel log: "iommu: Default domain type: Translated": printed at boot by every kernel with the IOMMU API, even with no IOMMU at all
        kernel log: "iommu: DMA domain TLB invalidation policy: lazy mode": printed even with no IOMMU; the groups' type says which policy is in effect (a virtual VT-d forces strict)
[exit 0]
