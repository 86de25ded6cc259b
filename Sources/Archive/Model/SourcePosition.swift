/// Where an original was read: a file and the byte offset of the record in it (0 for a file that
/// holds one message).
public struct SourcePosition: Hashable, Sendable, Codable, CustomStringConvertible {
    public var path: String
    public var offset: Int64

    public init(path: String, offset: Int64) {
        self.path = path
        self.offset = offset
    }

    public var description: String { offset == 0 ? path : "\(path) at byte \(offset)" }
}

/// Raw bytes of one source record and where they came from.
public struct IncomingOriginal: Sendable {
    public var bytes: [UInt8]
    public var digest: ContentDigest
    public var position: SourcePosition

    public init(bytes: [UInt8], position: SourcePosition) {
        self.bytes = bytes
        self.digest = ContentDigest(of: bytes)
        self.position = position
    }
}
