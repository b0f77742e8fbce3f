# status on the fixtures: a q35 guest with QEMU's VT-d (caching mode, interrupt remapping,
# strict because of the caching mode although the log says lazy), one without any IOMMU, and
# the AMD guest's unit address, which sysfs does not give, taken from its IVRS: the base its
# registers were read at (registers.txt); and that guest's sysfs linking the class directory
# back to itself (class/iommu/iommu: no unit).
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy status
IOMMU enabled: Intel VT-d, 1 unit (dmar0); DMA translated, strict invalidation

PASS    platform                AuthenticAMD CPU, virtual machine
        /proc/cpuinfo: AuthenticAMD (the firmware's tables, not the CPU, say which IOMMU there is)
        /proc/cpuinfo: flag "hypervisor": running in a virtual machine
PASS    firmware.table          the firmware describes Intel VT-d (DMAR table)
        /sys/firmware/acpi/tables/DMAR: present, 136 bytes
        /sys/firmware/acpi/tables/DMAR: Flags 0x01: INTR_REMAP
UNKNOWN kernel.config           the kernel's configuration is not readable
        /proc/config.gz: not there (only kernels built with CONFIG_IKCONFIG_PROC have it)
        /boot/config-6.1.0-56-amd64: No such file or directory
PASS    kernel.cmdline          nothing on the kernel command line turns the IOMMU off
        /proc/cmdline: intel_iommu=on,sm_off: VT-d on
        /proc/cmdline: iommu=nopt: DMA translated by default
PASS    kernel.units            1 IOMMU unit is running
        /sys/class/iommu/dmar0: Intel VT-d at 0xfed90000, 9 devices
PASS    kernel.groups           7 IOMMU groups
        /sys/kernel/iommu_groups: 7 groups
PASS    kernel.log              the driver logged its start
        kernel log: "DMAR: No RMRR found": printed only once DMA remapping is being enabled
PASS    dma.mode                DMA is translated, the IOTLB invalidated at every unmap (strict)
        /sys/kernel/iommu_groups/*/type: DMA (translated, strict): 7 groups
        /proc/cmdline: iommu=nopt
PASS    iommu.translation       Intel VT-d runs in legacy mode
        /sys/class/iommu/dmar0: legacy mode: the hardware has no scalable mode (ECAP 0xf00f4a: SMTS, bit 43, clear)
PASS    iommu.virtual           a virtual VT-d: this VM's IOMMU is emulated by the hypervisor (Caching Mode)
        /sys/class/iommu/dmar0/intel-iommu/cap: 0xd2008c22260286: CM (bit 7) set
        kernel log: "DMAR: IOMMU batching disallowed due to virtualization": a virtual VT-d (caching mode): the kernel invalidates strictly, whatever the command line says
PASS    interrupts.remapping    interrupt remapping is on: all 12 I/O APIC and MSI interrupts go through it
        /proc/interrupts: IR-IO-APIC (6), IR-PCI-MSI (6)
        kernel log: "DMAR-IR: Enabled IRQ remapping in xapic mode": interrupt remapping on, xAPIC mode
PASS    interrupts.x2apic       the APIC runs in xAPIC mode
        kernel log: "DMAR-IR: Enabled IRQ remapping in xapic mode": interrupt remapping on, xAPIC mode
SKIP    interrupts.posted       no unit supports posted interrupts
PASS    vfio.unsafe_interrupts  VFIO insists on interrupt remapping
        /sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts: N
SKIP    vfio.noiommu            VFIO offers no no-IOMMU mode here (not loaded, or built without it)
PASS    cmdline.lint            the IOMMU words on the kernel command line are all valid and effective
SKIP    log.misleading          kernel log lines that look like evidence and are not
        kernel log: "DMAR: IOMMU enabled": only echoes intel_iommu=on from the command line: printed even when VT-d is off in the firmware, and absent on kernels that enable it by default
        kernel log: "DMAR: Host address width 39": printed while parsing the DMAR table, also when DMA remapping then stays off
        kernel log: "DMAR: DRHD base: 0x000000fed90000 flags: 0x0": printed while parsing the DMAR table, also when DMA remapping then stays off
        kernel log: "iommu: Default domain type: Translated (set via kernel command line)": printed at boot by every kernel with the IOMMU API, even with no IOMMU at all
        kernel log: "iommu: DMA domain TLB invalidation policy: lazy mode": printed even with no IOMMU; the groups' type says which policy is in effect (a virtual VT-d forces strict)
        kernel log: "AMD-Vi: AMD IOMMUv2 functionality not available on this system - This is not a bug.": harmless: the optional IOMMUv2 (PASID) module found nothing to do; it says nothing about AMD-Vi
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy --json status
{
  "schema_version": 2,
  "status": {
    "verdict": "enabled",
    "summary": "IOMMU enabled: Intel VT-d, 1 unit (dmar0); DMA translated, strict invalidation",
    "hint": null,
    "vendor": "intel",
    "mode": "strict",
    "guest": true,
    "units": [
      {
        "name": "dmar0",
        "model": "Intel VT-d",
        "vendor": "intel",
        "address": "0xfed90000",
        "devices": 9,
        "translation": {
          "mode": "legacy",
          "inferred": false,
          "basis": "the hardware has no scalable mode (ECAP 0xf00f4a: SMTS, bit 43, clear)"
        },
        "registers": {
          "kind": "vtd_registers",
          "title": "VT-d Capability Registers",
          "offset": "0x0",
          "length": 16,
          "children": [
            {
              "kind": "cap",
              "title": "Capability Register (VT-d 4.1 §11.4.2)",
              "offset": "0x0",
              "length": 8,
              "value": "0xd2008c22260286",
              "nd": 6,
              "nd_text": "65536 domains",
              "afl": false,
              "rwbf": false,
              "plmr": false,
              "phmr": false,
              "cm": true,
              "sagaw": 2,
              "sagaw_text": "39-bit 3-level",
              "mgaw": 38,
              "mgaw_text": "39 bits",
              "zlr": false,
              "fro": "0x22",
              "fro_text": "register offset 0x220",
              "sslps": 3,
              "sslps_text": "2 MiB, 1 GiB",
              "psi": true,
              "nfr": 0,
              "nfr_text": "1 fault-recording register(s)",
              "mamv": 18,
              "mamv_text": "up to 2^18",
              "dwd": true,
              "drd": true,
              "fs1gp": false,
              "pi": false,
              "fs5lp": false,
              "ecmds": false,
              "esirtps": false,
              "esrtps": false
            },
            {
              "kind": "ecap",
              "title": "Extended Capability Register (VT-d 4.1 §11.4.3)",
              "offset": "0x8",
              "length": 8,
              "value": "0xf00f4a",
              "c": false,
              "qi": true,
              "dt": false,
              "ir": true,
              "eim": false,
              "pt": true,
              "sc": false,
              "iro": "0xf",
              "iro_text": "register offset 0xf0",
              "mhmv": 15,
              "mhmv_text": "up to 2^15",
              "mts": false,
              "nest": false,
              "prs": false,
              "ers": false,
              "srs": false,
              "nwfs": false,
              "eafs": false,
              "pss": 0,
              "pss_text": "1-bit PASIDs",
              "pasid": false,
              "dit": false,
              "pds": false,
              "smts": false,
              "vcs": false,
              "ssads": false,
              "ssts": false,
              "fsts": false,
              "smpwcs": false,
              "rps": false,
              "pms": false,
              "adms": false,
              "rprivs": false
            }
          ]
        }
      }
    ]
  },
  "checks": [
    {
      "id": "platform",
      "result": "pass",
      "summary": "AuthenticAMD CPU, virtual machine",
      "evidence": [
        {
          "source": "/proc/cpuinfo",
          "text": "AuthenticAMD (the firmware's tables, not the CPU, say which IOMMU there is)"
        },
        {
          "source": "/proc/cpuinfo",
          "text": "flag \"hypervisor\": running in a virtual machine"
        }
      ],
      "hint": null
    },
    {
      "id": "firmware.table",
      "result": "pass",
      "summary": "the firmware describes Intel VT-d (DMAR table)",
      "evidence": [
        {
          "source": "/sys/firmware/acpi/tables/DMAR",
          "text": "present, 136 bytes"
        },
        {
          "source": "/sys/firmware/acpi/tables/DMAR",
          "text": "Flags 0x01: INTR_REMAP"
        }
      ],
      "hint": null
    },
    {
      "id": "kernel.config",
      "result": "unknown",
      "summary": "the kernel's configuration is not readable",
      "evidence": [
        {
          "source": "/proc/config.gz",
          "text": "not there (only kernels built with CONFIG_IKCONFIG_PROC have it)"
        },
        {
          "source": "/boot/config-6.1.0-56-amd64",
          "text": "No such file or directory"
        }
      ],
      "hint": null
    },
    {
      "id": "kernel.cmdline",
      "result": "pass",
      "summary": "nothing on the kernel command line turns the IOMMU off",
      "evidence": [
        {
          "source": "/proc/cmdline",
          "text": "intel_iommu=on,sm_off: VT-d on"
        },
        {
          "source": "/proc/cmdline",
          "text": "iommu=nopt: DMA translated by default"
        }
      ],
      "hint": null
    },
    {
      "id": "kernel.units",
      "result": "pass",
      "summary": "1 IOMMU unit is running",
      "evidence": [
        {
          "source": "/sys/class/iommu/dmar0",
          "text": "Intel VT-d at 0xfed90000, 9 devices"
        }
      ],
      "hint": null
    },
    {
      "id": "kernel.groups",
      "result": "pass",
      "summary": "7 IOMMU groups",
      "evidence": [
        {
          "source": "/sys/kernel/iommu_groups",
          "text": "7 groups"
        }
      ],
      "hint": null
    },
    {
      "id": "kernel.log",
      "result": "pass",
      "summary": "the driver logged its start",
      "evidence": [
        {
          "source": "kernel log",
          "text": "\"DMAR: No RMRR found\": printed only once DMA remapping is being enabled"
        }
      ],
      "hint": null
    },
    {
      "id": "dma.mode",
      "result": "pass",
      "summary": "DMA is translated, the IOTLB invalidated at every unmap (strict)",
      "evidence": [
        {
          "source": "/sys/kernel/iommu_groups/*/type",
          "text": "DMA (translated, strict): 7 groups"
        },
        {
          "source": "/proc/cmdline",
          "text": "iommu=nopt"
        }
      ],
      "hint": null
    },
    {
      "id": "iommu.translation",
      "result": "pass",
      "summary": "Intel VT-d runs in legacy mode",
      "evidence": [
        {
          "source": "/sys/class/iommu/dmar0",
          "text": "legacy mode: the hardware has no scalable mode (ECAP 0xf00f4a: SMTS, bit 43, clear)"
        }
      ],
      "hint": null
    },
    {
      "id": "iommu.virtual",
      "result": "pass",
      "summary": "a virtual VT-d: this VM's IOMMU is emulated by the hypervisor (Caching Mode)",
      "evidence": [
        {
          "source": "/sys/class/iommu/dmar0/intel-iommu/cap",
          "text": "0xd2008c22260286: CM (bit 7) set"
        },
        {
          "source": "kernel log",
          "text": "\"DMAR: IOMMU batching disallowed due to virtualization\": a virtual VT-d (caching mode): the kernel invalidates strictly, whatever the command line says"
        }
      ],
      "hint": null
    },
    {
      "id": "interrupts.remapping",
      "result": "pass",
      "summary": "interrupt remapping is on: all 12 I/O APIC and MSI interrupts go through it",
      "evidence": [
        {
          "source": "/proc/interrupts",
          "text": "IR-IO-APIC (6), IR-PCI-MSI (6)"
        },
        {
          "source": "kernel log",
          "text": "\"DMAR-IR: Enabled IRQ remapping in xapic mode\": interrupt remapping on, xAPIC mode"
        }
      ],
      "hint": null
    },
    {
      "id": "interrupts.x2apic",
      "result": "pass",
      "summary": "the APIC runs in xAPIC mode",
      "evidence": [
        {
          "source": "kernel log",
          "text": "\"DMAR-IR: Enabled IRQ remapping in xapic mode\": interrupt remapping on, xAPIC mode"
        }
      ],
      "hint": null
    },
    {
      "id": "interrupts.posted",
      "result": "skip",
      "summary": "no unit supports posted interrupts",
      "evidence": [
      ],
      "hint": null
    },
    {
      "id": "vfio.unsafe_interrupts",
      "result": "pass",
      "summary": "VFIO insists on interrupt remapping",
      "evidence": [
        {
          "source": "/sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts",
          "text": "N"
        }
      ],
      "hint": null
    },
    {
      "id": "vfio.noiommu",
      "result": "skip",
      "summary": "VFIO offers no no-IOMMU mode here (not loaded, or built without it)",
      "evidence": [
      ],
      "hint": null
    },
    {
      "id": "cmdline.lint",
      "result": "pass",
      "summary": "the IOMMU words on the kernel command line are all valid and effective",
      "evidence": [
      ],
      "hint": null
    },
    {
      "id": "log.misleading",
      "result": "skip",
      "summary": "kernel log lines that look like evidence and are not",
      "evidence": [
        {
          "source": "kernel log",
          "text": "\"DMAR: IOMMU enabled\": only echoes intel_iommu=on from the command line: printed even when VT-d is off in the firmware, and absent on kernels that enable it by default"
        },
        {
          "source": "kernel log",
          "text": "\"DMAR: Host address width 39\": printed while parsing the DMAR table, also when DMA remapping then stays off"
        },
        {
          "source": "kernel log",
          "text": "\"DMAR: DRHD base: 0x000000fed90000 flags: 0x0\": printed while parsing the DMAR table, also when DMA remapping then stays off"
        },
        {
          "source": "kernel log",
          "text": "\"iommu: Default domain type: Translated (set via kernel command line)\": printed at boot by every kernel with the IOMMU API, even with no IOMMU at all"
        },
        {
          "source": "kernel log",
          "text": "\"iommu: DMA domain TLB invalidation policy: lazy mode\": printed even with no IOMMU; the groups' type says which policy is in effect (a virtual VT-d forces strict)"
        },
        {
          "source": "kernel log",
          "text": "\"AMD-Vi: AMD IOMMUv2 functionality not available on this system - This is not a bug.\": harmless: the optional IOMMUv2 (PASID) module found nothing to do; it says nothing about AMD-Vi"
        }
      ],
      "hint": null
    }
  ]
}
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy -v status
IOMMU enabled: Intel VT-d, 1 unit (dmar0); DMA translated, strict invalidation


