# IORT from the corpus: decode (text, -v, JSON), --trace, --reverse and --dot on the QEMU and
# HiSilicon HIP08 tables, validate on ACPICA's template (every node type, every mistake of a
# template); the IDs are worked out by hand in tests/unit/test-iort-trace.c.
$ iommutool decode $SHARED/corpus/iort/qemu-virt-iort-2021-10-20-23c07a88.bin
IORT  signature=IORT  length=128  revision=3 (issue E.b)  oem_id="BOCHS "  oem_table_id="BXPC    "  node_count=2
  ITS Group @0x30  its_count=1  its_id_0=0
  Root Complex @0x48  pci_segment=0
    ID Mapping  input_base=0x00000000  id_count=0x0000ffff (65536 IDs)  output_base=0x00000000  output_reference=0x00000030 (ITS Group @0x30)

[exit 0]
$ iommutool -v decode $SHARED/corpus/iort/qemu-virt-iort-2021-10-20-23c07a88.bin
# IORT from ../shared/corpus/iort/qemu-virt-iort-2021-10-20-23c07a88.bin at byte 0
IORT  [0x000, 128 bytes]
  [0x000]      Signature                      : IORT
  [0x004]      Table Length                   : 128
  [0x008]      Revision                       : 3 (issue E.b)
  [0x009]      Checksum                       : 0xb3
  [0x00a]      OEM ID                         : "BOCHS "
  [0x010]      OEM Table ID                   : "BXPC    "
  [0x018]      OEM Revision                   : 0x00000001
  [0x01c]      Asl Compiler ID                : BXPC
  [0x020]      Asl Compiler Revision          : 0x00000001
  [0x024]      Node Count                     : 2
  [0x028]      Node Offset                    : 0x00000030
  ITS Group @0x30  [0x030, 24 bytes]
    [0x030]      Type                           : 0 (ITS Group)
    [0x031]      Length                         : 24
    [0x033]      Revision                       : 1
    [0x034]      Identifier                     : 0x00000000
    [0x038]      Mapping Count                  : 0
    [0x03c]      Mapping Offset                 : 0x00000000
    [0x040]      ITS Count                      : 1
    [0x044]      GIC ITS Identifier             : 0
  Root Complex @0x48  [0x048, 56 bytes]
    [0x048]      Type                           : 2 (Root Complex)
    [0x049]      Length                         : 56
    [0x04b]      Revision                       : 3
    [0x04c]      Identifier                     : 0x00000001
    [0x050]      Mapping Count                  : 1
    [0x054]      Mapping Offset                 : 0x00000024
    [0x058]      Cache Coherency                : 1 (fully coherent)
    [0x05c]      Allocation Hints               : 0x00
      bit 0      Transient                      : no
      bit 1      Write Allocate                 : no
      bit 2      Read Allocate                  : no
      bit 3      Allocation Hints Override      : no
    [0x05f]      Memory Access Flags            : 0x03
      bit 0      Coherent Path to Memory (CPM)  : yes
      bit 1      Device Attributes Cacheable Inner Shareable (DACS) : yes
      bit 2      Coherent Accesses Not Marked IWB-OWB (CANWBS) : no
    [0x060]      ATS Attribute                  : 0x00000000
      bit 0      ATS Supported                  : no
      bit 1      PRI Supported                  : no
      bit 2      PASID Forwarded on Translated Transactions : no
    [0x064]      PCI Segment Number             : 0
    [0x068]      Memory Address Size Limit      : 64 (64 bits)
    [0x069]      PASID Capabilities             : 0x0000
      bits 4-0   Max PASID Width                : 0
    ID Mapping  [0x06c, 20 bytes]
      [0x06c]      Input Base                     : 0x00000000
      [0x070]      ID Count                       : 0x0000ffff (65536 IDs)
      [0x074]      Output Base                    : 0x00000000
      [0x078]      Output Reference               : 0x00000030 (ITS Group @0x30)
      [0x07c]      Flags                          : 0x00000000
        bit 0      Single Mapping                 : no

