# IVRS decode: ACPICA's template (every block and entry type), real tables (an undefined
# block 51h, ACPI HID entries, IVMDs; -v and --json), fwts's acpidump text, and hand-made
# broken tables (tests/data/ivrs/make-tables.py): an entry type of no defined length, a block
# too short, entries past their IVHD, a zero length, trailing bytes, a block past the table.
$ iommutool decode $SHARED/corpus/templates/ivrs.aml
IVRS  signature=IVRS  length=528  revision=2  oem_id="INTEL "  oem_table_id=TEMPLATE
  IVHD type 10h  device_id=0x0002 (00:00.2)  base_address=0x00000000fdf00000  pci_segment=0x0000
    Start of Range  device_id=0x0008 (00:01.0)
    Select All  device_id=0x0008 (00:01.0)
    Select  device_id=0x0008 (00:01.0)
    End of Range  device_id=0xfffe (ff:1f.6)
    Alias Select  device_id=0xff00 (ff:00.0)  source_device_id=0x00a5 (00:14.5)
    Alias Start of Range  device_id=0xff00 (ff:00.0)  source_device_id=0x00a5 (00:14.5)
    Extended Select  device_id=0xff00 (ff:00.0)
    Extended Start of Range  device_id=0xff00 (ff:00.0)
    End of Range  device_id=0xffff (ff:1f.7)
    Special Device  handle=0  source_device_id=0x00a0 (00:14.0)  variety=0x02 (HPET)
    Special Device  init_pass  eint_pass  nmi_pass  lint0_pass  lint1_pass  handle=33  source_device_id=0x00a0 (00:14.0)  variety=0x01 (IOAPIC)
    Special Device  handle=34  source_device_id=0x0001 (00:00.1)  variety=0x01 (IOAPIC)
  IVHD type 11h  device_id=0x0002 (00:00.2)  base_address=0x00000000fdf00000  pci_segment=0x0000
    Start of Range  device_id=0x0008 (00:01.0)
    End of Range  device_id=0xfffe (ff:1f.6)
    Alias Start of Range  device_id=0xff00 (ff:00.0)  source_device_id=0x00a5 (00:14.5)
    End of Range  device_id=0xffff (ff:1f.7)
    Padding  device_id=0x0000 (00:00.0)
    Special Device  handle=0  source_device_id=0x00a0 (00:14.0)  variety=0x02 (HPET)
  IVHD type 40h  device_id=0x0002 (00:00.2)  base_address=0x00000000fdf00000  pci_segment=0x0000
    Start of Range  device_id=0x0008 (00:01.0)
    End of Range  device_id=0xfffe (ff:1f.6)
    Alias Start of Range  device_id=0xff00 (ff:00.0)  source_device_id=0x00a5 (00:14.5)
    End of Range  device_id=0xffff (ff:1f.7)
    Padding  device_id=0x0000 (00:00.0)
    Special Device  handle=0  source_device_id=0x00a0 (00:14.0)  variety=0x02 (HPET)
    Special Device  init_pass  eint_pass  nmi_pass  lint0_pass  lint1_pass  handle=33  source_device_id=0x00a0 (00:14.0)  variety=0x01 (IOAPIC)
    Special Device  handle=34  source_device_id=0x0001 (00:00.1)  variety=0x01 (IOAPIC)
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=INTC0020  uid=\_SB.DEV0
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=INTC0020  uid=\_SB.DEV1
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=INTC0020  uid=\_SB.DEV2
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=INTC0020  uid=\_SB.DEV3
  IVMD type 20h (all devices)  unity  iw  exclusion_range  device_id=0x1122 (11:04.2)  start_address=0x000012345678abcd  memory_length=0x000000000000fedc
  IVMD type 21h (one device)  unity  iw  exclusion_range  device_id=0x1122 (11:04.2)  start_address=0x000012345678abcd  memory_length=0x000000000000fedc
  IVMD type 22h (device range)  unity  iw  exclusion_range  device_id=0x1122 (11:04.2)  start_address=0x000012345678abcd  memory_length=0x000000000000fedc
findings:
  warning [0x06c] Extended Select: reserved field 'Reserved (bits 30:0)' is 0x11223344, must be zero  (acpi.reserved_nonzero, AMD IOMMU 48882: IVRS)
  warning [0x074] Extended Start of Range: reserved field 'Reserved (bits 30:0)' is 0x11223344, must be zero  (acpi.reserved_nonzero, AMD IOMMU 48882: IVRS)

