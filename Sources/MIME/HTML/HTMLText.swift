/// Turns HTML into readable plain text.
///
/// One pass over the UTF-8 bytes: `script`, `style`, `template`, `title` and the rest of `head`
/// are dropped; paragraphs, headings, lists, block quotes, `pre` and tables are separated by a
/// blank line, `div`, `tr`, `li` and `br` end a line; list items start with `- `; table cells are
/// separated by a tab; white space is collapsed outside `pre`; character references are decoded
/// (named, decimal and hexadecimal; invalid ones give U+FFFD); `&nbsp;` becomes a space and a soft
/// hyphen disappears. The result has no trailing spaces, at most one blank line in a row and no
/// blank lines at either end.
public enum HTMLText {
    /// The readable text of `html`: entities decoded, block elements as line breaks, script and style dropped.
    public static func render(_ html: String) -> String {
        var html = html
        let bytes = html.withUTF8 { utf8 -> [UInt8] in
            var renderer = HTMLTextRenderer(capacity: utf8.count)
            var tokenizer = HTMLTokenizer(utf8)
            while let token = tokenizer.next() { renderer.consume(token, in: utf8) }
            return renderer.finish()
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// How an element affects the text around it.
enum HTMLBlockRole {
    /// Separated from its surroundings by a blank line.
    case paragraph
    /// Starts and ends on a line of its own.
    case line
    case listItem
    case tableRow
    case tableCell
    case lineBreak
    case inline

    init(element name: String) {
        switch name {
        case "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "listing", "ul", "ol", "dl",
             "table", "hr", "address", "figure", "fieldset":
            self = .paragraph
        case "div", "section", "article", "header", "footer", "nav", "aside", "main", "center", "dt", "dd",
             "caption", "figcaption", "details", "summary", "form", "legend", "option", "tbody", "thead",
             "tfoot", "noscript", "body", "html":
            self = .line
        case "li": self = .listItem
        case "tr": self = .tableRow
        case "td", "th": self = .tableCell
        case "br": self = .lineBreak
        default: self = .inline
        }
    }
}

/// The state of one rendering: output bytes and the breaks and spaces still to be written.
struct HTMLTextRenderer {
    private var output: [UInt8] = []
    /// Line breaks asked for by block boundaries, written before the next text (1: new line, 2: blank line).
    private var pendingBreaks = 0
    /// Collapsed white space to write before the next text on the same line.
    private var pendingSpace = false
    /// Written before the next text: "- " for a list item, a tab between table cells.
    private var pendingPrefix: [UInt8] = []
    private var lineHasText = false
    private var preDepth = 0
    private var listDepth = 0
    private var templateDepth = 0
    private var insideHead = false
    /// Inside `title`: its content (one text token, the tokenizer reads it as RCDATA) is dropped.
    private var insideTitle = false
    /// `<pre>` ignores one newline right after its start tag.
    private var skipNewlineAfterPre = false
    private var cellsInRow = 0

    init(capacity: Int) {
        output.reserveCapacity(capacity)
    }

    mutating func consume(_ token: HTMLTokenizer.Token, in bytes: UnsafeBufferPointer<UInt8>) {
        switch token {
        case .text(let range):
            guard templateDepth == 0, !insideTitle else { return }
            if insideHead {
                guard bytes[range].contains(where: { !isSpace($0) }) else { return }
                insideHead = false
            }
            appendText(bytes, range)
        case .rawText:
            return  // script, style and the like: never text
        case .startTag(let name, let selfClosing):
            startTag(name, selfClosing: selfClosing)
        case .endTag(let name):
            endTag(name)
        }
    }

    private mutating func startTag(_ name: String, selfClosing: Bool) {
        if name == "template" {
            templateDepth += 1
            return
        }
        guard templateDepth == 0 else { return }
        switch name {
        case "head":
            insideHead = true
            return
        case "title", "meta", "link", "base", "basefont", "bgsound", "style", "script", "noscript":
            break
        default:
            insideHead = false
        }
        if name == "title" {
            insideTitle = !selfClosing
            return
        }
        skipNewlineAfterPre = false
        switch HTMLBlockRole(element: name) {
        case .paragraph:
            requestBreaks(listDepth > 0 && (name == "ul" || name == "ol") ? 1 : 2)
            if name == "ul" || name == "ol" { listDepth += 1 }
            if name == "pre" || name == "listing" {
                preDepth += 1
                skipNewlineAfterPre = true
            }
            if name == "table" { cellsInRow = 0 }
        case .line:
            requestBreaks(1)
        case .listItem:
            requestBreaks(1)
            pendingPrefix = Array("- ".utf8)
        case .tableRow:
            requestBreaks(1)
            cellsInRow = 0
        case .tableCell:
            if cellsInRow > 0 && lineHasText && pendingBreaks == 0 { pendingPrefix = [0x09] }
            cellsInRow += 1
        case .lineBreak:
            lineBreak()
        case .inline:
            break
        }
    }

    private mutating func endTag(_ name: String) {
        if name == "template" {
            templateDepth = max(templateDepth - 1, 0)
            return
        }
        guard templateDepth == 0 else { return }
        if name == "head" || name == "title" {
            insideHead = false
            insideTitle = false
            return
        }
        switch HTMLBlockRole(element: name) {
        case .paragraph:
            if name == "ul" || name == "ol" { listDepth = max(listDepth - 1, 0) }
            if name == "pre" || name == "listing" { preDepth = max(preDepth - 1, 0) }
            requestBreaks(listDepth > 0 && (name == "ul" || name == "ol") ? 1 : 2)
        case .line, .listItem, .tableRow:
            requestBreaks(1)
        case .lineBreak:
            lineBreak()  // "</br>" is a "<br>" for browsers
        case .tableCell, .inline:
            break
        }
    }

    // MARK: Text

    private mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&"), let (scalar, after) = HTMLEntities.decode(bytes, at: index, end: end) {
                appendScalar(scalar)
                index = after
                continue
            }
            if byte < 0x80 {
                appendASCII(byte, next: index + 1 < end ? bytes[index + 1] : nil)
                index += 1
                continue
            }
            // A UTF-8 sequence: copied whole, except no-break space and soft hyphen.
            if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 || bytes[index + 1] == 0xAD {
                if bytes[index + 1] == 0xA0 { appendNoBreakSpace() }
                index += 2
                continue
            }
            var length = 1
            if byte >= 0xF0 { length = 4 } else if byte >= 0xE0 { length = 3 } else if byte >= 0xC0 { length = 2 }
            let sequenceEnd = min(index + length, end)
            writePending()
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<sequenceEnd]))
            lineHasText = true
            index = sequenceEnd
        }
    }

    private mutating func appendScalar(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0xA0: appendNoBreakSpace()
        case 0xAD: break
        case 0..<0x80: appendASCII(UInt8(scalar.value), next: nil)
        default:
            writePending()
            output.append(contentsOf: UTF8.encode(scalar).map { Array($0) } ?? [])
            lineHasText = true
        }
    }

    private mutating func appendASCII(_ byte: UInt8, next: UInt8?) {
        if byte == 0 { return }
        if preDepth > 0 {
            switch byte {
            case 0x0D:
                if next == 0x0A { return }
                fallthrough
            case 0x0A:
                if skipNewlineAfterPre {
                    skipNewlineAfterPre = false
                    return
                }
                writePending()
                newline()
            default:
                skipNewlineAfterPre = false
                writePending()
                output.append(byte)
                lineHasText = true
            }
            return
        }
        if isSpace(byte) {
            if lineHasText { pendingSpace = true }
            return
        }
        writePending()
        output.append(byte)
        lineHasText = true
    }

    private mutating func appendNoBreakSpace() {
        writePending()
        output.append(0x20)
        lineHasText = true
    }

    // MARK: Breaks

    private mutating func requestBreaks(_ count: Int) {
        pendingBreaks = max(pendingBreaks, count)
        pendingSpace = false
    }

    private mutating func lineBreak() {
        writePending()
        guard !output.isEmpty else { return }
        newline()
    }

    private mutating func newline() {
        trimTrailingSpaces()
        output.append(0x0A)
        lineHasText = false
        pendingSpace = false
    }

    /// Writes the breaks, space and prefix waiting for the next text.
    private mutating func writePending() {
        if output.isEmpty {
            pendingBreaks = 0
            pendingSpace = false
        }
        if pendingBreaks > 0 {
            trimTrailingSpaces()
            let existing = output.reversed().prefix { $0 == 0x0A }.count
            if lineHasText || existing > 0 {
                for _ in 0..<max(pendingBreaks - existing, 0) { output.append(0x0A) }
            }
            pendingBreaks = 0
            pendingSpace = false
            lineHasText = false
        } else if pendingSpace {
            if lineHasText { output.append(0x20) }
            pendingSpace = false
        }
        if !pendingPrefix.isEmpty {
            output.append(contentsOf: pendingPrefix)
            pendingPrefix = []
            lineHasText = true
        }
    }

    private mutating func trimTrailingSpaces() {
        while let last = output.last, last == 0x20 || last == 0x09 { output.removeLast() }
    }

    /// The text: trailing spaces removed per line, at most one blank line in a row, none at the ends.
    mutating func finish() -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(output.count)
        var blankLinesPending = 0
        var lineStart = 0
        while lineStart < output.count {
            var lineEnd = lineStart
            while lineEnd < output.count && output[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            while contentEnd > lineStart && (output[contentEnd - 1] == 0x20 || output[contentEnd - 1] == 0x09) {
                contentEnd -= 1
            }
            if contentEnd == lineStart {
                if !result.isEmpty { blankLinesPending = 1 }
            } else {
                if !result.isEmpty {
                    result.append(0x0A)
                    if blankLinesPending > 0 { result.append(0x0A) }
                }
                blankLinesPending = 0
                result.append(contentsOf: output[lineStart..<contentEnd])
            }
            lineStart = lineEnd + 1
        }
        return result
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
