# IVRS validate.  The known-broken tables of the corpus (PROVENANCE.tsv notes), each with its
# finding: Acer Aspire A315-41's IOAPIC ids (33, 34) are not its MADT's (4, 5, a hand-made
# MADT with the ids the notes give), so Linux finds no southbridge IOAPIC; Lenovo IdeaPad
# S145 and MSI MS-7793 have no IOAPIC entry at all; Gigabyte A320M-S2H gives IOAPIC id 0
# twice and none for its second IOAPIC (1); recent Lenovo firmware adds a block of type 51h;
# Mechrevo Wujie 14XA has IVMDs of length 1, five times: one finding with the count, and in JSON
# each occurrence.  ACPICA's template (OEM Table ID TEMPLATE, IVHDs at 0, empty IVMDs) is an
# unpatched template, said once.  Then fwts's failing fixture, the MADT from a sysroot
# (--system), and the hand-made broken tables, one check family each.
$ iommutool validate $SHARED/corpus/ivrs/acer-aspire-a315-41-0e85c4ec.bin
IVRS (../shared/corpus/ivrs/acer-aspire-a315-41-0e85c4ec.bin): 0 errors, 0 warnings, 4 info
  info    [0x05c] padding entry (type 00h) at 0x5c  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  info    [0x0b4] padding entry (type 00h) at 0xb4  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  info    [0x079] IVHD type 11h at 0x78: flags 0xb0  (ivrs.ivhd.flags_10h_only, AMD IOMMU 48882: IVHD)
  info    no MADT (APIC table) among the inputs: the IOAPIC entries are not compared with the machine's IOAPICs  (ivrs.madt.absent, ACPI 6.5 §5.2.12)
1 table(s) checked: 0 error(s), 0 warning(s), 4 info
[exit 0]
$ iommutool validate $SHARED/corpus/ivrs/acer-aspire-a315-41-0e85c4ec.bin $TESTDATA/ivrs/madt-ioapic-4-5.bin
IVRS (../shared/corpus/ivrs/acer-aspire-a315-41-0e85c4ec.bin): 3 errors, 2 warnings, 3 info
  info    [0x05c] padding entry (type 00h) at 0x5c  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  info    [0x0b4] padding entry (type 00h) at 0xb4  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  info    [0x079] IVHD type 11h at 0x78: flags 0xb0  (ivrs.ivhd.flags_10h_only, AMD IOMMU 48882: IVHD)
  error   the MADT's IOAPIC 4 has no IOAPIC entry in the IVHDs Linux uses  (ivrs.ioapic.not_in_ivrs, ACPI 6.5 §5.2.12.3; AMD IOMMU 48882: IVHD device entries)
  error   the MADT's IOAPIC 5 has no IOAPIC entry in the IVHDs Linux uses  (ivrs.ioapic.not_in_ivrs, ACPI 6.5 §5.2.12.3; AMD IOMMU 48882: IVHD device entries)
  warning [0x0c4] the IOAPIC entry at 0xc0 gives id 33 (0x21) for 00:14.0; the MADT's IOAPICs are 4, 5  (ivrs.ioapic.not_in_madt, ACPI 6.5 §5.2.12.3; AMD IOMMU 48882: IVHD device entries)
  warning [0x0cc] the IOAPIC entry at 0xc8 gives id 34 (0x22) for 00:00.1; the MADT's IOAPICs are 4, 5  (ivrs.ioapic.not_in_madt, ACPI 6.5 §5.2.12.3; AMD IOMMU 48882: IVHD device entries)
  error   none of the MADT's IOAPICs (4, 5) has an IOAPIC entry at 00:14.0 in the IVHDs Linux uses: interrupt remapping is disabled  (ivrs.ioapic.no_southbridge, AMD IOMMU 48882: IVHD device entries)
1 table(s) checked: 3 error(s), 2 warning(s), 3 info
[exit 2]
$ iommutool validate $SHARED/corpus/ivrs/lenovo-ideapad-s145-15ast-81n3-cbe8b509.bin
IVRS (../shared/corpus/ivrs/lenovo-ideapad-s145-15ast-81n3-cbe8b509.bin): 1 error, 0 warnings, 4 info
  info    [0x05c] padding entry (type 00h) at 0x5c  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  info    [0x0a4] padding entry (type 00h) at 0xa4  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  info    [0x069] IVHD type 11h at 0x68: flags 0xb8  (ivrs.ivhd.flags_10h_only, AMD IOMMU 48882: IVHD)
  info    no MADT (APIC table) among the inputs: the IOAPIC entries are not compared with the machine's IOAPICs  (ivrs.madt.absent, ACPI 6.5 §5.2.12)
  error   the IVHDs Linux uses (type 11h) have no IOAPIC entry at 00:14.0: interrupt remapping is disabled  (ivrs.ioapic.no_southbridge, AMD IOMMU 48882: IVHD device entries)
