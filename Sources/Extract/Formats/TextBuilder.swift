/// Text being read out of a document, capped at a byte limit: past it, appending stops and
/// ``isFull`` says so (the reader reports `output_too_large` and keeps what fitted).
struct TextBuilder {
    let maxBytes: Int
    private(set) var text = ""
    private(set) var isFull = false

    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    mutating func append(_ piece: some StringProtocol) {
        guard !isFull, !piece.isEmpty else { return }
        let room = maxBytes - text.utf8.count
        if piece.utf8.count <= room {
            text += piece
        } else {
            // Cut at a character boundary inside the room left.
            var kept = Substring(piece)
            while kept.utf8.count > room, !kept.isEmpty { kept = kept.dropLast(max(1, (kept.utf8.count - room) / 4)) }
            text += kept
            isFull = true
        }
    }

    /// Ends the current line, unless the text is empty or already ends one.
    mutating func endLine() {
        guard let last = text.last, last != "\n" else { return }
        append("\n")
    }

    /// Separates a cell or a tab stop from the next.
    mutating func tab() {
        guard let last = text.last, last != "\n", last != "\t" else { return }
        append("\t")
    }
}
