# status says how each unit translates (iommu.translation), known from the registers or the
# log, inferred from the command line and the configuration, unknown when neither tells.
# VT-d: the legacy fixture's unit has no scalable mode (ECAP 0xf00f4a, SMTS clear).
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy status | grep -A1 '^PASS    iommu.translation'
PASS    iommu.translation       Intel VT-d runs in legacy mode
        /sys/class/iommu/dmar0: legacy mode: the hardware has no scalable mode (ECAP 0xf00f4a: SMTS, bit 43, clear)
[exit 0]
$ sed -e 's/ 19e2ff0505e$/ 99e2ff0505e/' -e 's/VFIO=m$/VFIO=m INTEL_IOMMU_SCALABLE_MODE_DEFAULT_ON=y/' tests/sysroots/intel-enabled.desc >$TMP/sm.desc && tests/sysroots/make-sysroot.sh $TMP/sm.desc $TMP/r && iommutool --sysroot $TMP/r status | grep -A2 iommu.translation
PASS    iommu.translation       the units translate differently
        /sys/class/iommu/dmar0: scalable mode (inferred): the hardware has it (ECAP.SMTS) and CONFIG_INTEL_IOMMU_SCALABLE_MODE_DEFAULT_ON=y turns it on by default
        /sys/class/iommu/dmar1: legacy mode: the hardware has no scalable mode (ECAP 0xf050da: SMTS, bit 43, clear)
[exit 0]
$ sed -e 's/ 19e2ff0505e$/ 99e2ff0505e/' -e 's/VFIO=m$/VFIO=m INTEL_IOMMU_SCALABLE_MODE_DEFAULT_ON=y/' -e 's/ro quiet splash$/ro quiet splash intel_iommu=sm_off/' tests/sysroots/intel-enabled.desc >$TMP/sm.desc && tests/sysroots/make-sysroot.sh $TMP/sm.desc $TMP/r && iommutool --sysroot $TMP/r status | grep -A2 iommu.translation
PASS    iommu.translation       Intel VT-d runs in legacy mode
        /sys/class/iommu/dmar0: legacy mode: 'intel_iommu=sm_off' on the kernel command line keeps scalable mode off
        /sys/class/iommu/dmar1: legacy mode: the hardware has no scalable mode (ECAP 0xf050da: SMTS, bit 43, clear)
[exit 0]
$ sed -e 's/ 19e2ff0505e$/ 99e2ff0505e/' -e 's/VFIO=m$/VFIO=m INTEL_IOMMU_SCALABLE_MODE_DEFAULT_ON=n/' tests/sysroots/intel-enabled.desc >$TMP/sm.desc && tests/sysroots/make-sysroot.sh $TMP/sm.desc $TMP/r && iommutool --sysroot $TMP/r status | grep -A2 iommu.translation
PASS    iommu.translation       the units translate differently
        /sys/class/iommu/dmar0: legacy mode (inferred): the hardware has scalable mode (ECAP.SMTS), but CONFIG_INTEL_IOMMU_SCALABLE_MODE_DEFAULT_ON is not set and nothing on the command line asks for it
        /sys/class/iommu/dmar1: legacy mode: the hardware has no scalable mode (ECAP 0xf050da: SMTS, bit 43, clear)
[exit 0]
$ sed -e 's/ 19e2ff0505e$/ 99e2ff0505e/' -e '/^config /d' tests/sysroots/intel-enabled.desc >$TMP/sm.desc && tests/sysroots/make-sysroot.sh $TMP/sm.desc $TMP/r && iommutool --sysroot $TMP/r status | grep -A2 iommu.translation; iommutool --sysroot $TMP/r --json status | grep -A4 '"translation"'
UNKNOWN iommu.translation       the units translate differently
        /sys/class/iommu/dmar0: unknown: the hardware has scalable mode (ECAP.SMTS); whether the kernel uses it depends on CONFIG_INTEL_IOMMU_SCALABLE_MODE_DEFAULT_ON, which is not readable
        /sys/class/iommu/dmar1: legacy mode: the hardware has no scalable mode (ECAP 0xf050da: SMTS, bit 43, clear)
        "translation": {
          "mode": null,
          "inferred": false,
          "basis": "the hardware has scalable mode (ECAP.SMTS); whether the kernel uses it depends on CONFIG_INTEL_IOMMU_SCALABLE_MODE_DEFAULT_ON, which is not readable"
        },
