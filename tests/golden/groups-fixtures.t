# groups on the fixtures: the edu device bound to vfio-pci makes its group viable; the root
# port's ACS (lspci: ACSCtl SrcValid+ ReqRedir+ CmpltRedir+ UpstreamFwd+) above the NVMe.
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy groups
GROUP  TYPE  VFIO     DEVICE        DRIVER      CLASS                           HOST USE
    0  DMA   viable   0000:00:00.0  -           Host bridge                     -
    1  DMA   blocked  0000:00:02.0  e1000e      Ethernet controller             -
    2  DMA   blocked  0000:00:03.0  virtio-pci  Ethernet controller             -
    3  DMA   viable   0000:00:04.0  vfio-pci    Unclassified device [00ff]      -
    4  DMA   viable   0000:00:05.0  pcieport    PCI bridge                      -
    5  DMA   viable   0000:00:1f.0  -           ISA bridge                      -
    5  DMA   viable   0000:00:1f.2  -           SATA controller                 -
    5  DMA   viable   0000:00:1f.3  -           SMBus                           -
    6  DMA   blocked  0000:01:00.0  nvme        Non-Volatile memory controller  -
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy --json groups
{
  "schema_version": 2,
  "groups": [
    {
      "group": 0,
      "type": "DMA",
      "vfio": "viable",
      "acs": null,
      "regions": [
        {
          "start": "0xfee00000",
          "end": "0xfeefffff",
          "type": "msi"
        }
      ],
      "members": [
        {
          "device": "0000:00:00.0",
          "driver": null,
          "class": "Host bridge",
          "host_use": null,
          "blocker": null,
          "bus": "pci",
          "name": "Intel Corporation 82G33/G31/P35/P31 Express DRAM Controller",
          "bridge": false
        }
      ]
    },
    {
      "group": 1,
      "type": "DMA",
      "vfio": "blocked",
      "acs": null,
      "regions": [
        {
          "start": "0xfee00000",
          "end": "0xfeefffff",
          "type": "msi"
        }
      ],
      "members": [
        {
          "device": "0000:00:02.0",
          "driver": "e1000e",
          "class": "Ethernet controller",
          "host_use": null,
          "blocker": "bound to e1000e",
          "bus": "pci",
          "name": "Intel Corporation 82574L Gigabit Network Connection",
          "bridge": false
        }
      ]
    },
    {
      "group": 2,
      "type": "DMA",
      "vfio": "blocked",
      "acs": null,
      "regions": [
        {
          "start": "0xfee00000",
          "end": "0xfeefffff",
          "type": "msi"
        }
      ],
      "members": [
        {
          "device": "0000:00:03.0",
          "driver": "virtio-pci",
          "class": "Ethernet controller",
          "host_use": null,
          "blocker": "bound to virtio-pci",
          "bus": "pci",
          "name": "Red Hat, Inc. Virtio 1.0 network device",
          "bridge": false
        }
      ]
    },
    {
      "group": 3,
      "type": "DMA",
      "vfio": "viable",
      "acs": null,
      "regions": [
        {
          "start": "0xfee00000",
          "end": "0xfeefffff",
          "type": "msi"
        }
      ],
      "members": [
        {
          "device": "0000:00:04.0",
          "driver": "vfio-pci",
          "class": "Unclassified device [00ff]",
          "host_use": null,
          "blocker": null,
          "bus": "pci",
          "name": null,
          "bridge": false
        }
      ]
    },
    {
      "group": 4,
      "type": "DMA",
      "vfio": "viable",
      "acs": "0000:00:05.0 SV+ RR+ CR+ UF+",
      "regions": [
        {
          "start": "0xfee00000",
          "end": "0xfeefffff",
          "type": "msi"
        }
      ],
      "members": [
        {
          "device": "0000:00:05.0",
          "driver": "pcieport",
          "class": "PCI bridge",
          "host_use": null,
          "blocker": null,
          "bus": "pci",
          "name": "Red Hat, Inc. QEMU PCIe Root port",
          "bridge": true
        }
      ]
    },
    {
      "group": 5,
      "type": "DMA",
      "vfio": "viable",
      "acs": null,
      "regions": [
        {
          "start": "0x0",
          "end": "0xffffff",
          "type": "direct-relaxable"
        },
        {
          "start": "0xfee00000",
          "end": "0xfeefffff",
          "type": "msi"
        }
      ],
      "members": [
        {
          "device": "0000:00:1f.0",
          "driver": null,
          "class": "ISA bridge",
          "host_use": null,
          "blocker": null,
          "bus": "pci",
          "name": "Intel Corporation 82801IB (ICH9) LPC Interface Controller",
          "bridge": false
        },
        {
          "device": "0000:00:1f.2",
          "driver": null,
          "class": "SATA controller",
          "host_use": null,
          "blocker": null,
          "bus": "pci",
          "name": "Intel Corporation 82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode]",
          "bridge": false
        },
        {
          "device": "0000:00:1f.3",
          "driver": null,
          "class": "SMBus",
          "host_use": null,
          "blocker": null,
          "bus": "pci",
          "name": "Intel Corporation 82801I (ICH9 Family) SMBus Controller",
          "bridge": false
        }
      ]
    },
    {
      "group": 6,
      "type": "DMA",
      "vfio": "blocked",
      "acs": "0000:00:05.0 SV+ RR+ CR+ UF+",
      "regions": [
        {
          "start": "0xfee00000",
          "end": "0xfeefffff",
          "type": "msi"
        }
      ],
      "members": [
        {
          "device": "0000:01:00.0",
          "driver": "nvme",
          "class": "Non-Volatile memory controller",
          "host_use": null,
          "blocker": "bound to nvme",
          "bus": "pci",
          "name": "Red Hat, Inc. QEMU NVM Express Controller",
          "bridge": false
        }
      ]
    }
  ]
}
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy groups -o group,device,acs,regions,blocker
GROUP  DEVICE        ACS                           RESERVED REGIONS                                          BLOCKER
    0  0000:00:00.0  -                             0xfee00000-0xfeefffff msi                                 -
    1  0000:00:02.0  -                             0xfee00000-0xfeefffff msi                                 bound to e1000e
    2  0000:00:03.0  -                             0xfee00000-0xfeefffff msi                                 bound to virtio-pci
    3  0000:00:04.0  -                             0xfee00000-0xfeefffff msi                                 -
    4  0000:00:05.0  0000:00:05.0 SV+ RR+ CR+ UF+  0xfee00000-0xfeefffff msi                                 -
    5  0000:00:1f.0  -                             0x0-0xffffff direct-relaxable, 0xfee00000-0xfeefffff msi  -
    5  0000:00:1f.2  -                             0x0-0xffffff direct-relaxable, 0xfee00000-0xfeefffff msi  -
    5  0000:00:1f.3  -                             0x0-0xffffff direct-relaxable, 0xfee00000-0xfeefffff msi  -
    6  0000:01:00.0  0000:00:05.0 SV+ RR+ CR+ UF+  0xfee00000-0xfeefffff msi                                 bound to nvme
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-no-iommu groups
no IOMMU groups: no IOMMU is enabled (iommutool status says why)
[exit 2]
$ iommutool --sysroot $FIXTURES/q35-no-iommu --json groups
{
  "schema_version": 2,
  "groups": [
  ]
}
[exit 2]
