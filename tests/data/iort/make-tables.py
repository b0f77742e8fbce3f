#!/usr/bin/env python3
# Writes the small hand-made IORTs of this folder (run it here after a change, then commit its
# output; the tests only read the files).  Layouts: Arm DEN 0049 E.g §3 (header), §3.1.1
# (node header, ID mappings) and the node sections §3.1.1.1 to §3.1.1.7.
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def iort(revision, *nodes, count=None, offset=48, tail=b''):
    body = b''.join(nodes) + tail
    length = 48 + len(body)
    head = struct.pack('<4sIBB6s8sI4sI', b'IORT', length, revision, 0, b'IOMMUT', b'HANDMADE', 1,
                       b'TEST', 1)
    head += struct.pack('<III', len(nodes) if count is None else count, offset, 0)
    raw = bytearray(head + body)
    raw[9] = (-sum(raw)) & 0xff
    return bytes(raw)


def node(kind, fields, mappings=(), revision=0, identifier=0, length=None, mapping_offset=None):
    """A node: header, FIELDS (the bytes after the header), then MAPPINGS."""
    at = 16 + len(fields) if mappings else 0
    body = fields + b''.join(mappings)
    size = 16 + len(body) if length is None else length
    return struct.pack('<BHBIII', kind, size, revision, identifier, len(mappings),
                       at if mapping_offset is None else mapping_offset) + body


def mapping(input_base, count, output_base, reference, single=False):
    return struct.pack('<IIIII', input_base, count, output_base, reference, 1 if single else 0)


def its_group(*ids, identifier=0):
    return node(0, struct.pack('<I', len(ids)) + b''.join(struct.pack('<I', i) for i in ids),
                revision=1, identifier=identifier)


def root_complex(segment, *mappings, identifier=0, limit=48):
    # Memory access properties: fully coherent, CPM and DACS; no ATS; revision 4 fields.
    fields = struct.pack('<IBHB', 1, 0, 0, 3) + struct.pack('<IIBHBI', 0, segment, limit, 0, 0, 0)
    return node(2, fields, mappings, revision=4, identifier=identifier)


def smmu_v3(base, *mappings, identifier=0):
    fields = struct.pack('<QIIQIIIIIII', base, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    return node(4, fields, mappings, revision=5, identifier=identifier)


def write(name, data):
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)


# A node of length 0 after an ITS group: iasl loops on it forever.  The 20 bytes after it
# are never reached.
write('zero-length.bin', iort(6, its_group(0), node(2, b'', length=0), tail=bytes(20), count=3))

# A root complex whose Length runs 100 bytes past the table's end.
write('past-end.bin', iort(6, its_group(0), node(2, bytes(24), length=140)))

# ITS group 0x30, SMMUv3 0x48 (base 0x9050000), root complex 0xa0 of segment 0; two SMMUv3s
# at 0xdc and 0x134 that map into each other; a root complex of segment 1 at 0x18c with:
# a null reference, one into the middle of the SMMUv3 at 0x48, an off-by-one pair, and a
# mapping to the first root complex.
its = its_group(0, identifier=1)                                        # 0x30, 24 bytes
smmu = smmu_v3(0x9050000, mapping(0, 0xffff, 0, 0x30), identifier=2)     # 0x48, 88 bytes
rc0 = root_complex(0, mapping(0, 0xffff, 0, 0x48), identifier=3)         # 0xa0, 60 bytes
loop_a = smmu_v3(0x9060000, mapping(0, 0xffff, 0, 0x134), identifier=4)  # 0xdc, 88 bytes
loop_b = smmu_v3(0x9070000, mapping(0, 0xffff, 0, 0xdc), identifier=5)   # 0x134, 88 bytes
rc1 = root_complex(1,
                   mapping(0x000, 0xff, 0, 0),
                   mapping(0x100, 0xff, 0x100, 0x50),
                   mapping(0x200, 0x100, 0x200, 0x48),
                   mapping(0x300, 0xff, 0x300, 0x48),
                   mapping(0x400, 0xff, 0x400, 0xa0),
                   identifier=6)                                         # 0x18c
assert len(its) == 24 and len(smmu) == 88 and len(rc0) == 60 and len(loop_a) == 88
write('many-problems.bin', iort(6, its, smmu, rc0, loop_a, loop_b, rc1))
