# iommutool walk on SMMUv3 images built by tests/tools/mkimage: every stream and substream with
# its configuration and the event its entries raise, the STE and CD decoded (-v), mappings
# (ranges and leaves, both TTBs, nested, contiguous), the reverse look-up, and JSON; a CD with
# both TTBs' walks disabled faults every transaction in walk as in translate.
$ printf 'smmuv3 strtab=2level log2size=16 split=8\nste 8 config=s1 cdmax=4 s1dss=bypass\ncd 8/0 asid=3 r\ncd 8/2 asid=4 tg0=64k va=42\ncd 8/3 invalid\nmap 8/0 0x10000000 0x2000000 8K perm=r user\nmap 8/2 0x40000000 0x80000000 512M page=512M\nste 9 config=bypass\nste 10 config=abort\nste 0x1208 config=nested vmid=7 ias=40 s2start=1 s2r\ncd 0x1208 asid=5 tg0=16k va=36 r\nmap 0x1208 0x10000000 0x20000000 32K user\nmap 0x1208:s2 0x20000000 0x5000000 16K\nste 0x1300 config=s2 s2tg=64k ias=44 vmid=9\nmap 0x1300:s2 0x1000000 0x7000000 128K\nste 0x1301 config=s2 ias=40 s2start=1\npoke ste 0x1301 2 and 0xffffff3fffffffff\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && iommutool walk --dump img --strtab $s; iommutool walk --dump img --strtab $s --mappings; iommutool walk --dump img --strtab $s --mappings --leaves --sid 0x1208; iommutool walk --dump img --strtab $s --reverse 0x2001234; iommutool walk --dump img --strtab $s --reverse 0x5003000
dump img (raw, 1 range)
stream table 0x101000, 2-level, 2^16 StreamIDs, split 8
STREAM  DEVICE  SSID  MODE     ASID  VMID  STAGE 1    STAGE 2    TABLE     STATUS  EVENT
   0x8  -          -  bypass      -     -  -          -          -         ok      -
   0x8  -          0  stage-1     3     -  4K/48b/4   -          0x109000  ok      -
   0x8  -          2  stage-1     4     -  64K/42b/2  -          0x110000  ok      -
   0x9  -          -  bypass      -     -  -          -          -         ok      -
0x1208  -          -  nested      5     7  16K/36b/2  4K/40b/3   0x130000  ok      -
0x1300  -          -  stage-2     -     9  -          64K/44b/3  0x140000  ok      -
0x1301  -          -  -           -     1  -          -          -         fault   C_BAD_STE
sid 0x1301: STE.S2SL0 0 is inconsistent with STE.S2T0SZ 24 and the 4K granule
1 more stream aborts every transaction (STE.Config 0b000); --all lists it
STREAM         SSID  IOVA                              PHYS                           PAGE  PERM
sid 0x8           0  0x000010000000-0x000010001fff  -> 0x000002000000-0x000002001fff  4K    r-u
sid 0x8           2  0x000040000000-0x00005fffffff  -> 0x000080000000-0x00009fffffff  512M  rw
sid 0x1208        -  0x000010000000-0x000010003fff  -> 0x000005000000-0x000005003fff  4K    rwu
sid 0x1300        -  0x000001000000-0x00000101ffff  -> 0x000007000000-0x00000701ffff  64K   rw
STREAM         SSID  IOVA                              PHYS                           PAGE  PERM
sid 0x1208        -  0x000010000000-0x000010000fff  -> 0x000005000000-0x000005000fff  4K    rwu
sid 0x1208        -  0x000010001000-0x000010001fff  -> 0x000005001000-0x000005001fff  4K    rwu
sid 0x1208        -  0x000010002000-0x000010002fff  -> 0x000005002000-0x000005002fff  4K    rwu
sid 0x1208        -  0x000010003000-0x000010003fff  -> 0x000005003000-0x000005003fff  4K    rwu
page 0x2001000 is reached by:
STREAM         SSID  IOVA                              PHYS                           PAGE  PERM
sid 0x8           0  0x000010001000-0x000010001fff  -> 0x000002001000-0x000002001fff  4K    r-u
page 0x5003000 is reached by:
STREAM         SSID  IOVA                              PHYS                           PAGE  PERM
sid 0x1208        -  0x000010003000-0x000010003fff  -> 0x000005003000-0x000005003fff  4K    rwu
[exit 0]
$ printf 'smmuv3\nste 8 config=s1\ncd 8 asid=3 r va=39 tg1=4k va1=39\nmap 8 0x10000000 0x2000000 64K contig user\nmap 8 0xffffff8000000000 0x3000000 8K\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && iommutool -v walk --dump img --strtab $s --sid 8; iommutool walk --dump img --strtab $s --mappings; iommutool --json walk --dump img --strtab $s --mappings
dump img (raw, 1 range)
stream table 0x104000, linear, 2^8 StreamIDs
STREAM  DEVICE  SSID  MODE     ASID  VMID  STAGE 1            STAGE 2  TABLE     STATUS  EVENT
   0x8  -          -  stage-1     3     -  4K/39b/3+4K/39b/3  -        0x109000  ok      -
