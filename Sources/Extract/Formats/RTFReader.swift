import MIME

/// One pass over an RTF file's bytes; iterative, with an explicit stack of group states.
struct RTFReader {
    private let bytes: [UInt8]
    private let maxDepth: Int
    private var builder: TextBuilder
    private(set) var problems: [(reason: ExtractionProblem.Reason, detail: String)] = []

    private struct Group {
        /// Inside a destination whose text is not the document's.
        var skipping = false
        /// `\ucN`: how many fallback characters follow each `\uN`.
        var fallbackLength = 1
    }

    private var group = Group()
    private var stack: [Group] = []
    /// Groups opened past `maxDepth`, skipped whole.
    private var excessDepth = 0
    /// Code-page bytes waiting to be decoded together (a multi-byte character spans several `\'hh`).
    private var pending: [UInt8] = []
    private var charset = Charset(declared: "windows-1252")
    /// Fallback characters still to skip after a `\uN`.
    private var skipCount = 0
    private var highSurrogate: UInt16?

    init(bytes: [UInt8], maxDepth: Int, maxTextBytes: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        builder = TextBuilder(maxBytes: maxTextBytes)
    }

    var text: String { builder.text }

    mutating func read() {
        var index = 0
        reading: while index < bytes.count, !builder.isFull {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"):
                openGroup()
                index += 1
            case UInt8(ascii: "}"):
                closeGroup()
                index += 1
            case UInt8(ascii: "\\"):
                guard let next = control(at: index) else { break reading }
                index = next
            case 0x0D, 0x0A:
                index += 1
            default:
                character(byte)
                index += 1
            }
        }
        flush()
        if builder.isFull { problems.append((.outputTooLarge, "the text was cut at \(builder.maxBytes) bytes")) }
    }

    // MARK: - Groups

    private mutating func openGroup() {
        skipCount = 0
        guard excessDepth == 0, stack.count < maxDepth else {
            if excessDepth == 0 { problems.append((.overLimit, "groups are nested deeper than \(maxDepth); the deeper ones were skipped")) }
            excessDepth += 1
            return
        }
        stack.append(group)
    }

    private mutating func closeGroup() {
        skipCount = 0
        if excessDepth > 0 {
            excessDepth -= 1
            return
        }
        flush()
        if let outer = stack.popLast() { group = outer }
    }

    private var isSkipping: Bool { group.skipping || excessDepth > 0 }

    // MARK: - Text

    private mutating func character(_ byte: UInt8) {
        if skipCount > 0 {
            skipCount -= 1
        } else if !isSkipping {
            pending.append(byte)
        }
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        builder.append(charset.decodedText(pending))
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func emit(_ text: String) {
        guard !isSkipping else { return }
        flush()
        builder.append(text)
    }

    private mutating func endLine() {
        guard !isSkipping else { return }
        flush()
        builder.endLine()
    }

    private mutating func tab() {
        guard !isSkipping else { return }
        flush()
        builder.tab()
    }

    private mutating func unicode(_ parameter: Int) {
        let unit = UInt16(truncatingIfNeeded: parameter < 0 ? parameter + 65_536 : parameter)
        skipCount = group.fallbackLength
        guard !isSkipping else { return }
        if (0xD800...0xDBFF).contains(unit) {
            highSurrogate = unit
            return
        }
        var value = UInt32(unit)
        if (0xDC00...0xDFFF).contains(unit), let high = highSurrogate {
            value = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
        }
        highSurrogate = nil
        if let scalar = Unicode.Scalar(value), value != 0 { emit(String(scalar)) }
    }

    // MARK: - Control words and symbols

    /// Reads the control word or symbol at `index` (a backslash); returns the index after it, nil
    /// when the file ends or a `\bin` runs past it.
    private mutating func control(at index: Int) -> Int? {
        guard index + 1 < bytes.count else { return nil }
        let first = bytes[index + 1]
        guard Self.isLetter(first) else { return symbol(first, at: index) }
        var end = index + 1
        while end < bytes.count, Self.isLetter(bytes[end]), end - index <= 32 { end += 1 }
        let word = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        var parameter: Int?
        let numberStart = end
        if end < bytes.count, bytes[end] == UInt8(ascii: "-") { end += 1 }
        while end < bytes.count, Self.isDigit(bytes[end]), end - numberStart < 10 { end += 1 }
        if end > numberStart { parameter = Int(String(decoding: bytes[numberStart..<end], as: UTF8.self)) }
        if end < bytes.count, bytes[end] == UInt8(ascii: " ") { end += 1 }
        if word == "bin" {
            let length = max(parameter ?? 0, 0)
            guard length <= bytes.count - end else {
                problems.append((.malformed, "\\bin declares \(length) bytes of binary data but only \(bytes.count - end) remain"))
                return nil
            }
            return end + length
        }
        if word == "u", let parameter {
            unicode(parameter)
        } else {
            if skipCount > 0 { skipCount -= 1 } else { controlWord(word, parameter) }
        }
        return end
    }

    private mutating func symbol(_ symbol: UInt8, at index: Int) -> Int? {
        switch symbol {
        case UInt8(ascii: "'"):
            guard index + 3 < bytes.count, let high = Self.hexValue(bytes[index + 2]), let low = Self.hexValue(bytes[index + 3]) else {
                return index + 2
            }
            character(high << 4 | low)
            return index + 4
        case UInt8(ascii: "*"):
            group.skipping = true
        case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            character(symbol)
        case UInt8(ascii: "~"):
            if skipCount > 0 { skipCount -= 1 } else { emit(" ") }
        case UInt8(ascii: "_"):
            if skipCount > 0 { skipCount -= 1 } else { emit("-") }
        case 0x0D, 0x0A:
            endLine()
        default:
            break
        }
        return index + 2
    }

    private mutating func controlWord(_ word: String, _ parameter: Int?) {
        switch word {
        case "par", "line", "row", "sect", "page", "lbr": endLine()
        case "tab", "cell": tab()
        case "uc": group.fallbackLength = min(max(parameter ?? 1, 0), 10)
        case "ansicpg": if let parameter { flush(); charset = Charset(declared: Self.charsetName(codePage: parameter)) }
        case "mac": charset = Charset(declared: "macintosh")
        case "pc": charset = Charset(declared: "ibm437")
        case "pca": charset = Charset(declared: "ibm850")
        case "emdash": emit("—")
        case "endash": emit("–")
        case "lquote": emit("‘")
        case "rquote": emit("’")
        case "ldblquote": emit("“")
        case "rdblquote": emit("”")
        case "bullet": emit("•")
        default:
            if Self.skippedDestinations.contains(word) { group.skipping = true }
        }
    }

    /// Destinations whose text is not the document's.
    private static let skippedDestinations: Set<String> = [
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "themedata", "colorschememapping", "datastore",
        "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "mmathPr", "filetbl",
        "revtbl", "userprops", "objdata", "fldinst", "pgdsctbl", "wgrffmtfilter", "datafield", "bkmkstart", "bkmkend",
        "nonshppict", "sp", "ftnsep", "ftnsepc", "aftnsep", "aftnsepc", "template", "protusertbl", "listpicture",
    ]

    /// A Windows code page number as a charset name the MIME decoder knows.
    static func charsetName(codePage: Int) -> String {
        switch codePage {
        case 437: "ibm437"
        case 850: "ibm850"
        case 932: "shift_jis"
        case 936: "gbk"
        case 949: "euc-kr"
        case 950: "big5"
        case 10000: "macintosh"
        case 65001: "utf-8"
        default: "windows-\(codePage)"
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