dmar0 (Intel VT-d):
VT-d Capability Registers  [0x000, 16 bytes]
  Capability Register (VT-d 4.1 §11.4.2)  [0x000, 8 bytes]
    [0x000]      Capability Register (CAP_REG)  : 0x00d2008c22260286
      bits 2-0   Number of Domains Supported (ND) : 6 (65536 domains)
      bit 3      Advanced Fault Logging (AFL)   : no
      bit 4      Required Write-Buffer Flushing (RWBF) : no
      bit 5      Protected Low-Memory Region (PLMR) : no
      bit 6      Protected High-Memory Region (PHMR) : no
      bit 7      Caching Mode (CM)              : yes
      bits 12-8  Supported Adjusted Guest Address Widths (SAGAW) : 2 (39-bit 3-level)
      bits 21-16 Maximum Guest Address Width (MGAW) : 38 (39 bits)
      bit 22     Zero Length Read (ZLR)         : no
      bits 33-24 Fault-recording Register Offset (FRO) : 0x022 (register offset 0x220)
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
    [0x008]      Extended Capability Register (ECAP_REG) : 0x0000000000f00f4a
      bit 0      Page-walk Coherency (C)        : no
      bit 1      Queued Invalidation Support (QI) : yes
      bit 2      Device-TLB Support (DT)        : no
      bit 3      Interrupt Remapping Support (IR) : yes
      bit 4      Extended Interrupt Mode (EIM)  : no
      bit 6      Pass Through (PT)              : yes
      bit 7      Snoop Control (SC)             : no
      bits 17-8  IOTLB Register Offset (IRO)    : 0x00f (register offset 0xf0)
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

