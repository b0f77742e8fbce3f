# iommutool validate on DMAR tables.  The known-broken tables of the corpus each get the finding
# their bug deserves: DRHD register base 0 (ThinkPad E15 Gen 2, IdeaPad Flex 15; Linux leaves
# VT-d off), RMRR [0x0-0x0] (HP Compaq 6730b), and on the Mac mini 6,2 an IOAPIC scope whose id
# is not the MADT's I/O APIC (with that machine's MADT, hand-made: tests/data/dmar).  One zeroed
# DRHD is that bug; the templates (Intel's Kaby Lake and Coffee Lake reference DMARs before the SA
# init code patches them, every DRHD at 0 and an RMRR [0x0-0x0]; ACPICA's, OEM Table ID TEMPLATE)
# are said to be unpatched templates, once, and the Kaby Lake one's zero-length scope placeholder
# stays (it stops the walk).
$ iommutool validate $SHARED/corpus/dmar/lenovo-thinkpad-e15-gen-2-20td0005mh-90513e67.bin
DMAR (../shared/corpus/dmar/lenovo-thinkpad-e15-gen-2-20td0005mh-90513e67.bin): 1 error, 0 warnings, 0 info
  error   [0x068] DRHD 2 (segment 0) has register base 0x0  (dmar.drhd.base_zero, VT-d 4.1 §8.3)
1 table(s) checked: 1 error(s), 0 warning(s), 0 info
[exit 2]
$ iommutool validate $SHARED/corpus/dmar/lenovo-ideapadflex-15-20309-27d1e500.bin
DMAR (../shared/corpus/dmar/lenovo-ideapadflex-15-20309-27d1e500.bin): 1 error, 0 warnings, 0 info
  error   [0x038] DRHD 0 (segment 0) has register base 0x0  (dmar.drhd.base_zero, VT-d 4.1 §8.3)
1 table(s) checked: 1 error(s), 0 warning(s), 0 info
[exit 2]
$ iommutool validate $SHARED/corpus/dmar/hp-compaq-6730b-aef2c7fe.bin
DMAR (../shared/corpus/dmar/hp-compaq-6730b-aef2c7fe.bin): 2 errors, 0 warnings, 0 info
  error   [0x080] RMRR 0 [0x0-0x0]: end + 1 is not 4 KiB aligned  (dmar.rmrr.unaligned, VT-d 4.1 §8.4)
  error   [0x088] RMRR 0 [0x0-0x0]: the end is not above the base  (dmar.rmrr.empty, VT-d 4.1 §8.4)
1 table(s) checked: 2 error(s), 0 warning(s), 0 info
[exit 2]
$ iommutool validate $SHARED/corpus/dmar/apple-macmini6-2-8260363b.bin
DMAR (../shared/corpus/dmar/apple-macmini6-2-8260363b.bin): no findings
1 table(s) checked: 0 error(s), 0 warning(s), 0 info
[exit 0]
$ iommutool validate $SHARED/corpus/dmar/apple-macmini6-2-8260363b.bin $TESTDATA/dmar/macmini6-2-madt.bin
DMAR (../shared/corpus/dmar/apple-macmini6-2-8260363b.bin): 2 errors, 0 warnings, 0 info
  error   [0x058] IOAPIC scope has enumeration id 0; the MADT's I/O APIC ids are: 2  (dmar.ioapic.not_in_madt, VT-d 4.1 §8.3.1)
  error   the MADT's I/O APIC 2 (MADT offset 0x4c) has no IOAPIC scope in any DRHD  (dmar.ioapic.missing_scope, VT-d 4.1 §8.3.1)
