# iommutool translate on AMD-Vi images built by tests/tools/mkimage: host (v1) tables of every
# level count with skipped levels and Next Level 7 pages, pass-through and untranslated devices,
# guest (v2) tables through the GCR3 table, nested, IO_PAGE_FAULT with its flags and
# ILLEGAL_DEV_TABLE_ENTRY, the walk (-v, -vv), JSON, bulk input and bad input.
$ printf 'amdvi pages=16\ndte 00:04.0 mode=3 domain=5\nmap 00:04.0 0x10000000 0x2000000 16K perm=rw\nmap 00:04.0 0x20000000 0x1000000 4M page=2M perm=r\nmap 00:04.0 0x40000000 0x40000000 1G page=1G perm=w\nmap 00:04.0 0x30000000 0x3000000 64K page=32K\nmap 00:04.0 0x31000000 0x800000 8M page=8M\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage d img) && iommutool translate --dump img --dev-table $r -d 00:04.0 10000123 10003fff 20201000 40000010 30009000 31234567 10004000; iommutool translate --dump img --dev-table $r -d 00:04.0 --write 20000000; iommutool translate --dump img --dev-table $r -d 00:04.0 --read 40000000
0x10000123 -> 0x2000123  4K page, rw, domain 5
0x10003fff -> 0x2003fff  4K page, rw, domain 5
0x20201000 -> 0x1201000  2M page, r-, domain 5
0x40000010 -> 0x40000010  1G page, -w, domain 5
0x30009000 -> 0x3009000  32K page, rw, domain 5
0x31234567 -> 0xa34567  8M page, rw, domain 5
0x10004000: event 2 IO_PAGE_FAULT flags 0x0000
  host level 1 entry 0x0000000000000000 (table 0x113000) is not present
0x20000000: event 2 IO_PAGE_FAULT flags 0x0070 (PR RW PE)
  host level 2 entry 0x2000000001000001 grants read only
0x40000000: event 2 IO_PAGE_FAULT flags 0x0050 (PR PE)
  host level 3 entry 0x4000000040000001 grants write only
[exit 1]
$ printf 'amdvi\ndte 00:01.0 mode=1\nmap 00:01.0 0x1000 0x100000 8K\ndte 00:02.0 mode=2\nmap 00:02.0 0x200000 0x400000 2M page=2M\ndte 00:03.0 mode=5\nmap 00:03.0 0xff000000000000 0x500000 4K\ndte 00:05.0 mode=6\nmap 00:05.0 0xfff0000000000000 0x600000 4K\ndte 00:06.0 mode=4\nmap 00:06.0 0x1000 0x100000 8K skip=1\nmap 00:06.0 0x200000 0x200000 2M page=2M\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage d img) && iommutool translate --dump img --dev-table $r -d 00:01.0 1000 200000; iommutool translate --dump img --dev-table $r -d 00:02.0 200000 40000000; iommutool translate --dump img --dev-table $r -d 00:03.0 ff000000000000; iommutool translate --dump img --dev-table $r -d 00:05.0 fff0000000000010; iommutool -vv translate --dump img --dev-table $r -d 00:06.0 1000 40000000000; iommutool translate --dump img --dev-table $r -d 00:06.0 201000
0x1000 -> 0x100000  4K page, rw, domain 1
0x200000: event 2 IO_PAGE_FAULT flags 0x0000
  the address is beyond what the 1-level host tables translate
0x200000 -> 0x400000  2M page, rw, domain 1
0x40000000: event 2 IO_PAGE_FAULT flags 0x0000
  the address is beyond what the 2-level host tables translate
0xff000000000000 -> 0x500000  4K page, rw, domain 1
0xfff0000000000010 -> 0x600010  4K page, rw, domain 1
dump img (raw, 1 range)
device table 0x101000, 2048 entries
0x1000 -> 0x100000  4K page, rw, domain 1
  device table entry: 0x600000000011e803 0x0000000000000001 0x0000000000000000 0x0000000000000000  (table 0x101000, index 48)
  host level 4 entry: 0x600000000011f401  (table 0x11e000, index 0)
  host level 2 entry: 0x6000000000120201  (table 0x11f000, index 0)
  host level 1 entry: 0x6000000000100001  (table 0x120000, index 1)
0x40000000000: event 2 IO_PAGE_FAULT flags 0x0000
  event record: 0x2000000100000030 0x0000040000000000
  host level 4 entry 0x0000000000000000 (table 0x11e000) is not present
  device table entry: 0x600000000011e803 0x0000000000000001 0x0000000000000000 0x0000000000000000  (table 0x101000, index 48)
  host level 4 entry: 0x0000000000000000  (table 0x11e000, index 8)
