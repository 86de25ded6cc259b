/// An attachment as the flattened views of a ``Message`` see it.
public struct Attachment: Sendable {
    public var filename: String?
    /// Lowercased `type/subtype`.
    public var contentType: String
    /// The content after transfer decoding; for an attached message (message/rfc822...), the
    /// enclosed message as it stands in the original.
    public var data: [UInt8]
    /// The searchable text: the decoded text of a `text/*` attachment, the fields of a delivery or
    /// disposition report, the text of an attached message (``EnclosedMessageText``); nil for other
    /// types.
    public var text: String?

    public init(filename: String?, contentType: String, data: [UInt8], text: String?) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
        self.text = text
    }

    /// The attachment a text or binary leaf is; nil for a multipart or an attached message.
    init?(leaf part: MessagePart) {
        switch part.content {
        case .text(let text):
            self.init(filename: part.filename, contentType: part.contentType,
                      data: part.attachmentBytes ?? Array(text.utf8), text: EnclosedMessageText.searchableText(ofTextLeaf: part, text))
        case .binary(let data):
            self.init(filename: part.filename, contentType: part.contentType, data: data,
                      text: EnclosedMessageText.fieldListText(of: part))
        case .multipart, .message:
            return nil
        }
    }
}

extension Message {
    /// The message's own attachments, depth first: every leaf with disposition `attachment` or a
    /// file name, and every attached message (`message/*`) as one attachment, not descended into.
    public var attachments: [Attachment] {
        var result: [Attachment] = []
        forEachOwnLeaf { part in
            guard part.isAttachment else { return }
            if case .message(let enclosed) = part.content {
                let text = EnclosedMessageText.text(of: enclosed)
                result.append(Attachment(filename: part.filename, contentType: part.contentType,
                                         data: Array(part.enclosedBytes ?? []), text: text.isEmpty ? nil : text))
            } else if let attachment = Attachment(leaf: part) {
                result.append(attachment)
            }
        }
        return result
    }

    /// Every leaf that is an attachment, attached messages descended into: the attachments as
    /// archives made before attached messages were attachments of their own recorded them.
    public var leafAttachmentsAtAnyDepth: [Attachment] {
        var result: [Attachment] = []
        forEachLeaf { part in
            if part.isAttachment, let attachment = Attachment(leaf: part) { result.append(attachment) }
        }
        return result
    }
}
