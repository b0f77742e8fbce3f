# status when the VT-d driver gave up on a firmware bug: not enabled, exit 2
$ tests/sysroots/make-sysroot.sh tests/sysroots/init-failed.desc $TMP/r && iommutool --sysroot $TMP/r status
IOMMU not enabled: the Intel VT-d driver failed: "[Firmware Bug]: Your BIOS is broken; DMAR reported at address 0!"

PASS    platform                GenuineIntel CPU
        /proc/cpuinfo: GenuineIntel
PASS    firmware.table          the firmware describes Intel VT-d (DMAR table)
        /sys/firmware/acpi/tables/DMAR: present, 128 bytes
        /sys/firmware/acpi/tables/DMAR: Flags 0x05: INTR_REMAP DMA_CTRL_PLATFORM_OPT_IN
PASS    kernel.config           this kernel has the Intel VT-d driver
        /boot/config-6.8.0-51-generic: CONFIG_INTEL_IOMMU=y
        /boot/config-6.8.0-51-generic: CONFIG_INTEL_IOMMU_DEFAULT_ON=y
        /boot/config-6.8.0-51-generic: CONFIG_IRQ_REMAP=y
PASS    kernel.cmdline          nothing on the kernel command line turns the IOMMU off
FAIL    kernel.units            no IOMMU unit is running
        /sys/class/iommu: empty: the kernel registered no IOMMU
FAIL    kernel.groups           no IOMMU groups
        /sys/kernel/iommu_groups: empty (the directory exists on every kernel with the IOMMU API: its existence proves nothing)
FAIL    kernel.log              the driver logged a failure
        kernel log: "[Firmware Bug]: Your BIOS is broken; DMAR reported at address 0!": the DMAR table names a unit at an impossible address: VT-d is off
        hint: a firmware bug: update the firmware (now Dell Inc. 1.2.3 of 07/01/2019)
SKIP    dma.mode                no IOMMU: DMA is not translated
SKIP    interrupts.remapping    interrupt remapping is off: a device given to a VM could inject interrupts, so VFIO refuses it unless told allow_unsafe_interrupts
        /proc/interrupts: IO-APIC (4), PCI-MSI (3)
UNKNOWN interrupts.x2apic       the APIC mode is only in the kernel log, which does not say
SKIP    vfio.unsafe_interrupts  VFIO is not loaded
SKIP    vfio.noiommu            VFIO offers no no-IOMMU mode here (not loaded, or built without it)
PASS    dma.protection          the firmware asks for protection from external devices' DMA
        /sys/firmware/acpi/tables/DMAR: DMA_CTRL_PLATFORM_OPT_IN: the kernel turns VT-d on for external ports
PASS    cmdline.lint            the IOMMU words on the kernel command line are all valid and effective
SKIP    log.misleading          kernel log lines that look like evidence and are not
        kernel log: "DMAR: Host address width 39": printed while parsing the DMAR table, also when DMA remapping then stays off

Fix: a firmware bug: update the firmware (now Dell Inc. 1.2.3 of 07/01/2019)
[exit 2]
$ tests/sysroots/make-sysroot.sh tests/sysroots/init-failed.desc $TMP/r && iommutool --sysroot $TMP/r --json status
{
  "schema_version": 2,
  "status": {
    "verdict": "init_failed",
    "summary": "IOMMU not enabled: the Intel VT-d driver failed: \"[Firmware Bug]: Your BIOS is broken; DMAR reported at address 0!\"",
    "hint": "a firmware bug: update the firmware (now Dell Inc. 1.2.3 of 07/01/2019)",
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
      "result": "fail",
      "summary": "the driver logged a failure",
      "evidence": [
        {
          "source": "kernel log",
          "text": "\"[Firmware Bug]: Your BIOS is broken; DMAR reported at address 0!\": the DMAR table names a unit at an impossible address: VT-d is off"
        }
      ],
      "hint": "a firmware bug: update the firmware (now Dell Inc. 1.2.3 of 07/01/2019)"
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
          "text": "IO-APIC (4), PCI-MSI (3)"
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
      "result": "skip",
      "summary": "VFIO is not loaded",
      "evidence": [
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
      "id": "dma.protection",
      "result": "pass",
      "summary": "the firmware asks for protection from external devices' DMA",
      "evidence": [
        {
          "source": "/sys/firmware/acpi/tables/DMAR",
          "text": "DMA_CTRL_PLATFORM_OPT_IN: the kernel turns VT-d on for external ports"
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
        }
      ],
      "hint": null
    }
  ]
}
[exit 2]
$ tests/sysroots/make-sysroot.sh tests/sysroots/init-failed.desc $TMP/r && iommutool --sysroot $TMP/r -q status
[exit 2]
