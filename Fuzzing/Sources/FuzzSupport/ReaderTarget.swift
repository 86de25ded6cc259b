import Formats

extension ScratchFolder {
    /// Writes the input as `name` in this folder, opens it with `open` (a reader that refuses the
    /// whole file is fine) and reads every record to the end, as an importer does.
    public func readRecords<Reader: Sequence, Value>(
        _ bytes: [UInt8], as name: String, with open: (String) throws(FormatFileError) -> Reader
    ) where Reader.Element == Result<SourceRecord<Value>, RecordError> {
        guard let reader = try? open(write(bytes, as: name)) else { return }
        for record in reader {
            _ = record
        }
    }
}
