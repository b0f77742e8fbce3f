# groups on tests/sysroots/amd-enabled.desc: one row per member, VFIO viability, host-use warnings.
$ tests/sysroots/make-sysroot.sh tests/sysroots/amd-enabled.desc $TMP/r && iommutool --sysroot $TMP/r groups
GROUP  TYPE      VFIO     DEVICE        DRIVER       CLASS                      HOST USE
    0  identity  viable   0000:00:00.0  -            Host bridge                -
    1  identity  viable   0000:00:01.1  pcieport     PCI bridge                 -
    1  identity  viable   0000:01:00.0  vfio-pci     VGA compatible controller  -
    1  identity  viable   0000:01:00.1  vfio-pci     Audio device               -
    2  identity  blocked  0000:00:02.1  pcieport     PCI bridge                 default route (enp2s0f0np0)
    2  identity  blocked  0000:02:00.0  mlx5_core    Ethernet controller        default route (enp2s0f0np0)
    3  identity  blocked  0000:00:14.0  piix4_smbus  SMBus                      -
    3  identity  blocked  0000:00:14.3  -            ISA bridge                 -
WARNING: group 2 holds 0000:00:02.1, the host's default route (enp2s0f0np0): giving this group to a VM (vfio-pci) takes it away from the host
WARNING: group 2 holds 0000:02:00.0, the host's default route (enp2s0f0np0): giving this group to a VM (vfio-pci) takes it away from the host
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/amd-enabled.desc $TMP/r && iommutool --sysroot $TMP/r --json groups
{
  "schema_version": 2,
  "groups": [
    {
      "group": 0,
      "type": "identity",
      "vfio": "viable",
      "acs": null,
      "regions": [
      ],
      "members": [
        {
          "device": "0000:00:00.0",
          "driver": null,
          "class": "Host bridge",
          "host_use": null,
          "blocker": null,
          "bus": "pci",
          "name": "Advanced Micro Devices, Inc. [AMD]",
          "bridge": false
        }
      ]
    },
    {
      "group": 1,
      "type": "identity",
      "vfio": "viable",
      "acs": "0000:00:01.1 no ACS",
      "regions": [
        {
          "start": "0xfee00000",
          "end": "0xfeefffff",
          "type": "msi"
        }
      ],
      "members": [
        {
          "device": "0000:00:01.1",
          "driver": "pcieport",
          "class": "PCI bridge",
          "host_use": null,
          "blocker": null,
          "bus": "pci",
          "name": "Advanced Micro Devices, Inc. [AMD]",
          "bridge": true
        },
        {
          "device": "0000:01:00.0",
          "driver": "vfio-pci",
          "class": "VGA compatible controller",
          "host_use": null,
          "blocker": null,
          "bus": "pci",
          "name": "NVIDIA Corporation AD102 [GeForce RTX 4090]",
          "bridge": false
        },
        {
          "device": "0000:01:00.1",
          "driver": "vfio-pci",
          "class": "Audio device",
          "host_use": null,
          "blocker": null,
          "bus": "pci",
          "name": "NVIDIA Corporation AD102 High Definition Audio Controller",
          "bridge": false
        }
      ]
    },
    {
      "group": 2,
      "type": "identity",
      "vfio": "blocked",
      "acs": "0000:00:02.1 no ACS",
      "regions": [
        {
          "start": "0xfee00000",
          "end": "0xfeefffff",
          "type": "msi"
        }
      ],
      "members": [
        {
          "device": "0000:00:02.1",
          "driver": "pcieport",
          "class": "PCI bridge",
          "host_use": "default route (enp2s0f0np0)",
          "blocker": null,
          "bus": "pci",
          "name": "Advanced Micro Devices, Inc. [AMD]",
          "bridge": true
        },
        {
          "device": "0000:02:00.0",
          "driver": "mlx5_core",
          "class": "Ethernet controller",
          "host_use": "default route (enp2s0f0np0)",
          "blocker": "bound to mlx5_core",
          "bus": "pci",
          "name": "Mellanox Technologies MT27800 Family [ConnectX-5]",
          "bridge": false
        }
      ]
    },
    {
      "group": 3,
      "type": "identity",
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
          "device": "0000:00:14.0",
          "driver": "piix4_smbus",
          "class": "SMBus",
          "host_use": null,
          "blocker": "bound to piix4_smbus",
          "bus": "pci",
          "name": "Advanced Micro Devices, Inc. [AMD] FCH SMBus Controller",
          "bridge": false
        },
        {
          "device": "0000:00:14.3",
          "driver": null,
          "class": "ISA bridge",
          "host_use": null,
          "blocker": null,
          "bus": "pci",
          "name": "Advanced Micro Devices, Inc. [AMD] FCH LPC Bridge",
          "bridge": false
        }
      ]
    }
  ]
}
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/amd-enabled.desc $TMP/r && iommutool --sysroot $TMP/r groups -o group,device,blocker,bridge,acs,regions
GROUP  DEVICE        BLOCKER               BRIDGE  ACS                  RESERVED REGIONS
    0  0000:00:00.0  -                     no      -                    -
    1  0000:00:01.1  -                     yes     0000:00:01.1 no ACS  0xfee00000-0xfeefffff msi
    1  0000:01:00.0  -                     no      0000:00:01.1 no ACS  0xfee00000-0xfeefffff msi
    1  0000:01:00.1  -                     no      0000:00:01.1 no ACS  0xfee00000-0xfeefffff msi
    2  0000:00:02.1  -                     yes     0000:00:02.1 no ACS  0xfee00000-0xfeefffff msi
    2  0000:02:00.0  bound to mlx5_core    no      0000:00:02.1 no ACS  0xfee00000-0xfeefffff msi
    3  0000:00:14.0  bound to piix4_smbus  no      -                    0xfee00000-0xfeefffff msi
    3  0000:00:14.3  -                     no      -                    0xfee00000-0xfeefffff msi
WARNING: group 2 holds 0000:00:02.1, the host's default route (enp2s0f0np0): giving this group to a VM (vfio-pci) takes it away from the host
WARNING: group 2 holds 0000:02:00.0, the host's default route (enp2s0f0np0): giving this group to a VM (vfio-pci) takes it away from the host
[exit 0]