1 table(s) checked: 2 error(s), 0 warning(s), 0 info
[exit 2]
$ iommutool validate $TESTDATA/dmar/many-problems.bin
DMAR (tests/data/dmar/many-problems.bin): 13 errors, 12 warnings, 1 info
  error   [0x068] device scope at 0x68 has no path hop  (dmar.scope.path_empty, VT-d 4.1 §8.3.1)
  error   [0x06e] device scope at 0x6e has length 9, not 6 + 2 x (path hops)  (dmar.scope.bad_length, VT-d 4.1 §8.3.1)
  warning [0x10f] RMRR Reserved Memory at 0x10f (type 1) follows a structure of type 2  (dmar.structure.order, VT-d 4.1 §8.1)
  error   [0x024] host address width is 11 bits (field 0x0a); Linux needs at least 12  (dmar.haw.invalid, VT-d 4.1 §8.1)
  warning [0x034] DRHD 0 has INCLUDE_PCI_ALL but DRHD 1 (at 0x48) of segment 0 follows it  (dmar.drhd.include_all_not_last, VT-d 4.1 §8.3)
  error   [0x07f] DRHD 2 has register base 0xfed92800, not 4 KiB aligned  (dmar.drhd.base_unaligned, VT-d 4.1 §8.3)
  error   [0x07b] DRHD 2 is a second INCLUDE_PCI_ALL unit of segment 0 (DRHD 0 is one)  (dmar.drhd.include_all_multiple, VT-d 4.1 §8.3)
  warning [0x08f] DRHD 3 repeats the register base 0xfed91000 of DRHD 1 (at 0x48)  (dmar.drhd.duplicate, VT-d 4.1 §8.3)
  error   [0x060] PCI Endpoint scope 00:02.0 in DRHD 1 was already claimed at 0x58 (DRHD 1)  (dmar.scope.duplicate, VT-d 4.1 §8.3)
  error   [0x0b7] RMRR at 0x9f holds a scope of type 3 (IOAPIC)  (dmar.scope.wrong_kind, VT-d 4.1 §8.4-§8.9)
  error   [0x0a7] RMRR 0 [0x7c000800-0x7c7fffff]: base is not 4 KiB aligned  (dmar.rmrr.unaligned, VT-d 4.1 §8.4)
  error   [0x0c7] RMRR 1 [0x7c400000-0x7c5fffff] overlaps RMRR 0 [0x7c000800-0x7c7fffff]  (dmar.rmrr.overlap, VT-d 4.1 §8.4)
  error   [0x0ef] RMRR 2 [0x80000000-0x7fffffff]: the end is not above the base  (dmar.rmrr.empty, VT-d 4.1 §8.4)
  warning [0x0df] RMRR 2 [0x80000000-0x7fffffff] has no device scope  (dmar.rmrr.no_scope, VT-d 4.1 §8.4)
  info    [0x0ff] ATSR 1 has ALL_PORTS and 1 device scope(s), which are ignored  (dmar.atsr.all_ports_scope, VT-d 4.1 §8.5)
  error   [0x103] ATSR 1 is a second ALL_PORTS ATSR of segment 0 (ATSR 0 is one)  (dmar.atsr.all_ports_multiple, VT-d 4.1 §8.5)
  error   [0x137] RHSA 0 refers to register base 0xfed93000, which no DRHD has  (dmar.rhsa.no_drhd, VT-d 4.1 §8.6)
  warning [0x030] RHSAs are present but not for every DRHD (4 times: at 0x30, 0x48, 0x77, 0x8f)  (dmar.rhsa.incomplete, VT-d 4.1 §8.6)
  warning [0x143] ANDD 0 ("\_SB.PCI0.I2C0", device number 1) is in the scope of no DRHD  (dmar.andd.no_scope, VT-d 4.1 §8.7)
  error   [0x162] ANDD 1's object name "\_SB" has no NUL inside the structure  (dmar.andd.unterminated, VT-d 4.1 §8.7)
  warning [0x15a] ANDD 1 ("\_SB", device number 2) is in the scope of no DRHD  (dmar.andd.no_scope, VT-d 4.1 §8.7)
  warning [0x087] ACPI namespace device scope with enumeration id 7: no ANDD has that device number  (dmar.scope.no_andd, VT-d 4.1 §8.7)
  warning [0x115] RMRR 3 is for PCI segment 1, which no DRHD covers  (dmar.segment.no_drhd, VT-d 4.1 §8.3)
