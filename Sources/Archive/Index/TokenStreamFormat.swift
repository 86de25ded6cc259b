/// The byte layout of a ``TokenStream``:
///
/// ```
/// stream := 0xFF format varint(text length) token*
/// token  := varint(term length << 2 | same range << 1 | colocated) [range] term bytes
/// range  := varint(zigzag(start - previous end)) varint(end - start)     (absent when "same range")
/// ```
///
/// Varints are LEB128 (7 bits a byte, low bits first). A word's terms share its byte range, so
/// every term after the first costs its length byte and its bytes only. 0xFF never occurs in UTF-8,
/// so a text can never be read as a stream.
enum TokenStreamFormat {
    /// The first byte of every stream.
    static let marker: UInt8 = 0xFF
    /// The layout described above.
    static let version: UInt8 = 1

    /// True when `bytes` start like a stream (marker and any format byte): the tokenizer replays
    /// them, and fails on a format it does not know, rather than analysing them as text.
    static func isStream(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.first == marker
    }

    private static let colocatedFlag = 1
    private static let sameRangeFlag = 2
    private static let flagBits = 2

    struct Writer {
        private var bytes: [UInt8] = []
        private var previous: Range<Int>?

        init(textLength: Int) {
            // Terms are about as long as their words, a word has a few of them: a rough first size.
            bytes.reserveCapacity(16 + textLength * 2)
            bytes.append(marker)
            bytes.append(version)
            appendVarint(UInt64(textLength))
        }

        mutating func append(term: UnsafeBufferPointer<UInt8>, range: Range<Int>, colocated: Bool) {
            let sameRange = previous == range
            appendVarint(UInt64(term.count) << flagBits | (sameRange ? UInt64(sameRangeFlag) : 0) | (colocated ? UInt64(colocatedFlag) : 0))
            if !sameRange {
                let delta = range.lowerBound - (previous?.upperBound ?? 0)
                appendVarint(UInt64(bitPattern: Int64(delta << 1 ^ delta >> (Int.bitWidth - 1))))
                appendVarint(UInt64(range.count))
                previous = range
            }
            bytes.append(contentsOf: term)
        }

        consuming func finish() -> [UInt8] {
            bytes
        }

        private mutating func appendVarint(_ value: UInt64) {
            var value = value
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }
    }

    /// Decodes a stream without copying: each term is a slice of the encoded bytes, valid while
    /// they are.
    struct Reader {
        struct Token {
            var term: UnsafeBufferPointer<UInt8>
            var range: Range<Int>
            var colocated: Bool
        }

        private(set) var textLength = 0
        private let bytes: UnsafeBufferPointer<UInt8>
        private var offset: Int
        private var previous: Range<Int>?

        init(encoded bytes: UnsafeBufferPointer<UInt8>) throws(TokenStreamError) {
            guard bytes.first == marker else { throw .notAStream }
            guard bytes.count >= 2 else { throw .truncated(at: bytes.count) }
            guard bytes[1] == version else { throw .unknownFormat(bytes[1]) }
            self.bytes = bytes
            offset = 2
            let length = try readVarint()
            guard length <= UInt64(Int32.max) else { throw .invalidLength(at: 2) }
            textLength = Int(length)
        }

        /// The next token, nil at the end of the stream.
        mutating func next() throws(TokenStreamError) -> Token? {
            guard offset < bytes.count else { return nil }
            let start = offset
            let header = try readVarint()
            let termLength = header >> UInt64(flagBits)
            let range: Range<Int>
            if header & UInt64(sameRangeFlag) != 0 {
                guard let previous else { throw .invalidRange(at: start) }
                range = previous
            } else {
                let zigzag = try readVarint()
                let delta = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
                let count = try readVarint()
                guard count <= UInt64(textLength) else { throw .invalidRange(at: start) }
                let (lower, overflow) = (previous?.upperBound ?? 0).addingReportingOverflow(Int(delta))
                guard !overflow, lower >= 0, lower <= textLength - Int(count) else { throw .invalidRange(at: start) }
                range = lower..<lower + Int(count)
                previous = range
            }
            guard termLength <= UInt64(bytes.count - offset) else { throw .truncated(at: bytes.count) }
            let term = UnsafeBufferPointer(rebasing: bytes[offset..<offset + Int(termLength)])
            offset += Int(termLength)
            return Token(term: term, range: range, colocated: header & UInt64(colocatedFlag) != 0)
        }

        private mutating func readVarint() throws(TokenStreamError) -> UInt64 {
            let start = offset
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard offset < bytes.count else { throw .truncated(at: bytes.count) }
                let byte = bytes[offset]
                offset += 1
                let bits = UInt64(byte & 0x7F)
                guard shift < 64, shift == 0 || bits >> (64 - shift) == 0 else { throw .invalidLength(at: start) }
                value |= bits << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
        }
    }
}
