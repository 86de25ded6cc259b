/// Why bytes given to the `finnish` tokenizer as a ``TokenStream`` cannot be replayed. Offsets
/// count bytes from the start of the stream.
public enum TokenStreamError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes do not start with the stream marker.
    case notAStream
    /// A stream in a layout this version does not know.
    case unknownFormat(UInt8)
    /// The stream ends inside a token.
    case truncated(at: Int)
    /// A number too large for what it counts.
    case invalidLength(at: Int)
    /// A token's byte range falls outside the text the stream was made from.
    case invalidRange(at: Int)

    public var description: String {
        switch self {
        case .notAStream: "not a token stream"
        case .unknownFormat(let format): "token stream in unknown format \(format)"
        case .truncated(let offset): "token stream truncated at byte \(offset)"
        case .invalidLength(let offset): "token stream: invalid length at byte \(offset)"
        case .invalidRange(let offset): "token stream: byte range outside the text at byte \(offset)"
        }
    }
}
