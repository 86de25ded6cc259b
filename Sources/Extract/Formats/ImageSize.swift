/// An image's width and height in pixels, read from its header without decoding the pixels:
/// PNG's IHDR, JPEG's start-of-frame marker, GIF's logical screen, BMP's info header, TIFF's first
/// image file directory, WebP's VP8, VP8L or VP8X chunk. Nil when the header is missing or damaged.
struct ImageSize: Sendable, Equatable {
    var width: Int
    var height: Int

    var pixels: Int { width.multipliedReportingOverflow(by: height).overflow ? .max : width * height }

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    init?(of bytes: [UInt8], kind: AttachmentFormat.ImageKind) {
        let header = HeaderBytes(bytes)
        let size: (Int, Int)?
        switch kind {
        case .png: size = Self.png(header)
        case .jpeg: size = Self.jpeg(header)
        case .gif: size = header.little16(6).flatMap { w in header.little16(8).map { (w, $0) } }
        case .bmp: size = Self.bmp(header)
        case .tiff: size = Self.tiff(header)
        case .webp: size = Self.webp(header)
        }
        guard let (width, height) = size, width > 0, height > 0 else { return nil }
        self.init(width: width, height: height)
    }

    private static func png(_ header: HeaderBytes) -> (Int, Int)? {
        guard header.matches(12, "IHDR"), let width = header.big32(16), let height = header.big32(20) else { return nil }
        return (width, height)
    }

    /// Walks the markers to the first start-of-frame (SOF0...SOF15 but DHT, JPG and DAC).
    private static func jpeg(_ header: HeaderBytes) -> (Int, Int)? {
        var offset = 2
        while let byte = header.byte(offset) {
            guard byte == 0xFF else { return nil }
            guard let marker = header.byte(offset + 1) else { return nil }
            if marker == 0xFF {
                offset += 1  // fill byte
                continue
            }
            if marker == 0x01 || (0xD0...0xD8).contains(marker) {
                offset += 2  // markers without a length
                continue
            }
            guard marker != 0xD9, marker != 0xDA, let length = header.big16(offset + 2), length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard let height = header.big16(offset + 5), let width = header.big16(offset + 7) else { return nil }
                return (width, height)
            }
            offset += 2 + length
        }
        return nil
    }

    private static func bmp(_ header: HeaderBytes) -> (Int, Int)? {
        guard let infoSize = header.little32(14) else { return nil }
        if infoSize == 12 {
            guard let width = header.little16(18), let height = header.little16(20) else { return nil }
            return (width, height)
        }
        guard infoSize >= 40, let width = header.little32(18), let height = header.little32(22) else { return nil }
        // Signed: a negative height is a top-down bitmap.
        return (Int(Int32(truncatingIfNeeded: width)), abs(Int(Int32(truncatingIfNeeded: height))))
    }

    private static func tiff(_ header: HeaderBytes) -> (Int, Int)? {
        let little = header.byte(0) == 0x49
        func u16(_ at: Int) -> Int? { little ? header.little16(at) : header.big16(at) }
        func u32(_ at: Int) -> Int? { little ? header.little32(at) : header.big32(at) }
        guard let directory = u32(4), let entries = u16(directory), entries > 0 else { return nil }
        var width: Int?
        var height: Int?
        for index in 0..<min(entries, 4096) {
            let entry = directory + 2 + 12 * index
            guard let tag = u16(entry), let type = u16(entry + 2) else { return nil }
            // SHORT (3) values sit in the first two bytes of the value field, LONG (4) fill it.
            let value = type == 3 ? u16(entry + 8) : type == 4 ? u32(entry + 8) : nil
            if tag == 256 { width = value }
            if tag == 257 { height = value }
            if let width, let height { return (width, height) }
        }
        return nil
    }

    private static func webp(_ header: HeaderBytes) -> (Int, Int)? {
        if header.matches(12, "VP8 ") {
            // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height.
            guard header.byte(23) == 0x9D, header.byte(24) == 0x01, header.byte(25) == 0x2A,
                let width = header.little16(26), let height = header.little16(28)
            else { return nil }
            return (width & 0x3FFF, height & 0x3FFF)
        }
        if header.matches(12, "VP8L") {
            guard header.byte(20) == 0x2F, let bits = header.little32(21) else { return nil }
            return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        }
        if header.matches(12, "VP8X") {
            guard let width = header.little24(24), let height = header.little24(27) else { return nil }
            return (width + 1, height + 1)
        }
        return nil
    }
}

/// Bounds-checked reads of a file's first bytes.
private struct HeaderBytes {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func byte(_ at: Int) -> UInt8? { at >= 0 && at < bytes.count ? bytes[at] : nil }

    func matches(_ at: Int, _ text: String) -> Bool {
        let expected = Array(text.utf8)
        return at + expected.count <= bytes.count && Array(bytes[at..<at + expected.count]) == expected
    }

    private func value(_ at: Int, _ count: Int, bigEndian: Bool) -> Int? {
        guard at >= 0, at + count <= bytes.count else { return nil }
        let slice = bytes[at..<at + count]
        let ordered = bigEndian ? Array(slice) : slice.reversed()
        return ordered.reduce(0) { $0 << 8 | Int($1) }
    }

    func big16(_ at: Int) -> Int? { value(at, 2, bigEndian: true) }
    func big32(_ at: Int) -> Int? { value(at, 4, bigEndian: true) }
    func little16(_ at: Int) -> Int? { value(at, 2, bigEndian: false) }
    func little24(_ at: Int) -> Int? { value(at, 3, bigEndian: false) }
    func little32(_ at: Int) -> Int? { value(at, 4, bigEndian: false) }
}
