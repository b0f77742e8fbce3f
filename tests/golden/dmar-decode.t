# iommutool decode on DMAR tables: ACPICA's template (every structure type), the q35 fixture's
# own table, hand-made walks (a reserved type skipped by its length, then a zero length; an
# RMRR past the table's end), the corpus' one table with a namespace device (ANDD), and a
# device scope's path in JSON: an array of hops.
$ iommutool decode $SHARED/corpus/templates/dmar.aml
DMA Remapping Table (DMAR)  signature=DMAR  length=172  revision=1  oem_id="INTEL "  oem_table_id=TEMPLATE  intr_remap  address_width_bits=48
  DRHD Hardware Unit  include_pci_all  segment=0  register_base=0x0000000000000000
    Device Scope  type=3 (IOAPIC)  enumeration_id=8  path=00:00.1
  RMRR Reserved Memory  segment=0  base_address=0x0000000000000000  end_address=0x0000000000000fff  size=0x1000 (4 KiB)
    Device Scope  type=1 (PCI Endpoint)  path=00:00.2
  ATSR Root Port ATS  segment=0
    Device Scope  type=2 (PCI Sub-hierarchy)  path=00:00.3
  RHSA Static Affinity  register_base=0x0000000000000000  proximity_domain=0
  SATC SoC Translation Cache  segment=0
    Device Scope  type=1 (PCI Endpoint)  path=00:00.2
  SIDP SoC Device Property  segment=0
    Device Scope  type=1 (PCI Endpoint)  path=00:00.2

[exit 0]
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy decode
DMA Remapping Table (DMAR)  signature=DMAR  length=136  revision=1  oem_id="BOCHS "  oem_table_id="BXPC    "  intr_remap  address_width_bits=39
  DRHD Hardware Unit  segment=0  register_base=0x00000000fed90000
    Device Scope  type=3 (IOAPIC)  enumeration_id=0  path=ff:00.0
    Device Scope  type=1 (PCI Endpoint)  path=00:00.0
    Device Scope  type=1 (PCI Endpoint)  path=00:02.0
    Device Scope  type=1 (PCI Endpoint)  path=00:03.0
    Device Scope  type=1 (PCI Endpoint)  path=00:04.0
    Device Scope  type=2 (PCI Sub-hierarchy)  path=00:05.0
    Device Scope  type=1 (PCI Endpoint)  path=00:1f.0
    Device Scope  type=1 (PCI Endpoint)  path=00:1f.2
    Device Scope  type=1 (PCI Endpoint)  path=00:1f.3

