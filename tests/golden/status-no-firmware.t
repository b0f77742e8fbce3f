# status when the firmware has VT-d off (no DMAR) and VFIO's fake no-IOMMU group exists: not enabled, exit 2
$ tests/sysroots/make-sysroot.sh tests/sysroots/no-firmware.desc $TMP/r && iommutool --sysroot $TMP/r status
IOMMU not enabled: the firmware describes none (no DMAR table)

PASS    platform                GenuineIntel CPU
        /proc/cpuinfo: GenuineIntel
FAIL    firmware.table          the firmware describes no IOMMU: no DMAR, IVRS, IORT or VIOT table
        /sys/firmware/acpi/tables: 2 ACPI tables, none of them DMAR, IVRS, IORT or VIOT
        /proc/cmdline: intel_iommu=on: does nothing without a DMAR table
        hint: enable "VT-d" ("Intel Virtualization Technology for Directed I/O") in the firmware setup; "VT-x" alone is not it. Some machines need a firmware update before VT-d works
PASS    kernel.config           this kernel has the Intel VT-d driver
        /boot/config-6.1.0-28-amd64: CONFIG_INTEL_IOMMU=y
        /boot/config-6.1.0-28-amd64: CONFIG_INTEL_IOMMU_DEFAULT_ON=y
        /boot/config-6.1.0-28-amd64: CONFIG_IRQ_REMAP=y
        /boot/config-6.1.0-28-amd64: CONFIG_VFIO=m
        /boot/config-6.1.0-28-amd64: CONFIG_VFIO_NOIOMMU=y
PASS    kernel.cmdline          nothing on the kernel command line turns the IOMMU off
        /proc/cmdline: intel_iommu=on: VT-d on
FAIL    kernel.units            no IOMMU unit is running
        /sys/class/iommu: empty: the kernel registered no IOMMU
FAIL    kernel.groups           no IOMMU groups
        /sys/kernel/iommu_groups: empty (the directory exists on every kernel with the IOMMU API: its existence proves nothing)
        /sys/kernel/iommu_groups: 1 more are VFIO's no-IOMMU groups (name vfio-noiommu): no isolation, not counted
SKIP    kernel.log              the kernel log has no line from the Intel VT-d driver (it may have rotated)
SKIP    dma.mode                no IOMMU: DMA is not translated
SKIP    interrupts.remapping    interrupt remapping is off: a device given to a VM could inject interrupts, so VFIO refuses it unless told allow_unsafe_interrupts
        /proc/interrupts: IO-APIC (4), PCI-MSI (5)
UNKNOWN interrupts.x2apic       the APIC mode is only in the kernel log, which does not say
PASS    vfio.unsafe_interrupts  VFIO insists on interrupt remapping
        /sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts: N
