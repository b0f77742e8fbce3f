# iommutool translate on images built by tests/tools/mkimage: legacy and scalable modes,
# the walk in the kernel's fault-dump style, faults, JSON, bulk input, and bad input.
$ printf 'mode legacy\ndevice 00:04.0 did=5 aw=39\nmap 00:04.0 0x10000000 0x2000000 8K perm=r\nmap 00:04.0 0x40000000 0x80000000 1G page=1G perm=w\nmap 00:04.0 0x20000000 0xfee00000 4K\ndevice 00:05.0 aw=39 fpd\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage d img) && iommutool translate --dump img --rtaddr $rt --device 00:04.0 10000123 0x10001fff 40000000 10002000 8000000000 20000000
0x10000123 -> 0x2000123  4K page, r-, domain 5
0x10001fff -> 0x2001fff  4K page, r-, domain 5
0x40000000 -> 0x80000000  1G page, -w, domain 5
0x10002000: fault 0x06 LGN.3: PTE Read access is not set
  second-level level 1 entry 0x0000000000000000 (table 0x104000): R and W are clear, nothing is mapped
0x8000000000: fault 0x04 LGN.1: Access beyond MGAW
  0x8000000000 is beyond the 39-bit address width of the context entry
0x20000000: fault 0x0e LGN.4: Unknown
  0x20000000 translates to 0xfee00000, in the interrupt address range
[exit 1]
$ printf 'mode legacy\ndevice 00:04.0 did=5 aw=39\nmap 00:04.0 0x10000000 0x2000000 8K perm=r\nmap 00:04.0 0x40000000 0x80000000 1G page=1G perm=w\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage d img) && iommutool translate --dump img --rtaddr $rt --device 00:04.0 --write 10000000 40000000; iommutool translate --dump img --rtaddr $rt --device 00:04.0 --read 40000000
0x10000000: fault 0x05 LGN.2: PTE Write access is not set
  second-level level 1 entry 0x0000000002000001 grants read only
0x40000000 -> 0x80000000  1G page, -w, domain 5
0x40000000: fault 0x06 LGN.3: PTE Read access is not set
  second-level level 3 entry 0x0000000080000082 grants write only
[exit 1]
$ printf 'mode legacy\ndevice 00:04.0 did=5 aw=39\nmap 00:04.0 0x10000000 0x2000000 8K\ndevice 00:05.0 aw=39 fpd\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage d img) && iommutool -v translate --dump img --rtaddr $rt -d 0000:00:04.0 10000000 10003000; iommutool translate --dump img --rtaddr $rt -d 00:05.0 1000; iommutool translate --dump img --rtaddr $rt -d 01:00.0 1000
dump img (raw, 1 range)
root table 0x100000, legacy mode
0x10000000 -> 0x2000000  4K page, rw, domain 5
  root entry: 0x0000000000101001
  context entry: hi 0x0000000000000501, low 0x0000000000102001
  pte level: 3, pte value: 0x0000000000103003
  pte level: 2, pte value: 0x0000000000104003
  pte level: 1, pte value: 0x0000000002000003
0x10003000: fault 0x06 LGN.3: PTE Read access is not set
  second-level level 1 entry 0x0000000000000000 (table 0x104000): R and W are clear, nothing is mapped
  root entry: 0x0000000000101001
  context entry: hi 0x0000000000000501, low 0x0000000000102001
  pte level: 3, pte value: 0x0000000000103003
  pte level: 2, pte value: 0x0000000000104003
  pte level: 1, pte value: 0x0000000000000000
0x1000: fault 0x06 LGN.3: PTE Read access is not set (suppressed: fault processing is disabled)
  second-level level 3 entry 0x0000000000000000 (table 0x105000): R and W are clear, nothing is mapped
0x1000: fault 0x01 LRT.2: Present bit in root entry is clear
  root entry 1 (bus 01) is not present
