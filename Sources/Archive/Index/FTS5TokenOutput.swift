import GRDB

/// What Arkisto's FTS5 tokenizers (``FinnishTokenizer``, ``SnowballTokenizer``) share: the text
/// FTS5 hands over as bytes, and the callback that takes each token back.
enum FTS5TokenOutput {
    /// SQLite's success code.
    static let ok: CInt = 0
    /// SQLite's generic error code.
    static let error: CInt = 1

    /// The text to tokenize as UTF-8 bytes; nil when there is none.
    static func text(_ pText: UnsafePointer<CChar>?, count nText: CInt) -> UnsafeBufferPointer<UInt8>? {
        guard let pText, nText > 0 else { return nil }
        return UnsafeBufferPointer(start: UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self), count: Int(nText))
    }

    /// Passes one token to FTS5: its bytes, whether it shares the previous token's position
    /// (FTS5_TOKEN_COLOCATED) and its byte range in the text. An empty term is skipped.
    static func emit(
        _ term: UnsafeBufferPointer<UInt8>, colocated: Bool, range: Range<Int>, context: UnsafeMutableRawPointer?,
        callback: FTS5TokenCallback
    ) -> CInt {
        guard let base = term.baseAddress, !term.isEmpty else { return ok }
        return base.withMemoryRebound(to: CChar.self, capacity: term.count) { pointer in
            callback(context, colocated ? colocatedFlag : 0, pointer, CInt(term.count), CInt(range.lowerBound), CInt(range.upperBound))
        }
    }

    /// The FTS5 flag for a token at the same position as the previous one.
    private static let colocatedFlag: CInt = 0x0001
}
