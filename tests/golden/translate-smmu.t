# iommutool translate on SMMUv3 images built by tests/tools/mkimage: linear and 2-level stream
# tables, stage 1 through TTB0 and TTB1, stage 2 with concatenated start tables, nested, every
# event the configuration or a walk raises, the walk (-v, -vv), JSON, bulk input and bad input.
$ printf 'smmuv3\nste 8 config=s1\ncd 8 asid=3 r\nmap 8 0x10000000 0x2000000 8K perm=r user\nmap 8 0x40000000 0x80000000 2M page=2M user\nmap 8 0x80000000 0xc0000000 1G page=1G\nmap 8 0x50000000 0x7000000 64K contig user\nste 9 config=bypass\nste 10 config=abort\nste 11 invalid\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && iommutool translate --dump img --strtab $s --sid 8 10000123 10001fff 40001000 50008000 80000000 10002000; iommutool translate --dump img --strtab $s --sid 8 --priv 80000000; iommutool translate --dump img --strtab $s --sid 8 --write 10000000
0x10000123 -> 0x2000123  4K page, r-u, asid 3
0x10001fff -> 0x2001fff  4K page, r-u, asid 3
0x40001000 -> 0x80001000  2M page, rwu, asid 3
0x50008000 -> 0x7008000  4K page (contiguous 64K), rwu, asid 3
0x80000000: event 0x13 F_PERMISSION (stage 1, input address)
  stage 1 level 1 descriptor 0x00000000c0000701 grants read and write to privileged transactions only
0x10002000: event 0x10 F_TRANSLATION (stage 1, input address)
  stage 1 level 3 descriptor 0x0000000000000000 (table 0x10c000) is not valid
0x80000000 -> 0xc0000000  1G page, rw, asid 3
0x10000000: event 0x13 F_PERMISSION (stage 1, input address)
  stage 1 level 3 descriptor 0x00000000020007c3 grants read only
[exit 1]
$ printf 'smmuv3\nste 8 config=s1\ncd 8 asid=3\nste 9 config=bypass\nste 10 config=abort\nste 11 invalid\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && iommutool translate --dump img --strtab $s --sid 9 1234; iommutool translate --dump img --strtab $s --sid 10 1234; iommutool translate --dump img --strtab $s --sid 11 1234; iommutool translate --dump img --strtab $s --sid 0x100 1234; iommutool translate --dump img --strtab $s --sid 12 1234; iommutool translate --dump img --strtab $s --sid 8 --ssid 1 1234; iommutool translate --dump img --strtab $s --sid 8 1234
0x1234 -> 0x1234  bypass, rw
0x1234: blocked
  STE.Config 0b000 aborts every transaction, without an event
0x1234: event 0x04 C_BAD_STE
  the STE is not valid (V clear)
0x1234: event 0x02 C_BAD_STREAMID
  StreamID 0x100 is beyond the stream table's 8-bit range
0x1234: event 0x04 C_BAD_STE
  the STE is not valid (V clear)
0x1234: event 0x08 C_BAD_SUBSTREAMID
  SubstreamID 1, but the STE has substreams disabled (S1CDMax 0)
0x1234: event 0x10 F_TRANSLATION (stage 1, input address) (not recorded: CD.R is clear)
  stage 1 level 0 descriptor 0x0000000000000000 (table 0x109000) is not valid
