# devices on tests/sysroots/amd-enabled.desc: table, JSON, columns chosen with -o, the tree.
$ tests/sysroots/make-sysroot.sh tests/sysroots/amd-enabled.desc $TMP/r && iommutool --sysroot $TMP/r devices
DEVICE        ID         CLASS                      DRIVER       GROUP  UNIT   FIRMWARE  ATS  RESERVED  NAME
0000:00:00.0  1022:14d8  Host bridge                -                0  ivhd0  ivhd0     no   -         Advanced Micro Devices, Inc. [AMD]
0000:00:00.2  1022:14d9  IOMMU                      -                -  -      none      no   -         Advanced Micro Devices, Inc. [AMD]
0000:00:01.1  1022:14db  PCI bridge                 pcieport         1  ivhd0  ivhd0     no   -         Advanced Micro Devices, Inc. [AMD]
0000:00:02.1  1022:14db  PCI bridge                 pcieport         2  ivhd0  ivhd0     no   -         Advanced Micro Devices, Inc. [AMD]
0000:00:14.0  1022:790b  SMBus                      piix4_smbus      3  ivhd0  ivhd0     no   -         Advanced Micro Devices, Inc. [AMD] FCH SMBus Controller
0000:00:14.3  1022:790e  ISA bridge                 -                3  ivhd0  ivhd0     no   -         Advanced Micro Devices, Inc. [AMD] FCH LPC Bridge
0000:01:00.0  10de:2684  VGA compatible controller  vfio-pci         1  ivhd0  ivhd0     no   -         NVIDIA Corporation AD102 [GeForce RTX 4090]
0000:01:00.1  10de:22ba  Audio device               vfio-pci         1  ivhd0  ivhd0     no   -         NVIDIA Corporation AD102 High Definition Audio Controller
0000:02:00.0  15b3:1017  Ethernet controller        mlx5_core        2  ivhd0  ivhd0     no   -         Mellanox Technologies MT27800 Family [ConnectX-5]
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/amd-enabled.desc $TMP/r && iommutool --sysroot $TMP/r --json devices
{
  "schema_version": 2,
  "devices": [
    {
      "device": "0000:00:00.0",
      "id": "1022:14d8",
      "class": "Host bridge",
      "driver": null,
      "group": 0,
      "unit": "ivhd0",
      "firmware_unit": "ivhd0",
      "ats": false,
      "reserved": [
      ],
      "name": "Advanced Micro Devices, Inc. [AMD]",
      "bus": "pci",
      "vendor_id": 4130,
      "device_id": 5336,
      "class_code": "0x060000",
      "vendor": "Advanced Micro Devices, Inc. [AMD]",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0000"
    },
    {
      "device": "0000:00:00.2",
      "id": "1022:14d9",
      "class": "IOMMU",
      "driver": null,
      "group": null,
      "unit": null,
      "firmware_unit": "none",
      "ats": false,
      "reserved": null,
      "name": "Advanced Micro Devices, Inc. [AMD]",
      "bus": "pci",
      "vendor_id": 4130,
      "device_id": 5337,
      "class_code": "0x080600",
      "vendor": "Advanced Micro Devices, Inc. [AMD]",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": null
    },
    {
      "device": "0000:00:01.1",
      "id": "1022:14db",
      "class": "PCI bridge",
      "driver": "pcieport",
      "group": 1,
      "unit": "ivhd0",
      "firmware_unit": "ivhd0",
      "ats": false,
      "reserved": [
      ],
      "name": "Advanced Micro Devices, Inc. [AMD]",
      "bus": "pci",
      "vendor_id": 4130,
      "device_id": 5339,
      "class_code": "0x060400",
      "vendor": "Advanced Micro Devices, Inc. [AMD]",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0009"
    },
    {
      "device": "0000:00:02.1",
      "id": "1022:14db",
      "class": "PCI bridge",
      "driver": "pcieport",
      "group": 2,
      "unit": "ivhd0",
      "firmware_unit": "ivhd0",
      "ats": false,
      "reserved": [
      ],
      "name": "Advanced Micro Devices, Inc. [AMD]",
      "bus": "pci",
      "vendor_id": 4130,
      "device_id": 5339,
      "class_code": "0x060400",
      "vendor": "Advanced Micro Devices, Inc. [AMD]",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0011"
    },
    {
      "device": "0000:00:14.0",
      "id": "1022:790b",
      "class": "SMBus",
      "driver": "piix4_smbus",
      "group": 3,
      "unit": "ivhd0",
      "firmware_unit": "ivhd0",
      "ats": false,
      "reserved": [
      ],
      "name": "Advanced Micro Devices, Inc. [AMD] FCH SMBus Controller",
      "bus": "pci",
      "vendor_id": 4130,
      "device_id": 30987,
      "class_code": "0x0c0500",
      "vendor": "Advanced Micro Devices, Inc. [AMD]",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x00a0"
    },
    {
      "device": "0000:00:14.3",
      "id": "1022:790e",
      "class": "ISA bridge",
      "driver": null,
      "group": 3,
      "unit": "ivhd0",
      "firmware_unit": "ivhd0",
      "ats": false,
      "reserved": [
      ],
      "name": "Advanced Micro Devices, Inc. [AMD] FCH LPC Bridge",
      "bus": "pci",
      "vendor_id": 4130,
      "device_id": 30990,
      "class_code": "0x060100",
      "vendor": "Advanced Micro Devices, Inc. [AMD]",
      "parent": null,
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x00a3"
    },
    {
      "device": "0000:01:00.0",
      "id": "10de:2684",
      "class": "VGA compatible controller",
      "driver": "vfio-pci",
      "group": 1,
      "unit": "ivhd0",
      "firmware_unit": "ivhd0",
      "ats": false,
      "reserved": [
      ],
      "name": "NVIDIA Corporation AD102 [GeForce RTX 4090]",
      "bus": "pci",
      "vendor_id": 4318,
      "device_id": 9860,
      "class_code": "0x030000",
      "vendor": "NVIDIA Corporation",
      "parent": "0000:00:01.1",
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0100"
    },
    {
      "device": "0000:01:00.1",
      "id": "10de:22ba",
      "class": "Audio device",
      "driver": "vfio-pci",
      "group": 1,
      "unit": "ivhd0",
      "firmware_unit": "ivhd0",
      "ats": false,
      "reserved": [
      ],
      "name": "NVIDIA Corporation AD102 High Definition Audio Controller",
      "bus": "pci",
      "vendor_id": 4318,
      "device_id": 8890,
      "class_code": "0x040300",
      "vendor": "NVIDIA Corporation",
      "parent": "0000:00:01.1",
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0101"
    },
    {
      "device": "0000:02:00.0",
      "id": "15b3:1017",
      "class": "Ethernet controller",
      "driver": "mlx5_core",
      "group": 2,
      "unit": "ivhd0",
      "firmware_unit": "ivhd0",
      "ats": false,
      "reserved": [
      ],
      "name": "Mellanox Technologies MT27800 Family [ConnectX-5]",
      "bus": "pci",
      "vendor_id": 5555,
      "device_id": 4119,
      "class_code": "0x020000",
      "vendor": "Mellanox Technologies",
      "parent": "0000:00:02.1",
      "disagree": false,
      "awaits_driver": false,
      "firmware_id": "0x0200"
    }
  ]
}
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/amd-enabled.desc $TMP/r && iommutool --sysroot $TMP/r devices -o device,bus,parent,unit,firmware_unit,firmware_id,disagree,class_code
DEVICE        BUS  PARENT        UNIT   FIRMWARE  FW ID   DISAGREE  CLASS CODE
0000:00:00.0  pci  -             ivhd0  ivhd0     0x0000  no        0x060000
0000:00:00.2  pci  -             -      none      -       no        0x080600
0000:00:01.1  pci  -             ivhd0  ivhd0     0x0009  no        0x060400
0000:00:02.1  pci  -             ivhd0  ivhd0     0x0011  no        0x060400
0000:00:14.0  pci  -             ivhd0  ivhd0     0x00a0  no        0x0c0500
0000:00:14.3  pci  -             ivhd0  ivhd0     0x00a3  no        0x060100
0000:01:00.0  pci  0000:00:01.1  ivhd0  ivhd0     0x0100  no        0x030000
0000:01:00.1  pci  0000:00:01.1  ivhd0  ivhd0     0x0101  no        0x040300
0000:02:00.0  pci  0000:00:02.1  ivhd0  ivhd0     0x0200  no        0x020000
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/amd-enabled.desc $TMP/r && iommutool --sysroot $TMP/r devices --tree
ivhd0
|- 0000:00:00.0 Host bridge: Advanced Micro Devices, Inc. [AMD] [group 0]
|- 0000:00:01.1 PCI bridge: Advanced Micro Devices, Inc. [AMD] [group 1]
|  |- 0000:01:00.0 VGA compatible controller: NVIDIA Corporation AD102 [GeForce RTX 4090] [group 1]
|  `- 0000:01:00.1 Audio device: NVIDIA Corporation AD102 High Definition Audio Controller [group 1]
|- 0000:00:02.1 PCI bridge: Advanced Micro Devices, Inc. [AMD] [group 2]
|  `- 0000:02:00.0 Ethernet controller: Mellanox Technologies MT27800 Family [ConnectX-5] [group 2]
|- 0000:00:14.0 SMBus: Advanced Micro Devices, Inc. [AMD] FCH SMBus Controller [group 3]
`- 0000:00:14.3 ISA bridge: Advanced Micro Devices, Inc. [AMD] FCH LPC Bridge [group 3]
no IOMMU
`- 0000:00:00.2 IOMMU: Advanced Micro Devices, Inc. [AMD]
[exit 0]
