#!/usr/bin/env python3
# Writes the small hand-made tables of this folder (run it here after a change, then
# commit its output; the tests only read the files).  Layouts: VT-d 4.1 chapter 8 (DMAR),
# ACPI 6.5 §5.2.12 (MADT).
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def table(sig, body, revision=1):
    length = 36 + len(body)
    head = struct.pack('<4sIBB6s8sI4sI', sig, length, revision, 0, b'IOMMUT', b'HANDMADE', 1,
                       b'TEST', 1)
    raw = bytearray(head + body)
    raw[9] = (-sum(raw)) & 0xff
    return bytes(raw)


def dmar(width, flags, *structures):
    return table(b'DMAR', struct.pack('<BB10x', width, flags) + b''.join(structures))


def scope(kind, bus, *hops, enum_id=0, length=None):
    path = b''.join(struct.pack('<BB', d, f) for d, f in hops)
    return struct.pack('<BBBBBB', kind, length if length is not None else 6 + len(path), 0, 0,
                       enum_id, bus) + path


def drhd(flags, segment, base, *scopes, size=0):
    body = b''.join(scopes)
    return struct.pack('<HHBBHQ', 0, 16 + len(body), flags, size, segment, base) + body


def rmrr(segment, base, end, *scopes):
    body = b''.join(scopes)
    return struct.pack('<HHHHQQ', 1, 24 + len(body), 0, segment, base, end) + body


def atsr(flags, segment, *scopes):
    body = b''.join(scopes)
    return struct.pack('<HHBBH', 2, 8 + len(body), flags, 0, segment) + body


def rhsa(base, domain):
    return struct.pack('<HHIQI', 3, 20, 0, base, domain)


def andd(number, name, pad=0):
    raw = name + b'\0' * (1 + pad)
    return struct.pack('<HH3xB', 4, 8 + len(raw), number) + raw


def raw_structure(kind, length, body=b''):
    return struct.pack('<HH', kind, length) + body


def write(name, data):
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)


def madt(*entries):
    return table(b'APIC', struct.pack('<II', 0xfee00000, 1) + b''.join(entries), revision=3)


def lapic(uid, apic_id):
    return struct.pack('<BBBBI', 0, 8, uid, apic_id, 1)


def ioapic(apic_id, base, gsi_base=0):
    return struct.pack('<BBBBII', 1, 12, apic_id, 0, base, gsi_base)


# Mac mini 6,2 (2012, Ivy Bridge): its DMAR gives the PCH I/O APIC as enumeration id 0
# (scope f0:1f.0), while Apple's MADT numbers that I/O APIC 2, so Linux finds no scope for
# it and turns interrupt remapping off.  This MADT has the machine's four CPUs and that
# one I/O APIC, as such Macs report them; the DMAR is the corpus one.
write('macmini6-2-madt.bin', madt(lapic(1, 0), lapic(2, 2), lapic(3, 4), lapic(4, 6),
                                  ioapic(2, 0xfec00000)))

# The walk: a structure of a reserved type is skipped by its length and the RMRR after it
# is still decoded; then one of length 0 stops the walk.
write('walk-unknown-then-zero.bin', dmar(
    0x26, 0x01,
    drhd(1, 0, 0xfed90000, scope(3, 0xf0, (0x1f, 0), enum_id=2)),
    raw_structure(9, 12, b'\x11\x22\x33\x44\x55\x66\x77\x88'),
    rmrr(0, 0x7c000000, 0x7c7fffff, scope(1, 0, (0x14, 0))),
    raw_structure(1, 0, b'\0' * 8)))

# An RMRR whose length (0x400) runs past the end of the table, as in ACPICA's notes.
write('walk-overrun.bin', dmar(
    0x26, 0x01,
    drhd(1, 0, 0xfed90000),
    raw_structure(1, 0x400, struct.pack('<HHQQ', 0, 0, 0x7c000000, 0x7c7fffff) +
                  scope(1, 0, (0x14, 0)))))

