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
        disposition: String?, filename: String?, content: Content, attachmentBytes: [UInt8]? = nil
    ) {
        self.headers = headers
        self.contentType = contentType
        self.contentTypeParameters = contentTypeParameters
        self.disposition = disposition
        self.filename = filename
        self.content = content
        self.attachmentBytes = attachmentBytes
    }

    /// Whether this part is an attachment: its disposition is `attachment` or it has a file name.
    public var isAttachment: Bool {
        disposition == "attachment" || filename != nil
    }
}
