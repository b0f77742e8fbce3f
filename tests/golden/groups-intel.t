# groups on tests/sysroots/intel-enabled.desc: one row per member, VFIO viability, host-use warnings.
$ tests/sysroots/make-sysroot.sh tests/sysroots/intel-enabled.desc $TMP/r && iommutool --sysroot $TMP/r groups
GROUP  TYPE    VFIO     DEVICE         DRIVER         CLASS                           HOST USE
    0  DMA-FQ  viable   0000:00:00.0   -              Host bridge                     -
    1  DMA-FQ  blocked  0000:00:02.0   i915           VGA compatible controller       -
    2  DMA-FQ  blocked  0000:00:14.0   xhci_hcd       USB controller                  -
    3  DMA-FQ  blocked  0000:00:1c.0   pcieport       PCI bridge                      root file system (nvme0n1p2)
    3  DMA-FQ  blocked  0000:01:00.0   nvme           Non-Volatile memory controller  root file system (nvme0n1p2)
    4  DMA-FQ  blocked  0000:00:1f.6   e1000e         Ethernet controller             default route (eno1)
    5  DMA-FQ  blocked  0000:00:1f.0   -              ISA bridge                      -
    5  DMA-FQ  blocked  0000:00:1f.3   snd_hda_intel  Audio device                    -
    5  DMA-FQ  blocked  0000:00:1f.4   i801_smbus     SMBus                           -
    6  DMA-FQ  blocked  0000:00:0e.0   vmd            RAID bus controller             -
    6  DMA-FQ  blocked  10000:e1:00.0  nvme           Non-Volatile memory controller  -
WARNING: group 3 holds 0000:00:1c.0, the host's root file system (nvme0n1p2): giving this group to a VM (vfio-pci) takes it away from the host
WARNING: group 3 holds 0000:01:00.0, the host's root file system (nvme0n1p2): giving this group to a VM (vfio-pci) takes it away from the host
WARNING: group 4 holds 0000:00:1f.6, the host's default route (eno1): giving this group to a VM (vfio-pci) takes it away from the host
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/intel-enabled.desc $TMP/r && iommutool --sysroot $TMP/r --json groups
{
  "schema_version": 2,
  "groups": [
    {
      "group": 0,
      "type": "DMA-FQ",
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
          "name": "Intel Corporation",
          "bridge": false
        }
      ]
    },
    {
      "group": 1,
      "type": "DMA-FQ",
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
          "driver": "i915",
          "class": "VGA compatible controller",
          "host_use": null,
          "blocker": "bound to i915",
          "bus": "pci",
          "name": "Intel Corporation CoffeeLake-S GT2 [UHD Graphics 630]",
          "bridge": false
        }
      ]
    },
    {
      "group": 2,
      "type": "DMA-FQ",
      "vfio": "blocked",
      "acs": null,
      "regions": [
        {
          "start": "0x3e2e0000",
          "end": "0x3e2fffff",
          "type": "direct"
        },
        {
          "start": "0xfee00000",
          "end": "0xfeefffff",
          "type": "msi"
        }
      ],
      "members": [
        {
          "device": "0000:00:14.0",
          "driver": "xhci_hcd",
          "class": "USB controller",
          "host_use": null,
          "blocker": "bound to xhci_hcd",
          "bus": "pci",
          "name": "Intel Corporation Cannon Lake PCH USB 3.1 xHCI Host Controller",
          "bridge": false
        }
      ]
    },
    {
      "group": 3,
      "type": "DMA-FQ",
      "vfio": "blocked",
      "acs": "0000:00:1c.0 no ACS",
      "regions": [
        {
          "start": "0xfee00000",
          "end": "0xfeefffff",
          "type": "msi"
        }
      ],
      "members": [
        {
          "device": "0000:00:1c.0",
          "driver": "pcieport",
          "class": "PCI bridge",
          "host_use": "root file system (nvme0n1p2)",
          "blocker": null,
          "bus": "pci",
          "name": "Intel Corporation Cannon Lake PCH PCI Express Root Port #5",
          "bridge": true
        },
        {
          "device": "0000:01:00.0",
          "driver": "nvme",
          "class": "Non-Volatile memory controller",
          "host_use": "root file system (nvme0n1p2)",
          "blocker": "bound to nvme",
          "bus": "pci",
          "name": "Samsung Electronics Co Ltd NVMe SSD Controller SM981/PM981/PM983",
          "bridge": false
        }
      ]
    },
    {
      "group": 4,
      "type": "DMA-FQ",
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
          "device": "0000:00:1f.6",
          "driver": "e1000e",
          "class": "Ethernet controller",
          "host_use": "default route (eno1)",
          "blocker": "bound to e1000e",
          "bus": "pci",
          "name": "Intel Corporation Ethernet Connection (7) I219-V",
          "bridge": false
        }
      ]
    },
    {
      "group": 5,
      "type": "DMA-FQ",
      "vfio": "blocked",
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
          "name": "Intel Corporation Q370 Chipset LPC/eSPI Controller",
          "bridge": false
        },
        {
          "device": "0000:00:1f.3",
          "driver": "snd_hda_intel",
          "class": "Audio device",
          "host_use": null,
          "blocker": "bound to snd_hda_intel",
          "bus": "pci",
          "name": "Intel Corporation Cannon Lake PCH cAVS",
          "bridge": false
        },
        {
          "device": "0000:00:1f.4",
          "driver": "i801_smbus",
          "class": "SMBus",
          "host_use": null,
          "blocker": "bound to i801_smbus",
          "bus": "pci",
          "name": "Intel Corporation Cannon Lake PCH SMBus Controller",
          "bridge": false
        }
      ]
    },
    {
      "group": 6,
      "type": "DMA-FQ",
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
          "device": "0000:00:0e.0",
          "driver": "vmd",
          "class": "RAID bus controller",
          "host_use": null,
          "blocker": "bound to vmd",
          "bus": "pci",
          "name": "Intel Corporation Volume Management Device NVMe RAID Controller",
          "bridge": false
        },
        {
          "device": "10000:e1:00.0",
          "driver": "nvme",
          "class": "Non-Volatile memory controller",
          "host_use": null,
          "blocker": "bound to nvme",
          "bus": "pci",
          "name": "Samsung Electronics Co Ltd NVMe SSD Controller PM9A1/PM9A3/980PRO",
          "bridge": false
        }
      ]
    }
  ]
}
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/intel-enabled.desc $TMP/r && iommutool --sysroot $TMP/r groups -o group,device,blocker,bridge,acs,regions
GROUP  DEVICE         BLOCKER                 BRIDGE  ACS                  RESERVED REGIONS
    0  0000:00:00.0   -                       no      -                    0xfee00000-0xfeefffff msi
    1  0000:00:02.0   bound to i915           no      -                    0xfee00000-0xfeefffff msi
    2  0000:00:14.0   bound to xhci_hcd       no      -                    0x3e2e0000-0x3e2fffff direct, 0xfee00000-0xfeefffff msi
    3  0000:00:1c.0   -                       yes     0000:00:1c.0 no ACS  0xfee00000-0xfeefffff msi
    3  0000:01:00.0   bound to nvme           no      0000:00:1c.0 no ACS  0xfee00000-0xfeefffff msi
    4  0000:00:1f.6   bound to e1000e         no      -                    0xfee00000-0xfeefffff msi
    5  0000:00:1f.0   -                       no      -                    0x0-0xffffff direct-relaxable, 0xfee00000-0xfeefffff msi
    5  0000:00:1f.3   bound to snd_hda_intel  no      -                    0x0-0xffffff direct-relaxable, 0xfee00000-0xfeefffff msi
    5  0000:00:1f.4   bound to i801_smbus     no      -                    0x0-0xffffff direct-relaxable, 0xfee00000-0xfeefffff msi
    6  0000:00:0e.0   bound to vmd            no      -                    0xfee00000-0xfeefffff msi
    6  10000:e1:00.0  bound to nvme           no      -                    0xfee00000-0xfeefffff msi
