import Archive
import Foundation

/// A file to copy into `originals/`, and where its entry sits in the report.
struct PlannedFile: Sendable {
    enum Source: Sendable {
        /// An archived original (an e-mail as received), read back and verified.
        case original(id: Int64)
        /// Bytes made from the stored fields (a ticket comment as JSON).
        case bytes([UInt8])
        /// A file beside the archive (a recording, a transcript), checked against its SHA-256.
        case file(path: String, sha256: String?)
    }

    enum Slot: Sendable {
        case original
        case recording
        case transcript
    }

    var interactionIndex: Int
    var slot: Slot
    /// Relative to the report folder: `originals/...`.
    var path: String
    var source: Source
}

/// A ticket comment as the subject sent or received it, from the fields the archive stores (a
/// ticket's export line may hold other people's comments, so it is not handed out whole).
struct TicketCommentOriginal: Encodable {
    struct Author: Encodable {
        var name: String?
        var email: String?
        var role: String
    }

    var ticketID: String
    var subject: String
    var commentNumber: Int
    var createdAt: String?
    var author: Author
    var isPublic: Bool
    var body: String
    var attachments: [ReportAttachment]

    enum CodingKeys: String, CodingKey {
        case ticketID = "ticket_id", subject, commentNumber = "comment_number", createdAt = "created_at", author
        case isPublic = "public", body, attachments
    }

    init?(_ content: InteractionContent) {
        guard let ticket = content.ticket else { return nil }
        let from = content.participants.first { $0.role == .from }
        ticketID = ticket.ticketID
        subject = ticket.ticketSubject
        commentNumber = ticket.number
        createdAt = content.summary.occurredAt.map(Timestamp.format)
        author = Author(name: from?.name, email: from?.address, role: ticket.authorRole)
        isPublic = ticket.isPublic
        body = content.body
        attachments = content.attachments.map {
            ReportAttachment(filename: $0.filename, contentType: $0.contentType, size: $0.size, sha256: $0.sha256)
        }
    }

    var bytes: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8]((try? encoder.encode(self)) ?? Data("{}".utf8))
    }
}

enum FileNames {
    /// A file name part from a source reference: letters, digits, `.`, `-`, `_` only.
    static func safe(_ text: String) -> String {
        let cleaned = String(text.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        })
        return String(cleaned.prefix(80))
    }
}
