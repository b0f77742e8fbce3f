# status on an AMD server run as guides say (amd_iommu=on, iommu=pt, unsafe interrupts): enabled with
# warnings, exit 1; as Prometheus metrics, every check's result, and exit 0 once they are written
$ tests/sysroots/make-sysroot.sh tests/sysroots/amd-enabled.desc $TMP/r && iommutool --sysroot $TMP/r status
IOMMU enabled: AMD-Vi, 1 unit (ivhd0); DMA not translated (passthrough)

PASS    platform                AuthenticAMD CPU
        /proc/cpuinfo: AuthenticAMD
PASS    firmware.table          the firmware describes AMD-Vi (IVRS table)
        /sys/firmware/acpi/tables/IVRS: present, 92 bytes
PASS    kernel.config           this kernel has the AMD-Vi driver
        /boot/config-6.12.9-amd64: CONFIG_AMD_IOMMU=y
        /boot/config-6.12.9-amd64: CONFIG_IRQ_REMAP=y
        /boot/config-6.12.9-amd64: CONFIG_IOMMU_DEFAULT_DMA_LAZY=y
        /boot/config-6.12.9-amd64: CONFIG_VFIO=m
PASS    kernel.cmdline          nothing on the kernel command line turns the IOMMU off
        /proc/cmdline: iommu=pt: DMA passed through (not translated) by default
PASS    kernel.units            1 IOMMU unit is running
        /sys/class/iommu/ivhd0: AMD-Vi at 0xfd200000 (IVRS), 8 devices
PASS    kernel.groups           4 IOMMU groups
        /sys/kernel/iommu_groups: 4 groups
PASS    kernel.log              the driver logged its start
        kernel log: "pci 0000:00:00.2: AMD-Vi: Found IOMMU cap 0x40": the AMD-Vi driver found a unit
