"""Small hostile PDFs for the end-to-end import test (Tests/ExtractTests/Fixtures/hostile/): each must
neither crash nor hang the import and leaves the message archived with a defect or some text.
Usage: python3 hostile_pdfs.py OUTPUT_FOLDER"""
import sys, zlib

def pdf(objects, trailer_extra=b""):
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += (b"%010d 00000 n \n" % offsets[number]) if number in offsets else b"0000000000 00000 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (size, trailer_extra, xref)
    return bytes(out)

def stream(dictionary, data):
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"
def page(content, **replace):
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        4: stream(b"", content),
        5: font,
    }
    objects.update({int(k[1:]): v for k, v in replace.items()})
    return objects

text = b"BT /F1 10 Tf 72 700 Td (Vihamielinen tiedosto) Tj ET"
out = sys.argv[1]
files = {
    "pdf-reference-cycle.pdf": pdf(page(text, o5=b"6 0 R", o6=b"7 0 R", o7=b"5 0 R")),
    "readable-pdf-kids-loop.pdf": pdf(page(text, o2=b"<< /Type /Pages /Kids [3 0 R 2 0 R 6 0 R] /Count 1 >>",
                                  o6=b"<< /Type /Pages /Kids [2 0 R 6 0 R] /Parent 2 0 R >>")),
    "readable-pdf-huge-length.pdf": pdf(page(text, o4=b"<< /Length 99999999999 >>\nstream\n" + text + b"\nendstream")),
    "pdf-nested-arrays.pdf": pdf(page(b"", o4=stream(b"/Filter /FlateDecode", zlib.compress(b"BT /F1 10 Tf " + b"[" * 100_000 + b"]" * 100_000 + b" TJ ET", 9)))),
    "pdf-ten-million-operators.pdf": pdf(page(b"", o4=stream(b"/Filter /FlateDecode", zlib.compress(b"q Q\n" * 5_000_000, 9)))),
    "readable-pdf-page-count-lie.pdf": pdf(page(text, o2=b"<< /Type /Pages /Kids [3 0 R] /Count 10000 >>")),
}
for name, data in files.items():
    open(f"{out}/{name}", "wb").write(data)
