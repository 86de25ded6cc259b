import Archive
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ArkistoServer

/// The message view and `/api/v1/interactions/{id}` on a real server on loopback: each attachment
/// with its name, type, size, SHA-256, where its text came from, why it could not be read, and its
/// text (collapsed on the page, escaped); search snippets from an attachment name it.
@Suite struct AttachmentViewServerTests {
    static let ref = "liitteet-1@koti.example"
    static let pdfText = "Asiakasnumero AS-1000001\nHuomautus: laskulla on laskutusvirhe <script>alert('liite')</script>"
    static let problem = "kuva.png: tesseract killed after 30 s (timed_out)"

    /// The fixture's archive with one more message: a PDF whose text was read and an image that
    /// could not be.
    static func fixture() throws -> ServerFixture {
        let fixture = try ServerFixture()
        let store = try fixture.store()
        let bytes = Array("Message-ID: <\(ref)>\n\nLiitteet.".utf8)
        let run = try store.beginImportRun(sourceKind: "test", arguments: [])
        _ = try store.write([
            .archive(
                IncomingOriginal(bytes: bytes, position: SourcePosition(path: "/liitteet.eml", offset: 0)),
                NewInteraction(
                    kind: .email, sourceRef: ref, contentDigest: ContentDigest(of: bytes),
                    occurredAt: Date(timeIntervalSince1970: 1_740_000_000), direction: .inbound, subject: "Liitteet",
                    body: "Lasku ja kuvakaappaus liitteinä.",
                    participants: [Participant(role: .from, name: "Aino Asiakas", address: "aino.asiakas@koti.example")],
                    attachments: [
                        NewAttachment(filename: "lasku.pdf", contentType: "application/pdf", size: 1234,
                                      digest: ContentDigest(of: Array("pdf".utf8)), text: pdfText, textSource: "pdf"),
                        NewAttachment(filename: "kuva.png", contentType: "image/png", size: 99,
                                      digest: ContentDigest(of: Array("png".utf8)), text: nil, problems: [problem]),
                    ],
                    references: [], defects: ["attachment_unreadable"])),
        ], run: run)
        return fixture
    }

    @Test func theMessageViewListsAttachmentsWithTheirTextCollapsedAndEscaped() async throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let id = try interactionID(fixture, Self.ref)
        try await fixture.application().test(.live) { client in
            let session = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            let html = try await client.get("/interactions/\(id)", session).text
            expectInert(html)
            #expect(html.contains("lasku.pdf</a> – application/pdf, 1234 tavua"))
            #expect(html.contains("SHA-256 <code>\(ContentDigest(of: Array("pdf".utf8)).hex)</code>"))
            #expect(html.contains("<details class=\"attachment-text\"><summary>Liitteen teksti (PDF:n tekstikerros)</summary>"))
            #expect(html.contains("laskutusvirhe &lt;script&gt;alert(&#39;liite&#39;)&lt;/script&gt;")
                    || html.contains("laskutusvirhe &lt;script&gt;alert(&#x27;liite&#x27;)&lt;/script&gt;"))
            #expect(html.contains("Ei voitu lukea: kuva.png: tesseract killed after 30 s (timed_out)"))
            // The image has no text: no empty box for it.
            #expect(html.components(separatedBy: "<details class=\"attachment-text\">").count == 2)

            let search = try await client.get("/search?q=laskutusvirhe", session).text
            #expect(search.contains("<span class=\"snippet-attachment\">lasku.pdf:</span>"))
        }
    }

    @Test func theAPIReturnsTextSourceAndProblems() async throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let id = try interactionID(fixture, Self.ref)
        try await fixture.application().test(.live) { client in
            let token = fixture.tokens["aino"]
            let interaction = try jsonObject(try await client.api("/api/v1/interactions/\(id)", token: token))
            let attachments = try #require(interaction["attachments"] as? [[String: Any]])
            try #require(attachments.count == 2)
            #expect(attachments[0]["text"] as? String == Self.pdfText)
            #expect(attachments[0]["text_source"] as? String == "pdf")
            #expect((attachments[0]["problems"] as? [String])?.isEmpty == true)
            #expect(attachments[0]["sha256"] as? String == ContentDigest(of: Array("pdf".utf8)).hex)
            #expect(attachments[1]["text"] == nil)
            #expect(attachments[1]["text_source"] == nil)
            #expect(attachments[1]["problems"] as? [String] == [Self.problem])

            let search = try jsonObject(try await client.api("/api/v1/search?q=" + percentEncoded("filename:pdf laskutusvirhe"), token: token))
            let hits = try #require(search["results"] as? [[String: Any]])
            #expect(hits.compactMap { $0["source_ref"] as? String } == [Self.ref])
            #expect(hits.first?["snippet_attachment"] as? String == "lasku.pdf")
        }
    }
}
