# VIOT validate: the corpus is clean; the hand-made tables trip every VIOT check.
$ iommutool validate $SHARED/corpus/viot
VIOT (../shared/corpus/viot/acpica-template-iasl20260408-31834e42.bin): no findings
VIOT (../shared/corpus/viot/qemu-q35-viot-viot-2021-12-15-218e8943.bin): no findings
VIOT (../shared/corpus/viot/qemu-q35-viot-viot-2022-06-09-a986013e.bin): no findings
VIOT (../shared/corpus/viot/qemu-virt-viot-2021-12-15-bf9f644f.bin): no findings
4 table(s) checked: 0 error(s), 0 warning(s), 0 info
[exit 0]
$ iommutool validate $TESTDATA/ivrs/viot-broken.bin
VIOT (tests/data/ivrs/viot-broken.bin): 4 errors, 4 warnings, 1 info
  warning [0x0c8] node at 0xc8 has undefined type 7; skipped by its Length  (viot.node.unknown_type, ACPI 6.5 VIOT)
  error   [0x0d0] PCI Range node at 0xd0 has Length 12, less than its 24 bytes of fields  (viot.node.too_short, ACPI 6.5 VIOT)
  warning [0x024] Node Count is 8 but 9 node(s) lie between Node Offset and the end of the table  (viot.node_count.mismatch, ACPI 6.5 VIOT)
  info    [0x040] virtio-mmio IOMMU at 0x40: no endpoint names it  (viot.iommu.unused, ACPI 6.5 VIOT)
  error   [0x090] PCI Range at 0x80: Output Node 0x50 is not an IOMMU node  (viot.output_node.invalid, ACPI 6.5 VIOT)
  error   [0x0c0] MMIO Endpoint at 0xb0: Output Node 0x31 is not the start of a node  (viot.output_node.invalid, ACPI 6.5 VIOT)
  warning [0x068] PCI Ranges at 0x50 and 0x68 name the same devices  (viot.pci_range.overlap, ACPI 6.5 VIOT)
  error   [0x080] PCI Range at 0x80: segments 0x0-0x0, BDFs 0x0300-0x0200  (viot.pci_range.inverted, ACPI 6.5 VIOT)
  warning [0x0b8] MMIO Endpoints at 0x98 and 0xb0 both have base address 0x1c000000  (viot.mmio.duplicate, ACPI 6.5 VIOT)
1 table(s) checked: 4 error(s), 4 warning(s), 1 info
[exit 2]
$ iommutool --json validate $TESTDATA/ivrs/viot-zero-length.bin
{
  "schema_version": 2,
  "tables": [
    {
      "name": "VIOT",
      "signature": "VIOT",
      "source": "tests/data/ivrs/viot-zero-length.bin",
      "source_offset": "0x0",
      "findings": [
        {
          "id": "viot.node.zero_length",
          "severity": "error",
          "table": "VIOT",
          "offset": "0x48",
          "message": "node type 3 at 0x48 has Length 0, less than its 4-byte header; the nodes after it are not decoded",
          "count": 1,
          "reference": "ACPI 6.5 VIOT"
        },
        {
          "id": "viot.node_count.mismatch",
          "severity": "warning",
          "table": "VIOT",
          "offset": "0x24",
          "message": "Node Count is 2 but 1 node(s) lie between Node Offset and the end of the table",
          "count": 1,
          "reference": "ACPI 6.5 VIOT"
        },
        {
          "id": "viot.output_node.invalid",
          "severity": "error",
          "table": "VIOT",
          "offset": "0x40",
          "message": "PCI Range at 0x30: Output Node 0x30 is not an IOMMU node",
          "count": 1,
          "reference": "ACPI 6.5 VIOT"
        },
        {
          "id": "viot.iommu.none",
          "severity": "warning",
          "table": "VIOT",
          "offset": null,
          "message": "the table has no virtio-pci or virtio-mmio IOMMU node",
          "count": 1,
          "reference": "ACPI 6.5 VIOT"
        }
      ]
    }
  ],
  "summary": {
    "tables": 1,
    "errors": 2,
    "warnings": 2,
    "info": 0
  }
}
[exit 2]
$ iommutool validate $TESTDATA/ivrs/viot-offset.bin $TESTDATA/ivrs/viot-overrun.bin
VIOT (tests/data/ivrs/viot-offset.bin): 1 error, 1 warning, 0 info
  error   [0x026] Node Offset 0x10 is inside the table header  (viot.node_offset.invalid, ACPI 6.5 VIOT)
  warning the table has no virtio-pci or virtio-mmio IOMMU node  (viot.iommu.none, ACPI 6.5 VIOT)
VIOT (tests/data/ivrs/viot-overrun.bin): 1 error, 0 warnings, 1 info
  error   [0x030] node type 3 at 0x30 has Length 64 but only 16 byte(s) of the table follow it  (viot.node.overrun, ACPI 6.5 VIOT)
  info    [0x030] virtio-pci IOMMU at 0x30: no endpoint names it  (viot.iommu.unused, ACPI 6.5 VIOT)
2 table(s) checked: 2 error(s), 1 warning(s), 1 info
[exit 2]
$ iommutool validate --list-checks | grep -c '^viot\.'
12
[exit 0]
