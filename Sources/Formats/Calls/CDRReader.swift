import FileInput
import Foundation

/// Streams the rows of an Asterisk `Master.csv` (cdr_csv): no header row, every field normally in
/// double quotes with `""` escapes, columns accountcode, src, dst, dcontext, clid, channel, dstchannel,
/// lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags, uniqueid, userfield.
///
/// Tolerated: unquoted fields, CRLF line ends, blank lines, line breaks inside a quoted field (the
/// row stays one record), a stray NUL byte (that row alone is a ``RecordError``), a missing userfield column (17 columns)
/// and up to three trailing columns that newer Asterisk versions can add (peeraccount, linkedid,
/// sequence), which are ignored. Any other column count, an unreadable time or a non-numeric duration
/// is a ``RecordError`` for that row; reading goes on with the next.
public struct CDRReader: Sequence, Sendable {
    public let path: String
    /// The PBX's time zone, in which the CSV's times are written.
    public let timeZone: TimeZone
    /// Where reading starts: where an earlier run stopped (the bytes before it are not read).
    public var start: FileStart = .beginning
    /// For a file the PBX is still appending to: a last row without its line end (or with a quoted
    /// field still open) is not read, and not reported; a later run reads it whole.
    public var holdsIncompleteRecord = false
    private let file: ReadOnlyFile

    /// The number of columns Asterisk writes with uniqueid and userfield logged.
    public static let columnCount = 18

    /// Opens the file; throws when it cannot be read or its first row is plainly not a CDR.
    public init(path: String, timeZone: TimeZone = Self.defaultTimeZone) throws(FormatFileError) {
        try self.init(file: ReadOnlyFile.opening(path), timeZone: timeZone)
    }

    /// Reads a file already open; throws when its first row is plainly not a CDR.
    public init(file: ReadOnlyFile, timeZone: TimeZone = Self.defaultTimeZone) throws(FormatFileError) {
        self.file = file
        path = file.path
        self.timeZone = timeZone
        try checkFormat()
    }

    /// One row's record from its exact bytes (as kept in ``SourceRecord/raw``: an archived original
    /// read again); nil when the bytes are not one readable CDR row.
    public static func record(fromRow raw: [UInt8], timeZone: TimeZone = defaultTimeZone) -> CallDetailRecord? {
        guard BinarySniff.nulReason(raw) == nil,
              case .fields(let fields) = CSVLine.split(raw, separator: UInt8(ascii: ","))
        else { return nil }
        return try? CDRRowDecoder.decode(fields, timeZone: timeZone)
    }

    /// Europe/Helsinki.
    public static var defaultTimeZone: TimeZone { TimeZone(identifier: "Europe/Helsinki") ?? .gmt }

    public func makeIterator() -> Iterator {
        var rows = CSVRecordReader(
            file: file, separator: UInt8(ascii: ","), allowsLineBreaksInFields: true, start: start,
            holdsIncompleteRecord: holdsIncompleteRecord)
        rows.acceptedFieldCounts = CDRRowDecoder.acceptedFieldCounts
        return Iterator(path: path, rows: rows, timeZone: timeZone)
    }

    /// Rejects files that are plainly not a CDR: binary data, text without commas, a header row.
    /// Anything else is judged row by row.
    private func checkFormat() throws(FormatFileError) {
        let start: [UInt8]
        switch file.bytes(at: 0, count: 4096) {
        case .success(let bytes): start = bytes
        case .failure(let error): throw FormatFileError(path: path, reason: error.description)
        }
        if let what = BinarySniff.nonText(start) { throw FormatFileError(path: path, reason: "not a CDR file: \(what)") }
        // Only a whole first row is judged: the PBX may be writing it (a file of one row without its
        // line end is then judged row by row).
        var rows = CSVRecordReader(
            file: file, separator: UInt8(ascii: ","), allowsLineBreaksInFields: false, holdsIncompleteRecord: true)
        guard let first = rows.next() else { return }
        guard let fields = first.fields else { return }
        if fields.count == 1 {
            throw FormatFileError(
                path: path,
                reason: "not an Asterisk Master.csv: the first row has no commas, expected \(Self.columnCount) fields")
        }
        let names = Set(fields.map { $0.trimmed.lowercased() })
        if names.contains("uniqueid") || (names.contains("src") && names.contains("dst")) {
            throw FormatFileError(
                path: path, reason: "the first row is a header; Asterisk's Master.csv has none (remove it)")
        }
    }