--
        "translation": {
          "mode": "legacy",
          "inferred": false,
          "basis": "the hardware has no scalable mode (ECAP 0xf050da: SMTS, bit 43, clear)"
        },
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/amd-enabled.desc $TMP/r && iommutool --sysroot $TMP/r status | grep -A1 iommu.translation
PASS    iommu.translation       AMD-Vi uses v1 page tables (inferred)
        /sys/class/iommu/ivhd0: v1 page tables (inferred): the kernel's default: nothing on the command line asks for v2 (amd_iommu=pgtbl_v2)
[exit 0]
$ sed -e 's/amd_iommu=on /amd_iommu=pgtbl_v2 /' -e 's/^log AMD-Vi: Extended features.*/&\nlog AMD-Vi: V2 page table enabled (Paging mode : 4 level)/' tests/sysroots/amd-enabled.desc >$TMP/v2.desc && tests/sysroots/make-sysroot.sh $TMP/v2.desc $TMP/r && iommutool --sysroot $TMP/r status | grep -A1 iommu.translation; iommutool --sysroot $TMP/r --json status | grep -A4 '"translation"'
PASS    iommu.translation       AMD-Vi uses v2 page tables
        /sys/class/iommu/ivhd0: v2 page tables: the kernel log says so: "AMD-Vi: V2 page table enabled (Paging mode : 4 level)"
        "translation": {
          "mode": "v2",
          "inferred": false,
          "basis": "the kernel log says so: \"AMD-Vi: V2 page table enabled (Paging mode : 4 level)\""
        },
[exit 0]
$ cp -R $FIXTURES/q35-amd-crash $TMP/r && sed -i 's/iommu=nopt/amd_iommu=pgtbl_v2 iommu=nopt/' $TMP/r/proc/cmdline && iommutool --sysroot $TMP/r status | grep -A1 iommu.translation
PASS    iommu.translation       AMD-Vi uses v1 page tables (inferred)
        /sys/class/iommu/ivhd0: v1 page tables (inferred): 'amd_iommu=pgtbl_v2' asks for v2, but the EFR (0x29d3) lacks GIoSup (bit 48), so the kernel falls back to v1
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-enabled.desc $TMP/r && iommutool --sysroot $TMP/r status | grep -A1 iommu.translation
PASS    iommu.translation       Arm SMMUv3 translates with stage 1 (inferred); stages 1 and 2 available
        /sys/class/iommu/smmu3.0x0000000009050000: stage 1 (inferred): features 0x00001fef: stage 1 and stage 2; Linux gives DMA domains stage 1 when the unit has it
[exit 0]
$ sed -e 's/features 0x00001fef/features 0x00001def/' tests/sysroots/arm-enabled.desc >$TMP/s2.desc && tests/sysroots/make-sysroot.sh $TMP/s2.desc $TMP/r && iommutool --sysroot $TMP/r status | grep -A1 iommu.translation; iommutool --sysroot $TMP/r --json status | grep -A7 '"translation"'
PASS    iommu.translation       Arm SMMUv3 translates with stage 2; only stage 2 available
        /sys/class/iommu/smmu3.0x0000000009050000: stage 2: features 0x00001def: stage 2 only
        "translation": {
          "mode": "stage2",
          "inferred": false,
          "basis": "features 0x00001def: stage 2 only",
          "stages": [
            2
          ]
        }
[exit 0]
$ sed -e '/ias 48-bit/d' tests/sysroots/arm-enabled.desc >$TMP/nolog.desc && tests/sysroots/make-sysroot.sh $TMP/nolog.desc $TMP/r && iommutool --sysroot $TMP/r status | grep -A1 iommu.translation
UNKNOWN iommu.translation       how Arm SMMUv3 translates is not known
        /sys/class/iommu/smmu3.0x0000000009050000: unknown: the kernel log has no "ias ..., oas ... (features ...)" line of the driver for it
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/virtio-guest.desc $TMP/r && iommutool --sysroot $TMP/r status | grep -c iommu.translation
0
[exit 1]
