#!/usr/bin/env python3
# Writes the ACPI tables the test sysroots use (run it here after a change, then commit its
# output; the tests only read the files).  Layouts: ACPI 6.5 §5.2.6 (header), VT-d 4.1
# chapter 8 (DMAR), AMD IOMMU 48882 §5.2 (IVRS), Arm DEN 0049 E.g §3 (IORT).
import os
import struct

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'tables')


def table(sig, body, revision=1):
    head = struct.pack('<4sIBB6s8sI4sI', sig, 36 + len(body), revision, 0, b'IOMMUT', b'SYSROOT',
                       1, b'TEST', 1)
    raw = bytearray(head + body)
    raw[9] = (-sum(raw)) & 0xff
    return bytes(raw)


def write(name, data):
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)


# ---- DMAR: a unit for the integrated GPU 00:02.0 at 0xfed90000 (Linux's dmar0), an
# INCLUDE_PCI_ALL unit at 0xfed91000 (dmar1) with the I/O APIC, an RMRR for the USB
# controller 00:14.0.  Flags: INTR_REMAP and DMA_CTRL_PLATFORM_OPT_IN.

def scope(kind, bus, dev, fn, enum_id=0):
    return struct.pack('<BBBBBBBB', kind, 8, 0, 0, enum_id, bus, dev, fn)


def drhd(flags, base, *scopes):
    body = b''.join(scopes)
    return struct.pack('<HHBBHQ', 0, 16 + len(body), flags, 0, 0, base) + body


def rmrr(base, end, *scopes):
    body = b''.join(scopes)
    return struct.pack('<HHHHQQ', 1, 24 + len(body), 0, 0, base, end) + body


write('dmar.dat', table(b'DMAR', struct.pack('<BB10x', 38, 0x05) +
                        drhd(0, 0xfed90000, scope(1, 0, 2, 0)) +
                        drhd(1, 0xfed91000, scope(3, 0xf0, 0x1f, 0, enum_id=2)) +
                        rmrr(0x3e2e0000, 0x3e2fffff, scope(1, 0, 0x14, 0))))

# ---- IVRS: one IOMMU (00:00.2, registers at 0xfd200000) in an IVHD of type 11h that
# selects every device (entry type 01h, "All").
ivhd = struct.pack('<BBHHHQHHIQQ', 0x11, 0x30, 40 + 4, 0x0002, 0x40, 0xfd200000, 0, 0, 0,
                   0x246577efa2254afa, 0) + struct.pack('<BHB', 0x01, 0, 0)
write('ivrs.dat', table(b'IVRS', struct.pack('<IQ', 0x00203041, 0) + ivhd, revision=2))

# ---- IORT: ITS group (0x30), SMMUv3 at 0x9050000 (0x48) mapping every StreamID to the ITS,
# root complex of segment 0 (0xa0) mapping every requester ID to the SMMUv3.

def node(kind, revision, identifier, fields, mappings):
    body = fields + b''.join(mappings)
    return struct.pack('<BHBIII', kind, 16 + len(body), revision, identifier, len(mappings),
                       16 + len(fields)) + body


def mapping(input_base, count, output_base, reference):
    return struct.pack('<IIIII', input_base, count, output_base, reference, 0)


its = struct.pack('<BHBIII', 0, 24, 1, 1, 0, 0) + struct.pack('<II', 1, 0)
smmu = node(4, 5, 2, struct.pack('<QIIQIIIIIII', 0x9050000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            [mapping(0, 0xffff, 0, 0x30)])
rc = node(2, 4, 3, struct.pack('<IBHB', 1, 0, 0, 3) + struct.pack('<IIBHBI', 0, 0, 48, 0, 0, 0),
          [mapping(0, 0xffff, 0, 0x48)])
assert len(its) == 24 and len(smmu) == 88
write('iort.dat', table(b'IORT', struct.pack('<III', 3, 48, 0) + its + smmu + rc, revision=6))

# ---- IORT with two SMMUs on a requester's way (arm-chained.desc): ITS group (0x30); SMMUv3 A
# at 0x9050000 (0x48); SMMUv3 B at 0x9060000 (0xa0) mapping its StreamIDs 0-0xff on to A as
# 0x80-0x17f; SMMUv2 C at 0x9070000 (0x10c) mapping its 0-0xff on to A as 0x40-0x13f; root
# complex of segment 0 (0x174): bus 0 to B, bus 1 to C, bus 2 to A directly (as 0x20-0x11f).
# Linux (iort_iommu_configure_id) takes the first SMMU on the way: B, C and A.
# Each SMMUv3's own MSIs: a single mapping to the ITS, mapping 0 (flags: DeviceID mapping
# index valid; the index 0).
msi = struct.pack('<IIIII', 0, 0, 0, 0x30, 1)
smmu_a = node(4, 5, 10, struct.pack('<QIIQIIIIIII', 0x9050000, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0),
              [msi])
smmu_b = node(4, 5, 11, struct.pack('<QIIQIIIIIII', 0x9060000, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0),
              [msi, mapping(0, 0xff, 0x80, 0x48)])
# SMMUv1/v2 (DEN 0049 E.g §3.1.1.4): base, span, model 1 (generic SMMUv2), flags, the global
# interrupt array at 60, one context interrupt at 76, no PMU interrupt; mappings at 84.
smmu_c = node(3, 3, 12, struct.pack('<QQIIIIIII', 0x9070000, 0x10000, 1, 0, 60, 1, 76, 0, 0) +
              struct.pack('<IIII', 100, 0, 101, 0) + struct.pack('<II', 102, 0),
              [mapping(0, 0xff, 0x40, 0x48)])
rc_chained = node(2, 4, 13, struct.pack('<IBHB', 1, 0, 0, 3) + struct.pack('<IIBHBI', 0, 0, 48, 0, 0, 0),
                  [mapping(0x000, 0xff, 0, 0xa0), mapping(0x100, 0xff, 0, 0x10c),
                   mapping(0x200, 0xff, 0x20, 0x48)])
assert len(smmu_a) == 88 and len(smmu_b) == 108 and len(smmu_c) == 104
write('iort-chained.dat', table(b'IORT', struct.pack('<III', 5, 48, 0) + its + smmu_a + smmu_b +
                                smmu_c + rc_chained, revision=6))

# ---- Header-only tables, so that a sysroot lists more than its IOMMU table.
write('apic.dat', table(b'APIC', b''))
write('facp.dat', table(b'FACP', b''))

# ---- VIOT: a virtio-iommu at 00:02.0 (node 0x30) translating every other function of
# segment 0 (PCI range node 0x40).  ACPI 6.5 §5.2.32.
iommu = struct.pack('<BBHHHQ', 3, 0, 16, 0, 0x0010, 0)
pci_range = struct.pack('<BBHIHHHHH6x', 1, 0, 24, 0, 0, 0, 0x0000, 0xffff, 0x30)
write('viot.dat', table(b'VIOT', struct.pack('<HHQ', 2, 0x30, 0) + iommu + pci_range))
