/// Why a ``FinnishAnalyzer`` could not be created.
public struct AnalyzerError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// libvoikko found no Finnish morphology dictionary (package `voikko-fi`, `/usr/lib/voikko/5`).
        case voikkoDictionaryUnavailable
        /// ICU could not open a word break iterator for the locale.
        case wordBreakerUnavailable
        /// libstemmer has no Finnish stemmer.
        case stemmerUnavailable
    }

    public let kind: Kind
    /// What the underlying library reported.
    public let detail: String

    public init(_ kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String {
        switch kind {
        case .voikkoDictionaryUnavailable:
            "Finnish analyzer: Voikko could not load a Finnish dictionary (\(detail)). "
                + "Install the voikko-fi package (dictionary in /usr/lib/voikko/5) or set VOIKKO_DICTIONARY_PATH."
        case .wordBreakerUnavailable:
            "Finnish analyzer: ICU could not open a word break iterator (\(detail))."
        case .stemmerUnavailable:
            "Finnish analyzer: libstemmer has no Finnish stemmer (\(detail))."
        }
    }
}
