# iommutool translate, walk and fault on the q35-vtd-legacy fixture's ELF dump: what a real
# Linux guest left in memory on QEMU's VT-d (the full agreement check is
# tests/scripts/fixture-vtd-legacy.sh); walk and translate on the q35-amd-crash fixture's, where
# Linux left the DTEs of unused device ids granting nothing (V, TV set, IR and IW clear).
$ zstd -q -d $SHARED/fixtures/q35-vtd-legacy/vmcore.elf.zst -o $TMP/vmcore && r=$PWD/$SHARED/fixtures/q35-vtd-legacy/registers.txt && cd $TMP && iommutool walk --dump vmcore --registers $r; iommutool walk --dump vmcore --registers $r --format=debugfs; iommutool walk --dump vmcore --registers $r --mappings --device 00:02.0; iommutool walk --dump vmcore --registers $r --reverse 0x29cd123
dump vmcore (elf, 2 ranges)
unit at 0xfed90000
root table 0x601f000, legacy mode
DEVICE        PASID  MODE    DOMAIN  LEVELS  TABLE       STATUS  REASON
0000:00:00.0      -  legacy       2  3       0x6086000   ok      -
0000:00:02.0      -  legacy       3  3       0x608b000   ok      -
0000:00:03.0      -  legacy       4  3       0x608e000   ok      -
0000:00:04.0      -  legacy       5  3       0x1fca8000  ok      -
0000:00:05.0      -  legacy       6  3       0x6094000   ok      -
0000:00:1f.0      -  legacy       7  3       0x60ee000   ok      -
0000:00:1f.2      -  legacy       7  3       0x60ee000   ok      -
0000:00:1f.3      -  legacy       7  3       0x60ee000   ok      -
0000:01:00.0      -  legacy       8  3       0x60f8000   ok      -
IOMMU dmar0: Root Table Address: 0x601f000
B.D.F	Root_entry				Context_entry				PASID	PASID_table_entry
00:00.0	0x0000000000000000:0x0000000006087001	0x0000000000000201:0x0000000006086001	-1    	0x0000000000000000:0x0000000000000000:0x0000000000000000
00:02.0	0x0000000000000000:0x0000000006087001	0x0000000000000301:0x000000000608b001	-1    	0x0000000000000000:0x0000000000000000:0x0000000000000000
00:03.0	0x0000000000000000:0x0000000006087001	0x0000000000000401:0x000000000608e001	-1    	0x0000000000000000:0x0000000000000000:0x0000000000000000
00:04.0	0x0000000000000000:0x0000000006087001	0x0000000000000501:0x000000001fca8001	-1    	0x0000000000000000:0x0000000000000000:0x0000000000000000
00:05.0	0x0000000000000000:0x0000000006087001	0x0000000000000601:0x0000000006094001	-1    	0x0000000000000000:0x0000000000000000:0x0000000000000000
00:1f.0	0x0000000000000000:0x0000000006087001	0x0000000000000701:0x00000000060ee001	-1    	0x0000000000000000:0x0000000000000000:0x0000000000000000
00:1f.2	0x0000000000000000:0x0000000006087001	0x0000000000000701:0x00000000060ee001	-1    	0x0000000000000000:0x0000000000000000:0x0000000000000000
00:1f.3	0x0000000000000000:0x0000000006087001	0x0000000000000701:0x00000000060ee001	-1    	0x0000000000000000:0x0000000000000000:0x0000000000000000
01:00.0	0x0000000000000000:0x00000000060fa001	0x0000000000000801:0x00000000060f8001	-1    	0x0000000000000000:0x0000000000000000:0x0000000000000000