[exit 0]
$ iommutool decode $SHARED/corpus/ivrs/lenovo-thinkpad-t14-gen-3-21cf004pge-2a874809.bin
IVRS  signature=IVRS  length=484  revision=2  oem_id=LENOVO  oem_table_id="TP-R23  "
  IVHD type 10h  device_id=0x0002 (00:00.2)  base_address=0x00000000fe000000  pci_segment=0x0000
    Start of Range  device_id=0x0008 (00:01.0)
    End of Range  device_id=0xfffe (ff:1f.6)
    Alias Start of Range  device_id=0xff00 (ff:00.0)  source_device_id=0x00a5 (00:14.5)
    End of Range  device_id=0xffff (ff:1f.7)
    Padding  device_id=0x0000 (00:00.0)
    Special Device  handle=0  source_device_id=0x00a0 (00:14.0)  variety=0x02 (HPET)
    Special Device  init_pass  eint_pass  nmi_pass  lint0_pass  lint1_pass  handle=32  source_device_id=0x00a0 (00:14.0)  variety=0x01 (IOAPIC)
    Special Device  handle=33  source_device_id=0x0001 (00:00.1)  variety=0x01 (IOAPIC)
  IVHD type 11h  device_id=0x0002 (00:00.2)  base_address=0x00000000fe000000  pci_segment=0x0000
    Start of Range  device_id=0x0008 (00:01.0)
    End of Range  device_id=0xfffe (ff:1f.6)
    Alias Start of Range  device_id=0xff00 (ff:00.0)  source_device_id=0x00a5 (00:14.5)
    End of Range  device_id=0xffff (ff:1f.7)
    Padding  device_id=0x0000 (00:00.0)
    Special Device  handle=0  source_device_id=0x00a0 (00:14.0)  variety=0x02 (HPET)
    Special Device  init_pass  eint_pass  nmi_pass  lint0_pass  lint1_pass  handle=32  source_device_id=0x00a0 (00:14.0)  variety=0x01 (IOAPIC)
    Special Device  handle=33  source_device_id=0x0001 (00:00.1)  variety=0x01 (IOAPIC)
  IVMD type 21h (one device)  exclusion_range  device_id=0x0300 (03:00.0)  start_address=0x000000007132f000  memory_length=0x0000000000026000
  IVHD type 40h  device_id=0x0002 (00:00.2)  base_address=0x00000000fe000000  pci_segment=0x0000
    Start of Range  device_id=0x0008 (00:01.0)
    End of Range  device_id=0xfffe (ff:1f.6)
    Alias Start of Range  device_id=0xff00 (ff:00.0)  source_device_id=0x00a5 (00:14.5)
    End of Range  device_id=0xffff (ff:1f.7)
    Padding  device_id=0x0000 (00:00.0)
    Special Device  handle=0  source_device_id=0x00a0 (00:14.0)  variety=0x02 (HPET)
    Special Device  init_pass  eint_pass  nmi_pass  lint0_pass  lint1_pass  handle=32  source_device_id=0x00a0 (00:14.0)  variety=0x01 (IOAPIC)
    Special Device  handle=33  source_device_id=0x0001 (00:00.1)  variety=0x01 (IOAPIC)
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=AMDI0020  uid=\_SB.FUR0
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=AMDI0020  uid=\_SB.FUR1
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=AMDI0020  uid=\_SB.FUR2
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=AMDI0020  uid=\_SB.FUR3
  Unknown block type 51h
findings:
  warning [0x1c4] block at 0x1c4 has undefined type 51h; skipped by its Length  (ivrs.block.unknown_type, AMD IOMMU 48882: IVRS)

