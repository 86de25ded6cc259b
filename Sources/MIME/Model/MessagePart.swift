/// One node of a MIME tree.
public struct MessagePart: Sendable {
    public var headers: HeaderFields
    /// Lowercased `type/subtype`; `text/plain` when absent or unreadable (RFC 2045 §5.2).
    public var contentType: String
    /// Content-Type parameters with lowercased names, RFC 2231 continuations joined and decoded.
    public var contentTypeParameters: [String: String]
    /// Lowercased disposition type (`inline`, `attachment`), nil when absent.
    public var disposition: String?
    /// The decoded file name from Content-Disposition `filename` or Content-Type `name`.
    public var filename: String?
    public var content: Content
    /// For a text leaf that is an attachment: its bytes after transfer decoding, before charset
    /// conversion (what a file saved from it holds). Nil otherwise.
    public var attachmentBytes: [UInt8]?
    /// For a part whose content is a nested ``Content/message(_:)``: the enclosed message as it
    /// stands in the parsed input (a slice sharing the input's storage, so nesting copies nothing).
    public var enclosedBytes: ArraySlice<UInt8>?

    public enum Content: Sendable {
        /// A text leaf decoded to Unicode (CRLF kept as found; normalisation is the consumer's).
        case text(String)
        /// A non-text leaf after transfer decoding.
        case binary([UInt8])
        case multipart([MessagePart])
        /// A message/rfc822 part parsed as a nested message.
        indirect case message(Message)
    }

    public init(
        headers: HeaderFields, contentType: String, contentTypeParameters: [String: String],
        disposition: String?, filename: String?, content: Content, attachmentBytes: [UInt8]? = nil,
        enclosedBytes: ArraySlice<UInt8>? = nil
    ) {
        self.headers = headers
        self.contentType = contentType
        self.contentTypeParameters = contentTypeParameters
        self.disposition = disposition
        self.filename = filename
        self.content = content
        self.attachmentBytes = attachmentBytes
        self.enclosedBytes = enclosedBytes
    }

    /// Whether this part is an attachment: its disposition is `attachment`, it has a file name, or it
    /// is a message of its own (`message/*`: a forwarded or returned message, a delivery report) or
    /// the header of one (`text/rfc822-headers`, what a bounce returns of the undelivered message,
    /// RFC 6522), which is never the enclosing message's own text.
    public var isAttachment: Bool {
        MessagePart.isAttachment(contentType: contentType, disposition: disposition, filename: filename)
    }

    static func isAttachment(contentType: String, disposition: String?, filename: String?) -> Bool {
        disposition == "attachment" || filename != nil || contentType.hasPrefix("message/")
            || contentType == EnclosedMessageText.returnedHeadersType
    }
}
