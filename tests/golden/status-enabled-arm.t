# status on an Arm server with an SMMUv3 (IORT): enabled, exit 0
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-enabled.desc $TMP/r && iommutool --sysroot $TMP/r status
IOMMU enabled: Arm SMMU, 1 unit (smmu3.0x0000000009050000); DMA translated, strict invalidation

PASS    platform                Arm (CPU implementer 0x41) CPU
        /proc/cpuinfo: Arm (CPU implementer 0x41)
PASS    firmware.table          the firmware describes Arm SMMU (IORT table)
        /sys/firmware/acpi/tables/IORT: present, 220 bytes
PASS    kernel.config           this kernel has the Arm SMMU driver
        /boot/config-6.8.0-1015-aws: CONFIG_ARM_SMMU_V3=y
        /boot/config-6.8.0-1015-aws: CONFIG_IOMMU_DEFAULT_DMA_STRICT=y
        /boot/config-6.8.0-1015-aws: CONFIG_VFIO=m
PASS    kernel.cmdline          nothing on the kernel command line turns the IOMMU off
        /proc/cmdline: iommu.strict=1: strict IOTLB invalidation
PASS    kernel.units            1 IOMMU unit is running
        /sys/class/iommu/smmu3.0x0000000009050000: Arm SMMUv3 at 0x9050000, 3 devices
PASS    kernel.groups           3 IOMMU groups
        /sys/kernel/iommu_groups: 3 groups
PASS    kernel.log              the driver logged its start
        kernel log: "arm-smmu-v3 arm-smmu-v3.0.auto: ias 48-bit, oas 48-bit (features 0x00001fef)": the SMMUv3 driver probed a unit
PASS    dma.mode                DMA is translated, the IOTLB invalidated at every unmap (strict)
        /sys/kernel/iommu_groups/*/type: DMA (translated, strict): 3 groups
        /proc/cmdline: iommu.strict=1
        /boot/config-6.8.0-1015-aws: CONFIG_IOMMU_DEFAULT_DMA_STRICT=y: the built-in default
PASS    iommu.translation       Arm SMMUv3 translates with stage 1 (inferred); stages 1 and 2 available
        /sys/class/iommu/smmu3.0x0000000009050000: stage 1 (inferred): features 0x00001fef: stage 1 and stage 2; Linux gives DMA domains stage 1 when the unit has it
SKIP    interrupts.remapping    no I/O APIC, MSI or HPET interrupts to remap (on Arm the GIC ITS isolates MSIs)
        /proc/interrupts: GICv3 (6), ITS-PCI-MSIX (3)
PASS    vfio.unsafe_interrupts  VFIO insists on interrupt remapping
        /sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts: N
SKIP    vfio.noiommu            VFIO offers no no-IOMMU mode here (not loaded, or built without it)
PASS    cmdline.lint            the IOMMU words on the kernel command line are all valid and effective
SKIP    log.misleading          kernel log lines that look like evidence and are not
        kernel log: "iommu: Default domain type: Translated": printed at boot by every kernel with the IOMMU API, even with no IOMMU at all
        kernel log: "iommu: DMA domain TLB invalidation policy: strict mode (set via kernel command line)": printed even with no IOMMU; the groups' type says which policy is in effect (a virtual VT-d forces strict)
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-enabled.desc $TMP/r && iommutool --sysroot $TMP/r --json status
{
  "schema_version": 2,
  "status": {
    "verdict": "enabled",
    "summary": "IOMMU enabled: Arm SMMU, 1 unit (smmu3.0x0000000009050000); DMA translated, strict invalidation",
    "hint": null,
    "vendor": "arm",
    "mode": "strict",
    "guest": false,
    "units": [
      {
        "name": "smmu3.0x0000000009050000",
        "model": "Arm SMMUv3",
        "vendor": "arm",
        "address": "0x9050000",
        "devices": 3,
        "translation": {
          "mode": "stage1",
          "inferred": true,
          "basis": "features 0x00001fef: stage 1 and stage 2; Linux gives DMA domains stage 1 when the unit has it",
          "stages": [
            1,
            2
          ]
        }
      }
    ]
  },
  "checks": [
    {
      "id": "platform",
      "result": "pass",
      "summary": "Arm (CPU implementer 0x41) CPU",
      "evidence": [
        {
          "source": "/proc/cpuinfo",
          "text": "Arm (CPU implementer 0x41)"
        }
      ],
      "hint": null
    },
    {
      "id": "firmware.table",
      "result": "pass",
      "summary": "the firmware describes Arm SMMU (IORT table)",
      "evidence": [
        {
          "source": "/sys/firmware/acpi/tables/IORT",
          "text": "present, 220 bytes"
        }
      ],
      "hint": null
    },
    {
      "id": "kernel.config",
      "result": "pass",
      "summary": "this kernel has the Arm SMMU driver",
      "evidence": [
        {
          "source": "/boot/config-6.8.0-1015-aws",
          "text": "CONFIG_ARM_SMMU_V3=y"
        },
        {
          "source": "/boot/config-6.8.0-1015-aws",
          "text": "CONFIG_IOMMU_DEFAULT_DMA_STRICT=y"
        },
        {
          "source": "/boot/config-6.8.0-1015-aws",
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
        {
          "source": "/proc/cmdline",
          "text": "iommu.strict=1: strict IOTLB invalidation"
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
          "source": "/sys/class/iommu/smmu3.0x0000000009050000",
          "text": "Arm SMMUv3 at 0x9050000, 3 devices"
        }
      ],
      "hint": null
    },
    {
      "id": "kernel.groups",
      "result": "pass",
      "summary": "3 IOMMU groups",
      "evidence": [
        {
          "source": "/sys/kernel/iommu_groups",
          "text": "3 groups"
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
          "text": "\"arm-smmu-v3 arm-smmu-v3.0.auto: ias 48-bit, oas 48-bit (features 0x00001fef)\": the SMMUv3 driver probed a unit"
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
          "text": "DMA (translated, strict): 3 groups"
        },
        {
          "source": "/proc/cmdline",
          "text": "iommu.strict=1"
        },
        {
          "source": "/boot/config-6.8.0-1015-aws",
          "text": "CONFIG_IOMMU_DEFAULT_DMA_STRICT=y: the built-in default"
        }
      ],
      "hint": null
    },
    {
      "id": "iommu.translation",
      "result": "pass",
      "summary": "Arm SMMUv3 translates with stage 1 (inferred); stages 1 and 2 available",
      "evidence": [
        {
          "source": "/sys/class/iommu/smmu3.0x0000000009050000",
          "text": "stage 1 (inferred): features 0x00001fef: stage 1 and stage 2; Linux gives DMA domains stage 1 when the unit has it"
        }
      ],
      "hint": null
    },
    {
      "id": "interrupts.remapping",
      "result": "skip",
      "summary": "no I/O APIC, MSI or HPET interrupts to remap (on Arm the GIC ITS isolates MSIs)",
      "evidence": [
        {
          "source": "/proc/interrupts",
          "text": "GICv3 (6), ITS-PCI-MSIX (3)"
        }
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
          "text": "\"iommu: DMA domain TLB invalidation policy: strict mode (set via kernel command line)\": printed even with no IOMMU; the groups' type says which policy is in effect (a virtual VT-d forces strict)"
        }
      ],
      "hint": null
    }
  ]
}
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-enabled.desc $TMP/r && iommutool --sysroot $TMP/r -q status
[exit 0]
