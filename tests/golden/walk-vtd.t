# iommutool walk on images built by tests/tools/mkimage: address spaces, mappings, reverse
# look-up, the kernel's debugfs formats, structures the hardware would refuse, missing pages.
$ printf 'mode legacy\ndevice 00:04.0 did=5 aw=39\nmap 00:04.0 0x10000000 0x2000000 16K\nmap 00:04.0 0x10004000 0x3000000 4K perm=r\nmap 00:04.0 0x40000000 0x80000000 1G page=1G perm=w\ndevice 00:05.0 did=6 aw=48 tt=2\ndevice 00:06.0 aw=39 tt=3\ndevice 01:00.0 aw=39 fpd\nmap 01:00.0 0x200000 0x2200000 2M page=2M\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage d img) && iommutool walk --dump img --rtaddr $rt; iommutool walk --dump img --rtaddr $rt --mappings; iommutool walk --dump img --rtaddr $rt --mappings --device 00:04.0 --leaves; iommutool walk --dump img --rtaddr $rt --reverse 2201abc
dump img (raw, 1 range)
root table 0x100000, legacy mode
DEVICE        PASID  MODE          DOMAIN  LEVELS  TABLE     STATUS  REASON
0000:00:04.0      -  legacy             5  3       0x102000  ok      -
0000:00:05.0      -  pass-through       6  -       -         ok      -
0000:00:06.0      -  -                  1  -       -         fault   0x03
0000:01:00.0      -  legacy             1  3       0x108000  ok      -
0000:00:06.0: context entry 48: translation type 3 is reserved
DEVICE        PASID  IOVA                              PHYS                           PAGE  PERM
0000:00:04.0      -  0x000010000000-0x000010003fff  -> 0x000002000000-0x000002003fff  4K    rw
0000:00:04.0      -  0x000010004000-0x000010004fff  -> 0x000003000000-0x000003000fff  4K    r-
0000:00:04.0      -  0x000040000000-0x00007fffffff  -> 0x000080000000-0x0000bfffffff  1G    -w
0000:01:00.0      -  0x000000200000-0x0000003fffff  -> 0x000002200000-0x0000023fffff  2M    rw
DEVICE        PASID  IOVA                              PHYS                           PAGE  PERM
0000:00:04.0      -  0x000010000000-0x000010000fff  -> 0x000002000000-0x000002000fff  4K    rw
0000:00:04.0      -  0x000010001000-0x000010001fff  -> 0x000002001000-0x000002001fff  4K    rw
0000:00:04.0      -  0x000010002000-0x000010002fff  -> 0x000002002000-0x000002002fff  4K    rw
0000:00:04.0      -  0x000010003000-0x000010003fff  -> 0x000002003000-0x000002003fff  4K    rw
0000:00:04.0      -  0x000010004000-0x000010004fff  -> 0x000003000000-0x000003000fff  4K    r-
0000:00:04.0      -  0x000040000000-0x00007fffffff  -> 0x000080000000-0x0000bfffffff  1G    -w
page 0x2201000 is reached by:
DEVICE        PASID  IOVA                              PHYS                           PAGE  PERM
0000:01:00.0      -  0x000000201000-0x000000201fff  -> 0x000002201000-0x000002201fff  2M    rw
[exit 0]
$ printf 'mode legacy\ndevice 00:04.0 did=5 aw=39\nmap 00:04.0 0x10000000 0x2000000 8K\nmap 00:04.0 0x200000 0x400000 2M page=2M\ndevice 00:05.0 did=6 aw=48\nmap 00:05.0 0x7f0000000000 0x5000000 4K\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage d img) && iommutool walk --dump img --rtaddr $rt --format=debugfs; iommutool walk --dump img --rtaddr $rt --mappings --format debugfs
IOMMU dmar0: Root Table Address: 0x100000
B.D.F	Root_entry				Context_entry				PASID	PASID_table_entry
00:04.0	0x0000000000000000:0x0000000000101001	0x0000000000000501:0x0000000000102001	-1    	0x0000000000000000:0x0000000000000000:0x0000000000000000
00:05.0	0x0000000000000000:0x0000000000101001	0x0000000000000602:0x0000000000105001	-1    	0x0000000000000000:0x0000000000000000:0x0000000000000000

