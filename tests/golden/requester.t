# One requester resolution (lib/acpi/requester.c) behind devices, translate and walk.  First
# an IORT with two SMMUs on some requesters' way (tests/sysroots/arm-chained.desc,
# iort-chained.dat): bus 0 -> SMMUv3 0x9060000 (StreamID = RID) -> SMMUv3 0x9050000 (RID +
# 0x80); bus 1 -> SMMUv2 0x9070000 -> SMMUv3 0x9050000 (RID - 0x100 + 0x40); bus 2 -> SMMUv3
# 0x9050000 (RID - 0x200 + 0x20).  A device's unit is the first SMMU on its way, as Linux's
# iort_iommu_configure_id() takes it (iort_node_map_id with IORT_IOMMU_TYPE stops there), and
# its StreamID the ID there: devices; translate agreeing with it (00:01.0 is StreamID 0x8 of
# the SMMUv3 at 0x9060000, 02:00.0 StreamID 0x20 of the one at 0x9050000); translate refusing
# 00:01.0 through the SMMUv3 behind (its ID 0x88 there comes from the SMMUv3 in front) and
# 01:00.0 through any SMMUv3 (the SMMUv2 is its unit), --sid still asking; walk naming for each
# StreamID only the requesters the unit serves with it.  Then VT-d on intel-enabled.desc
# (dmar.dat): 00:02.0 is DRHD 0xfed90000's, so dmar1's registers refuse it; 00:1f.6 is the
# INCLUDE_PCI_ALL dmar1's; 00:03.0 is no function of the snapshot.
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-chained.desc $TMP/r && iommutool --sysroot $TMP/r devices -o device,unit,firmware_unit,firmware_id
DEVICE        UNIT                      FIRMWARE                  FW ID
0000:00:00.0  smmu3.0x0000000009060000  smmu3.0x0000000009060000  0x0000
0000:00:01.0  smmu3.0x0000000009060000  smmu3.0x0000000009060000  0x0008
0000:00:02.0  smmu3.0x0000000009060000  smmu3.0x0000000009060000  0x0010
0000:00:03.0  smmu3.0x0000000009060000  smmu3.0x0000000009060000  0x0018
0000:01:00.0  smmu.0x0000000009070000   smmu.0x0000000009070000   0x0000
0000:02:00.0  smmu3.0x0000000009050000  smmu3.0x0000000009050000  0x0020
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-chained.desc $TMP/r && printf 'smmuv3\nste 8 config=s1\ncd 8 asid=1\nmap 8 0x10000000 0x1000000 4K user\nste 0x88 config=s1\ncd 0x88 asid=2\nmap 0x88 0x10000000 0x2000000 4K user\nste 0x40 config=s1\ncd 0x40 asid=3\nmap 0x40 0x10000000 0x3000000 4K user\nste 0x20 config=s1\ncd 0x20 asid=4\nmap 0x20 0x10000000 0x4000000 4K user\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && for u in 9050000 9060000; do printf '%s\n' "# SMMUv3 unit at 0x$u" "SMMU_STRTAB_BASE ${s%,*}" "SMMU_STRTAB_BASE_CFG ${s#*,}" >regs-$u; done && iommutool --sysroot $TMP/r -v translate --dump img --registers regs-9060000 --device 00:01.0 10000000; iommutool --sysroot $TMP/r -v translate --dump img --registers regs-9050000 --device 02:00.0 10000000
requester 0000:00:01.0 is StreamID 0x8 of SMMUv3 @0xa0 (IORT)
dump img (raw, 1 range)
unit at 0x9060000
stream table 0x104000, linear, 2^8 StreamIDs
0x10000000 -> 0x1000000  4K page, rwu, asid 1
  stream table entry: 0x000000000010800b 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000
  context descriptor: 0x0001c205f5903510 0x0000000000109000 0x0000000000000000 0x0000000000ff04ff 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000
  stage 1 level 0 descriptor: 0x000000000010a003
  stage 1 level 1 descriptor: 0x000000000010b003
  stage 1 level 2 descriptor: 0x000000000010c003
  stage 1 level 3 descriptor: 0x0000000001000743
