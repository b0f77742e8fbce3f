# status in Xen's dom0: the hypervisor owns the IOMMU, exit 2
$ tests/sysroots/make-sysroot.sh tests/sysroots/xen-dom0.desc $TMP/r && iommutool --sysroot $TMP/r status
IOMMU not visible here: Xen owns it (this is Xen's dom0)

PASS    platform                GenuineIntel CPU, virtual machine, Xen dom0
        /proc/cpuinfo: GenuineIntel
        /proc/cpuinfo: flag "hypervisor": running in a virtual machine
        /sys/hypervisor/type: xen
        /proc/xen/capabilities: control_d: this is Xen's dom0
PASS    firmware.table          the firmware describes Intel VT-d (DMAR table)
        /sys/firmware/acpi/tables/DMAR: present, 128 bytes
        /sys/firmware/acpi/tables/DMAR: Flags 0x05: INTR_REMAP DMA_CTRL_PLATFORM_OPT_IN
PASS    kernel.config           this kernel has the Intel VT-d driver
        /boot/config-6.1.0-28-amd64: CONFIG_INTEL_IOMMU=y
        /boot/config-6.1.0-28-amd64: CONFIG_INTEL_IOMMU_DEFAULT_ON=y
PASS    kernel.cmdline          nothing on the kernel command line turns the IOMMU off
FAIL    kernel.units            no IOMMU unit is running
        /sys/class/iommu: empty: the kernel registered no IOMMU
FAIL    kernel.groups           no IOMMU groups
        /sys/kernel/iommu_groups: empty (the directory exists on every kernel with the IOMMU API: its existence proves nothing)
UNKNOWN kernel.log              the kernel log is not available
        /dmesg.txt: not in this snapshot
SKIP    dma.mode                no IOMMU: DMA is not translated
SKIP    interrupts.remapping    no I/O APIC, MSI or HPET interrupts to remap
        /proc/interrupts: xen-pirq (4)
UNKNOWN interrupts.x2apic       the APIC mode is only in the kernel log
SKIP    vfio.unsafe_interrupts  VFIO is not loaded
SKIP    vfio.noiommu            VFIO offers no no-IOMMU mode here (not loaded, or built without it)
PASS    dma.protection          the firmware asks for protection from external devices' DMA
        /sys/firmware/acpi/tables/DMAR: DMA_CTRL_PLATFORM_OPT_IN: the kernel turns VT-d on for external ports
PASS    cmdline.lint            the IOMMU words on the kernel command line are all valid and effective

Fix: Xen runs the IOMMU below this dom0: check it with 'xl dmesg | grep -i -e iommu -e vt-d -e amd-vi'; Xen's own iommu= option goes on the Xen command line
[exit 2]
$ tests/sysroots/make-sysroot.sh tests/sysroots/xen-dom0.desc $TMP/r && iommutool --sysroot $TMP/r --json status
{
  "schema_version": 2,
  "status": {
    "verdict": "owned_by_hypervisor",
    "summary": "IOMMU not visible here: Xen owns it (this is Xen's dom0)",
    "hint": "Xen runs the IOMMU below this dom0: check it with 'xl dmesg | grep -i -e iommu -e vt-d -e amd-vi'; Xen's own iommu= option goes on the Xen command line",
    "vendor": "intel",
    "mode": "none",
    "guest": true,
    "units": [
    ]
  },
  "checks": [
    {
      "id": "platform",
      "result": "pass",
      "summary": "GenuineIntel CPU, virtual machine, Xen dom0",
      "evidence": [
        {
          "source": "/proc/cpuinfo",
          "text": "GenuineIntel"
        },
        {
          "source": "/proc/cpuinfo",
          "text": "flag \"hypervisor\": running in a virtual machine"
        },
        {
          "source": "/sys/hypervisor/type",
          "text": "xen"
        },
        {
          "source": "/proc/xen/capabilities",
          "text": "control_d: this is Xen's dom0"
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
          "source": "/boot/config-6.1.0-28-amd64",
          "text": "CONFIG_INTEL_IOMMU=y"
        },
        {
          "source": "/boot/config-6.1.0-28-amd64",
          "text": "CONFIG_INTEL_IOMMU_DEFAULT_ON=y"
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
      "result": "unknown",
      "summary": "the kernel log is not available",
      "evidence": [
        {
          "source": "/dmesg.txt",
          "text": "not in this snapshot"
        }
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
      "summary": "no I/O APIC, MSI or HPET interrupts to remap",
      "evidence": [
        {
          "source": "/proc/interrupts",
          "text": "xen-pirq (4)"
        }
      ],
      "hint": null
    },
    {
      "id": "interrupts.x2apic",
      "result": "unknown",
      "summary": "the APIC mode is only in the kernel log",
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
    }
  ]
}
[exit 2]
$ tests/sysroots/make-sysroot.sh tests/sysroots/xen-dom0.desc $TMP/r && iommutool --sysroot $TMP/r -q status
[exit 2]