    public struct Iterator: IteratorProtocol, Sendable {
        fileprivate let path: String
        fileprivate var rows: CSVRecordReader
        fileprivate let timeZone: TimeZone

        public mutating func next() -> Result<SourceRecord<CallDetailRecord>, RecordError>? {
            guard let row = rows.next() else { return nil }
            func failure(_ reason: String) -> Result<SourceRecord<CallDetailRecord>, RecordError> {
                .failure(RecordError(
                    path: path, line: row.line, byteOffset: row.offset, raw: row.raw, reason: reason, after: row.after))
            }
            guard let fields = row.fields else { return failure(row.problem ?? "unreadable row") }
            if let reason = BinarySniff.nulReason(row.raw) { return failure(reason) }
            do {
                let record = try CDRRowDecoder.decode(fields, timeZone: timeZone)
                return .success(SourceRecord(
                    value: record, line: row.line, byteOffset: row.offset, raw: row.raw, after: row.after))
            } catch {
                return failure(error.reason)
            }
        }
    }
}

/// Builds a ``CallDetailRecord`` from the fields of one row.
enum CDRRowDecoder {
    /// 17 columns without userfield, 18 with it, up to three more from newer Asterisk versions.
    static let acceptedFieldCounts = 17...21

    static func decode(_ fields: [String], timeZone: TimeZone) throws(RecordFailure) -> CallDetailRecord {
        guard acceptedFieldCounts.contains(fields.count) else {
            throw RecordFailure("\(fields.count) fields, expected \(CDRReader.columnCount)")
        }
        let callerID = fields[4].trimmed
        let parsedCallerID = CallerID(parsing: callerID)
        let uniqueID = fields[16].trimmed
        guard !uniqueID.isEmpty else { throw RecordFailure("missing uniqueid") }
        return CallDetailRecord(
            accountCode: fields[0].trimmed,
            source: fields[1].trimmed,
            destination: fields[2].trimmed,
            context: fields[3].trimmed,
            callerID: callerID,
            callerName: parsedCallerID.name,
            callerNumber: parsedCallerID.number,
            channel: fields[5].trimmed,
            destinationChannel: fields[6].trimmed,
            lastApplication: fields[7].trimmed,
            lastData: fields[8].trimmed,
            start: try time(fields[9], "start", timeZone),
            answer: try time(fields[10], "answer", timeZone),
            end: try time(fields[11], "end", timeZone),
            duration: try seconds(fields[12], "duration"),
            billableSeconds: try seconds(fields[13], "billsec"),
            disposition: fields[14].trimmed,
            amaFlags: fields[15].trimmed,
            uniqueID: uniqueID,
            userField: fields.count > 17 ? fields[17].trimmed : "")
    }

    /// nil for an empty field (an unanswered call has no answer time).
    private static func time(_ field: String, _ name: String, _ timeZone: TimeZone) throws(RecordFailure) -> Date? {
        let text = field.trimmed
        if text.isEmpty { return nil }
        guard let date = PBXLocalTime.parse(text, in: timeZone) else {
            throw RecordFailure("\(name): not a time 'YYYY-MM-DD HH:MM:SS': \(RecordFailure.quoted(text))")
        }
        return date
    }

    /// The longest call a CDR may record: about 31 years, far beyond any real call, and small enough
    /// for every later use of the value (minutes and seconds, 32-bit formats) to stay in range.
    static let maxSeconds = 1_000_000_000

    /// 0 for an empty field.
    private static func seconds(_ field: String, _ name: String) throws(RecordFailure) -> Int {
        let text = field.trimmed
        if text.isEmpty { return 0 }
        let isDigits = text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        guard let value = Int(text), value >= 0 else {
            if isDigits { throw outOfRange() }  // more digits than an Int holds
            throw RecordFailure("\(name): not a number of seconds: \(RecordFailure.quoted(text))")
        }
        guard value <= maxSeconds else { throw outOfRange() }
        return value

        func outOfRange() -> RecordFailure {
            RecordFailure("\(name): out of range (at most \(maxSeconds) seconds): \(RecordFailure.quoted(text))")
        }
    }
}
