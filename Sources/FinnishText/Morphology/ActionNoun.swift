/// The action noun in `-minen` (`sulkeminen`, `ottaminen`), which Voikko analyses as a form of
/// its verb (`MOOD=MINEN-infinitive`, base form `sulkea`).
///
/// Search treats it as a noun of its own, as Finnish dictionaries and grammars do and as the
/// analyzer already treats other action nouns (`laskutus` is not `laskuttaa`, `hyvitys` is not
/// `hyvittää`): `sulkemisen` finds `sulkeminen` and `liittymän sulkemisesta`, not every `sulkea`,
/// `suljettu` and `suljemme`. This also repairs compounds, where Voikko's base form of
/// `liittymänsulkemisesta` is `liittymänsulkea`.
enum ActionNoun {
    static let mood = "MINEN-infinitive"

    /// The nominative singular of a `-minen` form as written (`sulkemisen` → `sulkeminen`,
    /// `liittymänsulkemisesta` → `liittymänsulkeminen`), or nil when the word has no such suffix.
    ///
    /// The suffix is the last `mi` followed by `nen` or `s` (`-minen`, `-mis-` before every case,
    /// number and possessive ending); no ending after it contains another such `mi`.
    static func nominative(ofWritten word: String) -> String? {
        let scalars = Array(word.unicodeScalars)
        var index = scalars.count - 3
        while index >= 1 {
            if scalars[index] == "m", scalars[index + 1] == "i" {
                let next = scalars[index + 2]
                let isMinen = next == "n" && index + 4 < scalars.count
                    && scalars[index + 3] == "e" && scalars[index + 4] == "n"
                if next == "s" || isMinen {
                    var stem = String.UnicodeScalarView()
                    stem.append(contentsOf: scalars[..<index])
                    return String(stem) + "minen"
                }
            }
            index -= 1
        }
        return nil
    }
}

extension VoikkoAnalysis {
    /// The analysis with a `-minen` form read as its own noun (see ``ActionNoun``).
    func readingActionNounAsNoun(written: String) -> VoikkoAnalysis {
        guard mood == ActionNoun.mood, let noun = ActionNoun.nominative(ofWritten: written) else { return self }
        var analysis = self
        analysis.baseForm = noun
        analysis.wordClass = "nimisana"
        return analysis
    }
}
