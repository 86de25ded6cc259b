/// A ZIP archive's table of contents, read from its central directory (PKWARE APPNOTE 6.3) with
/// every offset checked: hostile archives (truncated, lying sizes, overlapping or looping entries,
/// too many entries) give a ``ZipError``, never a trap. Entries are expanded on demand by
/// ``contents(of:budget:)``.
struct ZipArchive: Sendable {
    let bytes: [UInt8]
    /// In central-directory order.
    let entries: [ZipEntry]

    private static let endSignature = 0x0605_4B50
    private static let zip64EndSignature = 0x0606_4B50
    private static let zip64LocatorSignature = 0x0706_4B50
    private static let centralSignature = 0x0201_4B50
    private static let localSignature = 0x0403_4B50
    /// The end record's fixed part and the longest comment that may follow it.
    private static let endRecordSize = 22
    private static let maxCommentSize = 0xFFFF

    /// Reads the central directory, refusing archives with more than `maxEntries` entries before
    /// reading any of them.
    init(bytes: [UInt8], maxEntries: Int) throws(ZipError) {
        self.bytes = bytes
        let reader = ByteReader(bytes: bytes)
        let directory = try Self.findDirectory(reader)
        guard directory.entryCount <= maxEntries else {
            throw ZipError(.overLimit, "the archive declares \(directory.entryCount) entries, more than the limit of \(maxEntries)")
        }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(directory.entryCount)
        var offset = directory.offset
        let end = directory.offset + directory.size
        for index in 0..<directory.entryCount {
            let (entry, next) = try Self.readCentralEntry(reader, at: offset, end: end, index: index)
            entries.append(entry)
            offset = next
        }
        try Self.checkEntriesDoNotOverlap(entries, reader: reader, directoryStart: directory.offset)
        self.entries = entries
    }

    /// The first entry named `name`; nil when there is none.
    func entry(named name: String) -> ZipEntry? {
        entries.first { $0.name == name }
    }

    // MARK: - End of central directory

    private struct Directory {
        var entryCount: Int
        var offset: Int
        var size: Int
    }

    /// The end record is searched backwards over at most the longest comment, so a file without
    /// one costs 64 KiB of scanning, not its whole length.
    private static func findDirectory(_ reader: ByteReader) throws(ZipError) -> Directory {
        let count = reader.bytes.count
        guard count >= endRecordSize else { throw .malformed("the file is too short to be a ZIP archive (\(count) bytes)") }
        let lowest = max(0, count - endRecordSize - maxCommentSize)
        var candidate = count - endRecordSize
        while candidate >= lowest {
            if reader.uint32(at: candidate) == endSignature,
                let commentLength = reader.uint16(at: candidate + 20), candidate + endRecordSize + commentLength <= count {
                return try readEndRecord(reader, at: candidate)
            }
            candidate -= 1
        }
        throw .malformed("no end of central directory record: the archive is truncated or not a ZIP")
    }

    private static func readEndRecord(_ reader: ByteReader, at offset: Int) throws(ZipError) -> Directory {
        guard let disk = reader.uint16(at: offset + 4), let directoryDisk = reader.uint16(at: offset + 6),
            let entryCount = reader.uint16(at: offset + 10), let size = reader.uint32(at: offset + 12),
            let start = reader.uint32(at: offset + 16)
        else { throw .malformed("the end of central directory record is cut short") }
        // ZIP64 when a field is at its maximum and the ZIP64 locator precedes the record; without
        // the locator the 16- and 32-bit values are taken as they stand.
        if entryCount == 0xFFFF || size == 0xFFFF_FFFF || start == 0xFFFF_FFFF, reader.uint32(at: offset - 20) == zip64LocatorSignature {
            return try readZip64EndRecord(reader, locatorAt: offset - 20)
        }
        guard disk == 0, directoryDisk == 0 else { throw ZipError(.unsupported, "multi-volume archives are not read") }
        return try checked(Directory(entryCount: entryCount, offset: start, size: size), reader)
    }

    private static func readZip64EndRecord(_ reader: ByteReader, locatorAt locator: Int) throws(ZipError) -> Directory {
        guard reader.uint32(at: locator) == zip64LocatorSignature, let recordOffset = reader.uint64(at: locator + 8),
            reader.uint32(at: recordOffset) == zip64EndSignature,
            let entryCount = reader.uint64(at: recordOffset + 32), let size = reader.uint64(at: recordOffset + 40),
            let start = reader.uint64(at: recordOffset + 48)
        else { throw .malformed("the ZIP64 end of central directory record is missing or cut short") }
        return try checked(Directory(entryCount: entryCount, offset: start, size: size), reader)
    }

    private static func checked(_ directory: Directory, _ reader: ByteReader) throws(ZipError) -> Directory {
        guard reader.slice(at: directory.offset, count: directory.size) != nil else {
            throw .malformed("the central directory (\(directory.size) bytes at \(directory.offset)) lies outside the file")
        }
        // Each entry takes at least 46 bytes: a count the directory cannot hold is a lie.
        guard directory.entryCount <= directory.size / 46 else {
            throw .malformed("the archive declares \(directory.entryCount) entries but its central directory holds at most \(directory.size / 46)")
        }
        return directory
    }

