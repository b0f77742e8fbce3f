# status on an Intel desktop with VT-d on (tests/sysroots/intel-enabled.desc): enabled, exit 0
$ tests/sysroots/make-sysroot.sh tests/sysroots/intel-enabled.desc $TMP/r && iommutool --sysroot $TMP/r status
IOMMU enabled: Intel VT-d, 2 units (dmar0, dmar1); DMA translated, lazy invalidation

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
$ tests/sysroots/make-sysroot.sh tests/sysroots/intel-enabled.desc $TMP/r && iommutool --sysroot $TMP/r --json status
{
  "schema_version": 2,
  "status": {
    "verdict": "enabled",
    "summary": "IOMMU enabled: Intel VT-d, 2 units (dmar0, dmar1); DMA translated, lazy invalidation",
    "hint": null,
    "vendor": "intel",
    "mode": "lazy",
    "guest": false,
    "units": [
      {
        "name": "dmar0",
        "model": "Intel VT-d",
        "vendor": "intel",
        "address": "0xfed90000",
        "devices": 2,
        "translation": {
          "mode": "legacy",
          "inferred": false,
          "basis": "the hardware has no scalable mode (ECAP 0x19e2ff0505e: SMTS, bit 43, clear)"
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
              "value": "0x1c0000c40660462",
              "nd": 2,
              "nd_text": "256 domains",
              "afl": false,
              "rwbf": false,
              "plmr": true,
              "phmr": true,
              "cm": false,
              "sagaw": 4,
              "sagaw_text": "48-bit 4-level",
              "mgaw": 38,
              "mgaw_text": "39 bits",
              "zlr": true,
              "fro": "0x40",
              "fro_text": "register offset 0x400",
              "sslps": 3,
              "sslps_text": "2 MiB, 1 GiB",
              "psi": false,
              "nfr": 0,
              "nfr_text": "1 fault-recording register(s)",
              "mamv": 0,
              "mamv_text": "up to 2^0",
              "dwd": true,
              "drd": true,
              "fs1gp": true,
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
              "value": "0x19e2ff0505e",
              "c": false,
              "qi": true,
              "dt": true,
              "ir": true,
              "eim": true,
              "pt": true,
              "sc": false,
              "iro": "0x50",
              "iro_text": "register offset 0x500",
              "mhmv": 15,
              "mhmv_text": "up to 2^15",
              "mts": true,
              "nest": true,
              "prs": true,
              "ers": false,
              "srs": false,
              "nwfs": true,
              "eafs": true,
              "pss": 19,
              "pss_text": "20-bit PASIDs",
              "pasid": true,
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
              "rprivs": false,
              "undefined_bits": "0x9000000",
              "undefined_bits_text": "set, though VT-d 4.1 defines no field there"
            }
          ]
        }
      },
      {
        "name": "dmar1",
        "model": "Intel VT-d",
        "vendor": "intel",
        "address": "0xfed91000",
        "devices": 9,
        "translation": {
          "mode": "legacy",
          "inferred": false,
          "basis": "the hardware has no scalable mode (ECAP 0xf050da: SMTS, bit 43, clear)"
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
              "value": "0xd2008c40660462",
              "nd": 2,
              "nd_text": "256 domains",
              "afl": false,
              "rwbf": false,
              "plmr": true,
              "phmr": true,
              "cm": false,
              "sagaw": 4,
              "sagaw_text": "48-bit 4-level",
              "mgaw": 38,
              "mgaw_text": "39 bits",
              "zlr": true,
              "fro": "0x40",
              "fro_text": "register offset 0x400",
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
              "value": "0xf050da",
              "c": false,
              "qi": true,
              "dt": false,
              "ir": true,
              "eim": true,
              "pt": true,
              "sc": true,
              "iro": "0x50",
              "iro_text": "register offset 0x500",
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
      "summary": "GenuineIntel CPU",
      "evidence": [
        {
          "source": "/proc/cpuinfo",
          "text": "GenuineIntel"
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
          "text": "present, 128 bytes"
        },
        {
          "source": "/sys/firmware/acpi/tables/DMAR",
          "text": "Flags 0x05: INTR_REMAP DMA_CTRL_PLATFORM_OPT_IN"
        }
      ],
      "hint": null
    },
    {
      "id": "kernel.config",
      "result": "pass",
      "summary": "this kernel has the Intel VT-d driver",
      "evidence": [
        {
          "source": "/boot/config-6.8.0-51-generic",
          "text": "CONFIG_INTEL_IOMMU=y"
        },
        {
          "source": "/boot/config-6.8.0-51-generic",
          "text": "CONFIG_INTEL_IOMMU_DEFAULT_ON=y"
        },
        {
          "source": "/boot/config-6.8.0-51-generic",
          "text": "CONFIG_IRQ_REMAP=y"
        },
        {
          "source": "/boot/config-6.8.0-51-generic",
          "text": "CONFIG_IOMMU_DEFAULT_DMA_LAZY=y"
        },
        {
          "source": "/boot/config-6.8.0-51-generic",
          "text": "CONFIG_VFIO=m"
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
      "result": "pass",
      "summary": "2 IOMMU units are running",
      "evidence": [
        {
          "source": "/sys/class/iommu/dmar0",
          "text": "Intel VT-d at 0xfed90000, 2 devices"
        },
        {
          "source": "/sys/class/iommu/dmar1",
          "text": "Intel VT-d at 0xfed91000, 9 devices"
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
          "text": "\"DMAR: No ATSR found\": printed only once DMA remapping is being enabled"
        }
      ],
      "hint": null
    },
    {
      "id": "dma.mode",
      "result": "pass",
      "summary": "DMA is translated, invalidations batched (lazy): a freed buffer stays reachable for a few milliseconds",
      "evidence": [
        {
          "source": "/sys/kernel/iommu_groups/*/type",
          "text": "DMA-FQ (translated, lazy): 7 groups"
        },
        {
          "source": "/boot/config-6.8.0-51-generic",
          "text": "CONFIG_IOMMU_DEFAULT_DMA_LAZY=y: the built-in default"
        }
      ],
      "hint": "iommu.strict=1 on the kernel command line makes it strict, at some cost in throughput"
    },
    {
      "id": "iommu.translation",
      "result": "pass",
      "summary": "Intel VT-d runs in legacy mode",
      "evidence": [
        {
          "source": "/sys/class/iommu/dmar0",
          "text": "legacy mode: the hardware has no scalable mode (ECAP 0x19e2ff0505e: SMTS, bit 43, clear)"
        },
        {
          "source": "/sys/class/iommu/dmar1",
          "text": "legacy mode: the hardware has no scalable mode (ECAP 0xf050da: SMTS, bit 43, clear)"
        }
      ],
      "hint": null
    },
    {
      "id": "interrupts.remapping",
      "result": "pass",
      "summary": "interrupt remapping is on: all 11 I/O APIC and MSI interrupts go through it",
      "evidence": [
        {
          "source": "/proc/interrupts",
          "text": "IR-IO-APIC (5), IR-PCI-MSIX (6)"
        },
        {
          "source": "kernel log",
          "text": "\"DMAR-IR: Enabled IRQ remapping in x2apic mode\": interrupt remapping on, x2APIC mode"
        }
      ],
      "hint": null
    },
    {
      "id": "interrupts.x2apic",
      "result": "pass",
      "summary": "the APIC runs in x2APIC mode",
      "evidence": [
        {
          "source": "kernel log",
          "text": "\"DMAR-IR: Enabled IRQ remapping in x2apic mode\": interrupt remapping on, x2APIC mode"
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
      "result": "pass",
      "summary": "VFIO's unsafe no-IOMMU mode is off",
      "evidence": [
        {
          "source": "/sys/module/vfio/parameters/enable_unsafe_noiommu_mode",
          "text": "N"
        }
      ],
      "hint": null
    },
    {
      "id": "dma.protection",
      "result": "pass",
      "summary": "the firmware asks for protection from external devices' DMA, and Thunderbolt has it",
      "evidence": [
        {
          "source": "/sys/firmware/acpi/tables/DMAR",
          "text": "DMA_CTRL_PLATFORM_OPT_IN: the kernel turns VT-d on for external ports"
        },
        {
          "source": "/sys/bus/thunderbolt/devices/domain*/iommu_dma_protection",
          "text": "1 of 1 domains protected"
        }
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
          "text": "\"DMAR: Host address width 39\": printed while parsing the DMAR table, also when DMA remapping then stays off"
        },
        {
          "source": "kernel log",
          "text": "\"DMAR: DRHD base: 0x000000fed90000 flags: 0x0\": printed while parsing the DMAR table, also when DMA remapping then stays off"
        },
        {
          "source": "kernel log",
          "text": "\"DMAR: DRHD base: 0x000000fed91000 flags: 0x1\": printed while parsing the DMAR table, also when DMA remapping then stays off"
        },
        {
          "source": "kernel log",
          "text": "\"iommu: Default domain type: Translated\": printed at boot by every kernel with the IOMMU API, even with no IOMMU at all"
        },
        {
          "source": "kernel log",
          "text": "\"iommu: DMA domain TLB invalidation policy: lazy mode\": printed even with no IOMMU; the groups' type says which policy is in effect (a virtual VT-d forces strict)"
        }
      ],
      "hint": null
    }
  ]
}
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/intel-enabled.desc $TMP/r && iommutool --sysroot $TMP/r -q status
[exit 0]
$ sed -e 's/ro quiet splash$/ro quiet splash iommu=pt/' -e 's/^group \([0-9]*\) DMA-FQ/group \1 identity/' -e '/lazy mode$/d' -e 's/^log iommu: Default domain type: Translated/log iommu: Default domain type: Passthrough (set via kernel command line)/' tests/sysroots/intel-enabled.desc >$TMP/pt.desc && tests/sysroots/make-sysroot.sh $TMP/pt.desc $TMP/r && iommutool --sysroot $TMP/r status; iommutool --sysroot $TMP/r -q status && echo "IOMMU on"
IOMMU enabled: Intel VT-d, 2 units (dmar0, dmar1); DMA not translated (passthrough)

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
        /proc/cmdline: iommu=pt: DMA passed through (not translated) by default
PASS    kernel.units            2 IOMMU units are running
        /sys/class/iommu/dmar0: Intel VT-d at 0xfed90000, 2 devices
        /sys/class/iommu/dmar1: Intel VT-d at 0xfed91000, 9 devices
PASS    kernel.groups           7 IOMMU groups
        /sys/kernel/iommu_groups: 7 groups
PASS    kernel.log              the driver logged its start
        kernel log: "DMAR: No ATSR found": printed only once DMA remapping is being enabled
PASS    dma.mode                DMA is not translated (passthrough): the host's own drivers reach all memory; VFIO still isolates the devices it is given
        /sys/kernel/iommu_groups/*/type: identity (passthrough): 7 groups
        /proc/cmdline: iommu=pt
        /boot/config-6.8.0-51-generic: CONFIG_IOMMU_DEFAULT_DMA_LAZY=y: the built-in default
        hint: to isolate the host's own devices too, remove iommu=pt or iommu.passthrough=1 from the kernel command line
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
        kernel log: "iommu: Default domain type: Passthrough (set via kernel command line)": printed at boot by every kernel with the IOMMU API, even with no IOMMU at all
IOMMU on
[exit 0]
