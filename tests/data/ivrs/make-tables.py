#!/usr/bin/env python3
# Writes the small hand-made tables of this folder (run it here after a change, then commit
# its output; the tests only read the files).  Layouts: AMD IOMMU 48882 (IVRS), ACPI 6.5
# VIOT and §5.2.12 (MADT).  Each broken table says below which checks it is made to trip.
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def table(sig, body, revision=1, length=None):
    length = 36 + len(body) if length is None else length
    head = struct.pack('<4sIBB6s8sI4sI', sig, length, revision, 0, b'IOMMUT', b'HANDMADE', 1,
                       b'TEST', 1)
    raw = bytearray(head + body)
    raw[9] = (-sum(raw[:length])) & 0xff
    return bytes(raw)


def write(name, data):
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)


# ---- IVRS ----------------------------------------------------------------------------

IVINFO = 0x00203041     # EFRSup, GVA 48, PA 48, VA 64 bits


def ivrs(blocks, revision=2, ivinfo=IVINFO, trailing=b'', length=None):
    body = struct.pack('<IQ', ivinfo, 0) + b''.join(blocks) + trailing
    return table(b'IVRS', body, revision, length)


def ivhd(kind, devid, entries, base=0xfd000000, seg=0, flags=0x30, efr=0, length=None):
    ents = b''.join(entries)
    size = 24 if kind == 0x10 else 40
    length = size + len(ents) if length is None else length
    head = struct.pack('<BBHHHQHHI', kind, flags, length, devid, 0x40, base, seg, 0,
                       0x80048f6f if kind == 0x10 else 0x48000)
    if kind != 0x10:
        head += struct.pack('<QQ', efr, 0)
    return (head + ents)[:length] if length < size + len(ents) else head + ents


def e4(kind, devid, dte=0):
    return struct.pack('<BHB', kind, devid, dte)


def alias(kind, devid, source, dte=0):
    return struct.pack('<BHBBHB', kind, devid, dte, 0, source, 0)


def ext(kind, devid, data, dte=0):
    return struct.pack('<BHBI', kind, devid, dte, data)


def special(handle, source, variety, dte=0):
    return struct.pack('<BHBBHB', 0x48, 0, dte, handle, source, variety)


def hid(devid, hid_bytes, uid=b'', uid_format=2, uid_length=None, dte=0):
    uid_length = len(uid) if uid_length is None else uid_length
    return struct.pack('<BHB8s8sBB', 0xf0, devid, dte, hid_bytes, b'\0' * 8, uid_format,
                       uid_length) + uid.ljust(uid_length, b'\0')


def ivmd(kind, devid, aux, start, length, flags=0x01, seg=0):
    return struct.pack('<BBHHHH6sQQ', kind, flags, 32, devid, aux, seg, b'\0' * 6, start, length)


SB_IOAPIC = special(0x21, 0x00a0, 1, dte=0xd7)
HPET = special(0, 0x00a0, 2)

# Entries: padding (00h), an undefined type (05h), a Start of Range that the next Start
# replaces, a second End of Range reusing the last Start (inverted), a Select inside a range
# with other settings, a Special entry of variety 3, the same IOAPIC id twice, ACPI HID
# entries with an empty HID and with a UID length but no UID, an F0h entry in type 11h, and
# an End of Range with no Start in the second unit.
write('entries.bin', ivrs([
    ivhd(0x11, 0x0002, [hid(0x00a5, b'AMDI0020', b'\\_SB.FUR0')]),
    ivhd(0x40, 0x0002, [
        e4(0x00, 0), e4(0x05, 0x0100),
        e4(0x03, 0x0100), e4(0x03, 0x0200), e4(0x04, 0x02ff),
        e4(0x02, 0x0210, dte=0x01),
        e4(0x04, 0x0010),
        ext(0x46, 0x0300, 0x80000000),
        SB_IOAPIC, special(0x21, 0x0001, 1), special(9, 0x00a2, 3), HPET,
        hid(0x00a5, b'AMDI0020', b'\\_SB.FUR0', dte=0x40),
        hid(0x00a6, b'\0' * 8, b'', uid_format=0),
        hid(0x00a7, b'PNP0D40\0', b'', uid_format=0, uid_length=2),
    ]),
    ivhd(0x40, 0x4002, [e4(0x04, 0x00ff)], base=0xfd100000, seg=1),
]))