1 table(s) checked: 1 error(s), 0 warning(s), 4 info
[exit 2]
$ iommutool validate $SHARED/corpus/ivrs/lenovo-ideapad-s145-15ast-81n3-cbe8b509.bin $TESTDATA/ivrs/madt-ioapic-4-5.bin
IVRS (../shared/corpus/ivrs/lenovo-ideapad-s145-15ast-81n3-cbe8b509.bin): 3 errors, 0 warnings, 3 info
  info    [0x05c] padding entry (type 00h) at 0x5c  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  info    [0x0a4] padding entry (type 00h) at 0xa4  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  info    [0x069] IVHD type 11h at 0x68: flags 0xb8  (ivrs.ivhd.flags_10h_only, AMD IOMMU 48882: IVHD)
  error   the MADT's IOAPIC 4 has no IOAPIC entry in the IVHDs Linux uses  (ivrs.ioapic.not_in_ivrs, ACPI 6.5 §5.2.12.3; AMD IOMMU 48882: IVHD device entries)
  error   the MADT's IOAPIC 5 has no IOAPIC entry in the IVHDs Linux uses  (ivrs.ioapic.not_in_ivrs, ACPI 6.5 §5.2.12.3; AMD IOMMU 48882: IVHD device entries)
  error   none of the MADT's IOAPICs (4, 5) has an IOAPIC entry at 00:14.0 in the IVHDs Linux uses: interrupt remapping is disabled  (ivrs.ioapic.no_southbridge, AMD IOMMU 48882: IVHD device entries)
1 table(s) checked: 3 error(s), 0 warning(s), 3 info
[exit 2]
$ iommutool validate $SHARED/corpus/ivrs/msi-ms-7793-d999d397.bin $TESTDATA/ivrs/madt-ioapic-0.bin
IVRS (../shared/corpus/ivrs/msi-ms-7793-d999d397.bin): 2 errors, 0 warnings, 1 info
  info    [0x05c] padding entry (type 00h) at 0x5c  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  error   the MADT's IOAPIC 0 has no IOAPIC entry in the IVHDs Linux uses  (ivrs.ioapic.not_in_ivrs, ACPI 6.5 §5.2.12.3; AMD IOMMU 48882: IVHD device entries)
  error   none of the MADT's IOAPICs (0) has an IOAPIC entry at 00:14.0 in the IVHDs Linux uses: interrupt remapping is disabled  (ivrs.ioapic.no_southbridge, AMD IOMMU 48882: IVHD device entries)
1 table(s) checked: 2 error(s), 0 warning(s), 1 info
[exit 2]
$ iommutool validate $SHARED/corpus/ivrs/gigabyte-a320m-s2h-e0e637b4.bin
IVRS (../shared/corpus/ivrs/gigabyte-a320m-s2h-e0e637b4.bin): 0 errors, 1 warning, 4 info
  info    [0x05c] padding entry (type 00h) at 0x5c  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  info    [0x0b4] padding entry (type 00h) at 0xb4  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  info    [0x079] IVHD type 11h at 0x78: flags 0xb8  (ivrs.ivhd.flags_10h_only, AMD IOMMU 48882: IVHD)
  warning [0x0c8] IOAPIC id 0 is given at 0xc0 (00:14.0) and again at 0xc8 (00:00.1)  (ivrs.special.duplicate, AMD IOMMU 48882: IVHD device entries)
  info    no MADT (APIC table) among the inputs: the IOAPIC entries are not compared with the machine's IOAPICs  (ivrs.madt.absent, ACPI 6.5 §5.2.12)
