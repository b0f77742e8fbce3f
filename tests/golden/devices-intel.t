# devices on tests/sysroots/intel-enabled.desc: table, JSON, columns chosen with -o, the tree.
$ tests/sysroots/make-sysroot.sh tests/sysroots/intel-enabled.desc $TMP/r && iommutool --sysroot $TMP/r devices
DEVICE         ID         CLASS                           DRIVER         GROUP  UNIT   FIRMWARE  ATS  RESERVED                       NAME
0000:00:00.0   8086:3e0f  Host bridge                     -                  0  dmar1  dmar1     no   -                              Intel Corporation
0000:00:02.0   8086:3e92  VGA compatible controller       i915               1  dmar0  dmar0     no   -                              Intel Corporation CoffeeLake-S GT2 [UHD Graphics 630]
0000:00:0e.0   8086:9a0b  RAID bus controller             vmd                6  dmar1  dmar1     no   -                              Intel Corporation Volume Management Device NVMe RAID Controller
0000:00:14.0   8086:a36d  USB controller                  xhci_hcd           2  dmar0  dmar1     no   0x3e2e0000-0x3e2fffff direct   Intel Corporation Cannon Lake PCH USB 3.1 xHCI Host Controller
0000:00:1c.0   8086:a33c  PCI bridge                      pcieport           3  dmar1  dmar1     no   -                              Intel Corporation Cannon Lake PCH PCI Express Root Port #5
0000:00:1f.0   8086:a306  ISA bridge                      -                  5  dmar1  dmar1     no   0x0-0xffffff direct-relaxable  Intel Corporation Q370 Chipset LPC/eSPI Controller
0000:00:1f.3   8086:a348  Audio device                    snd_hda_intel      5  dmar1  dmar1     no   0x0-0xffffff direct-relaxable  Intel Corporation Cannon Lake PCH cAVS
0000:00:1f.4   8086:a323  SMBus                           i801_smbus         5  dmar1  dmar1     no   0x0-0xffffff direct-relaxable  Intel Corporation Cannon Lake PCH SMBus Controller
0000:00:1f.6   8086:15bc  Ethernet controller             e1000e             4  dmar1  dmar1     no   -                              Intel Corporation Ethernet Connection (7) I219-V
0000:01:00.0   144d:a808  Non-Volatile memory controller  nvme               3  dmar1  dmar1     no   -                              Samsung Electronics Co Ltd NVMe SSD Controller SM981/PM981/PM983
10000:e1:00.0  144d:a80a  Non-Volatile memory controller  nvme               6  dmar1  -         no   -                              Samsung Electronics Co Ltd NVMe SSD Controller PM9A1/PM9A3/980PRO
WARNING: 0000:00:14.0: the firmware names dmar1, the kernel uses dmar0
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/intel-enabled.desc $TMP/r && iommutool --sysroot $TMP/r --json devices
{
  "schema_version": 2,
  "devices": [
    {
      "device": "0000:00:00.0",
      "id": "8086:3e0f",
      "class": "Host bridge",
      "driver": null,
      "group": 0,
      "unit": "dmar1",
      "firmware_unit": "dmar1",
      "ats": false,
      "reserved": [
      ],
      "name": "Intel Corporation",
      "bus": "pci",
      "vendor_id": 32902,
      "device_id": 15887,
      "class_code": "0x060000",
      "vendor": "Intel Corporation",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0000"
    },
    {
      "device": "0000:00:02.0",
      "id": "8086:3e92",
      "class": "VGA compatible controller",
      "driver": "i915",
      "group": 1,
      "unit": "dmar0",
      "firmware_unit": "dmar0",
      "ats": false,
      "reserved": [
      ],
      "name": "Intel Corporation CoffeeLake-S GT2 [UHD Graphics 630]",
      "bus": "pci",
      "vendor_id": 32902,
      "device_id": 16018,
      "class_code": "0x030000",
      "vendor": "Intel Corporation",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0010"
    },
    {
      "device": "0000:00:0e.0",
      "id": "8086:9a0b",
      "class": "RAID bus controller",
      "driver": "vmd",
      "group": 6,
      "unit": "dmar1",
      "firmware_unit": "dmar1",
      "ats": false,
      "reserved": [
      ],
      "name": "Intel Corporation Volume Management Device NVMe RAID Controller",
      "bus": "pci",
      "vendor_id": 32902,
      "device_id": 39435,
      "class_code": "0x010400",
      "vendor": "Intel Corporation",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0070"
    },
    {
      "device": "0000:00:14.0",
      "id": "8086:a36d",
      "class": "USB controller",
      "driver": "xhci_hcd",
      "group": 2,
      "unit": "dmar0",
      "firmware_unit": "dmar1",
      "ats": false,
      "reserved": [
        {
          "start": "0x3e2e0000",
          "end": "0x3e2fffff",
          "type": "direct"
        }
      ],
      "name": "Intel Corporation Cannon Lake PCH USB 3.1 xHCI Host Controller",
      "bus": "pci",
      "vendor_id": 32902,
      "device_id": 41837,
      "class_code": "0x0c0330",
      "vendor": "Intel Corporation",
      "parent": null,
      "disagree": true,
      "awaits_driver": false,
      "firmware_id": "0x00a0"
    },
    {
      "device": "0000:00:1c.0",
      "id": "8086:a33c",
      "class": "PCI bridge",
      "driver": "pcieport",
      "group": 3,
      "unit": "dmar1",
      "firmware_unit": "dmar1",
      "ats": false,
      "reserved": [
      ],
      "name": "Intel Corporation Cannon Lake PCH PCI Express Root Port #5",
      "bus": "pci",
      "vendor_id": 32902,
      "device_id": 41788,
      "class_code": "0x060400",
      "vendor": "Intel Corporation",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x00e0"
    },
    {
      "device": "0000:00:1f.0",
      "id": "8086:a306",
      "class": "ISA bridge",
      "driver": null,
      "group": 5,
      "unit": "dmar1",
      "firmware_unit": "dmar1",
      "ats": false,
      "reserved": [
        {
          "start": "0x0",
          "end": "0xffffff",
          "type": "direct-relaxable"
        }
      ],
      "name": "Intel Corporation Q370 Chipset LPC/eSPI Controller",
      "bus": "pci",
      "vendor_id": 32902,
      "device_id": 41734,
      "class_code": "0x060100",
      "vendor": "Intel Corporation",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x00f8"
    },
    {
      "device": "0000:00:1f.3",
      "id": "8086:a348",
      "class": "Audio device",
      "driver": "snd_hda_intel",
      "group": 5,
      "unit": "dmar1",
      "firmware_unit": "dmar1",
      "ats": false,
      "reserved": [
        {
          "start": "0x0",
          "end": "0xffffff",
          "type": "direct-relaxable"
        }
      ],
      "name": "Intel Corporation Cannon Lake PCH cAVS",
      "bus": "pci",
      "vendor_id": 32902,
      "device_id": 41800,
      "class_code": "0x040300",
      "vendor": "Intel Corporation",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x00fb"
    },
    {
      "device": "0000:00:1f.4",
      "id": "8086:a323",
      "class": "SMBus",
      "driver": "i801_smbus",
      "group": 5,
      "unit": "dmar1",
      "firmware_unit": "dmar1",
      "ats": false,
      "reserved": [
        {
          "start": "0x0",
          "end": "0xffffff",
          "type": "direct-relaxable"
        }
      ],
      "name": "Intel Corporation Cannon Lake PCH SMBus Controller",
      "bus": "pci",
      "vendor_id": 32902,
      "device_id": 41763,
      "class_code": "0x0c0500",
      "vendor": "Intel Corporation",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x00fc"
    },
    {
      "device": "0000:00:1f.6",
      "id": "8086:15bc",
      "class": "Ethernet controller",
      "driver": "e1000e",
      "group": 4,
      "unit": "dmar1",
      "firmware_unit": "dmar1",
      "ats": false,
      "reserved": [
      ],
      "name": "Intel Corporation Ethernet Connection (7) I219-V",
      "bus": "pci",
      "vendor_id": 32902,
      "device_id": 5564,
      "class_code": "0x020000",
      "vendor": "Intel Corporation",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x00fe"
    },
    {
      "device": "0000:01:00.0",
      "id": "144d:a808",
      "class": "Non-Volatile memory controller",
      "driver": "nvme",
      "group": 3,
      "unit": "dmar1",
      "firmware_unit": "dmar1",
      "ats": false,
      "reserved": [
      ],
      "name": "Samsung Electronics Co Ltd NVMe SSD Controller SM981/PM981/PM983",
      "bus": "pci",
      "vendor_id": 5197,
      "device_id": 43016,
      "class_code": "0x010802",
      "vendor": "Samsung Electronics Co Ltd",
      "parent": "0000:00:1c.0",
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0100"
    },
    {
      "device": "10000:e1:00.0",
      "id": "144d:a80a",
      "class": "Non-Volatile memory controller",
      "driver": "nvme",
      "group": 6,
      "unit": "dmar1",
      "firmware_unit": null,
      "ats": false,
      "reserved": [
      ],
      "name": "Samsung Electronics Co Ltd NVMe SSD Controller PM9A1/PM9A3/980PRO",
      "bus": "pci",
      "vendor_id": 5197,
      "device_id": 43018,
      "class_code": "0x010802",
      "vendor": "Samsung Electronics Co Ltd",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": null
    }
  ]
}
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/intel-enabled.desc $TMP/r && iommutool --sysroot $TMP/r devices -o device,bus,parent,unit,firmware_unit,firmware_id,disagree,class_code
DEVICE         BUS  PARENT        UNIT   FIRMWARE  FW ID   DISAGREE  CLASS CODE
0000:00:00.0   pci  -             dmar1  dmar1     0x0000  no        0x060000
0000:00:02.0   pci  -             dmar0  dmar0     0x0010  no        0x030000
0000:00:0e.0   pci  -             dmar1  dmar1     0x0070  no        0x010400
0000:00:14.0   pci  -             dmar0  dmar1     0x00a0  yes       0x0c0330
0000:00:1c.0   pci  -             dmar1  dmar1     0x00e0  no        0x060400
0000:00:1f.0   pci  -             dmar1  dmar1     0x00f8  no        0x060100
0000:00:1f.3   pci  -             dmar1  dmar1     0x00fb  no        0x040300
0000:00:1f.4   pci  -             dmar1  dmar1     0x00fc  no        0x0c0500
0000:00:1f.6   pci  -             dmar1  dmar1     0x00fe  no        0x020000
0000:01:00.0   pci  0000:00:1c.0  dmar1  dmar1     0x0100  no        0x010802
10000:e1:00.0  pci  -             dmar1  -         -       no        0x010802
WARNING: 0000:00:14.0: the firmware names dmar1, the kernel uses dmar0
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/intel-enabled.desc $TMP/r && iommutool --sysroot $TMP/r devices --tree
dmar0
|- 0000:00:02.0 VGA compatible controller: Intel Corporation CoffeeLake-S GT2 [UHD Graphics 630] [group 1]
`- 0000:00:14.0 USB controller: Intel Corporation Cannon Lake PCH USB 3.1 xHCI Host Controller [group 2]
dmar1
|- 0000:00:00.0 Host bridge: Intel Corporation [group 0]
|- 0000:00:0e.0 RAID bus controller: Intel Corporation Volume Management Device NVMe RAID Controller [group 6]
|- 0000:00:1c.0 PCI bridge: Intel Corporation Cannon Lake PCH PCI Express Root Port #5 [group 3]
|  `- 0000:01:00.0 Non-Volatile memory controller: Samsung Electronics Co Ltd NVMe SSD Controller SM981/PM981/PM983 [group 3]
|- 0000:00:1f.0 ISA bridge: Intel Corporation Q370 Chipset LPC/eSPI Controller [group 5]
|- 0000:00:1f.3 Audio device: Intel Corporation Cannon Lake PCH cAVS [group 5]
|- 0000:00:1f.4 SMBus: Intel Corporation Cannon Lake PCH SMBus Controller [group 5]
|- 0000:00:1f.6 Ethernet controller: Intel Corporation Ethernet Connection (7) I219-V [group 4]
`- 10000:e1:00.0 Non-Volatile memory controller: Samsung Electronics Co Ltd NVMe SSD Controller PM9A1/PM9A3/980PRO [group 6]
[exit 0]
