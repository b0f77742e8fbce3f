# amd-iommu/features is "EFR2:EFR" from Linux 6.0 to 6.6 and "EFR:EFR2" from 6.7: the EFR status
# decodes is the one the kernel log's "Extended features (EFR, EFR2)" line shows.
# The Debian 6.1 fixture says "0:29d3" and logs "Extended features (0x29d3, 0x0)"; it has no
# osrelease, so the zero half is taken as EFR2.  With both halves set the release decides:
# 6.1 puts EFR2 first, 6.12 the EFR.
$ cat $FIXTURES/q35-amd-crash/sys/class/iommu/ivhd0/amd-iommu/features; grep -o 'Extended features ([^)]*)' $SHARED/fixtures/q35-amd-crash/console.log; iommutool --sysroot $FIXTURES/q35-amd-crash status -v | grep -E '\((EFR|EFR2)\) :'
0:29d3
Extended features (0x29d3, 0x0)
    [0x000]      Extended Feature Register (EFR) : 0x00000000000029d3
    [0x008]      Extended Feature 2 Register (EFR2) : 0x0000000000000000
[exit 0]
$ sed -e 's/^release .*/release 6.1.0-28-amd64/' -e 's/ 246577efa2254afa:0000000000000000$/ 10:246577efa2254afa/' tests/sysroots/amd-enabled.desc >$TMP/a.desc && tests/sysroots/make-sysroot.sh $TMP/a.desc $TMP/r && iommutool --sysroot $TMP/r status -v | grep -E '\((EFR|EFR2)\) :'
    [0x000]      Extended Feature Register (EFR) : 0x246577efa2254afa
    [0x008]      Extended Feature 2 Register (EFR2) : 0x0000000000000010
[exit 0]
$ sed -e 's/ 246577efa2254afa:0000000000000000$/ 246577efa2254afa:10/' tests/sysroots/amd-enabled.desc >$TMP/a.desc && tests/sysroots/make-sysroot.sh $TMP/a.desc $TMP/r && iommutool --sysroot $TMP/r status -v | grep -E '\((EFR|EFR2)\) :'
    [0x000]      Extended Feature Register (EFR) : 0x246577efa2254afa
    [0x008]      Extended Feature 2 Register (EFR2) : 0x0000000000000010
[exit 0]