1 table(s) checked: 0 error(s), 1 warning(s), 4 info
[exit 1]
$ iommutool validate $SHARED/corpus/ivrs/gigabyte-a320m-s2h-e0e637b4.bin $TESTDATA/ivrs/madt-ioapic-0-1.bin
IVRS (../shared/corpus/ivrs/gigabyte-a320m-s2h-e0e637b4.bin): 1 error, 1 warning, 3 info
  info    [0x05c] padding entry (type 00h) at 0x5c  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  info    [0x0b4] padding entry (type 00h) at 0xb4  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  info    [0x079] IVHD type 11h at 0x78: flags 0xb8  (ivrs.ivhd.flags_10h_only, AMD IOMMU 48882: IVHD)
  warning [0x0c8] IOAPIC id 0 is given at 0xc0 (00:14.0) and again at 0xc8 (00:00.1)  (ivrs.special.duplicate, AMD IOMMU 48882: IVHD device entries)
  error   the MADT's IOAPIC 1 has no IOAPIC entry in the IVHDs Linux uses  (ivrs.ioapic.not_in_ivrs, ACPI 6.5 §5.2.12.3; AMD IOMMU 48882: IVHD device entries)
1 table(s) checked: 1 error(s), 1 warning(s), 3 info
[exit 2]
$ iommutool validate $SHARED/corpus/ivrs/lenovo-thinkpad-t14-gen-3-21cf004pge-2a874809.bin
IVRS (../shared/corpus/ivrs/lenovo-thinkpad-t14-gen-3-21cf004pge-2a874809.bin): 0 errors, 1 warning, 6 info
  warning [0x1c4] block at 0x1c4 has undefined type 51h; skipped by its Length  (ivrs.block.unknown_type, AMD IOMMU 48882: IVRS)
  info    [0x05c] a padding device entry (type 00h or 40h): ignored (fwts reports it as an undefined type) (3 times: at 0x5c, 0xb4, 0x12c)  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  info    [0x079] IVHD type 11h at 0x78: flags 0xb0  (ivrs.ivhd.flags_10h_only, AMD IOMMU 48882: IVHD)
  info    [0x0f1] IVHD type 40h at 0xf0: flags 0xb0  (ivrs.ivhd.flags_10h_only, AMD IOMMU 48882: IVHD)
  info    no MADT (APIC table) among the inputs: the IOAPIC entries are not compared with the machine's IOAPICs  (ivrs.madt.absent, ACPI 6.5 §5.2.12)
1 table(s) checked: 0 error(s), 1 warning(s), 6 info
[exit 1]
$ iommutool validate $SHARED/corpus/ivrs/mechrevo-wujie14xa-69d7ad5b.bin
IVRS (../shared/corpus/ivrs/mechrevo-wujie14xa-69d7ad5b.bin): 0 errors, 5 warnings, 1 info
  info    no MADT (APIC table) among the inputs: the IOAPIC entries are not compared with the machine's IOAPICs  (ivrs.madt.absent, ACPI 6.5 §5.2.12)
  warning [0x0e0] an IVMD's length is not a multiple of 4 KiB: Linux rounds it up (5 times: at 0xe0, 0x100, 0x120, 0x140, 0x160)  (ivrs.ivmd.length_unaligned, AMD IOMMU 48882: IVMD)
1 table(s) checked: 0 error(s), 5 warning(s), 1 info
[exit 1]
$ iommutool validate $SHARED/corpus/ivrs/acpica-template-iasl20200925-addb6094.bin
IVRS (../shared/corpus/ivrs/acpica-template-iasl20200925-addb6094.bin): 2 errors, 2 warnings, 3 info
  warning an unpatched firmware template: OEM Table ID "TEMPLATE"; every register base is 0 (2 IVHDs); 2 reserved memory ranges left at 0; 5 findings about the values firmware fills in at boot left out  (acpi.unpatched_template, ACPI 6.5 §5.2.6)
  info    [0x048] padding entry (type 00h) at 0x48  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  info    [0x04c] padding entry (type 40h) at 0x4c  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  error   [0x063] Special Device entry at 0x5c has variety 0  (ivrs.special.unknown_variety, AMD IOMMU 48882: IVHD device entries)
  info    no MADT (APIC table) among the inputs: the IOAPIC entries are not compared with the machine's IOAPICs  (ivrs.madt.absent, ACPI 6.5 §5.2.12)
  error   the IVHDs Linux uses (type 10h) have no IOAPIC entry at 00:14.0: interrupt remapping is disabled  (ivrs.ioapic.no_southbridge, AMD IOMMU 48882: IVHD device entries)
  warning [0x085] IVMD at 0x84: flags 0x04  (ivrs.ivmd.ignored, AMD IOMMU 48882: IVMD)
