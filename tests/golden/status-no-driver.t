# status when the firmware describes AMD-Vi and the kernel has no driver: not enabled, exit 2
$ tests/sysroots/make-sysroot.sh tests/sysroots/no-driver.desc $TMP/r && iommutool --sysroot $TMP/r status
IOMMU not enabled: the firmware describes AMD-Vi, but this kernel has no driver for it (CONFIG_AMD_IOMMU is not set)

PASS    platform                AuthenticAMD CPU
        /proc/cpuinfo: AuthenticAMD
PASS    firmware.table          the firmware describes AMD-Vi (IVRS table)
        /sys/firmware/acpi/tables/IVRS: present, 92 bytes
FAIL    kernel.config           this kernel has no AMD-Vi driver (CONFIG_AMD_IOMMU is not set)
        /boot/config-6.6.30-custom: CONFIG_AMD_IOMMU is not set
        hint: use a kernel built with CONFIG_AMD_IOMMU=y (distribution kernels have it)
PASS    kernel.cmdline          nothing on the kernel command line turns the IOMMU off
FAIL    kernel.units            no IOMMU unit is running
        /sys/class/iommu: empty: the kernel registered no IOMMU
FAIL    kernel.groups           no IOMMU groups
        /sys/kernel/iommu_groups: empty (the directory exists on every kernel with the IOMMU API: its existence proves nothing)
SKIP    kernel.log              the kernel log has no line from the AMD-Vi driver (it may have rotated)
SKIP    dma.mode                no IOMMU: DMA is not translated
SKIP    interrupts.remapping    interrupt remapping is off: a device given to a VM could inject interrupts, so VFIO refuses it unless told allow_unsafe_interrupts
        /proc/interrupts: IO-APIC (4)
UNKNOWN interrupts.x2apic       the APIC mode is only in the kernel log, which does not say
SKIP    vfio.unsafe_interrupts  VFIO is not loaded
SKIP    vfio.noiommu            VFIO offers no no-IOMMU mode here (not loaded, or built without it)
PASS    cmdline.lint            the IOMMU words on the kernel command line are all valid and effective
SKIP    log.misleading          kernel log lines that look like evidence and are not
        kernel log: "iommu: Default domain type: Translated": printed at boot by every kernel with the IOMMU API, even with no IOMMU at all

Fix: use a kernel built with CONFIG_AMD_IOMMU=y (distribution kernels have it)
[exit 2]
$ tests/sysroots/make-sysroot.sh tests/sysroots/no-driver.desc $TMP/r && iommutool --sysroot $TMP/r --json status
{
  "schema_version": 2,
  "status": {
    "verdict": "no_kernel_driver",
    "summary": "IOMMU not enabled: the firmware describes AMD-Vi, but this kernel has no driver for it (CONFIG_AMD_IOMMU is not set)",
    "hint": "use a kernel built with CONFIG_AMD_IOMMU=y (distribution kernels have it)",
    "vendor": "amd",
    "mode": "none",
    "guest": false,
    "units": [
    ]
  },
  "checks": [
    {
      "id": "platform",
      "result": "pass",
      "summary": "AuthenticAMD CPU",
      "evidence": [
        {
          "source": "/proc/cpuinfo",
          "text": "AuthenticAMD"
        }
      ],
      "hint": null
    },
    {
      "id": "firmware.table",
      "result": "pass",
      "summary": "the firmware describes AMD-Vi (IVRS table)",
      "evidence": [
        {
          "source": "/sys/firmware/acpi/tables/IVRS",
          "text": "present, 92 bytes"
        }
      ],
      "hint": null
    },
    {
      "id": "kernel.config",
      "result": "fail",
      "summary": "this kernel has no AMD-Vi driver (CONFIG_AMD_IOMMU is not set)",
      "evidence": [
        {
          "source": "/boot/config-6.6.30-custom",
          "text": "CONFIG_AMD_IOMMU is not set"
        }
      ],
      "hint": "use a kernel built with CONFIG_AMD_IOMMU=y (distribution kernels have it)"
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
          "text": "IO-APIC (4)"
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
        }
      ],
      "hint": null
    }
  ]
}
[exit 2]
$ tests/sysroots/make-sysroot.sh tests/sysroots/no-driver.desc $TMP/r && iommutool --sysroot $TMP/r -q status
[exit 2]
