/// Content-Transfer-Encoding decoders (RFC 2045 §6). Both are tolerant: they decode what they can and
/// report damage instead of failing.
enum TransferDecoding {
    enum Encoding: Sendable, Equatable {
        case identity
        case base64
        case quotedPrintable

        /// From a Content-Transfer-Encoding value; 7bit, 8bit, binary and anything unknown are identity.
        init(headerValue: String?) {
            guard let value = headerValue else {
                self = .identity
                return
            }
            let token = value.utf8.prefix { $0 != ASCIIByte.openParen && $0 != ASCIIByte.semicolon }
            let trimmed = token.drop(while: ASCIIByte.isWhitespace).reversed().drop(while: ASCIIByte.isWhitespace)
            let word = Array(trimmed.reversed())
            if word.equalsIgnoringCase("base64") {
                self = .base64
            } else if word.equalsIgnoringCase("quoted-printable") {
                self = .quotedPrintable
            } else {
                self = .identity
            }
        }
    }

    struct Damage: OptionSet, Sendable {
        let rawValue: UInt8
        /// Characters outside the alphabet, or missing padding.
        static let invalidBase64Characters = Damage(rawValue: 1)
        /// The input ended in the middle of a quantum: its last bits could not be decoded.
        static let truncatedBase64 = Damage(rawValue: 2)
        /// An `=` not followed by two hex digits or a line break; kept literally.
        static let invalidQuotedPrintable = Damage(rawValue: 4)
    }

    /// Maps each byte to its 6-bit value, 64 for padding `=`, 0xFF for anything else.
    private static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, byte) in alphabet.enumerated() {
            table[Int(byte)] = UInt8(value)
        }
        table[Int(ASCIIByte.equals)] = 64
        return table
    }()

    /// Decodes base64, skipping line breaks and white space. Other characters are skipped and reported.
    /// Padding after a partial quantum ends the data (text after it is reported unless it is white
    /// space or more padding); stray padding elsewhere is skipped.
    static func decodeBase64(_ input: UnsafeBufferPointer<UInt8>, damage: inout Damage) -> [UInt8] {
        if input.isEmpty { return [] }
        return base64Values.withUnsafeBufferPointer { values in
            var sawGarbage = false
            var accumulator: UInt32 = 0
            var pending = 0
            let output = [UInt8](unsafeUninitializedCapacity: input.count / 4 * 3 + 3) { out, written in
                var count = 0
                var end = input.count
                for (offset, byte) in input.enumerated() {
                    let value = values[Int(byte)]
                    if value < 64 {
                        accumulator = accumulator << 6 | UInt32(value)
                        pending += 1
                        if pending == 4 {
                            out[count] = UInt8(truncatingIfNeeded: accumulator >> 16)
                            out[count + 1] = UInt8(truncatingIfNeeded: accumulator >> 8)
                            out[count + 2] = UInt8(truncatingIfNeeded: accumulator)
                            count += 3
                            pending = 0
                            accumulator = 0
                        }
                    } else if value == 64 {
                        if pending >= 2 {
                            // Padding marks the end of the data (RFC 2045 §6.8): the rest is ignored.
                            flush(accumulator, pending: pending, into: out, count: &count)
                            pending = 0
                            end = offset
                            break
                        }
                        pending = 0
                        accumulator = 0
                    } else if !TransferDecoding.isBase64Skippable(byte) {
                        sawGarbage = true
                    }
                }
                // Text after the padding is not data; anything there but padding and white space is
                // damage (a broken delimiter, content smuggled after the end).
                if end < input.count,
                    input[(end + 1)...].contains(where: { values[Int($0)] != 64 && !TransferDecoding.isBase64Skippable($0) })
                {
                    sawGarbage = true
                }
                if pending == 1 {
                    damage.insert(.truncatedBase64)
                } else if pending > 1 {
                    // Missing padding: what is there still decodes.
                    flush(accumulator, pending: pending, into: out, count: &count)
                    damage.insert(.invalidBase64Characters)
                }
                written = count
            }
            if sawGarbage { damage.insert(.invalidBase64Characters) }
            return output
        }
    }

    @inline(__always)
    private static func flush(_ accumulator: UInt32, pending: Int, into out: UnsafeMutableBufferPointer<UInt8>,
                              count: inout Int) {
        if pending == 2 {
            out[count] = UInt8(truncatingIfNeeded: accumulator >> 4)
            count += 1
        } else if pending == 3 {
            out[count] = UInt8(truncatingIfNeeded: accumulator >> 10)
            out[count + 1] = UInt8(truncatingIfNeeded: accumulator >> 2)
            count += 2
        }
    }

    @inline(__always)
    private static func isBase64Skippable(_ byte: UInt8) -> Bool {
        ASCIIByte.isWhitespace(byte) || byte == 0x0B || byte == 0x0C
    }

    /// Decodes quoted-printable: `=XX` in either case, soft line breaks (`=` then optional blanks and a
    /// line break). An `=` that starts neither is kept as it is.
    static func decodeQuotedPrintable(_ input: UnsafeBufferPointer<UInt8>, damage: inout Damage) -> [UInt8] {
        if input.isEmpty { return [] }
        let end = input.count
        return [UInt8](unsafeUninitializedCapacity: end) { out, written in
            var count = 0
            var index = 0
            while index < end {
                let byte = input[index]
                if byte != ASCIIByte.equals {
                    out[count] = byte
                    count += 1
                    index += 1
                    continue
                }
                if index + 2 < end, let high = ASCIIByte.hexValue(input[index + 1]),
                    let low = ASCIIByte.hexValue(input[index + 2])
                {
                    out[count] = high << 4 | low
                    count += 1
                    index += 3
                    continue
                }
                // A soft line break: "=" [blanks] (CRLF | LF | end of input).
                var after = index + 1
                while after < end && ASCIIByte.isBlank(input[after]) { after += 1 }
                if after == end {
                    index = end
                    continue
                }
                if input[after] == ASCIIByte.lf {
                    index = after + 1
                    continue
                }
                if input[after] == ASCIIByte.cr {
                    index = after + 1 < end && input[after + 1] == ASCIIByte.lf ? after + 2 : after + 1
                    continue
                }
                damage.insert(.invalidQuotedPrintable)
                out[count] = byte
                count += 1
                index += 1
            }
            written = count
        }
    }
}
