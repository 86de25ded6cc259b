import FileInput
/// Streams the tickets of a helpdesk export in JSON Lines form, one ticket object per line.
///
/// Each element is a ticket with its line number and raw bytes, or a ``RecordError`` for a line that
/// cannot be read (invalid JSON, no id, a bad time); reading goes on with the next line. Blank lines
/// are skipped. Memory stays flat however large the file; iterating again reads the file again.
public struct HelpdeskExportReader: Sequence, Sendable {
    public let path: String
    /// Where reading starts: where an earlier run stopped (the bytes before it are not read).
    public var start: FileStart = .beginning
    /// For an export still being appended to: a last line without its `\n` is not read, and not
    /// reported; a later run reads it whole.
    public var holdsIncompleteRecord = false
    private let file: ReadOnlyFile

    /// Opens the file; throws when it cannot be read or is plainly not JSON Lines.
    public init(path: String) throws(FormatFileError) {
        try self.init(file: ReadOnlyFile.opening(path))
    }

    /// Reads a file already open; throws when it is plainly not JSON Lines.
    public init(file: ReadOnlyFile) throws(FormatFileError) {
        self.file = file
        path = file.path
        try JSONLinesRecords<HelpdeskTicket>.checkFormat(of: file, expecting: "ticket")
    }

    public func makeIterator() -> Iterator {
        Iterator(records: JSONLinesRecords(
            file: file, start: start, holdsUnterminatedLine: holdsIncompleteRecord
        ) { json throws(RecordFailure) in
            try HelpdeskTicketDecoder.decode(json)
        })
    }

    public struct Iterator: IteratorProtocol, Sendable {
        fileprivate var records: JSONLinesRecords<HelpdeskTicket>

        public mutating func next() -> Result<SourceRecord<HelpdeskTicket>, RecordError>? {
            records.next()
        }
    }
}