[exit 1]
$ printf 'smmuv3\nste 4 config=s1 cdmax=4 s1dss=terminate\ncd 4/0 asid=1\ncd 4/3 asid=2 r\ncd 4/5 invalid\nmap 4/3 0x1000 0x300000 4K user\nste 5 config=s1 cdmax=4 s1dss=bypass\ncd 5/3 asid=4\nste 6 config=s1 cdmax=4 s1dss=ssid0\ncd 6/0 asid=5\nmap 6/0 0x1000 0x600000 4K user\nste 7 config=s1 cdmax=10 s1fmt=2l4k\ncd 7/0x300 asid=7\nmap 7/0x300 0x2000 0x700000 4K user\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && iommutool translate --dump img --strtab $s --sid 4 --ssid 3 1000 2000; iommutool translate --dump img --strtab $s --sid 4 1000; iommutool translate --dump img --strtab $s --sid 4 --ssid 5 1000; iommutool translate --dump img --strtab $s --sid 4 --ssid 16 1000; iommutool translate --dump img --strtab $s --sid 5 1000; iommutool translate --dump img --strtab $s --sid 6 1000; iommutool translate --dump img --strtab $s --sid 6 --ssid 0 1000; iommutool translate --dump img --strtab $s --sid 7 --ssid 0x300 2000; iommutool translate --dump img --strtab $s --sid 7 --ssid 0x301 2000
0x1000 -> 0x300000  4K page, rwu, asid 2
0x2000: event 0x10 F_TRANSLATION (stage 1, input address)
  stage 1 level 3 descriptor 0x0000000000000000 (table 0x10e000) is not valid
0x1000: event 0x06 F_STREAM_DISABLED
  a transaction without SubstreamID, and STE.S1DSS 0b00 terminates those
0x1000: event 0x0a C_BAD_CD
  the CD is not valid (V clear)
0x1000: event 0x08 C_BAD_SUBSTREAMID
  SubstreamID 16 is beyond the STE's 16 CDs (S1CDMax 4)
0x1000 -> 0x1000  bypass, rw
0x1000 -> 0x600000  4K page, rwu, asid 5
0x1000: event 0x06 F_STREAM_DISABLED
  SubstreamID 0 belongs to transactions without a SubstreamID (STE.S1DSS 0b10)
0x2000 -> 0x700000  4K page, rwu, asid 7
0x2000: event 0x0a C_BAD_CD
  the CD is not valid (V clear)
[exit 1]
$ printf 'smmuv3\nste 5 config=s1\ncd 5 va=39 tg1=4k va1=39 tbi1 epd0 r\nmap 5 0xffffff8000001000 0x200000 8K user\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && iommutool translate --dump img --strtab $s --sid 5 0xffffff8000001000 0x00ffff8000002000 0x0000008000001000 0x1000
0xffffff8000001000 -> 0x200000  4K page, rwu, asid 1
0xffff8000002000 -> 0x201000  4K page, rwu, asid 1
0x8000001000: event 0x10 F_TRANSLATION (stage 1, input address)
  0x8000001000 selects TTB0, whose walks are disabled (CD.EPD0)
0x1000: event 0x10 F_TRANSLATION (stage 1, input address)
  0x1000 selects TTB0, whose walks are disabled (CD.EPD0)
[exit 1]
$ printf 'smmuv3 strtab=linear log2size=4\nste 1 config=s2 ias=40 s2start=1 vmid=9 s2r\nmap 1:s2 0x1000 0x500000 8K\nmap 1:s2 0x8000000000 0x600000 4K perm=r\nmap 1:s2 0x80000000 0x80000000 1G page=1G\nste 2 config=s2 s2tg=64k ias=52 s2ps=6 vmid=10\nmap 2:s2 0xf000000010000 0xf000000010000 64K\nste 3 config=s2 s2tg=16k ias=40 s2start=2 vmid=11\nmap 3:s2 0xff0000000 0x4000000 32M page=32M\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && iommutool translate --dump img --strtab $s --sid 1 1000 8000000000 80001000 3000 10000000000; iommutool translate --dump img --strtab $s --sid 1 --write 8000000000; iommutool translate --dump img --strtab $s --sid 2 0xf000000010020; iommutool translate --dump img --strtab $s --sid 3 0xff1234567
0x1000 -> 0x500000  4K page, rw, vmid 9
0x8000000000 -> 0x600000  4K page, r-, vmid 9
0x80001000 -> 0x80001000  1G page, rw, vmid 9
0x3000: event 0x10 F_TRANSLATION (stage 2, input address, IPA 0x3000)
  stage 2 level 3 descriptor 0x0000000000000000 (table 0x105000) for IPA 0x3000 (output) is not valid
