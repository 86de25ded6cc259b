/// A ToUnicode CMap (ISO 32000-1 §9.10.3): code → text from `bfchar` and `bfrange` (both the incrementing and the array form). Sizes are
/// bounded: a range maps at most ``maxRange`` codes, a map at most ``maxMappings``.
struct PDFCMap {
    /// Code → text. Codes are keyed by value alone: a font's codes all have one length here
    /// (one byte in simple fonts, two in Identity-H), whatever code spaces the CMap declares.
    var text: [UInt32: String] = [:]
    /// Incrementing `bfrange`s too long to spell out (tesseract maps <0000>–<FFFF> in one):
    /// looked up when ``text`` has no entry.
    var longRanges: [(first: UInt32, last: UInt32, start: [UInt16])] = []

    static let maxRange = 65_536
    static let maxMappings = 200_000

    /// Ranges longer than this are kept as ranges.
    static let spelledOutRange: UInt32 = 256
    static let maxLongRanges = 64

    func unicode(_ code: UInt32) -> String? {
        if let known = text[code] { return known }
        for range in longRanges where range.first <= code && code <= range.last {
            var units = range.start
            units[units.count - 1] &+= UInt16(truncatingIfNeeded: code - range.first)
            return String(decoding: units, as: UTF16.self)
        }
        return nil
    }

    static func pack(_ bytes: [UInt8], _ position: Int, _ length: Int) -> UInt32 {
        var code: UInt32 = 0
        for offset in 0..<length where position + offset < bytes.count { code = code << 8 | UInt32(bytes[position + offset]) }
        return code
    }

    static func parse(_ data: [UInt8]) -> PDFCMap {
        var cmap = PDFCMap()
        var parser = PDFObjectParser(bytes: data)
        parser.readsReferences = false
        var operands: [PDFObject] = []
        while cmap.text.count < maxMappings {
            guard let token = try? parser.nextToken(depth: 0) else {
                parser.position += 1
                continue
            }
            switch token {
            case .end: return cmap
            case .object(let object):
                if operands.count < 3 * maxRange { operands.append(object) }
            case .keyword(let word):
                if PDFLexer.matches(data, word, "endbfchar") {
                    for pair in stride(from: 0, to: operands.count - 1, by: 2) {
                        if let source = operands[pair].string, (1...4).contains(source.count), let target = operands[pair + 1].string {
                            cmap.text[pack(source, 0, source.count)] = utf16(target)
                        }
                    }
                } else if PDFLexer.matches(data, word, "endbfrange") {
                    for triple in stride(from: 0, to: operands.count - 2, by: 3) {
                        cmap.addRange(operands[triple], operands[triple + 1], operands[triple + 2])
                    }
                }
                operands.removeAll(keepingCapacity: true)
            }
        }
        return cmap
    }

    private mutating func addRange(_ lowObject: PDFObject, _ highObject: PDFObject, _ target: PDFObject) {
        guard let low = lowObject.string, let high = highObject.string, low.count == high.count, (1...4).contains(low.count) else { return }
        let first = Self.pack(low, 0, low.count), last = Self.pack(high, 0, high.count)
        guard first <= last, last - first < UInt32(Self.maxRange) else { return }
        switch target {
        case .array(let targets):
            for (offset, element) in targets.enumerated() where UInt32(offset) <= last - first {
                if let bytes = element.string { text[first + UInt32(offset)] = Self.utf16(bytes) }
            }
        case .string(let start):
            guard !start.isEmpty else { return }
            var units = Self.units(start)
            if last - first >= Self.spelledOutRange {
                if longRanges.count < Self.maxLongRanges { longRanges.append((first, last, units)) }
                return
            }
            for code in first...last {
                text[code] = String(decoding: units, as: UTF16.self)
                units[units.count - 1] &+= 1
                if text.count >= Self.maxMappings { return }
            }
        default: return
        }
    }

    private static func units(_ bytes: [UInt8]) -> [UInt16] {
        guard bytes.count % 2 == 0 else { return bytes.map(UInt16.init) }
        return stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
    }

    static func utf16(_ bytes: [UInt8]) -> String { String(decoding: units(bytes), as: UTF16.self) }
}
