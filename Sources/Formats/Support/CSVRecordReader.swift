import FileInput
/// Reads CSV records from a file: one record per line, or, when `allowsLineBreaksInFields`, a record
/// whose quoted field holds line breaks spans several lines. Blank lines are skipped.
///
/// A quoted field left open is given up after `maxRecordLines` lines, at the end of the file, or when
/// the joined lines do not give a field count in `acceptedFieldCounts` (a stray quote closed by the quotes of a
/// later row): the first line is reported as a problem and the lines after it are read again as
/// records of their own, so one stray quote costs one record.
///
/// A reader that `holdsIncompleteRecord` reads a file another program is still appending to: a last
/// line without its `\n`, or a quoted field still open at the end of the file, is a record being
/// written; reading stops before it and a later run reads it whole.
struct CSVRecordReader: Sendable {
    struct Row: Sendable {
        /// nil when the row cannot be read; then `problem` says why.
        var fields: [String]?
        var problem: String?
        var line: Int
        var offset: Int64
        var raw: [UInt8]
        /// Where reading continues after the row.
        var after: FileStart
    }

    var separator: UInt8
    /// The numbers of fields a record spanning several lines may have (a header's column count, the
    /// column counts of a CDR).
    var acceptedFieldCounts: ClosedRange<Int>?
    private var lines: LineReader
    private let allowsLineBreaksInFields: Bool
    private let maxRecordLines: Int
    /// Lines read ahead for a quoted field that was never closed, to be read again.
    private var pending: [LineReader.Line] = []
    private var deferredProblem: Row?
    private var lastEnd: FileStart
    private var finished = false
    private let holdsIncompleteRecord: Bool

    init(
        file: ReadOnlyFile, separator: UInt8, allowsLineBreaksInFields: Bool, maxRecordLines: Int = 100,
        start: FileStart = .beginning, holdsIncompleteRecord: Bool = false
    ) {
        lines = LineReader(file: file, start: start, holdsUnterminatedLine: holdsIncompleteRecord, maxLineBytes: 16 << 20)
        lastEnd = start
        self.holdsIncompleteRecord = holdsIncompleteRecord
        self.separator = separator
        self.allowsLineBreaksInFields = allowsLineBreaksInFields
        self.maxRecordLines = max(maxRecordLines, 1)
    }

    /// The next row, or nil at the end of the file.
    mutating func next() -> Row? {
        while true {
            guard let first = pull() else { return nil }
            if let problem = first.problem { return problem }
            guard let line = first.line else { return nil }
            if line.isCut {
                return Row(
                    fields: nil, problem: "line longer than \(line.bytes.count) bytes", line: line.number,
                    offset: line.offset, raw: Array(line.bytes.prefix(ASCII.maxRawInError)), after: line.after)
            }
            if line.bytes.allSatisfy(ASCII.isWhitespace) { continue }
            return row(startingWith: line)
        }
    }

    /// The row starting with `first`; nil when the file ends inside it and the reader holds such a
    /// record for later.
    private mutating func row(startingWith first: LineReader.Line) -> Row? {
        var raw = first.bytes
        var continuation: [LineReader.Line] = []
        var previousTerminator = first.terminator
        while true {
            if case .fields(let fields) = CSVLine.split(raw, separator: separator) {
                if continuation.isEmpty || acceptedFieldCounts?.contains(fields.count) ?? true {
                    let last = continuation.last ?? first
                    return Row(
                        fields: fields, problem: nil, line: first.number, offset: first.offset, raw: raw, after: last.after)
                }
                break
            }
            guard allowsLineBreaksInFields, continuation.count + 1 < maxRecordLines, !previousTerminator.isEmpty
            else { break }
            guard let next = pull() else {
                if holdsIncompleteRecord {
                    finished = true
                    pending.removeAll()
                    return nil
                }
                break
            }
            guard let line = next.line, !line.isCut else {
                // Give it back: a cut line or a read error is reported after the lines before it.
                if let line = next.line { continuation.append(line) }
                deferredProblem = next.problem
                break
            }
            continuation.append(line)
            raw += previousTerminator
            raw += line.bytes
            previousTerminator = line.terminator
        }
        pending.insert(contentsOf: continuation, at: 0)
        return Row(
            fields: nil, problem: "a quoted field is not closed (a stray '\"'?)", line: first.number,
            offset: first.offset, raw: first.bytes, after: first.after)
    }

    private mutating func pull() -> (line: LineReader.Line?, problem: Row?)? {
        if !pending.isEmpty { return (pending.removeFirst(), nil) }
        if let problem = deferredProblem {
            deferredProblem = nil
            return (nil, problem)
        }
        guard !finished else { return nil }
        switch lines.nextLine() {
        case nil:
            finished = true
            return nil
        case .failure(let error):
            finished = true
            return (nil, Row(
                fields: nil, problem: "read error: \(error)", line: lastEnd.linesBefore + 1, offset: 0, raw: [],
                after: lastEnd))
        case .success(let line):
            lastEnd = line.after
            return (line, nil)
        }
    }
}

extension LineReader.Line {
    /// Where reading continues after the line.
    var after: FileStart { FileStart(offset: end, linesBefore: number) }
}