[exit 0]
$ iommutool decode -v $SHARED/fixtures/q35-vtd-legacy/acpi/DMAR
# DMAR from ../shared/fixtures/q35-vtd-legacy/acpi/DMAR at byte 0
DMA Remapping Table (DMAR)  [0x000, 136 bytes]
  [0x000]      Signature                      : DMAR
  [0x004]      Table Length                   : 136
  [0x008]      Revision                       : 1
  [0x009]      Checksum                       : 0xcf
  [0x00a]      OEM ID                         : "BOCHS "
  [0x010]      OEM Table ID                   : "BXPC    "
  [0x018]      OEM Revision                   : 0x00000001
  [0x01c]      Asl Compiler ID                : BXPC
  [0x020]      Asl Compiler Revision          : 0x00000001
  [0x024]      Host Address Width             : 0x26 (39 bits)
  [0x025]      Flags                          : 0x01
    bit 0      Interrupt Remapping            : yes
    bit 1      x2APIC Opt-Out                 : no
    bit 2      DMA Control Platform Opt-In    : no
               Address Width (bits)           : 39
  DRHD Hardware Unit  [0x030, 88 bytes]
    [0x030]      Type                           : 0 (Hardware Unit Definition)
    [0x032]      Length                         : 88
    [0x034]      Flags                          : 0x00
      bit 0      INCLUDE_PCI_ALL                : no
    [0x035]      Size                           : 0x00
      bits 3-0   Register Set Size (2^N pages)  : 0 (4 KiB)
    [0x036]      PCI Segment Number             : 0
    [0x038]      Register Base Address          : 0x00000000fed90000
    Device Scope  [0x040, 8 bytes]
      [0x040]      Device Scope Type              : 3 (IOAPIC)
      [0x041]      Length                         : 8
      [0x042]      Flags                          : 0x00
        bit 0      REQ_WO_PASID_NESTED_NOTALLOWED : no
        bit 1      REQ_WO_PASID_PWSNP_NOTALLOWED  : no
        bit 2      REQ_WO_PASID_PGSNP_NOTALLOWED  : no
        bit 3      ATC_HARDENED                   : no
        bit 4      ATC_REQUIRED                   : no
      [0x044]      Enumeration ID                 : 0
      [0x045]      Start Bus Number               : 0xff
                   Path                           : ff:00.0
      Path Hop  [0x046, 2 bytes]
        [0x046]      Device                         : 0x00
        [0x047]      Function                       : 0x00
    Device Scope  [0x048, 8 bytes]
      [0x048]      Device Scope Type              : 1 (PCI Endpoint)
      [0x049]      Length                         : 8
      [0x04a]      Flags                          : 0x00
        bit 0      REQ_WO_PASID_NESTED_NOTALLOWED : no
        bit 1      REQ_WO_PASID_PWSNP_NOTALLOWED  : no
        bit 2      REQ_WO_PASID_PGSNP_NOTALLOWED  : no
        bit 3      ATC_HARDENED                   : no
        bit 4      ATC_REQUIRED                   : no
      [0x04c]      Enumeration ID                 : 0
      [0x04d]      Start Bus Number               : 0x00
                   Path                           : 00:00.0
      Path Hop  [0x04e, 2 bytes]
        [0x04e]      Device                         : 0x00
        [0x04f]      Function                       : 0x00
    Device Scope  [0x050, 8 bytes]
      [0x050]      Device Scope Type              : 1 (PCI Endpoint)
      [0x051]      Length                         : 8
      [0x052]      Flags                          : 0x00
        bit 0      REQ_WO_PASID_NESTED_NOTALLOWED : no
        bit 1      REQ_WO_PASID_PWSNP_NOTALLOWED  : no
        bit 2      REQ_WO_PASID_PGSNP_NOTALLOWED  : no
        bit 3      ATC_HARDENED                   : no
        bit 4      ATC_REQUIRED                   : no
      [0x054]      Enumeration ID                 : 0
      [0x055]      Start Bus Number               : 0x00
                   Path                           : 00:02.0
      Path Hop  [0x056, 2 bytes]
        [0x056]      Device                         : 0x02
        [0x057]      Function                       : 0x00
    Device Scope  [0x058, 8 bytes]
      [0x058]      Device Scope Type              : 1 (PCI Endpoint)
      [0x059]      Length                         : 8
      [0x05a]      Flags                          : 0x00
        bit 0      REQ_WO_PASID_NESTED_NOTALLOWED : no
        bit 1      REQ_WO_PASID_PWSNP_NOTALLOWED  : no
        bit 2      REQ_WO_PASID_PGSNP_NOTALLOWED  : no
        bit 3      ATC_HARDENED                   : no
        bit 4      ATC_REQUIRED                   : no
      [0x05c]      Enumeration ID                 : 0
      [0x05d]      Start Bus Number               : 0x00
                   Path                           : 00:03.0
      Path Hop  [0x05e, 2 bytes]
        [0x05e]      Device                         : 0x03
        [0x05f]      Function                       : 0x00
    Device Scope  [0x060, 8 bytes]
      [0x060]      Device Scope Type              : 1 (PCI Endpoint)
      [0x061]      Length                         : 8
      [0x062]      Flags                          : 0x00
        bit 0      REQ_WO_PASID_NESTED_NOTALLOWED : no
        bit 1      REQ_WO_PASID_PWSNP_NOTALLOWED  : no
        bit 2      REQ_WO_PASID_PGSNP_NOTALLOWED  : no
        bit 3      ATC_HARDENED                   : no
        bit 4      ATC_REQUIRED                   : no
      [0x064]      Enumeration ID                 : 0
      [0x065]      Start Bus Number               : 0x00
                   Path                           : 00:04.0
      Path Hop  [0x066, 2 bytes]
        [0x066]      Device                         : 0x04
        [0x067]      Function                       : 0x00
    Device Scope  [0x068, 8 bytes]
      [0x068]      Device Scope Type              : 2 (PCI Sub-hierarchy)
      [0x069]      Length                         : 8
      [0x06a]      Flags                          : 0x00
        bit 0      REQ_WO_PASID_NESTED_NOTALLOWED : no
        bit 1      REQ_WO_PASID_PWSNP_NOTALLOWED  : no
        bit 2      REQ_WO_PASID_PGSNP_NOTALLOWED  : no
        bit 3      ATC_HARDENED                   : no
        bit 4      ATC_REQUIRED                   : no
      [0x06c]      Enumeration ID                 : 0
      [0x06d]      Start Bus Number               : 0x00
                   Path                           : 00:05.0
      Path Hop  [0x06e, 2 bytes]
        [0x06e]      Device                         : 0x05
        [0x06f]      Function                       : 0x00
    Device Scope  [0x070, 8 bytes]
      [0x070]      Device Scope Type              : 1 (PCI Endpoint)
      [0x071]      Length                         : 8
      [0x072]      Flags                          : 0x00
        bit 0      REQ_WO_PASID_NESTED_NOTALLOWED : no
        bit 1      REQ_WO_PASID_PWSNP_NOTALLOWED  : no
        bit 2      REQ_WO_PASID_PGSNP_NOTALLOWED  : no
        bit 3      ATC_HARDENED                   : no
        bit 4      ATC_REQUIRED                   : no
      [0x074]      Enumeration ID                 : 0
      [0x075]      Start Bus Number               : 0x00
                   Path                           : 00:1f.0
      Path Hop  [0x076, 2 bytes]
        [0x076]      Device                         : 0x1f
        [0x077]      Function                       : 0x00
    Device Scope  [0x078, 8 bytes]
      [0x078]      Device Scope Type              : 1 (PCI Endpoint)
      [0x079]      Length                         : 8
      [0x07a]      Flags                          : 0x00
        bit 0      REQ_WO_PASID_NESTED_NOTALLOWED : no
        bit 1      REQ_WO_PASID_PWSNP_NOTALLOWED  : no
        bit 2      REQ_WO_PASID_PGSNP_NOTALLOWED  : no
        bit 3      ATC_HARDENED                   : no
        bit 4      ATC_REQUIRED                   : no
      [0x07c]      Enumeration ID                 : 0
      [0x07d]      Start Bus Number               : 0x00
                   Path                           : 00:1f.2
      Path Hop  [0x07e, 2 bytes]
        [0x07e]      Device                         : 0x1f
        [0x07f]      Function                       : 0x02
    Device Scope  [0x080, 8 bytes]
      [0x080]      Device Scope Type              : 1 (PCI Endpoint)
      [0x081]      Length                         : 8
      [0x082]      Flags                          : 0x00
        bit 0      REQ_WO_PASID_NESTED_NOTALLOWED : no
        bit 1      REQ_WO_PASID_PWSNP_NOTALLOWED  : no
        bit 2      REQ_WO_PASID_PGSNP_NOTALLOWED  : no
        bit 3      ATC_HARDENED                   : no
        bit 4      ATC_REQUIRED                   : no
      [0x084]      Enumeration ID                 : 0
      [0x085]      Start Bus Number               : 0x00
                   Path                           : 00:1f.3
      Path Hop  [0x086, 2 bytes]
        [0x086]      Device                         : 0x1f
        [0x087]      Function                       : 0x03

