/// A quick test on UTF-8 bytes of whether a line may begin with one of a list of lower-case phrases
/// once lower-cased, so that the exact `Character` test (trimming, `lowercased()`, comparison
/// under canonical equivalence) runs only for the few lines that pass.
///
/// The test never rejects a line the exact test would accept: it compares ASCII bytes only while
/// both the line and the phrase are ASCII, and answers "maybe" at the first non-ASCII byte of the
/// line (`Ä`, a combining mark, the Kelvin sign that lower-cases to `k`). A phrase letter such as
/// `ä` also matches its decomposed form, `a` and a combining mark, so a line with that base letter
/// there is a "maybe" too.
struct PhraseStarts: Sendable {
    private enum Step: Sendable {
        /// An ASCII character, compared after lower-casing the line's byte.
        case byte(UInt8)
        /// A letter with a diacritic: its base letter, after which the line may go either way.
        case base(UInt8)
        /// A character this test does not read: the line may go either way.
        case unknown
    }

    private let phrases: [[Step]]

    init(_ phrases: some Sequence<String>) {
        self.phrases = phrases.map { $0.map(Self.step(for:)) }
    }

    /// Whether `line`, after the leading bytes `isSkipped` matches (ASCII bytes only), may begin
    /// with one of the phrases.
    func mayBegin(_ line: Substring, skipping isSkipped: (UInt8) -> Bool) -> Bool {
        if let answer = line.utf8.withContiguousStorageIfAvailable({ mayBegin($0, skipping: isSkipped) }) {
            return answer
        }
        return Array(line.utf8).withUnsafeBufferPointer { mayBegin($0, skipping: isSkipped) }
    }

    private func mayBegin(_ bytes: UnsafeBufferPointer<UInt8>, skipping isSkipped: (UInt8) -> Bool) -> Bool {
        guard let start = bytes.firstIndex(where: { !isSkipped($0) }) else { return false }
        return phrases.contains { mayBegin(bytes[start...], with: $0) }
    }

    private func mayBegin(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, with phrase: [Step]) -> Bool {
        var position = bytes.startIndex
        for step in phrase {
            guard position < bytes.endIndex else { return false }
            let byte = bytes[position]
            if byte >= 0x80 { return true }
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
            switch step {
            case .byte(let expected): if lower != expected { return false }
            case .base(let expected): return lower == expected
            case .unknown: return true
            }
            position += 1
        }
        return true
    }

    private static func step(for character: Character) -> Step {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first, scalar.isASCII { return .byte(UInt8(scalar.value)) }
        for base in UInt8(ascii: "a")...UInt8(ascii: "z") {
            for mark in combiningDiacriticalMarks {
                var decomposed = String(Unicode.Scalar(base))
                decomposed.unicodeScalars.append(mark)
                if Character(decomposed) == character { return .base(base) }
            }
        }
        return .unknown
    }

    /// U+0300 to U+036F.
    private static let combiningDiacriticalMarks = (0x300...0x36F).compactMap(Unicode.Scalar.init(_:))
}