# One table with a problem for most checks of the table alone.
write('many-problems.bin', dmar(
    0x0a, 0x01,                                              # 11-bit width: dmar.haw.invalid
    drhd(1, 0, 0xfed90000, scope(3, 0xf0, (0x1f, 0), enum_id=2)),
    drhd(0, 0, 0xfed91000, scope(1, 0, (2, 0)),               # follows an INCLUDE_PCI_ALL unit
         scope(1, 0, (2, 0)),                                 # the same device twice
         scope(1, 0),                                         # a path with no hop
         scope(1, 0, (3, 0), length=9) + b"\0"),              # odd length
    drhd(1, 0, 0xfed92800, scope(5, 0, (0x15, 0), enum_id=7)),  # second INCLUDE_PCI_ALL, unaligned, namespace id 7 has no ANDD
    drhd(0, 0, 0xfed91000),                                   # same base as the second
    rmrr(0, 0x7c000800, 0x7c7fffff, scope(3, 0, (0x1e, 0))),  # unaligned base, IOAPIC scope in an RMRR
    rmrr(0, 0x7c400000, 0x7c5fffff, scope(1, 0, (0x14, 0))),  # overlaps the one before
    rmrr(0, 0x80000000, 0x7fffffff),                         # inverted, no scope
    atsr(1, 0), atsr(1, 0, scope(2, 0, (0x1c, 0))),           # two ALL_PORTS, the second with a scope
    rmrr(1, 0x90000000, 0x900fffff, scope(1, 0, (0x14, 0))),  # out of order; segment 1 has no DRHD
    rhsa(0xfed93000, 0),                                      # no such DRHD
    andd(1, b'\\_SB.PCI0.I2C0'),                              # no scope names device 1
    struct.pack('<HH3xB', 4, 12, 2) + b'\\_SB'))              # name without NUL

# A sysroot whose firmware memory map (/sys/firmware/memmap) has RAM, two adjacent
# reserved regions and ACPI NVS; the DMAR's RMRRs: one inside a reserved region, one
# across the two adjacent reserved regions, one in ACPI NVS, one in RAM (Linux:
# "No firmware reserved region can cover this RMRR").
root = os.path.join(HERE, 'memmap-sysroot')
regions = [(0x0, 0x9ffff, 'System RAM'), (0x100000, 0x7bffffff, 'System RAM'),
           (0x7c000000, 0x7c7fffff, 'Reserved'), (0x7c800000, 0x7cffffff, 'Reserved'),
           (0x7d000000, 0x7d0fffff, 'ACPI Non-volatile Storage'),
           (0x100000000, 0x17fffffff, 'System RAM')]
for i, (start, end, kind) in enumerate(regions):
    d = os.path.join(root, 'sys/firmware/memmap', str(i))
    os.makedirs(d, exist_ok=True)
    for name, value in (('start', '0x%x' % start), ('end', '0x%x' % end), ('type', kind)):
        with open(os.path.join(d, name), 'w') as f:
            f.write(value + '\n')
os.makedirs(os.path.join(root, 'sys/firmware/acpi/tables'), exist_ok=True)
with open(os.path.join(root, 'sys/firmware/acpi/tables/DMAR'), 'wb') as f:
    f.write(dmar(0x26, 0x01,
                 drhd(1, 0, 0xfed90000),
                 rmrr(0, 0x7c000000, 0x7c3fffff, scope(1, 0, (0x14, 0))),
                 rmrr(0, 0x7c400000, 0x7cbfffff, scope(1, 0, (0x1a, 0))),
                 rmrr(0, 0x7d000000, 0x7d00ffff, scope(1, 0, (0x1d, 0))),
                 rmrr(0, 0x10000000, 0x10ffffff, scope(1, 0, (0x02, 0)))))

# Scopes checked against the q35-vtd-legacy fixture's PCI functions (00:00.0, 00:02.0,
# 00:03.0, 00:04.0, root port 00:05.0 -> bus 01 with 01:00.0, 00:1f.0/2/3).
write('q35-scopes.bin', dmar(
    0x26, 0x01,
    drhd(0, 0, 0xfed90000,
         scope(3, 0xff, (0, 0), enum_id=0),
         scope(1, 0, (2, 0)),                    # the NIC: fine
         scope(1, 0, (5, 0)),                    # endpoint scope on a root port
         scope(2, 0, (4, 0)),                    # sub-hierarchy scope on an endpoint
         scope(1, 0, (2, 0), (0, 0)),            # through an endpoint
         scope(1, 0, (7, 0)),                    # nothing at 00:07.0
         scope(1, 0, (5, 0), (0, 0)))))          # 01:00.0 through the root port: fine

# RMRRs against the q35-vtd-legacy fixture's /proc/iomem (the snapshot has no
# /sys/firmware/memmap): 1ffd7000-1fffffff is "Reserved" there, 10000000-100fffff RAM.
write('q35-rmrrs.bin', dmar(
    0x26, 0x01,
    drhd(1, 0, 0xfed90000, scope(3, 0xff, (0, 0), enum_id=0)),
    rmrr(0, 0x1ffd7000, 0x1fffffff, scope(1, 0, (2, 0))),
    rmrr(0, 0x10000000, 0x100fffff, scope(1, 0, (3, 0)))))