0x201000 -> 0x201000  2M page, rw, domain 1
[exit 0]
$ printf 'amdvi\ndte 00:01.0 mode=0 perm=r\ndte 00:02.0 invalid\ndte 00:03.0 notv\ndte 00:05.0 mode=7\ndte 00:06.0 mode=3\npoke dte 00:06.0 0 or 0x10\ndte 00:07.0 mode=3 perm=none sa\nmap 00:07.0 0x1000 0x100000 4K\ndte 00:08.0 mode=3 perm=r\nmap 00:08.0 0x1000 0x100000 4K perm=rw\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage d img) && iommutool translate --dump img --dev-table $r -d 00:01.0 1234; iommutool translate --dump img --dev-table $r -d 00:01.0 --write 1234; iommutool translate --dump img --dev-table $r -d 00:02.0 1234; iommutool translate --dump img --dev-table $r -d 00:03.0 1234; iommutool translate --dump img --dev-table $r -d 00:05.0 1234; iommutool translate --dump img --dev-table $r -d 00:06.0 1234; iommutool translate --dump img --dev-table $r -d 00:07.0 1000; iommutool translate --dump img --dev-table $r -d 00:08.0 1000; iommutool translate --dump img --dev-table $r -d 00:08.0 --write 1000; iommutool translate --dump img --dev-table $r -d 1f:00.0 1000
0x1234 -> 0x1234  pass-through, r-, domain 1
0x1234: event 2 IO_PAGE_FAULT flags 0x0070 (PR RW PE)
  the DTE grants read only (IR/IW)
0x1234 -> 0x1234  untranslated, rw
0x1234: event 2 IO_PAGE_FAULT flags 0x0000
  the DTE's translation information is not valid (TV clear)
0x1234: event 1 ILLEGAL_DEV_TABLE_ENTRY flags 0x0080 (RZ)
  DTE Mode 7 is reserved
0x1234: event 1 ILLEGAL_DEV_TABLE_ENTRY flags 0x0080 (RZ)
  DTE reserved bits set (word 0: 0x10, word 1: 0x0)
0x1000: event 2 IO_PAGE_FAULT flags 0x0050 (PR PE) (not logged: DTE.SA is set)
  the DTE grants neither read nor write (IR/IW)
0x1000 -> 0x100000  4K page, r-, domain 1
0x1000: event 2 IO_PAGE_FAULT flags 0x0070 (PR RW PE)
  the DTE grants read only (IR/IW)
0x1000: event 2 IO_PAGE_FAULT flags 0x0000
  device id 0x1f00 is beyond the device table's 2048 entries (its size field)
[exit 1]
$ printf 'amdvi\ndte 00:04.0 mode=3\nmap 00:04.0 0x1000 0x100000 4K\npoke entry 00:04.0 0x1000 1 0 or 0x20000000000000\nmap 00:04.0 0x10000000 0x600000 4K\npoke entry 00:04.0 0x10000000 2 0 or 0xe00\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage d img) && iommutool translate --dump img --dev-table $r -d 00:04.0 1000 10000000
0x1000: event 2 IO_PAGE_FAULT flags 0x0090 (PR RZ)
  host level 1 entry 0x6020000000100001 has reserved bits or an invalid level (0x20000000000000)
0x10000000: event 2 IO_PAGE_FAULT flags 0x0010 (PR)
  host level 2 entry 0x6000000000114e01 encodes a page size the level cannot hold
[exit 1]
$ printf 'amdvi\ndte 00:04.0 mode=0 gv\ngcr3 00:04.0 1\nmap 00:04.0/1 0x1000 0x100000 8K perm=rw user\nmap 00:04.0/1 0x200000 0x400000 2M page=2M perm=r\nmap 00:04.0/1 0x40000000 0x40000000 1G page=1G\ngcr3 00:04.0 2 invalid\ndte 00:05.0 mode=3\ndte 00:06.0 mode=0 gv giov glx=1 gpt=5\ngcr3 00:06.0 0\nmap 00:06.0/0 0x1000 0x100000 4K\ngcr3 00:06.0 600\nmap 00:06.0/600 0xff000000000000 0x200000 4K\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage d img) && iommutool translate --dump img --dev-table $r -d 00:04.0 -p 1 1000 200000 40000000; iommutool translate --dump img --dev-table $r -d 00:04.0 -p 1 --priv 1000 200000 40000000; iommutool translate --dump img --dev-table $r -d 00:04.0 -p 1 --priv --write 200000; iommutool translate --dump img --dev-table $r -d 00:04.0 -p 2 1000; iommutool translate --dump img --dev-table $r -d 00:04.0 -p 3 1000; iommutool translate --dump img --dev-table $r -d 00:04.0 1000; iommutool translate --dump img --dev-table $r -d 00:05.0 -p 1 1000; iommutool translate --dump img --dev-table $r -d 00:06.0 --priv 1000; iommutool translate --dump img --dev-table $r -d 00:06.0 -p 600 --priv ff000000000000 0x1000
0x1000 -> 0x100000  4K page, rwu, domain 1
0x200000: event 2 IO_PAGE_FAULT flags 0x0055 (GN US PR PE)
  guest level 2 entry 0x00000000004000e1 grants read to supervisor requests only
