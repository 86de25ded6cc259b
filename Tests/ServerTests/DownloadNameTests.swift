import Archive
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Ingest
import Testing

@testable import ArkistoServer

/// Download names cannot reverse themselves, break the header, or hide control characters.
@Suite struct DownloadNameTests {
    @Test func bidiControlsAndLineBreaksAreRemovedFromContentDisposition() {
        let cases: [(String, String, String)] = [
            ("lasku\u{202E}fdp.exe", "laskufdp.exe", "laskufdp.exe"),
            ("a\r\nSet-Cookie: x=1.pdf", "aSet-Cookie: x=1.pdf", "aSet-Cookie%3A%20x%3D1.pdf"),
            ("\u{2067}\u{200F}liite\u{0085}\u{2028}.txt", "liite.txt", "liite.txt"),
            ("räkning \"2025\".pdf", "r_kning _2025_.pdf", "r%C3%A4kning%20%222025%22.pdf"),
            ("../../etc/passwd", ".._.._etc_passwd", ".._.._etc_passwd"),
            ("\u{202E}\u{0000}\t", "download", "download"),
        ]
        for (name, plain, encoded) in cases {
            let header = ContentDisposition.attachment(filename: name)
            #expect(header == "attachment; filename=\"\(plain)\"; filename*=UTF-8''\(encoded)", "\(name.debugDescription)")
            #expect(!header.unicodeScalars.contains { $0.value < 0x20 || $0.value >= 0x7F })
        }
    }

    @Test func anArchivedAttachmentWithARightToLeftOverrideDownloadsUnderACleanName() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try fixture.write("hostile/rlo.eml", """
            From: Aino Asiakas <aino.asiakas@koti.example>
            To: Asiakaspalvelu <asiakaspalvelu@operaattori.example>
            Subject: Liite
            Date: Mon, 6 Jan 2025 09:15:00 +0200
            Message-ID: <rlo-1@koti.example>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="raja"

            --raja
            Content-Type: text/plain; charset=utf-8

            Liitteenä lasku.
            --raja
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename*=UTF-8''lasku%E2%80%AEfdp.exe%0D%0AX-Evil%3A%201
            Content-Transfer-Encoding: base64

            TVo=
            --raja--

            """)
        let store = try fixture.store()
        let key = try PersonalIDKey.loadOrCreate(at: fixture.archivePath + ".pidkey")
        _ = try MailImporter(archive: store, personalIDKey: key).run(paths: [fixture.path("hostile")])
        let id = try interactionID(fixture, "rlo-1@koti.example")
        try await fixture.application().test(.router) { client in
            let response = try await client.api("/api/v1/interactions/\(id)/attachments/0", token: fixture.tokens["aino"])
            #expect(response.status == .ok)
            let header = try #require(response.headers[.contentDisposition])
            #expect(header.hasPrefix("attachment; filename=\"laskufdp.exe"))
            #expect(header.contains("filename*=UTF-8''laskufdp.exe"))
            #expect(!header.contains("%E2%80%AE"))
            #expect(!header.contains("%0D") && !header.contains("%0A"))
        }
    }

    @Test func anUnnamedAttachedMessageDownloadsAsAnEMLFile() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let enclosed = """
            From: Myynti <myynti@operaattori.example>
            Subject: Tilausvahvistus

            Tilaus on vastaanotettu.

            """
        try fixture.write("forward/fwd.eml", """
            From: Aino Asiakas <aino.asiakas@koti.example>
            To: Asiakaspalvelu <asiakaspalvelu@operaattori.example>
            Subject: Fwd: Tilausvahvistus
            Date: Mon, 6 Jan 2025 09:15:00 +0200
            Message-ID: <fwd-1@koti.example>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="raja"

            --raja
            Content-Type: text/plain; charset=utf-8

            Alla vahvistus.
            --raja
            Content-Type: message/rfc822

            \(enclosed)
            --raja--

            """)
        let store = try fixture.store()
        let key = try PersonalIDKey.loadOrCreate(at: fixture.archivePath + ".pidkey")
        _ = try MailImporter(archive: store, personalIDKey: key).run(paths: [fixture.path("forward")])
        let id = try interactionID(fixture, "fwd-1@koti.example")
        try await fixture.application().test(.router) { client in
            let response = try await client.api("/api/v1/interactions/\(id)/attachments/0", token: fixture.tokens["aino"])
            #expect(response.status == .ok)
            #expect(response.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"liite-\(id)-0.eml\"") == true)
            #expect(Array(response.body.readableBytesView) == Array(enclosed.utf8))
        }
    }
}