0x10000000000: event 0x10 F_TRANSLATION (stage 2, input address, IPA 0x10000000000)
  stage 2: IPA 0x10000000000 (output) is beyond the 40-bit input range of STE.S2T0SZ
0x8000000000: event 0x13 F_PERMISSION (stage 2, input address, IPA 0x8000000000)
  stage 2 level 3 descriptor 0x000000000060077f does not let IPA 0x8000000000 (output) be written
0xf000000010020 -> 0xf000000010020  64K page, rw, vmid 10
0xff1234567 -> 0x5234567  32M page, rw, vmid 11
[exit 0]
$ printf 'smmuv3 strtab=2level log2size=16 split=8\nste 0x1208 config=nested vmid=7 ias=40 s2start=1 cdmax=4 s1dss=ssid0 s2r\ncd 0x1208/0 asid=3 tg0=16k va=36 r\ncd 0x1208/5 asid=4 tg0=64k va=42 r\nmap 0x1208/0 0x10000000 0x20000000 32K user\nmap 0x1208/5 0x40000000 0x30000000 64K perm=r user\nmap 0x1208:s2 0x20000000 0x5000000 16K\nmap 0x1208:s2 0x30000000 0x6000000 64K perm=r\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && iommutool translate --dump img --strtab $s --sid 0x1208 10000123 10004000 10008000; iommutool translate --dump img --strtab $s --sid 0x1208 --ssid 5 --write 40000000; iommutool -vv translate --dump img --strtab $s --sid 0x1208 --ssid 5 40000010; iommutool translate --dump img --strtab $s --sid 0x1300 0
0x10000123 -> 0x5000123  4K page, rwu, asid 3
0x10004000: event 0x10 F_TRANSLATION (stage 2, input address, IPA 0x20004000)
  stage 2 level 3 descriptor 0x0000000000000000 (table 0x150000) for IPA 0x20004000 (output) is not valid
0x10008000: event 0x10 F_TRANSLATION (stage 1, input address)
  stage 1 level 3 descriptor 0x0000000000000000 (table 0x130000) is not valid
0x40000000: event 0x13 F_PERMISSION (stage 1, input address)
  stage 1 level 3 descriptor 0x00000000300007c3 grants read only
dump img (raw, 1 range)
stream table 0x101000, 2-level, 2^16 StreamIDs, split 8
0x40000010 -> 0x6000010  4K page, r-u, asid 4
  level 1 stream table descriptor: 0x0000000000104009  (table 0x101000, index 18)
  stream table entry: 0x200000000010a00f 0x0000000000000002 0x040d355800000007 0x0000000000108000 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000  (table 0x104000, index 8)
    stage 2 level 1 descriptor: 0x000000000010b003  (table 0x108000, index 0)
    stage 2 level 2 descriptor: 0x000000000010c003  (table 0x10b000, index 0)
    stage 2 level 3 descriptor: 0x000000000010a7ff  (table 0x10c000, index 266)
  context descriptor: 0x0004e205f5903556 0x0000000000120000 0x0000000000000000 0x0000000000ff04ff 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000  (table 0x10a000, index 5)
    stage 2 level 1 descriptor: 0x000000000010b003  (table 0x108000, index 0)
    stage 2 level 2 descriptor: 0x000000000010c003  (table 0x10b000, index 0)
    stage 2 level 3 descriptor: 0x00000000001207ff  (table 0x10c000, index 288)
  stage 1 level 2 descriptor: 0x0000000000140003  (table 0x120000, index 2)
    stage 2 level 1 descriptor: 0x000000000010b003  (table 0x108000, index 0)
    stage 2 level 2 descriptor: 0x000000000010c003  (table 0x10b000, index 0)
    stage 2 level 3 descriptor: 0x00000000001407ff  (table 0x10c000, index 320)
  stage 1 level 3 descriptor: 0x00000000300007c3  (table 0x140000, index 0)
  stage 2 level 1 descriptor: 0x000000000010b003  (table 0x108000, index 0)
  stage 2 level 2 descriptor: 0x0000000000151003  (table 0x10b000, index 384)
  stage 2 level 3 descriptor: 0x000000000600077f  (table 0x151000, index 0)
