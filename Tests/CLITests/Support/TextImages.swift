import Foundation
import Testing

/// Images of Finnish text made by real producers for OCR tests: a one-page PDF written here
/// (Helvetica, WinAnsi), rendered by poppler's `pdftoppm` to a PNG at 200 dpi, as a scanner or a
/// screenshot gives it.
enum TextImages {
    /// A PDF page showing `lines` (Latin-1 characters only).
    static func pdf(lines: [String], width: Int = 460, height: Int = 110) -> [UInt8] {
        let escaped = lines.map { line in
            line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
                .replacingOccurrences(of: ")", with: "\\)")
        }
        let content = "BT /F1 16 Tf 20 \(height - 30) Td 22 TL\n" + escaped.map { "(\($0)) Tj T*\n" }.joined() + "ET\n"
        let contentBytes = Array(content.data(using: .isoLatin1) ?? Data())
        let objects: [[UInt8]] = [
            Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Array("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Array("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(width) \(height)] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".utf8),
            Array("<< /Length \(contentBytes.count) >>\nstream\n".utf8) + contentBytes + Array("endstream".utf8),
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8),
        ]
        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n".utf8) + object + Array("\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets {
            out += Array((String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n").utf8)
        }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    /// A PNG of `lines`, rendered at 200 dpi.
    static func png(lines: [String], in folder: URL) throws -> [UInt8] {
        let name = "sivu-\(UUID().uuidString)"
        let pdfURL = folder.appendingPathComponent("\(name).pdf")
        try Data(pdf(lines: lines)).write(to: pdfURL)
        let render = Process()
        render.executableURL = URL(fileURLWithPath: "/usr/bin/pdftoppm")
        render.arguments = ["-r", "200", "-png", "-singlefile", pdfURL.path, folder.appendingPathComponent(name).path]
        try render.run()
        render.waitUntilExit()
        try #require(render.terminationStatus == 0, "pdftoppm failed")
        let pngURL = folder.appendingPathComponent("\(name).png")
        defer {
            try? FileManager.default.removeItem(at: pdfURL)
            try? FileManager.default.removeItem(at: pngURL)
        }
        return Array(try Data(contentsOf: pngURL))
    }

    /// An e-mail from a customer with `image` attached as `filename`.
    static func message(id: String, body: String, filename: String, image: [UInt8]) -> String {
        """
        From: Aino Mäkelä <aino.makela@posti.example>
        To: tuki@operaattori.example
        Subject: Kuvakaappaus laskusta
        Date: Mon, 3 Mar 2025 09:15:00 +0200
        Message-ID: <\(id)>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="raja"

        --raja
        Content-Type: text/plain; charset=utf-8

        \(body)
        --raja
        Content-Type: image/png; name="\(filename)"
        Content-Disposition: attachment; filename="\(filename)"
        Content-Transfer-Encoding: base64

        \(Data(image).base64EncodedString(options: .lineLength76Characters))
        --raja--

        """
    }
}
