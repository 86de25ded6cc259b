import FileInput
/// How a customer list file is written.
public enum CustomerListFormat: Sendable, Equatable {
    /// One JSON object per line.
    case jsonLines
    /// A header row, then one customer per row, fields separated by `separator` (`,`, `;` or tab).
    case csv(separator: Character)
}

/// Streams a customer list, JSON Lines or CSV, recognised by content: a file whose first non-blank
/// character is `{` is JSON Lines, anything else CSV.
///
/// CSV files start with a header row naming the columns. Recognised names (case, spaces, `_`, `-` and
/// `.` ignored; ä/ö may be written a/o):
/// - id: `id`, `customer_id`, `asiakas_id`, `tunniste` (without one, the customer number is the id)
/// - kind: `kind`, `type`, `tyyppi`, `asiakastyyppi` (without one, see ``CustomerRecord/kind``)
/// - name: `name`, `nimi`, `asiakkaan nimi`, `yrityksen nimi`, or `etunimi` + `sukunimi`
///   (`first_name` + `last_name`)
/// - emails: `emails`, `email`, `e-mail`, `sähköposti`, `sähköpostiosoite`
/// - phones: `phones`, `phone`, `mobile`, `puhelin`, `puhelinnumero`, `puh`, `matkapuhelin`
///   (several columns are all read)
/// - `customer_number`, `asiakasnumero`; `business_id`, `y-tunnus`; `personal_id`, `henkilötunnus`,
///   `hetu`; `address`, `osoite` (+ `postinumero`, `postitoimipaikka` / `postal_code`, `city`);
///   `marketing_consent`, `markkinointilupa` (yes/no, true/false, 1/0, kyllä/ei).
///
/// The separator is whichever of `;`, `,` and tab the header uses most,
/// or the one an Excel `sep=;` line names. They are UTF-8 with or without a byte order mark (bytes that
/// are not UTF-8 are read as Windows-1252); quoted fields may hold separators, `""` and line breaks.
/// Several e-mail addresses or phone numbers in one field are separated by `,` `;` or `|` (e-mail
/// addresses also by spaces). Columns not recognised are ignored.
///
/// Each element is a customer with its line, or a ``RecordError`` (invalid JSON, a row with the wrong
/// number of fields, no id, an unknown kind); reading goes on with the next record.
public struct CustomerListReader: Sequence, Sendable {
    public let path: String
    public let format: CustomerListFormat
    private let file: ReadOnlyFile
    private let layout: CSVLayout?

    /// Opens the file and reads a CSV header; throws when the file cannot be read, is UTF-16 or
    /// binary, or a CSV header names no id or customer number column.
    public init(path: String) throws(FormatFileError) {
        file = try ReadOnlyFile.opening(path)
        self.path = path
        let start: [UInt8]
        switch file.bytes(at: 0, count: 64 << 10) {
        case .success(let bytes): start = bytes
        case .failure(let error): throw FormatFileError(path: path, reason: error.description)
        }
        if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) {
            throw FormatFileError(path: path, reason: "UTF-16 text; save the list as UTF-8")
        }
        if let what = BinarySniff.nonText(start) { throw FormatFileError(path: path, reason: "\(what), not a customer list") }
        let body = start.starts(with: [0xEF, 0xBB, 0xBF]) ? start.dropFirst(3) : start[...]
        switch body.first(where: { !ASCII.isWhitespace($0) }) {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try JSONLinesRecords<CustomerRecord>.checkFormat(of: file, expecting: "customer")
            format = .jsonLines
            layout = nil
        case nil:
            format = .jsonLines  // empty: no records either way
            layout = nil
        default:
            let layout = try CSVLayout(file: file)
            self.layout = layout
            format = .csv(separator: Character(UnicodeScalar(layout.separator)))
        }
    }

    public func makeIterator() -> Iterator {
        if let layout {
            var rows = CSVRecordReader(file: file, separator: layout.separator, allowsLineBreaksInFields: true)
            rows.acceptedFieldCounts = layout.columns.count...layout.columns.count
            return Iterator(path: path, jsonLines: nil, csv: CSVCustomerRows(path: path, layout: layout, rows: rows))
        }
        let records = JSONLinesRecords(file: file) { json throws(RecordFailure) in
            try CustomerJSONDecoder.decode(json)
        }
        return Iterator(path: path, jsonLines: records, csv: nil)
    }

    public struct Iterator: IteratorProtocol, Sendable {
        fileprivate let path: String
        // Exactly one is set. Mutated in place through optional chaining, so buffers are never copied.
        fileprivate var jsonLines: JSONLinesRecords<CustomerRecord>?
        fileprivate var csv: CSVCustomerRows?

        /// A record holding a NUL byte (a stray one in a text file) is a ``RecordError`` of its own.
        public mutating func next() -> Result<SourceRecord<CustomerRecord>, RecordError>? {
            let next = jsonLines != nil ? jsonLines?.next() : csv?.next()
            guard case .success(let record)? = next, let reason = BinarySniff.nulReason(record.raw) else { return next }
            return .failure(RecordError(
                path: path, line: record.line, byteOffset: record.byteOffset, raw: record.raw, reason: reason))
        }
    }
}

