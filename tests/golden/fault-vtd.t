# iommutool fault: DMAR fault lines of every format the kernel has printed, as arguments and
# from standard input among other log lines, -v and JSON; with a dump built by
# tests/tools/mkimage, each request walked and compared with the logged fault.
$ iommutool fault 'DMAR:[DMA Write] Request device [00:02.0] fault addr 6df084000' 'DMAR:[fault reason 05] PTE Write access is not set' 'DMAR: [DMA Read] Request device [00:02.0] PASID ffffffff fault addr 9c000000 [fault reason 06] PTE Read access is not set' 'DMAR: [DMA Write] Request device [00:02.0] PASID 2 fault addr 9c001000 [fault reason 133] SM: No write permission for Write/AtomicOp request' 'DMAR: [DMA Read NO_PASID] Request device [0x00:0x02.0] fault addr 0x9c000000 [fault reason 0x06] PTE Read access is not set' 'DMAR: [DMA Write PASID 0x5] Request device [00:04.0] fault addr 0x7f3a2000 [fault reason 0x85] SM: No write permission for Write/AtomicOp request' 'DMAR: [DMA Read NO_PASID] Request device [0001:3a:00.1] fault addr 0xfffff000 [fault reason 0x71] SM: Present bit in first-level paging entry is clear'
dma_write from 0000:00:02.0, address 0x6df084000
  fault 0x05 LGN.2: PTE Write access is not set
dma_read from 0000:00:02.0, address 0x9c000000
  fault 0x06 LGN.3: PTE Read access is not set
dma_write from 0000:00:02.0, PASID 2, address 0x9c001000
  fault 0x85 SGN.6: SM: No write permission for Write/AtomicOp request
dma_read from 0000:00:02.0, address 0x9c000000
  fault 0x06 LGN.3: PTE Read access is not set
dma_write from 0000:00:04.0, PASID 5, address 0x7f3a2000
  fault 0x85 SGN.6: SM: No write permission for Write/AtomicOp request
dma_read from 0001:3a:00.1, address 0xfffff000
  fault 0x71 SFL.2: SM: Present bit in first-level paging entry is clear
[exit 1]
$ iommutool fault 'INTR-REMAP: Request device [[f0:1f.0] fault index 24' 'INTR-REMAP:[fault reason 38] Blocked an interrupt request due to source-id verification failure' 'DMAR: [INTR-REMAP] Request device [f0:1f.0] fault index 0x24 [fault reason 0x25] Blocked a compatibility format interrupt request' 'DMAR: [INTR-REMAP] Request device [0000:f0:1f.0] fault index 0x24 [fault reason 0x22] Present field in the IRTE entry is clear'
interrupt from 0000:f0:1f.0, interrupt index 0x24
  fault 0x26: Blocked an interrupt request due to source-id verification failure
interrupt from 0000:f0:1f.0, interrupt index 0x24
  fault 0x25: Blocked a compatibility format interrupt request
interrupt from 0000:f0:1f.0, interrupt index 0x24
  fault 0x22: Present field in the IRTE entry is clear
[exit 1]
$ printf '[    0.731245] DMAR: IOMMU enabled\n[   12.000001] DMAR: DRHD: handling fault status reg 2\n[   12.000002] DMAR: [DMA Read NO_PASID] Request device [00:04.0] fault addr 0x10002000 [fault reason 0x06] PTE Read access is not set\nMar 3 10:00:00 host kernel: DMAR: [DMA Write NO_PASID] Request device [00:04.0] fault addr 0x10000000 [fault reason 0x05] PTE Write access is not set\n' | iommutool fault
dma_read from 0000:00:04.0, address 0x10002000
  fault 0x06 LGN.3: PTE Read access is not set
dma_write from 0000:00:04.0, address 0x10000000
  fault 0x05 LGN.2: PTE Write access is not set
[exit 1]
$ printf 'DMAR: IOMMU enabled\nnothing to see\n' | iommutool fault; iommutool fault 'DMAR: [DMA Read NO_PASID] Request device [00:02.0] fault addr 0x1000'
no fault or event messages (DMAR, arm-smmu-v3, AMD-Vi)
no fault or event messages (DMAR, arm-smmu-v3, AMD-Vi)
[exit 0]
$ iommutool -v fault 'DMAR: [DMA Read NO_PASID] Request device [00:02.0] fault addr 0x9c000000 [fault reason 0x06] PTE Read access is not set' 'DMAR: [DMA Read NO_PASID] Request device [00:02.0] fault addr 0x9c000000 [fault reason 0x02] Present bit in context entry is clear' 'DMAR: [DMA Read PASID 0x1] Request device [00:02.0] fault addr 0x9c000000 [fault reason 0x59] SM: Present bit in PASID table entry is clear'
dma_read from 0000:00:02.0, address 0x9c000000  (line 1)
  fault 0x06 LGN.3: PTE Read access is not set
  meaning: a read of a page without read permission; second-level entries have no present bit, so an unmapped page (R and W clear) faults this way too
  likely causes: DMA to an address the driver never mapped or already unmapped: a device still using a buffer after the driver freed it, a stale or corrupted descriptor, a device given the wrong address (or a wrong DMA mask), or a mapping made with the opposite direction
  log format: NO_PASID/PASID tag
