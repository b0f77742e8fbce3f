# iommutool scan on images built by tests/tools/mkimage: a VT-d root table (legacy, scalable),
# SMMUv3 stream tables (linear, 2-level with its level 2 tables), an AMD-Vi device table; the
# evidence (-v), weak candidates (--all), --limit, JSON, an image without tables, bad options;
# a kdump-compressed dump with 64 KiB pages, as QEMU writes arm64 dumps (tests/tools/mkdiskdump).
$ printf 'mode legacy\ndevice 00:02.0 did=1 aw=48\nmap 00:02.0 0x100000 0x200000 64K\ndevice 00:03.0 did=2 aw=48\nmap 00:03.0 0x40000000 0x80000000 1G page=1G\ndevice 03:00.0 did=3 aw=39\nmap 03:00.0 0x0 0x400000 4M page=2M perm=r\n' >$TMP/d && cd $TMP && $TOOLS/mkimage d img && iommutool scan --dump img
0x100000
dump img (raw, 1 range)
4096 pages scanned, 1 candidates
RANK  KIND             TABLE           SCORE  FORMAT        ENTRIES  DOMAINS  TABLES  USE
   1  vtd-root         0x100000          147  legacy              3        3       3  --rtaddr 0x100000
best: vtd-root at 0x100000 (--rtaddr 0x100000)
  root table: 2 of 256 root entries present, the upper halves zero
  2 context tables with every entry well formed, 0 not
  3 present context entries: 3 accepted by the hardware's checks (3 translating), 0 refused, 0 blocked, 0 not in the dump
  3 domains (1, 2, 3)
  3 top-level page tables in the dump with well-formed entries, 0 not
[exit 0]
$ printf 'mode scalable\ndevice 00:02.0 rid_pasid=0 paside\npasid 00:02.0 0 did=4 pgtt=ss\nmap 00:02.0/0 0x100000 0x300000 16K\npasid 00:02.0 5 did=5 pgtt=fs\nmap 00:02.0/5 0x7000000 0x500000 8K\ndevice 00:10.0 rid_pasid=0\npasid 00:10.0 0 did=7 pgtt=ss\nmap 00:10.0/0 0x2000 0x600000 4K\n' >$TMP/d && cd $TMP && $TOOLS/mkimage --elf d img && iommutool -v scan --dump img
0x100400
dump img (elf, 1 range)
19 pages scanned, 1 candidates
RANK  KIND             TABLE           SCORE  FORMAT        ENTRIES  DOMAINS  TABLES  USE
   1  vtd-root         0x100000          147  scalable            3        3       3  --rtaddr 0x100400
  root table: 2 of 512 scalable-mode root entry halves present
  2 context tables with every entry well formed, 0 not
  3 present context and PASID entries: 3 accepted by the hardware's checks (3 translating), 0 refused, 0 blocked, 0 not in the dump
  3 domains (4, 5, 7)
  3 top-level page tables in the dump with well-formed entries, 0 not
[exit 0]
$ printf 'smmuv3 strtab=linear log2size=8\nste 8 config=s1\ncd 8 asid=3\nmap 8 0x10000000 0x2000000 8K user\nste 9 config=s2 ias=40 s2start=1 vmid=4\nmap 9:s2 0x1000 0x500000 16K\nste 10 config=bypass\nste 0x41 config=abort\n' >$TMP/d && cd $TMP && $TOOLS/mkimage d img && iommutool scan --dump img
0x104000,0x8
dump img (raw, 1 range)
4096 pages scanned, 1 candidates
RANK  KIND             TABLE           SCORE  FORMAT        ENTRIES  DOMAINS  TABLES  USE
   1  smmuv3-strtab    0x104000           96  linear              4        2       2  --strtab 0x104000,0x7
best: smmuv3-strtab at 0x104000 (--strtab 0x104000,0x7)
  linear stream table: 2 pages of STEs, 4 valid
  4 valid STEs and CDs: 3 accepted by the hardware's checks (2 translating), 0 refused, 1 blocked, 0 not in the dump
  2 domains (3, 4)
  2 top-level page tables in the dump with well-formed entries, 0 not
[exit 0]
$ printf 'smmuv3 strtab=2level log2size=16 split=8\nste 0x8 config=s1 cdmax=4 s1dss=ssid0\ncd 0x8/0 asid=1\ncd 0x8/3 asid=2 tg0=64k va=42\nmap 0x8/0 0x1000 0x300000 4K user\nste 0x2300 config=nested vmid=8 ias=40 s2start=1\ncd 0x2300 asid=9\nmap 0x2300 0x1000 0x20000000 4K user\nmap 0x2300:s2 0x20000000 0x700000 4K\n' >$TMP/d && cd $TMP && $TOOLS/mkimage d img && iommutool -v scan --dump img; iommutool scan --dump img --all --limit 3
0x101000,0x10210
dump img (raw, 1 range)
4096 pages scanned, 1 candidates
RANK  KIND             TABLE           SCORE  FORMAT        ENTRIES  DOMAINS  TABLES  USE
   1  smmuv3-strtab    0x101000          128  2-level             3        3       2  --strtab 0x101000,0x1020e
  level 1 table: 2 descriptors in use (Span up to 9: SPLIT 8), the last for StreamIDs from 0x2300
  2 level 2 tables with every entry well formed, 0 not
  3 valid STEs and CDs: 3 accepted by the hardware's checks (3 translating), 0 refused, 0 blocked, 0 not in the dump
  3 domains (1, 2, 9)
  2 top-level page tables in the dump with well-formed entries, 0 not
