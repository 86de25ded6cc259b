/// Turns raw header bytes into text. Headers should be ASCII; real mail also carries raw UTF-8
/// (RFC 6532) and undeclared legacy 8-bit text, which is read as windows-1252.
enum HeaderText {
    enum Problem: Equatable {
        /// Raw UTF-8: allowed by RFC 6532.
        case utf8
        /// 8-bit bytes that are not UTF-8.
        case undecodable8Bit
    }

    /// The unfolded value of a field from its physical lines: line breaks removed, the white space that
    /// began each continuation kept, leading white space of the value dropped.
    static func decodeValue(_ buffer: UnsafeBufferPointer<UInt8>, lines: [Range<Int>]) -> (String, Problem?) {
        if lines.count == 1, let line = lines.first {
            var start = line.lowerBound
            while start < line.upperBound && ASCIIByte.isBlank(buffer[start]) { start += 1 }
            return decode(UnsafeBufferPointer(rebasing: buffer[start..<line.upperBound]))
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(lines.reduce(0) { $0 + $1.count })
        for line in lines {
            joined.append(contentsOf: buffer[line])
        }
        let firstText = joined.firstIndex { !ASCIIByte.isBlank($0) } ?? joined.endIndex
        return joined[firstText...].withUnsafeBufferPointer { decode($0) }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, Problem?) {
        if bytes.isASCII {
            return (String(decoding: bytes, as: UTF8.self), nil)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, .utf8)
        }
        return (Windows1252.decode(bytes), .undecodable8Bit)
    }
}
