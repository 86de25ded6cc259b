/// The four kinds of index terms, kept apart so that a stem or base form never matches a surface
/// form by accident (`="laskusta"` must not find a document that merely has the stem `lasku`), and
/// a word never finds a compound it only modifies (`lähde` must not find `lähdekoodi`).
///
/// A term is its folded text, prefixed by one control character for the derived namespaces:
///
/// | namespace  | marker | example term for `puhelinlaskusta`      |
/// |------------|--------|------------------------------------------|
/// | surface    | none   | `puhelinlaskusta`                        |
/// | base form  | U+0001 | `\u{1}puhelinlasku` `\u{1}lasku` (the whole word and its head) |
/// | stem       | U+0002 | `\u{2}zyxel` for `Zyxelin` (only words Voikko does not know) |
/// | modifier   | U+0003 | `\u{3}puhelin` (a compound's parts before its head)          |
///
/// Query words look for surface forms, base forms and stems, never for modifiers: a compound is
/// about its head (`lasku` finds `puhelinlaskusta`, `puhelin` does not). A prefix query looks in
/// the modifier namespace too, so `puhelin*` and `lähde*` are how to find every compound a word
/// begins.
///
/// A document's base form equal to one of the word's surface terms (`lasku` for the word `lasku`,
/// `eu` for `EU:n`) is stored only as the surface term; query terms therefore carry every base
/// form in both namespaces (`laskuja` → `laskuja`, `\u{1}lasku`, `lasku`). This saves about a
/// fifth of all index terms on Finnish prose and cannot lose a match, since a surface string equal
/// to a base form is that base form.
///
/// One byte keeps terms compact, FTS5 stores any bytes as one token, a prefix query on a marked
/// term (`\u{1}lasku*`) stays inside its namespace, and no user input can produce a marker: the
/// segmenter never yields control characters, and the query layer quotes every term it builds.
/// An FTS5 tokenizer in query mode (`FTS5_TOKENIZE_QUERY`) must pass such terms through verbatim.
public enum TermNamespace: Sendable, Equatable, CaseIterable {
    /// The word as written, folded (`laskusta`).
    case surface
    /// Voikko base forms of the word and, for compounds, of its head (`lasku`) and of the compounds
    /// nested at its start (`kuukausi` in `kuukausimaksu`).
    case baseForm
    /// The Snowball stem of a word Voikko does not know (`elisalle` → `elis`).
    case stem
    /// The base forms of a compound's single parts before the head (`puhelin` in `puhelinlasku`),
    /// which only prefix queries reach.
    case modifier

    /// The marker character, nil for surface terms.
    public var marker: Unicode.Scalar? {
        switch self {
        case .surface: nil
        case .baseForm: "\u{1}"
        case .stem: "\u{2}"
        case .modifier: "\u{3}"
        }
    }

    /// The index term for folded text in this namespace.
    public func term(_ folded: String) -> String {
        guard let marker else { return folded }
        return String(marker) + folded
    }

    /// The namespace a term belongs to and its text without the marker.
    public static func split(_ term: String) -> (namespace: TermNamespace, text: Substring) {
        let text = Substring(term)
        switch text.unicodeScalars.first {
        case "\u{1}": return (.baseForm, text.dropFirst())
        case "\u{2}": return (.stem, text.dropFirst())
        case "\u{3}": return (.modifier, text.dropFirst())
        default: return (.surface, text)
        }
    }

    /// Whether UTF-8 term bytes start with a namespace marker (for an FTS5 tokenizer deciding to
    /// pass a query term through unchanged).
    public static func isMarked(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = utf8.first else { return false }
        return first == 0x01 || first == 0x02 || first == 0x03
    }
}
