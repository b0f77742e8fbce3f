# iommutool fault on arm-smmu-v3 event lines: the raw record every kernel prints ("event 0x..
# received:" and four words, tab or spaces, with and without timestamps), the decoded lines
# since 6.14 (alone, and after the words), every class and stage, -v, JSON, and the walk of
# the logged request through an image built by tests/tools/mkimage; an unknown event number;
# lines that only look like events (a cut record, words of another width, an unknown name).
$ printf '[  131.474962] arm-smmu-v3 fc900000.iommu: event 0x10 received:\n[  131.475699] arm-smmu-v3 fc900000.iommu: \t0x0000210000000010\n[  131.476205] arm-smmu-v3 fc900000.iommu: \t0x0000020000000000\n[  131.476767] arm-smmu-v3 fc900000.iommu: \t0x0000000000001000\n[  131.477597] arm-smmu-v3 fc900000.iommu: \t0x0000000000000000\n' | iommutool fault
SMMUv3 write from StreamID 0x2100, address 0x1000
  event 0x10 F_TRANSLATION (stage 1, input address): no valid translation: a descriptor is invalid, or the address is outside the tables' range
[exit 1]
$ printf 'arm-smmu-v3 arm-smmu-v3.0.auto: event 0x13 received:\narm-smmu-v3 arm-smmu-v3.0.auto:      0x0000000100000013\narm-smmu-v3 arm-smmu-v3.0.auto:      0x0000028000000000\narm-smmu-v3 arm-smmu-v3.0.auto:      0x0000008000000000\narm-smmu-v3 arm-smmu-v3.0.auto:      0x0000008000000000\nr8169 0000:03:00.0 enp3s0: Link is Down\narm-smmu-v3 arm-smmu-v3.0.auto: event 0x04 received:\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000b00000004\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\narm-smmu-v3 arm-smmu-v3.0.auto: event 0x09 received:\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000800000009\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000108000\narm-smmu-v3 arm-smmu-v3.0.auto: event 0x08 received:\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000800001808\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\narm-smmu-v3 arm-smmu-v3.0.auto: event 0x10 received:\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000200000010\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000008800000000\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000001000\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x000000000010a000\n' | iommutool -v fault
SMMUv3 write from StreamID 0x1, address 0x8000000000  (line 1)
  event 0x13 F_PERMISSION (stage 2, input address, IPA 0x8000000000)
  meaning: the descriptors do not permit the access (read, write, privilege, or an instruction fetch)
  likely causes: a device writing a buffer mapped read-only (DMA_TO_DEVICE), privileged access to user pages
  log format: raw record (event 0x.. received:)
  record: 0x0000000100000013 0x0000028000000000 0x0000008000000000 0x0000008000000000
SMMUv3 from StreamID 0xb  (line 7)
  event 0x04 C_BAD_STE
  meaning: the stream table entry is not valid, or its configuration is illegal
  likely causes: a device detached (the kernel clears the STE), a StreamID without a driver, an STE the kernel is rewriting
  log format: raw record (event 0x.. received:)
  record: 0x0000000b00000004 0x0000000000000000 0x0000000000000000 0x0000000000000000
SMMUv3 from StreamID 0x8  (line 12)
  event 0x09 F_CD_FETCH (fetching 0x108000)
  meaning: an external abort fetching the context descriptor
  likely causes: a CD table in memory the SMMU cannot reach
  log format: raw record (event 0x.. received:)
  record: 0x0000000800000009 0x0000000000000000 0x0000000000000000 0x0000000000108000
SMMUv3 from StreamID 0x8, SSID 1  (line 17)
  event 0x08 C_BAD_SUBSTREAMID
  meaning: the SubstreamID is beyond the STE's context descriptors, substreams are disabled, or its level 1 CD is not valid
  likely causes: a device using a PASID the kernel has not bound (or has unbound)
  log format: raw record (event 0x.. received:)
  record: 0x0000000800001808 0x0000000000000000 0x0000000000000000 0x0000000000000000
SMMUv3 read from StreamID 0x2, address 0x1000  (line 22)
  event 0x10 F_TRANSLATION (stage 2, CD fetch, IPA 0x10a000)
  meaning: no valid translation: a descriptor is invalid, or the address is outside the tables' range
  likely causes: DMA to an address the driver never mapped or already unmapped (use after unmap), a device with stale addresses after a reset
  log format: raw record (event 0x.. received:)
  record: 0x0000000200000010 0x0000008800000000 0x0000000000001000 0x000000000010a000
[exit 1]
$ printf '[  106.585811] arm-smmu-v3 fc900000.iommu: event 0x10 received:\n[  106.586349] arm-smmu-v3 fc900000.iommu:      0x0000010000000010\n[  106.586846] arm-smmu-v3 fc900000.iommu:      0x0000020000000000\n[  106.587341] arm-smmu-v3 fc900000.iommu:      0x000000090000f040\n[  106.587841] arm-smmu-v3 fc900000.iommu:      0x0000000000000000\n[  106.588335] arm-smmu-v3 fc900000.iommu: event: F_TRANSLATION client: 0000:01:00.0 sid: 0x100 ssid: 0x0 iova: 0x90000f040 ipa: 0x0\n[  106.589383] arm-smmu-v3 fc900000.iommu: unpriv data write s1 "Input address caused fault" stag: 0x0\n[  107.000001] arm-smmu-v3 490d0000.iommu: event: F_PERMISSION client: 0000:01:00.0 sid: 0x11 ssid: 0x3 iova: 0x9b0cc000 ipa: 0x40000000\n[  107.000002] arm-smmu-v3 490d0000.iommu: priv data read s2 "Stage 1 translation table fetch" stag: 0x0 r8169 0000:03:00.0\n' | iommutool -v fault
SMMUv3 write from StreamID 0x100 (0000:01:00.0), address 0x90000f040  (line 1)
  event 0x10 F_TRANSLATION (stage 1, input address)
  meaning: no valid translation: a descriptor is invalid, or the address is outside the tables' range
  likely causes: DMA to an address the driver never mapped or already unmapped (use after unmap), a device with stale addresses after a reset
  log format: raw record and decoded lines (6.14+)
  record: 0x0000010000000010 0x0000020000000000 0x000000090000f040 0x0000000000000000