0x40000000: event 2 IO_PAGE_FAULT flags 0x0055 (GN US PR PE)
  guest level 3 entry 0x00000000400000e3 grants read and write to supervisor requests only
0x1000 -> 0x100000  4K page, rwu, domain 1
0x200000 -> 0x400000  2M page, r-, domain 1
0x40000000 -> 0x40000000  1G page, rw, domain 1
0x200000: event 2 IO_PAGE_FAULT flags 0x0071 (GN PR RW PE)
  guest level 2 entry 0x00000000004000e1 grants read only
0x1000: event 2 IO_PAGE_FAULT flags 0x0001 (GN)
  GCR3 level 1 entry 0x0000000000116000 for PASID 0x2 is not valid
0x1000: event 2 IO_PAGE_FAULT flags 0x0001 (GN)
  GCR3 level 1 entry 0x0000000000000000 for PASID 0x3 is not valid
0x1000 -> 0x1000  pass-through, rw, domain 1
0x1000: event 8 INVALID_DEVICE_REQUEST flags 0x0001 (GN)
  a request with PASID 0x1, but the DTE has guest translation off (GV clear)
0x1000 -> 0x100000  4K page, rw, domain 1
0xff000000000000 -> 0x200000  4K page, rw, domain 1
0x1000: event 2 IO_PAGE_FAULT flags 0x0001 (GN)
  guest level 5 entry 0x0000000000000000 (table 0x120000) is not present
[exit 1]
$ printf 'amdvi\ndte 00:04.0 mode=3 gv domain=7\ngcr3 00:04.0 3\nmap 00:04.0/3 0x1000 0x40000000 8K perm=rw\nmap 00:04.0/3 0x200000 0x40200000 2M page=2M\nmap 00:04.0 0x40000000 0x2000000 4M page=2M\ndte 00:05.0 mode=3 gv guest-tables=none\ngcr3 00:05.0 3\nmap 00:05.0/3 0x1000 0x40000000 4K\nmap 00:05.0 0x40000000 0x2000000 4K\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage d img) && iommutool translate --dump img --dev-table $r -d 00:04.0 -p 3 --priv 1000 201000 2000; iommutool -v translate --dump img --dev-table $r -d 00:04.0 -p 3 --priv 1000; iommutool -v translate --dump img --dev-table $r -d 00:05.0 -p 3 --priv 1000
0x1000 -> 0x2000000  4K page, rw, domain 7
0x201000 -> 0x2201000  2M page, rw, domain 7
0x2000 -> 0x2001000  4K page, rw, domain 7
dump img (raw, 1 range)
device table 0x101000, 2048 entries
0x1000 -> 0x2000000  4K page, rw, domain 7
  device table entry: 0x6880000000111603 0x0000000000220007 0x0000000000000000 0x0000000000000000
    host level 3 entry: 0x6000000000113401
    host level 2 entry: 0x6000000000114201
    host level 1 entry: 0x6000000000112001
  gcr3 table level 1 entry: 0x0000000000115001
    host level 3 entry: 0x6000000000113401
    host level 2 entry: 0x6000000000114201
    host level 1 entry: 0x6000000000115001
  guest level 4 entry: 0x0000000000116027
    host level 3 entry: 0x6000000000113401
    host level 2 entry: 0x6000000000114201
    host level 1 entry: 0x6000000000116001
  guest level 3 entry: 0x0000000000117027
    host level 3 entry: 0x6000000000113401
    host level 2 entry: 0x6000000000114201
    host level 1 entry: 0x6000000000117001
  guest level 2 entry: 0x0000000000118027
    host level 3 entry: 0x6000000000113401
    host level 2 entry: 0x6000000000114201
    host level 1 entry: 0x6000000000118001
  guest level 1 entry: 0x0000000040000063
  host level 3 entry: 0x6000000000119401
  host level 2 entry: 0x6000000002000001
