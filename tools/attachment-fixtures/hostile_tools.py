#!/usr/bin/env python3
"""Hostile files for the readers that run Debian's tools (PDF, images, legacy Office, TNEF), each
named for what it is; small, made from the good fixtures or written byte by byte.
Usage: hostile_tools.py FIXTURES_DIR HOSTILE_DIR"""
import struct
import sys
import zlib

fixtures, hostile = sys.argv[1:]


def read(name):
    with open(f"{fixtures}/{name}", "rb") as f:
        return f.read()


def write(name, data):
    with open(f"{hostile}/{name}", "wb") as f:
        f.write(data)


def pdf(objects, count_override=None, xref_shift=0):
    """A PDF from object bodies, with a correct (or shifted) cross-reference table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % (offset + xref_shift)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


lasku = read("lasku.pdf")
write("truncated.pdf", lasku[: len(lasku) * 2 // 5])
write("truncated-header-only.pdf", lasku[:9])

# /Count claims 10,000 pages; there is one.
write("page-count-10000.pdf", pdf([
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 10000 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
]))
# Every cross-reference offset points into the wrong place, and the catalog has no pages.
write("malformed-xref.pdf", pdf([
    b"<< /Type /Catalog /Pages 9 0 R >>",
    b"<< /Type /Pages /Kids [7 0 R] /Count 1 >>",
], xref_shift=3))
# A page whose MediaBox is 14,400 inches square: 2.88 million pixels a side at 200 dpi.
write("huge-page.pdf", pdf([
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1036800 1036800] >>",
]))

png = b"\x89PNG\r\n\x1a\n"
write("png-50000x50000.png", png + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 50000, 50000, 8, 0, 0, 0, 0))
      + png_chunk(b"IDAT", zlib.compress(b"\0" * 64)) + png_chunk(b"IEND", b""))
write("truncated.png", read("kuvakaappaus.png")[:20])
write("png-signature-only.png", png)
# A PNG whose header is fine but whose pixel data is cut (OCR fails, it does not crash).
write("truncated-pixels.png", read("kuvakaappaus.png")[:2000])
# JPEG: SOI, APP0 (JFIF), then a baseline start-of-frame claiming 65,535 × 65,535.
jfif = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"
sof = b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, 65535, 65535, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
write("jpeg-absurd-sof.jpg", b"\xff\xd8" + jfif + sof + b"\xff\xd9")
# TIFF whose first directory lies past the end of the file.
write("tiff-directory-past-end.tiff", b"II*\0" + struct.pack("<I", 1 << 30) + b"\0" * 8)
# WebP (VP8X) canvas of 16,384 × 16,384.
vp8x = b"VP8X" + struct.pack("<I", 10) + b"\0\0\0\0" + (16383).to_bytes(3, "little") + (16383).to_bytes(3, "little")
write("webp-16384x16384.webp", b"RIFF" + struct.pack("<I", 4 + len(vp8x)) + b"WEBP" + vp8x)
# GIF with a zero-sized logical screen.
write("gif-zero-size.gif", b"GIF89a\0\0\0\0\0\0\0;")

# Legacy Office: the OLE2 signature, then garbage.
write("ole-garbage.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes((i * 37 + 11) % 256 for i in range(4088)))

winmail = read("winmail.dat")
write("truncated-winmail.dat", winmail[: len(winmail) // 3])
# The signature and key, then records whose lengths and checksums are garbage.
garbage = bytes((i * 91 + 7) % 256 for i in range(600))
write("corrupted-winmail.dat", winmail[:6] + b"\x01" + struct.pack("<II", 0x0002800C, 0x7FFFFFF0) + garbage)