[exit 0]
$ iommutool --json decode $SHARED/corpus/iort/qemu-virt-iort-2021-09-13-455fd0bb.bin
{
  "schema_version": 2,
  "tables": [
    {
      "name": "IORT",
      "source": "../shared/corpus/iort/qemu-virt-iort-2021-09-13-455fd0bb.bin",
      "source_offset": "0x0",
      "kind": "iort",
      "title": "IORT",
      "offset": "0x0",
      "length": 124,
      "signature": "IORT",
      "revision": 0,
      "revision_text": "issues A to D",
      "checksum": "0x7",
      "oem_id": "BOCHS ",
      "oem_table_id": "BXPC    ",
      "oem_revision": "0x1",
      "creator_id": "BXPC",
      "creator_revision": "0x1",
      "node_count": 2,
      "node_offset": "0x30",
      "children": [
        {
          "kind": "its_group",
          "title": "ITS Group @0x30",
          "offset": "0x30",
          "length": 24,
          "type": 0,
          "type_text": "ITS Group",
          "revision": 0,
          "mapping_count": 0,
          "mapping_offset": "0x0",
          "its_count": 1,
          "its_id_0": 0
        },
        {
          "kind": "root_complex",
          "title": "Root Complex @0x48",
          "offset": "0x48",
          "length": 52,
          "type": 2,
          "type_text": "Root Complex",
          "revision": 0,
          "mapping_count": 1,
          "mapping_offset": "0x20",
          "cache_coherency": 1,
          "cache_coherency_text": "fully coherent",
          "hints": "0x0",
          "transient": false,
          "write_allocate": false,
          "read_allocate": false,
          "hints_override": false,
          "memory_flags": "0x3",
          "coherent_path": true,
          "device_attributes": true,
          "canwbs": false,
          "ats_attribute": "0x0",
          "ats_supported": false,
          "pri_supported": false,
          "pasid_forwarding": false,
          "pci_segment": 0,
          "children": [
            {
              "kind": "id_mapping",
              "title": "ID Mapping",
              "offset": "0x68",
              "length": 20,
              "input_base": "0x0",
              "id_count": "0xffff",
              "id_count_text": "65536 IDs",
              "output_base": "0x0",
              "output_reference": "0x30",
              "output_reference_text": "ITS Group @0x30",
              "flags": "0x0",
              "single_mapping": false
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
$ iommutool decode $SHARED/corpus/templates/iort.aml
IORT  signature=IORT  length=629  revision=5 (issue E.d)  oem_id="INTEL "  oem_table_id=Template  node_count=8
  ITS Group @0x34  its_count=1  its_id_0=0
  Named Component @0x4c  device_name=\_SB.PCI0.DEV0
    ID Mapping  input_base=0x00000000  id_count=0x00000000 (1 ID)  output_base=0x00000000  output_reference=0x00000000 (null)
  Root Complex @0xcc  pci_segment=0
    ID Mapping  input_base=0x00000000  id_count=0x00000000 (1 ID)  output_base=0x00000000  output_reference=0x00000000 (null)
  SMMUv1/v2 @0x104  base_address=0x0000000000000000  model=0 (generic SMMUv1)
    Global Interrupt NSgIrpt  gsiv=0
    Global Interrupt NSgCfgIrpt  gsiv=0
    ID Mapping  input_base=0x00000000  id_count=0x00000000 (1 ID)  output_base=0x00000000  output_reference=0x00000000 (null)
  SMMUv3 @0x164  base_address=0x0000000000000000  model=0 (generic SMMUv3)
    ID Mapping  input_base=0x00000000  id_count=0x00000000 (1 ID)  output_base=0x00000000  output_reference=0x00000000 (null)
  PMCG @0x1bc  page0_base=0x0000000000000000  node_reference=0x00000000 (null)
    ID Mapping  input_base=0x00000000  id_count=0x00000000 (ignored: single mapping)  output_base=0x00000000  output_reference=0x00000000 (null)  single_mapping
  RMR @0x1f8  descriptor_count=1
    Memory Range  base_address=0x0000000000000000  length=0x0000000000000000
    ID Mapping  input_base=0x00000000  id_count=0x00000000 (1 ID)  output_base=0x00000000  output_reference=0x00000000 (null)
  IWB @0x23c  config_frame_base=0x000000002f000000  iwb_index=0  device_name=\_SB_.IWB0
    ID Mapping  input_base=0x00000100  id_count=0x00004000 (16385 IDs)  output_base=0x00003000  output_reference=0x00000100 (inside Root Complex @0xcc)

[exit 0]
$ iommutool decode --trace 00:02.0 --trace 0000:ff:1f.7 --reverse @0x30:0x10 $SHARED/corpus/iort/qemu-virt-iort-2021-10-20-23c07a88.bin
IORT from ../shared/corpus/iort/qemu-virt-iort-2021-10-20-23c07a88.bin
  trace 00:02.0 from Root Complex @0x48
    Root Complex @0x48         requester ID 0x0010 (0000:00:02.0)  -> mapping 0 (0x0..0xffff -> 0x0)
    ITS Group @0x30            DeviceID     0x0010
    ends at ITS Group @0x30: DeviceID 0x10
  trace 0000:ff:1f.7 from Root Complex @0x48
    Root Complex @0x48         requester ID 0xffff (0000:ff:1f.7)  -> mapping 0 (0x0..0xffff -> 0x0)
    ITS Group @0x30            DeviceID     0xffff
    ends at ITS Group @0x30: DeviceID 0xffff
  reverse @0x30:0x10
  ITS Group @0x30 DeviceID 0x10: 1 path
    Root Complex @0x48         requester ID 0x0010 (0000:00:02.0)  -> mapping 0 (0x0..0xffff -> 0x0)
    ITS Group @0x30            DeviceID     0x0010
[exit 0]
$ iommutool --json decode --trace 00:02.0 $SHARED/corpus/iort/qemu-virt-iort-2021-10-20-23c07a88.bin
{
  "schema_version": 2,
  "tables": [
    {
      "name": "IORT",
      "source": "../shared/corpus/iort/qemu-virt-iort-2021-10-20-23c07a88.bin",
      "traces": [
        {
          "trace": "00:02.0",
          "from": "Root Complex @0x48",
          "paths": [
            {
              "steps": [
                {
                  "node": "Root Complex @0x48",
                  "offset": "0x48",
                  "type": 2,
                  "role": "requester_id",
                  "id": 16,
                  "mapping": 0
                },
                {
                  "node": "ITS Group @0x30",
                  "offset": "0x30",
                  "type": 0,
                  "role": "device_id",
                  "id": 16
                }
              ],
              "end": "its_group"
            }
          ]
        }
      ],
      "reverse": [
      ]
    }
  ]
}
[exit 0]
$ iommutool decode --trace 0000:01:00.0 --trace 0000:7c:00.0 --trace 0000:f0:00.0 --trace '\_SB_.MB30' --reverse 0x7c00 --reverse @0x34:0x7f03 $SHARED/corpus/iort/edk2src-hisilicon-d06-kunpeng920-hip08-402dd89f-f4910579.bin
IORT from ../shared/corpus/iort/edk2src-hisilicon-d06-kunpeng920-hip08-402dd89f-f4910579.bin
  trace 0000:01:00.0 from Root Complex @0x2fc
    Root Complex @0x2fc        requester ID 0x0100 (0000:01:00.0)  -> mapping 0 (0x0..0x4000 -> 0x0)
    SMMUv3 @0x4c               StreamID     0x0100  -> mapping 0 (0x0..0x4000 -> 0x0)
    ITS Group @0x34            DeviceID     0x0100
    ends at ITS Group @0x34: DeviceID 0x100
  trace 0000:7c:00.0 from Root Complex @0x2fc
    Root Complex @0x2fc        requester ID 0x7c00 (0000:7c:00.0)  -> mapping 4 (0x7c00..0x7e00 -> 0x7c00)
    SMMUv3 @0xcc               StreamID     0x7c00  -> mapping 0 (0x7c00..0x7e00 -> 0x7c00)
    ITS Group @0x34            DeviceID     0x7c00
    ends at ITS Group @0x34: DeviceID 0x7c00
  trace 0000:f0:00.0 from Root Complex @0x2fc
    Root Complex @0x2fc        requester ID 0xf000 (0000:f0:00.0)
    ends at Root Complex @0x2fc: no mapping takes 0xf000 on
  trace \_SB_.MB30 from Named Component @0x410
    Named Component @0x410     ID           0x0000  -> mapping 0 (single: 0x7fd1)
    ITS Group @0x34            DeviceID     0x7fd1
    ends at ITS Group @0x34: DeviceID 0x7fd1
  reverse 0x7c00
  SMMUv3 @0xcc StreamID 0x7c00: 1 path
    Root Complex @0x2fc        requester ID 0x7c00 (0000:7c:00.0)  -> mapping 4 (0x7c00..0x7e00 -> 0x7c00)
    SMMUv3 @0xcc               StreamID     0x7c00
  reverse @0x34:0x7f03
  ITS Group @0x34 DeviceID 0x7f03: 1 path
    SMMUv3 @0xcc               StreamID     0x0000  -> mapping 1 (single: 0x7f03)
    ITS Group @0x34            DeviceID     0x7f03
[exit 0]
$ iommutool decode --trace @0x1010 $SHARED/corpus/iort/edk2src-hisilicon-d06-kunpeng920-hip08-b13d587e-395dec82.bin
IORT from ../shared/corpus/iort/edk2src-hisilicon-d06-kunpeng920-hip08-b13d587e-395dec82.bin
  trace @0x1010 from Named Component @0x1010
    Named Component @0x1010    ID           0x0000  -> mapping 0 (single: 0x100)
    ends at Named Component @0x1010: mapping 0 has output reference 0x100, which is not a node
[exit 0]
$ iommutool decode --dot $SHARED/corpus/iort/qemu-virt-iort-2021-10-20-23c07a88.bin
digraph "../shared/corpus/iort/qemu-virt-iort-2021-10-20-23c07a88.bin" {
  rankdir=LR;
  node [fontname="monospace", fontsize=10];
  edge [fontname="monospace", fontsize=9];
  n30 [shape=doubleoctagon, label="ITS Group @0x30\nITS 0"];
  n48 [shape=box, label="Root Complex @0x48\nsegment 0"];
  n48 -> n30 [label="0x0..0xffff -> 0x0"];
}
[exit 0]
$ iommutool decode --trace 0005:00:00.0 $SHARED/corpus/iort/qemu-virt-iort-2021-10-20-23c07a88.bin
IORT from ../shared/corpus/iort/qemu-virt-iort-2021-10-20-23c07a88.bin
! iommutool: --trace 0005:00:00.0: the IORT has no root complex for that PCI segment
[exit 64]
$ iommutool decode --reverse 0x10 $SHARED/corpus/iort/qemu-virt-iort-2021-10-20-23c07a88.bin
IORT from ../shared/corpus/iort/qemu-virt-iort-2021-10-20-23c07a88.bin
  reverse 0x10
! iommutool: --reverse 0x10: the IORT has no SMMU
[exit 64]
$ iommutool validate $SHARED/corpus/templates/iort.aml
IORT (../shared/corpus/templates/iort.aml): 4 errors, 5 warnings, 0 info
  warning an unpatched firmware template: OEM Table ID "Template"; every register base is 0 (2 SMMUs); 1 reserved memory range left at 0; 12 findings about the values firmware fills in at boot left out  (acpi.unpatched_template, ACPI 6.5 §5.2.6)
  warning [0x030] IORT header: the 4 bytes of padding hold the start of an IORT header ("IORT..."): the table was rebuilt from an iasl disassembly, which shows padding as the table's first bytes  (iort.padding.nonzero, DEN 0049 E.g §3)
  warning [0x078] Named Component @0x4c: the 64 bytes of padding hold the start of an IORT header ("IORT..."): the table was rebuilt from an iasl disassembly, which shows padding as the table's first bytes  (iort.padding.nonzero, DEN 0049 E.g §3)
  error   [0x0d8] Root Complex @0xcc: the ID mappings at offset 0x24 overlap the node's own fields, which end at 0x28  (iort.node.mapping_offset, DEN 0049 E.g §3.1.1 Table 3)
  error   [0x1a8] SMMUv3 @0x164: mapping 0 carries the node's own MSIs but is not a single mapping (Linux: "Invalid MSI mapping")  (iort.msi_mapping.invalid, DEN 0049 E.g §3.1.1.5, §3.1.1.6)
  error   [0x1e4] PMCG @0x1bc: mapping 0 carries the node's own MSIs but is not a mapping to an ITS group (Linux: "Invalid MSI mapping")  (iort.msi_mapping.invalid, DEN 0049 E.g §3.1.1.5, §3.1.1.6)
  error   [0x26d] IWB @0x23c: mapping 0: output reference 0x100 lands 52 bytes inside Root Complex @0xcc, not on its header  (iort.idmap.reference_inside_node, DEN 0049 E.g §3.1.1 Table 5)
  warning [0x265] IWB @0x23c: mapping 0: ID Count 0x4000 covers 0x4001 IDs (0x100..0x4100); a power of two there is the number of IDs, one too many: the field holds the number minus one (the HiSilicon HIP07/HIP08 off-by-one)  (iort.idmap.off_by_one, DEN 0049 E.g §3.1.1 Table 5)
  warning [0x050] Identifier 0x0 is shared by 8 nodes: ITS Group @0x34, Named Component @0x4c and others  (iort.node.identifier_duplicate, DEN 0049 E.g §3.1.1 Table 3)
1 table(s) checked: 4 error(s), 5 warning(s), 0 info
[exit 2]
$ iommutool validate $SHARED/corpus/iort/qemu-virt-iort-2021-09-28-c6b4adec.bin $SHARED/corpus/iort/radxa-orion-o6-cix-sky1-92b3e452.bin
IORT (../shared/corpus/iort/qemu-virt-iort-2021-09-28-c6b4adec.bin): 0 errors, 1 warning, 0 info
  warning [0x033] ITS Group @0x30: node revision 3; the latest issue defines revision 1 for this type  (iort.node.revision_unknown, DEN 0049 E.g §3.1.1)
IORT (../shared/corpus/iort/radxa-orion-o6-cix-sky1-92b3e452.bin): 0 errors, 2 warnings, 0 info
  warning [0x0c0] Root Complex @0xa0: Memory Address Size Limit is 0 (Linux: "missing memory address limit")  (iort.address_limit.missing, DEN 0049 E.g §3.1.1.2)
  warning [0x04c] Identifier 0x0 is shared by 18 nodes: ITS Group @0x30, SMMUv3 @0x48 and others  (iort.node.identifier_duplicate, DEN 0049 E.g §3.1.1 Table 3)
2 table(s) checked: 0 error(s), 3 warning(s), 0 info
[exit 1]