[exit 0]
$ iommutool decode $TESTDATA/dmar/walk-unknown-then-zero.bin
DMA Remapping Table (DMAR)  signature=DMAR  length=128  revision=1  oem_id=IOMMUT  oem_table_id=HANDMADE  intr_remap  address_width_bits=39
  DRHD Hardware Unit  include_pci_all  segment=0  register_base=0x00000000fed90000
    Device Scope  type=3 (IOAPIC)  enumeration_id=2  path=f0:1f.0
  Unknown Structure  type=9  length=12
  RMRR Reserved Memory  segment=0  base_address=0x000000007c000000  end_address=0x000000007c7fffff  size=0x800000 (8 MiB)
    Device Scope  type=1 (PCI Endpoint)  path=00:14.0
  RMRR Reserved Memory  length=0
findings:
  warning [0x048] structure at 0x48 has reserved type 9; skipped by its length 12  (dmar.structure.unknown_type, VT-d 4.1 §8.2)
  error   [0x074] structure at 0x74 (type 1) has length 0; the 12 byte(s) from there are not decoded  (dmar.structure.zero_length, VT-d 4.1 §8.2)

[exit 0]
$ iommutool decode -v $TESTDATA/dmar/walk-overrun.bin
# DMAR from tests/data/dmar/walk-overrun.bin at byte 0
DMA Remapping Table (DMAR)  [0x000, 96 bytes]
  [0x000]      Signature                      : DMAR
  [0x004]      Table Length                   : 96
  [0x008]      Revision                       : 1
  [0x009]      Checksum                       : 0x86
  [0x00a]      OEM ID                         : IOMMUT
  [0x010]      OEM Table ID                   : HANDMADE
  [0x018]      OEM Revision                   : 0x00000001
  [0x01c]      Asl Compiler ID                : TEST
  [0x020]      Asl Compiler Revision          : 0x00000001
  [0x024]      Host Address Width             : 0x26 (39 bits)
  [0x025]      Flags                          : 0x01
    bit 0      Interrupt Remapping            : yes
    bit 1      x2APIC Opt-Out                 : no
    bit 2      DMA Control Platform Opt-In    : no
               Address Width (bits)           : 39
  DRHD Hardware Unit  [0x030, 16 bytes]
    [0x030]      Type                           : 0 (Hardware Unit Definition)
    [0x032]      Length                         : 16
    [0x034]      Flags                          : 0x01
      bit 0      INCLUDE_PCI_ALL                : yes
    [0x035]      Size                           : 0x00
      bits 3-0   Register Set Size (2^N pages)  : 0 (4 KiB)
    [0x036]      PCI Segment Number             : 0
    [0x038]      Register Base Address          : 0x00000000fed90000
  RMRR Reserved Memory  [0x040, 1024 bytes]
    [0x040]      Type                           : 1 (Reserved Memory Region)
    [0x042]      Length                         : 1024
    [0x046]      PCI Segment Number             : 0
    [0x048]      Base Address                   : 0x000000007c000000
    [0x050]      End Address (Limit)            : 0x000000007c7fffff
                 Size                           : 0x800000 (8 MiB)
    Device Scope  [0x058, 8 bytes]
      [0x058]      Device Scope Type              : 1 (PCI Endpoint)
      [0x059]      Length                         : 8
      [0x05a]      Flags                          : 0x00
        bit 0      REQ_WO_PASID_NESTED_NOTALLOWED : no
        bit 1      REQ_WO_PASID_PWSNP_NOTALLOWED  : no
        bit 2      REQ_WO_PASID_PGSNP_NOTALLOWED  : no
        bit 3      ATC_HARDENED                   : no
        bit 4      ATC_REQUIRED                   : no
      [0x05c]      Enumeration ID                 : 0
      [0x05d]      Start Bus Number               : 0x00
                   Path                           : 00:14.0
      Path Hop  [0x05e, 2 bytes]
        [0x05e]      Device                         : 0x14
        [0x05f]      Function                       : 0x00