[exit 0]
$ iommutool decode -v $SHARED/corpus/ivrs/msi-ms-7793-d999d397.bin
# IVRS from ../shared/corpus/ivrs/msi-ms-7793-d999d397.bin at byte 0
IVRS  [0x000, 104 bytes]
  [0x000]      Signature                      : IVRS
  [0x004]      Table Length                   : 104
  [0x008]      Revision                       : 2
  [0x009]      Checksum                       : 0x0e
  [0x00a]      OEM ID                         : AMD
  [0x010]      OEM Table ID                   : "BANTRY  "
  [0x018]      OEM Revision                   : 0x00000001
  [0x01c]      Asl Compiler ID                : "AMD "
  [0x020]      Asl Compiler Revision          : 0x00000000
  [0x024]      IVinfo                         : 0x00202840
    bit 0      EFRSup (EFR images valid)      : no
    bit 1      DMA remap support              : no
    bits 7-5   GVASize                        : 2 (48 bits)
    bits 14-8  PASize (bits)                  : 40
    bits 21-15 VASize (bits)                  : 64
    bit 22     HtAtsResv (ATS range reserved) : no
  IVHD type 10h  [0x030, 56 bytes]
    [0x030]      Type                           : 0x10
    [0x031]      Flags                          : 0xfe
      bit 0      HtTunEn                        : no
      bit 1      PassPW                         : yes
      bit 2      ResPassPW                      : yes
      bit 3      Isoc                           : yes
      bit 4      IotlbSup                       : yes
      bit 5      Coherent                       : yes
      bit 6      PrefSup                        : yes
      bit 7      PPRSup                         : yes
    [0x032]      Length                         : 56
    [0x034]      IOMMU Device ID                : 0x0002 (00:00.2)
    [0x036]      Capability Offset              : 0x0040
    [0x038]      IOMMU Base Address             : 0x00000000feb80000
    [0x040]      PCI Segment Group              : 0x0000
    [0x042]      IOMMU Info                     : 0x1300
      bits 4-0   MSINum                         : 0
      bits 12-8  UnitID                         : 19
    [0x044]      IOMMU Feature Reporting        : 0x00048824
      bit 0      XTSup                          : no
      bit 1      NXSup                          : no
      bit 2      GTSup                          : yes
      bits 4-3   GLXSup                         : 0 (1 level)
      bit 5      IASup                          : yes
      bit 6      GASup                          : no
      bit 7      HESup                          : no
      bits 12-8  PASmax                         : 8
      bits 16-13 PNCounters                     : 4
      bits 22-17 PNBanks                        : 2
      bits 27-23 MSINumPPR                      : 0
      bits 29-28 GATS                           : 0 (4 levels)
      bits 31-30 HATS                           : 0 (4 levels)
    Start of Range  [0x048, 4 bytes]
      [0x048]      Entry Type                     : 0x03 (Start of Range)
      [0x049]      Device ID                      : 0x0008 (00:01.0)
      [0x04b]      DTE Setting                    : 0x00
        bit 0      INITPass                       : no
        bit 1      EIntPass                       : no
        bit 2      NMIPass                        : no
        bits 5-4   SysMgt                         : 0 (target abort)
        bit 6      Lint0Pass                      : no
        bit 7      Lint1Pass                      : no
    End of Range  [0x04c, 4 bytes]
      [0x04c]      Entry Type                     : 0x04 (End of Range)
      [0x04d]      Device ID                      : 0xfffe (ff:1f.6)
      [0x04f]      DTE Setting                    : 0x00
        bit 0      INITPass                       : no
        bit 1      EIntPass                       : no
        bit 2      NMIPass                        : no
        bits 5-4   SysMgt                         : 0 (target abort)
        bit 6      Lint0Pass                      : no
        bit 7      Lint1Pass                      : no
    Alias Start of Range  [0x050, 8 bytes]
      [0x050]      Entry Type                     : 0x43 (Alias Start of Range)
      [0x051]      Device ID                      : 0x0300 (03:00.0)
      [0x053]      DTE Setting                    : 0x00
        bit 0      INITPass                       : no
        bit 1      EIntPass                       : no
        bit 2      NMIPass                        : no
        bits 5-4   SysMgt                         : 0 (target abort)
        bit 6      Lint0Pass                      : no
        bit 7      Lint1Pass                      : no
      [0x055]      Source Device ID (alias)       : 0x00a4 (00:14.4)
    End of Range  [0x058, 4 bytes]
      [0x058]      Entry Type                     : 0x04 (End of Range)
      [0x059]      Device ID                      : 0x03ff (03:1f.7)
      [0x05b]      DTE Setting                    : 0x00
        bit 0      INITPass                       : no
        bit 1      EIntPass                       : no
        bit 2      NMIPass                        : no
        bits 5-4   SysMgt                         : 0 (target abort)
        bit 6      Lint0Pass                      : no
        bit 7      Lint1Pass                      : no
    Padding  [0x05c, 4 bytes]
      [0x05c]      Entry Type                     : 0x00 (Padding)
      [0x05d]      Device ID                      : 0x0000 (00:00.0)
      [0x05f]      DTE Setting                    : 0x00
        bit 0      INITPass                       : no
        bit 1      EIntPass                       : no
        bit 2      NMIPass                        : no
        bits 5-4   SysMgt                         : 0 (target abort)
        bit 6      Lint0Pass                      : no
        bit 7      Lint1Pass                      : no
    Special Device  [0x060, 8 bytes]
      [0x060]      Entry Type                     : 0x48 (Special Device)
      [0x061]      Reserved                       : 0x0000
      [0x063]      DTE Setting                    : 0x00
        bit 0      INITPass                       : no
        bit 1      EIntPass                       : no
        bit 2      NMIPass                        : no
        bits 5-4   SysMgt                         : 0 (target abort)
        bit 6      Lint0Pass                      : no
        bit 7      Lint1Pass                      : no
      [0x064]      Handle                         : 0
      [0x065]      Source Device ID               : 0x00a0 (00:14.0)
      [0x067]      Variety                        : 0x02 (HPET)