dma_read from 0000:00:02.0, address 0x9c000000  (line 2)
  fault 0x02 LCT.2: Present bit in context entry is clear
  meaning: the context entry for the requester's device and function is not present
  likely causes: DMA from a device or function the kernel has not attached to a domain (or detached while DMA was in flight); requester ID aliasing (PCIe-to-PCI bridges, devices using another function's ID); a driver unbound without quiescing the device
  log format: NO_PASID/PASID tag
dma_read from 0000:00:02.0, PASID 1, address 0x9c000000  (line 3)
  fault 0x59 SPT.2: SM: Present bit in PASID Table Entry is clear
  meaning: the PASID table entry is not present
  likely causes: a PASID (or RID_PASID) not attached, or detached while the device used it
  the log says "SM: Present bit in PASID table entry is clear"
  log format: NO_PASID/PASID tag
[exit 1]
$ iommutool --json fault 'DMAR: [DMA Write PASID 0x5] Request device [00:04.0] fault addr 0x7f3a2000 [fault reason 0x85] SM: No write permission for Write/AtomicOp request' 'DMAR: [INTR-REMAP] Request device [f0:1f.0] fault index 0x24 [fault reason 0x25] Blocked a compatibility format interrupt request'
{
  "schema_version": 2,
  "faults": [
    {
      "line": 1,
      "type": "dma_write",
      "device": "0000:00:04.0",
      "pasid": 5,
      "address": "0x7f3a2000",
      "reason": 133,
      "condition": "SGN.6",
      "kernel_message": "SM: No write permission for Write/AtomicOp request",
      "meaning": "a write to a page the translation does not let be written",
      "causes": "a device writing a buffer mapped read-only (DMA_TO_DEVICE)",
      "qualified": true,
      "logged_text": "SM: No write permission for Write/AtomicOp request",
      "format": "NO_PASID/PASID tag"
    },
    {
      "line": 2,
      "type": "interrupt",
      "device": "0000:f0:1f.0",
      "pasid": null,
      "index": "0x24",
      "reason": 37,
      "condition": null,
      "kernel_message": "Blocked a compatibility format interrupt request",
      "meaning": "a compatibility-format interrupt was blocked (GSTS.CFIS clear, or x2APIC mode)",
      "causes": "a device or IOAPIC using legacy MSI format while interrupt remapping enforces remappable format",
      "qualified": false,
      "logged_text": "Blocked a compatibility format interrupt request",
      "format": "hexadecimal reason"
    }
  ]
}
[exit 1]
$ printf 'mode legacy\ndevice 00:04.0 did=5 aw=39\nmap 00:04.0 0x10000000 0x2000000 8K perm=r\ndevice 00:05.0 aw=39 fpd\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage d img) && iommutool fault --dump img --rtaddr $rt 'DMAR: [DMA Read NO_PASID] Request device [0000:00:04.0] fault addr 0x10002000 [fault reason 0x06] PTE Read access is not set' 'DMAR: [DMA Write NO_PASID] Request device [0000:00:04.0] fault addr 0x10000000 [fault reason 0x05] PTE Write access is not set' 'DMAR: [DMA Read NO_PASID] Request device [0000:00:04.0] fault addr 0x10000000 [fault reason 0x06] PTE Read access is not set' 'DMAR: [DMA Read NO_PASID] Request device [0000:00:04.0] fault addr 0x10003000 [fault reason 0x05] PTE Write access is not set' 'DMAR: [DMA Read NO_PASID] Request device [0000:00:06.0] fault addr 0x1000 [fault reason 0x02] Present bit in context entry is clear' 'DMAR: [DMA Read NO_PASID] Request device [0000:00:05.0] fault addr 0x1000 [fault reason 0x06] PTE Read access is not set' 'DMAR: [INTR-REMAP] Request device [f0:1f.0] fault index 0x24 [fault reason 0x25] Blocked a compatibility format interrupt request'
dma_read from 0000:00:04.0, address 0x10002000
  fault 0x06 LGN.3: PTE Read access is not set
  in the dump: 0x10002000: fault 0x06 LGN.3: PTE Read access is not set
  second-level level 1 entry 0x0000000000000000 (table 0x104000): R and W are clear, nothing is mapped
  verdict: same
dma_write from 0000:00:04.0, address 0x10000000
  fault 0x05 LGN.2: PTE Write access is not set
  in the dump: 0x10000000: fault 0x05 LGN.2: PTE Write access is not set
  second-level level 1 entry 0x0000000002000001 grants read only
  verdict: same
dma_read from 0000:00:04.0, address 0x10000000
  fault 0x06 LGN.3: PTE Read access is not set
  in the dump: 0x10000000 -> 0x2000000  4K page, r-, domain 5
  verdict: translates (mapped after the fault, or the IOTLB held a stale entry)
dma_read from 0000:00:04.0, address 0x10003000
  fault 0x05 LGN.2: PTE Write access is not set
  in the dump: 0x10003000: fault 0x06 LGN.3: PTE Read access is not set
  second-level level 1 entry 0x0000000000000000 (table 0x104000): R and W are clear, nothing is mapped
  verdict: different (the tables changed between the fault and the dump?)
dma_read from 0000:00:06.0, address 0x1000
  fault 0x02 LCT.2: Present bit in context entry is clear
  in the dump: 0x1000: fault 0x02 LCT.2: Present bit in context entry is clear
  context entry 48 (06.0) is not present
  verdict: same
dma_read from 0000:00:05.0, address 0x1000
  fault 0x06 LGN.3: PTE Read access is not set
  in the dump: 0x1000: fault 0x06 LGN.3: PTE Read access is not set (suppressed: fault processing is disabled)
  second-level level 3 entry 0x0000000000000000 (table 0x105000): R and W are clear, nothing is mapped
  verdict: same
interrupt from 0000:f0:1f.0, interrupt index 0x24
  fault 0x25: Blocked a compatibility format interrupt request
[exit 1]
$ printf 'mode scalable\ndevice 00:04.0 paside\npasid 00:04.0 1 pgtt=ss did=3 aw=48\nmap 00:04.0/1 0x10000000 0x2000000 4K perm=r\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage d img) && iommutool -v fault --dump img --rtaddr $rt 'DMAR: [DMA Write PASID 0x1] Request device [00:04.0] fault addr 0x10000000 [fault reason 0x85] SM: No write permission for Write/AtomicOp request' 'DMAR: [DMA Read PASID 0x2] Request device [00:04.0] fault addr 0x10000000 [fault reason 0x59] SM: Present bit in PASID table entry is clear'
dma_write from 0000:00:04.0, PASID 1, address 0x10000000  (line 1)
  fault 0x85 SGN.6: SM: No write permission for Write/AtomicOp request
  meaning: a write to a page the translation does not let be written
  likely causes: a device writing a buffer mapped read-only (DMA_TO_DEVICE)
  log format: NO_PASID/PASID tag
  in the dump: 0x10000000: fault 0x85 SGN.6: SM: No write permission for Write/AtomicOp request
  second-stage level 1 entry 0x0000000002000001 grants read only
  scalable mode root entry: hi 0x0000000000000000, low 0x0000000000101001
  context entry: hi 0x0000000000000000, low 0x0000000000102009
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
  pte level: 1, pte value: 0x0000000002000001
  verdict: same
dma_read from 0000:00:04.0, PASID 2, address 0x10000000  (line 2)
  fault 0x59 SPT.2: SM: Present bit in PASID Table Entry is clear
  meaning: the PASID table entry is not present
  likely causes: a PASID (or RID_PASID) not attached, or detached while the device used it
  the log says "SM: Present bit in PASID table entry is clear"
  log format: NO_PASID/PASID tag
  in the dump: 0x10000000: fault 0x59 SPT.2: SM: Present bit in PASID Table Entry is clear
  PASID 2 entry is not present
  scalable mode root entry: hi 0x0000000000000000, low 0x0000000000101001
  context entry: hi 0x0000000000000000, low 0x0000000000102009
  pasid dir entry: 0x0000000000103001
  pasid table entry[0]: 0x0000000000000000
  pasid table entry[1]: 0x0000000000000000
  pasid table entry[2]: 0x0000000000000000
  pasid table entry[3]: 0x0000000000000000
  pasid table entry[4]: 0x0000000000000000
  pasid table entry[5]: 0x0000000000000000
  pasid table entry[6]: 0x0000000000000000
  pasid table entry[7]: 0x0000000000000000
  verdict: same
[exit 1]
$ printf 'mode legacy\ndevice 00:04.0 did=5 aw=39\nmap 00:04.0 0x10000000 0x2000000 4K\ndrop table 00:04.0 0x10000000 1\n' >$TMP/d && cd $TMP && rt=$($TOOLS/mkimage --elf d img) && iommutool fault --dump img --rtaddr $rt 'DMAR: [DMA Read NO_PASID] Request device [00:04.0] fault addr 0x10000000 [fault reason 0x06] PTE Read access is not set'
dma_read from 0000:00:04.0, address 0x10000000
  fault 0x06 LGN.3: PTE Read access is not set
  in the dump: 0x10000000: not in dump
  the second-level level 1 table page at 0x104000 is not in the dump
  verdict: cannot tell: the walk needs a page that is not in the dump
[exit 1]
$ cd $TMP && l='DMAR: [DMA Read NO_PASID] Request device [00:04.0] fault addr 0x1000 [fault reason 0x06] PTE Read access is not set' && iommutool fault --dump missing --rtaddr 0x1000 "$l"; echo "exit $?"; printf '\x28\xb5\x2f\xfd' >z.img && iommutool fault --dump z.img --rtaddr 0x1000 "$l"; echo "exit $?"; iommutool fault --dump z.img "$l"
exit 66
exit 65
! iommutool: cannot open the dump 'missing': No such file or directory
! iommutool: cannot read the dump 'z.img': the file is zstd-compressed; decompress it first (zstd -d)
! iommutool: cannot read the dump 'z.img': the file is zstd-compressed; decompress it first (zstd -d)
[exit 65]