0x0: event 0x02 C_BAD_STREAMID
  L1STD 0x0000000000000000 for StreamIDs 0x1300.. has Span 0: no level 2 table
[exit 1]
$ printf 'smmuv3\nste 2 config=nested ias=40 s2start=1 s1-tables=none s2r\ncd 2 va=39 r\nmap 2 0x1000 0x40000000 4K user\nmap 2:s2 0x40000000 0x2000000 4K\nste 3 config=nested ias=40 s2start=1 s1-tables=ro s2r\ncd 3 va=39 r ha\nmap 3 0x1000 0x40000000 4K user noaf\nmap 3:s2 0x40000000 0x2000000 4K\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && iommutool -v translate --dump img --strtab $s --sid 2 1000; iommutool translate --dump img --strtab $s --sid 3 1000
dump img (raw, 1 range)
stream table 0x104000, linear, 2^8 StreamIDs
0x1000: event 0x10 F_TRANSLATION (stage 2, CD fetch, IPA 0x10a000)
  event record: 0x0000000200000010 0x0000008800000000 0x0000000000001000 0x000000000010a000
  stage 2 level 1 descriptor 0x0000000000000000 (table 0x108000) for IPA 0x10a000 (CD fetch) is not valid
  stream table entry: 0x000000000010a00f 0x0000000000000000 0x040d355800000001 0x0000000000108000 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000
    stage 2 level 1 descriptor: 0x0000000000000000
0x1000: event 0x13 F_PERMISSION (stage 2, stage 1 table fetch, IPA 0x117000)
  stage 2 level 3 descriptor 0x000000000011777f does not let IPA 0x117008 (stage 1 table walk) be written
