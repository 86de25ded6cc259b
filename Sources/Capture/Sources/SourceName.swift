/// A source's name: 1–64 letters, digits, `.`, `_` or `-`, starting with a letter or digit, so it
/// is safe as a folder name, in a metric label and in a log line.
public struct SourceName: Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String) throws(SourceSettingsError) {
        guard (1...64).contains(text.utf8.count) else {
            throw .invalidName(text, reason: "a name has 1 to 64 characters")
        }
        guard text.utf8.allSatisfy(Self.allowed), let first = text.utf8.first, Self.alphanumeric(first) else {
            throw .invalidName(text, reason: "use letters a–z, digits, '.', '_' and '-', starting with a letter or digit")
        }
        rawValue = text
    }

    public var description: String { rawValue }

    private static func alphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func allowed(_ byte: UInt8) -> Bool {
        alphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
