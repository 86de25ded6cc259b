/// Where a message came from: the file, and for an mbox the byte offset of its `From ` line.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file: for Maildir and .eml the message file itself, for mbox the mbox file.
    public var path: String
    /// For mbox, the byte offset of the message's `From ` line; nil for one-message files.
    public var offset: Int64?

    public init(path: String, offset: Int64? = nil) {
        self.path = path
        self.offset = offset
    }

    /// `path`, or `path:offset` inside an mbox.
    public var description: String {
        if let offset { "\(path):\(offset)" } else { path }
    }
}