[exit 1]
$ printf 'mode legacy\ndevice 00:04.0 did=5 aw=39\nmap 00:04.0 0x10000000 0x2000000 8K\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage d img) && iommutool --json translate --dump img --rtaddr $rt --device 00:04.0 10000010 10002000
{
  "schema_version": 2,
  "translations": [
    {
      "device": "0000:00:04.0",
      "pasid": null,
      "iova": "0x10000010",
      "status": "ok",
      "mode": "legacy",
      "domain_id": 5,
      "phys": "0x2000010",
      "page_size": 4096,
      "perm": "rw",
      "walk": [
        {
          "kind": "root",
          "level": 0,
          "table": "0x100000",
          "index": 0,
          "entry": [
            "0x101001",
            "0x0"
          ],
          "nested": false
        },
        {
          "kind": "context",
          "level": 0,
          "table": "0x101000",
          "index": 32,
          "entry": [
            "0x102001",
            "0x501"
          ],
          "nested": false
        },
        {
          "kind": "second_stage",
          "level": 3,
          "table": "0x102000",
          "index": 0,
          "entry": [
            "0x103003"
          ],
          "nested": false
        },
        {
          "kind": "second_stage",
          "level": 2,
          "table": "0x103000",
          "index": 128,
          "entry": [
            "0x104003"
          ],
          "nested": false
        },
        {
          "kind": "second_stage",
          "level": 1,
          "table": "0x104000",
          "index": 0,
          "entry": [
            "0x2000003"
          ],
          "nested": false
        }
      ]
    },
    {
      "device": "0000:00:04.0",
      "pasid": null,
      "iova": "0x10002000",
      "status": "fault",
      "mode": "legacy",
      "domain_id": 5,
      "fault": {
        "reason": 6,
        "condition": "LGN.3",
        "kernel_message": "PTE Read access is not set",
        "meaning": "a read of a page without read permission; second-level entries have no present bit, so an unmapped page (R and W clear) faults this way too",
        "causes": "DMA to an address the driver never mapped or already unmapped: a device still using a buffer after the driver freed it, a stale or corrupted descriptor, a device given the wrong address (or a wrong DMA mask), or a mapping made with the opposite direction",
        "qualified": true,
        "suppressed": false
      },
      "detail": "second-level level 1 entry 0x0000000000000000 (table 0x104000): R and W are clear, nothing is mapped",
      "walk": [
        {
          "kind": "root",
          "level": 0,
          "table": "0x100000",
          "index": 0,
          "entry": [
            "0x101001",
            "0x0"
          ],
          "nested": false
        },
        {
          "kind": "context",
          "level": 0,
          "table": "0x101000",
          "index": 32,
          "entry": [
            "0x102001",
            "0x501"
          ],
          "nested": false
        },
        {
          "kind": "second_stage",
          "level": 3,
          "table": "0x102000",
          "index": 0,
          "entry": [
            "0x103003"
          ],
          "nested": false
        },
        {
          "kind": "second_stage",
          "level": 2,
          "table": "0x103000",
          "index": 128,
          "entry": [
            "0x104003"
          ],
          "nested": false
        },
        {
          "kind": "second_stage",
          "level": 1,
          "table": "0x104000",
          "index": 2,
          "entry": [
            "0x0"
          ],
          "nested": false
        }
      ]
    }
  ]
}
[exit 1]
$ printf 'mode scalable\ndevice 00:04.0 paside rid_pasid=2 reserved-lo=0x60\npasid 00:04.0 2 pgtt=ss aw=48 did=3\nmap 00:04.0/2 0x1000 0x5000 4K perm=r\npasid 00:04.0 7 pgtt=fs levels=4 did=9\nmap 00:04.0/7 0x7fffff000000 0x6000000 2M page=2M user\nmap 00:04.0/7 0x1000 0x7000 4K\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage d img) && iommutool -v translate --dump img --rtaddr $rt --device 00:04.0 --write 1000; iommutool translate --dump img --rtaddr $rt --device 00:04.0 --pasid 7 7fffff123456 1000 800000000000; iommutool translate --dump img --rtaddr $rt --device 00:04.0 --pasid 7 --priv 1000; iommutool translate --dump img --rtaddr $rt --device 00:04.0 --strict 1000
dump img (raw, 1 range)
root table 0x100000, scalable mode
0x1000: fault 0x85 SGN.6: SM: No write permission for Write/AtomicOp request
  second-stage level 1 entry 0x0000000000005001 grants read only
  note: the context entry's reserved bits 8:5 are set, as Linux sets them; ignored
  scalable mode root entry: hi 0x0000000000000000, low 0x0000000000101001
  context entry: hi 0x0000000000000002, low 0x0000000000102069
  pasid dir entry: 0x0000000000103001
  pasid table entry[0]: 0x0000000000104089
  pasid table entry[1]: 0x0000000000000003
  pasid table entry[2]: 0x0000000000000000
  pasid table entry[3]: 0x0000000000000000
  pasid table entry[4]: 0x0000000000000000
  pasid table entry[5]: 0x0000000000000000
  pasid table entry[6]: 0x0000000000000000
  pasid table entry[7]: 0x0000000000000000
  pte level: 4, pte value: 0x0000000000105003
  pte level: 3, pte value: 0x0000000000106003
  pte level: 2, pte value: 0x0000000000107003
  pte level: 1, pte value: 0x0000000000005001