dump img (raw, 1 range)
4096 pages scanned, 5 candidates
RANK  KIND             TABLE           SCORE  FORMAT        ENTRIES  DOMAINS  TABLES  USE
   1  smmuv3-strtab    0x101000          128  2-level             3        3       2  --strtab 0x101000,0x1020e
   2  smmuv3-strtab    0x104000           72  linear              2        2       1  --strtab 0x104000,0x6
   3  smmuv3-strtab    0x124000           46  linear              1        1       1  --strtab 0x124000,0x6
best: smmuv3-strtab at 0x101000 (--strtab 0x101000,0x1020e)
  level 1 table: 2 descriptors in use (Span up to 9: SPLIT 8), the last for StreamIDs from 0x2300
  2 level 2 tables with every entry well formed, 0 not
  3 valid STEs and CDs: 3 accepted by the hardware's checks (3 translating), 0 refused, 0 blocked, 0 not in the dump
  3 domains (1, 2, 9)
  2 top-level page tables in the dump with well-formed entries, 0 not
[exit 0]
$ printf 'amdvi pages=8\ndte 00:01.0 mode=0\ndte 00:04.0 mode=3 domain=5\nmap 00:04.0 0x10000000 0x2000000 16K perm=r\ndte 00:06.0 mode=0 gv domain=7\ngcr3 00:06.0 1\nmap 00:06.0/1 0x1000 0x100000 8K user\ndte 03:00.0 mode=4 domain=8\nmap 03:00.0 0x1000 0x700000 4K skip=1\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage d img) && iommutool --json scan --dump img; iommutool walk --dump img --dev-table 0x101006 | tail -n +3
{
  "schema_version": 2,
  "dump": {
    "file": "img",
    "format": "raw",
    "ranges": 1
  },
  "pages": 4096,
  "count": 1,
  "candidates": [
    {
      "rank": 1,
      "kind": "amdvi-dev-table",
      "table": "0x101000",
      "score": 144,
      "format": "device table",
      "entries": 5,
      "domains": 3,
      "tables": 3,
      "register": "0x101006",
      "option": "--dev-table 0x101006",
      "evidence": [
        "7 pages of DTEs (896 entries), 4 valid",
        "5 valid DTEs and GCR3 entries: 5 accepted by the hardware's checks (3 translating), 0 refused, 0 blocked, 0 not in the dump",
        "3 domains (5, 7, 8)",
        "3 top-level page tables in the dump with well-formed entries, 0 not"
      ]
    }
  ]
}
DEVICE        PASID  MODE          DOMAIN  LEVELS  TABLE     STATUS  EVENT
0000:00:01.0      -  pass-through       1  -       -         ok      -
0000:00:04.0      -  v1                 5  3       0x109000  ok      -
0000:00:06.0      -  pass-through       7  -       -         ok      -
0000:00:06.0      1  v2                 7  4       0x10d000  ok      -
0000:03:00.0      -  v1                 8  4       0x111000  ok      -
[exit 0]
$ printf 'mode legacy\n' >$TMP/d && cd $TMP && $TOOLS/mkimage d img && iommutool scan --dump img
0x100000
dump img (raw, 1 range)
4096 pages scanned, 0 candidates
no VT-d root table, SMMUv3 stream table or AMD-Vi device table found
[exit 1]
$ cd $TMP && iommutool scan; iommutool scan --dump missing; iommutool scan --dump x --limit -1
! iommutool: no dump: give --dump FILE
! iommutool: cannot open the dump 'missing': No such file or directory
! iommutool scan: '-1' is not a number of candidates
! Try `iommutool scan --help' or `iommutool scan --usage' for more information.
[exit 64]
$ printf 'smmuv3 strtab=linear log2size=8\nste 8 config=s1\ncd 8 asid=3\nmap 8 0x10000000 0x2000000 8K user\nste 9 config=s2 ias=40 s2start=1 vmid=4\nmap 9:s2 0x1000 0x500000 16K\n' >$TMP/d && cd $TMP && $TOOLS/mkimage d img >/dev/null && $TOOLS/mkdiskdump -p 65536 -m aarch64 img img.kdump && iommutool scan --dump img.kdump
256 pages of 65536 bytes, 2 dumped
dump img.kdump (kdump-compressed)
32 pages scanned, 1 candidates
RANK  KIND             TABLE           SCORE  FORMAT        ENTRIES  DOMAINS  TABLES  USE
   1  smmuv3-strtab    0x104000           92  linear              2        2       2  --strtab 0x104000,0x6
best: smmuv3-strtab at 0x104000 (--strtab 0x104000,0x6)
  linear stream table: 1 page of STEs, 2 valid
  2 valid STEs and CDs: 2 accepted by the hardware's checks (2 translating), 0 refused, 0 blocked, 0 not in the dump
  2 domains (3, 4)
  2 top-level page tables in the dump with well-formed entries, 0 not
[exit 0]