Device 0000:00:04.0 @0x102000
IOVA_PFN         	PML5E             	PML4E             	PDPE              	PDE               	PTE
0x0000000000200 |	0x0000000000000000	0x0000000000000000	0x0000000000103003	0x0000000000400083
0x0000000010000 |	0x0000000000000000	0x0000000000000000	0x0000000000103003	0x0000000000104003	0x0000000002000003
0x0000000010001 |	0x0000000000000000	0x0000000000000000	0x0000000000103003	0x0000000000104003	0x0000000002001003

Device 0000:00:05.0 @0x105000
IOVA_PFN         	PML5E             	PML4E             	PDPE              	PDE               	PTE
0x00007f0000000 |	0x0000000000000000	0x0000000000106003	0x0000000000107003	0x0000000000108003	0x0000000005000003

[exit 0]
$ printf 'mode scalable\ndevice 00:04.0 paside rid_pasid=2\npasid 00:04.0 2 pgtt=ss aw=48 did=3\nmap 00:04.0/2 0x1000 0x5000 8K\npasid 00:04.0 7 pgtt=fs levels=5 did=9\nmap 00:04.0/7 0xff00000000000000 0x6000000 4K user\npasid 00:04.0 8 pgtt=nested levels=4 aw=48 did=10\nmap 00:04.0/8 0x3000 0x40000000 4K perm=r user\nmap 00:04.0/8:ss 0x40000000 0x7000000 4K\npasid 00:04.0 9 pgtt=pt did=11\npasid 00:04.0 70 pgtt=5\ndevice 00:10.0 rid_pasid=0\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage d img) && iommutool walk --dump img --rtaddr $rt; iommutool walk --dump img --rtaddr $rt --mappings --pasid 8; iommutool walk --dump img --rtaddr $rt --format=debugfs; iommutool --json walk --dump img --rtaddr $rt --device 00:04.0 --pasid 7
dump img (raw, 1 range)
root table 0x100000, scalable mode
DEVICE        PASID  MODE          DOMAIN  LEVELS  TABLE     STATUS  REASON
0000:00:04.0      2  second-stage       3  4       0x104000  ok      -
0000:00:04.0      7  first-stage        9  5       0x108000  ok      -
0000:00:04.0      8  nested            10  4/4     0x10e000  ok      -
0000:00:04.0      9  pass-through      11  -       -         ok      -
0000:00:04.0     70  -                  1  -       -         fault   0x5b
0000:00:10.0      0  -                  -  -       -         fault   0x51
0000:00:04.0 PASID 70: PASID 70 entry: PGTT 5 is reserved
0000:00:10.0 PASID 0: PASID directory entry 0 (PASIDs 0-63) is not present
DEVICE        PASID  IOVA                              PHYS                           PAGE  PERM
0000:00:04.0      8  0x000000003000-0x000000003fff  -> 0x000007000000-0x000007000fff  4K    r-u
IOMMU dmar0: Root Table Address: 0x100000
B.D.F	Root_entry				Context_entry				PASID	PASID_table_entry
00:04.0	0x0000000000118001:0x0000000000101001	0x0000000000000002:0x0000000000102009	2     	0x0000000000000000:0x0000000000000003:0x0000000000104089
00:04.0	0x0000000000118001:0x0000000000101001	0x0000000000000002:0x0000000000102009	7     	0x0000000000108004:0x0000000000000009:0x0000000000000049
00:04.0	0x0000000000118001:0x0000000000101001	0x0000000000000002:0x0000000000102009	8     	0x000000000010e000:0x000000000000000a:0x000000000010d0c9
00:04.0	0x0000000000118001:0x0000000000101001	0x0000000000000002:0x0000000000102009	9     	0x0000000000000000:0x000000000000000b:0x0000000000000109
00:04.0	0x0000000000118001:0x0000000000101001	0x0000000000000002:0x0000000000102009	70    	0x0000000000000000:0x0000000000000001:0x0000000000000149

