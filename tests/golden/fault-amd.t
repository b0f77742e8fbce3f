# iommutool fault on AMD-Vi event lines in every format Linux has printed: "AMD IOMMU:" (2.6.2x),
# device=BB:DD.F, the device named before "AMD-Vi:" (5.0+), device=SSSS:BB:DD.F (5.19+), the
# other event types, UNKNOWN with the entry's words; -v, JSON, and the walk of the logged request
# through an image built by tests/tools/mkimage.
$ printf '[    4.120000] AMD IOMMU: Event logged [IO_PAGE_FAULT device=00:14.0 domain=0x0000 address=0x0000000000000000 flags=0x0000]\n[    5.1] AMD-Vi: Event logged [IO_PAGE_FAULT device=0a:00.0 domain=0x001d address=0x000000000637c000 flags=0x0010]\n[    6.2] amdgpu 0000:04:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0000 address=0x10b4c0000 flags=0x0070]\nAMD-Vi: Event logged [IO_PAGE_FAULT device=0000:04:00.0 domain=0x000c address=0x10b4a01e0 flags=0x0020]\nAMD-Vi: Event logged [IO_PAGE_FAULT device=0001:41:00.0 domain=0x0003 address=0x2000 flags=0x0055]\n' | iommutool fault
AMD-Vi read from 0000:00:14.0, domain 0x0, address 0x0
  event 2 IO_PAGE_FAULT flags 0x0000: a DMA request found no translation, or one without the permission it needed (the flags say which)
AMD-Vi read from 0000:0a:00.0, domain 0x1d, address 0x637c000
  event 2 IO_PAGE_FAULT flags 0x0010 (PR): a DMA request found no translation, or one without the permission it needed (the flags say which)
AMD-Vi write from 0000:04:00.0, domain 0x0, address 0x10b4c0000
  event 2 IO_PAGE_FAULT flags 0x0070 (PR RW PE): a DMA request found no translation, or one without the permission it needed (the flags say which)
AMD-Vi write from 0000:04:00.0, domain 0xc, address 0x10b4a01e0
  event 2 IO_PAGE_FAULT flags 0x0020 (RW): a DMA request found no translation, or one without the permission it needed (the flags say which)
AMD-Vi read from 0001:41:00.0, PASID 0x3, address 0x2000
  event 2 IO_PAGE_FAULT flags 0x0055 (GN US PR PE): a DMA request found no translation, or one without the permission it needed (the flags say which)
[exit 1]
$ printf 'AMD-Vi: Event logged [ILLEGAL_DEV_TABLE_ENTRY device=0000:00:06.0 pasid=0x00000 address=0x1234 flags=0x0080]\nAMD-Vi: Event logged [DEV_TAB_HARDWARE_ERROR device=0000:00:06.0 address=0xfd200000 flags=0x0000]\nAMD-Vi: Event logged [PAGE_TAB_HARDWARE_ERROR device=0000:00:06.0 pasid=0x0000 address=0x1f000 flags=0x0000]\nAMD-Vi: Event logged [ILLEGAL_COMMAND_ERROR address=0x4002000]\nAMD-Vi: Event logged [COMMAND_HARDWARE_ERROR address=0x4002000 flags=0x0000]\nAMD-Vi: Event logged [IOTLB_INV_TIMEOUT device=0000:03:00.0 address=0x4003000]\nAMD-Vi: Event logged [INVALID_DEVICE_REQUEST device=0000:03:00.0 pasid=0x00002 address=0x1000 flags=0x0001]\nAMD-Vi: Event logged [UNKNOWN event[0]=0x00000020 event[1]=0xb0000005 event[2]=0x00001000 event[3]=0x00000000]\n' | iommutool -v fault
AMD-Vi read from 0000:00:06.0, PASID 0x0, address 0x1234  (line 1)
  event 1 ILLEGAL_DEV_TABLE_ENTRY flags 0x0080 (RZ)
  meaning: the device table entry has reserved bits set or an invalid encoding
  likely causes: a DTE the driver is rewriting, guest translation fields the IOMMU does not support
  log format: device=SSSS:BB:DD.F (5.19+)