Stream Table Entry  [0x000, 64 bytes]
  [0x000]      STE[63:0]                      : 0x000000000010800b
    bit 0      Valid (V)                      : yes
    bits 3-1   Config                         : 5 (stage 1)
    bits 5-4   Stage 1 format (S1Fmt)         : 0 (linear CD table)
    bits 51-6  S1ContextPtr >> 6              : 0x000000004200
    bits 63-59 CDs, log2 (S1CDMax)            : 0
  [0x008]      STE[127:64]                    : 0x0000000000000000
    bits 1-0   Default substream (S1DSS)      : 0 (terminate)
    bits 3-2   CD fetch inner cacheability (S1CIR) : 0 (non-cacheable)
    bits 5-4   CD fetch outer cacheability (S1COR) : 0 (non-cacheable)
    bits 7-6   CD fetch shareability (S1CSH)  : 0 (non-shareable)
    bits 16-13 Contiguous STEs, log2 (CONT)   : 0
    bit 18     PRI auto-responses with PASID (PPAR) : no
    bit 19     Merge events (MEV)             : no
    bit 26     Stage 1 MPAM (S1MPAM)          : no
    bit 27     Stage 1 stalls disabled (S1STALLD) : no
    bits 29-28 ATS (EATS)                     : 0 (ATS disabled)
    bits 31-30 StreamWorld (STRW)             : 0 (NS-EL1)
    bits 35-32 Memory attribute override (MemAttr) : 0
    bit 36     Memory type override (MTCFG)   : no
    bits 40-37 Allocation hints override (ALLOCCFG) : 0
    bits 45-44 Shareability (SHCFG)           : 0 (non-shareable)
    bits 47-46 Non-secure attribute (NSCFG)   : 0
    bits 49-48 Privilege (PRIVCFG)            : 0
    bits 51-50 Instruction/data (INSTCFG)     : 0
  [0x010]      STE[191:128]                   : 0x0000000000000000
    bits 15-0  VMID (S2VMID)                  : 0x0000
    bits 37-32 Stage 2 input size, 64 - bits (S2T0SZ) : 0
    bits 39-38 Stage 2 start level (S2SL0)    : 0
    bits 41-40 Stage 2 walk inner cacheability (S2IR0) : 0 (non-cacheable)
    bits 43-42 Stage 2 walk outer cacheability (S2OR0) : 0 (non-cacheable)
    bits 45-44 Stage 2 walk shareability (S2SH0) : 0 (non-shareable)
    bits 47-46 Stage 2 granule (S2TG)         : 0 (4KB)
    bits 50-48 Stage 2 output size (S2PS)     : 0 (32 bits)
    bit 51     Stage 2 VMSAv8-64 tables (S2AA64) : no
    bit 52     Stage 2 big-endian (S2ENDI)    : no
    bit 53     Stage 2 access flag faults disabled (S2AFFD) : no
    bit 54     Protected table walk (S2PTW)   : no
    bit 55     Stage 2 hardware dirty update (S2HD) : no
    bit 56     Stage 2 hardware access flag update (S2HA) : no
    bit 57     Stage 2 faults stall (S2S)     : no
    bit 58     Stage 2 faults recorded (S2R)  : no
  [0x018]      STE[255:192]                   : 0x0000000000000000
    bit 2      Stage 2 start level bit 2 (S2SL0_2) : no
    bit 3      Stage 2 52-bit 4K/16K (S2DS)   : no
    bits 51-4  S2TTB >> 4                     : 0x000000000000
  [0x020]      STE[319:256]                   : 0x0000000000000000
  [0x028]      STE[383:320]                   : 0x0000000000000000
  [0x030]      STE[447:384]                   : 0x0000000000000000
  [0x038]      STE[511:448]                   : 0x0000000000000000