WARN    vfio.noiommu            VFIO's no-IOMMU mode is in use: devices driven that way can reach all memory
        /sys/module/vfio/parameters/enable_unsafe_noiommu_mode: Y
        /sys/kernel/iommu_groups/*/name: vfio-noiommu: 1 group
        kernel log: "vfio-pci 0000:00:1f.6: Adding kernel taint for vfio-noiommu group on device": VFIO drove a device with no IOMMU at all (unsafe no-IOMMU mode)
        hint: use it only for devices trusted with all of memory; a real IOMMU needs none of it
WARN    cmdline.unsafe          words that make VFIO unsafe
        /proc/cmdline: 'vfio.enable_unsafe_noiommu_mode=1' lets VFIO drive devices with no IOMMU at all (the kernel is tainted)
        hint: use it only for devices you trust with all of memory
SKIP    log.misleading          kernel log lines that look like evidence and are not
        kernel log: "DMAR: IOMMU enabled": only echoes intel_iommu=on from the command line: printed even when VT-d is off in the firmware, and absent on kernels that enable it by default
        kernel log: "iommu: Default domain type: Translated": printed at boot by every kernel with the IOMMU API, even with no IOMMU at all

Fix: enable "VT-d" ("Intel Virtualization Technology for Directed I/O") in the firmware setup; "VT-x" alone is not it. Some machines need a firmware update before VT-d works
[exit 2]
$ tests/sysroots/make-sysroot.sh tests/sysroots/no-firmware.desc $TMP/r && iommutool --sysroot $TMP/r --json status
{
  "schema_version": 2,
  "status": {
    "verdict": "no_firmware_table",
    "summary": "IOMMU not enabled: the firmware describes none (no DMAR table)",
    "hint": "enable \"VT-d\" (\"Intel Virtualization Technology for Directed I/O\") in the firmware setup; \"VT-x\" alone is not it. Some machines need a firmware update before VT-d works",
    "vendor": "intel",
    "mode": "none",
    "guest": false,
    "units": [
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
      "result": "fail",
      "summary": "the firmware describes no IOMMU: no DMAR, IVRS, IORT or VIOT table",
      "evidence": [
        {
          "source": "/sys/firmware/acpi/tables",
          "text": "2 ACPI tables, none of them DMAR, IVRS, IORT or VIOT"
        },
        {
          "source": "/proc/cmdline",
          "text": "intel_iommu=on: does nothing without a DMAR table"
        }
      ],
      "hint": "enable \"VT-d\" (\"Intel Virtualization Technology for Directed I/O\") in the firmware setup; \"VT-x\" alone is not it. Some machines need a firmware update before VT-d works"
    },
    {
      "id": "kernel.config",
      "result": "pass",
      "summary": "this kernel has the Intel VT-d driver",
      "evidence": [
        {
          "source": "/boot/config-6.1.0-28-amd64",
          "text": "CONFIG_INTEL_IOMMU=y"
        },
        {
          "source": "/boot/config-6.1.0-28-amd64",
          "text": "CONFIG_INTEL_IOMMU_DEFAULT_ON=y"
        },
        {
          "source": "/boot/config-6.1.0-28-amd64",
          "text": "CONFIG_IRQ_REMAP=y"
        },
        {
          "source": "/boot/config-6.1.0-28-amd64",
          "text": "CONFIG_VFIO=m"
        },
        {
          "source": "/boot/config-6.1.0-28-amd64",
          "text": "CONFIG_VFIO_NOIOMMU=y"
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
          "text": "intel_iommu=on: VT-d on"
        }
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
        },
        {
          "source": "/sys/kernel/iommu_groups",
          "text": "1 more are VFIO's no-IOMMU groups (name vfio-noiommu): no isolation, not counted"
        }
      ],
      "hint": null
    },
    {
      "id": "kernel.log",
      "result": "skip",
      "summary": "the kernel log has no line from the Intel VT-d driver (it may have rotated)",
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
          "text": "IO-APIC (4), PCI-MSI (5)"
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
      "result": "warn",
      "summary": "VFIO's no-IOMMU mode is in use: devices driven that way can reach all memory",
      "evidence": [
        {
          "source": "/sys/module/vfio/parameters/enable_unsafe_noiommu_mode",
          "text": "Y"
        },
        {
          "source": "/sys/kernel/iommu_groups/*/name",
          "text": "vfio-noiommu: 1 group"
        },
        {
          "source": "kernel log",
          "text": "\"vfio-pci 0000:00:1f.6: Adding kernel taint for vfio-noiommu group on device\": VFIO drove a device with no IOMMU at all (unsafe no-IOMMU mode)"
        }
      ],
      "hint": "use it only for devices trusted with all of memory; a real IOMMU needs none of it"
    },
    {
      "id": "cmdline.unsafe",
      "result": "warn",
      "summary": "words that make VFIO unsafe",
      "evidence": [
        {
          "source": "/proc/cmdline",
          "text": "'vfio.enable_unsafe_noiommu_mode=1' lets VFIO drive devices with no IOMMU at all (the kernel is tainted)"
        }
      ],
      "hint": "use it only for devices you trust with all of memory"
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
          "text": "\"iommu: Default domain type: Translated\": printed at boot by every kernel with the IOMMU API, even with no IOMMU at all"
        }
      ],
      "hint": null
    }
  ]
}
[exit 2]
$ tests/sysroots/make-sysroot.sh tests/sysroots/no-firmware.desc $TMP/r && iommutool --sysroot $TMP/r -q status
[exit 2]
