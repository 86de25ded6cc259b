/// WebVTT timestamps: `HH:MM:SS.mmm` (hours may have more digits) or `MM:SS.mmm`. Tolerated: a comma
/// for the dot, fewer or more fraction digits, no fraction.
enum WebVTTTimestamp {
    /// Seconds, or nil when the text is not a timestamp.
    static func seconds(_ text: Substring) -> Double? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var hours = 0
        if parts.count == 3 {
            guard let value = wholeNumber(parts[0], digits: 1...9) else { return nil }
            hours = value
        }
        guard let minutes = wholeNumber(parts[parts.count - 2], digits: 2...2), minutes < 60 else { return nil }
        let secondsPart = parts[parts.count - 1]
        let split = secondsPart.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard split.count <= 2, let seconds = wholeNumber(split[0], digits: 2...2), seconds < 60 else { return nil }
        var fraction = 0.0
        if split.count == 2 {
            guard let value = wholeNumber(split[1], digits: 1...9) else { return nil }
            fraction = Double(value) / pow10(split[1].count)
        }
        return Double(hours * 3_600 + minutes * 60 + seconds) + fraction
    }

    private static func wholeNumber(_ text: Substring, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
}