1 table(s) checked: 13 error(s), 12 warning(s), 1 info
[exit 2]
$ iommutool validate $TESTDATA/dmar/walk-unknown-then-zero.bin $TESTDATA/dmar/walk-overrun.bin
DMAR (tests/data/dmar/walk-unknown-then-zero.bin): 1 error, 1 warning, 0 info
  warning [0x048] structure at 0x48 has reserved type 9; skipped by its length 12  (dmar.structure.unknown_type, VT-d 4.1 §8.2)
  error   [0x074] structure at 0x74 (type 1) has length 0; the 12 byte(s) from there are not decoded  (dmar.structure.zero_length, VT-d 4.1 §8.2)
DMAR (tests/data/dmar/walk-overrun.bin): 1 error, 0 warnings, 0 info
  error   [0x040] RMRR Reserved Memory at 0x40 has length 1024; only 32 byte(s) of the table are left  (dmar.structure.overrun, VT-d 4.1 §8.2)
2 table(s) checked: 2 error(s), 1 warning(s), 0 info
[exit 2]
$ iommutool --json validate $TESTDATA/dmar/walk-overrun.bin
{
  "schema_version": 2,
  "tables": [
    {
      "name": "DMAR",
      "signature": "DMAR",
      "source": "tests/data/dmar/walk-overrun.bin",
      "source_offset": "0x0",
      "findings": [
        {
          "id": "dmar.structure.overrun",
          "severity": "error",
          "table": "DMAR",
          "offset": "0x40",
          "message": "RMRR Reserved Memory at 0x40 has length 1024; only 32 byte(s) of the table are left",
          "count": 1,
          "reference": "VT-d 4.1 §8.2"
        }
      ]
    }
  ],
  "summary": {
    "tables": 1,
    "errors": 1,
    "warnings": 0,
    "info": 0
  }
}
[exit 2]
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy validate
DMAR ($TMPROOT/fixtures/q35-vtd-legacy/sys/firmware/acpi/tables/DMAR): 0 errors, 0 warnings, 1 info
  info    HPET number 0 has no HPET scope in any DRHD  (dmar.hpet.missing_scope, VT-d 4.1 §8.3.1)
1 table(s) checked: 0 error(s), 0 warning(s), 1 info
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy validate --system $TESTDATA/dmar/q35-scopes.bin
DMAR (tests/data/dmar/q35-scopes.bin): 3 errors, 2 warnings, 1 info
  info    HPET number 0 has no HPET scope in any DRHD  (dmar.hpet.missing_scope, VT-d 4.1 §8.3.1)
  error   [0x050] PCI Endpoint scope 0000:00:05.0 names 0000:00:05.0, a bridge  (dmar.pci.type_mismatch, VT-d 4.1 §8.3.1)
  error   [0x058] PCI Sub-hierarchy scope 0000:00:04.0 names 0000:00:04.0, not a bridge  (dmar.pci.type_mismatch, VT-d 4.1 §8.3.1)
  error   [0x060] PCI Endpoint scope 0000:00:02.0/00.0: hop 0 (02.0) is not a bridge, yet the path goes on  (dmar.pci.hop_not_bridge, VT-d 4.1 §8.3.1)
  warning [0x06a] PCI Endpoint scope 0000:00:07.0: hop 0 (07.0) names no PCI function  (dmar.pci.not_found, VT-d 4.1 §8.3.1)
  warning 5 PCI function(s) in the scope of no DRHD: 0000:00:00.0, 0000:00:03.0, 0000:00:1f.0, 0000:00:1f.2, 0000:00:1f.3  (dmar.pci.uncovered, VT-d 4.1 §8.3)