WARNING: group 3 holds 0000:00:1c.0, the host's root file system (nvme0n1p2): giving this group to a VM (vfio-pci) takes it away from the host
WARNING: group 3 holds 0000:01:00.0, the host's root file system (nvme0n1p2): giving this group to a VM (vfio-pci) takes it away from the host
WARNING: group 4 holds 0000:00:1f.6, the host's default route (eno1): giving this group to a VM (vfio-pci) takes it away from the host
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/disabled-default.desc $TMP/r && iommutool --sysroot $TMP/r groups; echo "exit $?"; rm -r $TMP/r/sys/kernel/iommu_groups && iommutool --sysroot $TMP/r -q groups
no IOMMU groups: no IOMMU is enabled (iommutool status says why)
exit 2
[exit 2]
$ tests/sysroots/make-sysroot.sh tests/sysroots/intel-enabled.desc $TMP/r && iommutool --sysroot $TMP/r --json groups -o device,regions,group | head -n 40
{
  "schema_version": 2,
  "groups": [
    {
      "regions": [
        {
          "start": "0xfee00000",
          "end": "0xfeefffff",
          "type": "msi"
        }
      ],
      "group": 0,
      "members": [
        {
          "device": "0000:00:00.0"
        }
      ]
    },
    {
      "regions": [
        {
          "start": "0xfee00000",
          "end": "0xfeefffff",
          "type": "msi"
        }
      ],
      "group": 1,
      "members": [
        {
          "device": "0000:00:02.0"
        }
      ]
    },
    {
      "regions": [
        {
          "start": "0x3e2e0000",
          "end": "0x3e2fffff",
          "type": "direct"
        },
[exit 0]