dump img (raw, 1 range)
device table 0x101000, 2048 entries
0x1000: event 2 IO_PAGE_FAULT flags 0x0001 (GN)
  event record: 0x2001000300000028 0x0000000000001000
  the host tables do not let the GCR3 table entry at guest physical 0x11b018 be read
  device table entry: 0x6c8000000011a603 0x0000000000230001 0x0000000000000000 0x0000000000000000
    host level 3 entry: 0x0000000000000000
[exit 1]
$ printf 'amdvi\ndte 00:04.0 mode=3 domain=5\nmap 00:04.0 0x10000000 0x2000000 4K perm=r\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage d img) && iommutool --json translate --dump img --dev-table $r -d 00:04.0 --write 10000010
{
  "schema_version": 2,
  "translations": [
    {
      "device": "0000:00:04.0",
      "pasid": null,
      "iova": "0x10000010",
      "status": "fault",
      "mode": "v1",
      "domain_id": 5,
      "fault": {
        "event": 2,
        "name": "IO_PAGE_FAULT",
        "flags": "0x70",
        "flag_names": "PR RW PE",
        "meaning": "a DMA request found no translation, or one without the permission it needed (the flags say which)",
        "causes": "DMA to an address the driver never mapped or already unmapped (use after unmap), a device writing a read-only mapping, a device without a domain (blocked)",
        "suppressed": false,
        "record": [
          "0x2070000500000020",
          "0x10000010"
        ]
      },
      "detail": "host level 1 entry 0x2000000002000001 grants read only",
      "walk": [
        {
          "kind": "dte",
          "level": 0,
          "table": "0x101000",
          "index": 32,
          "entry": [
            "0x6000000000111603",
            "0x5",
            "0x0",
            "0x0"
          ],
          "nested": false
        },
        {
          "kind": "second_stage",
          "level": 3,
          "table": "0x111000",
          "index": 0,
          "entry": [
            "0x6000000000112401"
          ],
          "nested": false
        },
        {
          "kind": "second_stage",
          "level": 2,
          "table": "0x112000",
          "index": 128,
          "entry": [
            "0x6000000000113201"
          ],
          "nested": false
        },
        {
          "kind": "second_stage",
          "level": 1,
          "table": "0x113000",
          "index": 0,
          "entry": [
            "0x2000000002000001"
          ],
          "nested": false
        }
      ]
    }
  ]
}
[exit 1]
$ printf 'amdvi\ndte 00:04.0 mode=3 domain=5\nmap 00:04.0 0x10000000 0x2000000 8K\nmap 00:04.0 0x40000000 0x3000000 4K\ndrop table 00:04.0 0x40000000 1\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage --elf d img) && printf '%s\n' "MMIO_DEV_TABLE $r" >regs && printf '10000000\n# a comment\n0x10001008 more words\n40000000\n' | iommutool translate --dump img --registers regs --sid 0x20
0x10000000 -> 0x2000000  4K page, rw, domain 5
0x10001008 -> 0x2001008  4K page, rw, domain 5
0x40000000: not in dump
  the page table page at 0x115000 is not in the dump
[exit 1]
$ cp tests/sysroots/tables/ivrs.dat $TMP/ && printf 'amdvi\ndte 00:04.0 mode=3 domain=5\nmap 00:04.0 0x10000000 0x2000000 4K\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage d img) && iommutool translate --dump img --dev-table $r --tables ivrs.dat -d 00:04.0 10000000; iommutool translate --dump img --dev-table $r --tables ivrs.dat -d 0001:00:04.0 10000000
0x10000000 -> 0x2000000  4K page, rw, domain 5
0x10000000 -> 0x2000000  4K page, rw, domain 5
! iommutool: no IVRS unit serves 0001:00:04.0: its device id is taken as its requester id
[exit 0]
$ printf 'amdvi\ndte 00:04.0 mode=3\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage d img) && iommutool translate --dump img --dev-table 0x40000000 -d 00:04.0 1000; iommutool translate --dump img --dev-table $r --sid 0x10000 1000; iommutool translate --dump img --dev-table $r --rtaddr 0x1000 -d 00:04.0 1000; iommutool translate --dump img --dev-table zz -d 00:04.0 1000
0x1000: not in dump
  the device table entry at 0x40000400 is not in the dump
! iommutool: an AMD-Vi device id has 16 bits
! iommutool: --rtaddr, --strtab and --dev-table each name a unit: give one
! iommutool translate: 'zz' is not a hexadecimal value
! Try `iommutool translate --help' or `iommutool translate --usage' for more
! information.
[exit 64]
