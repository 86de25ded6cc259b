import CStemmer

/// The Snowball Finnish stemmer (libstemmer): a fallback for words Voikko does not know, such as
/// names, brands and typos. Not thread-safe: one per analyzer.
final class SnowballStemmer {
    private let stemmer: OpaquePointer

    init() throws(AnalyzerError) {
        guard let stemmer = sb_stemmer_new("finnish", "UTF_8") else {
            throw AnalyzerError(.stemmerUnavailable, detail: "sb_stemmer_new(\"finnish\", \"UTF_8\") failed")
        }
        self.stemmer = stemmer
    }

    deinit {
        sb_stemmer_delete(stemmer)
    }

    /// The stem of a folded (lower-case) word.
    func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress,
                  let stem = sb_stemmer_stem(stemmer, base, Int32(clamping: bytes.count)) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: stem, count: length), as: UTF8.self)
        }
    }

    /// Whether a word Voikko did not know should get a stem at all.
    ///
    /// The stem namespace is only searched for query words Voikko does not know either, so a stem
    /// can only make unknown words find each other. That helps Finnish names and brands
    /// (`Elisalle` and `Elisan` share `elis`) but merely adds noise for Swedish and English, where
    /// Finnish suffix rules cut arbitrary endings (`bill` → `bil`, a Swedish car). So words with
    /// `å` (Swedish, never Finnish), words shorter than four letters and anything that is not plain
    /// letters (digits, `:`, `.`, `'`) get no stem; Swedish and English words without `å` still
    /// keep their exact surface form, which is always indexed.
    static func shouldStem(_ folded: String) -> Bool {
        var letters = 0
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "a"..."z", "ä", "ö", "š", "ž":
                letters += 1
            default:
                return false
            }
        }
        return letters >= 4
    }
}
