# status in a VM given no virtual IOMMU: not enabled, exit 2
$ tests/sysroots/make-sysroot.sh tests/sysroots/guest-no-iommu.desc $TMP/r && iommutool --sysroot $TMP/r status
IOMMU not enabled: this virtual machine was given no virtual IOMMU

PASS    platform                AuthenticAMD CPU, virtual machine
        /proc/cpuinfo: AuthenticAMD
        /proc/cpuinfo: flag "hypervisor": running in a virtual machine
        /sys/class/dmi/id: QEMU Standard PC (Q35 + ICH9, 2009): a virtual machine
FAIL    firmware.table          the firmware describes no IOMMU: no DMAR, IVRS, IORT or VIOT table
        /sys/firmware/acpi/tables: 2 ACPI tables, none of them DMAR, IVRS, IORT or VIOT
        hint: give the VM an IOMMU: QEMU -device intel-iommu,intremap=on with -machine q35,kernel-irqchip=split (or -device amd-iommu, or -device virtio-iommu-pci); libvirt <iommu model='intel'/> (or 'virtio'); most cloud instances offer none
PASS    kernel.config           this kernel has the AMD-Vi driver
        /boot/config-6.6.62-cloud: CONFIG_INTEL_IOMMU=y
        /boot/config-6.6.62-cloud: CONFIG_AMD_IOMMU=y
        /boot/config-6.6.62-cloud: CONFIG_VIRTIO_IOMMU=m
PASS    kernel.cmdline          nothing on the kernel command line turns the IOMMU off
FAIL    kernel.units            no IOMMU unit is running
        /sys/class/iommu: empty: the kernel registered no IOMMU
FAIL    kernel.groups           no IOMMU groups
        /sys/kernel/iommu_groups: empty (the directory exists on every kernel with the IOMMU API: its existence proves nothing)
UNKNOWN kernel.log              the kernel log is not available
        /dmesg.txt: not in this snapshot
SKIP    dma.mode                no IOMMU: DMA is not translated
SKIP    interrupts.remapping    interrupt remapping is off: a device given to a VM could inject interrupts, so VFIO refuses it unless told allow_unsafe_interrupts
        /proc/interrupts: IO-APIC (3), PCI-MSI (4)
UNKNOWN interrupts.x2apic       the APIC mode is only in the kernel log
SKIP    vfio.unsafe_interrupts  VFIO is not loaded
SKIP    vfio.noiommu            VFIO offers no no-IOMMU mode here (not loaded, or built without it)
PASS    cmdline.lint            the IOMMU words on the kernel command line are all valid and effective

Fix: give the VM an IOMMU: QEMU -device intel-iommu,intremap=on with -machine q35,kernel-irqchip=split (or -device amd-iommu, or -device virtio-iommu-pci); libvirt <iommu model='intel'/> (or 'virtio'); most cloud instances offer none
[exit 2]
$ tests/sysroots/make-sysroot.sh tests/sysroots/guest-no-iommu.desc $TMP/r && iommutool --sysroot $TMP/r --json status
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
        },
        {
          "source": "/sys/class/dmi/id",
          "text": "QEMU Standard PC (Q35 + ICH9, 2009): a virtual machine"
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
        }
      ],
      "hint": "give the VM an IOMMU: QEMU -device intel-iommu,intremap=on with -machine q35,kernel-irqchip=split (or -device amd-iommu, or -device virtio-iommu-pci); libvirt <iommu model='intel'/> (or 'virtio'); most cloud instances offer none"
    },
    {
      "id": "kernel.config",
      "result": "pass",
      "summary": "this kernel has the AMD-Vi driver",
      "evidence": [
        {
          "source": "/boot/config-6.6.62-cloud",
          "text": "CONFIG_INTEL_IOMMU=y"
        },
        {
          "source": "/boot/config-6.6.62-cloud",
          "text": "CONFIG_AMD_IOMMU=y"
        },
        {
          "source": "/boot/config-6.6.62-cloud",
          "text": "CONFIG_VIRTIO_IOMMU=m"
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
      "summary": "interrupt remapping is off: a device given to a VM could inject interrupts, so VFIO refuses it unless told allow_unsafe_interrupts",
      "evidence": [
        {
          "source": "/proc/interrupts",
          "text": "IO-APIC (3), PCI-MSI (4)"
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
    }
  ]
}
[exit 2]
$ tests/sysroots/make-sysroot.sh tests/sysroots/guest-no-iommu.desc $TMP/r && iommutool --sysroot $TMP/r -q status
[exit 2]
