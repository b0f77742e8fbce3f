# IORT tables made by hand (tests/data/iort/make-tables.py): a node of length 0 (iasl loops
# forever on it), a node past the table's end, a table of reference and range mistakes with
# two SMMUs that map into each other; and the options' usage errors.
$ iommutool decode $TESTDATA/iort/zero-length.bin
IORT  signature=IORT  length=108  revision=6 (issue E.e)  oem_id=IOMMUT  oem_table_id=HANDMADE  node_count=3
  ITS Group @0x30  its_count=1  its_id_0=0
findings:
  error   [0x049] node at 0x48 has Length 0, less than its 16-byte header; the nodes after it cannot be found  (iort.node.length, DEN 0049 E.g §3.1.1)

[exit 0]
$ iommutool validate $TESTDATA/iort/zero-length.bin
IORT (tests/data/iort/zero-length.bin): 1 error, 0 warnings, 0 info
  error   [0x049] node at 0x48 has Length 0, less than its 16-byte header; the nodes after it cannot be found  (iort.node.length, DEN 0049 E.g §3.1.1)
1 table(s) checked: 1 error(s), 0 warning(s), 0 info
[exit 2]
$ iommutool decode $TESTDATA/iort/past-end.bin
IORT  signature=IORT  length=112  revision=6 (issue E.e)  oem_id=IOMMUT  oem_table_id=HANDMADE  node_count=2
  ITS Group @0x30  its_count=1  its_id_0=0
  Root Complex @0x48  pci_segment=0
findings:
  error   [0x049] node at 0x48 has Length 140 and runs past the table's end at 0x70  (iort.node.past_end, DEN 0049 E.g §3.1.1)

[exit 0]
$ iommutool validate $TESTDATA/iort/many-problems.bin
IORT (tests/data/iort/many-problems.bin): 4 errors, 1 warning, 0 info
  warning [0x1e0] Root Complex @0x18c: mapping 2 (0x200..0x300) ends on the first ID of mapping 3 (0x300..0x3ff): its ID Count 0x100 holds the number of IDs, not the number minus one (the HiSilicon HIP07/HIP08 off-by-one; Linux works around it)  (iort.idmap.off_by_one, DEN 0049 E.g §3.1.1 Table 5)
  error   [0x1c0] Root Complex @0x18c: mapping 0 has output reference 0 (Linux: "ID map has NULL parent reference")  (iort.idmap.null_reference, DEN 0049 E.g §3.1.1 Table 5)
  error   [0x1d4] Root Complex @0x18c: mapping 1: output reference 0x50 lands 8 bytes inside SMMUv3 @0x48, not on its header  (iort.idmap.reference_inside_node, DEN 0049 E.g §3.1.1 Table 5)
  error   [0x210] Root Complex @0x18c: mapping 4 leads to Root Complex @0xa0, which receives no IDs (only SMMUs and ITS groups do)  (iort.idmap.target_type, DEN 0049 E.g §3.1.1)
  error   [0x184] SMMUv3 @0x134: mapping 0 closes a circle: SMMUv3 @0xdc -> SMMUv3 @0x134 -> SMMUv3 @0xdc  (iort.idmap.loop, DEN 0049 E.g §3.1.1)
