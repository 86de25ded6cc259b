import Foundation

/// The fields of a message that `arkisto parse --json` prints, one object per file. The JSON keys are
/// fixed (they are compared with Python's `email` package); absent values are encoded as `null`.
public struct MessageSummary: Encodable, Sendable {
    public struct Address: Encodable, Sendable, Equatable {
        public var name: String?
        /// Lowercased.
        public var address: String

        public init(name: String?, address: String) {
            self.name = name
            self.address = address
        }

        private enum CodingKeys: String, CodingKey {
            case name, address
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(address, forKey: .address)
        }
    }

    public struct AttachmentSummary: Encodable, Sendable, Equatable {
        /// Why (part of) an attachment's text could not be read: the attachment reader's reason
        /// (`timed_out`, `malformed`...), which file (`liitteet.zip › sopimus.docx`) and what happened.
        public struct Defect: Encodable, Sendable, Equatable {
            public var reason: String
            public var location: String
            public var detail: String

            public init(reason: String, location: String, detail: String) {
                self.reason = reason
                self.location = location
                self.detail = detail
            }
        }

        public var filename: String?
        public var contentType: String
        public var sizeDecodedBytes: Int
        /// The attachment's text; nil when there is none. MIME gives it for `text/*` parts, reports
        /// and attached messages; `arkisto parse` fills it for the formats the attachment readers read.
        public var text: String?
        /// Where ``text`` came from (`text`, `message`, `pdf`, `ocr`...); nil when there is no text.
        public var textSource: String?
        public var defects: [Defect]

        public init(
            filename: String?, contentType: String, sizeDecodedBytes: Int, text: String? = nil, textSource: String? = nil,
            defects: [Defect] = []
        ) {
            self.filename = filename
            self.contentType = contentType
            self.sizeDecodedBytes = sizeDecodedBytes
            self.text = text
            self.textSource = text == nil ? nil : textSource
            self.defects = defects
        }

        /// The summary of `attachment` with the text MIME gives: a `text/*` part's or a report's
        /// (source `text`), an attached message's (source `message`).
        init(_ attachment: Attachment) {
            self.init(
                filename: attachment.filename, contentType: attachment.contentType, sizeDecodedBytes: attachment.data.count,
                text: attachment.text, textSource: attachment.contentType.hasPrefix("message/") ? "message" : "text")
        }

        private enum CodingKeys: String, CodingKey {
            case filename
            case contentType = "content_type"
            case sizeDecodedBytes = "size_decoded_bytes"
            case text
            case textSource = "text_source"
            case defects
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(filename, forKey: .filename)
            try container.encode(contentType, forKey: .contentType)
            try container.encode(sizeDecodedBytes, forKey: .sizeDecodedBytes)
            try container.encode(text, forKey: .text)
            try container.encode(textSource, forKey: .textSource)
            try container.encode(defects, forKey: .defects)
        }
    }

    /// The file's base name.
    public var name: String
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String]
    /// `YYYY-MM-DDTHH:MM:SSZ` in UTC.
    public var date: String?
    public var subject: String?
    public var from: [Address]
    public var to: [Address]
    public var cc: [Address]
    public var text: String
    public var htmlText: String
    public var htmlPresent: Bool
    public var attachments: [AttachmentSummary]
    /// Defect names, each once, in the order first met.
    public var defects: [String]

    public init(message: Message, name: String) {
        self.name = name.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? name
        messageID = message.messageID
        inReplyTo = message.inReplyTo
        references = message.references
        date = message.date.map(MessageSummary.format)
        subject = message.subject
        from = message.from.map(MessageSummary.summary)
        to = message.to.map(MessageSummary.summary)
        cc = message.cc.map(MessageSummary.summary)
        text = message.plainText
        htmlText = message.htmlText
        htmlPresent = message.htmlPresent
        attachments = message.attachments.map(AttachmentSummary.init)
        var seen = Set<String>()
        defects = message.defects.map(\.kind.rawValue).filter { seen.insert($0).inserted }
    }

    private enum CodingKeys: String, CodingKey {
        case name
        case messageID = "message_id"
        case inReplyTo = "in_reply_to"
        case references, date, subject, from, to, cc, text
        case htmlText = "html_text"
        case htmlPresent = "html_present"
        case attachments, defects
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(messageID, forKey: .messageID)
        try container.encode(inReplyTo, forKey: .inReplyTo)
        try container.encode(references, forKey: .references)
        try container.encode(date, forKey: .date)
        try container.encode(subject, forKey: .subject)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(cc, forKey: .cc)
        try container.encode(text, forKey: .text)
        try container.encode(htmlText, forKey: .htmlText)
        try container.encode(htmlPresent, forKey: .htmlPresent)
        try container.encode(attachments, forKey: .attachments)
        try container.encode(defects, forKey: .defects)
    }

    private static func summary(_ address: MailAddress) -> Address {
        Address(name: address.name, address: address.address.lowercased())
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, computed without a formatter (civil-from-days).
    static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))Z"
    }
}