0x7fffff123456 -> 0x6123456  2M page, rwu, domain 9
  note: the context entry's reserved bits 8:5 are set, as Linux sets them; ignored
0x1000: fault 0x81 SGN.2: SM: U/S set 0 for first-level translation with user privilege
  user request, but first-stage level 1 entry 0x0000000000007063 has U/S clear
  note: the context entry's reserved bits 8:5 are set, as Linux sets them; ignored
0x800000000000: fault 0x80 SGN.1: SM: Address in first-level translation is not canonical
  0x800000000000 is not canonical for 4-level first-stage paging
  note: the context entry's reserved bits 8:5 are set, as Linux sets them; ignored
0x1000: fault 0x5d SPT.6: SM: SRE field is clear in PASID Table Entry
  privileged request, but the PASID entry does not enable supervisor requests (SRE)
  note: the context entry's reserved bits 8:5 are set, as Linux sets them; ignored
0x1000: fault 0x42 SCT.3: SM: Non-zero reserved field set in the Context Entry
  context entry 32 has reserved bits 8:5 set (0x60)
[exit 1]
$ printf 'mode scalable\ndevice 00:04.0 paside rid_pasid=9\npasid 00:04.0 9 pgtt=nested aw=48 levels=4 did=9\nmap 00:04.0/9 0x1000 0x40000000 4K user\nmap 00:04.0/9:ss 0x40000000 0x90000000 4K perm=r\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage d img) && iommutool -vv translate --dump img --rtaddr $rt --device 00:04.0 --read 1234; iommutool translate --dump img --rtaddr $rt --device 00:04.0 --write 1234
dump img (raw, 1 range)
root table 0x100000, scalable mode
0x1234 -> 0x90000234  4K page, r-u, domain 9
  scalable mode root entry: hi 0x0000000000000000, low 0x0000000000101001  (root table 0x100000, index 0)
  context entry: hi 0x0000000000000009, low 0x0000000000102009  (context table 0x101000, index 32)
  pasid dir entry: 0x0000000000103001  (pasid_dir table 0x102000, index 0)
  pasid table entry[0]: 0x00000000001040c9
  pasid table entry[1]: 0x0000000000000009
  pasid table entry[2]: 0x0000000000105000
  pasid table entry[3]: 0x0000000000000000
  pasid table entry[4]: 0x0000000000000000
  pasid table entry[5]: 0x0000000000000000
  pasid table entry[6]: 0x0000000000000000
  pasid table entry[7]: 0x0000000000000000  (pasid table 0x103000, index 9)
    second stage: pte level: 4, pte value: 0x0000000000106003  (second_stage table 0x104000, index 0)
    second stage: pte level: 3, pte value: 0x0000000000107003  (second_stage table 0x106000, index 0)
    second stage: pte level: 2, pte value: 0x0000000000108003  (second_stage table 0x107000, index 0)
    second stage: pte level: 1, pte value: 0x0000000000105003  (second_stage table 0x108000, index 261)
  first stage: pte level: 4, pte value: 0x0000000000109027  (first_stage table 0x105000, index 0)
    second stage: pte level: 4, pte value: 0x0000000000106003  (second_stage table 0x104000, index 0)
    second stage: pte level: 3, pte value: 0x0000000000107003  (second_stage table 0x106000, index 0)
    second stage: pte level: 2, pte value: 0x0000000000108003  (second_stage table 0x107000, index 0)
    second stage: pte level: 1, pte value: 0x0000000000109003  (second_stage table 0x108000, index 265)
  first stage: pte level: 3, pte value: 0x000000000010a027  (first_stage table 0x109000, index 0)
    second stage: pte level: 4, pte value: 0x0000000000106003  (second_stage table 0x104000, index 0)
    second stage: pte level: 3, pte value: 0x0000000000107003  (second_stage table 0x106000, index 0)
    second stage: pte level: 2, pte value: 0x0000000000108003  (second_stage table 0x107000, index 0)
    second stage: pte level: 1, pte value: 0x000000000010a003  (second_stage table 0x108000, index 266)
  first stage: pte level: 2, pte value: 0x000000000010b027  (first_stage table 0x10a000, index 0)
    second stage: pte level: 4, pte value: 0x0000000000106003  (second_stage table 0x104000, index 0)
    second stage: pte level: 3, pte value: 0x0000000000107003  (second_stage table 0x106000, index 0)
    second stage: pte level: 2, pte value: 0x0000000000108003  (second_stage table 0x107000, index 0)
    second stage: pte level: 1, pte value: 0x000000000010b003  (second_stage table 0x108000, index 267)
  first stage: pte level: 1, pte value: 0x0000000040000067  (first_stage table 0x10b000, index 1)
  second stage: pte level: 4, pte value: 0x0000000000106003  (second_stage table 0x104000, index 0)
  second stage: pte level: 3, pte value: 0x000000000010c003  (second_stage table 0x106000, index 1)
  second stage: pte level: 2, pte value: 0x000000000010d003  (second_stage table 0x10c000, index 0)
  second stage: pte level: 1, pte value: 0x0000000090000001  (second_stage table 0x10d000, index 0)