1 table(s) checked: 2 error(s), 2 warning(s), 3 info
[exit 2]
$ iommutool validate $SHARED/corpus/fwts/ivrs-0001_acpidump-0002.log
IVRS (../shared/corpus/fwts/ivrs-0001_acpidump-0002.log): 2 errors, 19 warnings, 3 info
  error   [0x009] checksum is 0x6c, should be 0x37  (acpi.table.checksum, ACPI 6.5 §5.2.6)
  warning [0x024] a reserved field or bit is not zero (11 times: at 0x24, 0x24, 0x28, 0x42, 0x42, 0x6c, 0x74, 0xf0, 0xf0, 0x1b1, 0x1fa)  (acpi.reserved_nonzero, AMD IOMMU 48882: IVRS)
  warning [0x08c] IVHD type 10h at 0x30: device entry at 0x8c has undefined type 44h (Linux ignores it)  (ivrs.entry.unknown_type, AMD IOMMU 48882: IVHD device entries)
  info    [0x0d0] padding entry (type 00h) at 0xd0  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  info    [0x118] padding entry (type 00h) at 0x118  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  info    no MADT (APIC table) among the inputs: the IOAPIC entries are not compared with the machine's IOAPICs  (ivrs.madt.absent, ACPI 6.5 §5.2.12)
  warning [0x1c8] an IVMD's length is not a multiple of 4 KiB: Linux rounds it up (3 times: at 0x1c8, 0x1e8, 0x208)  (ivrs.ivmd.length_unaligned, AMD IOMMU 48882: IVMD)
  warning [0x1c0] an IVMD's start is not 4 KiB aligned: Linux rounds it up and leaves the block's first bytes unmapped (3 times: at 0x1c0, 0x1e0, 0x200)  (ivrs.ivmd.start_unaligned, AMD IOMMU 48882: IVMD)
  warning [0x1d0] IVMD at 0x1b0 (0x12345678abcd, 0xfedc bytes) and IVMD at 0x1d0 (0x12345678abcd, 0xfedc bytes) overlap for the same devices  (ivrs.ivmd.overlap, AMD IOMMU 48882: IVMD)
  error   [0x1f6] IVMD at 0x1f0: devices 11:04.2 to 00:00.0  (ivrs.ivmd.range_inverted, AMD IOMMU 48882: IVMD)
