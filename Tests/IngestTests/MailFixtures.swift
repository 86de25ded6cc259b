import Foundation
import Ingest

/// Small mail trees written to a temporary folder for one test.
struct MailFixtures {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    var archivePath: String { root.appendingPathComponent("archive.sqlite").path }

    @discardableResult
    func write(_ relativePath: String, _ content: [UInt8]) throws -> URL {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content).write(to: url)
        return url
    }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> URL {
        try write(relativePath, Array(text.utf8))
    }

    /// A Maildir with `cur`, `new` and `tmp`.
    func maildir(_ name: String, cur: [String: String], new: [String: String] = [:]) throws -> URL {
        let dir = root.appendingPathComponent(name)
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for (file, text) in cur { try write("\(name)/cur/\(file)", text) }
        for (file, text) in new { try write("\(name)/new/\(file)", text) }
        return dir
    }
}

enum SampleMail {
    static func plain(id: String, subject: String, body: String, from: String = "Maija Meikäläinen <maija@example.fi>") -> String {
        """
        From: \(from)
        To: Asiakaspalvelu <asiakaspalvelu@esimerkkiverkko.fi>
        Subject: \(subject)
        Date: Mon, 3 Mar 2025 09:15:00 +0200
        Message-ID: <\(id)>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        \(body)

        """
    }

    static let latin1Complaint: [UInt8] = {
        let head = """
            From: =?iso-8859-1?Q?J=E4rvinen?= <jarvinen@example.fi>
            To: asiakaspalvelu@esimerkkiverkko.fi
            Subject: =?iso-8859-1?Q?Reklamaatio_puhelinlaskusta?=
            Date: Tue, 4 Mar 2025 10:00:00 +0200
            Message-ID: <latin1@example.fi>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: 8bit


            """
        // "Laskussa on virheellinen summa. Hyvitys, kiitos." with ä as the single byte 0xE4.
        return Array(head.utf8) + [0x4C, 0x61, 0x73, 0x6B, 0x75, 0x73, 0x73, 0x61, 0x20, 0x6F, 0x6E, 0x20, 0x76, 0xE4, 0x72, 0xE4,
                                   0x20, 0x73, 0x75, 0x6D, 0x6D, 0x61, 0x2E, 0x0A]
    }()

    /// Multipart nested `depth` times: over the default nesting limit when depth > 100.
    static func deeplyNested(depth: Int) -> String {
        var text = "From: a@example.fi\nSubject: syva\nMessage-ID: <deep@example.fi>\nMIME-Version: 1.0\n"
        for level in 0..<depth {
            text += "Content-Type: multipart/mixed; boundary=\"b\(level)\"\n\n--b\(level)\n"
        }
        text += "Content-Type: text/plain\n\nsisin\n"
        for level in (0..<depth).reversed() {
            text += "--b\(level)--\n"
        }
        return text
    }
}

extension PersonalIDKey {
    /// A fixed key for tests (real archives use a random key from a 0600 file).
    static var testKey: PersonalIDKey {
        guard let key = PersonalIDKey(bytes: Array(repeating: 0x5A, count: PersonalIDKey.byteCount)) else {
            preconditionFailure("a 32-byte key is valid")
        }
        return key
    }
}
