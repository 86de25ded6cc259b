#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte classes and token readers shared by the object parser, the content-stream reader and the
/// CMap reader (ISO 32000-1 §7.2). Every read checks its offsets against the end of the bytes.
enum PDFLexer {
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            true
        default: false
        }
    }

    static func isRegular(_ byte: UInt8) -> Bool { !isWhitespace(byte) && !isDelimiter(byte) }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Skips whitespace and `%` comments.
    static func skipSpace(_ bytes: [UInt8], _ position: inout Int) {
        while position < bytes.count {
            let byte = bytes[position]
            if isWhitespace(byte) {
                position += 1
            } else if byte == UInt8(ascii: "%") {
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// The regular characters from `position` on (a keyword or a number's text).
    static func regularRun(_ bytes: [UInt8], _ position: inout Int) -> Range<Int> {
        let start = position
        while position < bytes.count, isRegular(bytes[position]) { position += 1 }
        return start..<position
    }

    /// A number token, or nil when the run is not one.
    static func number(_ bytes: [UInt8], _ run: Range<Int>) -> PDFObject? {
        guard !run.isEmpty, run.count <= 40 else { return nil }
        var integer = 0
        var fraction = 0.0
        var scale = 1.0
        var negative = false
        var seenDot = false
        var seenDigit = false
        for index in run {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "-") where index == run.lowerBound: negative = true
            case UInt8(ascii: "+") where index == run.lowerBound: break
            case UInt8(ascii: "-"): break // `--5` and `5-` appear in broken files; poppler reads them as numbers
            case UInt8(ascii: "."):
                if seenDot { return nil }
                seenDot = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                let digit = Int(byte - UInt8(ascii: "0"))
                if seenDot {
                    scale /= 10
                    fraction += Double(digit) * scale
                } else if integer < 100_000_000_000_000_000 {
                    integer = integer * 10 + digit
                }
            default: return nil
            }
        }
        guard seenDigit || seenDot else { return nil }
        if seenDot {
            let value = Double(integer) + fraction
            return .real(negative ? -value : value)
        }
        return .int(negative ? -integer : integer)
    }

    /// A name after its `/`, `#xx` escapes decoded.
    static func name(_ bytes: [UInt8], _ position: inout Int) -> String {
        var decoded: [UInt8] = []
        while position < bytes.count, isRegular(bytes[position]) {
            let byte = bytes[position]
            if byte == UInt8(ascii: "#"), position + 2 < bytes.count,
               let high = hexValue(bytes[position + 1]), let low = hexValue(bytes[position + 2]) {
                decoded.append(high << 4 | low)
                position += 3
            } else {
                decoded.append(byte)
                position += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// A literal string after its `(`, escapes decoded, balanced parentheses kept.
    static func literalString(_ bytes: [UInt8], _ position: inout Int) -> [UInt8] {
        var result: [UInt8] = []
        var depth = 1
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "("):
                depth += 1
                result.append(byte)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return result }
                result.append(byte)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { return result }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case 0x0D:
                    if position < bytes.count, bytes[position] == 0x0A { position += 1 }
                case 0x0A: break
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var value = Int(escaped - UInt8(ascii: "0"))
                    var digits = 1
                    while digits < 3, position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[position]) {
                        value = value * 8 + Int(bytes[position] - UInt8(ascii: "0"))
                        position += 1
                        digits += 1
                    }
                    result.append(UInt8(truncatingIfNeeded: value))
                default: result.append(escaped)
                }
            default: result.append(byte)
            }
        }
        return result
    }

    /// A hex string after its `<`.
    static func hexString(_ bytes: [UInt8], _ position: inout Int) -> [UInt8] {
        var result: [UInt8] = []
        var high: UInt8?
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: ">") { break }
            guard let value = hexValue(byte) else { continue }
            if let pending = high {
                result.append(pending << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        if let pending = high { result.append(pending << 4) }
        return result
    }

    static func matches(_ bytes: [UInt8], _ range: Range<Int>, _ keyword: StaticString) -> Bool {
        guard range.count == keyword.utf8CodeUnitCount else { return false }
        return keyword.withUTF8Buffer { word in
            var index = range.lowerBound
            for byte in word {
                if bytes[index] != byte { return false }
                index += 1
            }
            return true
        }
    }

    /// The first position of `needle` in `bytes[range]`, or nil. Streams are searched for
    /// `endstream` when their /Length is indirect or wrong, so this runs over much of a file: the C
    /// library's memchr finds candidates for the first byte, memcmp checks the rest.
    static func find(_ needle: [UInt8], in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard let first = needle.first, range.lowerBound >= 0, range.upperBound <= bytes.count, range.count >= needle.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack -> Int? in
            needle.withUnsafeBufferPointer { pattern -> Int? in
                guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return nil }
                var start = range.lowerBound
                let last = range.upperBound - pattern.count
                while start <= last {
                    guard let hit = memchr(base + start, Int32(first), last - start + 1) else { return nil }
                    let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + position, patternBase, pattern.count) == 0 { return position }
                    start = position + 1
                }
                return nil
            }
        }
    }

    /// The last position of `needle` in `bytes[range]`, or nil.
    static func findLast(_ needle: [UInt8], in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard !needle.isEmpty, range.count >= needle.count else { return nil }
        var index = range.upperBound - needle.count
        while index >= range.lowerBound {
            var offset = 0
            while offset < needle.count, bytes[index + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return index }
            index -= 1
        }
        return nil
    }
}
