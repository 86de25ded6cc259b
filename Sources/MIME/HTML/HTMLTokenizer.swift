#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A tolerant HTML tokenizer over UTF-8 bytes, after the HTML5 tokenizer's rules where they matter
/// for text: tags with attributes in any quoting, comments (also unterminated), CDATA sections,
/// doctypes and processing instructions (skipped), raw text elements (`script`, `style`, ...) whose
/// content is never read as markup, and a `<` that starts no tag read as text.
struct HTMLTokenizer {
    enum Token {
        /// Text whose character references are still to be decoded.
        case text(Range<Int>)
        /// The content of a raw text element (`script`, `style`, `xmp`, ...): no references, no markup.
        case rawText(Range<Int>)
        /// A start tag; `name` is lowercased.
        case startTag(name: String, selfClosing: Bool)
        case endTag(name: String)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// After the start tag of a raw text or RCDATA element: its name, until its end tag.
    private var rawTextElement: String?

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Elements whose content is text up to their end tag; `title` and `textarea` keep references.
    private static func contentModel(of name: String) -> (raw: Bool, escapable: Bool)? {
        switch name {
        case "script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext": (true, false)
        case "title", "textarea": (true, true)
        default: nil
        }
    }

    mutating func next() -> Token? {
        while index < bytes.count {
            if let element = rawTextElement {
                rawTextElement = nil
                let start = index
                let end = element == "plaintext" ? bytes.count : endOfRawText(named: element, from: start)
                index = end
                if end > start {
                    let escapable = Self.contentModel(of: element)?.escapable ?? false
                    return escapable ? .text(start..<end) : .rawText(start..<end)
                }
                continue
            }
            if bytes[index] != UInt8(ascii: "<") {
                let start = index
                index = firstIndex(of: UInt8(ascii: "<"), from: index) ?? bytes.count
                return .text(start..<index)
            }
            if let token = markup() { return token }
        }
        return nil
    }

    // MARK: Markup

    /// Reads the markup at `index` (a `<`): a tag, or something skipped (nil).
    private mutating func markup() -> Token? {
        let start = index
        let next = byte(at: start + 1)
        if let next, isASCIILetter(next) {
            index = start + 1
            let name = readTagName()
            guard let selfClosing = skipAttributes() else { return nil }
            if Self.contentModel(of: name) != nil && !selfClosing { rawTextElement = name }
            return .startTag(name: name, selfClosing: selfClosing)
        }
        switch next {
        case UInt8(ascii: "/"):
            if let letter = byte(at: start + 2), isASCIILetter(letter) {
                index = start + 2
                let name = readTagName()
                guard skipAttributes() != nil else { return nil }
                return .endTag(name: name)
            }
            if byte(at: start + 2) == UInt8(ascii: ">") {
                index = start + 3  // "</>" is nothing
            } else {
                skipBogusComment(from: start + 2)
            }
            return nil
        case UInt8(ascii: "!"):
            if matches("<!--", at: start) {
                skipComment(from: start + 4)
            } else if matches("<![CDATA[", at: start) {
                index = indexAfter("]]>", from: start + 9) ?? bytes.count
            } else {
                skipBogusComment(from: start + 2)  // <!DOCTYPE ...>, <![if ...]>
            }
            return nil
        case UInt8(ascii: "?"):
            skipBogusComment(from: start + 2)
            return nil
        default:
            index = start + 1
            return .text(start..<(start + 1))  // a lone "<"
        }
    }

