import FileInput
/// Reads WebVTT transcripts (W3C WebVTT): the `WEBVTT` header line (optionally followed by text and
/// header lines), then blocks separated by blank lines: cues (an optional identifier line, a timing
/// line `start --> end [settings]`, text lines), and NOTE, STYLE and REGION blocks, which are skipped.
///
/// A block that is not a valid cue is left out and listed in ``Transcript/skippedBlocks``; only a
/// missing header makes the whole file unreadable. A UTF-8 byte order mark and CR or CRLF line ends
/// are accepted.
public enum WebVTT {
    public static func parse(_ text: String) throws(WebVTTError) -> Transcript {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        let lines = splitLines(body)
        let header = lines.first ?? ""
        guard header.hasPrefix("WEBVTT"),
              header.count == 6 || header.dropFirst(6).first == " " || header.dropFirst(6).first == "\t"
        else { throw .missingHeader(firstLine: String(header)) }
        var parser = BlockParser(lines: lines)
        parser.skipHeaderLines()
        return parser.parseBlocks()
    }

    /// Parses UTF-8 bytes (invalid sequences become U+FFFD).
    public static func parse(bytes: [UInt8]) throws(WebVTTError) -> Transcript {
        try parse(String(decoding: bytes, as: UTF8.self))
    }

    /// Reads and parses the file at `path` (at most `maxBytes`; transcripts are small).
    public static func read(path: String, maxBytes: Int = 64 << 20) throws(WebVTTError) -> Transcript {
        let file: ReadOnlyFile
        do {
            file = try ReadOnlyFile.opening(path)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        let size: Int64
        switch file.size() {
        case .success(let value): size = value
        case .failure(let error): throw .unreadable(path: path, reason: error.description)
        }
        guard size <= Int64(maxBytes) else { throw .unreadable(path: path, reason: "larger than \(maxBytes) bytes") }
        switch file.bytes(at: 0, count: Int(size)) {
        case .failure(let error): throw .unreadable(path: path, reason: error.description)
        case .success(let bytes): return try parse(bytes: bytes)
        }
    }

    private static func splitLines(_ text: Substring) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = start
        // Character-wise, "\r\n" is one Character.
        while index < text.endIndex {
            let character = text[index]
            if character == "\n" || character == "\r" || character == "\r\n" {
                lines.append(text[start..<index])
                index = text.index(after: index)
                start = index
            } else {
                index = text.index(after: index)
            }
        }
        lines.append(text[start..<text.endIndex])
        return lines
    }
}

/// Walks the blocks after the header line.
private struct BlockParser {
    let lines: [Substring]
    var index = 1
    var cues: [TranscriptCue] = []
    var skipped: [Transcript.SkippedBlock] = []

    init(lines: [Substring]) {
        self.lines = lines
    }

    private func isBlank(_ position: Int) -> Bool {
        lines[position].allSatisfy(\.isWhitespace)
    }

    /// Skips the header's own lines (metadata such as `Kind: captions`) up to the first blank line,
    /// unless they hold a timing, in which case a cue follows the header directly.
    mutating func skipHeaderLines() {
        var end = index
        while end < lines.count, !isBlank(end) {
            if lines[end].contains("-->") { return }
            end += 1
        }
        index = end
    }

    mutating func parseBlocks() -> Transcript {
        while true {
            while index < lines.count, isBlank(index) { index += 1 }
            guard index < lines.count else { break }
            let first = lines[index]
            if !first.contains("-->") && (Self.starts(first, with: "NOTE") || Self.starts(first, with: "STYLE")
                || Self.starts(first, with: "REGION"))
            {
                skipToBlankLine()
                continue
            }
            parseCue()
        }
        return Transcript(cues: cues, skippedBlocks: skipped)
    }

    /// True when `line` is `keyword` alone or followed by a space, tab or nothing else.
    private static func starts(_ line: Substring, with keyword: String) -> Bool {
        guard line.hasPrefix(keyword) else { return false }
        let after = line.dropFirst(keyword.count).first
        return after == nil || after == " " || after == "\t"
    }

    private mutating func skipToBlankLine() {
        while index < lines.count, !isBlank(index) { index += 1 }
    }

    private mutating func parseCue() {
        let blockLine = index + 1
        var identifier: String?
        if !lines[index].contains("-->") {
            guard index + 1 < lines.count, lines[index + 1].contains("-->") else {
                skipped.append(.init(line: blockLine, reason: "no cue timing ('start --> end') in the block"))
                skipToBlankLine()
                return
            }
            identifier = String(lines[index]).trimmed
            index += 1
        }
        let timingLine = index + 1
        guard let (start, end) = timing(lines[index]) else {
            skipped.append(.init(line: timingLine, reason: "malformed cue timing '\(lines[index].prefix(60))'"))
            index += 1
            skipToBlankLine()
            return
        }
        index += 1
        var textLines: [Substring] = []
        // A line with "-->" ends the cue text, as in the WebVTT parsing rules: it starts the next cue.
        while index < lines.count, !isBlank(index), !lines[index].contains("-->") {
            textLines.append(lines[index])
            index += 1
        }
        guard end >= start else {
            skipped.append(.init(line: timingLine, reason: "cue ends before it starts"))
            return
        }
        let segments = WebVTTCueText.segments(textLines.joined(separator: "\n"))
        if segments.isEmpty {
            cues.append(TranscriptCue(identifier: identifier, start: start, end: end, speaker: nil, text: ""))
        }
        for segment in segments {
            cues.append(
                TranscriptCue(identifier: identifier, start: start, end: end, speaker: segment.speaker, text: segment.text))
        }
    }

    /// `start --> end` with optional cue settings after the end.
    private func timing(_ line: Substring) -> (Double, Double)? {
        guard let arrow = line.range(of: "-->") else { return nil }
        let startText = line[..<arrow.lowerBound].trimmingWhitespace()
        let rest = line[arrow.upperBound...].trimmingWhitespace()
        let endText = rest.prefix { !$0.isWhitespace }
        guard let start = WebVTTTimestamp.seconds(startText), let end = WebVTTTimestamp.seconds(endText) else {
            return nil
        }
        return (start, end)
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return self[endIndex...] }
        return self[first...last]
    }
}