[exit 0]
$ iommutool --json decode $SHARED/corpus/ivrs/msi-ms-7793-d999d397.bin
{
  "schema_version": 2,
  "tables": [
    {
      "name": "IVRS",
      "source": "../shared/corpus/ivrs/msi-ms-7793-d999d397.bin",
      "source_offset": "0x0",
      "kind": "ivrs",
      "title": "IVRS",
      "offset": "0x0",
      "length": 104,
      "signature": "IVRS",
      "revision": 2,
      "checksum": "0xe",
      "oem_id": "AMD",
      "oem_table_id": "BANTRY  ",
      "oem_revision": "0x1",
      "creator_id": "AMD ",
      "creator_revision": "0x0",
      "ivinfo": "0x202840",
      "efr_sup": false,
      "dma_remap_sup": false,
      "gva_size": 2,
      "gva_size_text": "48 bits",
      "pa_size": 40,
      "va_size": 64,
      "ht_ats_reserved": false,
      "children": [
        {
          "kind": "ivhd",
          "title": "IVHD type 10h",
          "offset": "0x30",
          "length": 56,
          "type": "0x10",
          "flags": "0xfe",
          "ht_tun_en": false,
          "pass_pw": true,
          "res_pass_pw": true,
          "isoc": true,
          "iotlb_sup": true,
          "coherent": true,
          "pref_sup": true,
          "ppr_sup": true,
          "device_id": "0x2",
          "device_id_text": "00:00.2",
          "capability_offset": "0x40",
          "base_address": "0xfeb80000",
          "pci_segment": "0x0",
          "iommu_info": "0x1300",
          "msi_num": 0,
          "unit_id": 19,
          "feature_reporting": "0x48824",
          "xt_sup": false,
          "nx_sup": false,
          "gt_sup": true,
          "glx_sup": 0,
          "glx_sup_text": "1 level",
          "ia_sup": true,
          "ga_sup": false,
          "he_sup": false,
          "pas_max": 8,
          "pn_counters": 4,
          "pn_banks": 2,
          "msi_num_ppr": 0,
          "gats": 0,
          "gats_text": "4 levels",
          "hats": 0,
          "hats_text": "4 levels",
          "children": [
            {
              "kind": "device_entry",
              "title": "Start of Range",
              "offset": "0x48",
              "length": 4,
              "type": "0x3",
              "type_text": "Start of Range",
              "device_id": "0x8",
              "device_id_text": "00:01.0",
              "settings": "0x0",
              "init_pass": false,
              "eint_pass": false,
              "nmi_pass": false,
              "sys_mgt": 0,
              "sys_mgt_text": "target abort",
              "lint0_pass": false,
              "lint1_pass": false
            },
            {
              "kind": "device_entry",
              "title": "End of Range",
              "offset": "0x4c",
              "length": 4,
              "type": "0x4",
              "type_text": "End of Range",
              "device_id": "0xfffe",
              "device_id_text": "ff:1f.6",
              "settings": "0x0",
              "init_pass": false,
              "eint_pass": false,
              "nmi_pass": false,
              "sys_mgt": 0,
              "sys_mgt_text": "target abort",
              "lint0_pass": false,
              "lint1_pass": false
            },
            {
              "kind": "device_entry",
              "title": "Alias Start of Range",
              "offset": "0x50",
              "length": 8,
              "type": "0x43",
              "type_text": "Alias Start of Range",
              "device_id": "0x300",
              "device_id_text": "03:00.0",
              "settings": "0x0",
              "init_pass": false,
              "eint_pass": false,
              "nmi_pass": false,
              "sys_mgt": 0,
              "sys_mgt_text": "target abort",
              "lint0_pass": false,
              "lint1_pass": false,
              "source_device_id": "0xa4",
              "source_device_id_text": "00:14.4"
            },
            {
              "kind": "device_entry",
              "title": "End of Range",
              "offset": "0x58",
              "length": 4,
              "type": "0x4",
              "type_text": "End of Range",
              "device_id": "0x3ff",
              "device_id_text": "03:1f.7",
              "settings": "0x0",
              "init_pass": false,
              "eint_pass": false,
              "nmi_pass": false,
              "sys_mgt": 0,
              "sys_mgt_text": "target abort",
              "lint0_pass": false,
              "lint1_pass": false
            },
            {
              "kind": "device_entry",
              "title": "Padding",
              "offset": "0x5c",
              "length": 4,
              "type": "0x0",
              "type_text": "Padding",
              "device_id": "0x0",
              "device_id_text": "00:00.0",
              "settings": "0x0",
              "init_pass": false,
              "eint_pass": false,
              "nmi_pass": false,
              "sys_mgt": 0,
              "sys_mgt_text": "target abort",
              "lint0_pass": false,
              "lint1_pass": false
            },
            {
              "kind": "device_entry",
              "title": "Special Device",
              "offset": "0x60",
              "length": 8,
              "type": "0x48",
              "type_text": "Special Device",
              "reserved": "0x0",
              "settings": "0x0",
              "init_pass": false,
              "eint_pass": false,
              "nmi_pass": false,
              "sys_mgt": 0,
              "sys_mgt_text": "target abort",
              "lint0_pass": false,
              "lint1_pass": false,
              "handle": 0,
              "source_device_id": "0xa0",
              "source_device_id_text": "00:14.0",
              "variety": "0x2",
              "variety_text": "HPET"
            }
          ]
        }
      ],
      "findings": [
      ]
    }
  ]
}
[exit 0]
$ iommutool decode $SHARED/corpus/ivrs/mechrevo-wujie14xa-69d7ad5b.bin
IVRS  signature=IVRS  length=568  revision=2  oem_id="AMD  "  oem_table_id=AmdTable
  IVHD type 10h  device_id=0x0002 (00:00.2)  base_address=0x00000000fd200000  pci_segment=0x0000
    Start of Range  device_id=0x0003 (00:00.3)
    End of Range  device_id=0xfffe (ff:1f.6)
    Alias Start of Range  device_id=0xff00 (ff:00.0)  source_device_id=0x00a5 (00:14.5)
    End of Range  device_id=0xffff (ff:1f.7)
    Special Device  handle=0  source_device_id=0x00a0 (00:14.0)  variety=0x02 (HPET)
    Special Device  init_pass  eint_pass  nmi_pass  lint0_pass  lint1_pass  handle=33  source_device_id=0x00a0 (00:14.0)  variety=0x01 (IOAPIC)
    Special Device  handle=34  source_device_id=0x0001 (00:00.1)  variety=0x01 (IOAPIC)
  IVHD type 11h  device_id=0x0002 (00:00.2)  base_address=0x00000000fd200000  pci_segment=0x0000
    Start of Range  device_id=0x0003 (00:00.3)
    End of Range  device_id=0xfffe (ff:1f.6)
    Alias Start of Range  device_id=0xff00 (ff:00.0)  source_device_id=0x00a5 (00:14.5)
    End of Range  device_id=0xffff (ff:1f.7)
    Special Device  handle=0  source_device_id=0x00a0 (00:14.0)  variety=0x02 (HPET)
    Special Device  init_pass  eint_pass  nmi_pass  lint0_pass  lint1_pass  handle=33  source_device_id=0x00a0 (00:14.0)  variety=0x01 (IOAPIC)
    Special Device  handle=34  source_device_id=0x0001 (00:00.1)  variety=0x01 (IOAPIC)
  IVMD type 22h (device range)  exclusion_range  device_id=0x0000 (00:00.0)  start_address=0x000000009618e000  memory_length=0x0000000000000001
  IVMD type 22h (device range)  exclusion_range  device_id=0x0000 (00:00.0)  start_address=0x0000000097d9d000  memory_length=0x0000000000000001
  IVMD type 22h (device range)  exclusion_range  device_id=0x0000 (00:00.0)  start_address=0x0000000097d9c000  memory_length=0x0000000000000001
  IVMD type 22h (device range)  exclusion_range  device_id=0x0000 (00:00.0)  start_address=0x0000000097b98000  memory_length=0x0000000000000001
  IVMD type 22h (device range)  exclusion_range  device_id=0x0000 (00:00.0)  start_address=0x0000000097b97000  memory_length=0x0000000000000001
  IVHD type 40h  device_id=0x0002 (00:00.2)  base_address=0x00000000fd200000  pci_segment=0x0000
    Start of Range  device_id=0x0003 (00:00.3)
    End of Range  device_id=0xfffe (ff:1f.6)
    Alias Start of Range  device_id=0xff00 (ff:00.0)  source_device_id=0x00a5 (00:14.5)
    End of Range  device_id=0xffff (ff:1f.7)
    Special Device  handle=0  source_device_id=0x00a0 (00:14.0)  variety=0x02 (HPET)
    Special Device  init_pass  eint_pass  nmi_pass  lint0_pass  lint1_pass  handle=33  source_device_id=0x00a0 (00:14.0)  variety=0x01 (IOAPIC)
    Special Device  handle=34  source_device_id=0x0001 (00:00.1)  variety=0x01 (IOAPIC)
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=AMDI0020  uid=\_SB.FUR0
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=AMDI0020  uid=\_SB.FUR1
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=AMDI0020  uid=\_SB.FUR2
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=AMDI0020  uid=\_SB.FUR3

