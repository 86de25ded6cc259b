import Foundation

/// The message-level fields Arkisto uses, read from a message's header. The first of duplicate
/// fields wins.
struct MessageFields {
    var messageID: String?
    var inReplyTo: String?
    var references: [String] = []
    var date: Date?
    var subject: String?
    var from: [MailAddress] = []
    var to: [MailAddress] = []
    var cc: [MailAddress] = []
    var bcc: [MailAddress] = []
    var replyTo: [MailAddress] = []
    var defects: [Defect] = []

    private enum Name: Int, CaseIterable {
        case messageID, inReplyTo, references, date, subject, from, to, cc, bcc, replyTo

        var text: StaticString {
            switch self {
            case .messageID: "message-id"
            case .inReplyTo: "in-reply-to"
            case .references: "references"
            case .date: "date"
            case .subject: "subject"
            case .from: "from"
            case .to: "to"
            case .cc: "cc"
            case .bcc: "bcc"
            case .replyTo: "reply-to"
            }
        }

        init?(_ name: String) {
            let bytes = name.utf8
            // Most fields are none of these: rule them out by length and first letter before comparing.
            guard bytes.count >= 2, bytes.count <= 11, let first = bytes.first.map(ASCIIByte.lowercased),
                "mirdsftcb".utf8.contains(first)
            else { return nil }
            guard
                let match = Name.allCases.first(where: {
                    $0.text.utf8CodeUnitCount == bytes.count && bytes.equalsIgnoringCase($0.text)
                })
            else { return nil }
            self = match
        }
    }

    init(_ headers: HeaderFields) {
        var seen: UInt16 = 0
        for field in headers.fields {
            guard let name = Name(field.name), seen & (1 << name.rawValue) == 0 else { continue }
            seen |= 1 << name.rawValue
            let value = field.rawValue
            switch name {
            case .messageID:
                messageID = MessageIDs.first(in: value)
            case .inReplyTo:
                inReplyTo = MessageIDs.first(in: value)
            case .references:
                references = MessageIDs.all(in: value)
            case .date:
                date = DateParser.parse(value)
                if date == nil { defects.append(Defect(.malformedDate, "unreadable Date \"\(value.prefix(80))\"")) }
            case .subject:
                let decoded = EncodedWords.decode(value)
                subject = decoded.text
                defects.append(contentsOf: decoded.defects)
            case .from: from = addresses(value)
            case .to: to = addresses(value)
            case .cc: cc = addresses(value)
            case .bcc: bcc = addresses(value)
            case .replyTo: replyTo = addresses(value)
            }
        }
    }

    private mutating func addresses(_ value: String) -> [MailAddress] {
        let parsed = AddressParser.parse(value)
        defects.append(contentsOf: parsed.defects)
        return parsed.addresses
    }
}
