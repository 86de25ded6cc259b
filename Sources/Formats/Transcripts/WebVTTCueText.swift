/// The text of one cue without its markup: voice spans `<v Name>` (also `<v.class Name>`) split it
/// into per-speaker segments where the speaker changes; other tags (`<c.x>`, `<i>`, `<b>`, `<u>`,
/// `<ruby>`, `<rt>`, `<lang>`, timestamps `<00:01.000>`) are dropped; character references are decoded.
enum WebVTTCueText {
    struct Segment: Equatable {
        var speaker: String?
        var text: String
    }

    /// The segments in order; text is trimmed per line and empty segments are left out.
    static func segments(_ text: String) -> [Segment] {
        var segments: [Segment] = []
        var current = Segment(speaker: nil, text: "")
        func flush() {
            let cleaned = tidy(current.text)
            if !cleaned.isEmpty { segments.append(Segment(speaker: current.speaker, text: cleaned)) }
            current.text = ""
        }
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "<", startsTag(text, after: index), let close = text[index...].firstIndex(of: ">") {
                let tag = text[text.index(after: index)..<close]
                if let speaker = voice(in: tag) {
                    if speaker != current.speaker {
                        flush()
                        current.speaker = speaker
                    }
                } else if tag.hasPrefix("/v") && (tag.count == 2 || tag.dropFirst(2).first == "."),
                    current.speaker != nil
                {
                    flush()
                    current.speaker = nil
                }
                index = text.index(after: close)
            } else if character == "&", let (decoded, next) = entity(in: text, at: index) {
                current.text.append(decoded)
                index = next
            } else {
                current.text.append(character)
                index = text.index(after: index)
            }
        }
        flush()
        return segments
    }

    /// True when the `<` at `index` opens a tag: a letter, `/` or digit follows. Otherwise (`a < b`)
    /// it is a literal, though WebVTT wants it written `&lt;`.
    private static func startsTag(_ text: String, after index: String.Index) -> Bool {
        let next = text.index(after: index)
        guard next < text.endIndex else { return false }
        let character = text[next]
        return character == "/" || (character.isASCII && (character.isLetter || character.isNumber))
    }

    /// The speaker of a `v` start tag (`v Name`, `v.loud Name`); nil for any other tag.
    private static func voice(in tag: Substring) -> String?? {
        guard tag.first == "v" else { return nil }
        let rest = tag.dropFirst()
        guard rest.isEmpty || rest.first == "." || rest.first?.isWhitespace == true else { return nil }
        guard let space = rest.firstIndex(where: \.isWhitespace) else { return .some(nil) }
        let name = decodeReferences(String(rest[space...])).trimmed
        return .some(name.isEmpty ? nil : name)
    }

    /// Lines trimmed, empty lines at the start and end dropped.
    private static func tidy(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmed }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    static func decodeReferences(_ text: String) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "&", let (decoded, next) = entity(in: text, at: index) {
                result.append(decoded)
                index = next
            } else {
                result.append(text[index])
                index = text.index(after: index)
            }
        }
        return result
    }

    /// The character of a reference starting at `start` (`&amp;`, `&#228;`, `&#xE4;`) and the index
    /// after its `;`; nil when it is not one, and the `&` is then literal.
    private static func entity(in text: String, at start: String.Index) -> (Character, String.Index)? {
        guard let semicolon = text[start...].prefix(12).firstIndex(of: ";") else { return nil }
        let name = text[text.index(after: start)..<semicolon]
        let next = text.index(after: semicolon)
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits)
            }
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return (Character(scalar), next)
        }
        guard let scalar = named[String(name)] else { return nil }
        return (Character(scalar), next)
    }

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "lrm": "\u{200E}",
        "rlm": "\u{200F}",
    ]
}
