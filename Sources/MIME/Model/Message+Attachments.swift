import Foundation

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

/// The searchable text of an attached message: a forwarded mail or the original inside a bounce is
/// the customer's evidence, so its words are found, as attachment text, not as the outer message's
/// own text.
enum EnclosedMessageText {
    /// The enclosed message's Subject, From, To and Cc lines, its own text (plain, else HTML), then
    /// the file names and texts of its attachments, attached messages included to any depth the
    /// parser read (iteratively: the parser's nesting limit bounds the work, not the stack).
    static func text(of message: Message) -> String {
        enum Item {
            case text(String)
            case message(Message)
        }
        var pieces: [String] = []
        var pending: [Item] = [.message(message)]
        while let item = pending.popLast() {
            switch item {
            case .text(let text):
                pieces.append(text)
            case .message(let message):
                pieces.append(headerLines(of: message))
                pieces.append(message.bodyText)
                var nested: [Item] = []
                message.forEachOwnLeaf { part in
                    guard part.isAttachment else { return }
                    if let filename = part.filename { nested.append(.text(filename)) }
                    switch part.content {
                    case .text(let text): nested.append(.text(TextNormalization.normalize(searchableText(ofTextLeaf: part, text))))
                    case .binary: if let text = fieldListText(of: part) { nested.append(.text(text)) }
                    case .message(let enclosed): nested.append(.message(enclosed))
                    case .multipart: break
                    }
                }
                pending.append(contentsOf: nested.reversed())
            }
        }
        return pieces.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            .joined(separator: "\n\n")
    }

    /// The content type of a returned message's header block (RFC 6522).
    static let returnedHeadersType = "text/rfc822-headers"

    /// A text leaf's searchable text: the text itself, or for the header block a bounce returns
    /// (`text/rfc822-headers`), its Subject, From, To and Cc lines decoded like an attached
    /// message's, so that the undelivered message's subject and encoded names are found.
    static func searchableText(ofTextLeaf part: MessagePart, _ text: String) -> String {
        guard part.contentType == returnedHeadersType,
            let header = try? MessageParser.parse(Array(text.utf8) + [ASCIIByte.cr, ASCIIByte.lf])
        else { return text }
        let lines = headerLines(of: header)
        return lines.isEmpty ? text : lines
    }

    /// The text of a delivery or disposition report (a list of fields, US-ASCII or, for the
    /// `global` types, UTF-8); nil for any other part.
    static func fieldListText(of part: MessagePart) -> String? {
        guard EntityHead.isFieldList(part.contentType), case .binary(let data) = part.content else { return nil }
        let text = TextNormalization.normalize(Charset(declared: part.contentTypeParameters["charset"]).decode(data).text)
        return text.isEmpty ? nil : text
    }

    private static func headerLines(of message: Message) -> String {
        var lines: [String] = []
        if let subject = message.subject, !subject.isEmpty { lines.append("Subject: \(subject)") }
        for (label, addresses) in [("From", message.from), ("To", message.to), ("Cc", message.cc)] where !addresses.isEmpty {
            lines.append("\(label): " + addresses.map(describe).joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ address: MailAddress) -> String {
        guard let name = address.name, !name.isEmpty else { return address.address }
        return "\(name) <\(address.address)>"
    }
}