Context Descriptor  [0x000, 64 bytes]
  [0x000]      CD[63:0]                       : 0x0003e205b5993519
    bits 5-0   TTB0 input size, 64 - bits (T0SZ) : 25
    bits 7-6   TTB0 granule (TG0)             : 0 (4KB)
    bits 9-8   TTB0 walk inner cacheability (IR0) : 1 (write-back, read-allocate)
    bits 11-10 TTB0 walk outer cacheability (OR0) : 1 (write-back, read-allocate)
    bits 13-12 TTB0 walk shareability (SH0)   : 3 (inner shareable)
    bit 14     TTB0 walks disabled (EPD0)     : no
    bit 15     Big-endian tables (ENDI)       : no
    bits 21-16 TTB1 input size, 64 - bits (T1SZ) : 25
    bits 23-22 TTB1 granule (TG1)             : 2 (4KB)
    bits 25-24 TTB1 walk inner cacheability (IR1) : 1 (write-back, read-allocate)
    bits 27-26 TTB1 walk outer cacheability (OR1) : 1 (write-back, read-allocate)
    bits 29-28 TTB1 walk shareability (SH1)   : 3 (inner shareable)
    bit 30     TTB1 walks disabled (EPD1)     : no
    bit 31     Valid (V)                      : yes
    bits 34-32 Output size (IPS)              : 5 (48 bits)
    bit 35     Access flag faults disabled (AFFD) : no
    bit 36     Write implies execute-never (WXN) : no
    bit 37     Unprivileged write implies execute-never (UWXN) : no
    bit 38     TTB0 top byte ignored (TBI0)   : no
    bit 39     TTB1 top byte ignored (TBI1)   : no
    bit 40     Privileged access never (PAN)  : no
    bit 41     VMSAv8-64 tables (AA64)        : yes
    bit 42     Hardware dirty update (HD)     : no
    bit 43     Hardware access flag update (HA) : no
    bit 44     Faults stall (S)               : no
    bit 45     Faults recorded (R)            : yes
    bit 46     Faults abort (A)               : yes
    bit 47     ASID not shared with the CPUs (ASET) : yes
    bits 63-48 ASID                           : 0x0003
  [0x008]      CD[127:64]                     : 0x0000000000109000
    bit 0      TTB0 walk non-secure (NSCFG0)  : no
    bit 1      TTB0 hierarchical attributes disabled (HAD0) : no
    bit 2      TTB0 unprivileged access faults (E0PD0) : no
    bit 3      Hardware table access flag update (HAFT) : no
    bits 51-4  TTB0 >> 4                      : 0x000000010900
  [0x010]      CD[191:128]                    : 0x000000000010a000
    bit 0      TTB1 walk non-secure (NSCFG1)  : no
    bit 1      TTB1 hierarchical attributes disabled (HAD1) : no
    bit 2      TTB1 unprivileged access faults (E0PD1) : no
    bit 3      Attribute index extension (AIE) : no
    bits 51-4  TTB1 >> 4                      : 0x000000010a00
    bit 58     52-bit 4K/16K (DS)             : no
    bit 59     Permission indirection (PIE)   : no
  [0x018]      Memory attribute indirection (MAIR) : 0x0000000000ff04ff
  [0x020]      Auxiliary memory attributes (AMAIR) : 0x0000000000000000
  [0x028]      CD[383:320]                    : 0x0000000000000000
  [0x030]      CD[447:384]                    : 0x0000000000000000
  [0x038]      CD[511:448]                    : 0x0000000000000000
STREAM         SSID  IOVA                              PHYS                           PAGE  PERM
sid 0x8           -  0x000010000000-0x00001000ffff  -> 0x000002000000-0x00000200ffff  4K    rwu
sid 0x8           -  0xffffff8000000000-0xffffff8000001fff  -> 0x000003000000-0x000003001fff  4K    rw
{
  "schema_version": 2,
  "mappings": [
    {
      "sid": "0x8",
      "device": null,
      "ssid": null,
      "iova": "0x10000000",
      "iova_end": "0x1000ffff",
      "size": "0x10000",
      "kind": "mapped",
      "phys": "0x2000000",
      "phys_end": "0x200ffff",
      "page_size": 4096,
      "leaves": 16,
      "perm": "rwu"
    },
    {
      "sid": "0x8",
      "device": null,
      "ssid": null,
      "iova": "0xffffff8000000000",
      "iova_end": "0xffffff8000001fff",
      "size": "0x2000",
      "kind": "mapped",
      "phys": "0x3000000",
      "phys_end": "0x3001fff",
      "page_size": 4096,
      "leaves": 2,
      "perm": "rw"
    }
  ]
}
[exit 0]
$ printf 'smmuv3\nste 8 config=s1\ncd 8 asid=3\nmap 8 0x10000000 0x2000000 8K user\nmap 8 0x40000000 0x3000000 4K user\ndrop table 8 0x40000000 3\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage --elf d img) && iommutool walk --dump img --strtab $s --mappings; iommutool --json walk --dump img --strtab $s
STREAM         SSID  IOVA                              PHYS                           PAGE  PERM
sid 0x8           -  0x000010000000-0x000010001fff  -> 0x000002000000-0x000002001fff  4K    rwu
sid 0x8           -  0x000040000000-0x0000401fffff  not in dump: the table at 0x10e000 is missing
{
  "schema_version": 2,
  "dump": {
    "file": "img",
    "format": "elf",
    "ranges": 2
  },
  "unit": {
    "strtab_base": "0x104000",
    "format": "linear",
    "log2size": 8
  },
  "streams": [
    {
      "sid": "0x8",
      "device": null,
      "ssid": null,
      "mode": "stage-1",
      "asid": 3,
      "vmid": null,
      "stage1": "4K/48b/4",
      "stage2": null,
      "table": "0x109000",
      "status": "ok",
      "event": null,
      "detail": null
    }
  ],
  "not_listed": 0
}
[exit 0]
$ printf 'smmuv3\nste 0x8 config=abort\nste 0x10 config=abort\nste 0x18 config=s1\ncd 0x18 epd0\nste 0x20 config=s1\ncd 0x20\nmap 0x20 0x1000 0x100000 4K user\n' >$TMP/d && cd $TMP && r=$($TOOLS/mkimage d img) && iommutool walk --dump img --strtab $r; iommutool walk --dump img --strtab $r --all | tail -n +3; iommutool translate --dump img --strtab $r --sid 0x18 0x1000; iommutool translate --dump img --strtab $r --sid 0x20 0x1000 0xff80000000001000
dump img (raw, 1 range)
stream table 0x104000, linear, 2^8 StreamIDs
STREAM  DEVICE  SSID  MODE     ASID  VMID  STAGE 1   STAGE 2  TABLE     STATUS  EVENT
  0x18  -          -  -           1     -  -         -        -         fault   F_TRANSLATION
  0x20  -          -  stage-1     1     -  4K/48b/4  -        0x10a000  ok      -
