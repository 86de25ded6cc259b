import Archive
import MIME

/// The bytes of an archived e-mail's attachment, read back out of its original: the message is
/// parsed again exactly as at import, and the part whose SHA-256 the archive recorded is returned.
/// Helpdesk exports carry no attachment bytes, so a ticket comment's attachments have none.
public struct ArchivedAttachments: Sendable {
    public var archive: ArchiveStore

    public init(archive: ArchiveStore) {
        self.archive = archive
    }

    public struct File: Sendable {
        public var attachment: StoredAttachment
        public var bytes: [UInt8]
    }

    /// The attachment at `index` (0-based, in the message's order) of an interaction, with its
    /// bytes; nil when the interaction, the attachment or its bytes are not in the archive.
    public func file(interactionID: Int64, index: Int) throws(ArchiveError) -> File? {
        guard let content = try archive.interactionContents(ids: [interactionID]).first,
              content.summary.kind == .email, content.attachments.indices.contains(index),
              let digest = content.attachments[index].sha256, let originalID = content.originalID,
              let original = try archive.originalBytes(id: originalID),
              let message = try? MessageParser.parse(original)
        else { return nil }
        let parts = message.attachments
        // The same position first; else any part with the recorded digest; else, for an archive
        // made when the attachments inside attached messages were listed as the message's own, one
        // of those.
        let candidates = (parts.indices.contains(index) ? [parts[index]] : []) + parts
        let matches = { (part: Attachment) in ContentDigest(of: part.data).hex == digest }
        guard let part = candidates.first(where: matches) ?? message.leafAttachmentsAtAnyDepth.first(where: matches)
        else { return nil }
        return File(attachment: content.attachments[index], bytes: part.data)
    }
}
