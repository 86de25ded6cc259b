/// One attachment to read: its declared name and type and its decoded bytes.
public struct AttachmentFile: Sendable {
    public var filename: String?
    /// Lowercased `type/subtype` as declared (often `application/octet-stream`); the content's
    /// own signature decides the format first (``AttachmentFormat``).
    public var contentType: String
    public var bytes: [UInt8]

    public init(filename: String?, contentType: String, bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType.lowercased()
        self.bytes = bytes
    }

    /// The name for messages: the file name, else the type.
    public var label: String { filename ?? contentType }

    /// The file name's extension, lowercased, without the dot; nil when there is none.
    public var fileExtension: String? {
        guard let name = filename, let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...]
        return ext.isEmpty || ext.count > 8 ? nil : ext.lowercased()
    }
}
