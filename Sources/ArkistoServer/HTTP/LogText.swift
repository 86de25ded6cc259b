/// Text from outside (a path, a reader's error) made safe for one log line: control characters
/// and bidirectional marks become visible `\u{…}` escapes, so it can neither fake lines nor
/// reorder what an operator reads.
enum LogText {
    static func escaped(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if ContentDisposition.isInvisibleControl(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