# Units: IOMMU A in types 10h and 11h (twice in 11h), IOMMU B in type 10h only (ignored),
# IOMMU D in type 11h only, selecting devices A selects and with another EFR image; aliases
# that loop (01:00.0 <-> 02:00.0) and chain (03:00.0 -> 04:00.0 -> 05:00.0); IVMDs that
# overlap, wrap, have no Unity or Exclusion flag, an inverted range and no length.
write('units.bin', ivrs([
    ivhd(0x10, 0x0002, [e4(0x03, 0x0000), e4(0x04, 0x00ff), SB_IOAPIC]),
    ivhd(0x10, 0x4002, [e4(0x03, 0x4000), e4(0x04, 0x40ff)], base=0xfd100000),
    ivhd(0x11, 0x0002, [e4(0x03, 0x0000), e4(0x04, 0x00ff),
                        alias(0x42, 0x0100, 0x0200), alias(0x42, 0x0200, 0x0100),
                        alias(0x42, 0x0300, 0x0400), alias(0x42, 0x0400, 0x0500),
                        alias(0x43, 0xff00, 0x00a5), e4(0x04, 0xffff),
                        SB_IOAPIC], efr=0x246577efa2254afa),
    ivhd(0x11, 0x0002, [], efr=0x246577efa2254afa),
    ivhd(0x11, 0x8002, [e4(0x03, 0x0080), e4(0x04, 0x017f)], base=0xfd200000,
         efr=0x246577efa2254af8),
    ivmd(0x21, 0x0010, 0, 0x100000, 0x2000),
    ivmd(0x22, 0x0000, 0x00ff, 0x101000, 0x1000, flags=0x09),
    ivmd(0x20, 0, 0, 0xfffffffffffff000, 0x2000, flags=0x08),
    ivmd(0x21, 0x0020, 0, 0x200000, 0x1000, flags=0x06),
    ivmd(0x22, 0x0200, 0x0100, 0x300000, 0x1000),
    ivmd(0x21, 0x0030, 0, 0x400000, 0),
]))

# The walk: an entry type (90h) whose length is undefined, a block of undefined type 51h,
# an IVMD 16 bytes long, and a last IVHD whose final alias entry runs past its Length.
write('walk.bin', ivrs([
    ivhd(0x40, 0x0002, [e4(0x02, 0x0008), e4(0x90, 0x0010), e4(0x02, 0x0018)]),
    struct.pack('<BBHI', 0x51, 0, 8, 0x12345678),
    ivmd(0x21, 0x0010, 0, 0x100000, 0x1000)[:16].replace(b'\x20\x00', b'\x10\x00', 1),
    ivhd(0x10, 0x0002, [e4(0x02, 0x0010), alias(0x42, 0x0018, 0x00a5)], length=24 + 4 + 4),
]))

# A block of length 0, then bytes never decoded.
write('zero-length.bin', ivrs([ivhd(0x10, 0x0002, [e4(0x01, 0)]), struct.pack('<BBH', 0x10, 0, 0)],
                              trailing=b'\xff' * 8))
# Two bytes after the last block.
write('trailing.bin', ivrs([ivhd(0x10, 0x0002, [e4(0x01, 0), SB_IOAPIC])], trailing=b'\0\0'))
# A block whose Length runs past the end of the table.
write('overrun.bin', ivrs([ivhd(0x10, 0x0002, [e4(0x01, 0), SB_IOAPIC], length=0x100)]))
# Revision 3, and an IVMD with the first IVHD's device id: Linux takes type 21h for its IVHDs.
write('type-unusable.bin', ivrs([ivhd(0x10, 0x0002, [e4(0x01, 0), SB_IOAPIC]),
                                 ivmd(0x21, 0x0002, 0, 0x100000, 0x1000)], revision=3))