sid 0x18: CD.EPD0 and CD.EPD1 disable the walks of both TTB0 and TTB1
2 more streams abort every transaction (STE.Config 0b000); --all lists them
STREAM  DEVICE  SSID  MODE     ASID  VMID  STAGE 1   STAGE 2  TABLE     STATUS   EVENT
   0x8  -          -  -           -     -  -         -        -         blocked  -
  0x10  -          -  -           -     -  -         -        -         blocked  -
  0x18  -          -  -           1     -  -         -        -         fault    F_TRANSLATION
  0x20  -          -  stage-1     1     -  4K/48b/4  -        0x10a000  ok       -
sid 0x8: STE.Config 0b000 aborts every transaction, without an event
sid 0x10: STE.Config 0b000 aborts every transaction, without an event
sid 0x18: CD.EPD0 and CD.EPD1 disable the walks of both TTB0 and TTB1
0x1000: event 0x10 F_TRANSLATION (stage 1, input address) (not recorded: CD.R is clear)
  CD.EPD0 and CD.EPD1 disable the walks of both TTB0 and TTB1
0x1000 -> 0x100000  4K page, rwu, asid 1
0xff80000000001000: event 0x10 F_TRANSLATION (stage 1, input address) (not recorded: CD.R is clear)
  0xff80000000001000 selects TTB1, whose walks are disabled (CD.EPD1)
[exit 1]
$ cp tests/sysroots/tables/iort.dat $TMP/ && printf 'smmuv3\nste 8 config=s1\ncd 8 asid=3\nmap 8 0x10000000 0x2000000 4K user\nste 9 config=bypass\nste 0x30 config=abort\nste 0x40 config=bypass\n' >$TMP/d && cd $TMP && s=$($TOOLS/mkimage d img) && iommutool walk --dump img --strtab $s --tables iort.dat --all; iommutool --json walk --dump img --strtab $s --tables iort.dat --mappings; iommutool --json walk --dump img --strtab $s --sid 9 | grep -e sid -e device
dump img (raw, 1 range)
stream table 0x104000, linear, 2^8 StreamIDs
STREAM  DEVICE        SSID  MODE     ASID  VMID  STAGE 1   STAGE 2  TABLE     STATUS   EVENT
   0x8  0000:00:01.0     -  stage-1     3     -  4K/48b/4  -        0x109000  ok       -
   0x9  0000:00:01.1     -  bypass      -     -  -         -        -         ok       -
  0x30  0000:00:06.0     -  -           -     -  -         -        -         blocked  -
  0x40  0000:00:08.0     -  bypass      -     -  -         -        -         ok       -
sid 0x30: STE.Config 0b000 aborts every transaction, without an event
{
  "schema_version": 2,
  "mappings": [
    {
      "sid": "0x8",
      "device": "0000:00:01.0",
      "ssid": null,
      "iova": "0x10000000",
      "iova_end": "0x10000fff",
      "size": "0x1000",
      "kind": "mapped",
      "phys": "0x2000000",
      "phys_end": "0x2000fff",
      "page_size": 4096,
      "leaves": 1,
      "perm": "rwu"
    }
  ]
}
      "sid": "0x9",
      "device": null,
      "ssid": null,
      "asid": null,
[exit 0]
