# status without root on an AMD machine whose driver did not start: cannot tell, exit 3
$ tests/sysroots/make-sysroot.sh tests/sysroots/unknown.desc $TMP/r && iommutool --sysroot $TMP/r status
cannot tell why AMD-Vi is not running: the firmware describes it, nothing turns it off, and the kernel log is not readable

PASS    platform                AuthenticAMD CPU
        /proc/cpuinfo: AuthenticAMD
PASS    firmware.table          the firmware describes AMD-Vi (IVRS table)
        /sys/firmware/acpi/tables/IVRS: present, 92 bytes
UNKNOWN kernel.config           the kernel's configuration is not readable
        /proc/config.gz: not there (only kernels built with CONFIG_IKCONFIG_PROC have it)
        /boot/config-6.10.5-custom: No such file or directory
PASS    kernel.cmdline          nothing on the kernel command line turns the IOMMU off
FAIL    kernel.units            no IOMMU unit is running
        /sys/class/iommu: empty: the kernel registered no IOMMU
FAIL    kernel.groups           no IOMMU groups
        /sys/kernel/iommu_groups: empty (the directory exists on every kernel with the IOMMU API: its existence proves nothing)
UNKNOWN kernel.log              the kernel log is restricted to root (kernel.dmesg_restrict = 1)
        kernel log: Operation not permitted
        hint: run as root to read the kernel log
SKIP    dma.mode                no IOMMU: DMA is not translated
SKIP    interrupts.remapping    interrupt remapping is off: a device given to a VM could inject interrupts, so VFIO refuses it unless told allow_unsafe_interrupts
        /proc/interrupts: IO-APIC (4)
UNKNOWN interrupts.x2apic       the APIC mode is only in the kernel log
SKIP    vfio.unsafe_interrupts  VFIO is not loaded
SKIP    vfio.noiommu            VFIO offers no no-IOMMU mode here (not loaded, or built without it)
PASS    cmdline.lint            the IOMMU words on the kernel command line are all valid and effective
UNKNOWN privilege               some evidence needs root
        kernel log: root only (kernel.dmesg_restrict): driver successes and failures were not read
        hint: run as root to read them, or take a snapshot as root

Fix: run as root: the kernel log says why the driver did not start
[exit 3]
$ tests/sysroots/make-sysroot.sh tests/sysroots/unknown.desc $TMP/r && iommutool --sysroot $TMP/r --json status
{
  "schema_version": 2,
  "status": {
    "verdict": "unknown",
    "summary": "cannot tell why AMD-Vi is not running: the firmware describes it, nothing turns it off, and the kernel log is not readable",
    "hint": "run as root: the kernel log says why the driver did not start",
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
      "result": "unknown",
      "summary": "the kernel's configuration is not readable",
      "evidence": [
        {
          "source": "/proc/config.gz",
          "text": "not there (only kernels built with CONFIG_IKCONFIG_PROC have it)"
        },
        {
          "source": "/boot/config-6.10.5-custom",
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
      "result": "unknown",
      "summary": "the kernel log is restricted to root (kernel.dmesg_restrict = 1)",
      "evidence": [
        {
          "source": "kernel log",
          "text": "Operation not permitted"
        }
      ],
      "hint": "run as root to read the kernel log"
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
      "id": "cmdline.lint",
      "result": "pass",
      "summary": "the IOMMU words on the kernel command line are all valid and effective",
      "evidence": [
      ],
      "hint": null
    },
    {
      "id": "privilege",
      "result": "unknown",
      "summary": "some evidence needs root",
      "evidence": [
        {
          "source": "kernel log",
          "text": "root only (kernel.dmesg_restrict): driver successes and failures were not read"
        }
      ],
      "hint": "run as root to read them, or take a snapshot as root"
    }
  ]
}
[exit 3]
$ tests/sysroots/make-sysroot.sh tests/sysroots/unknown.desc $TMP/r && iommutool --sysroot $TMP/r -q status
[exit 3]
