import CZlib
import Foundation

/// Small PDFs written by the tests, object by object, with a correct cross-reference: a page whose
/// content and font the test chooses, then whatever objects a test replaces or adds.
struct HandMadePDF {
    var objects: [Int: [UInt8]]
    var trailerExtra = ""

    /// Courier's glyphs are all 600 units wide, so it needs no /Widths.
    static let courier = "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"

    /// Catalog 1, pages 2, page 3, content 4, font 5 (as /F1).
    static func page(content: String, font: String) -> HandMadePDF {
        HandMadePDF(objects: [
            1: Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            2: Array("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            3: Array("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".utf8),
            4: stream("", Array(content.utf8)),
            5: Array(font.utf8),
        ])
    }

    static func stream(_ dictionary: String, _ data: [UInt8]) -> [UInt8] {
        Array("<< \(dictionary) /Length \(data.count) >>\nstream\n".utf8) + data + Array("\nendstream".utf8)
    }

    /// With a classic cross-reference table.
    func bytes() -> [UInt8] {
        var output = Array("%PDF-1.4\n%\u{E4}\u{F6}\n".utf8)
        var offsets: [Int: Int] = [:]
        for (number, body) in objects.sorted(by: { $0.key < $1.key }) {
            offsets[number] = output.count
            output += Array("\(number) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let size = (objects.keys.max() ?? 0) + 1
        let xref = output.count
        output += Array("xref\n0 \(size)\n0000000000 65535 f \n".utf8)
        for number in 1..<size {
            let line = offsets[number].map { String(format: "%010d 00000 n \n", $0) } ?? "0000000000 00000 f \n"
            output += Array(line.utf8)
        }
        output += Array("trailer\n<< /Size \(size) /Root 1 0 R \(trailerExtra) >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return output
    }

    /// PDF 1.5 style: the objects that are not streams in one object stream (number 20), found
    /// through a cross-reference stream (number 21) with PNG-predicted rows.
    func bytesWithObjectStream() -> [UInt8] {
        var output = Array("%PDF-1.5\n".utf8)
        var entries: [Int: (type: Int, field2: Int, field3: Int)] = [:]
        var header = ""
        var body: [UInt8] = []
        var index = 0
        for (number, object) in objects.sorted(by: { $0.key < $1.key }) where !object.contains(Array("stream".utf8)) {
            header += "\(number) \(body.count) "
            body += object + [0x0A]
            entries[number] = (2, 20, index)
            index += 1
        }
        for (number, object) in objects.sorted(by: { $0.key < $1.key }) where object.contains(Array("stream".utf8)) {
            entries[number] = (1, output.count, 0)
            output += Array("\(number) 0 obj\n".utf8) + object + Array("\nendobj\n".utf8)
        }
        entries[20] = (1, output.count, 0)
        let objectStream = Array(header.utf8) + body
        output += Array("20 0 obj\n".utf8) + Self.stream("/Type /ObjStm /N \(index) /First \(header.utf8.count)", objectStream) + Array("\nendobj\n".utf8)
        entries[21] = (1, output.count, 0)
        // Rows of [type, offset (4 bytes), index (2 bytes)], each with PNG "Up" prediction.
        var rows: [UInt8] = []
        var previous = [UInt8](repeating: 0, count: 7)
        for number in 0..<22 {
            let entry = entries[number] ?? (0, 0, 0)
            let row: [UInt8] = [UInt8(entry.type), UInt8(entry.field2 >> 24 & 0xFF), UInt8(entry.field2 >> 16 & 0xFF),
                                UInt8(entry.field2 >> 8 & 0xFF), UInt8(entry.field2 & 0xFF), UInt8(entry.field3 >> 8), UInt8(entry.field3 & 0xFF)]
            rows.append(2)
            rows += zip(row, previous).map { $0 &- $1 }
            previous = row
        }
        let xref = output.count
        let dictionary = "/Type /XRef /Size 22 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >>"
        output += Array("21 0 obj\n".utf8) + Self.stream(dictionary, Self.deflate(rows)) + Array("\nendobj\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return output
    }

    /// zlib's deflate at its best compression.
    static func deflate(_ data: [UInt8]) -> [UInt8] {
        var size = compressBound(uLong(data.count))
        var output = [UInt8](repeating: 0, count: Int(size))
        guard compress2(&output, &size, data, uLong(data.count), 9) == Z_OK else { return [] }
        return Array(output.prefix(Int(size)))
    }

    /// The offset `startxref` names.
    static func startxref(of bytes: [UInt8]) -> Int? {
        let text = String(decoding: bytes.suffix(64), as: UTF8.self)
        guard let range = text.range(of: "startxref") else { return nil }
        return Int(text[range.upperBound...].split(whereSeparator: \.isWhitespace).first ?? "")
    }
}