{
  "schema_version": 2,
  "dump": {
    "file": "img",
    "format": "raw",
    "ranges": 1
  },
  "unit": {
    "rtaddr": "0x100000",
    "mode": "scalable"
  },
  "spaces": [
    {
      "device": "0000:00:04.0",
      "pasid": 7,
      "mode": "first-stage",
      "domain": 9,
      "levels": "5",
      "table": "0x108000",
      "status": "ok",
      "fault_reason": null,
      "fpd": false,
      "detail": null,
      "note": null
    }
  ]
}
[exit 0]
$ printf 'mode legacy\ndevice 00:04.0 aw=48\nmap 00:04.0 0x10000000 0x2000000 8K\nmap 00:04.0 0x30000000 0x3000000 4K\ndrop table 00:04.0 0x10000000 1\ndevice 01:00.0 aw=48\ndrop page 0x107000\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage --elf d img) && iommutool walk --dump img --rtaddr $rt; iommutool walk --dump img --rtaddr $rt --mappings
dump img (elf, 3 ranges)
root table 0x100000, legacy mode
DEVICE        PASID  MODE    DOMAIN  LEVELS  TABLE     STATUS       REASON
0000:00:04.0      -  legacy       1  4       0x102000  ok           -
0000:01:00.0      -  -            -  -       -         not_in_dump  -
0000:01:00.0: the context table at 0x107000 is not in the dump
DEVICE        PASID  IOVA                              PHYS                           PAGE  PERM
0000:00:04.0      -  0x000010000000-0x0000101fffff  not in dump: the table at 0x105000 is missing
0000:00:04.0      -  0x000030000000-0x000030000fff  -> 0x000003000000-0x000003000fff  4K    rw
[exit 0]
$ printf 'mode legacy\ndevice 00:04.0 aw=48\nmap 00:04.0 0x10000000 0x2000000 8K\npoke entry 00:04.0 0x10000000 1 1 or 0x800\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage d img) && iommutool walk --dump img --rtaddr $rt --mappings; iommutool walk --dump img --rtaddr $rt --mappings --cap 0xc002f0600 --ecap 0
DEVICE        PASID  IOVA                              PHYS                           PAGE  PERM
0000:00:04.0      -  0x000010000000-0x000010001fff  -> 0x000002000000-0x000002001fff  4K    rw
DEVICE        PASID  IOVA                              PHYS                           PAGE  PERM
0000:00:04.0      -  0x000010000000-0x000010000fff  -> 0x000002000000-0x000002000fff  4K    rw
0000:00:04.0      -  0x000010001000-0x000010001fff  invalid: entry 0x0000000002001803 has reserved bits set
[exit 0]
$ head -c 4096 /dev/zero >$TMP/img && iommutool walk --dump $TMP/img --rtaddr 1000; iommutool walk --dump $TMP/img --interrupts; iommutool walk --dump $TMP/img --mappings --queue
dump $TMP/img (raw, 1 range)
root table 0x1000, legacy mode
! iommutool: the root table at 0x1000 is not in the dump
! iommutool: no interrupt remapping table pointer: give --irta VALUE, or --registers FILE with IRTA_REG
! iommutool walk: --mappings, --reverse, --interrupts and --queue do not combine
! Try `iommutool walk --help' or `iommutool walk --usage' for more information.
[exit 64]
$ head -c 4096 /dev/zero >$TMP/img && iommutool --json walk --dump $TMP/img --rtaddr 1000 --format=debugfs; iommutool walk --dump $TMP/img --rtaddr 1000 --leaves; iommutool walk --dump $TMP/img --rtaddr 1000 --format=xml
! iommutool: --format=debugfs prints the kernel's text; it does not combine with --json
! iommutool walk: --leaves goes with --mappings
! Try `iommutool walk --help' or `iommutool walk --usage' for more information.
! iommutool walk: --format takes text or debugfs, not 'xml'
! Try `iommutool walk --help' or `iommutool walk --usage' for more information.
[exit 64]