0x1234: fault 0x85 SGN.6: SM: No write permission for Write/AtomicOp request
  second-stage level 1 entry 0x0000000090000001 grants read only
[exit 1]
$ printf 'mode legacy\ndevice 00:04.0 aw=48\nmap 00:04.0 0x10000000 0x2000000 8K\ndrop table 00:04.0 0x10000000 1\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage --elf d img) && iommutool translate --dump img --rtaddr $rt --device 00:04.0 10000000
0x10000000: not in dump
  the second-level level 1 table page at 0x105000 is not in the dump
[exit 1]
$ printf 'mode legacy\ndevice 00:04.0 aw=39\nmap 00:04.0 0x1000 0x2000 8K\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage d img) && printf '1000\n  0x2abc  # comment\n\nnot-an-address\n3000\n' | iommutool translate --dump img --rtaddr $rt --device 00:04.0
0x1000 -> 0x2000  4K page, rw, domain 1
0x2abc -> 0x3abc  4K page, rw, domain 1
0x3000: fault 0x06 LGN.3: PTE Read access is not set
  second-level level 1 entry 0x0000000000000000 (table 0x104000): R and W are clear, nothing is mapped
! iommutool: standard input, line 4: 'not-an-address' is not a hexadecimal address
[exit 65]
$ printf 'mode abort\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage d img) && iommutool translate --dump img --rtaddr $rt --device 00:04.0 1000
0x1000: blocked
  RTADDR_REG.TTM is abort-DMA mode: every request is aborted, nothing is recorded
[exit 1]
$ iommutool translate --dump $TMP/none --rtaddr 1000 --device 00:04.0 1000
! iommutool: cannot open the dump '$TMP/none': No such file or directory
[exit 66]
$ printf '\050\265\057\375' >$TMP/z && iommutool translate --dump $TMP/z --rtaddr 1000 --device 00:04.0 1000
! iommutool: cannot read the dump '$TMP/z': the file is zstd-compressed; decompress it first (zstd -d)
[exit 65]
$ head -c 4096 /dev/zero >$TMP/img && iommutool translate --dump $TMP/img --device 00:04.0 1000
! iommutool: no table pointer: give --rtaddr (VT-d), --strtab (SMMUv3) or --dev-table (AMD-Vi), or --registers FILE with one of them; without register values, 'iommutool scan --dump $TMP/img' finds the tables in the dump and the option to give
[exit 64]
$ head -c 4096 /dev/zero >$TMP/img && iommutool translate --dump $TMP/img --rtaddr 1000 1000
! iommutool: no requester: give --device BDF (or --sid N for an SMMUv3 or AMD-Vi unit)
[exit 64]
$ head -c 4096 /dev/zero >$TMP/img && iommutool translate --dump $TMP/img --rtaddr 1000 --device 00:40.0 1000
! iommutool: '00:40.0' is not a PCI device address ([segment:]bus:device.function)
[exit 64]
$ head -c 4096 /dev/zero >$TMP/img && iommutool translate --dump $TMP/img --rtaddr 1000 --device 00:04.0 xyz
! iommutool: 'xyz' is not a hexadecimal address
[exit 64]
$ head -c 4096 /dev/zero >$TMP/img && iommutool translate --dump $TMP/img --rtaddr 1000 --device 00:04.0 --read --write 1000
! iommutool translate: --read and --write do not combine
! Try `iommutool translate --help' or `iommutool translate --usage' for more
! information.
[exit 64]
$ head -c 4096 /dev/zero >$TMP/img && iommutool translate --dump $TMP/img --rtaddr 1000 --device 00:04.0 1000
0x1000: not in dump
  the root table at 0x1000 is not in the dump
[exit 1]