requester 0000:02:00.0 is StreamID 0x20 of SMMUv3 @0x48 (IORT)
dump img (raw, 1 range)
unit at 0x9050000
stream table 0x104000, linear, 2^8 StreamIDs
0x10000000 -> 0x4000000  4K page, rwu, asid 4
  stream table entry: 0x000000000011700b 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000
  context descriptor: 0x0004c205f5903510 0x0000000000118000 0x0000000000000000 0x0000000000ff04ff 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000
  stage 1 level 0 descriptor: 0x0000000000119003
  stage 1 level 1 descriptor: 0x000000000011a003
  stage 1 level 2 descriptor: 0x000000000011b003
  stage 1 level 3 descriptor: 0x0000000004000743
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-chained.desc $TMP/r && printf 'smmuv3\nste 8 config=s1\ncd 8 asid=1\nmap 8 0x10000000 0x1000000 4K user\nste 0x88 config=s1\ncd 0x88 asid=2\nmap 0x88 0x10000000 0x2000000 4K user\nste 0x40 config=s1\ncd 0x40 asid=3\nmap 0x40 0x10000000 0x3000000 4K user\nste 0x20 config=s1\ncd 0x20 asid=4\nmap 0x20 0x10000000 0x4000000 4K user\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && for u in 9050000 9060000; do printf '%s\n' "# SMMUv3 unit at 0x$u" "SMMU_STRTAB_BASE ${s%,*}" "SMMU_STRTAB_BASE_CFG ${s#*,}" >regs-$u; done && iommutool --sysroot $TMP/r translate --dump img --registers regs-9050000 --device 00:01.0 10000000; iommutool --sysroot $TMP/r translate --dump img --strtab $s --device 01:00.0 10000000; iommutool --sysroot $TMP/r translate --dump img --strtab $s --sid 0x40 10000000
0x10000000 -> 0x3000000  4K page, rwu, asid 3
! iommutool: the IORT names SMMUv3 @0xa0 (base 0x9060000) as the unit of 0000:00:01.0, not this one at 0x9050000 (give --sid to ask anyway)
! iommutool: the IORT names SMMUv1/v2 @0x10c (base 0x9070000) as the unit of 0000:01:00.0: an SMMUv1/v2 translates its DMA, not an SMMUv3 (give --sid to ask anyway)
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/arm-chained.desc $TMP/r && printf 'smmuv3\nste 8 config=s1\ncd 8 asid=1\nmap 8 0x10000000 0x1000000 4K user\nste 0x88 config=s1\ncd 0x88 asid=2\nmap 0x88 0x10000000 0x2000000 4K user\nste 0x40 config=s1\ncd 0x40 asid=3\nmap 0x40 0x10000000 0x3000000 4K user\nste 0x20 config=s1\ncd 0x20 asid=4\nmap 0x20 0x10000000 0x4000000 4K user\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && for u in 9050000 9060000; do printf '%s\n' "# SMMUv3 unit at 0x$u" "SMMU_STRTAB_BASE ${s%,*}" "SMMU_STRTAB_BASE_CFG ${s#*,}" >regs-$u; done && iommutool --sysroot $TMP/r walk --dump img --registers regs-9050000 --all; iommutool --sysroot $TMP/r walk --dump img --registers regs-9060000 --all
dump img (raw, 1 range)
unit at 0x9050000
stream table 0x104000, linear, 2^8 StreamIDs
STREAM  DEVICE        SSID  MODE     ASID  VMID  STAGE 1   STAGE 2  TABLE     STATUS  EVENT
   0x8  -                -  stage-1     1     -  4K/48b/4  -        0x109000  ok      -
  0x20  0000:02:00.0     -  stage-1     4     -  4K/48b/4  -        0x118000  ok      -
  0x40  0000:02:04.0     -  stage-1     3     -  4K/48b/4  -        0x113000  ok      -
  0x88  0000:02:0d.0     -  stage-1     2     -  4K/48b/4  -        0x10e000  ok      -
dump img (raw, 1 range)
unit at 0x9060000
stream table 0x104000, linear, 2^8 StreamIDs
STREAM  DEVICE        SSID  MODE     ASID  VMID  STAGE 1   STAGE 2  TABLE     STATUS  EVENT
   0x8  0000:00:01.0     -  stage-1     1     -  4K/48b/4  -        0x109000  ok      -
  0x20  0000:00:04.0     -  stage-1     4     -  4K/48b/4  -        0x118000  ok      -
  0x40  0000:00:08.0     -  stage-1     3     -  4K/48b/4  -        0x113000  ok      -
  0x88  0000:00:11.0     -  stage-1     2     -  4K/48b/4  -        0x10e000  ok      -
[exit 0]
$ tests/sysroots/make-sysroot.sh tests/sysroots/intel-enabled.desc $TMP/r && printf 'mode legacy\ndevice 00:02.0 did=5 aw=39\nmap 00:02.0 0x10000000 0x2000000 4K\ndevice 00:1f.6 did=6 aw=39\nmap 00:1f.6 0x10000000 0x3000000 4K\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage d img) && printf 'IOMMU: dmar1 Register Base Address: fed91000\nRTADDR_REG\t0x20\t\t0x%016x\n' $rt >regs && iommutool --sysroot $TMP/r translate --dump img --registers regs --device 00:02.0 10000000; iommutool --sysroot $TMP/r translate --dump img --registers regs --device 00:1f.6 10000000; iommutool --sysroot $TMP/r translate --dump img --registers regs --device 00:03.0 10000000
0x10000000 -> 0x3000000  4K page, rw, domain 6
0x10000000: fault 0x02 LCT.2: Present bit in context entry is clear
  context entry 24 (03.0) is not present
! iommutool: the DMAR names DRHD @0x30 (base 0xfed90000) as the unit of 0000:00:02.0, not this one at 0xfed91000
! iommutool: 0000:00:03.0 is no PCI function of the sysroot: which DRHD serves it is unknown
[exit 1]