[exit 0]
$ iommutool decode $SHARED/corpus/fwts/ivrs-0001_acpidump-0002.log
FACP  signature=FACP  length=244  revision=3  oem_id="AMD   "  oem_table_id="GUAM    "

IVRS  signature=IVRS  length=528  revision=2  oem_id="INTEL "  oem_table_id=TEMPLATE
  IVHD type 10h  device_id=0x0002 (00:00.2)  base_address=0x00000000fdf00000  pci_segment=0x0000
    Start of Range  device_id=0x0008 (00:01.0)
    Select All  device_id=0x0008 (00:01.0)
    Select  device_id=0x0008 (00:01.0)
    End of Range  device_id=0xfffe (ff:1f.6)
    Alias Select  device_id=0xff00 (ff:00.0)  source_device_id=0x00a5 (00:14.5)
    Alias Start of Range  device_id=0xff00 (ff:00.0)  source_device_id=0x00a5 (00:14.5)
    Extended Select  device_id=0xff00 (ff:00.0)
    Extended Start of Range  device_id=0xff00 (ff:00.0)
    End of Range  device_id=0xffff (ff:1f.7)
    Special Device  handle=0  source_device_id=0x00a0 (00:14.0)  variety=0x02 (HPET)
    Special Device  init_pass  eint_pass  nmi_pass  lint0_pass  lint1_pass  handle=33  source_device_id=0x00a0 (00:14.0)  variety=0x01 (IOAPIC)
    Unknown entry type 44h  device_id=0x0000 (00:00.0)
  IVHD type 11h  device_id=0x0002 (00:00.2)  base_address=0x00000000fdf00000  pci_segment=0x0000
    Start of Range  device_id=0x0008 (00:01.0)
    End of Range  device_id=0xfffe (ff:1f.6)
    Alias Start of Range  device_id=0xff00 (ff:00.0)  source_device_id=0x00a5 (00:14.5)
    End of Range  device_id=0xffff (ff:1f.7)
    Padding  device_id=0x0000 (00:00.0)
    Special Device  handle=0  source_device_id=0x00a0 (00:14.0)  variety=0x02 (HPET)
  IVHD type 40h  device_id=0x0002 (00:00.2)  base_address=0x00000000fdf00000  pci_segment=0x0000
    Start of Range  device_id=0x0008 (00:01.0)
    End of Range  device_id=0xfffe (ff:1f.6)
    Alias Start of Range  device_id=0xff00 (ff:00.0)  source_device_id=0x00a5 (00:14.5)
    End of Range  device_id=0xffff (ff:1f.7)
    Padding  device_id=0x0000 (00:00.0)
    Special Device  handle=0  source_device_id=0x00a0 (00:14.0)  variety=0x02 (HPET)
    Special Device  init_pass  eint_pass  nmi_pass  lint0_pass  lint1_pass  handle=33  source_device_id=0x00a0 (00:14.0)  variety=0x01 (IOAPIC)
    Special Device  handle=34  source_device_id=0x0001 (00:00.1)  variety=0x01 (IOAPIC)
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=INTC0020  uid=\_SB.DEV0
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=INTC0020  uid=\_SB.DEV1
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=INTC0020  uid=\_SB.DEV2
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=INTC0020  uid=\_SB.DEV3
  IVMD type 20h (all devices)  unity  iw  exclusion_range  device_id=0x1122 (11:04.2)  start_address=0x000012345678abcd  memory_length=0x000000000000fedc
  IVMD type 21h (one device)  unity  iw  exclusion_range  device_id=0x1122 (11:04.2)  start_address=0x000012345678abcd  memory_length=0x000000000000fedc
  IVMD type 22h (device range)  unity  iw  exclusion_range  device_id=0x1122 (11:04.2)  start_address=0x000012345678abcd  memory_length=0x000000000000fedc