    // MARK: - Central directory entries

    private static func readCentralEntry(_ reader: ByteReader, at offset: Int, end: Int, index: Int) throws(ZipError) -> (ZipEntry, next: Int) {
        guard reader.uint32(at: offset) == centralSignature, offset + 46 <= end,
            let flags = reader.uint16(at: offset + 8), let method = reader.uint16(at: offset + 10),
            let crc = reader.uint32(at: offset + 16), var compressedSize = reader.uint32(at: offset + 20),
            var declaredSize = reader.uint32(at: offset + 24), let nameLength = reader.uint16(at: offset + 28),
            let extraLength = reader.uint16(at: offset + 30), let commentLength = reader.uint16(at: offset + 32),
            var localOffset = reader.uint32(at: offset + 42)
        else { throw .malformed("central directory entry \(index + 1) is missing or cut short") }
        let next = offset + 46 + nameLength + extraLength + commentLength
        guard next <= end, let nameBytes = reader.slice(at: offset + 46, count: nameLength),
            let extra = reader.slice(at: offset + 46 + nameLength, count: extraLength)
        else { throw .malformed("central directory entry \(index + 1) runs past the central directory") }
        let name = flags & 0x800 != 0 ? String(decoding: nameBytes, as: UTF8.self) : CodePage437.decode(nameBytes)
        if compressedSize == 0xFFFF_FFFF || declaredSize == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF {
            // ZIP64: the extended information (header 0x0001) holds the fields set to all ones, in order.
            guard var field = zip64Field(in: extra) else {
                throw .malformed("entry \"\(name)\" needs ZIP64 sizes but has no ZIP64 extra field")
            }
            func take() throws(ZipError) -> Int {
                guard let value = ByteReader(bytes: Array(field.prefix(8))).uint64(at: 0) else {
                    throw .malformed("entry \"\(name)\" has a ZIP64 extra field cut short")
                }
                field = field.dropFirst(8)
                return value
            }
            if declaredSize == 0xFFFF_FFFF { declaredSize = try take() }
            if compressedSize == 0xFFFF_FFFF { compressedSize = try take() }
            if localOffset == 0xFFFF_FFFF { localOffset = try take() }
        }
        let entry = ZipEntry(name: name, flags: flags, method: method, crc32: UInt32(crc), compressedSize: compressedSize,
                             declaredSize: declaredSize, localHeaderOffset: localOffset)
        return (entry, next)
    }

    private static func zip64Field(in extra: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let reader = ByteReader(bytes: Array(extra))
        var offset = 0
        while let id = reader.uint16(at: offset), let length = reader.uint16(at: offset + 2) {
            guard let data = reader.slice(at: offset + 4, count: length) else { return nil }
            if id == 0x0001 { return data }
            offset += 4 + length
        }
        return nil
    }

    // MARK: - Entry data

    /// Where an entry's compressed data lies, checked against the file.
    func dataRange(of entry: ZipEntry) throws(ZipError) -> Range<Int> {
        try Self.dataRange(of: entry, reader: ByteReader(bytes: bytes))
    }

    private static func dataRange(of entry: ZipEntry, reader: ByteReader) throws(ZipError) -> Range<Int> {
        let header = entry.localHeaderOffset
        guard reader.uint32(at: header) == localSignature, let nameLength = reader.uint16(at: header + 26),
            let extraLength = reader.uint16(at: header + 28)
        else { throw .malformed("entry \"\(entry.name)\" has no local header at offset \(header)") }
        let start = header + 30 + nameLength + extraLength
        guard reader.slice(at: start, count: entry.compressedSize) != nil else {
            throw .malformed("entry \"\(entry.name)\" (\(entry.compressedSize) bytes at \(start)) runs past the end of the file")
        }
        return start..<(start + entry.compressedSize)
    }

    /// Entries whose data overlap (one compressed stream shared by many entries: the overlapping
    /// zip bomb) or run into the central directory are refused.
    private static func checkEntriesDoNotOverlap(_ entries: [ZipEntry], reader: ByteReader, directoryStart: Int) throws(ZipError) {
        var spans: [(range: Range<Int>, name: String)] = []
        spans.reserveCapacity(entries.count)
        for entry in entries where !(entry.isDirectory && entry.compressedSize == 0) {
            spans.append((entry.localHeaderOffset..<(try dataRange(of: entry, reader: reader).upperBound), entry.name))
        }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        for (earlier, later) in zip(spans, spans.dropFirst()) where earlier.range.overlaps(later.range) {
            throw .malformed("entries \"\(earlier.name)\" and \"\(later.name)\" overlap (a crafted archive)")
        }
        if let last = spans.last, last.range.upperBound > directoryStart {
            throw .malformed("entry \"\(last.name)\" runs into the central directory")
        }
    }
}
