# status on a kernel that leaves VT-d off by default: not enabled, exit 2; the same as Prometheus
# metrics (a state set for the verdict, the mode and each check), and --format's usage errors
$ tests/sysroots/make-sysroot.sh tests/sysroots/disabled-default.desc $TMP/r && iommutool --sysroot $TMP/r status
IOMMU not enabled: this kernel leaves VT-d off unless told (CONFIG_INTEL_IOMMU_DEFAULT_ON is not set)

PASS    platform                GenuineIntel CPU
        /proc/cpuinfo: GenuineIntel
PASS    firmware.table          the firmware describes Intel VT-d (DMAR table)
        /sys/firmware/acpi/tables/DMAR: present, 128 bytes
        /sys/firmware/acpi/tables/DMAR: Flags 0x05: INTR_REMAP DMA_CTRL_PLATFORM_OPT_IN
PASS    kernel.config           this kernel has the Intel VT-d driver
        /boot/config-5.15.0-125-generic: CONFIG_INTEL_IOMMU=y
        /boot/config-5.15.0-125-generic: CONFIG_INTEL_IOMMU_DEFAULT_ON is not set
        /boot/config-5.15.0-125-generic: CONFIG_IRQ_REMAP=y
PASS    kernel.cmdline          nothing on the kernel command line turns the IOMMU off
FAIL    kernel.units            no IOMMU unit is running
        /sys/class/iommu: empty: the kernel registered no IOMMU
FAIL    kernel.groups           no IOMMU groups
        /sys/kernel/iommu_groups: empty (the directory exists on every kernel with the IOMMU API: its existence proves nothing)
SKIP    kernel.log              the kernel log has no line from the Intel VT-d driver (it may have rotated)
SKIP    dma.mode                no IOMMU: DMA is not translated
PASS    interrupts.remapping    interrupt remapping is on: all 7 I/O APIC and MSI interrupts go through it
        /proc/interrupts: IR-IO-APIC (4), IR-PCI-MSI (3)
        kernel log: "DMAR-IR: Enabled IRQ remapping in x2apic mode": interrupt remapping on, x2APIC mode
PASS    interrupts.x2apic       the APIC runs in x2APIC mode
        kernel log: "DMAR-IR: Enabled IRQ remapping in x2apic mode": interrupt remapping on, x2APIC mode
SKIP    vfio.unsafe_interrupts  VFIO is not loaded
SKIP    vfio.noiommu            VFIO offers no no-IOMMU mode here (not loaded, or built without it)
PASS    dma.protection          the firmware asks for protection from external devices' DMA
        /sys/firmware/acpi/tables/DMAR: DMA_CTRL_PLATFORM_OPT_IN: the kernel turns VT-d on for external ports
PASS    cmdline.lint            the IOMMU words on the kernel command line are all valid and effective
SKIP    log.misleading          kernel log lines that look like evidence and are not
        kernel log: "DMAR: Host address width 39": printed while parsing the DMAR table, also when DMA remapping then stays off
        kernel log: "DMAR: DRHD base: 0x000000fed90000 flags: 0x0": printed while parsing the DMAR table, also when DMA remapping then stays off

Fix: add intel_iommu=on to the kernel command line
[exit 2]
$ tests/sysroots/make-sysroot.sh tests/sysroots/disabled-default.desc $TMP/r && iommutool --sysroot $TMP/r --json status
{
  "schema_version": 2,
  "status": {
    "verdict": "disabled_by_default",
    "summary": "IOMMU not enabled: this kernel leaves VT-d off unless told (CONFIG_INTEL_IOMMU_DEFAULT_ON is not set)",
    "hint": "add intel_iommu=on to the kernel command line",
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
          "source": "/boot/config-5.15.0-125-generic",
          "text": "CONFIG_INTEL_IOMMU=y"
        },
        {
          "source": "/boot/config-5.15.0-125-generic",
          "text": "CONFIG_INTEL_IOMMU_DEFAULT_ON is not set"
        },
        {
          "source": "/boot/config-5.15.0-125-generic",
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
      "result": "pass",
      "summary": "interrupt remapping is on: all 7 I/O APIC and MSI interrupts go through it",
      "evidence": [
        {
          "source": "/proc/interrupts",
          "text": "IR-IO-APIC (4), IR-PCI-MSI (3)"
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
        },
        {
          "source": "kernel log",
          "text": "\"DMAR: DRHD base: 0x000000fed90000 flags: 0x0\": printed while parsing the DMAR table, also when DMA remapping then stays off"
        }
      ],
      "hint": null
    }
  ]
}
[exit 2]
$ tests/sysroots/make-sysroot.sh tests/sysroots/disabled-default.desc $TMP/r && iommutool --sysroot $TMP/r -q status
[exit 2]
$ tests/sysroots/make-sysroot.sh tests/sysroots/disabled-default.desc $TMP/r && iommutool --sysroot $TMP/r status --format=prometheus >$TMP/iommu.prom && grep -c '' $TMP/iommu.prom && grep -E '^# |verdict.* 1$|mode.* 1$|check="kernel.units"' $TMP/iommu.prom; iommutool --sysroot $TMP/r --json status --format=prometheus; iommutool --sysroot $TMP/r status --format=openmetrics
96
# HELP iommutool_status_verdict The IOMMU verdict of iommutool status: 1 for the one that holds, 0 for the others.
# TYPE iommutool_status_verdict gauge
iommutool_status_verdict{verdict="disabled_by_default"} 1
# HELP iommutool_status_mode How DMA is translated by default (none: no IOMMU): 1 for the mode in use.
# TYPE iommutool_status_mode gauge
iommutool_status_mode{mode="none"} 1
# HELP iommutool_status_check Each check of iommutool status (ids in iommutool-status(1)): 1 for its result.
# TYPE iommutool_status_check gauge
iommutool_status_check{check="kernel.units",result="pass"} 0
iommutool_status_check{check="kernel.units",result="warn"} 0
iommutool_status_check{check="kernel.units",result="fail"} 1
iommutool_status_check{check="kernel.units",result="skip"} 0
iommutool_status_check{check="kernel.units",result="unknown"} 0
iommutool_status_check{check="dma.mode",result="skip"} 1
! iommutool: --format=prometheus writes metrics; it does not combine with --json
! iommutool status: --format takes text or prometheus, not 'openmetrics' (--json gives JSON)
! Try `iommutool status --help' or `iommutool status --usage' for more
! information.
[exit 64]
