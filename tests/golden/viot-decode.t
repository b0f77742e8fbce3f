# VIOT decode: ACPICA's template (every node type), QEMU's tables (x86 q35, arm virt), and
# hand-made broken ones (tests/data/ivrs/make-tables.py).
$ iommutool decode $SHARED/corpus/viot/acpica-template-iasl20260408-31834e42.bin
VIOT  signature=VIOT  length=128  revision=0  oem_id="INTEL "  oem_table_id=Template  node_count=4
  PCI Range  endpoint_start=0x00000000  segment_start=0x0000  segment_end=0x0000  bdf_start=0x0000 (00:00.0)  bdf_end=0xffff (ff:1f.7)  output_node=0x0060 (virtio-pci IOMMU)
  MMIO Endpoint  endpoint=0x00010000  base_address=0x000000001c000000  output_node=0x0070 (virtio-mmio IOMMU)
  virtio-pci IOMMU  segment=0x0000  bdf=0x0000 (00:00.0)
  virtio-mmio IOMMU  base_address=0x000000001d000000

[exit 0]
$ iommutool decode -v $SHARED/corpus/viot/qemu-virt-viot-2021-12-15-bf9f644f.bin
# VIOT from ../shared/corpus/viot/qemu-virt-viot-2021-12-15-bf9f644f.bin at byte 0
VIOT  [0x000, 88 bytes]
  [0x000]      Signature                      : VIOT
  [0x004]      Table Length                   : 88
  [0x008]      Revision                       : 0
  [0x009]      Checksum                       : 0x66
  [0x00a]      OEM ID                         : "BOCHS "
  [0x010]      OEM Table ID                   : "BXPC    "
  [0x018]      OEM Revision                   : 0x00000001
  [0x01c]      Asl Compiler ID                : BXPC
  [0x020]      Asl Compiler Revision          : 0x00000001
  [0x024]      Node Count                     : 2
  [0x026]      Node Offset                    : 0x0030
  virtio-pci IOMMU  [0x030, 16 bytes]
    [0x030]      Type                           : 0x03 (virtio-pci IOMMU)
    [0x032]      Length                         : 16
    [0x034]      PCI Segment                    : 0x0000
    [0x036]      PCI BDF                        : 0x0008 (00:01.0)
  PCI Range  [0x040, 24 bytes]
    [0x040]      Type                           : 0x01 (PCI Range)
    [0x042]      Length                         : 24
    [0x044]      Endpoint Start                 : 0x00000000
    [0x048]      PCI Segment Start              : 0x0000
    [0x04a]      PCI Segment End                : 0x0000
    [0x04c]      PCI BDF Start                  : 0x0000 (00:00.0)
    [0x04e]      PCI BDF End                    : 0x00ff (00:1f.7)
    [0x050]      Output Node                    : 0x0030 (virtio-pci IOMMU)