DEVICE        PASID  IOVA                              PHYS                           PAGE  PERM
no mappings
page 0x29cd000 is reached by:
DEVICE        PASID  IOVA                              PHYS                           PAGE  PERM
0000:00:04.0      -  0x000010003000-0x000010003fff  -> 0x0000029cd000-0x0000029cdfff  4K    rw
[exit 0]
$ zstd -q -d $SHARED/fixtures/q35-vtd-legacy/vmcore.elf.zst -o $TMP/vmcore && r=$PWD/$SHARED/fixtures/q35-vtd-legacy/registers.txt && cd $TMP && iommutool walk --dump vmcore --registers $r --interrupts; iommutool walk --dump vmcore --registers $r --interrupts --format=debugfs | sed -n 1,12p; iommutool walk --dump vmcore --registers $r --queue | sed -n 1,6p; iommutool walk --dump vmcore --registers $r --queue --format=debugfs | sed -n 1,6p
interrupt remapping table 0x4a00000, 65536 entries, xAPIC
INDEX  VECTOR  DEST        DELIVERY  DM       TRIGGER  POSTED  PDA  SOURCE
    0  0x25    0x00000100  fixed     logical  edge     no      -    requester ff:00.0
    1  0x30    0x00000100  fixed     logical  edge     no      -    requester ff:00.0
    3  0x27    0x00000100  fixed     logical  edge     no      -    requester ff:00.0
    7  0x26    0x00000100  fixed     logical  edge     no      -    requester ff:00.0
    8  0x22    0x00000100  fixed     logical  edge     no      -    requester ff:00.0
   11  0x24    0x00000100  fixed     logical  edge     no      -    requester ff:00.0
   16  0x23    0x00000100  fixed     logical  edge     no      -    requester 00:05.0
   18  0xef    0x00000100  fixed     logical  edge     no      -    requester 00:02.0
   19  0xef    0x00000100  fixed     logical  edge     no      -    requester 00:02.0
   20  0xef    0x00000100  fixed     logical  edge     no      -    requester 00:02.0
   22  0x28    0x00000100  fixed     logical  edge     no      -    requester 00:03.0
   23  0x29    0x00000100  fixed     logical  edge     no      -    requester 00:03.0
   24  0x2a    0x00000100  fixed     logical  edge     no      -    requester 00:03.0
   25  0x2c    0x00000100  fixed     logical  edge     no      -    requester 01:00.0
   26  0x2b    0x00000100  fixed     logical  edge     no      -    requester 01:00.0
Remapped Interrupt supported on IOMMU: dmar0
 IR table address:4a00000
 Entry SrcID   DstID    Vct IRTE_high		IRTE_low
 0     ff:00.0 00000100 25  000000000004ff00	000001000025000d
 1     ff:00.0 00000100 30  000000000004ff00	000001000030000d
 3     ff:00.0 00000100 27  000000000004ff00	000001000027000d
 7     ff:00.0 00000100 26  000000000004ff00	000001000026000d
 8     ff:00.0 00000100 22  000000000004ff00	000001000022000d
 11    ff:00.0 00000100 24  000000000004ff00	000001000024000d
 16    00:05.0 00000100 23  0000000000040028	000001000023000d
 18    00:02.0 00000100 ef  0000000000040010	0000010000ef000d
 19    00:02.0 00000100 ef  0000000000040010	0000010000ef000d
invalidation queue 0x49b0000, 256 slots of 128 bits, head 152, tail 152
INDEX  TYPE   FIELDS                                                                    AT
    0  iotlb  granularity 3, did 5, addr 0x7ff8409000, am 0, drain reads, drain writes  -
    1  wait   status data 0x00000002 to 0x49bac04, status write                         -
    2  iotlb  granularity 3, did 5, addr 0xcaf61000, am 0, drain reads, drain writes    -
    3  wait   status data 0x00000002 to 0x49bac0c, status write                         -
Invalidation queue on IOMMU: dmar0
 Base: 0x49b0000	Head: 152	Tail: 152
Index		qw0			qw1			status
    0	00000000000500f2	0000007ff8409000	unknown
    1	0000000200000025	00000000049bac04	unknown
    2	00000000000500f2	00000000caf61000	unknown
