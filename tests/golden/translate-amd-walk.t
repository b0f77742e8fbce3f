# iommutool walk on AMD-Vi images built by tests/tools/mkimage: every device table entry in use and
# each PASID of its GCR3 table with the event its entries raise, the DTE decoded (-v), mappings
# (host and guest tables, Next Level 7 pages, nested), the reverse look-up, and JSON; a DTE
# with IR and IW clear (0x3, what Linux writes for unused device ids) faults in walk as in translate.
$ printf 'amdvi\ndte 00:01.0 mode=0\ndte 00:02.0 notv\ndte 00:03.0 mode=7\ndte 00:04.0 mode=3 domain=5\nmap 00:04.0 0x10000000 0x2000000 16K perm=r\nmap 00:04.0 0x30000000 0x3000000 64K page=32K\nmap 00:04.0 0x40000000 0x40000000 1G page=1G perm=w\ndte 00:05.0 mode=0 gv domain=6\ngcr3 00:05.0 1\ngcr3 00:05.0 2\nmap 00:05.0/1 0x1000 0x100000 8K user\nmap 00:05.0/2 0x200000 0x400000 2M page=2M perm=r\ndte 00:06.0 mode=3 gv domain=7\ngcr3 00:06.0 3\nmap 00:06.0/3 0x1000 0x40000000 8K\nmap 00:06.0 0x40000000 0x2000000 4K\ndte 01:00.0 invalid\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage d img) && iommutool walk --dump img --dev-table $r; iommutool walk --dump img --dev-table $r --mappings; iommutool walk --dump img --dev-table $r --mappings --leaves -d 00:04.0; iommutool walk --dump img --dev-table $r -R 0x2001000; iommutool walk --dump img --dev-table $r -R 0x400000; iommutool walk --dump img --dev-table $r --sid 0x28 -p 2
dump img (raw, 1 range)
device table 0x101000, 2048 entries
DEVICE        PASID  MODE          DOMAIN  LEVELS  TABLE     STATUS  EVENT
0000:00:01.0      -  pass-through       1  -       -         ok      -
0000:00:02.0      -  -                  1  -       -         fault   IO_PAGE_FAULT 0x0000
0000:00:03.0      -  -                  1  -       -         fault   ILLEGAL_DEV_TABLE_ENTRY 0x0080
0000:00:04.0      -  v1                 5  3       0x112000  ok      -
0000:00:05.0      -  pass-through       6  -       -         ok      -
0000:00:05.0      1  v2                 6  4       0x117000  ok      -
0000:00:05.0      2  v2                 6  4       0x118000  ok      -
0000:00:06.0      -  v1                 7  3       0x11e000  ok      -
0000:00:06.0      3  nested             7  4/3     0x122000  ok      -
0000:00:02.0: the DTE's translation information is not valid (TV clear)
0000:00:03.0: DTE Mode 7 is reserved
DEVICE        PASID  IOVA                              PHYS                           PAGE  PERM
0000:00:04.0      -  0x000010000000-0x000010003fff  -> 0x000002000000-0x000002003fff  4K    r-
0000:00:04.0      -  0x000030000000-0x00003000ffff  -> 0x000003000000-0x00000300ffff  32K   rw
0000:00:04.0      -  0x000040000000-0x00007fffffff  -> 0x000040000000-0x00007fffffff  1G    -w
0000:00:05.0      1  0x000000001000-0x000000002fff  -> 0x000000100000-0x000000101fff  4K    rwu
0000:00:05.0      2  0x000000200000-0x0000003fffff  -> 0x000000400000-0x0000005fffff  2M    r-
0000:00:06.0      -  0x00000011f000-0x00000011ffff  -> 0x00000011f000-0x00000011ffff  4K    rw
0000:00:06.0      -  0x000000122000-0x000000125fff  -> 0x000000122000-0x000000125fff  4K    rw
0000:00:06.0      -  0x000040000000-0x000040000fff  -> 0x000002000000-0x000002000fff  4K    rw
0000:00:06.0      3  0x000000001000-0x000000001fff  -> 0x000002000000-0x000002000fff  4K    rw
DEVICE        PASID  IOVA                              PHYS                           PAGE  PERM
0000:00:04.0      -  0x000010000000-0x000010000fff  -> 0x000002000000-0x000002000fff  4K    r-
0000:00:04.0      -  0x000010001000-0x000010001fff  -> 0x000002001000-0x000002001fff  4K    r-
0000:00:04.0      -  0x000010002000-0x000010002fff  -> 0x000002002000-0x000002002fff  4K    r-
0000:00:04.0      -  0x000010003000-0x000010003fff  -> 0x000002003000-0x000002003fff  4K    r-
0000:00:04.0      -  0x000030000000-0x000030000fff  -> 0x000003000000-0x000003000fff  32K   rw
0000:00:04.0      -  0x000030001000-0x000030001fff  -> 0x000003001000-0x000003001fff  32K   rw
0000:00:04.0      -  0x000030002000-0x000030002fff  -> 0x000003002000-0x000003002fff  32K   rw
0000:00:04.0      -  0x000030003000-0x000030003fff  -> 0x000003003000-0x000003003fff  32K   rw
0000:00:04.0      -  0x000030004000-0x000030004fff  -> 0x000003004000-0x000003004fff  32K   rw
0000:00:04.0      -  0x000030005000-0x000030005fff  -> 0x000003005000-0x000003005fff  32K   rw
0000:00:04.0      -  0x000030006000-0x000030006fff  -> 0x000003006000-0x000003006fff  32K   rw
0000:00:04.0      -  0x000030007000-0x000030007fff  -> 0x000003007000-0x000003007fff  32K   rw
0000:00:04.0      -  0x000030008000-0x000030008fff  -> 0x000003008000-0x000003008fff  32K   rw
0000:00:04.0      -  0x000030009000-0x000030009fff  -> 0x000003009000-0x000003009fff  32K   rw
0000:00:04.0      -  0x00003000a000-0x00003000afff  -> 0x00000300a000-0x00000300afff  32K   rw
0000:00:04.0      -  0x00003000b000-0x00003000bfff  -> 0x00000300b000-0x00000300bfff  32K   rw
0000:00:04.0      -  0x00003000c000-0x00003000cfff  -> 0x00000300c000-0x00000300cfff  32K   rw
0000:00:04.0      -  0x00003000d000-0x00003000dfff  -> 0x00000300d000-0x00000300dfff  32K   rw
0000:00:04.0      -  0x00003000e000-0x00003000efff  -> 0x00000300e000-0x00000300efff  32K   rw
0000:00:04.0      -  0x00003000f000-0x00003000ffff  -> 0x00000300f000-0x00000300ffff  32K   rw
0000:00:04.0      -  0x000040000000-0x00007fffffff  -> 0x000040000000-0x00007fffffff  1G    -w
page 0x2001000 is reached by:
DEVICE        PASID  IOVA                              PHYS                           PAGE  PERM
0000:00:04.0      -  0x000010001000-0x000010001fff  -> 0x000002001000-0x000002001fff  4K    r-
page 0x400000 is reached by:
DEVICE        PASID  IOVA                              PHYS                           PAGE  PERM
0000:00:05.0      2  0x000000200000-0x000000200fff  -> 0x000000400000-0x000000400fff  2M    r-
dump img (raw, 1 range)
device table 0x101000, 2048 entries
DEVICE        PASID  MODE  DOMAIN  LEVELS  TABLE     STATUS  EVENT
0000:00:05.0      2  v2         6  4       0x118000  ok      -
[exit 0]
$ printf 'amdvi\ndte 00:04.0 mode=3 domain=5 sa\nmap 00:04.0 0x10000000 0x2000000 8K perm=r\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage d img) && iommutool -v walk --dump img --dev-table $r -d 00:04.0; iommutool --json walk --dump img --dev-table $r; iommutool --json walk --dump img --dev-table $r --mappings
dump img (raw, 1 range)
device table 0x101000, 2048 entries
DEVICE        PASID  MODE  DOMAIN  LEVELS  TABLE     STATUS  EVENT
0000:00:04.0      -  v1         5  3       0x111000  ok      -
Device Table Entry  [0x000, 32 bytes]
  [0x000]      DTE[63:0]                      : 0x6000000000111603
    bit 0      Valid (V)                      : yes
    bit 1      Translation information valid (TV) : yes
    bits 8-7   Host access/dirty update (HAD) : 0
    bits 11-9  Host page table levels (Mode)  : 3 (3 levels)
    bits 51-12 Host page table root >> 12     : 0x0000000111
    bit 52     Peripheral page requests (PPR) : no
    bit 53     Guest PPR response with PASID (GPRP) : no
    bit 54     Guest I/O protection: PASID 0 for untagged requests (GIoV) : no
    bit 55     Guest translation valid (GV)   : no
    bits 57-56 GCR3 table levels (GLX)        : 0 (1-level GCR3 table)
    bits 60-58 GCR3 table root bits 14:12     : 0
    bit 61     Read permission (IR)           : yes
    bit 62     Write permission (IW)          : yes
  [0x008]      DTE[127:64]                    : 0x0000000400000005
    bits 15-0  Domain ID                      : 0x0005
    bits 31-16 GCR3 table root bits 30:15     : 0x0000
    bit 32     IOTLB enable (I)               : no
    bit 33     Suppress repeated I/O page faults (SE) : no
    bit 34     Suppress all I/O page faults (SA) : yes
    bits 36-35 Port I/O (IoCtl)               : 0 (port I/O aborted)
    bit 37     IOTLB cache hint (Cache)       : no
    bit 38     Snoop disable (SD)             : no
    bit 39     Exclusion range allowed (EX)   : no
    bits 41-40 System management messages (SysMgt) : 0 (target abort)
    bits 63-43 GCR3 table root bits 51:31     : 0x000000
  [0x010]      DTE[191:128]                   : 0x0000000000000000
    bit 0      Interrupt map valid (IV)       : no
    bits 4-1   Interrupt table length (IntTabLen) : 0 (1 entry)
    bit 5      Ignore unmapped interrupts (IG) : no
    bits 51-6  Interrupt table root >> 6      : 0x000000000000
    bits 55-54 Guest paging mode              : 0 (4-level guest tables)
    bit 56     INIT passed through (InitPass) : no
    bit 57     ExtInt passed through (EIntPass) : no
    bit 58     NMI passed through (NMIPass)   : no
    bits 61-60 Interrupt control (IntCtl)     : 0 (fixed/arbitrated aborted)
    bit 62     LINT0 passed through (Lint0Pass) : no
    bit 63     LINT1 passed through (Lint1Pass) : no
  [0x018]      DTE[255:192]                   : 0x0000000000000000
    bit 54     Attribute override (AttrV)     : no
    bit 55     Mode 0 force coherent (Mode0FC) : no
    bits 63-56 Snoop attribute                : 0
{
  "schema_version": 2,
  "dump": {
    "file": "img",
    "format": "raw",
    "ranges": 1
  },
  "unit": {
    "dev_table": "0x101000",
    "entries": 2048
  },
  "devices": [
    {
      "device": "0000:00:04.0",
      "pasid": null,
      "mode": "v1",
      "domain": 5,
      "levels": "3",
      "table": "0x111000",
      "status": "ok",
      "event": null,
      "detail": null
    }
  ],
  "not_listed": 0
}
{
  "schema_version": 2,
  "mappings": [
    {
      "device": "0000:00:04.0",
      "pasid": null,
      "iova": "0x10000000",
      "iova_end": "0x10001fff",
      "size": "0x2000",
      "kind": "mapped",
      "phys": "0x2000000",
      "phys_end": "0x2001fff",
      "page_size": 4096,
      "leaves": 2,
      "perm": "r-"
    }
  ]
}
[exit 0]
$ printf 'amdvi\ndte 00:04.0 mode=3 domain=5\nmap 00:04.0 0x10000000 0x2000000 8K\nmap 00:04.0 0x40000000 0x3000000 4K\ndrop table 00:04.0 0x40000000 1\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage --elf d img) && iommutool walk --dump img --dev-table $r --mappings; iommutool walk --dump img --dev-table 0x40000000
DEVICE        PASID  IOVA                              PHYS                           PAGE  PERM
0000:00:04.0      -  0x000010000000-0x000010001fff  -> 0x000002000000-0x000002001fff  4K    rw
0000:00:04.0      -  0x000040000000-0x0000401fffff  not in dump: the table at 0x115000 is missing
dump img (elf, 1 range)
device table 0x40000000, 128 entries
! iommutool: the device table at 0x40000000 is not in the dump
[exit 1]
$ printf 'amdvi\ndte 00:01.0 mode=0 perm=none\ndte 00:02.0 mode=3 perm=none domain=4\nmap 00:02.0 0x1000 0x100000 4K\ndte 00:03.0 mode=0 perm=r\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage d img) && iommutool walk --dump img --dev-table $r; iommutool walk --dump img --dev-table $r --all | tail -n +3; iommutool walk --dump img --dev-table $r -d 00:02.0 | tail -n +3; iommutool walk --dump img --dev-table $r --mappings; iommutool translate --dump img --dev-table $r -d 00:01.0 0x1000; iommutool translate --dump img --dev-table $r -d 00:02.0 --write 0x1000
dump img (raw, 1 range)
device table 0x101000, 2048 entries
DEVICE        PASID  MODE          DOMAIN  LEVELS  TABLE  STATUS  EVENT
0000:00:03.0      -  pass-through       1  -       -      ok      -
2 more device table entries grant neither read nor write (IR/IW clear: device ids not in use); --all lists them
DEVICE        PASID  MODE          DOMAIN  LEVELS  TABLE  STATUS  EVENT
0000:00:01.0      -  -                  1  -       -      fault   IO_PAGE_FAULT 0x0050
0000:00:02.0      -  -                  4  -       -      fault   IO_PAGE_FAULT 0x0050
0000:00:03.0      -  pass-through       1  -       -      ok      -
0000:00:01.0: the DTE grants neither read nor write (IR/IW)
0000:00:02.0: the DTE grants neither read nor write (IR/IW)
DEVICE        PASID  MODE  DOMAIN  LEVELS  TABLE  STATUS  EVENT
0000:00:02.0      -  -          4  -       -      fault   IO_PAGE_FAULT 0x0050
0000:00:02.0: the DTE grants neither read nor write (IR/IW)
DEVICE        PASID  IOVA                              PHYS                           PAGE  PERM
no mappings
0x1000: event 2 IO_PAGE_FAULT flags 0x0050 (PR PE)
  the DTE grants neither read nor write (IR/IW)
0x1000: event 2 IO_PAGE_FAULT flags 0x0070 (PR RW PE)
  the DTE grants neither read nor write (IR/IW)
[exit 1]
