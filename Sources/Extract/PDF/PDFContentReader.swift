/// Runs a page's content streams for their text: the text operators (BT/ET, Tf, Td, TD, Tm, T*,
/// TL, Tc, Tw, Tz, Ts, Tj, TJ, ', "), the graphics state that places text (q/Q, cm) and Form
/// XObjects (Do, nested at most ``maxFormDepth`` deep, never into a form already being run).
/// Operators per page are bounded; inline image data is skipped.
struct PDFContentReader {
    static let maxFormDepth = 8
    static let maxOperatorsPerPage = 1_000_000
    static let maxSavedStates = 256

    private struct GraphicsState {
        var ctm = PDFMatrix.identity
        var font: PDFFontChoice?
        var fontSize = 0.0
        var charSpacing = 0.0
        var wordSpacing = 0.0
        var horizontalScale = 1.0
        var leading = 0.0
        var rise = 0.0
    }

    private enum PDFFontChoice {
        case font(PDFFont)
        case unreadable(PDFReadError)
    }

    let document: PDFDocument
    let maxTextBytes: Int
    private(set) var builder = PDFTextBuilder()
    private var operators = 0
    private var fonts: [Int: PDFFontChoice] = [:]
    private var state = GraphicsState()
    private var saved: [GraphicsState] = []
    private var unmatchedSaves = 0
    private var textMatrix = PDFMatrix.identity
    private var lineMatrix = PDFMatrix.identity
    private var formsRunning: Set<Int> = []
    /// A text positioning operator ran since the last glyph.
    private var moved = false

    init(document: PDFDocument, maxTextBytes: Int) {
        self.document = document
        self.maxTextBytes = maxTextBytes
    }

    /// The text of one page.
    static func text(of page: PDFPage, in document: PDFDocument, fonts: inout [Int: PDFFont], maxTextBytes: Int) throws(PDFReadError) -> (text: String, glyphs: Int, unmapped: Int) {
        var reader = PDFContentReader(document: document, maxTextBytes: maxTextBytes)
        for (number, font) in fonts { reader.fonts[number] = .font(font) }
        let contents = document.resolve(page.dictionary["Contents"])
        let parts = contents.array ?? [contents]
        var data: [UInt8] = []
        for part in parts {
            guard let stream = document.resolve(part).stream else { continue }
            let decoded: [UInt8]
            do {
                decoded = try document.decode(stream)
            } catch {
                if case .overLimit = error { throw error }
                continue // a damaged part: the rest of the page is still read, as poppler does
            }
            data += decoded
            data.append(0x0A)
        }
        try reader.run(data, resources: page.resources, depth: 0)
        try reader.runAnnotations(of: page)
        for (number, choice) in reader.fonts { if case .font(let font) = choice { fonts[number] = font } }
        return (reader.builder.text, reader.builder.glyphs, reader.builder.unmapped)
    }

    private mutating func run(_ content: [UInt8], resources: PDFDictionary, depth: Int) throws(PDFReadError) {
        var parser = PDFObjectParser(bytes: content)
        parser.readsReferences = false
        var operands: [PDFObject] = []
        while true {
            let token: PDFObjectParser.Token
            do {
                token = try parser.nextToken(depth: 0)
            } catch {
                if case .overLimit = error { throw error }
                operands.removeAll(keepingCapacity: true)
                parser.position += 1
                continue
            }
            switch token {
            case .end: return
            case .object(let operand):
                if operands.count < 64 { operands.append(operand) }
            case .keyword(let word):
                operators += 1
                guard operators <= Self.maxOperatorsPerPage else { throw .overLimit("over \(Self.maxOperatorsPerPage) operators on a page") }
                if PDFLexer.matches(content, word, "ID") {
                    skipInlineImage(&parser)
                } else {
                    try perform(Self.opcode(content, word), operands, resources: resources, depth: depth)
                }
                operands.removeAll(keepingCapacity: true)
            }
        }
    }

