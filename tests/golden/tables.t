# iommutool tables: the fixtures' sysroots, corpus files in every input format,
# and every kind of malformed input.
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy tables
NAME  SIG   LENGTH  REV  CHECKSUM  OEM    OEM TABLE
DMAR  DMAR     136    1  ok        BOCHS  BXPC
other tables: APIC DSDT FACP FACS HPET MCFG WAET
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy tables --all -o name,signature,length,revision,checksum,oem_id,oem_revision,creator_id,creator_revision,iommu
NAME  SIG   LENGTH  REV  CHECKSUM  OEM    OEM REV     CREATOR  CREATOR REV  IOMMU
APIC  APIC     120    1  ok        BOCHS  0x00000001  BXPC     0x00000001   no
DMAR  DMAR     136    1  ok        BOCHS  0x00000001  BXPC     0x00000001   yes
DSDT  DSDT    8443    1  ok        BOCHS  0x00000001  BXPC     0x00000001   no
FACP  FACP     244    3  ok        BOCHS  0x00000001  BXPC     0x00000001   no
FACS  FACS      64    0  none             0x00000000           0x00000000   no
HPET  HPET      56    1  ok        BOCHS  0x00000001  BXPC     0x00000001   no
MCFG  MCFG      60    1  ok        BOCHS  0x00000001  BXPC     0x00000001   no
WAET  WAET      40    1  ok        BOCHS  0x00000001  BXPC     0x00000001   no
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy --json tables -o name,length,checksum,iommu
{
  "schema_version": 2,
  "tables": [
    {
      "name": "APIC",
      "length": 120,
      "checksum": "ok",
      "iommu": false
    },
    {
      "name": "DMAR",
      "length": 136,
      "checksum": "ok",
      "iommu": true
    },
    {
      "name": "DSDT",
      "length": 8443,
      "checksum": "ok",
      "iommu": false
    },
    {
      "name": "FACP",
      "length": 244,
      "checksum": "ok",
      "iommu": false
    },
    {
      "name": "FACS",
      "length": 64,
      "checksum": "none",
      "iommu": false
    },
    {
      "name": "HPET",
      "length": 56,
      "checksum": "ok",
      "iommu": false
    },
    {
      "name": "MCFG",
      "length": 60,
      "checksum": "ok",
      "iommu": false
    },
    {
      "name": "WAET",
      "length": 40,
      "checksum": "ok",
      "iommu": false
    }
  ]
}
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-no-iommu tables
no IOMMU tables (DMAR, IVRS, IORT, VIOT)
ACPI tables: APIC DSDT FACP FACS HPET MCFG WAET
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-no-iommu tables --json
{
  "schema_version": 2,
  "tables": [
    {
      "name": "APIC",
      "signature": "APIC",
      "length": 120,
      "revision": 1,
      "checksum": "ok",
      "oem_id": "BOCHS",
      "oem_table_id": "BXPC",
      "oem_revision": "0x00000001",
      "creator_id": "BXPC",
      "creator_revision": "0x00000001",
      "iommu": false,
      "source": "$TMPROOT/fixtures/q35-no-iommu/sys/firmware/acpi/tables/APIC",
      "source_offset": "0x0",
      "source_line": null
    },
    {
      "name": "DSDT",
      "signature": "DSDT",
      "length": 8443,
      "revision": 1,
      "checksum": "ok",
      "oem_id": "BOCHS",
      "oem_table_id": "BXPC",
      "oem_revision": "0x00000001",
      "creator_id": "BXPC",
      "creator_revision": "0x00000001",
      "iommu": false,
      "source": "$TMPROOT/fixtures/q35-no-iommu/sys/firmware/acpi/tables/DSDT",
      "source_offset": "0x0",
      "source_line": null
    },
    {
      "name": "FACP",
      "signature": "FACP",
      "length": 244,
      "revision": 3,
      "checksum": "ok",
      "oem_id": "BOCHS",
      "oem_table_id": "BXPC",
      "oem_revision": "0x00000001",
      "creator_id": "BXPC",
      "creator_revision": "0x00000001",
      "iommu": false,
      "source": "$TMPROOT/fixtures/q35-no-iommu/sys/firmware/acpi/tables/FACP",
      "source_offset": "0x0",
      "source_line": null
    },
    {
      "name": "FACS",
      "signature": "FACS",
      "length": 64,
      "revision": 0,
      "checksum": "none",
      "oem_id": "",
      "oem_table_id": "",
      "oem_revision": "0x00000000",
      "creator_id": "",
      "creator_revision": "0x00000000",
      "iommu": false,
      "source": "$TMPROOT/fixtures/q35-no-iommu/sys/firmware/acpi/tables/FACS",
      "source_offset": "0x0",
      "source_line": null
    },
    {
      "name": "HPET",
      "signature": "HPET",
      "length": 56,
      "revision": 1,
      "checksum": "ok",
      "oem_id": "BOCHS",
      "oem_table_id": "BXPC",
      "oem_revision": "0x00000001",
      "creator_id": "BXPC",
      "creator_revision": "0x00000001",
      "iommu": false,
      "source": "$TMPROOT/fixtures/q35-no-iommu/sys/firmware/acpi/tables/HPET",
      "source_offset": "0x0",
      "source_line": null
    },
    {
      "name": "MCFG",
      "signature": "MCFG",
      "length": 60,
      "revision": 1,
      "checksum": "ok",
      "oem_id": "BOCHS",
      "oem_table_id": "BXPC",
      "oem_revision": "0x00000001",
      "creator_id": "BXPC",
      "creator_revision": "0x00000001",
      "iommu": false,
      "source": "$TMPROOT/fixtures/q35-no-iommu/sys/firmware/acpi/tables/MCFG",
      "source_offset": "0x0",
      "source_line": null
    },
    {
      "name": "WAET",
      "signature": "WAET",
      "length": 40,
      "revision": 1,
      "checksum": "ok",
      "oem_id": "BOCHS",
      "oem_table_id": "BXPC",
      "oem_revision": "0x00000001",
      "creator_id": "BXPC",
      "creator_revision": "0x00000001",
      "iommu": false,
      "source": "$TMPROOT/fixtures/q35-no-iommu/sys/firmware/acpi/tables/WAET",
      "source_offset": "0x0",
      "source_line": null
    }
  ]
}
[exit 0]
$ iommutool --sysroot /nonexistent tables
! iommutool: --sysroot /nonexistent: no such directory, or one holding neither sys/ nor proc/ (a system's root, or a snapshot from 'iommutool snapshot')
[exit 66]
$ iommutool tables $SHARED/corpus/templates/dmar.aml $SHARED/corpus/templates/iort.aml $SHARED/corpus/templates/ivrs.aml
NAME  SIG   LENGTH  REV  CHECKSUM  OEM    OEM TABLE
DMAR  DMAR     172    1  ok        INTEL  TEMPLATE
IORT  IORT     629    5  ok        INTEL  Template
IVRS  IVRS     528    2  ok        INTEL  TEMPLATE
[exit 0]
$ iommutool tables -a -o name,length,checksum,source,source_line $SHARED/corpus/fwts/ivrs-0001_acpidump-0002.log
NAME  LENGTH  CHECKSUM  SOURCE                                             LINE
FACS      64  none      ../shared/corpus/fwts/ivrs-0001_acpidump-0002.log     1
FACP     244  ok        ../shared/corpus/fwts/ivrs-0001_acpidump-0002.log     8
IVRS     528  bad       ../shared/corpus/fwts/ivrs-0001_acpidump-0002.log    26
! iommutool: '../shared/corpus/fwts/ivrs-0001_acpidump-0002.log', line 26: table IVRS has a bad checksum: 0x6c, should be 0x37
[exit 1]
$ iommutool tables $SHARED/corpus/viot
NAME  SIG   LENGTH  REV  CHECKSUM  OEM    OEM TABLE
VIOT  VIOT     128    0  ok        INTEL  Template
VIOT  VIOT     112    0  ok        BOCHS  BXPC
VIOT  VIOT     112    0  ok        BOCHS  BXPC
VIOT  VIOT      88    0  ok        BOCHS  BXPC
[exit 0]
$ iommutool tables $SHARED/corpus/iort/microsoft-surface-pro-12-in-d14089a5.bin $SHARED/corpus/iort/qcom-soc-kailua-56a7577b.bin
NAME  SIG      LENGTH  REV  CHECKSUM   OEM     OEM TABLE
IORT  IORT  347979759    0  truncated   mQCOM    QCOMED
IORT  IORT       3835    0  bad        QCOM    QCOMEDK2
! iommutool: '../shared/corpus/iort/microsoft-surface-pro-12-in-d14089a5.bin', offset 0: table IORT is truncated: Length 347979759, 5752 bytes present
! iommutool: '../shared/corpus/iort/qcom-soc-kailua-56a7577b.bin', offset 0: table IORT has a bad checksum: 0x00, should be 0x27
[exit 1]
$ cat $SHARED/corpus/templates/dmar.aml $SHARED/corpus/templates/ivrs.aml > $TMP/two.bin; iommutool tables -o name,length,source_offset $TMP/two.bin
NAME  LENGTH  OFFSET
DMAR     172  0x0
IVRS     528  0xac
[exit 0]
$ : > $TMP/empty; iommutool tables $TMP/empty
! iommutool: '$TMP/empty': empty file, not an ACPI table
[exit 65]
$ printf 'DMA' > $TMP/short; iommutool tables $TMP/short
! iommutool: '$TMP/short', offset 0x0: too short for an ACPI table header
[exit 65]
$ printf 'hello, world\n' > $TMP/text; iommutool tables $TMP/text
! iommutool: '$TMP/text', offset 0x0: too short for an ACPI table header
[exit 65]
$ head -c 100 $SHARED/corpus/templates/dmar.aml > $TMP/cut; iommutool tables $TMP/cut
NAME  SIG   LENGTH  REV  CHECKSUM   OEM    OEM TABLE
DMAR  DMAR     172    1  truncated  INTEL  TEMPLATE
! iommutool: '$TMP/cut', offset 0: table DMAR is truncated: Length 172, 100 bytes present
[exit 1]
$ printf 'DMAR\010\000\000\000' > $TMP/tiny; iommutool tables $TMP/tiny
! iommutool: '$TMP/tiny', offset 0x0: too short for an ACPI table header
[exit 65]
$ mkdir $TMP/d; iommutool tables $TMP/d
! iommutool: '$TMP/d': no ACPI tables in this directory
[exit 65]
$ iommutool tables $TMP/missing
! iommutool: cannot read '$TMP/missing': No such file or directory
[exit 66]
$ mkfifo $TMP/fifo; iommutool tables $TMP/fifo
! iommutool: cannot read '$TMP/fifo': not a regular file
[exit 65]
$ iommutool --json tables $TMP/missing $SHARED/corpus/templates/dmar.aml
{
  "schema_version": 2,
  "tables": [
    {
      "name": "DMAR",
      "signature": "DMAR",
      "length": 172,
      "revision": 1,
      "checksum": "ok",
      "oem_id": "INTEL",
      "oem_table_id": "TEMPLATE",
      "oem_revision": "0x00000001",
      "creator_id": "INTL",
      "creator_revision": "0x20260408",
      "iommu": true,
      "source": "../shared/corpus/templates/dmar.aml",
      "source_offset": "0x0",
      "source_line": null
    }
  ]
}
! iommutool: cannot read '$TMP/missing': No such file or directory
[exit 66]
$ printf 'DMAR @ 0x0\n    0000: 44 4D 41 52\n    0010: 00\n' > $TMP/gap.txt; iommutool tables $TMP/gap.txt
! iommutool: '$TMP/gap.txt', line 3: table DMAR: data line at offset 0x10, expected 0x4
[exit 65]
$ printf 'DMAR @ 0x0\n    0000: 44 4D 41 52 24 00 00 00 01 00 41 42\n  what is this\n' > $TMP/junk.txt; iommutool tables $TMP/junk.txt
! iommutool: '$TMP/junk.txt', line 3: not acpidump text: '  what is this'
[exit 65]
$ iommutool tables -o name,bogus $SHARED/corpus/templates/dmar.aml
! iommutool: unknown column 'bogus' (try --help)
[exit 64]
$ iommutool tables --force $SHARED/corpus/templates/dmar.aml
! iommutool tables: --force goes with --dump
! Try `iommutool tables --help' or `iommutool tables --usage' for more
! information.
[exit 64]
$ iommutool --json tables --hex $SHARED/corpus/templates/dmar.aml
! iommutool: --hex prints acpidump text; it does not combine with --json
[exit 64]
$ iommutool tables --hex $SHARED/corpus/templates/dmar.aml
DMAR @ 0x0000000000000000
    0000: 44 4D 41 52 AC 00 00 00 01 9F 49 4E 54 45 4C 20  DMAR......INTEL 
    0010: 54 45 4D 50 4C 41 54 45 01 00 00 00 49 4E 54 4C  TEMPLATE....INTL
    0020: 08 04 26 20 2F 01 00 00 00 00 00 00 00 00 00 00  ..& /...........
    0030: 00 00 18 00 01 00 00 00 00 00 00 00 00 00 00 00  ................
    0040: 03 08 00 00 08 00 00 01 01 00 20 00 00 00 00 00  .......... .....
    0050: 00 00 00 00 00 00 00 00 FF 0F 00 00 00 00 00 00  ................
    0060: 01 08 00 00 00 00 00 02 02 00 10 00 00 00 00 00  ................
    0070: 02 08 00 00 00 00 00 03 03 00 14 00 00 00 00 00  ................
    0080: 00 00 00 00 00 00 00 00 00 00 00 00 05 00 10 00  ................
    0090: 00 00 00 00 01 08 00 00 00 00 00 02 06 00 10 00  ................
    00A0: 00 00 00 00 01 08 00 00 00 00 00 02              ............

[exit 0]
$ iommutool tables --hex $SHARED/corpus/templates/dmar.aml > $TMP/dmar.txt; iommutool tables -o name,length,checksum,source_line $TMP/dmar.txt; iommutool tables --hex $TMP/dmar.txt | cmp - $TMP/dmar.txt && echo same
NAME  LENGTH  CHECKSUM  LINE
DMAR     172  ok           1
same
[exit 0]
$ iommutool tables --dump $TMP/out $SHARED/corpus/templates/dmar.aml $SHARED/corpus/fwts/iort-0001_acpidump-0001.log; cmp $TMP/out/dmar.dat $SHARED/corpus/templates/dmar.aml && echo identical; ls $TMP/out
wrote $TMP/out/dmar.dat (172 bytes)
wrote $TMP/out/iort.dat (604 bytes)
identical
dmar.dat
iort.dat
[exit 0]
$ iommutool tables --dump $TMP/out $SHARED/corpus/templates/dmar.aml; iommutool tables --dump $TMP/out $SHARED/corpus/templates/dmar.aml
wrote $TMP/out/dmar.dat (172 bytes)
! iommutool: '$TMP/out/dmar.dat' exists; not replaced (use --force)
[exit 74]
$ iommutool tables --dump $TMP/out $SHARED/corpus/templates/dmar.aml; iommutool tables --dump $TMP/out --force --json $SHARED/corpus/templates/ivrs.aml $SHARED/corpus/templates/dmar.aml; ls -A $TMP/out
wrote $TMP/out/dmar.dat (172 bytes)
{
  "schema_version": 2,
  "written": [
    {
      "file": "$TMP/out/ivrs.dat",
      "name": "IVRS",
      "size": 528
    },
    {
      "file": "$TMP/out/dmar.dat",
      "name": "DMAR",
      "size": 172
    }
  ]
}
dmar.dat
ivrs.dat
[exit 0]
$ iommutool tables --dump /proc/iommutool-test $SHARED/corpus/templates/dmar.aml
! iommutool: '/proc/iommutool-test': iommutool never writes below /sys, /proc or /dev
[exit 64]
$ iommutool tables -a --dump $TMP/all $SHARED/corpus/fwts/ivrs-0001_acpidump-0001.log $SHARED/corpus/fwts/iort-0001_acpidump-0001.log; ls $TMP/all
wrote $TMP/all/facs.dat (64 bytes)
wrote $TMP/all/facp.dat (244 bytes)
wrote $TMP/all/ivrs.dat (528 bytes)
wrote $TMP/all/facs-2.dat (64 bytes)
wrote $TMP/all/facp-2.dat (244 bytes)
wrote $TMP/all/iort.dat (604 bytes)
facp-2.dat
facp.dat
facs-2.dat
facs.dat
iort.dat
ivrs.dat
[exit 0]
$ iommutool tables --hex $SHARED/corpus/templates/dmar.aml > $TMP/dmar.txt; iommutool --json decode $TMP/dmar.txt | head -n 7; iommutool --json validate $TMP/dmar.txt | head -n 8
{
  "schema_version": 2,
  "tables": [
    {
      "name": "DMAR",
      "source": "$TMP/dmar.txt",
      "source_line": 1,
{
  "schema_version": 2,
  "tables": [
    {
      "name": "DMAR",
      "signature": "DMAR",
      "source": "$TMP/dmar.txt",
      "source_line": 1,
[exit 0]