[exit 0]
$ zstd -q -d $SHARED/fixtures/q35-vtd-legacy/vmcore.elf.zst -o $TMP/vmcore && r=$PWD/$SHARED/fixtures/q35-vtd-legacy/registers.txt && cd $TMP && iommutool -v translate --dump vmcore --registers $r --device 0000:00:04.0 0x40000000 0x7fffffff000; iommutool fault --dump vmcore --registers $r 'DMAR: [DMA Write NO_PASID] Request device [00:04.0] fault addr 0x10002000 [fault reason 0x05] PTE Write access is not set' 'DMAR: [DMA Read NO_PASID] Request device [00:04.0] fault addr 0x10003000 [fault reason 0x06] PTE Read access is not set'
dump vmcore (elf, 2 ranges)
unit at 0xfed90000
root table 0x601f000, legacy mode
0x40000000 -> 0x298c000  4K page, rw, domain 5
  root entry: 0x0000000006087001
  context entry: hi 0x0000000000000501, low 0x000000001fca8001
  pte level: 3, pte value: 0x000000001ff18003
  pte level: 2, pte value: 0x000000001ff17003
  pte level: 1, pte value: 0x000000000298c003
0x7fffffff000: fault 0x04 LGN.1: Access beyond MGAW
  0x7fffffff000 is beyond the 39-bit address width of the context entry
  root entry: 0x0000000006087001
  context entry: hi 0x0000000000000501, low 0x000000001fca8001
dma_write from 0000:00:04.0, address 0x10002000
  fault 0x05 LGN.2: PTE Write access is not set
  in the dump: 0x10002000: fault 0x05 LGN.2: PTE Write access is not set
  second-level level 1 entry 0x0000000000000000 (table 0x1fc8f000): R and W are clear, nothing is mapped
  verdict: same
dma_read from 0000:00:04.0, address 0x10003000
  fault 0x06 LGN.3: PTE Read access is not set
  in the dump: 0x10003000 -> 0x29cd000  4K page, rw, domain 5
  verdict: translates (mapped after the fault, or the IOTLB held a stale entry)
[exit 1]
$ zstd -q -d $SHARED/fixtures/q35-amd-crash/vmcore.elf.zst -o $TMP/vmcore && r=$PWD/$SHARED/fixtures/q35-amd-crash/registers.txt && cd $TMP && iommutool walk --dump vmcore --registers $r; iommutool walk --dump vmcore --registers $r -d 00:00.1 | tail -n +4; iommutool translate --dump vmcore --registers $r -d 00:00.1 0x1000
dump vmcore (elf, 2 ranges)
unit at 0xfed80000
device table 0x11c8000, 512 entries
DEVICE        PASID  MODE  DOMAIN  LEVELS  TABLE       STATUS  EVENT
0000:00:00.0      -  v1         1  3       0x2436000   ok      -
0000:00:02.0      -  v1         2  3       0x1e5bf000  ok      -
0000:00:03.0      -  v1         3  3       0x24f2000   ok      -
0000:00:04.0      -  v1         9  4       0x1bf4e000  ok      -
0000:00:05.0      -  v1         5  3       0x24f8000   ok      -
0000:00:1f.0      -  v1         6  3       0x24fb000   ok      -
0000:00:1f.2      -  v1         6  3       0x24fb000   ok      -
0000:00:1f.3      -  v1         6  3       0x24fb000   ok      -
0000:01:00.0      -  v1         7  3       0x24ff000   ok      -
503 more device table entries grant neither read nor write (IR/IW clear: device ids not in use); --all lists them
DEVICE        PASID  MODE  DOMAIN  LEVELS  TABLE  STATUS  EVENT
0000:00:00.1      -  -          0  -       -      fault   IO_PAGE_FAULT 0x0050
0000:00:00.1: the DTE grants neither read nor write (IR/IW)
0x1000: event 2 IO_PAGE_FAULT flags 0x0050 (PR PE)
  the DTE grants neither read nor write (IR/IW)
[exit 1]
