"""The hostile files of the "xml" section (Tests/ExtractTests/Fixtures/hostile/), each named for
what it is. Each must give a problem with a clear reason and never a crash, a hang or a large
allocation. Made from the LibreOffice fixtures one folder up; small on disk."""
import struct
import sys
import zipfile
import zlib
from pathlib import Path

hostile = Path(sys.argv[1])
fixtures = hostile.parent


def zip_bytes(entries, compression=zipfile.ZIP_DEFLATED):
    from io import BytesIO
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def replace_part(package, part, data):
    """The package with `part` replaced by `data`, other parts as they were."""
    with zipfile.ZipFile(fixtures / package) as source:
        entries = [(info.filename, data if info.filename == part else source.read(info)) for info in source.infolist()]
    return zip_bytes(entries)


# A 42.zip-like bomb: 256 MiB of zeros, zipped, then 16 copies per level for three levels.
layer = zip_bytes([("nollat.bin", bytes(256 << 20))])
for level in range(3):
    layer = zip_bytes([(f"taso{level}-{copy}.zip", layer) for copy in range(16)])
(hostile / "zip-bomb-nested.zip").write_bytes(layer)

# Fifield's overlapping bomb in small: 50 central entries that all point at one local entry.
kernel = zlib.compressobj(9, zlib.DEFLATED, -15)
data = kernel.compress(bytes(1 << 20)) + kernel.flush()
crc = zlib.crc32(bytes(1 << 20))
local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), 1 << 20, 5, 0) + b"a.txt" + data
central = b""
for index in range(50):
    name = f"{index:04}.txt".encode()
    central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), 1 << 20,
                           len(name), 0, 0, 0, 0, 0, 0) + name
end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 50, 50, len(central), len(local), 0)
(hostile / "zip-overlapping-entries.zip").write_bytes(local + central + end)

# A central directory that points at itself and declares 65,535 entries.
end_offset = 0
end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 22, end_offset, 0)
(hostile / "zip-looping-central-directory.zip").write_bytes(end)

# An entry that declares 10 bytes and holds 500,000.
honest = zip_bytes([("lasku.txt", b"laskutusvirhe " * 35715)])
lying = bytearray(honest)
central_at = lying.find(b"PK\x01\x02")
struct.pack_into("<I", lying, central_at + 24, 10)
struct.pack_into("<I", lying, 22, 10)
(hostile / "zip-declared-size-lies.zip").write_bytes(bytes(lying))

# The archive fixture cut in the middle.
whole = (fixtures / "liitteet.zip").read_bytes()
(hostile / "zip-truncated.zip").write_bytes(whole[: len(whole) // 2])

# Zips in zips, deeper than the nesting limit, a text at the bottom.
nested = zip_bytes([("pohja.txt", "Syvimmän tason muistio laskutusvirheestä.\n".encode())])
for level in range(8):
    nested = zip_bytes([(f"taso{level}.zip", nested)])
(hostile / "zip-nested-beyond-depth.zip").write_bytes(nested)

# An entry marked encrypted (traditional PKWARE encryption flag).
encrypted = bytearray(zip_bytes([("salainen.txt", b"salasana suojaa taman tiedoston")], zipfile.ZIP_STORED))
struct.pack_into("<H", encrypted, 6, 1)
struct.pack_into("<H", encrypted, encrypted.find(b"PK\x01\x02") + 8, 1)
(hostile / "zip-encrypted-entry.zip").write_bytes(bytes(encrypted))

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
laughs = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
bomb = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">{laughs}]>'
        f'<w:document {W}><w:body><w:p><w:r><w:t>Laskutusvirhe &lol9;</w:t></w:r></w:p></w:body></w:document>')
(hostile / "docx-billion-laughs.docx").write_bytes(replace_part("asiakaskirje.docx", "word/document.xml", bomb.encode()))

external = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY salaisuus SYSTEM "file:///etc/passwd">]>'
            f'<w:document {W}><w:body><w:p><w:r><w:t>Sopimus &salaisuus;</w:t></w:r></w:p></w:body></w:document>')
(hostile / "docx-external-entity.docx").write_bytes(replace_part("asiakaskirje.docx", "word/document.xml", external.encode()))

T = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
O = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
deep = (f'<?xml version="1.0"?><office:document-content {O} {T}><office:body><office:text><text:p>Vika'
        + "<text:span>" * 20_000 + "syvällä" + "</text:span>" * 20_000
        + "</text:p></office:text></office:body></office:document-content>")
(hostile / "odt-deep-nesting.odt").write_bytes(replace_part("asiakaskirje.odt", "content.xml", deep.encode()))

# 100,000 groups opened and never closed (closing them would double the file for nothing).
(hostile / "rtf-nested-groups.rtf").write_bytes(b"{\\rtf1\\ansi Lasku " + b"{" * 100_000 + b"syv\\'e4ll\\'e4")
(hostile / "rtf-huge-bin.rtf").write_bytes(b"{\\rtf1\\ansi Sopimus {\\pict\\bin4000000000 " + b"\x00" * 64 + b"}}")

# A message that forwards a message that forwards a message... 200 deep.
message = b"From: a@example.fi\r\nSubject: pohja\r\n\r\nSyvin viesti.\r\n"
for level in range(200):
    message = (b"From: b@example.fi\r\nSubject: taso %d\r\nMIME-Version: 1.0\r\n"
               b"Content-Type: message/rfc822\r\n\r\n" % level) + message
(hostile / "message-nested-200.eml").write_bytes(message)