findings:
  error   [0x009] checksum is 0x6c, should be 0x37  (acpi.table.checksum, ACPI 6.5 §5.2.6)
  warning [0x024] a reserved field or bit is not zero (11 times: at 0x24, 0x24, 0x28, 0x42, 0x42, 0x6c, 0x74, 0xf0, 0xf0, 0x1b1, 0x1fa)  (acpi.reserved_nonzero, AMD IOMMU 48882: IVRS)
  warning [0x08c] IVHD type 10h at 0x30: device entry at 0x8c has undefined type 44h (Linux ignores it)  (ivrs.entry.unknown_type, AMD IOMMU 48882: IVHD device entries)

[exit 0]
$ iommutool decode -v $TESTDATA/ivrs/walk.bin
# IVRS from tests/data/ivrs/walk.bin at byte 0
IVRS  [0x000, 156 bytes]
  [0x000]      Signature                      : IVRS
  [0x004]      Table Length                   : 156
  [0x008]      Revision                       : 2
  [0x009]      Checksum                       : 0xd7
  [0x00a]      OEM ID                         : IOMMUT
  [0x010]      OEM Table ID                   : HANDMADE
  [0x018]      OEM Revision                   : 0x00000001
  [0x01c]      Asl Compiler ID                : TEST
  [0x020]      Asl Compiler Revision          : 0x00000001
  [0x024]      IVinfo                         : 0x00203041
    bit 0      EFRSup (EFR images valid)      : yes
    bit 1      DMA remap support              : no
    bits 7-5   GVASize                        : 2 (48 bits)
    bits 14-8  PASize (bits)                  : 48
    bits 21-15 VASize (bits)                  : 64
    bit 22     HtAtsResv (ATS range reserved) : no
  IVHD type 40h  [0x030, 52 bytes]
    [0x030]      Type                           : 0x40
    [0x031]      Flags                          : 0x30
      bit 0      HtTunEn                        : no
      bit 1      PassPW                         : no
      bit 2      ResPassPW                      : no
      bit 3      Isoc                           : no
      bit 4      IotlbSup                       : yes
      bit 5      Coherent                       : yes
      bit 6      PrefSup                        : no
      bit 7      PPRSup                         : no
    [0x032]      Length                         : 52
    [0x034]      IOMMU Device ID                : 0x0002 (00:00.2)
    [0x036]      Capability Offset              : 0x0040
    [0x038]      IOMMU Base Address             : 0x00000000fd000000
    [0x040]      PCI Segment Group              : 0x0000
    [0x042]      IOMMU Info                     : 0x0000
      bits 4-0   MSINum                         : 0
      bits 12-8  UnitID                         : 0
    [0x044]      IOMMU Attributes               : 0x00048000
      bit 0      HATDis (no host translation)   : no
      bit 9      Undefined (bit 9, set by AMD firmware) : no
      bits 16-13 PNCounters                     : 4
      bits 22-17 PNBanks                        : 2
      bits 27-23 MSINumPPR                      : 0
    [0x048]      EFR Register Image             : 0x0000000000000000
      bit 0      PreFSup                        : no
      bit 1      PPRSup                         : no
      bit 2      XTSup                          : no
      bit 3      NXSup                          : no
      bit 4      GTSup                          : no
      bit 6      IASup                          : no
      bit 7      GASup                          : no
      bit 8      HESup                          : no
      bit 9      PCSup                          : no
      bits 11-10 HATS                           : 0 (4 levels)
      bits 13-12 GATS                           : 0 (4 levels)
      bits 15-14 GLXSup                         : 0 (1 level)
      bits 17-16 SmiFSup                        : 0
      bits 20-18 SmiFRC                         : 0
      bits 23-21 GAMSup                         : 0
      bits 36-32 PASmax                         : 0
      bit 45     PerfOptSup                     : no
      bit 46     MsiCapMmioSup                  : no
      bit 48     GIOSup                         : no
      bit 49     HASup                          : no
      bit 50     EPHSup                         : no
      bit 52     HDSup                          : no
      bit 63     SNPSup                         : no
    [0x050]      EFR2 Register Image            : 0x0000000000000000
      bit 1      SEVSNPIOSup                    : no
      bit 3      GCR3TRPModeSup                 : no
      bits 7-5   SNPAVICSup                     : 0
      bits 9-8   NumIntRemapSup                 : 0 (512 entries)
      bit 11     HtRangeIgnore                  : no
    Select  [0x058, 4 bytes]
      [0x058]      Entry Type                     : 0x02 (Select)
      [0x059]      Device ID                      : 0x0008 (00:01.0)
      [0x05b]      DTE Setting                    : 0x00
        bit 0      INITPass                       : no
        bit 1      EIntPass                       : no
        bit 2      NMIPass                        : no
        bits 5-4   SysMgt                         : 0 (target abort)
        bit 6      Lint0Pass                      : no
        bit 7      Lint1Pass                      : no
    Unknown entry type 90h  [0x05c, 8 bytes]
      [0x05c]      Entry Type                     : 0x90
      [0x05d]      Undecoded Bytes                : 10 00 00 02 18 00 00
  Unknown block type 51h  [0x064, 8 bytes]
    [0x064]      Type                           : 0x51
    [0x065]      Flags                          : 0x00
    [0x066]      Length                         : 8
    [0x068]      Device ID                      : 0x5678
    [0x06a]      Block Data                     : 34 12
  IVMD type 21h (one device)  [0x06c, 16 bytes]
    [0x06c]      Type                           : 0x21
    [0x06d]      Flags                          : 0x01
      bit 0      Unity                          : yes
      bit 1      IR (read)                      : no
      bit 2      IW (write)                     : no
      bit 3      ExclusionRange                 : no
    [0x06e]      Length                         : 16
    [0x070]      Device ID                      : 0x0010 (00:02.0)
    [0x072]      Auxiliary Data                 : 0x0000
    [0x074]      PCI Segment Group              : 0x0000
  IVHD type 10h  [0x07c, 32 bytes]
    [0x07c]      Type                           : 0x10
    [0x07d]      Flags                          : 0x30
      bit 0      HtTunEn                        : no
      bit 1      PassPW                         : no
      bit 2      ResPassPW                      : no
      bit 3      Isoc                           : no
      bit 4      IotlbSup                       : yes
      bit 5      Coherent                       : yes
      bit 6      PrefSup                        : no
      bit 7      PPRSup                         : no
    [0x07e]      Length                         : 32
    [0x080]      IOMMU Device ID                : 0x0002 (00:00.2)
    [0x082]      Capability Offset              : 0x0040
    [0x084]      IOMMU Base Address             : 0x00000000fd000000
    [0x08c]      PCI Segment Group              : 0x0000
    [0x08e]      IOMMU Info                     : 0x0000
      bits 4-0   MSINum                         : 0
      bits 12-8  UnitID                         : 0
    [0x090]      IOMMU Feature Reporting        : 0x80048f6f
      bit 0      XTSup                          : yes
      bit 1      NXSup                          : yes
      bit 2      GTSup                          : yes
      bits 4-3   GLXSup                         : 1 (2 levels)
      bit 5      IASup                          : yes
      bit 6      GASup                          : yes
      bit 7      HESup                          : no
      bits 12-8  PASmax                         : 15
      bits 16-13 PNCounters                     : 4
      bits 22-17 PNBanks                        : 2
      bits 27-23 MSINumPPR                      : 0
      bits 29-28 GATS                           : 0 (4 levels)
      bits 31-30 HATS                           : 2 (6 levels)
    Select  [0x094, 4 bytes]
      [0x094]      Entry Type                     : 0x02 (Select)
      [0x095]      Device ID                      : 0x0010 (00:02.0)
      [0x097]      DTE Setting                    : 0x00
        bit 0      INITPass                       : no
        bit 1      EIntPass                       : no
        bit 2      NMIPass                        : no
        bits 5-4   SysMgt                         : 0 (target abort)
        bit 6      Lint0Pass                      : no
        bit 7      Lint1Pass                      : no
    Cut entry  [0x098, 4 bytes]
      [0x098]      Entry Bytes                    : 42 18 00 00
