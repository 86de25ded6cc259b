import Archive
import MIME

extension NewInteraction {
    /// The archived form of a parsed e-mail.
    init(email message: Message, digest: ContentDigest) {
        let plain = message.plainText
        let body = plain.isEmpty ? message.htmlText : plain
        var references = message.references
        if let parent = message.inReplyTo, !references.contains(parent) {
            references.append(parent)
        }
        self.init(
            kind: .email,
            sourceRef: message.messageID ?? "sha256:\(digest.hex)",
            occurredAt: message.date,
            subject: message.subject ?? "",
            body: body,
            participants: Self.participants(of: message),
            attachments: message.attachments.map { attachment in
                NewAttachment(
                    filename: attachment.filename, contentType: attachment.contentType, size: attachment.data.count,
                    digest: ContentDigest(of: attachment.data), text: attachment.text)
            },
            references: references,
            defects: message.defects.map(\.kind.rawValue))
    }

    private static func participants(of message: Message) -> [Participant] {
        let roles: [(ParticipantRole, [MailAddress])] = [
            (.from, message.from), (.to, message.to), (.cc, message.cc), (.bcc, message.bcc), (.replyTo, message.replyTo),
        ]
        return roles.flatMap { role, addresses in
            addresses.map { Participant(role: role, name: $0.name, address: $0.address.lowercased()) }
        }
    }
}