1 table(s) checked: 2 error(s), 19 warning(s), 3 info
[exit 2]
$ iommutool --json validate $SHARED/corpus/ivrs/acer-aspire-a315-41-0e85c4ec.bin $TESTDATA/ivrs/madt-ioapic-4-5.bin
{
  "schema_version": 2,
  "tables": [
    {
      "name": "IVRS",
      "signature": "IVRS",
      "source": "../shared/corpus/ivrs/acer-aspire-a315-41-0e85c4ec.bin",
      "source_offset": "0x0",
      "findings": [
        {
          "id": "ivrs.entry.padding",
          "severity": "info",
          "table": "IVRS",
          "offset": "0x5c",
          "message": "padding entry (type 00h) at 0x5c",
          "count": 1,
          "reference": "AMD IOMMU 48882: IVHD device entries"
        },
        {
          "id": "ivrs.entry.padding",
          "severity": "info",
          "table": "IVRS",
          "offset": "0xb4",
          "message": "padding entry (type 00h) at 0xb4",
          "count": 1,
          "reference": "AMD IOMMU 48882: IVHD device entries"
        },
        {
          "id": "ivrs.ivhd.flags_10h_only",
          "severity": "info",
          "table": "IVRS",
          "offset": "0x79",
          "message": "IVHD type 11h at 0x78: flags 0xb0",
          "count": 1,
          "reference": "AMD IOMMU 48882: IVHD"
        },
        {
          "id": "ivrs.ioapic.not_in_ivrs",
          "severity": "error",
          "table": "IVRS",
          "offset": null,
          "message": "the MADT's IOAPIC 4 has no IOAPIC entry in the IVHDs Linux uses",
          "count": 1,
          "reference": "ACPI 6.5 §5.2.12.3; AMD IOMMU 48882: IVHD device entries"
        },
        {
          "id": "ivrs.ioapic.not_in_ivrs",
          "severity": "error",
          "table": "IVRS",
          "offset": null,
          "message": "the MADT's IOAPIC 5 has no IOAPIC entry in the IVHDs Linux uses",
          "count": 1,
          "reference": "ACPI 6.5 §5.2.12.3; AMD IOMMU 48882: IVHD device entries"
        },
        {
          "id": "ivrs.ioapic.not_in_madt",
          "severity": "warning",
          "table": "IVRS",
          "offset": "0xc4",
          "message": "the IOAPIC entry at 0xc0 gives id 33 (0x21) for 00:14.0; the MADT's IOAPICs are 4, 5",
          "count": 1,
          "reference": "ACPI 6.5 §5.2.12.3; AMD IOMMU 48882: IVHD device entries"
        },
        {
          "id": "ivrs.ioapic.not_in_madt",
          "severity": "warning",
          "table": "IVRS",
          "offset": "0xcc",
          "message": "the IOAPIC entry at 0xc8 gives id 34 (0x22) for 00:00.1; the MADT's IOAPICs are 4, 5",
          "count": 1,
          "reference": "ACPI 6.5 §5.2.12.3; AMD IOMMU 48882: IVHD device entries"
        },
        {
          "id": "ivrs.ioapic.no_southbridge",
          "severity": "error",
          "table": "IVRS",
          "offset": null,
          "message": "none of the MADT's IOAPICs (4, 5) has an IOAPIC entry at 00:14.0 in the IVHDs Linux uses: interrupt remapping is disabled",
          "count": 1,
          "reference": "AMD IOMMU 48882: IVHD device entries"
        }
      ]
    }
  ],
  "summary": {
    "tables": 1,
    "errors": 3,
    "warnings": 2,
    "info": 3
  }
}
[exit 2]
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy validate --system $TESTDATA/ivrs/units.bin
IVRS (tests/data/ivrs/units.bin): 5 errors, 9 warnings, 0 info
  warning [0x058] IVHD type 10h at 0x58 describes the IOMMU at 0000:40:00.2, which no IVHD of type 11h (the type Linux uses) describes  (ivrs.ivhd.ignored, AMD IOMMU 48882: IVHD)
  warning [0x0dc] IVHD at 0xdc repeats the IOMMU of the IVHD at 0x78  (ivrs.ivhd.duplicate, AMD IOMMU 48882: IVHD)
  warning [0x11c] ivhd2 gives EFR 0x246577efa2254af8 EFR2 0x0000000000000000, ivhd0 EFR 0x246577efa2254afa EFR2 0x0000000000000000  (ivrs.ivhd.efr_inconsistent, AMD IOMMU 48882: IVHD)
  warning [0x12c] ivhd0 (entry at 0xa0) and ivhd2 (entry at 0x12c) both select 0000:00:10.0  (ivrs.device.multiple_units, AMD IOMMU 48882: IVHD device entries)
  error   [0x0a8] the entry at 0xa8 aliases 01:00.0 to 02:00.0, which the entry at 0xb0 aliases back to 01:00.0  (ivrs.alias.loop, AMD IOMMU 48882: IVHD device entries)
  warning [0x0b8] the entry at 0xb8 aliases 03:00.0 to 04:00.0, which the entry at 0xc0 aliases to 05:00.0  (ivrs.alias.chain, AMD IOMMU 48882: IVHD device entries)
  error   the MADT's IOAPIC 0 has no IOAPIC entry in the IVHDs Linux uses  (ivrs.ioapic.not_in_ivrs, ACPI 6.5 §5.2.12.3; AMD IOMMU 48882: IVHD device entries)
  warning [0x0d8] the IOAPIC entry at 0xd4 gives id 33 (0x21) for 00:14.0; the MADT's IOAPICs are 0  (ivrs.ioapic.not_in_madt, ACPI 6.5 §5.2.12.3; AMD IOMMU 48882: IVHD device entries)
  error   none of the MADT's IOAPICs (0) has an IOAPIC entry at 00:14.0 in the IVHDs Linux uses: interrupt remapping is disabled  (ivrs.ioapic.no_southbridge, AMD IOMMU 48882: IVHD device entries)
  warning [0x154] IVMD at 0x134 (0x100000, 0x2000 bytes) and IVMD at 0x154 (0x101000, 0x1000 bytes) overlap for the same devices  (ivrs.ivmd.overlap, AMD IOMMU 48882: IVMD)
  error   [0x184] IVMD at 0x174: start 0xfffffffffffff000 plus length 0x2000 passes 2^64  (ivrs.ivmd.wraps, AMD IOMMU 48882: IVMD)
  warning [0x195] IVMD at 0x194: flags 0x06  (ivrs.ivmd.ignored, AMD IOMMU 48882: IVMD)
  error   [0x1ba] IVMD at 0x1b4: devices 02:00.0 to 01:00.0  (ivrs.ivmd.range_inverted, AMD IOMMU 48882: IVMD)
  warning [0x1ec] IVMD at 0x1d4: memory block length 0  (ivrs.ivmd.empty, AMD IOMMU 48882: IVMD)