findings:
  error   [0x05c] IVHD type 40h at 0x30: device entry type 90h at 0x5c has no defined length; the entries after it are not decoded  (ivrs.entry.unknown_length, AMD IOMMU 48882: IVHD device entries)
  warning [0x064] block at 0x64 has undefined type 51h; skipped by its Length  (ivrs.block.unknown_type, AMD IOMMU 48882: IVRS)
  error   [0x06c] IVMD type 21h (one device) at 0x6c has Length 16, less than its 32 bytes of fixed fields  (ivrs.block.too_short, AMD IOMMU 48882: IVRS)
  error   [0x098] IVHD type 10h at 0x7c: the 8-byte entry at 0x98 runs 4 byte(s) past the end of the IVHD (Length 32)  (ivrs.entry.overrun, AMD IOMMU 48882: IVHD device entries)

[exit 0]
$ iommutool decode $TESTDATA/ivrs/entries.bin
IVRS  signature=IVRS  length=348  revision=2  oem_id=IOMMUT  oem_table_id=HANDMADE
  IVHD type 11h  device_id=0x0002 (00:00.2)  base_address=0x00000000fd000000  pci_segment=0x0000
    ACPI HID Device  device_id=0x00a5 (00:14.5)  hid=AMDI0020  uid=\_SB.FUR0
  IVHD type 40h  device_id=0x0002 (00:00.2)  base_address=0x00000000fd000000  pci_segment=0x0000
    Padding  device_id=0x0000 (00:00.0)
    Unknown entry type 05h  device_id=0x0100 (01:00.0)
    Start of Range  device_id=0x0100 (01:00.0)
    Start of Range  device_id=0x0200 (02:00.0)
    End of Range  device_id=0x02ff (02:1f.7)
    Select  device_id=0x0210 (02:02.0)  init_pass
    End of Range  device_id=0x0010 (00:02.0)
    Extended Select  device_id=0x0300 (03:00.0)  ats_disabled
    Special Device  init_pass  eint_pass  nmi_pass  lint0_pass  lint1_pass  handle=33  source_device_id=0x00a0 (00:14.0)  variety=0x01 (IOAPIC)
    Special Device  handle=33  source_device_id=0x0001 (00:00.1)  variety=0x01 (IOAPIC)
    Special Device  handle=9  source_device_id=0x00a2 (00:14.2)  variety=0x03
    Special Device  handle=0  source_device_id=0x00a0 (00:14.0)  variety=0x02 (HPET)
    ACPI HID Device  device_id=0x00a5 (00:14.5)  lint0_pass  hid=AMDI0020  uid=\_SB.FUR0
    ACPI HID Device  device_id=0x00a6 (00:14.6)
    ACPI HID Device  device_id=0x00a7 (00:14.7)  hid=PNP0D40
  IVHD type 40h  device_id=0x4002 (40:00.2)  base_address=0x00000000fd100000  pci_segment=0x0001
    End of Range  device_id=0x00ff (00:1f.7)