    private mutating func readTagName() -> String {
        let start = index
        while let byte = byte(at: index), !isSpace(byte), byte != UInt8(ascii: "/"), byte != UInt8(ascii: ">") {
            index += 1
        }
        var name = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<index]))
        for position in name.indices { name[position] = lowercased(name[position]) }
        return String(decoding: name, as: UTF8.self)
    }

    /// Skips attributes to the end of the tag. Returns whether it ended in `/>`, or nil when the
    /// input ended inside the tag (which is then dropped, as browsers do).
    private mutating func skipAttributes() -> Bool? {
        while true {
            while let byte = byte(at: index), isSpace(byte) { index += 1 }
            guard let byte = byte(at: index) else { return nil }
            switch byte {
            case UInt8(ascii: ">"):
                index += 1
                return false
            case UInt8(ascii: "/"):
                index += 1
                if self.byte(at: index) == UInt8(ascii: ">") {
                    index += 1
                    return true
                }
                continue
            default:
                break
            }
            // Attribute name; a leading "=" belongs to it.
            index += 1
            while let byte = self.byte(at: index), !isSpace(byte), byte != UInt8(ascii: "/"),
                  byte != UInt8(ascii: ">"), byte != UInt8(ascii: "=") {
                index += 1
            }
            while let byte = self.byte(at: index), isSpace(byte) { index += 1 }
            guard self.byte(at: index) == UInt8(ascii: "=") else { continue }
            index += 1
            while let byte = self.byte(at: index), isSpace(byte) { index += 1 }
            switch self.byte(at: index) {
            case let quote? where quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"):
                guard let closing = firstIndex(of: quote, from: index + 1) else {
                    index = bytes.count
                    return nil
                }
                index = closing + 1
            default:
                while let byte = self.byte(at: index), !isSpace(byte), byte != UInt8(ascii: ">") { index += 1 }
            }
        }
    }

    /// After `<!--`: to the end of `-->` (or `--!>`); `<!-->` and `<!--->` are empty comments;
    /// an unterminated comment runs to the end of the input.
    private mutating func skipComment(from start: Int) {
        if byte(at: start) == UInt8(ascii: ">") {
            index = start + 1
            return
        }
        if matches("->", at: start) {
            index = start + 2
            return
        }
        var position = start
        while let dash = firstIndex(of: UInt8(ascii: "-"), from: position) {
            if matches("-->", at: dash) {
                index = dash + 3
                return
            }
            if matches("--!>", at: dash) {
                index = dash + 4
                return
            }
            position = dash + 1
        }
        index = bytes.count
    }

    private mutating func skipBogusComment(from start: Int) {
        index = (firstIndex(of: UInt8(ascii: ">"), from: start) ?? bytes.count - 1) + 1
    }

    /// Whether `literal` (ASCII) is at `position`, ignoring ASCII case.
    private func matches(_ literal: StaticString, at position: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { expected in
            for offset in 0..<count where lowercased(bytes[position + offset]) != lowercased(expected[offset]) {
                return false
            }
            return true
        }
    }

    /// The index of the `<` of `</name` (any case) ending a raw text element, or the end of input.
    private func endOfRawText(named name: String, from start: Int) -> Int {
        let nameBytes = Array(name.utf8)
        var position = start
        while let open = firstIndex(of: UInt8(ascii: "<"), from: position) {
            position = open + 1
            guard byte(at: open + 1) == UInt8(ascii: "/") else { continue }
            var matched = true
            for (offset, expected) in nameBytes.enumerated() {
                guard let byte = byte(at: open + 2 + offset), lowercased(byte) == expected else {
                    matched = false
                    break
                }
            }
            guard matched else { continue }
            let after = byte(at: open + 2 + nameBytes.count)
            if after == nil || after.map({ isSpace($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ">") }) == true {
                return open
            }
        }
        return bytes.count
    }

    // MARK: Bytes

    private func byte(at position: Int) -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private func indexAfter(_ literal: StaticString, from start: Int) -> Int? {
        var position = start
        while position < bytes.count {
            guard let found = firstIndex(of: literal.withUTF8Buffer { $0[0] }, from: position) else { return nil }
            if matches(literal, at: found) { return found + literal.utf8CodeUnitCount }
            position = found + 1
        }
        return nil
    }

    private func firstIndex(of target: UInt8, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(target), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