AMD-Vi read from 0000:00:06.0, address 0xfd200000  (line 2)
  event 3 DEV_TAB_HARDWARE_ERROR flags 0x0000
  meaning: an error reading the device table entry
  likely causes: the device table in memory the IOMMU cannot reach
  log format: device=SSSS:BB:DD.F (5.19+)
AMD-Vi read from 0000:00:06.0, PASID 0x0, address 0x1f000  (line 3)
  event 4 PAGE_TAB_HARDWARE_ERROR flags 0x0000
  meaning: an error reading a page table entry (the address is the entry's)
  likely causes: page tables in memory the IOMMU cannot reach, a corrupted table pointer
  log format: device=SSSS:BB:DD.F (5.19+)
AMD-Vi, address 0x4002000  (line 4)
  event 5 ILLEGAL_COMMAND_ERROR
  meaning: an illegal command in the command buffer
  likely causes: a driver bug
  log format: no device
AMD-Vi read, address 0x4002000  (line 5)
  event 6 COMMAND_HARDWARE_ERROR flags 0x0000
  meaning: an error reading the command buffer
  log format: no device
AMD-Vi from 0000:03:00.0, address 0x4003000  (line 6)
  event 7 IOTLB_INV_TIMEOUT
  meaning: a device did not answer an IOTLB invalidation in time
  likely causes: an ATS device that hung or was removed
  log format: device=SSSS:BB:DD.F (5.19+)
AMD-Vi read from 0000:03:00.0, PASID 0x2, address 0x1000  (line 7)
  event 8 INVALID_DEVICE_REQUEST flags 0x0001 (GN)
  meaning: a request the device's settings do not allow (a PASID without guest translation, an ATS request without IOTLB)
  likely causes: PASID or ATS enabled in the device but not in its DTE
  log format: device=SSSS:BB:DD.F (5.19+)
AMD-Vi from 0000:00:04.0, address 0x1000  (line 8)
  event 11 (undefined)
  log format: UNKNOWN with the entry's words
[exit 1]
$ printf 'nvme 0000:01:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x000e address=0xfffe0000 flags=0x0050]\n' | iommutool --json fault
{
  "schema_version": 2,
  "faults": [
    {
      "line": 1,
      "type": "amdvi_event",
      "device": "0000:01:00.0",
      "domain": 14,
      "pasid": null,
      "address": "0xfffe0000",
      "event": {
        "event": 2,
        "name": "IO_PAGE_FAULT",
        "flags": "0x50",
        "flag_names": "PR PE",
        "meaning": "a DMA request found no translation, or one without the permission it needed (the flags say which)",
        "causes": "DMA to an address the driver never mapped or already unmapped (use after unmap), a device writing a read-only mapping, a device without a domain (blocked)"
      },
      "format": "device named before AMD-Vi: (5.0+)"
    }
  ]
}
[exit 1]
$ printf 'amdvi\ndte 00:04.0 mode=3 domain=5\nmap 00:04.0 0x10000000 0x2000000 8K perm=r\ndte 00:05.0 mode=7\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage d img) && printf 'AMD-Vi: Event logged [IO_PAGE_FAULT device=0000:00:04.0 domain=0x0005 address=0x10002000 flags=0x0000]\nAMD-Vi: Event logged [IO_PAGE_FAULT device=0000:00:04.0 domain=0x0005 address=0x10000000 flags=0x0070]\nAMD-Vi: Event logged [IO_PAGE_FAULT device=0000:00:04.0 domain=0x0005 address=0x10001000 flags=0x0000]\nAMD-Vi: Event logged [IO_PAGE_FAULT device=0000:00:04.0 domain=0x0005 address=0x10001000 flags=0x0020]\nAMD-Vi: Event logged [ILLEGAL_DEV_TABLE_ENTRY device=0000:00:05.0 pasid=0x00000 address=0x1000 flags=0x0080]\n' | iommutool fault --dump img --dev-table $r; printf 'AMD-Vi: Event logged [IO_PAGE_FAULT device=0000:00:04.0 domain=0x0005 address=0x10000000 flags=0x0070]\n' | iommutool -v fault --dump img --dev-table $r
AMD-Vi read from 0000:00:04.0, domain 0x5, address 0x10002000
  event 2 IO_PAGE_FAULT flags 0x0000: a DMA request found no translation, or one without the permission it needed (the flags say which)
  in the dump: 0x10002000: event 2 IO_PAGE_FAULT flags 0x0000
  host level 1 entry 0x0000000000000000 (table 0x113000) is not present
  verdict: same
AMD-Vi write from 0000:00:04.0, domain 0x5, address 0x10000000
  event 2 IO_PAGE_FAULT flags 0x0070 (PR RW PE): a DMA request found no translation, or one without the permission it needed (the flags say which)
  in the dump: 0x10000000: event 2 IO_PAGE_FAULT flags 0x0070 (PR RW PE)
  host level 1 entry 0x2000000002000001 grants read only
  verdict: same
AMD-Vi read from 0000:00:04.0, domain 0x5, address 0x10001000
  event 2 IO_PAGE_FAULT flags 0x0000: a DMA request found no translation, or one without the permission it needed (the flags say which)
  in the dump: 0x10001000 -> 0x2001000  4K page, r-, domain 5
  verdict: translates (mapped after the fault, or the IOTLB held a stale entry)
AMD-Vi write from 0000:00:04.0, domain 0x5, address 0x10001000
  event 2 IO_PAGE_FAULT flags 0x0020 (RW): a DMA request found no translation, or one without the permission it needed (the flags say which)
  in the dump: 0x10001000: event 2 IO_PAGE_FAULT flags 0x0070 (PR RW PE)
  host level 1 entry 0x2000000002001001 grants read only
  verdict: different (the tables changed between the fault and the dump?)
AMD-Vi read from 0000:00:05.0, PASID 0x0, address 0x1000
  event 1 ILLEGAL_DEV_TABLE_ENTRY flags 0x0080 (RZ): the device table entry has reserved bits set or an invalid encoding
  in the dump: 0x1000: event 1 ILLEGAL_DEV_TABLE_ENTRY flags 0x0080 (RZ)
  DTE Mode 7 is reserved
  verdict: same
AMD-Vi write from 0000:00:04.0, domain 0x5, address 0x10000000  (line 1)
  event 2 IO_PAGE_FAULT flags 0x0070 (PR RW PE)
  meaning: a DMA request found no translation, or one without the permission it needed (the flags say which)
  likely causes: DMA to an address the driver never mapped or already unmapped (use after unmap), a device writing a read-only mapping, a device without a domain (blocked)
  log format: device=SSSS:BB:DD.F (5.19+)
  in the dump: 0x10000000: event 2 IO_PAGE_FAULT flags 0x0070 (PR RW PE)
  event record: 0x2070000500000020 0x0000000010000000
  host level 1 entry 0x2000000002000001 grants read only
  device table entry: 0x6000000000111603 0x0000000000000005 0x0000000000000000 0x0000000000000000
  host level 3 entry: 0x6000000000112401
  host level 2 entry: 0x6000000000113201
  host level 1 entry: 0x2000000002000001
  verdict: same
[exit 1]
$ printf 'AMD-Vi: Event logged [IO_PAGE_FAULT device=zz domain=0x0005]\nAMD-Vi: Event logged [NOT_AN_EVENT device=0000:00:04.0]\nAMD-Vi: Event logged IO_PAGE_FAULT\nEvent logged [IO_PAGE_FAULT device=0000:00:04.0 domain=0x0005 address=0x1000 flags=0x0000]\n' | iommutool fault
AMD-Vi, domain 0x5
  event 2 IO_PAGE_FAULT: a DMA request found no translation, or one without the permission it needed (the flags say which)
[exit 1]
