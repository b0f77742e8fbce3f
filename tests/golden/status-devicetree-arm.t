# status on an Arm board booted with a device tree (no ACPI) with its SMMUv3 running: the
# device tree describes the SMMU, a running unit proves it, so enabled, exit 0
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-devicetree.desc $TMP/r && iommutool --sysroot $TMP/r status
IOMMU enabled: Arm SMMU, 1 unit (smmu3.0x0000000009050000); DMA translated, strict invalidation

PASS    platform                Arm (CPU implementer 0x41) CPU
        /proc/cpuinfo: Arm (CPU implementer 0x41)
PASS    firmware.table          the IOMMU is described by the device tree (no ACPI IOMMU table)
        /sys/firmware/devicetree/base: present: the kernel runs 1 IOMMU unit described there
PASS    kernel.config           this kernel has the Arm SMMU driver
        /boot/config-6.1.0-13-arm64: CONFIG_ARM_SMMU_V3=y
        /boot/config-6.1.0-13-arm64: CONFIG_IOMMU_DEFAULT_DMA_STRICT=y
        /boot/config-6.1.0-13-arm64: CONFIG_VFIO=m
PASS    kernel.cmdline          nothing on the kernel command line turns the IOMMU off
PASS    kernel.units            1 IOMMU unit is running
        /sys/class/iommu/smmu3.0x0000000009050000: Arm SMMUv3 at 0x9050000, 2 devices
PASS    kernel.groups           2 IOMMU groups
        /sys/kernel/iommu_groups: 2 groups
PASS    kernel.log              the driver logged its start
        kernel log: "arm-smmu-v3 9050000.smmuv3: ias 48-bit, oas 48-bit (features 0x00001fef)": the SMMUv3 driver probed a unit
PASS    dma.mode                DMA is translated, the IOTLB invalidated at every unmap (strict)
        /sys/kernel/iommu_groups/*/type: DMA (translated, strict): 2 groups
        /boot/config-6.1.0-13-arm64: CONFIG_IOMMU_DEFAULT_DMA_STRICT=y: the built-in default
PASS    iommu.translation       Arm SMMUv3 translates with stage 1 (inferred); stages 1 and 2 available
        /sys/class/iommu/smmu3.0x0000000009050000: stage 1 (inferred): features 0x00001fef: stage 1 and stage 2; Linux gives DMA domains stage 1 when the unit has it
SKIP    interrupts.remapping    no I/O APIC, MSI or HPET interrupts to remap (on Arm the GIC ITS isolates MSIs)
        /proc/interrupts: GICv3 (6), ITS-PCI-MSIX (2)
PASS    vfio.unsafe_interrupts  VFIO insists on interrupt remapping
        /sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts: N
SKIP    vfio.noiommu            VFIO offers no no-IOMMU mode here (not loaded, or built without it)
PASS    cmdline.lint            the IOMMU words on the kernel command line are all valid and effective
SKIP    log.misleading          kernel log lines that look like evidence and are not
        kernel log: "iommu: Default domain type: Translated": printed at boot by every kernel with the IOMMU API, even with no IOMMU at all
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-devicetree.desc $TMP/r && iommutool --sysroot $TMP/r -q status
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-devicetree.desc $TMP/r && iommutool --sysroot $TMP/r snapshot -o $TMP/s >/dev/null && iommutool --sysroot $TMP/s status | grep firmware.table -A1
PASS    firmware.table          the IOMMU is described by the device tree (no ACPI IOMMU table)
        /sys/firmware/devicetree/base: present: the kernel runs 1 IOMMU unit described there
[exit 0]