# Revision 1 with an IVHD of type 40h.
write('rev1-40h.bin', ivrs([ivhd(0x10, 0x0002, [e4(0x01, 0), SB_IOAPIC]),
                            ivhd(0x40, 0x0002, [e4(0x01, 0), SB_IOAPIC])], revision=1))
# No IVHD at all.
write('no-ivhd.bin', ivrs([ivmd(0x20, 0, 0, 0x100000, 0x1000)]))


# ---- MADT ----------------------------------------------------------------------------

def madt(ioapic_ids):
    body = struct.pack('<II', 0xfee00000, 1) + struct.pack('<BBBBI', 0, 8, 0, 0, 1)
    for n, i in enumerate(ioapic_ids):
        body += struct.pack('<BBBBII', 1, 12, i, 0, 0xfec00000 + 0x1000 * n, 24 * n)
    return table(b'APIC', body, revision=5)


# The IOAPIC ids the corpus notes give for the machines' MADTs (PROVENANCE.tsv).
write('madt-ioapic-4-5.bin', madt([4, 5]))      # Acer Aspire A315-41, Lenovo IdeaPad S145
write('madt-ioapic-0-1.bin', madt([0, 1]))      # Gigabyte A320M-S2H
write('madt-ioapic-0.bin', madt([0]))           # MSI MS-7793


# ---- VIOT ----------------------------------------------------------------------------

def viot(nodes, count=None, offset=48):
    body = struct.pack('<HHQ', len(nodes) if count is None else count, offset, 0) + b''.join(nodes)
    return table(b'VIOT', body, revision=0)


def pci_range(out, bdf_start, bdf_end, ep=0, seg_start=0, seg_end=0):
    return struct.pack('<BBHIHHHHH6s', 1, 0, 24, ep, seg_start, seg_end, bdf_start, bdf_end, out,
                       b'\0' * 6)


def mmio(out, base, ep=0):
    return struct.pack('<BBHIQH6s', 2, 0, 24, ep, base, out, b'\0' * 6)


def virtio_pci(bdf):
    return struct.pack('<BBHHH8s', 3, 0, 16, 0, bdf, b'\0' * 8)


def virtio_mmio(base):
    return struct.pack('<BBHIQ', 4, 0, 16, 0, base)


# An unused virtio-mmio IOMMU, overlapping PCI ranges, a range pointing at a range and
# inverted, two MMIO endpoints at one address (one pointing inside a node), a node of
# undefined type, a PCI range 12 bytes long, and a Node Count one short.
write('viot-broken.bin', viot([
    virtio_pci(0x0008),                     # 0x30
    virtio_mmio(0x1d000000),                # 0x40
    pci_range(0x30, 0x0000, 0x00ff),        # 0x50
    pci_range(0x30, 0x0080, 0x017f),        # 0x68
    pci_range(0x50, 0x0300, 0x0200),        # 0x80
    mmio(0x30, 0x1c000000),                 # 0x98
    mmio(0x31, 0x1c000000),                 # 0xb0
    struct.pack('<BBHI', 7, 0, 8, 0),       # 0xc8
    pci_range(0x30, 0, 0xff)[:12].replace(b'\x18\x00', b'\x0c\x00', 1),    # 0xd0
], count=8))
# A PCI range pointing at itself (no IOMMU in the table), then a node of length 0.
write('viot-zero-length.bin', viot([pci_range(0x30, 0, 0xff), struct.pack('<BBH', 3, 0, 0)]))
# Node Offset inside the header.
write('viot-offset.bin', viot([virtio_pci(0x0008)], offset=0x10))
# A node running past the end of the table.
write('viot-overrun.bin', viot([virtio_pci(0x0008)[:2] + struct.pack('<H', 0x40) + virtio_pci(8)[4:]]))
