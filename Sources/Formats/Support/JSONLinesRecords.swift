import FileInput
/// Checks that a file is JSON Lines and walks its records: one JSON value per line, blank lines
/// skipped (they hold no record), each line parsed and decoded on its own so that one bad line
/// costs only itself.
struct JSONLinesRecords<Value: Sendable>: IteratorProtocol, Sendable {
    typealias Decode = @Sendable (JSONValue) throws(RecordFailure) -> Value

    private let path: String
    private var lines: LineReader
    private let decode: Decode
    private var finished = false
    /// Where the last line read ends.
    private var lastEnd: FileStart

    /// `holdsUnterminatedLine`: a last line without its `\n` is still being written and not read.
    init(file: ReadOnlyFile, start: FileStart = .beginning, holdsUnterminatedLine: Bool = false, decode: @escaping Decode) {
        path = file.path
        lines = LineReader(file: file, start: start, holdsUnterminatedLine: holdsUnterminatedLine)
        lastEnd = start
        self.decode = decode
    }

    /// Throws when the file plainly is not JSON Lines (a JSON array, CSV, binary). An empty file is fine.
    static func checkFormat(of file: ReadOnlyFile, expecting what: String) throws(FormatFileError) {
        let start: [UInt8]
        switch file.bytes(at: 0, count: 4096) {
        case .success(let bytes): start = bytes
        case .failure(let error): throw FormatFileError(path: file.path, reason: error.description)
        }
        var body = start[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let first = body.first(where: { !ASCII.isWhitespace($0) }) else { return }
        switch first {
        case UInt8(ascii: "{"): return
        case UInt8(ascii: "["):
            throw FormatFileError(
                path: file.path,
                reason: "a JSON array, not JSON Lines (one \(what) object per line); convert it with `jq -c '.[]'`")
        default:
            throw FormatFileError(
                path: file.path, reason: "not JSON Lines: expected one \(what) object per line, starting with '{'")
        }
    }

    mutating func next() -> Result<SourceRecord<Value>, RecordError>? {
        guard !finished else { return nil }
        while true {
            switch lines.nextLine() {
            case nil:
                finished = true
                return nil
            case .failure(let error):
                finished = true
                let reason = "read error: \(error)"
                return .failure(RecordError(
                    path: path, line: lastEnd.linesBefore + 1, byteOffset: 0, raw: [], reason: reason, after: lastEnd))
            case .success(let line):
                lastEnd = FileStart(offset: line.end, linesBefore: line.number)
                if line.bytes.allSatisfy(ASCII.isWhitespace) { continue }
                return .some(record(from: line))
            }
        }
    }

    private func record(from line: LineReader.Line) -> Result<SourceRecord<Value>, RecordError> {
        func failure(_ reason: String) -> Result<SourceRecord<Value>, RecordError> {
            .failure(
                RecordError(
                    path: path, line: line.number, byteOffset: line.offset,
                    raw: Array(line.bytes.prefix(ASCII.maxRawInError)), reason: reason, after: lastEnd))
        }
        if line.isCut { return failure("line longer than \(line.bytes.count) bytes") }
        let json: JSONValue
        do {
            json = try JSONParser.parse(line.bytes)
        } catch {
            return failure(error.description)
        }
        do {
            let value = try decode(json)
            return .success(SourceRecord(
                value: value, line: line.number, byteOffset: line.offset, raw: line.bytes, after: lastEnd))
        } catch {
            return failure(error.reason)
        }
    }
}

/// Byte classes shared by the readers.
enum ASCII {
    /// How much of an over-long record a ``RecordError`` keeps.
    static let maxRawInError = 64 << 10

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }
}
