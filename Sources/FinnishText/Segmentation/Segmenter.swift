import CICU

/// What kind of word a segment is, as ICU's word break rules classify it.
enum WordKind: Equatable {
    /// Digits, possibly with `.` or `,` between them: `12.3.2024`, `1,5`, `0401234567`.
    case number
    /// Letters, possibly with digits or word-internal `:` `.` `'`: `EU:n`, `5G`, `example.com`.
    case letters
    /// Kana or ideographs (rare here; kept as surface forms only).
    case other
}

/// Splits UTF-8 text into words with ICU's word break rules for Finnish (`fi`), which keep
/// `EU:n`, `SMS:llä` and `12.3.2024` whole. Whitespace, punctuation and symbols yield nothing.
///
/// Owns an ICU break iterator, which is not thread-safe: one segmenter per thread.
final class Segmenter {
    private let iterator: OpaquePointer

    init(locale: String = "fi") throws(AnalyzerError) {
        var errorCode: Int32 = 0
        guard let iterator = cicu_word_iterator_open(locale, &errorCode) else {
            throw AnalyzerError(.wordBreakerUnavailable, detail: "ICU error \(errorCode) for locale \(locale)")
        }
        self.iterator = iterator
    }

    deinit {
        cicu_word_iterator_close(iterator)
    }

    /// Calls `body` with the byte range and kind of each word in `text`, in order.
    ///
    /// Texts longer than 2 GiB are cut at that length (ICU indexes with 32-bit integers).
    func forEachWord(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, WordKind) -> Void) {
        let length = min(text.count, Int(Int32.max))
        guard cicu_word_iterator_set_utf8(iterator, text.baseAddress, Int64(length)) == 0 else { return }
        var start: Int64 = 0
        var end: Int64 = 0
        while true {
            let kind = cicu_word_iterator_next(iterator, &start, &end)
            switch Int(kind) {
            case Int(CICU_WORD_END): return
            case Int(CICU_WORD_NUMBER): body(Int(start)..<Int(end), .number)
            case Int(CICU_WORD_LETTER): body(Int(start)..<Int(end), .letters)
            default: body(Int(start)..<Int(end), .other)
            }
        }
    }
}