1 table(s) checked: 5 error(s), 9 warning(s), 0 info
[exit 2]
$ iommutool validate $TESTDATA/ivrs/entries.bin
IVRS (tests/data/ivrs/entries.bin): 4 errors, 6 warnings, 2 info
  warning [0x0a3] IVHD type 40h at 0x77: device entry at 0xa3 has undefined type 05h (Linux ignores it)  (ivrs.entry.unknown_type, AMD IOMMU 48882: IVHD device entries)
  warning [0x058] ACPI HID entry at 0x58 in an IVHD of type 11h  (ivrs.entry.hid_outside_40h, AMD IOMMU 48882: IVHD device entries)
  info    [0x09f] padding entry (type 00h) at 0x9f  (ivrs.entry.padding, AMD IOMMU 48882: IVHD device entries)
  warning [0x102] ACPI HID entry at 0x102 has an empty HID  (ivrs.entry.hid_empty, AMD IOMMU 48882: IVHD device entries)
  warning [0x12c] ACPI HID entry at 0x118: UID Format 0 with UID Length 2  (ivrs.entry.uid_length, AMD IOMMU 48882: IVHD device entries)
  error   [0x0a7] Start of Range at 0xa7 is not closed by an End of Range  (ivrs.range.start_without_end, AMD IOMMU 48882: IVHD device entries)
  error   [0x0b7] range from 0xab ends at 00:02.0, below its start 02:00.0  (ivrs.range.inverted, AMD IOMMU 48882: IVHD device entries)
  error   [0x158] End of Range at 0x158 has no Start of Range before it in its IVHD: Linux selects 00:00.0 to 00:1f.7  (ivrs.range.end_without_start, AMD IOMMU 48882: IVHD device entries)
  warning [0x0b3] ivhd0: the entry at 0xab (settings 0x00) and the entry at 0xb3 (settings 0x01) both select 02:02.0  (ivrs.range.overlap, AMD IOMMU 48882: IVHD device entries)
  error   [0x0da] Special Device entry at 0xd3 has variety 3  (ivrs.special.unknown_variety, AMD IOMMU 48882: IVHD device entries)
  warning [0x0cb] IOAPIC id 33 is given at 0xc3 (00:14.0) and again at 0xcb (00:00.1)  (ivrs.special.duplicate, AMD IOMMU 48882: IVHD device entries)
  info    no MADT (APIC table) among the inputs: the IOAPIC entries are not compared with the machine's IOAPICs  (ivrs.madt.absent, ACPI 6.5 §5.2.12)
1 table(s) checked: 4 error(s), 6 warning(s), 2 info
[exit 2]
$ iommutool validate $TESTDATA/ivrs/units.bin
IVRS (tests/data/ivrs/units.bin): 3 errors, 8 warnings, 1 info
  warning [0x058] IVHD type 10h at 0x58 describes the IOMMU at 0000:40:00.2, which no IVHD of type 11h (the type Linux uses) describes  (ivrs.ivhd.ignored, AMD IOMMU 48882: IVHD)
  warning [0x0dc] IVHD at 0xdc repeats the IOMMU of the IVHD at 0x78  (ivrs.ivhd.duplicate, AMD IOMMU 48882: IVHD)
  warning [0x11c] ivhd2 gives EFR 0x246577efa2254af8 EFR2 0x0000000000000000, ivhd0 EFR 0x246577efa2254afa EFR2 0x0000000000000000  (ivrs.ivhd.efr_inconsistent, AMD IOMMU 48882: IVHD)
  warning [0x12c] ivhd0 (entry at 0xa0) and ivhd2 (entry at 0x12c) both select 0000:00:10.0  (ivrs.device.multiple_units, AMD IOMMU 48882: IVHD device entries)
  error   [0x0a8] the entry at 0xa8 aliases 01:00.0 to 02:00.0, which the entry at 0xb0 aliases back to 01:00.0  (ivrs.alias.loop, AMD IOMMU 48882: IVHD device entries)
  warning [0x0b8] the entry at 0xb8 aliases 03:00.0 to 04:00.0, which the entry at 0xc0 aliases to 05:00.0  (ivrs.alias.chain, AMD IOMMU 48882: IVHD device entries)
  info    no MADT (APIC table) among the inputs: the IOAPIC entries are not compared with the machine's IOAPICs  (ivrs.madt.absent, ACPI 6.5 §5.2.12)
  warning [0x154] IVMD at 0x134 (0x100000, 0x2000 bytes) and IVMD at 0x154 (0x101000, 0x1000 bytes) overlap for the same devices  (ivrs.ivmd.overlap, AMD IOMMU 48882: IVMD)
  error   [0x184] IVMD at 0x174: start 0xfffffffffffff000 plus length 0x2000 passes 2^64  (ivrs.ivmd.wraps, AMD IOMMU 48882: IVMD)
  warning [0x195] IVMD at 0x194: flags 0x06  (ivrs.ivmd.ignored, AMD IOMMU 48882: IVMD)
  error   [0x1ba] IVMD at 0x1b4: devices 02:00.0 to 01:00.0  (ivrs.ivmd.range_inverted, AMD IOMMU 48882: IVMD)
  warning [0x1ec] IVMD at 0x1d4: memory block length 0  (ivrs.ivmd.empty, AMD IOMMU 48882: IVMD)
