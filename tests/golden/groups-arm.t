# groups on tests/sysroots/arm-enabled.desc: one row per member, VFIO viability, host-use warnings.
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-enabled.desc $TMP/r && iommutool --sysroot $TMP/r groups
GROUP  TYPE  VFIO     DEVICE        DRIVER      CLASS                HOST USE
    0  DMA   viable   0000:00:00.0  -           Host bridge          -
    1  DMA   blocked  0000:00:01.0  virtio-pci  Ethernet controller  -
    2  DMA   blocked  ARMH0011:00   uart-pl011  platform             -
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-enabled.desc $TMP/r && iommutool --sysroot $TMP/r --json groups
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
          "start": "0x8000000",
          "end": "0x80fffff",
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
          "name": "Red Hat, Inc. QEMU PCIe Host bridge",
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
          "start": "0x8000000",
          "end": "0x80fffff",
          "type": "msi"
        }
      ],
      "members": [
        {
          "device": "0000:00:01.0",
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
      "group": 2,
      "type": "DMA",
      "vfio": "blocked",
      "acs": null,
      "regions": [
        {
          "start": "0x8000000",
          "end": "0x80fffff",
          "type": "msi"
        }
      ],
      "members": [
        {
          "device": "ARMH0011:00",
          "driver": "uart-pl011",
          "class": "platform",
          "host_use": null,
          "blocker": "bound to uart-pl011",
          "bus": "platform",
          "name": null,
          "bridge": false
        }
      ]
    }
  ]
}
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-enabled.desc $TMP/r && iommutool --sysroot $TMP/r groups -o group,device,blocker,bridge,acs,regions
GROUP  DEVICE        BLOCKER              BRIDGE  ACS  RESERVED REGIONS
    0  0000:00:00.0  -                    no      -    0x8000000-0x80fffff msi
    1  0000:00:01.0  bound to virtio-pci  no      -    0x8000000-0x80fffff msi
    2  ARMH0011:00   bound to uart-pl011  no      -    0x8000000-0x80fffff msi
[exit 0]
