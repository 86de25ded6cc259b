import Archive
import Extract
import FinnishText
import MIME

extension NewInteraction {
    /// The archived form of a parsed e-mail, its attachments read by `reader` (on the caller's
    /// thread: an import worker). An attachment that could not be read in full gives the
    /// interaction the defect `attachment_unreadable`; the reasons stay on the attachment.
    init(
        email message: Message, digest: ContentDigest, ownDomains: Set<String>, mentions extractor: MentionExtractor,
        reader: any AttachmentReading = AttachmentExtractor()
    ) {
        let body = message.bodyText
        let attachments = message.attachments.map { AttachmentReadout($0, reader: reader).attachment }
        var references = message.references
        if let parent = message.inReplyTo, !references.contains(parent) {
            references.append(parent)
        }
        let participants = Self.participants(of: message)
        let sender = participants.first { $0.role == .from }?.address
        let direction: Direction = switch sender {
        case nil: .unknown
        case let address?: ownDomains.contains(EmailAddress(address).map { String($0.domain) } ?? "") ? .outbound : .inbound
        }
        self.init(
            kind: .email,
            sourceRef: message.messageID ?? "sha256:\(digest.hex)",
            contentDigest: digest,
            occurredAt: message.date,
            direction: direction,
            subject: message.subject ?? "",
            body: body,
            participants: participants,
            attachments: attachments,
            references: references,
            defects: message.defects.map(\.kind.rawValue)
                + (attachments.contains { !$0.problems.isEmpty } ? [NewInteraction.attachmentUnreadable] : []),
            mentions: Self.mentions(
                participants: participants, subject: message.subject ?? "", body: body, attachments: attachments,
                extractor: extractor))
    }

    /// Addresses in the header fields are exact evidence; what the subject and text mention is
    /// weighed by the extractor. Attached messages are forwarded text, as a forward quoted in the
    /// body is, and other attachments are documents passed on: what either mentions is only weak
    /// evidence.
    private static func mentions(
        participants: [Participant], subject: String, body: String, attachments: [NewAttachment], extractor: MentionExtractor
    ) -> [IdentifierMention] {
        var found = participants.compactMap { extractor.mention(email: $0.address, location: $0.role.rawValue) }
        found += extractor.mentions(inText: subject, role: .subject)
        found += extractor.mentions(inText: body, role: .body)
        for attachment in attachments {
            found += extractor.mentions(inAttachment: attachment.text, contentType: attachment.contentType)
        }
        return Array(Set(found))
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