1 table(s) checked: 3 error(s), 8 warning(s), 1 info
[exit 2]
$ iommutool validate $TESTDATA/ivrs/walk.bin $TESTDATA/ivrs/zero-length.bin $TESTDATA/ivrs/trailing.bin $TESTDATA/ivrs/overrun.bin
IVRS (tests/data/ivrs/walk.bin): 4 errors, 1 warning, 1 info
  error   [0x05c] IVHD type 40h at 0x30: device entry type 90h at 0x5c has no defined length; the entries after it are not decoded  (ivrs.entry.unknown_length, AMD IOMMU 48882: IVHD device entries)
  warning [0x064] block at 0x64 has undefined type 51h; skipped by its Length  (ivrs.block.unknown_type, AMD IOMMU 48882: IVRS)
  error   [0x06c] IVMD type 21h (one device) at 0x6c has Length 16, less than its 32 bytes of fixed fields  (ivrs.block.too_short, AMD IOMMU 48882: IVRS)
  error   [0x098] IVHD type 10h at 0x7c: the 8-byte entry at 0x98 runs 4 byte(s) past the end of the IVHD (Length 32)  (ivrs.entry.overrun, AMD IOMMU 48882: IVHD device entries)
  info    no MADT (APIC table) among the inputs: the IOAPIC entries are not compared with the machine's IOAPICs  (ivrs.madt.absent, ACPI 6.5 §5.2.12)
  error   the IVHDs Linux uses (type 40h) have no IOAPIC entry at 00:14.0: interrupt remapping is disabled  (ivrs.ioapic.no_southbridge, AMD IOMMU 48882: IVHD device entries)
IVRS (tests/data/ivrs/zero-length.bin): 2 errors, 0 warnings, 1 info
  error   [0x04c] block type 10h at 0x4c has Length 0, less than its 4-byte header; the blocks after it are not decoded  (ivrs.block.zero_length, AMD IOMMU 48882: IVRS)
  info    no MADT (APIC table) among the inputs: the IOAPIC entries are not compared with the machine's IOAPICs  (ivrs.madt.absent, ACPI 6.5 §5.2.12)
  error   the IVHDs Linux uses (type 10h) have no IOAPIC entry at 00:14.0: interrupt remapping is disabled  (ivrs.ioapic.no_southbridge, AMD IOMMU 48882: IVHD device entries)
IVRS (tests/data/ivrs/trailing.bin): 1 error, 0 warnings, 1 info
  error   [0x054] 2 byte(s) after the last block at 0x54 are too few for a block header  (ivrs.block.trailing, AMD IOMMU 48882: IVRS)
  info    no MADT (APIC table) among the inputs: the IOAPIC entries are not compared with the machine's IOAPICs  (ivrs.madt.absent, ACPI 6.5 §5.2.12)
IVRS (tests/data/ivrs/overrun.bin): 1 error, 0 warnings, 1 info
  error   [0x030] block type 10h at 0x30 has Length 256 but only 36 byte(s) of the table follow it  (ivrs.block.overrun, AMD IOMMU 48882: IVRS)
  info    no MADT (APIC table) among the inputs: the IOAPIC entries are not compared with the machine's IOAPICs  (ivrs.madt.absent, ACPI 6.5 §5.2.12)