findings:
  warning [0x0a3] IVHD type 40h at 0x77: device entry at 0xa3 has undefined type 05h (Linux ignores it)  (ivrs.entry.unknown_type, AMD IOMMU 48882: IVHD device entries)

[exit 0]
$ iommutool decode $TESTDATA/ivrs/zero-length.bin $TESTDATA/ivrs/trailing.bin $TESTDATA/ivrs/overrun.bin
IVRS  signature=IVRS  length=88  revision=2  oem_id=IOMMUT  oem_table_id=HANDMADE
  IVHD type 10h  device_id=0x0002 (00:00.2)  base_address=0x00000000fd000000  pci_segment=0x0000
    Select All  device_id=0x0000 (00:00.0)
findings:
  error   [0x04c] block type 10h at 0x4c has Length 0, less than its 4-byte header; the blocks after it are not decoded  (ivrs.block.zero_length, AMD IOMMU 48882: IVRS)

IVRS  signature=IVRS  length=86  revision=2  oem_id=IOMMUT  oem_table_id=HANDMADE
  IVHD type 10h  device_id=0x0002 (00:00.2)  base_address=0x00000000fd000000  pci_segment=0x0000
    Select All  device_id=0x0000 (00:00.0)
    Special Device  init_pass  eint_pass  nmi_pass  lint0_pass  lint1_pass  handle=33  source_device_id=0x00a0 (00:14.0)  variety=0x01 (IOAPIC)
findings:
  error   [0x054] 2 byte(s) after the last block at 0x54 are too few for a block header  (ivrs.block.trailing, AMD IOMMU 48882: IVRS)

IVRS  signature=IVRS  length=84  revision=2  oem_id=IOMMUT  oem_table_id=HANDMADE
  IVHD type 10h  device_id=0x0002 (00:00.2)  base_address=0x00000000fd000000  pci_segment=0x0000
    Select All  device_id=0x0000 (00:00.0)
    Special Device  init_pass  eint_pass  nmi_pass  lint0_pass  lint1_pass  handle=33  source_device_id=0x00a0 (00:14.0)  variety=0x01 (IOAPIC)
findings:
  error   [0x030] block type 10h at 0x30 has Length 256 but only 36 byte(s) of the table follow it  (ivrs.block.overrun, AMD IOMMU 48882: IVRS)

[exit 0]
