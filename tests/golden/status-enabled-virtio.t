# status in a VM given a virtio-iommu (VIOT): enabled; no interrupt remapping, so exit 1
$ tests/sysroots/make-sysroot.sh tests/sysroots/virtio-guest.desc $TMP/r && iommutool --sysroot $TMP/r status
IOMMU enabled: virtio-iommu, 1 unit (0000:00:02.0); DMA translated, lazy invalidation

PASS    platform                GenuineIntel CPU, virtual machine
        /proc/cpuinfo: GenuineIntel (the firmware's tables, not the CPU, say which IOMMU there is)
        /proc/cpuinfo: flag "hypervisor": running in a virtual machine
        /sys/class/dmi/id: QEMU: a virtual machine
PASS    firmware.table          the firmware describes virtio-iommu (VIOT table)
        /sys/firmware/acpi/tables/VIOT: present, 88 bytes
PASS    kernel.config           this kernel has the virtio-iommu driver
        /boot/config-6.8.0-51-generic: CONFIG_INTEL_IOMMU=y
        /boot/config-6.8.0-51-generic: CONFIG_VIRTIO_IOMMU=y
        /boot/config-6.8.0-51-generic: CONFIG_IOMMU_DEFAULT_DMA_LAZY=y
PASS    kernel.cmdline          nothing on the kernel command line turns the IOMMU off
PASS    kernel.units            1 IOMMU unit is running
        /sys/class/iommu/0000:00:02.0: virtio-iommu, 2 devices
PASS    kernel.groups           2 IOMMU groups
        /sys/kernel/iommu_groups: 2 groups
UNKNOWN kernel.log              the kernel log is not available
        /dmesg.txt: not in this snapshot
PASS    dma.mode                DMA is translated, invalidations batched (lazy): a freed buffer stays reachable for a few milliseconds
        /sys/kernel/iommu_groups/*/type: DMA-FQ (translated, lazy): 2 groups
        /boot/config-6.8.0-51-generic: CONFIG_IOMMU_DEFAULT_DMA_LAZY=y: the built-in default
        hint: iommu.strict=1 on the kernel command line makes it strict, at some cost in throughput
PASS    iommu.virtual           a virtio-iommu: this VM's IOMMU is provided by the hypervisor
        /sys/firmware/acpi/tables/VIOT: present
WARN    interrupts.remapping    interrupt remapping is off: a device given to a VM could inject interrupts, so VFIO refuses it unless told allow_unsafe_interrupts
        /proc/interrupts: IO-APIC (4), PCI-MSI (6)
        hint: give the VM interrupt remapping (QEMU: -device intel-iommu,intremap=on with kernel-irqchip=split)
SKIP    vfio.unsafe_interrupts  VFIO is not loaded
SKIP    vfio.noiommu            VFIO offers no no-IOMMU mode here (not loaded, or built without it)
PASS    cmdline.lint            the IOMMU words on the kernel command line are all valid and effective

To fix:
  interrupts.remapping: give the VM interrupt remapping (QEMU: -device intel-iommu,intremap=on with kernel-irqchip=split)
[exit 1]
$ tests/sysroots/make-sysroot.sh tests/sysroots/virtio-guest.desc $TMP/r && iommutool --sysroot $TMP/r --json status
{
  "schema_version": 2,
  "status": {
    "verdict": "enabled",
    "summary": "IOMMU enabled: virtio-iommu, 1 unit (0000:00:02.0); DMA translated, lazy invalidation",
    "hint": null,
    "vendor": "virtio",
    "mode": "lazy",
    "guest": true,
    "units": [
      {
        "name": "0000:00:02.0",
        "model": "virtio-iommu",
        "vendor": "virtio",
        "address": null,
        "devices": 2
      }
    ]
  },
  "checks": [
    {
      "id": "platform",
      "result": "pass",
      "summary": "GenuineIntel CPU, virtual machine",
      "evidence": [
        {
          "source": "/proc/cpuinfo",
          "text": "GenuineIntel (the firmware's tables, not the CPU, say which IOMMU there is)"
        },
        {
          "source": "/proc/cpuinfo",
          "text": "flag \"hypervisor\": running in a virtual machine"
        },
        {
          "source": "/sys/class/dmi/id",
          "text": "QEMU: a virtual machine"
        }
      ],
      "hint": null
    },
    {
      "id": "firmware.table",
      "result": "pass",
      "summary": "the firmware describes virtio-iommu (VIOT table)",
      "evidence": [
        {
          "source": "/sys/firmware/acpi/tables/VIOT",
          "text": "present, 88 bytes"
        }
      ],
      "hint": null
    },
    {
      "id": "kernel.config",
      "result": "pass",
      "summary": "this kernel has the virtio-iommu driver",
      "evidence": [
        {
          "source": "/boot/config-6.8.0-51-generic",
          "text": "CONFIG_INTEL_IOMMU=y"
        },
        {
          "source": "/boot/config-6.8.0-51-generic",
          "text": "CONFIG_VIRTIO_IOMMU=y"
        },
        {
          "source": "/boot/config-6.8.0-51-generic",
          "text": "CONFIG_IOMMU_DEFAULT_DMA_LAZY=y"
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
      "summary": "1 IOMMU unit is running",
      "evidence": [
        {
          "source": "/sys/class/iommu/0000:00:02.0",
          "text": "virtio-iommu, 2 devices"
        }
      ],
      "hint": null
    },
    {
      "id": "kernel.groups",
      "result": "pass",
      "summary": "2 IOMMU groups",
      "evidence": [
        {
          "source": "/sys/kernel/iommu_groups",
          "text": "2 groups"
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
      "result": "pass",
      "summary": "DMA is translated, invalidations batched (lazy): a freed buffer stays reachable for a few milliseconds",
      "evidence": [
        {
          "source": "/sys/kernel/iommu_groups/*/type",
          "text": "DMA-FQ (translated, lazy): 2 groups"
        },
        {
          "source": "/boot/config-6.8.0-51-generic",
          "text": "CONFIG_IOMMU_DEFAULT_DMA_LAZY=y: the built-in default"
        }
      ],
      "hint": "iommu.strict=1 on the kernel command line makes it strict, at some cost in throughput"
    },
    {
      "id": "iommu.virtual",
      "result": "pass",
      "summary": "a virtio-iommu: this VM's IOMMU is provided by the hypervisor",
      "evidence": [
        {
          "source": "/sys/firmware/acpi/tables/VIOT",
          "text": "present"
        }
      ],
      "hint": null
    },
    {
      "id": "interrupts.remapping",
      "result": "warn",
      "summary": "interrupt remapping is off: a device given to a VM could inject interrupts, so VFIO refuses it unless told allow_unsafe_interrupts",
      "evidence": [
        {
          "source": "/proc/interrupts",
          "text": "IO-APIC (4), PCI-MSI (6)"
        }
      ],
      "hint": "give the VM interrupt remapping (QEMU: -device intel-iommu,intremap=on with kernel-irqchip=split)"
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
[exit 1]
$ tests/sysroots/make-sysroot.sh tests/sysroots/virtio-guest.desc $TMP/r && iommutool --sysroot $TMP/r devices
DEVICE        ID         CLASS                       DRIVER      GROUP  UNIT          FIRMWARE  ATS  RESERVED  NAME
0000:00:00.0  8086:29c0  Host bridge                 -               0  0000:00:02.0  -         no   -         Intel Corporation 82G33/G31/P35/P31 Express DRAM Controller
0000:00:02.0  1af4:1057  Unclassified device [00ff]  virtio-pci      -  -             -         no   -         Red Hat, Inc.
0000:00:03.0  1af4:1041  Ethernet controller         virtio-pci      1  0000:00:02.0  -         no   -         Red Hat, Inc. Virtio 1.0 network device
[exit 0]