    /// After `ID`: the image data up to `EI` between white space.
    private func skipInlineImage(_ parser: inout PDFObjectParser) {
        let bytes = parser.bytes
        var index = parser.position + 1
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "E"), bytes[index + 1] == UInt8(ascii: "I"),
               PDFLexer.isWhitespace(bytes[index - 1]), index + 2 >= bytes.count || !PDFLexer.isRegular(bytes[index + 2]) {
                parser.position = index + 2
                return
            }
            index += 1
        }
        parser.position = bytes.count
    }

    /// Up to three bytes of an operator packed into a number (0 for longer words).
    private static func opcode(_ bytes: [UInt8], _ word: Range<Int>) -> UInt32 {
        guard word.count <= 3 else { return 0 }
        var code: UInt32 = 0
        for index in word { code = code << 8 | UInt32(bytes[index]) }
        return code
    }

    private static func op(_ text: StaticString) -> UInt32 {
        text.withUTF8Buffer { $0.reduce(0) { $0 << 8 | UInt32($1) } }
    }

    private static let opQ = op("q"), opRestore = op("Q"), opCM = op("cm"), opBT = op("BT"), opET = op("ET")
    private static let opTf = op("Tf"), opTd = op("Td"), opTD = op("TD"), opTm = op("Tm"), opTStar = op("T*")
    private static let opTL = op("TL"), opTc = op("Tc"), opTw = op("Tw"), opTz = op("Tz"), opTs = op("Ts")
    private static let opTj = op("Tj"), opTJ = op("TJ"), opQuote = op("'"), opDoubleQuote = op("\""), opDo = op("Do")

    private mutating func perform(_ code: UInt32, _ operands: [PDFObject], resources: PDFDictionary, depth: Int) throws(PDFReadError) {
        func number(_ index: Int) -> Double {
            guard index < operands.count, let value = operands[index].number, value.isFinite else { return 0 }
            return value
        }
        switch code {
        case Self.opQ:
            if saved.count < Self.maxSavedStates { saved.append(state) } else { unmatchedSaves += 1 }
        case Self.opRestore:
            if unmatchedSaves > 0 { unmatchedSaves -= 1 } else if let previous = saved.popLast() { state = previous }
        case Self.opCM:
            if let matrix = PDFMatrix(operands.compactMap(\.number)) { state.ctm = matrix.then(state.ctm) }
        case Self.opBT:
            textMatrix = .identity
            lineMatrix = .identity
            moved = true
        case Self.opET:
            break
        case Self.opTf:
            state.fontSize = number(1)
            if let name = operands.first?.name { state.font = font(named: name, in: resources) }
        case Self.opTd:
            moveLine(number(0), number(1))
        case Self.opTD:
            state.leading = -number(1)
            moveLine(number(0), number(1))
        case Self.opTm:
            if let matrix = PDFMatrix(operands.compactMap(\.number)) {
                textMatrix = matrix
                lineMatrix = matrix
                moved = true
            }
        case Self.opTStar:
            moveLine(0, -state.leading)
        case Self.opTL: state.leading = number(0)
        case Self.opTc: state.charSpacing = number(0)
        case Self.opTw: state.wordSpacing = number(0)
        case Self.opTz: state.horizontalScale = number(0) / 100
        case Self.opTs: state.rise = number(0)
        case Self.opTj:
            if let string = operands.last?.string { try show(string) }
        case Self.opQuote:
            moveLine(0, -state.leading)
            if let string = operands.last?.string { try show(string) }
        case Self.opDoubleQuote:
            state.wordSpacing = number(0)
            state.charSpacing = number(1)
            moveLine(0, -state.leading)
            if let string = operands.last?.string { try show(string) }
        case Self.opTJ:
            for element in operands.last?.array ?? [] {
                if let string = element.string {
                    try show(string)
                } else if let adjustment = element.number, adjustment.isFinite {
                    textMatrix = PDFMatrix.translation(-adjustment / 1000 * state.fontSize * state.horizontalScale, 0).then(textMatrix)
                }
            }
        case Self.opDo:
            if let name = operands.first?.name { try runForm(named: name, resources: resources, depth: depth) }
        default:
            break
        }
    }

    private mutating func moveLine(_ x: Double, _ y: Double) {
        lineMatrix = PDFMatrix.translation(x, y).then(lineMatrix)
        textMatrix = lineMatrix
        moved = true
    }

    private mutating func font(named name: String, in resources: PDFDictionary) -> PDFFontChoice {
        let entry = document.resolve(resources["Font"]).dictionary?[name]
        if let number = entry?.reference?.number, let cached = fonts[number] { return cached }
        let choice: PDFFontChoice
        if let dictionary = document.resolve(entry).dictionary {
            do {
                choice = .font(try PDFFont.load(dictionary, named: name, in: document))
            } catch {
                choice = .unreadable(error)
            }
        } else if entry == nil, let standard = try? PDFFont.load(PDFDictionary(), named: name, in: document) {
            // A font the resources do not name at all is drawn, by poppler as by viewers, with a
            // default font in the standard encoding: its text reads the same way here.
            choice = .font(standard)
        } else {
            choice = .unreadable(.malformed("font \(name) in the page's resources is not a font"))
        }
        if let number = entry?.reference?.number { fonts[number] = choice }
        return choice
    }

    private mutating func show(_ string: [UInt8]) throws(PDFReadError) {
        guard !string.isEmpty else { return }
        let font: PDFFont
        switch state.font {
        case .font(let loaded)?: font = loaded
        case .unreadable(let error)?: throw error
        case nil: throw .malformed("text shown before a font was chosen")
        }
        let size = state.fontSize, scale = state.horizontalScale, rise = state.rise
        let placement = textMatrix.then(state.ctm)
        let lineSize = abs(size) * (placement.c * placement.c + placement.d * placement.d).squareRoot()
        let length = (placement.a * placement.a + placement.b * placement.b).squareRoot()
        let direction = length > 0 ? (x: placement.a / length, y: placement.b / length) : (x: 1.0, y: 0.0)
        let estimated = font.approximateWidths
        let charSpacing = state.charSpacing, wordSpacing = state.wordSpacing
        var advance = 0.0
        var afterMove = moved
        moved = false
        // Moved out and back so the text is never copied.
        var builder = PDFTextBuilder()
        swap(&builder, &self.builder)
        font.forEachGlyph(in: string) { glyph in
            let start = placement.apply(advance, rise)
            let visible = glyph.width * size * scale
            let end = placement.apply(advance + visible, rise)
            builder.add(glyph.text, start: start, end: end, direction: direction, size: lineSize, estimatedWidths: estimated, afterMove: afterMove)
            afterMove = false
            advance += (glyph.width * size + charSpacing + (glyph.isWordSpace ? wordSpacing : 0)) * scale
        }
        swap(&builder, &self.builder)
        textMatrix = PDFMatrix.translation(advance, 0).then(textMatrix)
        guard self.builder.text.utf8.count <= maxTextBytes else { throw .overLimit("text over \(maxTextBytes) bytes") }
    }

    private mutating func runForm(named name: String, resources: PDFDictionary, depth: Int) throws(PDFReadError) {
        let entry = document.resolve(resources["XObject"]).dictionary?[name]
        guard let stream = document.resolve(entry).stream, stream.dictionary["Subtype"]?.name == "Form" else { return }
        let matrix = PDFMatrix(document.resolve(stream.dictionary["Matrix"]).array?.compactMap(\.number) ?? []) ?? .identity
        try runForm(stream, number: entry?.reference?.number, placed: matrix, resources: resources, depth: depth)
    }

    /// Runs a form's content with `placed` before the current transformation; text state and the
    /// graphics state stack are the form's own and restored after it.
    private mutating func runForm(_ stream: PDFStream, number: Int?, placed: PDFMatrix, resources: PDFDictionary, depth: Int) throws(PDFReadError) {
        guard depth < Self.maxFormDepth else { throw .overLimit("forms nested deeper than \(Self.maxFormDepth)") }
        if let number {
            guard formsRunning.insert(number).inserted else { return }
        }
        defer { if let number { formsRunning.remove(number) } }
        let content: [UInt8]
        do {
            content = try document.decode(stream)
        } catch {
            if case .overLimit = error { throw error }
            return
        }
        let formResources = document.resolve(stream.dictionary["Resources"]).dictionary ?? resources
        let outer = (state, saved, unmatchedSaves, textMatrix, lineMatrix)
        saved = []
        unmatchedSaves = 0
        state.ctm = placed.then(state.ctm)
        try run(content, resources: formResources, depth: depth + 1)
        (state, saved, unmatchedSaves, textMatrix, lineMatrix) = outer
    }

    static let maxAnnotations = 2_000

    /// The normal appearances of a page's visible annotations (filled-in form fields, stamps,
    /// free text), placed in their rectangles as ISO 32000-1 §12.5.5 says; pdftotext shows them too.
    private mutating func runAnnotations(of page: PDFPage) throws(PDFReadError) {
        let annotations = document.resolve(page.dictionary["Annots"]).array ?? []
        for item in annotations.prefix(Self.maxAnnotations) {
            guard let annotation = document.resolve(item).dictionary else { continue }
            let flags = document.resolve(annotation["F"]).int ?? 0
            guard flags & (2 | 32) == 0 else { continue } // Hidden, NoView
            // /N is the appearance, or (check boxes, radio buttons) a dictionary of them by /AS state.
            var entry = document.resolve(annotation["AP"]).dictionary?["N"]
            if document.resolve(entry).stream == nil, let state = annotation["AS"]?.name {
                entry = document.resolve(entry).dictionary?[state]
            }
            guard let stream = document.resolve(entry).stream else { continue }
            let rect = document.resolve(annotation["Rect"]).array?.compactMap { document.resolve($0).number } ?? []
            let box = document.resolve(stream.dictionary["BBox"]).array?.compactMap { document.resolve($0).number } ?? []
            guard rect.count == 4, box.count == 4 else { continue }
            let matrix = PDFMatrix(document.resolve(stream.dictionary["Matrix"]).array?.compactMap(\.number) ?? []) ?? .identity
            let corners = [matrix.apply(box[0], box[1]), matrix.apply(box[2], box[1]), matrix.apply(box[0], box[3]), matrix.apply(box[2], box[3])]
            let minX = corners.map(\.x).min() ?? 0, maxX = corners.map(\.x).max() ?? 0
            let minY = corners.map(\.y).min() ?? 0, maxY = corners.map(\.y).max() ?? 0
            let scaleX = maxX > minX ? (max(rect[0], rect[2]) - min(rect[0], rect[2])) / (maxX - minX) : 1
            let scaleY = maxY > minY ? (max(rect[1], rect[3]) - min(rect[1], rect[3])) / (maxY - minY) : 1
            let fit = PDFMatrix(scaleX, 0, 0, scaleY, min(rect[0], rect[2]) - minX * scaleX, min(rect[1], rect[3]) - minY * scaleY)
            state = GraphicsState()
            saved = []
            unmatchedSaves = 0
            try runForm(stream, number: entry?.reference?.number, placed: matrix.then(fit), resources: page.resources, depth: 0)
        }
    }
}