/// The separator and column meanings of a CSV customer list, read from its header.
struct CSVLayout: Sendable {
    var separator: UInt8
    /// The line of the header row; rows up to it are not customers.
    var headerLine: Int
    /// What each column holds; nil for columns not recognised.
    var columns: [CustomerField?]

    init(file: ReadOnlyFile) throws(FormatFileError) {
        // The first non-blank line decides the separator, unless it is Excel's `sep=X` hint.
        var lines = LineReader(file: file, maxLineBytes: 1 << 20)
        var separator = UInt8(ascii: ",")
        var hintLine = 0
        while let next = lines.nextLine() {
            guard case .success(let line) = next else {
                throw FormatFileError(path: file.path, reason: "cannot read the header row")
            }
            if line.bytes.allSatisfy(ASCII.isWhitespace) { continue }
            let text = String(decoding: line.bytes, as: UTF8.self).trimmed
            if text.lowercased().hasPrefix("sep="), text.utf8.count == 5, let hinted = text.utf8.last {
                separator = hinted
                hintLine = line.number
            } else {
                separator = CSVLine.detectSeparator(line.bytes)
            }
            break
        }
        var rows = CSVRecordReader(file: file, separator: separator, allowsLineBreaksInFields: true)
        var header: CSVRecordReader.Row?
        while let row = rows.next() {
            if row.line > hintLine {
                header = row
                break
            }
        }
        guard let header, let names = header.fields else {
            throw FormatFileError(path: file.path, reason: "no readable header row")
        }
        self.separator = separator
        headerLine = header.line
        columns = names.map { CustomerField(columnName: $0) }
        guard columns.contains(.id) || columns.contains(.customerNumber) else {
            let found = names.map { "'\($0.trimmed)'" }.joined(separator: ", ")
            throw FormatFileError(
                path: file.path,
                reason: "the header row names no id or customer number column (found \(found)); "
                    + "expected e.g. id, name, emails, phones, customer_number or asiakasnumero")
        }
    }
}

/// The customers of a CSV list, row by row after the header.
struct CSVCustomerRows: Sendable {
    let path: String
    let layout: CSVLayout
    var rows: CSVRecordReader

    mutating func next() -> Result<SourceRecord<CustomerRecord>, RecordError>? {
        while let row = rows.next() {
            if row.line <= layout.headerLine && row.fields != nil { continue }
            func failure(_ reason: String) -> Result<SourceRecord<CustomerRecord>, RecordError> {
                .failure(RecordError(path: path, line: row.line, byteOffset: row.offset, raw: row.raw, reason: reason))
            }
            guard let fields = row.fields else { return failure(row.problem ?? "unreadable row") }
            let columnCount = layout.columns.count
            if fields.count < columnCount
                || (fields.count > columnCount && fields[columnCount...].contains { !$0.trimmed.isEmpty })
            {
                return failure("\(fields.count) fields, the header has \(columnCount)")
            }
            var values: [CustomerField: [String]] = [:]
            for (field, text) in zip(layout.columns, fields) {
                if let field { values[field, default: []].append(text) }
            }
            do {
                let record = try CustomerRecordBuilder.build(values)
                return .success(SourceRecord(value: record, line: row.line, byteOffset: row.offset, raw: row.raw))
            } catch {
                return failure(error.reason)
            }
        }
        return nil
    }
}
