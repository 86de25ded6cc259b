import Foundation

/// The searchable text of an attached message: a forwarded mail or the original inside a bounce is
/// the customer's evidence, so its words are found, as attachment text, not as the outer message's
/// own text.
public enum EnclosedMessageText {
    /// The enclosed message's Subject, From, To and Cc lines, its own text (plain, else HTML), then
    /// the file names and texts of its attachments, attached messages included to any depth the
    /// parser read (iteratively: the parser's nesting limit bounds the work, not the stack).
    public static func text(of message: Message) -> String {
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
