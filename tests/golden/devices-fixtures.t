# devices on the fixtures: the DMAR's INCLUDE_PCI_ALL unit agrees with the kernel's dmar0 for
# every function; without an IOMMU no unit either way.
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy devices
DEVICE        ID         CLASS                           DRIVER      GROUP  UNIT   FIRMWARE  ATS  RESERVED                       NAME
0000:00:00.0  8086:29c0  Host bridge                     -               0  dmar0  dmar0     no   -                              Intel Corporation 82G33/G31/P35/P31 Express DRAM Controller
0000:00:02.0  8086:10d3  Ethernet controller             e1000e          1  dmar0  dmar0     no   -                              Intel Corporation 82574L Gigabit Network Connection
0000:00:03.0  1af4:1041  Ethernet controller             virtio-pci      2  dmar0  dmar0     no   -                              Red Hat, Inc. Virtio 1.0 network device
0000:00:04.0  1234:11e8  Unclassified device [00ff]      vfio-pci        3  dmar0  dmar0     no   -                              -
0000:00:05.0  1b36:000c  PCI bridge                      pcieport        4  dmar0  dmar0     no   -                              Red Hat, Inc. QEMU PCIe Root port
0000:00:1f.0  8086:2918  ISA bridge                      -               5  dmar0  dmar0     no   0x0-0xffffff direct-relaxable  Intel Corporation 82801IB (ICH9) LPC Interface Controller
0000:00:1f.2  8086:2922  SATA controller                 -               5  dmar0  dmar0     no   0x0-0xffffff direct-relaxable  Intel Corporation 82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode]
0000:00:1f.3  8086:2930  SMBus                           -               5  dmar0  dmar0     no   0x0-0xffffff direct-relaxable  Intel Corporation 82801I (ICH9 Family) SMBus Controller
0000:01:00.0  1b36:0010  Non-Volatile memory controller  nvme            6  dmar0  dmar0     no   -                              Red Hat, Inc. QEMU NVM Express Controller
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy --json devices
{
  "schema_version": 2,
  "devices": [
    {
      "device": "0000:00:00.0",
      "id": "8086:29c0",
      "class": "Host bridge",
      "driver": null,
      "group": 0,
      "unit": "dmar0",
      "firmware_unit": "dmar0",
      "ats": false,
      "reserved": [
      ],
      "name": "Intel Corporation 82G33/G31/P35/P31 Express DRAM Controller",
      "bus": "pci",
      "vendor_id": 32902,
      "device_id": 10688,
      "class_code": "0x060000",
      "vendor": "Intel Corporation",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0000"
    },
    {
      "device": "0000:00:02.0",
      "id": "8086:10d3",
      "class": "Ethernet controller",
      "driver": "e1000e",
      "group": 1,
      "unit": "dmar0",
      "firmware_unit": "dmar0",
      "ats": false,
      "reserved": [
      ],
      "name": "Intel Corporation 82574L Gigabit Network Connection",
      "bus": "pci",
      "vendor_id": 32902,
      "device_id": 4307,
      "class_code": "0x020000",
      "vendor": "Intel Corporation",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0010"
    },
    {
      "device": "0000:00:03.0",
      "id": "1af4:1041",
      "class": "Ethernet controller",
      "driver": "virtio-pci",
      "group": 2,
      "unit": "dmar0",
      "firmware_unit": "dmar0",
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
      "firmware_id": "0x0018"
    },
    {
      "device": "0000:00:04.0",
      "id": "1234:11e8",
      "class": "Unclassified device [00ff]",
      "driver": "vfio-pci",
      "group": 3,
      "unit": "dmar0",
      "firmware_unit": "dmar0",
      "ats": false,
      "reserved": [
      ],
      "name": null,
      "bus": "pci",
      "vendor_id": 4660,
      "device_id": 4584,
      "class_code": "0x00ff00",
      "vendor": null,
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0020"
    },
    {
      "device": "0000:00:05.0",
      "id": "1b36:000c",
      "class": "PCI bridge",
      "driver": "pcieport",
      "group": 4,
      "unit": "dmar0",
      "firmware_unit": "dmar0",
      "ats": false,
      "reserved": [
      ],
      "name": "Red Hat, Inc. QEMU PCIe Root port",
      "bus": "pci",
      "vendor_id": 6966,
      "device_id": 12,
      "class_code": "0x060400",
      "vendor": "Red Hat, Inc.",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0028"
    },
    {
      "device": "0000:00:1f.0",
      "id": "8086:2918",
      "class": "ISA bridge",
      "driver": null,
      "group": 5,
      "unit": "dmar0",
      "firmware_unit": "dmar0",
      "ats": false,
      "reserved": [
        {
          "start": "0x0",
          "end": "0xffffff",
          "type": "direct-relaxable"
        }
      ],
      "name": "Intel Corporation 82801IB (ICH9) LPC Interface Controller",
      "bus": "pci",
      "vendor_id": 32902,
      "device_id": 10520,
      "class_code": "0x060100",
      "vendor": "Intel Corporation",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x00f8"
    },
    {
      "device": "0000:00:1f.2",
      "id": "8086:2922",
      "class": "SATA controller",
      "driver": null,
      "group": 5,
      "unit": "dmar0",
      "firmware_unit": "dmar0",
      "ats": false,
      "reserved": [
        {
          "start": "0x0",
          "end": "0xffffff",
          "type": "direct-relaxable"
        }
      ],
      "name": "Intel Corporation 82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode]",
      "bus": "pci",
      "vendor_id": 32902,
      "device_id": 10530,
      "class_code": "0x010601",
      "vendor": "Intel Corporation",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x00fa"
    },
    {
      "device": "0000:00:1f.3",
      "id": "8086:2930",
      "class": "SMBus",
      "driver": null,
      "group": 5,
      "unit": "dmar0",
      "firmware_unit": "dmar0",
      "ats": false,
      "reserved": [
        {
          "start": "0x0",
          "end": "0xffffff",
          "type": "direct-relaxable"
        }
      ],
      "name": "Intel Corporation 82801I (ICH9 Family) SMBus Controller",
      "bus": "pci",
      "vendor_id": 32902,
      "device_id": 10544,
      "class_code": "0x0c0500",
      "vendor": "Intel Corporation",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x00fb"
    },
    {
      "device": "0000:01:00.0",
      "id": "1b36:0010",
      "class": "Non-Volatile memory controller",
      "driver": "nvme",
      "group": 6,
      "unit": "dmar0",
      "firmware_unit": "dmar0",
      "ats": false,
      "reserved": [
      ],
      "name": "Red Hat, Inc. QEMU NVM Express Controller",
      "bus": "pci",
      "vendor_id": 6966,
      "device_id": 16,
      "class_code": "0x010802",
      "vendor": "Red Hat, Inc.",
      "parent": "0000:00:05.0",
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0100"
    }
  ]
}
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy devices --tree
dmar0
|- 0000:00:00.0 Host bridge: Intel Corporation 82G33/G31/P35/P31 Express DRAM Controller [group 0]
|- 0000:00:02.0 Ethernet controller: Intel Corporation 82574L Gigabit Network Connection [group 1]
|- 0000:00:03.0 Ethernet controller: Red Hat, Inc. Virtio 1.0 network device [group 2]
|- 0000:00:04.0 Unclassified device [00ff] [group 3]
|- 0000:00:05.0 PCI bridge: Red Hat, Inc. QEMU PCIe Root port [group 4]
|  `- 0000:01:00.0 Non-Volatile memory controller: Red Hat, Inc. QEMU NVM Express Controller [group 6]
|- 0000:00:1f.0 ISA bridge: Intel Corporation 82801IB (ICH9) LPC Interface Controller [group 5]
|- 0000:00:1f.2 SATA controller: Intel Corporation 82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode] [group 5]
`- 0000:00:1f.3 SMBus: Intel Corporation 82801I (ICH9 Family) SMBus Controller [group 5]
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy --json devices --tree
{
  "schema_version": 2,
  "units": [
    {
      "unit": "dmar0",
      "children": [
        {
          "device": "0000:00:00.0",
          "class": "Host bridge",
          "name": "Intel Corporation 82G33/G31/P35/P31 Express DRAM Controller",
          "group": 0
        },
        {
          "device": "0000:00:02.0",
          "class": "Ethernet controller",
          "name": "Intel Corporation 82574L Gigabit Network Connection",
          "group": 1
        },
        {
          "device": "0000:00:03.0",
          "class": "Ethernet controller",
          "name": "Red Hat, Inc. Virtio 1.0 network device",
          "group": 2
        },
        {
          "device": "0000:00:04.0",
          "class": "Unclassified device [00ff]",
          "name": null,
          "group": 3
        },
        {
          "device": "0000:00:05.0",
          "class": "PCI bridge",
          "name": "Red Hat, Inc. QEMU PCIe Root port",
          "group": 4,
          "children": [
            {
              "device": "0000:01:00.0",
              "class": "Non-Volatile memory controller",
              "name": "Red Hat, Inc. QEMU NVM Express Controller",
              "group": 6
            }
          ]
        },
        {
          "device": "0000:00:1f.0",
          "class": "ISA bridge",
          "name": "Intel Corporation 82801IB (ICH9) LPC Interface Controller",
          "group": 5
        },
        {
          "device": "0000:00:1f.2",
          "class": "SATA controller",
          "name": "Intel Corporation 82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode]",
          "group": 5
        },
        {
          "device": "0000:00:1f.3",
          "class": "SMBus",
          "name": "Intel Corporation 82801I (ICH9 Family) SMBus Controller",
          "group": 5
        }
      ]
    }
  ]
}
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-no-iommu devices
DEVICE        ID         CLASS                           DRIVER      GROUP  UNIT  FIRMWARE  ATS  RESERVED  NAME
0000:00:00.0  8086:29c0  Host bridge                     -               -  -     -         no   -         Intel Corporation 82G33/G31/P35/P31 Express DRAM Controller
0000:00:02.0  8086:10d3  Ethernet controller             e1000e          -  -     -         no   -         Intel Corporation 82574L Gigabit Network Connection
0000:00:03.0  1af4:1041  Ethernet controller             virtio-pci      -  -     -         no   -         Red Hat, Inc. Virtio 1.0 network device
0000:00:04.0  1234:11e8  Unclassified device [00ff]      -               -  -     -         no   -         -
0000:00:05.0  1b36:000c  PCI bridge                      pcieport        -  -     -         no   -         Red Hat, Inc. QEMU PCIe Root port
0000:00:1f.0  8086:2918  ISA bridge                      -               -  -     -         no   -         Intel Corporation 82801IB (ICH9) LPC Interface Controller
0000:00:1f.2  8086:2922  SATA controller                 -               -  -     -         no   -         Intel Corporation 82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode]
0000:00:1f.3  8086:2930  SMBus                           -               -  -     -         no   -         Intel Corporation 82801I (ICH9 Family) SMBus Controller
0000:01:00.0  1b36:0010  Non-Volatile memory controller  nvme            -  -     -         no   -         Red Hat, Inc. QEMU NVM Express Controller
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy devices -o nosuchcolumn
! iommutool: unknown column 'nosuchcolumn' (try --help)
[exit 64]