PASS    platform                AuthenticAMD CPU, virtual machine
        /proc/cpuinfo: AuthenticAMD (the firmware's tables, not the CPU, say which IOMMU there is)
        /proc/cpuinfo: flag "hypervisor": running in a virtual machine
PASS    firmware.table          the firmware describes Intel VT-d (DMAR table)
        /sys/firmware/acpi/tables/DMAR: present, 136 bytes
        /sys/firmware/acpi/tables/DMAR: Flags 0x01: INTR_REMAP
UNKNOWN kernel.config           the kernel's configuration is not readable
        /proc/config.gz: not there (only kernels built with CONFIG_IKCONFIG_PROC have it)
        /boot/config-6.1.0-56-amd64: No such file or directory
PASS    kernel.cmdline          nothing on the kernel command line turns the IOMMU off
        /proc/cmdline: intel_iommu=on,sm_off: VT-d on
        /proc/cmdline: iommu=nopt: DMA translated by default
PASS    kernel.units            1 IOMMU unit is running
        /sys/class/iommu/dmar0: Intel VT-d at 0xfed90000, 9 devices
PASS    kernel.groups           7 IOMMU groups
        /sys/kernel/iommu_groups: 7 groups
PASS    kernel.log              the driver logged its start
        kernel log: "DMAR: No RMRR found": printed only once DMA remapping is being enabled
PASS    dma.mode                DMA is translated, the IOTLB invalidated at every unmap (strict)
        /sys/kernel/iommu_groups/*/type: DMA (translated, strict): 7 groups
        /proc/cmdline: iommu=nopt
PASS    iommu.translation       Intel VT-d runs in legacy mode
        /sys/class/iommu/dmar0: legacy mode: the hardware has no scalable mode (ECAP 0xf00f4a: SMTS, bit 43, clear)
PASS    iommu.virtual           a virtual VT-d: this VM's IOMMU is emulated by the hypervisor (Caching Mode)
        /sys/class/iommu/dmar0/intel-iommu/cap: 0xd2008c22260286: CM (bit 7) set
        kernel log: "DMAR: IOMMU batching disallowed due to virtualization": a virtual VT-d (caching mode): the kernel invalidates strictly, whatever the command line says
PASS    interrupts.remapping    interrupt remapping is on: all 12 I/O APIC and MSI interrupts go through it
        /proc/interrupts: IR-IO-APIC (6), IR-PCI-MSI (6)
        kernel log: "DMAR-IR: Enabled IRQ remapping in xapic mode": interrupt remapping on, xAPIC mode
PASS    interrupts.x2apic       the APIC runs in xAPIC mode
        kernel log: "DMAR-IR: Enabled IRQ remapping in xapic mode": interrupt remapping on, xAPIC mode
SKIP    interrupts.posted       no unit supports posted interrupts
PASS    vfio.unsafe_interrupts  VFIO insists on interrupt remapping
        /sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts: N
SKIP    vfio.noiommu            VFIO offers no no-IOMMU mode here (not loaded, or built without it)
PASS    cmdline.lint            the IOMMU words on the kernel command line are all valid and effective
SKIP    log.misleading          kernel log lines that look like evidence and are not
        kernel log: "DMAR: IOMMU enabled": only echoes intel_iommu=on from the command line: printed even when VT-d is off in the firmware, and absent on kernels that enable it by default
        kernel log: "DMAR: Host address width 39": printed while parsing the DMAR table, also when DMA remapping then stays off
        kernel log: "DMAR: DRHD base: 0x000000fed90000 flags: 0x0": printed while parsing the DMAR table, also when DMA remapping then stays off
        kernel log: "iommu: Default domain type: Translated (set via kernel command line)": printed at boot by every kernel with the IOMMU API, even with no IOMMU at all
        kernel log: "iommu: DMA domain TLB invalidation policy: lazy mode": printed even with no IOMMU; the groups' type says which policy is in effect (a virtual VT-d forces strict)
        kernel log: "AMD-Vi: AMD IOMMUv2 functionality not available on this system - This is not a bug.": harmless: the optional IOMMUv2 (PASID) module found nothing to do; it says nothing about AMD-Vi
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-no-iommu status
IOMMU not enabled: this virtual machine was given no virtual IOMMU

PASS    platform                AuthenticAMD CPU, virtual machine
        /proc/cpuinfo: AuthenticAMD
        /proc/cpuinfo: flag "hypervisor": running in a virtual machine
FAIL    firmware.table          the firmware describes no IOMMU: no DMAR, IVRS, IORT or VIOT table
        /sys/firmware/acpi/tables: 7 ACPI tables, none of them DMAR, IVRS, IORT or VIOT
        hint: give the VM an IOMMU: QEMU -device intel-iommu,intremap=on with -machine q35,kernel-irqchip=split (or -device amd-iommu, or -device virtio-iommu-pci); libvirt <iommu model='intel'/> (or 'virtio'); most cloud instances offer none
UNKNOWN kernel.config           the kernel's configuration is not readable
        /proc/config.gz: not there (only kernels built with CONFIG_IKCONFIG_PROC have it)
        /boot/config-6.1.0-56-amd64: No such file or directory
PASS    kernel.cmdline          nothing on the kernel command line turns the IOMMU off
FAIL    kernel.units            no IOMMU unit is running
        /sys/class/iommu: empty: the kernel registered no IOMMU
FAIL    kernel.groups           no IOMMU groups
        /sys/kernel/iommu_groups: empty (the directory exists on every kernel with the IOMMU API: its existence proves nothing)
SKIP    kernel.log              the kernel log has no line from the AMD-Vi driver (it may have rotated)
SKIP    dma.mode                no IOMMU: DMA is not translated
SKIP    interrupts.remapping    interrupt remapping is off: a device given to a VM could inject interrupts, so VFIO refuses it unless told allow_unsafe_interrupts
        /proc/interrupts: IO-APIC (6), PCI-MSI (6)
UNKNOWN interrupts.x2apic       the APIC mode is only in the kernel log, which does not say
PASS    vfio.unsafe_interrupts  VFIO insists on interrupt remapping
        /sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts: N
SKIP    vfio.noiommu            VFIO offers no no-IOMMU mode here (not loaded, or built without it)
PASS    cmdline.lint            the IOMMU words on the kernel command line are all valid and effective
SKIP    log.misleading          kernel log lines that look like evidence and are not
        kernel log: "iommu: Default domain type: Translated": printed at boot by every kernel with the IOMMU API, even with no IOMMU at all
        kernel log: "iommu: DMA domain TLB invalidation policy: lazy mode": printed even with no IOMMU; the groups' type says which policy is in effect (a virtual VT-d forces strict)
        kernel log: "AMD-Vi: AMD IOMMUv2 functionality not available on this system - This is not a bug.": harmless: the optional IOMMUv2 (PASID) module found nothing to do; it says nothing about AMD-Vi

Fix: give the VM an IOMMU: QEMU -device intel-iommu,intremap=on with -machine q35,kernel-irqchip=split (or -device amd-iommu, or -device virtio-iommu-pci); libvirt <iommu model='intel'/> (or 'virtio'); most cloud instances offer none
[exit 2]
$ iommutool --sysroot $FIXTURES/q35-no-iommu --json status
{
  "schema_version": 2,
  "status": {
    "verdict": "guest_without_iommu",
    "summary": "IOMMU not enabled: this virtual machine was given no virtual IOMMU",
    "hint": "give the VM an IOMMU: QEMU -device intel-iommu,intremap=on with -machine q35,kernel-irqchip=split (or -device amd-iommu, or -device virtio-iommu-pci); libvirt <iommu model='intel'/> (or 'virtio'); most cloud instances offer none",
    "vendor": "amd",
    "mode": "none",
    "guest": true,
    "units": [
    ]
  },
  "checks": [
    {
      "id": "platform",
      "result": "pass",
      "summary": "AuthenticAMD CPU, virtual machine",
      "evidence": [
        {
          "source": "/proc/cpuinfo",
          "text": "AuthenticAMD"
        },
        {
          "source": "/proc/cpuinfo",
          "text": "flag \"hypervisor\": running in a virtual machine"
        }
      ],
      "hint": null
    },
    {
      "id": "firmware.table",
      "result": "fail",
      "summary": "the firmware describes no IOMMU: no DMAR, IVRS, IORT or VIOT table",
      "evidence": [
        {
          "source": "/sys/firmware/acpi/tables",
          "text": "7 ACPI tables, none of them DMAR, IVRS, IORT or VIOT"
        }
      ],
      "hint": "give the VM an IOMMU: QEMU -device intel-iommu,intremap=on with -machine q35,kernel-irqchip=split (or -device amd-iommu, or -device virtio-iommu-pci); libvirt <iommu model='intel'/> (or 'virtio'); most cloud instances offer none"
    },
    {
      "id": "kernel.config",
      "result": "unknown",
      "summary": "the kernel's configuration is not readable",
      "evidence": [
        {
          "source": "/proc/config.gz",
          "text": "not there (only kernels built with CONFIG_IKCONFIG_PROC have it)"
        },
        {
          "source": "/boot/config-6.1.0-56-amd64",
          "text": "No such file or directory"
        }
      ],
      "hint": null
    },
    {
      "id": "kernel.cmdline",
      "result": "pass",
      "summary": "nothing on the kernel command line turns the IOMMU off",
      "evidence": [
      ],
      "hint": null
    },
    {
      "id": "kernel.units",
      "result": "fail",
      "summary": "no IOMMU unit is running",
      "evidence": [
        {
          "source": "/sys/class/iommu",
          "text": "empty: the kernel registered no IOMMU"
        }
      ],
      "hint": null
    },
    {
      "id": "kernel.groups",
      "result": "fail",
      "summary": "no IOMMU groups",
      "evidence": [
        {
          "source": "/sys/kernel/iommu_groups",
          "text": "empty (the directory exists on every kernel with the IOMMU API: its existence proves nothing)"
        }
      ],
      "hint": null
    },
    {
      "id": "kernel.log",
      "result": "skip",
      "summary": "the kernel log has no line from the AMD-Vi driver (it may have rotated)",
      "evidence": [
      ],
      "hint": null
    },
    {
      "id": "dma.mode",
      "result": "skip",
      "summary": "no IOMMU: DMA is not translated",
      "evidence": [
      ],
      "hint": null
    },
    {
      "id": "interrupts.remapping",
      "result": "skip",
      "summary": "interrupt remapping is off: a device given to a VM could inject interrupts, so VFIO refuses it unless told allow_unsafe_interrupts",
      "evidence": [
        {
          "source": "/proc/interrupts",
          "text": "IO-APIC (6), PCI-MSI (6)"
        }
      ],
      "hint": null
    },
    {
      "id": "interrupts.x2apic",
      "result": "unknown",
      "summary": "the APIC mode is only in the kernel log, which does not say",
      "evidence": [
      ],
      "hint": null
    },
    {
      "id": "vfio.unsafe_interrupts",
      "result": "pass",
      "summary": "VFIO insists on interrupt remapping",
      "evidence": [
        {
          "source": "/sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts",
          "text": "N"
        }
      ],
      "hint": null
    },
    {
      "id": "vfio.noiommu",
      "result": "skip",
      "summary": "VFIO offers no no-IOMMU mode here (not loaded, or built without it)",
      "evidence": [
      ],
      "hint": null
    },
    {
      "id": "cmdline.lint",
      "result": "pass",
      "summary": "the IOMMU words on the kernel command line are all valid and effective",
      "evidence": [
      ],
      "hint": null
    },
    {
      "id": "log.misleading",
      "result": "skip",
      "summary": "kernel log lines that look like evidence and are not",
      "evidence": [
        {
          "source": "kernel log",
          "text": "\"iommu: Default domain type: Translated\": printed at boot by every kernel with the IOMMU API, even with no IOMMU at all"
        },
        {
          "source": "kernel log",
          "text": "\"iommu: DMA domain TLB invalidation policy: lazy mode\": printed even with no IOMMU; the groups' type says which policy is in effect (a virtual VT-d forces strict)"
        },
        {
          "source": "kernel log",
          "text": "\"AMD-Vi: AMD IOMMUv2 functionality not available on this system - This is not a bug.\": harmless: the optional IOMMUv2 (PASID) module found nothing to do; it says nothing about AMD-Vi"
        }
      ],
      "hint": null
    }
  ]
}
[exit 2]
$ cp -R $FIXTURES/q35-amd-crash $TMP/r && mkdir -p $TMP/r/sys/firmware/acpi/tables && cp $SHARED/fixtures/q35-amd-crash/acpi/IVRS $TMP/r/sys/firmware/acpi/tables/ && iommutool --sysroot $TMP/r status | grep 'ivhd0:'; iommutool --sysroot $TMP/r --json status | grep -A3 '"name": "ivhd0"'; grep -m1 DEV_TABLE_BASE $SHARED/fixtures/q35-amd-crash/registers.txt | cut -f2
        /sys/class/iommu/ivhd0: AMD-Vi at 0xfed80000 (IVRS), 9 devices
        /sys/class/iommu/ivhd0: v1 page tables (inferred): the kernel's default: nothing on the command line asks for v2 (amd_iommu=pgtbl_v2)
        "name": "ivhd0",
        "model": "AMD-Vi",
        "vendor": "amd",
        "address": "0xfed80000",
0xfed80000
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-amd-crash status | head -1; iommutool --sysroot $FIXTURES/q35-amd-crash devices | head -3
IOMMU enabled: AMD-Vi, 1 unit (ivhd0); DMA translated, strict invalidation
DEVICE        ID         CLASS                           DRIVER      GROUP  UNIT   FIRMWARE  ATS  RESERVED  NAME
0000:00:00.0  8086:29c0  Host bridge                     -               0  ivhd0  -         no   -         Intel Corporation 82G33/G31/P35/P31 Express DRAM Controller
0000:00:01.0  1022:0008  IOMMU                           -               -  -      -         no   -         Advanced Micro Devices, Inc. [AMD]
[exit 0]