1 table(s) checked: 4 error(s), 1 warning(s), 0 info
[exit 2]
$ iommutool decode --trace 0001:00:00.0 --trace 0001:01:00.0 --trace 0001:04:00.0 --trace @0xdc:7 $TESTDATA/iort/many-problems.bin
IORT from tests/data/iort/many-problems.bin
  trace 0001:00:00.0 from Root Complex @0x18c
    Root Complex @0x18c        requester ID 0x0000 (0001:00:00.0)  -> mapping 0 (0x0..0xff -> 0x0)
    ends at Root Complex @0x18c: mapping 0 has output reference 0x0, which is not a node
  trace 0001:01:00.0 from Root Complex @0x18c
    Root Complex @0x18c        requester ID 0x0100 (0001:01:00.0)  -> mapping 1 (0x100..0x1ff -> 0x100)
    ends at Root Complex @0x18c: mapping 1 has output reference 0x50, which is not a node
  trace 0001:04:00.0 from Root Complex @0x18c
    Root Complex @0x18c        requester ID 0x0400 (0001:04:00.0)  -> mapping 4 (0x400..0x4ff -> 0x400)
    Root Complex @0xa0         requester ID 0x0400 (0000:04:00.0)  -> mapping 0 (0x0..0xffff -> 0x0)
    SMMUv3 @0x48               StreamID     0x0400  -> mapping 0 (0x0..0xffff -> 0x0)
    ITS Group @0x30            DeviceID     0x0400
    ends at ITS Group @0x30: DeviceID 0x400
  trace @0xdc:7 from SMMUv3 @0xdc
    SMMUv3 @0xdc               StreamID     0x0007  -> mapping 0 (0x0..0xffff -> 0x0)
    SMMUv3 @0x134              StreamID     0x0007  -> mapping 0 (0x0..0xffff -> 0x0)
    SMMUv3 @0xdc               StreamID     0x0007  -> mapping 0 (0x0..0xffff -> 0x0)
    SMMUv3 @0x134              StreamID     0x0007  -> mapping 0 (0x0..0xffff -> 0x0)
    SMMUv3 @0xdc               StreamID     0x0007  -> mapping 0 (0x0..0xffff -> 0x0)
    SMMUv3 @0x134              StreamID     0x0007  -> mapping 0 (0x0..0xffff -> 0x0)
    SMMUv3 @0xdc               StreamID     0x0007  -> mapping 0 (0x0..0xffff -> 0x0)
    stops: the mappings go round in a circle
[exit 0]
$ iommutool decode --reverse @0xdc:7 $TESTDATA/iort/many-problems.bin
IORT from tests/data/iort/many-problems.bin
  reverse @0xdc:7
  SMMUv3 @0xdc StreamID 0x7: 1 path
    SMMUv3 @0x134              StreamID     0x0007  -> mapping 0 (0x0..0xffff -> 0x0)
    SMMUv3 @0xdc               StreamID     0x0007
[exit 0]
$ iommutool decode --dot $TESTDATA/iort/many-problems.bin
digraph "tests/data/iort/many-problems.bin" {
  rankdir=LR;
  node [fontname="monospace", fontsize=10];
  edge [fontname="monospace", fontsize=9];
  n30 [shape=doubleoctagon, label="ITS Group @0x30\nITS 0"];
  n48 [shape=hexagon, label="SMMUv3 @0x48\nbase 0x9050000"];
  na0 [shape=box, label="Root Complex @0xa0\nsegment 0"];
  ndc [shape=hexagon, label="SMMUv3 @0xdc\nbase 0x9060000"];
  n134 [shape=hexagon, label="SMMUv3 @0x134\nbase 0x9070000"];
  n18c [shape=box, label="Root Complex @0x18c\nsegment 1"];
  n48 -> n30 [label="0x0..0xffff -> 0x0"];
  na0 -> n48 [label="0x0..0xffff -> 0x0"];
  ndc -> n134 [label="0x0..0xffff -> 0x0"];
  n134 -> ndc [label="0x0..0xffff -> 0x0"];
  n18c -> bad0 [color=red, fontcolor=red, label="0x0..0xff -> 0x0"];
  bad0 [shape=plaintext, fontcolor=red, label="0x0: no node"];
  n18c -> bad50 [color=red, fontcolor=red, label="0x100..0x1ff -> 0x100"];
  bad50 [shape=plaintext, fontcolor=red, label="0x50: no node"];
  n18c -> n48 [label="0x200..0x300 -> 0x200\n0x300..0x3ff -> 0x300"];
  n18c -> na0 [label="0x400..0x4ff -> 0x400"];
}
[exit 0]
$ iommutool --json decode --dot $TESTDATA/iort/many-problems.bin
! iommutool: --dot writes Graphviz text: use it without --json
[exit 64]
$ iommutool decode --trace 1:2:3:4 $TESTDATA/iort/many-problems.bin
IORT from tests/data/iort/many-problems.bin
! iommutool: --trace 1:2:3:4: the IORT has no named component or IWB of that name
[exit 64]
$ iommutool decode --reverse @x:1 $TESTDATA/iort/many-problems.bin
! iommutool decode: --reverse takes [@NODE-OFFSET:]ID or SMMU-BASE:ID, not '@x:1'
! Try `iommutool decode --help' or `iommutool decode --usage' for more
! information.
[exit 64]
$ iommutool decode --trace 00:02.0 $TESTDATA/dmar/q35-scopes.bin
! iommutool: no IORT to answer --trace, --reverse or --dot
[exit 0]