SMMUv3 read from StreamID 0x11 (0000:01:00.0), SSID 3, address 0x9b0cc000, privileged  (line 8)
  event 0x13 F_PERMISSION (stage 2, stage 1 table fetch, IPA 0x40000000)
  meaning: the descriptors do not permit the access (read, write, privilege, or an instruction fetch)
  likely causes: a device writing a buffer mapped read-only (DMA_TO_DEVICE), privileged access to user pages
  log format: decoded lines (6.14+)
  record: 0x0000001100003813 0x0000018a00000000 0x000000009b0cc000 0x0000000040000000
[exit 1]
$ printf 'arm-smmu-v3 arm-smmu-v3.0.auto: event 0x10 received:\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000800000010\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000020800000000\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000010002000\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\n' | iommutool --json fault
{
  "schema_version": 2,
  "faults": [
    {
      "line": 1,
      "type": "smmuv3_event",
      "sid": "0x8",
      "client": null,
      "ssid": null,
      "iova": "0x10002000",
      "privileged": false,
      "event": {
        "event": 16,
        "name": "F_TRANSLATION",
        "stage": "stage 1",
        "class": "input address",
        "meaning": "no valid translation: a descriptor is invalid, or the address is outside the tables' range",
        "causes": "DMA to an address the driver never mapped or already unmapped (use after unmap), a device with stale addresses after a reset"
      },
      "format": "raw record (event 0x.. received:)",
      "record": [
        "0x800000010",
        "0x20800000000",
        "0x10002000",
        "0x0"
      ]
    }
  ]
}
[exit 1]
$ printf 'smmuv3\nste 8 config=s1\ncd 8 asid=3 r\nmap 8 0x10000000 0x2000000 8K user\nste 11 invalid\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && printf 'arm-smmu-v3 arm-smmu-v3.0.auto: event: F_TRANSLATION client: 0000:00:01.0 sid: 0x8 ssid: 0x0 iova: 0x10002000 ipa: 0x0\narm-smmu-v3 arm-smmu-v3.0.auto: unpriv data read s1 "Input address caused fault" stag: 0x0\narm-smmu-v3 arm-smmu-v3.0.auto: event: F_TRANSLATION client: 0000:00:01.0 sid: 0x8 ssid: 0x0 iova: 0x10001000 ipa: 0x0\narm-smmu-v3 arm-smmu-v3.0.auto: unpriv data write s1 "Input address caused fault" stag: 0x0\narm-smmu-v3 arm-smmu-v3.0.auto: event: F_PERMISSION client: 0000:00:01.0 sid: 0x8 ssid: 0x0 iova: 0x10000000 ipa: 0x0\narm-smmu-v3 arm-smmu-v3.0.auto: unpriv data write s1 "Input address caused fault" stag: 0x0\narm-smmu-v3 arm-smmu-v3.0.auto: event 0x04 received:\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000b00000004\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\n' | iommutool fault --dump img --strtab $s
SMMUv3 read from StreamID 0x8 (0000:00:01.0), address 0x10002000
  event 0x10 F_TRANSLATION (stage 1, input address): no valid translation: a descriptor is invalid, or the address is outside the tables' range
  in the dump: 0x10002000: event 0x10 F_TRANSLATION (stage 1, input address)
  stage 1 level 3 descriptor 0x0000000000000000 (table 0x10c000) is not valid
  verdict: same
SMMUv3 write from StreamID 0x8 (0000:00:01.0), address 0x10001000
  event 0x10 F_TRANSLATION (stage 1, input address): no valid translation: a descriptor is invalid, or the address is outside the tables' range
  in the dump: 0x10001000 -> 0x2001000  4K page, rwu, asid 3
  verdict: translates (mapped after the fault, or the IOTLB held a stale entry)
SMMUv3 write from StreamID 0x8 (0000:00:01.0), address 0x10000000
  event 0x13 F_PERMISSION (stage 1, input address): the descriptors do not permit the access (read, write, privilege, or an instruction fetch)
  in the dump: 0x10000000 -> 0x2000000  4K page, rwu, asid 3
  verdict: translates (mapped after the fault, or the IOTLB held a stale entry)
SMMUv3 from StreamID 0xb
  event 0x04 C_BAD_STE: the stream table entry is not valid, or its configuration is illegal
  in the dump: 0x0: event 0x04 C_BAD_STE
  the STE is not valid (V clear)
  verdict: same
[exit 1]
$ printf 'arm-smmu-v3 arm-smmu-v3.0.auto: event 0x10 received:\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000800000011\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000020800000000\narm-smmu-v3 arm-smmu-v3.0.auto: event 0xff received:\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x00000008000000ff\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0\narm-smmu-v3 arm-smmu-v3.0.auto: event 0xff received:\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x00000008000000ff\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\narm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000\narm-smmu-v3 arm-smmu-v3.0.auto: event: F_NOTHING client: x sid: 0x8\n' | iommutool fault
SMMUv3 from StreamID 0x8
  event 0xff (not architected)
[exit 1]