4 table(s) checked: 8 error(s), 1 warning(s), 4 info
[exit 2]
$ iommutool validate $TESTDATA/ivrs/type-unusable.bin $TESTDATA/ivrs/rev1-40h.bin $TESTDATA/ivrs/no-ivhd.bin
IVRS (tests/data/ivrs/type-unusable.bin): 1 error, 1 warning, 0 info
  warning [0x008] the table revision is 3; IVRS revisions are 1 and 2  (ivrs.revision.unknown, AMD IOMMU 48882: IVRS)
  error   [0x030] Linux takes the IVHD type from the last block with the first block's device id before any block above 40h: here type 21h, which is no IVHD type  (ivrs.ivhd.type_unusable, AMD IOMMU 48882: IVHD)
IVRS (tests/data/ivrs/rev1-40h.bin): 0 errors, 1 warning, 1 info
  warning [0x054] IVHD type 40h at 0x54 in a revision 1 table  (ivrs.revision.ivhd_40h, AMD IOMMU 48882: IVRS)
  info    no MADT (APIC table) among the inputs: the IOAPIC entries are not compared with the machine's IOAPICs  (ivrs.madt.absent, ACPI 6.5 §5.2.12)
IVRS (tests/data/ivrs/no-ivhd.bin): 1 error, 0 warnings, 0 info
  error   the table has no IVHD block  (ivrs.ivhd.none, AMD IOMMU 48882: IVHD)
3 table(s) checked: 2 error(s), 2 warning(s), 1 info
[exit 2]
$ iommutool validate --list-checks | grep -c '^ivrs\.'
41
[exit 0]
$ iommutool validate $SHARED/corpus/ivrs | grep -o '(ivrs\.[a-z0-9_.]*\|(acpi\.[a-z0-9_.]*' | sort | uniq -c
      2 (acpi.reserved_nonzero
      1 (acpi.unpatched_template
      6 (ivrs.block.unknown_type
    161 (ivrs.entry.padding
      3 (ivrs.ioapic.no_southbridge
    161 (ivrs.ivhd.flags_10h_only
      1 (ivrs.ivmd.ignored
      2 (ivrs.ivmd.length_unaligned
      1 (ivrs.ivmd.overlap
      1 (ivrs.ivmd.range_inverted
      1 (ivrs.ivmd.start_unaligned
    126 (ivrs.madt.absent
      1 (ivrs.special.duplicate
      1 (ivrs.special.unknown_variety
[exit 0]
$ iommutool --json validate $SHARED/corpus/ivrs/mechrevo-wujie14xa-69d7ad5b.bin
{
  "schema_version": 2,
  "tables": [
    {
      "name": "IVRS",
      "signature": "IVRS",
      "source": "../shared/corpus/ivrs/mechrevo-wujie14xa-69d7ad5b.bin",
      "source_offset": "0x0",
      "findings": [
        {
          "id": "ivrs.madt.absent",
          "severity": "info",
          "table": "IVRS",
          "offset": null,
          "message": "no MADT (APIC table) among the inputs: the IOAPIC entries are not compared with the machine's IOAPICs",
          "count": 1,
          "reference": "ACPI 6.5 §5.2.12"
        },
        {
          "id": "ivrs.ivmd.length_unaligned",
          "severity": "warning",
          "table": "IVRS",
          "offset": "0xe0",
          "message": "an IVMD's length is not a multiple of 4 KiB: Linux rounds it up",
          "count": 5,
          "items": [
            {
              "offset": "0xe0",
              "message": "IVMD at 0xc8: length 0x1 is not a multiple of 4 KiB (Linux maps 0x1000)"
            },
            {
              "offset": "0x100",
              "message": "IVMD at 0xe8: length 0x1 is not a multiple of 4 KiB (Linux maps 0x1000)"
            },
            {
              "offset": "0x120",
              "message": "IVMD at 0x108: length 0x1 is not a multiple of 4 KiB (Linux maps 0x1000)"
            },
            {
              "offset": "0x140",
              "message": "IVMD at 0x128: length 0x1 is not a multiple of 4 KiB (Linux maps 0x1000)"
            },
            {
              "offset": "0x160",
              "message": "IVMD at 0x148: length 0x1 is not a multiple of 4 KiB (Linux maps 0x1000)"
            }
          ],
          "reference": "AMD IOMMU 48882: IVMD"
        }
      ]
    }
  ],
  "summary": {
    "tables": 1,
    "errors": 0,
    "warnings": 5,
    "info": 1
  }
}
[exit 1]