[exit 1]
$ printf 'smmuv3\nste 8 config=s1\ncd 8 asid=3 r\nmap 8 0x10000000 0x2000000 4K perm=r user\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && iommutool --json translate --dump img --strtab $s --sid 8 --write 10000010
{
  "schema_version": 2,
  "translations": [
    {
      "sid": "0x8",
      "ssid": null,
      "iova": "0x10000010",
      "status": "fault",
      "mode": "stage-1",
      "domain_id": 3,
      "fault": {
        "event": 19,
        "name": "F_PERMISSION",
        "stage": "stage 1",
        "class": "input address",
        "meaning": "the descriptors do not permit the access (read, write, privilege, or an instruction fetch)",
        "causes": "a device writing a buffer mapped read-only (DMA_TO_DEVICE), privileged access to user pages",
        "suppressed": false,
        "record": [
          "0x800000013",
          "0x20000000000",
          "0x10000010",
          "0x0"
        ]
      },
      "detail": "stage 1 level 3 descriptor 0x00000000020007c3 grants read only",
      "walk": [
        {
          "kind": "ste",
          "level": 0,
          "table": "0x104000",
          "index": 8,
          "entry": [
            "0x10800b",
            "0x0",
            "0x0",
            "0x0",
            "0x0",
            "0x0",
            "0x0",
            "0x0"
          ],
          "nested": false
        },
        {
          "kind": "cd",
          "level": 0,
          "table": "0x108000",
          "index": 0,
          "entry": [
            "0x3e205f5903510",
            "0x109000",
            "0x0",
            "0xff04ff",
            "0x0",
            "0x0",
            "0x0",
            "0x0"
          ],
          "nested": false
        },
        {
          "kind": "first_stage",
          "level": 4,
          "table": "0x109000",
          "index": 0,
          "entry": [
            "0x10a003"
          ],
          "nested": false
        },
        {
          "kind": "first_stage",
          "level": 3,
          "table": "0x10a000",
          "index": 0,
          "entry": [
            "0x10b003"
          ],
          "nested": false
        },
        {
          "kind": "first_stage",
          "level": 2,
          "table": "0x10b000",
          "index": 128,
          "entry": [
            "0x10c003"
          ],
          "nested": false
        },
        {
          "kind": "first_stage",
          "level": 1,
          "table": "0x10c000",
          "index": 0,
          "entry": [
            "0x20007c3"
          ],
          "nested": false
        }
      ]
    }
  ]
}
[exit 1]
$ printf 'smmuv3\nste 8 config=s1\ncd 8 asid=3\nmap 8 0x10000000 0x2000000 8K user\nmap 8 0x40000000 0x3000000 4K user\ndrop table 8 0x40000000 3\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage --elf d img) && printf '%s\n' "SMMU_STRTAB_BASE ${s%,*}" "SMMU_STRTAB_BASE_CFG ${s#*,}" >regs && printf '10000000\n# a comment\n0x10001008 more words\n40000000\n' | iommutool translate --dump img --registers regs --sid 8
0x10000000 -> 0x2000000  4K page, rwu, asid 3
0x10001008 -> 0x2001008  4K page, rwu, asid 3
0x40000000: not in dump
  the stage 1 table page at 0x10e000 is not in the dump
[exit 1]
$ cp tests/sysroots/tables/iort.dat $TMP/ && printf 'smmuv3\nste 8 config=s1\ncd 8 asid=3\nmap 8 0x10000000 0x2000000 4K user\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && iommutool -v translate --dump img --strtab $s --tables iort.dat --device 00:01.0 10000000; iommutool translate --dump img --strtab $s --device 00:01.0 10000000
requester 0000:00:01.0 is StreamID 0x8 of SMMUv3 @0x48 (IORT)
dump img (raw, 1 range)
stream table 0x104000, linear, 2^8 StreamIDs
0x10000000 -> 0x2000000  4K page, rwu, asid 3
  stream table entry: 0x000000000010800b 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000
  context descriptor: 0x0003c205f5903510 0x0000000000109000 0x0000000000000000 0x0000000000ff04ff 0x0000000000000000 0x0000000000000000 0x0000000000000000 0x0000000000000000
  stage 1 level 0 descriptor: 0x000000000010a003
  stage 1 level 1 descriptor: 0x000000000010b003
  stage 1 level 2 descriptor: 0x000000000010c003
  stage 1 level 3 descriptor: 0x0000000002000743
0x10000000 -> 0x2000000  4K page, rwu, asid 3
[exit 0]
$ printf 'smmuv3\nste 8 config=s1\ncd 8 asid=3\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && iommutool translate --dump img --strtab $s 1000; iommutool translate --dump img --strtab $s --sid 8 --ssid 0x100000 1000; iommutool translate --dump img --strtab 0x40000000,0x8 --sid 8 1000; iommutool translate --dump img --strtab nonsense --sid 8 1000
0x1000: not in dump
  the stream table entry at 0x40000200 is not in the dump
! iommutool: no requester: give --device BDF (or --sid N for an SMMUv3 or AMD-Vi unit)
! iommutool translate: '0x100000' is not a SubstreamID (0 to 0xfffff)
! Try `iommutool translate --help' or `iommutool translate --usage' for more
! information.
! iommutool translate: 'nonsense' is not STRTAB_BASE[,STRTAB_BASE_CFG] (hexadecimal)
! Try `iommutool translate --help' or `iommutool translate --usage' for more
! information.
[exit 64]
