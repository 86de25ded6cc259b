#!/usr/bin/env python3
"""Writes an Outlook TNEF stream (winmail.dat): no Debian tool writes TNEF, so the fixture script
makes one here, following the format Debian's `tnef` reads: the signature 0x223E9F78, a legacy key,
then attribute records (level, attribute id = type << 16 | tag, length, data, 16-bit checksum of
the data), message attributes first, then per attachment attAttachRendData, attAttachTitle,
attAttachData.

Usage: tnef_writer.py OUT SUBJECT BODY_FILE [ATTACHMENT...]   (body in UTF-8, written as cp1252
as Outlook's OEM code page does)."""
import struct
import sys

LEVEL_MESSAGE, LEVEL_ATTACHMENT = 1, 2
# type << 16 | tag
ATT_TNEF_VERSION = 0x00089006
ATT_OEM_CODEPAGE = 0x00069007
ATT_MESSAGE_CLASS = 0x00078008
ATT_SUBJECT = 0x00018004
ATT_BODY = 0x0002800C
ATT_ATTACH_REND_DATA = 0x00069002
ATT_ATTACH_TITLE = 0x00018010
ATT_ATTACH_DATA = 0x0006800F


def record(level, attribute, data):
    checksum = sum(data) & 0xFFFF
    return struct.pack("<BII", level, attribute, len(data)) + data + struct.pack("<H", checksum)


def tnef(subject, body, attachments):
    out = struct.pack("<IH", 0x223E9F78, 0x0102)
    out += record(LEVEL_MESSAGE, ATT_TNEF_VERSION, struct.pack("<I", 0x00010000))
    out += record(LEVEL_MESSAGE, ATT_OEM_CODEPAGE, struct.pack("<II", 1252, 0))
    out += record(LEVEL_MESSAGE, ATT_MESSAGE_CLASS, b"IPM.Microsoft Mail.Note\0")
    out += record(LEVEL_MESSAGE, ATT_SUBJECT, subject.encode("cp1252") + b"\0")
    out += record(LEVEL_MESSAGE, ATT_BODY, body.encode("cp1252"))
    for position, (name, data) in enumerate(attachments):
        # attachment type 1 (file), position, rendering width/height (-1), flags
        rend = struct.pack("<HIhhI", 1, position, -1, -1, 0)
        out += record(LEVEL_ATTACHMENT, ATT_ATTACH_REND_DATA, rend)
        out += record(LEVEL_ATTACHMENT, ATT_ATTACH_TITLE, name.encode("cp1252") + b"\0")
        out += record(LEVEL_ATTACHMENT, ATT_ATTACH_DATA, data)
    return out


def main():
    out, subject, body_file, *paths = sys.argv[1:]
    with open(body_file, encoding="utf-8") as f:
        body = f.read()
    attachments = []
    for path in paths:
        with open(path, "rb") as f:
            attachments.append((path.rsplit("/", 1)[-1], f.read()))
    with open(out, "wb") as f:
        f.write(tnef(subject, body, attachments))


if __name__ == "__main__":
    main()
