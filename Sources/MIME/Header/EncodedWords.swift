/// RFC 2047 encoded words (`=?charset?Q?text?=`, `=?charset*lang?B?text?=`).
///
/// Decoding follows what real mail needs: encoded words are recognised inside quoted strings and
/// next to other text too; white space between two adjacent encoded words disappears; any charset ICU
/// knows works; a word that does not decode stays as written and is reported.
enum EncodedWords {
    struct Decoded {
        var text: String
        var defects: [Defect]
    }

    /// Decodes every encoded word in `text` (an unstructured value, a phrase word or a parameter).
    static func decode(_ text: String) -> Decoded {
        // Fast path: nothing that could start an encoded word.
        guard text.utf8.count >= 8, text.utf8Contains(ASCIIByte.question) else {
            return Decoded(text: text, defects: [])
        }
        return Array(text.utf8).withUnsafeBufferPointer { decode($0) }
    }

    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> Decoded {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var defects: [Defect] = []
        var index = 0
        let end = input.count
        var terminatorSearch = TerminatorSearch()
        // Adjacent encoded words in one charset are decoded together: senders split a character's
        // bytes across two words. White space after a word waits in `pendingSpace` until it is known
        // whether another word follows (then it goes, RFC 2047 §6.2).
        var pending: Word? = nil
        var pendingSpace: [UInt8] = []

        func flush() {
            guard let word = pending else { return }
            let (text, problems) = Charset(declared: word.charset).decode(word.bytes)
            output.append(contentsOf: text.utf8)
            if word.damaged || problems.contains(.invalidCharacters) {
                defects.append(Defect(.malformedEncodedWord, "damaged encoded word"))
            }
            if problems.contains(.unknownCharset) { defects.append(Defect(.unknownCharset, "encoded word charset")) }
            pending = nil
        }

        while index < end {
            let byte = input[index]
            if byte == ASCIIByte.equals, index + 1 < end, input[index + 1] == ASCIIByte.question {
                switch parseWord(input, at: index, terminators: &terminatorSearch) {
                case .word(let word, let next):
                    if pending?.charset == word.charset {
                        // In place: a copy of the run per word would make a header of many short
                        // words quadratic.
                        pending?.bytes.append(contentsOf: word.bytes)
                        if word.damaged { pending?.damaged = true }
                    } else {
                        flush()
                        pending = word
                    }
                    pendingSpace.removeAll()
                    index = next
                    continue
                case .malformed:
                    defects.append(Defect(.malformedEncodedWord, "malformed encoded word left as text"))
                case .notAWord:
                    break
                }
            }
            if pending != nil {
                if ASCIIByte.isWhitespace(byte) {
                    pendingSpace.append(byte)
                    index += 1
                    continue
                }
                flush()
                output += pendingSpace
                pendingSpace.removeAll()
            }
            output.append(byte)
            index += 1
        }
        flush()
        output += pendingSpace
        return Decoded(text: String(decoding: output, as: UTF8.self), defects: defects)
    }

    /// One encoded word after its transfer decoding, before its charset's.
    private struct Word {
        /// The charset name, lowercased, without a `*language` suffix.
        var charset: String
        var bytes: [UInt8]
        var damaged: Bool
    }

    private enum ParseResult {
        case word(Word, next: Int)
        /// Looked like an encoded word (`=?charset?X?`) but could not be one.
        case malformed
        case notAWord
    }

    /// Finds `?=` terminators; remembers its last answer so that many failed starts stay linear.
    private struct TerminatorSearch {
        var searchedFrom = Int.max
        var found: Int? = nil
        var searchedTo = -1

        mutating func next(_ input: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
            if from >= searchedFrom && from <= searchedTo {
                if let found, found >= from { return found }
                if found == nil { return nil }
            }
            var index = from
            var result: Int? = nil
            while index + 1 < input.count {
                if input[index] == ASCIIByte.question && input[index + 1] == ASCIIByte.equals {
                    result = index
                    break
                }
                if input[index] == ASCIIByte.cr || input[index] == ASCIIByte.lf { break }
                index += 1
            }
            searchedFrom = from
            found = result
            searchedTo = result ?? index
            return result
        }
    }

    private static func parseWord(
        _ input: UnsafeBufferPointer<UInt8>, at start: Int, terminators: inout TerminatorSearch
    ) -> ParseResult {
        let end = input.count
        // charset
        var index = start + 2
        let charsetStart = index
        while index < end, isCharsetByte(input[index]) { index += 1 }
        guard index < end, index > charsetStart, index - charsetStart <= 64, input[index] == ASCIIByte.question
        else { return .notAWord }
        let charsetEnd = index
        // encoding
        guard index + 2 < end, input[index + 2] == ASCIIByte.question else { return .notAWord }
        let encoding = ASCIIByte.lowercased(input[index + 1])
        guard encoding == 0x71 /* q */ || encoding == 0x62 /* b */ else { return .malformed }
        let textStart = index + 3
        guard let terminator = terminators.next(input, from: textStart) else { return .malformed }
        let encodedText = UnsafeBufferPointer(rebasing: input[textStart..<terminator])

        // "charset*language": the language is dropped.
        var nameEnd = charsetEnd
        if let star = input[charsetStart..<charsetEnd].firstIndex(of: ASCIIByte.asterisk) { nameEnd = star }
        let charset = String(decoding: UnsafeBufferPointer(rebasing: input[charsetStart..<nameEnd]), as: UTF8.self)

        var damaged = false
        let bytes: [UInt8]
        if encoding == 0x62 {
            var damage = TransferDecoding.Damage()
            bytes = TransferDecoding.decodeBase64(encodedText, damage: &damage)
            damaged = !damage.isEmpty
        } else {
            bytes = decodeQ(encodedText, damaged: &damaged)
        }
        return .word(Word(charset: charset.asciiLowercased, bytes: bytes, damaged: damaged), next: terminator + 2)
    }

    /// The Q encoding: `_` is a space, `=XX` a byte; a stray `=` stays.
    private static func decodeQ(_ text: UnsafeBufferPointer<UInt8>, damaged: inout Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == ASCIIByte.underscore {
                bytes.append(ASCIIByte.space)
            } else if byte == ASCIIByte.equals, index + 2 < text.count,
                let high = ASCIIByte.hexValue(text[index + 1]), let low = ASCIIByte.hexValue(text[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 2
            } else {
                if byte == ASCIIByte.equals { damaged = true }
                bytes.append(byte)
            }
            index += 1
        }
        return bytes
    }

    private static func isCharsetByte(_ byte: UInt8) -> Bool {
        ASCIIByte.isLetter(byte) || ASCIIByte.isDigit(byte) || byte == ASCIIByte.minus || byte == ASCIIByte.underscore
            || byte == ASCIIByte.dot || byte == ASCIIByte.colon || byte == ASCIIByte.asterisk
            || byte == ASCIIByte.plus || byte == ASCIIByte.apostrophe
    }
}
