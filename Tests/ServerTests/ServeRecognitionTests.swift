import Archive
import Foundation
import HummingbirdTesting
import Ingest
import Query
import Testing

@testable import ArkistoServer

/// `arkisto serve` runs the OCR pass in the background: work queued while it serves is taken off
/// the queue, its outcome stored on the attachment, and stopping ends the pass.
@Suite struct ServeRecognitionTests {
    static let message = """
        From: Eero Esimerkki <eero@posti.example>
        To: Asiakaspalvelu <asiakaspalvelu@operaattori.example>
        Subject: Kuvakaappaus
        Message-ID: <kuva-1@posti.example>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="raja"

        --raja
        Content-Type: text/plain; charset=utf-8

        Kuvakaappaus laskusta liitteenä.
        --raja
        Content-Type: application/octet-stream; name="kuva.bin"
        Content-Disposition: attachment; filename="kuva.bin"

        ei kuva
        --raja--

        """

    @Test func workQueuedWhileServingIsTakenOffTheQueue() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        var configuration = fixture.configuration
        configuration.recognition = true
        let service = try WebService(configuration, users: fixture.users)
        let recognition = try #require(service.recognition)
        let store = try fixture.store()

        try await service.application.test(.live) { _ in
            let file = fixture.path("kuva.eml")
            try Data(Self.message.utf8).write(to: URL(fileURLWithPath: file))
            let key = try #require(PersonalIDKey(bytes: Array(repeating: 7, count: 32)))
            _ = try MailImporter(archive: store, personalIDKey: key).run(paths: [file])
            let id = try store.lastInteractionID()
            // The attachment queued for OCR, as an image would be.
            try store.storeRereads([InteractionReread(interactionID: id, attachments: [
                .init(position: 0, text: nil, textSource: nil, problems: [], pendingRecognition: [
                    PendingRecognition(target: #"{"steps":[],"label":"kuva.bin"}"#, label: "kuva.bin"),
                ]),
            ], mentions: [])], through: 0)
            try store.clearRereadCheckpoint()
            #expect(try store.recognitionJobsWaiting() == 1)

            let attachment = try await poll("the queued page taken by the background pass") { () async throws -> StoredAttachment? in
                guard try store.recognitionJobsWaiting() == 0 else { return nil }
                return try store.interactionContents(ids: [id]).first?.attachments.first
            }
            // Not an image: OCR gives no text (and says why on the attachment).
            #expect(attachment.text == nil)
            #expect(try Search(archive: store).run("kuvakaappaus", limit: nil).total == 1)
        }
        await recognition.stop()
    }
}
