/// Tells a text file with a stray NUL byte (one careless record, to be quarantined on its own)
/// from a file that is not text at all (to be refused as a whole), by its first bytes.
enum BinarySniff {
    /// What the file is instead of text, or nil when its first bytes read as text: a workbook, or
    /// bytes of which more than a tenth are NUL (binary data, UTF-16 without a byte order mark).
    static func nonText(_ start: some Collection<UInt8>) -> String? {
        if start.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "a ZIP archive or Excel workbook; save the sheet as CSV" }
        if start.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "an Excel 97 workbook; save the sheet as CSV" }
        let nulls = start.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        return nulls * 10 > start.count ? "binary data" : nil
    }

    /// The reason for a record holding a NUL byte, or nil when it holds none.
    static func nulReason(_ raw: [UInt8]) -> String? {
        guard let index = raw.firstIndex(of: 0) else { return nil }
        return "a NUL byte at column \(index + 1) (binary data in the record)"
    }
}