findings:
  error   [0x040] RMRR Reserved Memory at 0x40 has length 1024; only 32 byte(s) of the table are left  (dmar.structure.overrun, VT-d 4.1 §8.2)

[exit 0]
$ iommutool --json decode $TESTDATA/dmar/walk-overrun.bin
{
  "schema_version": 2,
  "tables": [
    {
      "name": "DMAR",
      "source": "tests/data/dmar/walk-overrun.bin",
      "source_offset": "0x0",
      "kind": "dmar",
      "title": "DMA Remapping Table (DMAR)",
      "offset": "0x0",
      "length": 96,
      "signature": "DMAR",
      "revision": 1,
      "checksum": "0x86",
      "oem_id": "IOMMUT",
      "oem_table_id": "HANDMADE",
      "oem_revision": "0x1",
      "creator_id": "TEST",
      "creator_revision": "0x1",
      "host_address_width": "0x26",
      "host_address_width_text": "39 bits",
      "flags": "0x1",
      "intr_remap": true,
      "x2apic_opt_out": false,
      "dma_ctrl_platform_opt_in": false,
      "address_width_bits": 39,
      "children": [
        {
          "kind": "drhd",
          "title": "DRHD Hardware Unit",
          "offset": "0x30",
          "length": 16,
          "type": 0,
          "type_text": "Hardware Unit Definition",
          "flags": "0x1",
          "include_pci_all": true,
          "size": "0x0",
          "register_set_size": 0,
          "register_set_size_text": "4 KiB",
          "segment": 0,
          "register_base": "0xfed90000"
        },
        {
          "kind": "rmrr",
          "title": "RMRR Reserved Memory",
          "offset": "0x40",
          "length": 1024,
          "type": 1,
          "type_text": "Reserved Memory Region",
          "segment": 0,
          "base_address": "0x7c000000",
          "end_address": "0x7c7fffff",
          "size": "0x800000",
          "size_text": "8 MiB",
          "children": [
            {
              "kind": "device_scope",
              "title": "Device Scope",
              "offset": "0x58",
              "length": 8,
              "type": 1,
              "type_text": "PCI Endpoint",
              "flags": "0x0",
              "req_wo_pasid_nested_notallowed": false,
              "req_wo_pasid_pwsnp_notallowed": false,
              "req_wo_pasid_pgsnp_notallowed": false,
              "atc_hardened": false,
              "atc_required": false,
              "enumeration_id": 0,
              "start_bus": "0x0",
              "path": "00:14.0",
              "children": [
                {
                  "kind": "path_hop",
                  "title": "Path Hop",
                  "offset": "0x5e",
                  "length": 2,
                  "device": "0x14",
                  "function": "0x0"
                }
              ]
            }
          ]
        }
      ],
      "findings": [
        {
          "id": "dmar.structure.overrun",
          "severity": "error",
          "table": "DMAR",
          "offset": "0x40",
          "message": "RMRR Reserved Memory at 0x40 has length 1024; only 32 byte(s) of the table are left",
          "count": 1,
          "reference": "VT-d 4.1 §8.2"
        }
      ]
    }
  ]
}
[exit 0]
$ iommutool decode $SHARED/corpus/dmar/acer-aspire-a315-51-0fee985d.bin
DMA Remapping Table (DMAR)  signature=DMAR  length=204  revision=1  oem_id=ACRSYS  oem_table_id=ACRPRDCT  intr_remap  address_width_bits=39
  DRHD Hardware Unit  segment=0  register_base=0x00000000fed90000
    Device Scope  type=1 (PCI Endpoint)  path=00:02.0
  DRHD Hardware Unit  include_pci_all  segment=0  register_base=0x00000000fed91000
    Device Scope  type=3 (IOAPIC)  enumeration_id=2  path=f0:1f.0
    Device Scope  type=4 (MSI-capable HPET)  enumeration_id=0  path=00:1f.0
    Device Scope  type=5 (ACPI Namespace Device)  enumeration_id=1  path=00:15.0
  RMRR Reserved Memory  segment=0  base_address=0x000000008a785000  end_address=0x000000008a7a4fff  size=0x20000 (128 KiB)
    Device Scope  type=1 (PCI Endpoint)  path=00:14.0
  RMRR Reserved Memory  segment=0  base_address=0x000000008b800000  end_address=0x000000008fffffff  size=0x4800000 (72 MiB)
    Device Scope  type=1 (PCI Endpoint)  path=00:02.0
  ANDD Namespace Device  device_number=1  object_name=\_SB.PCI0.I2C0

