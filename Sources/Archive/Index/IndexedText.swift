import FinnishText

/// The full-text index columns of one interaction, analysed ahead of the writer: one
/// ``TokenStream`` per column of `interaction_fts`, made from exactly the texts the writer stores.
public struct IndexedText: Sendable, Hashable {
    public var subject: TokenStream
    public var body: TokenStream
    public var participants: TokenStream
    public var attachmentText: TokenStream
}

extension NewInteraction {
    /// Analyses the interaction's index columns now (on the caller's thread, with the caller's
    /// analyzer), so that writing it only replays the tokens. The texts are the ones the writer
    /// stores (``participantsText``, ``attachmentText``); changing any of them afterwards drops the
    /// prepared streams, and an archive whose tokenizer is not `finnish` ignores them.
    public mutating func prepareIndexedText(using analyzer: FinnishAnalyzer) {
        indexedText = IndexedText(
            subject: TokenStream(analyzing: subject, using: analyzer),
            body: TokenStream(analyzing: body, using: analyzer),
            participants: TokenStream(analyzing: participantsText, using: analyzer),
            attachmentText: TokenStream(analyzing: attachmentText, using: analyzer))
    }
}