PASS    dma.mode                DMA is not translated (passthrough): the host's own drivers reach all memory; VFIO still isolates the devices it is given
        /sys/kernel/iommu_groups/*/type: identity (passthrough): 4 groups
        /proc/cmdline: iommu=pt
        /boot/config-6.12.9-amd64: CONFIG_IOMMU_DEFAULT_DMA_LAZY=y: the built-in default
        hint: to isolate the host's own devices too, remove iommu=pt or iommu.passthrough=1 from the kernel command line (SEV-SNP hosts need translation)
PASS    iommu.translation       AMD-Vi uses v1 page tables (inferred)
        /sys/class/iommu/ivhd0: v1 page tables (inferred): the kernel's default: nothing on the command line asks for v2 (amd_iommu=pgtbl_v2)
WARN    interrupts.remapping    interrupt remapping is off: a device given to a VM could inject interrupts, so VFIO refuses it unless told allow_unsafe_interrupts
        /proc/interrupts: IO-APIC (4), PCI-MSIX (9)
        kernel log: "[Firmware Bug]: AMD-Vi: No southbridge IOAPIC found": the IVRS table misses the southbridge I/O APIC, so interrupt remapping is off
        hint: check the firmware offers it (DMAR INTR_REMAP flag, an IVRS listing every I/O APIC) and update the firmware
UNKNOWN interrupts.x2apic       the APIC mode is only in the kernel log, which does not say
PASS    interrupts.posted       posted interrupts are supported: device interrupts can reach a VM without exits
        /sys/class/iommu/ivhd0/amd-iommu/features: GASup and GAMSup vAPIC set
WARN    vfio.unsafe_interrupts  VFIO accepts devices without interrupt remapping: a VM can inject interrupts into the host
        /sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts: Y
        hint: fix interrupt remapping and drop allow_unsafe_interrupts
SKIP    vfio.noiommu            VFIO offers no no-IOMMU mode here (not loaded, or built without it)
WARN    dma.faults              2 IOMMU fault lines in the kernel log: a device used an address it was not given
        kernel log: "mlx5_core 0000:02:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x000b address=0xfffffffdf8000000 flags=0x0020]"
        kernel log: "mlx5_core 0000:02:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x000b address=0xfffffffdf8001000 flags=0x0020]"
        hint: iommutool fault decodes them; update the device's driver and the firmware rather than turning the IOMMU off
WARN    cmdline.unknown         words the kernel does not know
        /proc/cmdline: 'on' is not an amd_iommu option; the kernel logs "AMD-Vi: Unknown option - 'on'" and goes on
        hint: remove it: AMD-Vi is on by default whenever the firmware has an IVRS table
WARN    cmdline.unsafe          words that make VFIO unsafe
        /proc/cmdline: 'vfio_iommu_type1.allow_unsafe_interrupts=1' lets VFIO work without interrupt remapping
        hint: without interrupt remapping a device given to a VM can inject interrupts into the host; fix interrupt remapping instead
SKIP    log.misleading          kernel log lines that look like evidence and are not
        kernel log: "iommu: Default domain type: Passthrough (set via kernel command line)": printed at boot by every kernel with the IOMMU API, even with no IOMMU at all
        kernel log: "AMD-Vi: AMD IOMMUv2 functionality not available on this system - This is not a bug.": harmless: the optional IOMMUv2 (PASID) module found nothing to do; it says nothing about AMD-Vi

To fix:
  interrupts.remapping: check the firmware offers it (DMAR INTR_REMAP flag, an IVRS listing every I/O APIC) and update the firmware
  vfio.unsafe_interrupts: fix interrupt remapping and drop allow_unsafe_interrupts
  dma.faults: iommutool fault decodes them; update the device's driver and the firmware rather than turning the IOMMU off
  cmdline.unknown: remove it: AMD-Vi is on by default whenever the firmware has an IVRS table
  cmdline.unsafe: without interrupt remapping a device given to a VM can inject interrupts into the host; fix interrupt remapping instead
[exit 1]
$ tests/sysroots/make-sysroot.sh tests/sysroots/amd-enabled.desc $TMP/r && iommutool --sysroot $TMP/r --json status
{
  "schema_version": 2,
  "status": {
    "verdict": "enabled",
    "summary": "IOMMU enabled: AMD-Vi, 1 unit (ivhd0); DMA not translated (passthrough)",
    "hint": null,
    "vendor": "amd",
    "mode": "passthrough",
    "guest": false,
    "units": [
      {
        "name": "ivhd0",
        "model": "AMD-Vi",
        "vendor": "amd",
        "address": "0xfd200000",
        "devices": 8,
        "translation": {
          "mode": "v1",
          "inferred": true,
          "basis": "the kernel's default: nothing on the command line asks for v2 (amd_iommu=pgtbl_v2)"
        },
        "registers": {
          "kind": "amd_registers",
          "title": "AMD-Vi Extended Feature Registers",
          "offset": "0x0",
          "length": 16,
          "children": [
            {
              "kind": "efr",
              "title": "Extended Feature Register (48882 §3.4.12, 0030h)",
              "offset": "0x0",
              "length": 8,
              "value": "0x246577efa2254afa",
              "pref_sup": false,
              "ppr_sup": true,
              "xt_sup": false,
              "nx_sup": true,
              "gt_sup": true,
              "ia_sup": true,
              "ga_sup": true,
              "he_sup": false,
              "pc_sup": true,
              "hats": 2,
              "hats_text": "6-level (64-bit)",
              "gats": 0,
              "gats_text": "4-level",
              "glx_sup": 1,
              "glx_sup_text": "2-level GCR3 table",
              "smif_sup": 1,
              "smif_rc": 1,
              "gam_sup": 1,
              "gam_sup_text": "guest virtual APIC (vAPIC) mode",
              "dual_ppr_log_sup": 2,
              "dual_event_log_sup": 2,
              "pas_max": 15,
              "pas_max_text": "16-bit PASIDs",
              "us_sup": true,
              "dev_tbl_seg_sup": 3,
              "ppr_ovrflw_early_sup": true,
              "ppr_auto_rsp_sup": true,
              "marc_sup": 1,
              "blk_stop_mrk_sup": true,
              "perf_opt_sup": true,
              "msi_cap_mmio_sup": true,
              "gio_sup": true,
              "ha_sup": false,
              "eph_sup": true,
              "attr_fw_sup": false,
              "hd_sup": false,
              "inv_iotlb_type_sup": true,
              "ga_update_dis_sup": true,
              "force_phys_dest_sup": false,
              "snp_sup": false
            },
            {
              "kind": "efr2",
              "title": "Extended Feature 2 Register (48882 §3.4.12, 01A0h)",
              "offset": "0x8",
              "length": 8,
              "value": "0x0",
              "gcr3_trp_mode": false,
              "snp_avic_sup": 0,
              "num_int_remap_sup": 0,
              "num_int_remap_sup_text": "512 per device",
              "ht_range_ignore": false
            }
          ]
        }
      }
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
      "result": "pass",
      "summary": "this kernel has the AMD-Vi driver",
      "evidence": [
        {
          "source": "/boot/config-6.12.9-amd64",
          "text": "CONFIG_AMD_IOMMU=y"
        },
        {
          "source": "/boot/config-6.12.9-amd64",
          "text": "CONFIG_IRQ_REMAP=y"
        },
        {
          "source": "/boot/config-6.12.9-amd64",
          "text": "CONFIG_IOMMU_DEFAULT_DMA_LAZY=y"
        },
        {
          "source": "/boot/config-6.12.9-amd64",
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
          "text": "iommu=pt: DMA passed through (not translated) by default"
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
          "source": "/sys/class/iommu/ivhd0",
          "text": "AMD-Vi at 0xfd200000 (IVRS), 8 devices"
        }
      ],
      "hint": null
    },
    {
      "id": "kernel.groups",
      "result": "pass",
      "summary": "4 IOMMU groups",
      "evidence": [
        {
          "source": "/sys/kernel/iommu_groups",
          "text": "4 groups"
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
          "text": "\"pci 0000:00:00.2: AMD-Vi: Found IOMMU cap 0x40\": the AMD-Vi driver found a unit"
        }
      ],
      "hint": null
    },
    {
      "id": "dma.mode",
      "result": "pass",
      "summary": "DMA is not translated (passthrough): the host's own drivers reach all memory; VFIO still isolates the devices it is given",
      "evidence": [
        {
          "source": "/sys/kernel/iommu_groups/*/type",
          "text": "identity (passthrough): 4 groups"
        },
        {
          "source": "/proc/cmdline",
          "text": "iommu=pt"
        },
        {
          "source": "/boot/config-6.12.9-amd64",
          "text": "CONFIG_IOMMU_DEFAULT_DMA_LAZY=y: the built-in default"
        }
      ],
      "hint": "to isolate the host's own devices too, remove iommu=pt or iommu.passthrough=1 from the kernel command line (SEV-SNP hosts need translation)"
    },
    {
      "id": "iommu.translation",
      "result": "pass",
      "summary": "AMD-Vi uses v1 page tables (inferred)",
      "evidence": [
        {
          "source": "/sys/class/iommu/ivhd0",
          "text": "v1 page tables (inferred): the kernel's default: nothing on the command line asks for v2 (amd_iommu=pgtbl_v2)"
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
          "text": "IO-APIC (4), PCI-MSIX (9)"
        },
        {
          "source": "kernel log",
          "text": "\"[Firmware Bug]: AMD-Vi: No southbridge IOAPIC found\": the IVRS table misses the southbridge I/O APIC, so interrupt remapping is off"
        }
      ],
      "hint": "check the firmware offers it (DMAR INTR_REMAP flag, an IVRS listing every I/O APIC) and update the firmware"
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
      "id": "interrupts.posted",
      "result": "pass",
      "summary": "posted interrupts are supported: device interrupts can reach a VM without exits",
      "evidence": [
        {
          "source": "/sys/class/iommu/ivhd0/amd-iommu/features",
          "text": "GASup and GAMSup vAPIC set"
        }
      ],
      "hint": null
    },
    {
      "id": "vfio.unsafe_interrupts",
      "result": "warn",
      "summary": "VFIO accepts devices without interrupt remapping: a VM can inject interrupts into the host",
      "evidence": [
        {
          "source": "/sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts",
          "text": "Y"
        }
      ],
      "hint": "fix interrupt remapping and drop allow_unsafe_interrupts"
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
      "id": "dma.faults",
      "result": "warn",
      "summary": "2 IOMMU fault lines in the kernel log: a device used an address it was not given",
      "evidence": [
        {
          "source": "kernel log",
          "text": "\"mlx5_core 0000:02:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x000b address=0xfffffffdf8000000 flags=0x0020]\""
        },
        {
          "source": "kernel log",
          "text": "\"mlx5_core 0000:02:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x000b address=0xfffffffdf8001000 flags=0x0020]\""
        }
      ],
      "hint": "iommutool fault decodes them; update the device's driver and the firmware rather than turning the IOMMU off"
    },
    {
      "id": "cmdline.unknown",
      "result": "warn",
      "summary": "words the kernel does not know",
      "evidence": [
        {
          "source": "/proc/cmdline",
          "text": "'on' is not an amd_iommu option; the kernel logs \"AMD-Vi: Unknown option - 'on'\" and goes on"
        }
      ],
      "hint": "remove it: AMD-Vi is on by default whenever the firmware has an IVRS table"
    },
    {
      "id": "cmdline.unsafe",
      "result": "warn",
      "summary": "words that make VFIO unsafe",
      "evidence": [
        {
          "source": "/proc/cmdline",
          "text": "'vfio_iommu_type1.allow_unsafe_interrupts=1' lets VFIO work without interrupt remapping"
        }
      ],
      "hint": "without interrupt remapping a device given to a VM can inject interrupts into the host; fix interrupt remapping instead"
    },
    {
      "id": "log.misleading",
      "result": "skip",
      "summary": "kernel log lines that look like evidence and are not",
      "evidence": [
        {
          "source": "kernel log",
          "text": "\"iommu: Default domain type: Passthrough (set via kernel command line)\": printed at boot by every kernel with the IOMMU API, even with no IOMMU at all"
        },
        {
          "source": "kernel log",
          "text": "\"AMD-Vi: AMD IOMMUv2 functionality not available on this system - This is not a bug.\": harmless: the optional IOMMUv2 (PASID) module found nothing to do; it says nothing about AMD-Vi"
        }
      ],
      "hint": null
    }
  ]
}
[exit 1]
$ tests/sysroots/make-sysroot.sh tests/sysroots/amd-enabled.desc $TMP/r && iommutool --sysroot $TMP/r -q status
[exit 1]
$ tests/sysroots/make-sysroot.sh tests/sysroots/amd-enabled.desc $TMP/r && iommutool --sysroot $TMP/r status --format=prometheus >$TMP/iommu.prom; echo "exit $?"; grep -v ' 0$' $TMP/iommu.prom
exit 0
# HELP iommutool_status_verdict The IOMMU verdict of iommutool status: 1 for the one that holds, 0 for the others.
# TYPE iommutool_status_verdict gauge
iommutool_status_verdict{verdict="enabled"} 1
# HELP iommutool_status_mode How DMA is translated by default (none: no IOMMU): 1 for the mode in use.
# TYPE iommutool_status_mode gauge
iommutool_status_mode{mode="passthrough"} 1
# HELP iommutool_status_check Each check of iommutool status (ids in iommutool-status(1)): 1 for its result.
# TYPE iommutool_status_check gauge
iommutool_status_check{check="platform",result="pass"} 1
iommutool_status_check{check="firmware.table",result="pass"} 1
iommutool_status_check{check="kernel.config",result="pass"} 1
iommutool_status_check{check="kernel.cmdline",result="pass"} 1
iommutool_status_check{check="kernel.units",result="pass"} 1
iommutool_status_check{check="kernel.groups",result="pass"} 1
iommutool_status_check{check="kernel.log",result="pass"} 1
iommutool_status_check{check="dma.mode",result="pass"} 1
iommutool_status_check{check="iommu.translation",result="pass"} 1
iommutool_status_check{check="interrupts.remapping",result="warn"} 1
iommutool_status_check{check="interrupts.x2apic",result="unknown"} 1
iommutool_status_check{check="interrupts.posted",result="pass"} 1
iommutool_status_check{check="vfio.unsafe_interrupts",result="warn"} 1
iommutool_status_check{check="vfio.noiommu",result="skip"} 1
iommutool_status_check{check="dma.faults",result="warn"} 1
iommutool_status_check{check="cmdline.unknown",result="warn"} 1
iommutool_status_check{check="cmdline.unsafe",result="warn"} 1
iommutool_status_check{check="log.misleading",result="skip"} 1
[exit 0]
