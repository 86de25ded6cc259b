/// What the text reader needs of a font: how a shown string splits into codes, each code's
/// Unicode text and its advance width (in text space units per unit of font size).
/// Built from the font dictionary: a ToUnicode CMap first, else (simple fonts) the base encoding
/// with /Differences by glyph name, or a Type 1 program's own encoding. Fonts whose text cannot be
/// known (a Type0 font without ToUnicode, an unknown CMap, vertical writing) are refused.
struct PDFFont {
    struct Glyph {
        var text: String?
        var width: Double
        /// A one-byte code 32: word spacing (Tw) applies to it.
        var isWordSpace: Bool
    }

    var name: String
    /// Simple fonts: the 256 codes, decoded once.
    private var simple: [Glyph]?
    private var toUnicode: PDFCMap?
    private var widths: [UInt32: Double] = [:]
    private var defaultWidth = 1.0
    private var codeLength = 1
    /// No /Widths: advances are estimates (standard 14 fonts); gaps are judged more loosely.
    private(set) var approximateWidths = false

    static func load(_ dictionary: PDFDictionary, named name: String, in document: PDFDocument) throws(PDFReadError) -> PDFFont {
        var font = PDFFont(name: name)
        if let stream = document.resolve(dictionary["ToUnicode"]).stream, let data = try? document.decode(stream) {
            font.toUnicode = PDFCMap.parse(data)
        }
        switch dictionary["Subtype"]?.name {
        case "Type0":
            try font.loadComposite(dictionary, in: document)
        case "Type3":
            let matrix = document.resolve(dictionary["FontMatrix"]).array?.compactMap { document.resolve($0).number } ?? []
            font.loadSimple(dictionary, in: document, scale: matrix.first ?? 0.001)
        default:
            font.loadSimple(dictionary, in: document, scale: 0.001)
        }
        return font
    }

    private mutating func loadComposite(_ dictionary: PDFDictionary, in document: PDFDocument) throws(PDFReadError) {
        switch document.resolve(dictionary["Encoding"]) {
        case .name("Identity-H"): codeLength = 2
        case .name("Identity-V"): throw .unsupported("vertical font \(name)")
        case .name(let other): throw .unsupported("font \(name) with CMap \(other)")
        default: throw .unsupported("font \(name) with an embedded CMap")
        }
        guard toUnicode != nil else { throw .unsupported("font \(name) has no ToUnicode") }
        guard let descendant = document.resolve(document.resolve(dictionary["DescendantFonts"]).array?.first).dictionary else {
            throw .malformed("font \(name) has no descendant font")
        }
        defaultWidth = (document.resolve(descendant["DW"]).number ?? 1000) / 1000
        let list = document.resolve(descendant["W"]).array ?? []
        var index = 0
        while index < list.count, widths.count < PDFCMap.maxMappings {
            guard let first = document.resolve(list[index]).int, first >= 0 else { break }
            if index + 1 < list.count, let each = document.resolve(list[index + 1]).array {
                for (offset, width) in each.enumerated() {
                    widths[UInt32(clamping: first + offset)] = (document.resolve(width).number ?? 0) / 1000
                }
                index += 2
            } else if index + 2 < list.count, let last = document.resolve(list[index + 1]).int, last >= first,
                      last - first < PDFCMap.maxRange, let width = document.resolve(list[index + 2]).number {
                for cid in first...last { widths[UInt32(clamping: cid)] = width / 1000 }
                index += 3
            } else {
                break
            }
        }
    }

    private mutating func loadSimple(_ dictionary: PDFDictionary, in document: PDFDocument, scale: Double) {
        let descriptor = document.resolve(dictionary["FontDescriptor"]).dictionary
        var base: [String?]
        var differences: [PDFObject] = []
        let encoding = document.resolve(dictionary["Encoding"])
        if let named = PDFSimpleEncodings.table(named: encoding.name) {
            base = named
        } else {
            let encodingDictionary = encoding.dictionary
            differences = document.resolve(encodingDictionary?["Differences"]).array ?? []
            base = PDFSimpleEncodings.table(named: encodingDictionary?["BaseEncoding"]?.name)
                ?? Self.builtInEncoding(descriptor, in: document)
                ?? PDFSimpleEncodings.standard
        }
        var code = 0
        for entry in differences {
            switch document.resolve(entry) {
            case .int(let start): code = start
            case .name(let glyph):
                if (0..<256).contains(code) { base[code] = PDFGlyphNames.unicode(glyph) }
                code += 1
            default: break
            }
        }
        let firstChar = document.resolve(dictionary["FirstChar"]).int ?? 0
        let widthList = document.resolve(dictionary["Widths"]).array
        let missing = (descriptor?["MissingWidth"]?.number ?? 0) * scale
        let baseFont = dictionary["BaseFont"]?.name ?? ""
        let estimate = baseFont.contains("Courier") ? 0.6 : 0.5
        approximateWidths = widthList == nil && !baseFont.contains("Courier")
        simple = (0..<256).map { code in
            let width: Double
            if let widthList {
                let index = code - firstChar
                width = index >= 0 && index < widthList.count ? (document.resolve(widthList[index]).number ?? 0) * scale : missing
            } else {
                width = estimate
            }
            let text = toUnicode?.unicode(UInt32(code)) ?? base[code]
            return Glyph(text: text, width: width, isWordSpace: code == 32)
        }
    }

    /// A Type 1 font program's own encoding (`dup 65 /A put` in its clear-text part).
    private static func builtInEncoding(_ descriptor: PDFDictionary?, in document: PDFDocument) -> [String?]? {
        guard let stream = document.resolve(descriptor?["FontFile"]).stream, let program = try? document.decode(stream) else { return nil }
        let clearLength = document.resolve(stream.dictionary["Length1"]).int ?? program.count
        let clear = Array(program.prefix(max(0, min(clearLength, program.count))))
        guard PDFLexer.find(Array("/Encoding".utf8), in: clear, 0..<clear.count) != nil else { return nil }
        if PDFLexer.find(Array("StandardEncoding def".utf8), in: clear, 0..<clear.count) != nil { return PDFSimpleEncodings.standard }
        var table = [String?](repeating: nil, count: 256)
        var parser = PDFObjectParser(bytes: clear)
        parser.readsReferences = false
        var previous: [PDFObject] = []
        var found = false
        while let token = try? parser.nextToken(depth: 0) {
            switch token {
            case .end: return found ? table : nil
            case .object(let object):
                previous.append(object)
                if previous.count > 2 { previous.removeFirst() }
            case .keyword(let word):
                if PDFLexer.matches(clear, word, "put"), previous.count == 2, let code = previous[0].int, (0..<256).contains(code), let glyph = previous[1].name {
                    table[code] = PDFGlyphNames.unicode(glyph)
                    found = true
                }
                if PDFLexer.matches(clear, word, "eexec") { return found ? table : nil }
                previous.removeAll(keepingCapacity: true)
            }
        }
        return found ? table : nil
    }

    /// Calls `body` for each glyph of a shown string, in order.
    func forEachGlyph(in bytes: [UInt8], _ body: (Glyph) -> Void) {
        if let simple {
            for byte in bytes { body(simple[Int(byte)]) }
            return
        }
        var position = 0
        while position < bytes.count {
            // Identity-H: the code is the CID.
            let code = PDFCMap.pack(bytes, position, codeLength)
            body(Glyph(text: toUnicode?.unicode(code), width: widths[code] ?? defaultWidth, isWordSpace: false))
            position += codeLength
        }
    }
}
