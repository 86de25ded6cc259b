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
        /// 0-based, in the message's order.
        public var position: Int
        public var bytes: [UInt8]
        /// The text MIME reads from the part (a `text/*` part's, an attached message's), as at import.
        public var text: String?
    }

    /// The attachment at `index` (0-based, in the message's order) of an interaction, with its
    /// bytes; nil when the interaction, the attachment or its bytes are not in the archive.
    public func file(interactionID: Int64, index: Int) throws(ArchiveError) -> File? {
        try files(interactionID: interactionID, only: index).first
    }

    /// Every attachment of an interaction whose bytes its original holds, in order (an erased or
    /// redacted interaction's original is gone: none).
    public func files(interactionID: Int64) throws(ArchiveError) -> [File] {
        try files(interactionID: interactionID, only: nil)
    }

    private func files(interactionID: Int64, only wanted: Int?) throws(ArchiveError) -> [File] {
        guard let content = try archive.interactionContents(ids: [interactionID]).first,
              content.summary.kind == .email, let originalID = content.originalID,
              let original = try archive.originalBytes(id: originalID),
              let message = try? MessageParser.parse(original)
        else { return [] }
        let parts = message.attachments
        return content.attachments.indices.compactMap { index in
            guard wanted == nil || wanted == index, let digest = content.attachments[index].sha256 else { return nil }
            // The same position first; else any part with the recorded digest; else, for an archive
            // made when the attachments inside attached messages were listed as the message's own, one
            // of those.
            let candidates = (parts.indices.contains(index) ? [parts[index]] : []) + parts
            let matches = { (part: Attachment) in ContentDigest(of: part.data).hex == digest }
            guard let part = candidates.first(where: matches) ?? message.leafAttachmentsAtAnyDepth.first(where: matches)
            else { return nil }
            return File(attachment: content.attachments[index], position: index, bytes: part.data, text: part.text)
        }
    }
}
