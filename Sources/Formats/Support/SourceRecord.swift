/// One record of a line- or row-based file, with where it came from.
public struct SourceRecord<Value: Sendable>: Sendable {
    public var value: Value
    /// The 1-based number of the line the record starts on.
    public var line: Int
    /// The file offset of the record's first byte.
    public var byteOffset: Int64
    /// The exact bytes of the record: the line without its line terminator (`\n` or `\r\n`); for a CSV
    /// row whose quoted field spans lines, all its lines with their inner line terminators.
    public var raw: [UInt8]
    /// Where reading continues after the record: the offset after its line terminator, and the lines
    /// up to there.
    public var after: FileStart

    public init(value: Value, line: Int, byteOffset: Int64, raw: [UInt8], after: FileStart? = nil) {
        self.value = value
        self.line = line
        self.byteOffset = byteOffset
        self.raw = raw
        self.after = after ?? FileStart(offset: byteOffset + Int64(raw.count), linesBefore: line)
    }
}

/// A record that could not be read, with where it is and why. The readers report it and go on with the
/// next record.
public struct RecordError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// The 1-based number of the line the record starts on.
    public var line: Int
    public var byteOffset: Int64
    /// The record's bytes as in ``SourceRecord/raw`` (for an over-long line, only its beginning).
    public var raw: [UInt8]
    /// What is wrong, for a human: "invalid JSON at column 17: expected ',' or '}'", "missing id".
    public var reason: String
    /// Where reading continues after the record (as ``SourceRecord/after``).
    public var after: FileStart

    public init(path: String, line: Int, byteOffset: Int64, raw: [UInt8], reason: String, after: FileStart? = nil) {
        self.path = path
        self.line = line
        self.byteOffset = byteOffset
        self.raw = raw
        self.reason = reason
        self.after = after ?? FileStart(offset: byteOffset + Int64(raw.count), linesBefore: line)
    }

    /// `path:line: reason`.
    public var description: String { "\(path):\(line): \(reason)" }
}

/// A file that cannot be read at all, or is not the expected format.
public struct FormatFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    /// What is wrong, for a human: "no such file or directory", "not JSON Lines: ...".
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}