[exit 0]
$ iommutool --json decode $SHARED/corpus/viot/qemu-q35-viot-viot-2022-06-09-a986013e.bin
{
  "schema_version": 2,
  "tables": [
    {
      "name": "VIOT",
      "source": "../shared/corpus/viot/qemu-q35-viot-viot-2022-06-09-a986013e.bin",
      "source_offset": "0x0",
      "kind": "viot",
      "title": "VIOT",
      "offset": "0x0",
      "length": 112,
      "signature": "VIOT",
      "revision": 0,
      "checksum": "0x3d",
      "oem_id": "BOCHS ",
      "oem_table_id": "BXPC    ",
      "oem_revision": "0x1",
      "creator_id": "BXPC",
      "creator_revision": "0x1",
      "node_count": 3,
      "node_offset": "0x30",
      "children": [
        {
          "kind": "virtio_pci_iommu",
          "title": "virtio-pci IOMMU",
          "offset": "0x30",
          "length": 16,
          "type": "0x3",
          "type_text": "virtio-pci IOMMU",
          "segment": "0x0",
          "bdf": "0x10",
          "bdf_text": "00:02.0"
        },
        {
          "kind": "pci_range",
          "title": "PCI Range",
          "offset": "0x40",
          "length": 24,
          "type": "0x1",
          "type_text": "PCI Range",
          "endpoint_start": "0x1000",
          "segment_start": "0x0",
          "segment_end": "0x0",
          "bdf_start": "0x1000",
          "bdf_start_text": "10:00.0",
          "bdf_end": "0x10ff",
          "bdf_end_text": "10:1f.7",
          "output_node": "0x30",
          "output_node_text": "virtio-pci IOMMU"
        },
        {
          "kind": "pci_range",
          "title": "PCI Range",
          "offset": "0x58",
          "length": 24,
          "type": "0x1",
          "type_text": "PCI Range",
          "endpoint_start": "0x3000",
          "segment_start": "0x0",
          "segment_end": "0x0",
          "bdf_start": "0x3000",
          "bdf_start_text": "30:00.0",
          "bdf_end": "0x30ff",
          "bdf_end_text": "30:1f.7",
          "output_node": "0x30",
          "output_node_text": "virtio-pci IOMMU"
        }
      ],
      "findings": [
      ]
    }
  ]
}
[exit 0]
$ iommutool decode $TESTDATA/ivrs/viot-broken.bin
VIOT  signature=VIOT  length=220  revision=0  oem_id=IOMMUT  oem_table_id=HANDMADE  node_count=8
  virtio-pci IOMMU  segment=0x0000  bdf=0x0008 (00:01.0)
  virtio-mmio IOMMU  base_address=0x000000001d000000
  PCI Range  endpoint_start=0x00000000  segment_start=0x0000  segment_end=0x0000  bdf_start=0x0000 (00:00.0)  bdf_end=0x00ff (00:1f.7)  output_node=0x0030 (virtio-pci IOMMU)
  PCI Range  endpoint_start=0x00000000  segment_start=0x0000  segment_end=0x0000  bdf_start=0x0080 (00:10.0)  bdf_end=0x017f (01:0f.7)  output_node=0x0030 (virtio-pci IOMMU)
  PCI Range  endpoint_start=0x00000000  segment_start=0x0000  segment_end=0x0000  bdf_start=0x0300 (03:00.0)  bdf_end=0x0200 (02:00.0)  output_node=0x0050 (PCI Range)
  MMIO Endpoint  endpoint=0x00000000  base_address=0x000000001c000000  output_node=0x0030 (virtio-pci IOMMU)
  MMIO Endpoint  endpoint=0x00000000  base_address=0x000000001c000000  output_node=0x0031 (no node there)
  Unknown node type 7
  PCI Range
findings:
  warning [0x0c8] node at 0xc8 has undefined type 7; skipped by its Length  (viot.node.unknown_type, ACPI 6.5 VIOT)
  error   [0x0d0] PCI Range node at 0xd0 has Length 12, less than its 24 bytes of fields  (viot.node.too_short, ACPI 6.5 VIOT)
  warning [0x024] Node Count is 8 but 9 node(s) lie between Node Offset and the end of the table  (viot.node_count.mismatch, ACPI 6.5 VIOT)

[exit 0]
$ iommutool decode $TESTDATA/ivrs/viot-zero-length.bin $TESTDATA/ivrs/viot-offset.bin $TESTDATA/ivrs/viot-overrun.bin
VIOT  signature=VIOT  length=76  revision=0  oem_id=IOMMUT  oem_table_id=HANDMADE  node_count=2
  PCI Range  endpoint_start=0x00000000  segment_start=0x0000  segment_end=0x0000  bdf_start=0x0000 (00:00.0)  bdf_end=0x00ff (00:1f.7)  output_node=0x0030 (PCI Range)
findings:
  error   [0x048] node type 3 at 0x48 has Length 0, less than its 4-byte header; the nodes after it are not decoded  (viot.node.zero_length, ACPI 6.5 VIOT)
  warning [0x024] Node Count is 2 but 1 node(s) lie between Node Offset and the end of the table  (viot.node_count.mismatch, ACPI 6.5 VIOT)

VIOT  signature=VIOT  length=64  revision=0  oem_id=IOMMUT  oem_table_id=HANDMADE  node_count=1
findings:
  error   [0x026] Node Offset 0x10 is inside the table header  (viot.node_offset.invalid, ACPI 6.5 VIOT)

VIOT  signature=VIOT  length=64  revision=0  oem_id=IOMMUT  oem_table_id=HANDMADE  node_count=1
  virtio-pci IOMMU  segment=0x0000  bdf=0x0008 (00:01.0)
findings:
  error   [0x030] node type 3 at 0x30 has Length 64 but only 16 byte(s) of the table follow it  (viot.node.overrun, ACPI 6.5 VIOT)

[exit 0]