[exit 0]
$ iommutool --json decode $TESTDATA/dmar/q35-scopes.bin | sed -n '/"path": "00:02.0\/00.0"/,/^          \]/p'
              "path": "00:02.0/00.0",
              "children": [
                {
                  "kind": "path_hop",
                  "title": "Path Hop",
                  "offset": "0x66",
                  "length": 2,
                  "device": "0x2",
                  "function": "0x0"
                },
                {
                  "kind": "path_hop",
                  "title": "Path Hop",
                  "offset": "0x68",
                  "length": 2,
                  "device": "0x0",
                  "function": "0x0"
                }
              ]
            },
            {
              "kind": "device_scope",
              "title": "Device Scope",
              "offset": "0x6a",
              "length": 8,
              "type": 1,
              "type_text": "PCI Endpoint",
              "flags": "0x0",
              "req_wo_pasid_nested_notallowed": false,
              "req_wo_pasid_pwsnp_notallowed": false,
              "req_wo_pasid_pgsnp_notallowed": false,
              "atc_hardened": false,
              "atc_required": false,
              "enumeration_id": 0,
              "start_bus": "0x0",
              "path": "00:07.0",
              "children": [
                {
                  "kind": "path_hop",
                  "title": "Path Hop",
                  "offset": "0x70",
                  "length": 2,
                  "device": "0x7",
                  "function": "0x0"
                }
              ]
            },
            {
              "kind": "device_scope",
              "title": "Device Scope",
              "offset": "0x72",
              "length": 10,
              "type": 1,
              "type_text": "PCI Endpoint",
              "flags": "0x0",
              "req_wo_pasid_nested_notallowed": false,
              "req_wo_pasid_pwsnp_notallowed": false,
              "req_wo_pasid_pgsnp_notallowed": false,
              "atc_hardened": false,
              "atc_required": false,
              "enumeration_id": 0,
              "start_bus": "0x0",
              "path": "00:05.0/00.0",
              "children": [
                {
                  "kind": "path_hop",
                  "title": "Path Hop",
                  "offset": "0x78",
                  "length": 2,
                  "device": "0x5",
                  "function": "0x0"
                },
                {
                  "kind": "path_hop",
                  "title": "Path Hop",
                  "offset": "0x7a",
                  "length": 2,
                  "device": "0x0",
                  "function": "0x0"
                }
              ]
            }
          ]
[exit 0]
