# devices on tests/sysroots/arm-enabled.desc: table, JSON, columns chosen with -o, the tree.
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-enabled.desc $TMP/r && iommutool --sysroot $TMP/r devices
DEVICE        ID         CLASS                DRIVER      GROUP  UNIT                      FIRMWARE                  ATS  RESERVED  NAME
0000:00:00.0  1b36:0008  Host bridge          -               0  smmu3.0x0000000009050000  smmu3.0x0000000009050000  no   -         Red Hat, Inc. QEMU PCIe Host bridge
0000:00:01.0  1af4:1041  Ethernet controller  virtio-pci      1  smmu3.0x0000000009050000  smmu3.0x0000000009050000  no   -         Red Hat, Inc. Virtio 1.0 network device
0000:00:02.0  1b36:000d  USB controller       -               -  -                         smmu3.0x0000000009050000  no   -         Red Hat, Inc. QEMU XHCI Host Controller
ARMH0011:00   -          platform             uart-pl011      2  smmu3.0x0000000009050000  -                         no   -         -
NOTE: 0000:00:02.0: no driver is bound; it joins smmu3.0x0000000009050000 when one probes it (with ACPI on Arm the kernel attaches a device to its SMMU at probe)
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-enabled.desc $TMP/r && iommutool --sysroot $TMP/r --json devices
{
  "schema_version": 2,
  "devices": [
    {
      "device": "0000:00:00.0",
      "id": "1b36:0008",
      "class": "Host bridge",
      "driver": null,
      "group": 0,
      "unit": "smmu3.0x0000000009050000",
      "firmware_unit": "smmu3.0x0000000009050000",
      "ats": false,
      "reserved": [
      ],
      "name": "Red Hat, Inc. QEMU PCIe Host bridge",
      "bus": "pci",
      "vendor_id": 6966,
      "device_id": 8,
      "class_code": "0x060000",
      "vendor": "Red Hat, Inc.",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0000"
    },
    {
      "device": "0000:00:01.0",
      "id": "1af4:1041",
      "class": "Ethernet controller",
      "driver": "virtio-pci",
      "group": 1,
      "unit": "smmu3.0x0000000009050000",
      "firmware_unit": "smmu3.0x0000000009050000",
      "ats": false,
      "reserved": [
      ],
      "name": "Red Hat, Inc. Virtio 1.0 network device",
      "bus": "pci",
      "vendor_id": 6900,
      "device_id": 4161,
      "class_code": "0x020000",
      "vendor": "Red Hat, Inc.",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0008"
    },
    {
      "device": "0000:00:02.0",
      "id": "1b36:000d",
      "class": "USB controller",
      "driver": null,
      "group": null,
      "unit": null,
      "firmware_unit": "smmu3.0x0000000009050000",
      "ats": false,
      "reserved": null,
      "name": "Red Hat, Inc. QEMU XHCI Host Controller",
      "bus": "pci",
      "vendor_id": 6966,
      "device_id": 13,
      "class_code": "0x0c0330",
      "vendor": "Red Hat, Inc.",
      "parent": null,
      "disagree": false,
      "awaits_driver": true,
      "firmware_id": "0x0010"
    },
    {
      "device": "ARMH0011:00",
      "id": null,
      "class": "platform",
      "driver": "uart-pl011",
      "group": 2,
      "unit": "smmu3.0x0000000009050000",
      "firmware_unit": null,
      "ats": false,
      "reserved": [
      ],
      "name": null,
      "bus": "platform",
      "vendor_id": null,
      "device_id": null,
      "class_code": null,
      "vendor": null,
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": null
    }
  ]
}
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-enabled.desc $TMP/r && iommutool --sysroot $TMP/r devices -o device,bus,parent,unit,firmware_unit,firmware_id,disagree,class_code
DEVICE        BUS       PARENT  UNIT                      FIRMWARE                  FW ID   DISAGREE  CLASS CODE
0000:00:00.0  pci       -       smmu3.0x0000000009050000  smmu3.0x0000000009050000  0x0000  no        0x060000
0000:00:01.0  pci       -       smmu3.0x0000000009050000  smmu3.0x0000000009050000  0x0008  no        0x020000
0000:00:02.0  pci       -       -                         smmu3.0x0000000009050000  0x0010  no        0x0c0330
ARMH0011:00   platform  -       smmu3.0x0000000009050000  -                         -       no        -
NOTE: 0000:00:02.0: no driver is bound; it joins smmu3.0x0000000009050000 when one probes it (with ACPI on Arm the kernel attaches a device to its SMMU at probe)
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-enabled.desc $TMP/r && iommutool --sysroot $TMP/r devices --tree
smmu3.0x0000000009050000
|- 0000:00:00.0 Host bridge: Red Hat, Inc. QEMU PCIe Host bridge [group 0]
|- 0000:00:01.0 Ethernet controller: Red Hat, Inc. Virtio 1.0 network device [group 1]
|- 0000:00:02.0 USB controller: Red Hat, Inc. QEMU XHCI Host Controller
`- ARMH0011:00 platform [group 2]
[exit 0]
