/// Turns glyphs placed on the page (in content-stream order) into lines and words: a move across
/// the line direction by more than half the font size starts a new line; a gap along it wider
/// than ``wordGap`` of the font size (or a move backwards) is a space. A glyph drawn again on top of
/// itself (fake bold) is dropped, as pdftotext does. With estimated glyph widths (standard fonts
/// without /Widths) a text move on the same line is a space.
struct PDFTextBuilder {
    /// Gap, in font sizes, read as a word space (pdftotext uses about 0.1; kerning stays below).
    static let wordGap = 0.15
    /// With estimated glyph widths (no /Widths), only a wider gap is trusted.
    static let estimatedWordGap = 0.3

    private(set) var text = ""
    private(set) var glyphs = 0
    private(set) var unmapped = 0
    private var lastEnd: (x: Double, y: Double)?
    private var lastStart = (x: 0.0, y: 0.0)
    private var lastText = ""
    /// What the text ends with, so spaces and line ends are never doubled.
    private var ending = Ending.nothing

    private enum Ending { case nothing, space, lineEnd, glyph }

    mutating func add(_ glyph: String?, start: (x: Double, y: Double), end: (x: Double, y: Double),
                      direction: (x: Double, y: Double), size: Double, estimatedWidths: Bool, afterMove: Bool = false) {
        glyphs += 1
        let size = size.isFinite && size > 0.01 ? size : 0.01
        if let last = lastEnd {
            let dx = start.x - last.x, dy = start.y - last.y
            let along = dx * direction.x + dy * direction.y
            let across = dy * direction.x - dx * direction.y
            if abs(across) > 0.5 * size {
                newLine()
            } else if along > (estimatedWidths ? Self.estimatedWordGap : Self.wordGap) * size || along < -size {
                space()
            } else if estimatedWidths, afterMove {
                // Without real widths the gap before a moved-to position is unknown: generators
                // that use the standard fonts move to a new cell or word, not into a word.
                space()
            }
        }
        guard let glyph else {
            unmapped += 1
            lastEnd = end
            return
        }
        if ending == .glyph, glyph == lastText, abs(start.x - lastStart.x) + abs(start.y - lastStart.y) < 0.1 * size {
            return
        }
        if glyph == " " || glyph == "\u{A0}" {
            space()
        } else {
            append(glyph)
        }
        lastStart = start
        lastText = glyph
        lastEnd = end
    }

    /// A page's text ends, or a form begins elsewhere: the next glyph starts afresh.
    mutating func newLine() {
        switch ending {
        case .nothing, .lineEnd: return
        case .space: text.unicodeScalars.removeLast()
        case .glyph: break
        }
        text.append("\n")
        ending = .lineEnd
    }

    private mutating func space() {
        guard ending == .glyph else { return }
        text.append(" ")
        ending = .space
    }

    private mutating func append(_ glyph: String) {
        for scalar in glyph.unicodeScalars {
            switch scalar.value {
            case 0xFB00: text.append("ff")
            case 0xFB01: text.append("fi")
            case 0xFB02: text.append("fl")
            case 0xFB03: text.append("ffi")
            case 0xFB04: text.append("ffl")
            case 0xFB05, 0xFB06: text.append("st")
            case 0x00...0x1F, 0x7F:
                space()
            default: text.unicodeScalars.append(scalar)
            }
            if scalar.value > 0x1F, scalar.value != 0x7F { ending = .glyph }
        }
    }
}
