import Archive
import Foundation
@testable import Ingest
import MIME
import Testing

/// Attachments read back out of archived originals: an attached message is one file (the enclosed
/// message as it was sent), and archives made when the attachments inside attached messages were
/// listed as the message's own still find those.
@Suite struct ArchivedAttachmentsTests {
    static let inner = """
        From: laskutus@operaattori.example (Laskutus)
        Subject: Lasku 4/2025
        Content-Type: multipart/mixed; boundary=inner

        --inner
        Content-Type: text/plain; charset=utf-8

        Eräpäivä on 30.4.
        --inner
        Content-Type: text/csv; charset=utf-8
        Content-Disposition: attachment; filename="erittely.csv"

        puhelu;0,50
        --inner--

        """

    static let forward = """
        From: Pekka <pekka@koti.example>
        To: tuki@operaattori.example
        Subject: Fwd: lasku
        Message-ID: <fwd-lasku@koti.example>
        Content-Type: multipart/mixed; boundary=outer

        --outer
        Content-Type: text/plain; charset=utf-8

        Katsokaa alla olevaa.
        --outer
        Content-Type: message/rfc822

        \(inner)
        --outer--

        """

    @Test func anAttachedMessageIsReadBackWhole() throws {
        let fixtures = try MailFixtures()
        defer { fixtures.remove() }
        let path = try fixtures.write("mail/forward.eml", Self.forward)
        let store = try ArchiveStore(path: fixtures.archivePath)
        _ = try MailImporter(archive: store, personalIDKey: .testKey).run(paths: [path.path])
        let id = try #require(try store.interactionSummary(sourceRef: "fwd-lasku@koti.example")).interactionID

        let file = try #require(try ArchivedAttachments(archive: store).file(interactionID: id, index: 0))
        #expect(file.attachment.contentType == "message/rfc822")
        #expect(file.bytes == Array(Self.inner.utf8))
        #expect(try ArchivedAttachments(archive: store).file(interactionID: id, index: 1) == nil)
    }

    @Test func anOlderArchivesAttachmentInsideAForwardIsStillFound() throws {
        let fixtures = try MailFixtures()
        defer { fixtures.remove() }
        let store = try ArchiveStore(path: fixtures.archivePath)
        let raw = Array(Self.forward.utf8)
        let csv = Array("puhelu;0,50".utf8)
        // What the import recorded before attached messages were attachments: the csv inside the
        // forward as the message's own first attachment.
        let interaction = NewInteraction(
            kind: .email, sourceRef: "fwd-lasku@koti.example", contentDigest: ContentDigest(of: raw), occurredAt: nil,
            subject: "Fwd: lasku", body: "Katsokaa alla olevaa.\nEräpäivä on 30.4.",
            participants: [Participant(role: .from, name: "Pekka", address: "pekka@koti.example")],
            attachments: [NewAttachment(filename: "erittely.csv", contentType: "text/csv", size: csv.count,
                                        digest: ContentDigest(of: csv), text: "puhelu;0,50")],
            references: [], defects: [], mentions: [])
        let run = try store.beginImportRun(sourceKind: "mail", arguments: [])
        _ = try store.write([.archive(IncomingOriginal(bytes: raw, position: SourcePosition(path: "/old/forward.eml", offset: 0)),
                                      [interaction])], run: run)
        let id = try #require(try store.interactionSummary(sourceRef: "fwd-lasku@koti.example")).interactionID

        let file = try #require(try ArchivedAttachments(archive: store).file(interactionID: id, index: 0))
        #expect(file.attachment.filename == "erittely.csv")
        #expect(file.bytes == csv)
    }
}
