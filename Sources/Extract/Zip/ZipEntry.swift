/// One entry of a ZIP archive's central directory, as declared (sizes are claims the reader
/// checks, never trusts).
struct ZipEntry: Sendable, Equatable {
    /// The path inside the archive (`word/document.xml`, `kuvat/sivu1.png`).
    var name: String
    /// The general-purpose flags (bit 0: encrypted, bit 11: the name is UTF-8).
    var flags: Int
    /// 0 stored, 8 deflate; others are not read.
    var method: Int
    var crc32: UInt32
    var compressedSize: Int
    var declaredSize: Int
    /// Where the entry's local header starts.
    var localHeaderOffset: Int

    var isDirectory: Bool { name.hasSuffix("/") }
    /// Traditional encryption (flag bit 0), or WinZip AES (method 99).
    var isEncrypted: Bool { flags & 1 != 0 || method == 99 }
}