1 table(s) checked: 3 error(s), 2 warning(s), 1 info
[exit 2]
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy validate --system $TESTDATA/dmar/q35-rmrrs.bin
DMAR (tests/data/dmar/q35-rmrrs.bin): 1 error, 0 warnings, 1 info
  info    HPET number 0 has no HPET scope in any DRHD  (dmar.hpet.missing_scope, VT-d 4.1 §8.3.1)
  error   [0x070] RMRR 1 [0x10000000-0x100fffff] is not inside one reserved or ACPI NVS region of /proc/iomem  (dmar.rmrr.not_reserved, VT-d 4.1 §8.4)
1 table(s) checked: 1 error(s), 0 warning(s), 1 info
[exit 2]
$ iommutool --sysroot $FIXTURES/q35-no-iommu validate
0 table(s) checked: 0 error(s), 0 warning(s), 0 info
! iommutool: no IOMMU tables (DMAR, IVRS, IORT, VIOT) to validate
[exit 0]
$ iommutool --sysroot $TESTDATA/dmar/memmap-sysroot validate
DMAR (tests/data/dmar/memmap-sysroot/sys/firmware/acpi/tables/DMAR): 1 error, 0 warnings, 0 info
  error   [0x0a8] RMRR 3 [0x10000000-0x10ffffff] is not inside one reserved or ACPI NVS region of /sys/firmware/memmap  (dmar.rmrr.not_reserved, VT-d 4.1 §8.4)
1 table(s) checked: 1 error(s), 0 warning(s), 0 info
[exit 2]
$ iommutool validate --list-checks | grep -c '^dmar\.'
47
[exit 0]
$ iommutool validate $SHARED/corpus/dmar/edk2src-intel-kabylake-template-91afb4c5.bin $SHARED/corpus/dmar/edk2src-intel-coffeelake-template-240db28c.bin
DMAR (../shared/corpus/dmar/edk2src-intel-kabylake-template-91afb4c5.bin): 1 error, 1 warning, 0 info
  warning an unpatched firmware template: every register base is 0 (2 DRHDs); 1 reserved memory range left at 0; 5 findings about the values firmware fills in at boot left out  (acpi.unpatched_template, ACPI 6.5 §5.2.6)
  error   [0x0c0] device scope at 0xc0 has length 0; 8 byte(s) of DRHD Hardware Unit at 0x48 not decoded  (dmar.scope.zero_length, VT-d 4.1 §8.3.1)
DMAR (../shared/corpus/dmar/edk2src-intel-coffeelake-template-240db28c.bin): 0 errors, 1 warning, 0 info
  warning an unpatched firmware template: every register base is 0 (2 DRHDs); 2 reserved memory ranges left at 0; 7 findings about the values firmware fills in at boot left out  (acpi.unpatched_template, ACPI 6.5 §5.2.6)
2 table(s) checked: 1 error(s), 2 warning(s), 0 info
[exit 2]
$ iommutool --json validate $SHARED/corpus/dmar/acpica-template-iasl20200925-7b19b6ff.bin
{
  "schema_version": 2,
  "tables": [
    {
      "name": "DMAR",
      "signature": "DMAR",
      "source": "../shared/corpus/dmar/acpica-template-iasl20200925-7b19b6ff.bin",
      "source_offset": "0x0",
      "findings": [
        {
          "id": "acpi.unpatched_template",
          "severity": "warning",
          "table": "DMAR",
          "offset": null,
          "message": "an unpatched firmware template: OEM Table ID \"TEMPLATE\"; every register base is 0 (1 DRHD); 1 finding about the values firmware fills in at boot left out",
          "count": 1,
          "reference": "ACPI 6.5 §5.2.6"
        }
      ]
    }
  ],
  "summary": {
    "tables": 1,
    "errors": 0,
    "warnings": 1,
    "info": 0
  }
}
[exit 1]
