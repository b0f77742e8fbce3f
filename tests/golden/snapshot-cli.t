# snapshot: what it says it wrote (the counts vary with what the commands read), the replay
# with --sysroot; a non-empty directory, a directory below /sys and a missing -o are refused; a
# --sysroot that does not exist or holds neither sys/ nor proc/ is exit 66, naming it.
$ iommutool --sysroot $FIXTURES/q35-vtd-legacy snapshot -o $TMP/s | sed -E 's/[0-9]+ (files|links|directories)/N \1/g' && iommutool --sysroot $TMP/s status | head -1
wrote $TMP/s: N files, N links, N directories
replay it with: iommutool --sysroot $TMP/s status
IOMMU enabled: Intel VT-d, 1 unit (dmar0); DMA translated, strict invalidation
[exit 0]
$ iommutool --sysroot $FIXTURES/q35-no-iommu --json snapshot -o $TMP/s | sed -E 's/"(files|links|directories)": [0-9]+/"\1": N/'
{
  "schema_version": 2,
  "snapshot": {
    "directory": "$TMP/s",
    "files": N,
    "links": N,
    "directories": N
  }
}
[exit 0]
$ mkdir $TMP/full && touch $TMP/full/x && iommutool --sysroot $FIXTURES/q35-vtd-legacy snapshot -o $TMP/full
! iommutool: '$TMP/full' is not empty: a snapshot goes into a new or empty directory
[exit 74]
$ iommutool snapshot -o /sys/kernel
! iommutool: '/sys/kernel' is below /sys, /proc or /dev: iommutool writes nothing there
[exit 64]
$ iommutool snapshot
! iommutool snapshot: -o DIR is required
! Try 'iommutool snapshot --help' for more information.
[exit 64]
$ iommutool --sysroot /nonexistent groups; echo "exit $?"; iommutool --sysroot $TMP devices; echo "exit $?"; iommutool --sysroot $TESTDATA/dmar/walk-overrun.bin tables; echo "exit $?"; mkdir $TMP/r $TMP/r/proc && iommutool --sysroot $TMP/r/ groups
exit 66
exit 66
exit 66
no IOMMU groups: this kernel has no IOMMU support (/sys/kernel/iommu_groups is missing)
! iommutool: --sysroot /nonexistent: no such directory, or one holding neither sys/ nor proc/ (a system's root, or a snapshot from 'iommutool snapshot')
! iommutool: --sysroot $TMP: no such directory, or one holding neither sys/ nor proc/ (a system's root, or a snapshot from 'iommutool snapshot')
! iommutool: --sysroot tests/data/dmar/walk-overrun.bin: not a directory
[exit 2]
