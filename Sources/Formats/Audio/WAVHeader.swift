import FileInput
/// Reads the header of a RIFF/WAVE file (also RF64): the `fmt ` chunk and the size of the `data`
/// chunk, skipping any other chunks (`LIST`, `fact`, `bext`, `JUNK`, ...). The audio itself is not read.
public enum WAVHeader {
    /// Reads only the header bytes of the file at `path`, chunk by chunk.
    public static func read(path: String) throws(WAVError) -> WAVInfo {
        let file: ReadOnlyFile
        do {
            file = try ReadOnlyFile.opening(path)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        let size: Int64
        switch file.size() {
        case .success(let value): size = value
        case .failure(let error): throw .unreadable(path: path, reason: error.description)
        }
        var reader = ChunkSource(size: size) { offset, count in
            switch file.bytes(at: offset, count: count) {
            case .success(let bytes): .success(bytes)
            case .failure(let error): .failure(.unreadable(path: path, reason: error.description))
            }
        }
        return try parse(&reader)
    }

    /// Reads the header from the bytes of a file.
    ///
    /// - Parameters:
    ///   - bytes: the whole file, or its beginning up to at least the `data` chunk's header.
    ///   - fileSize: the size of the whole file when `bytes` is only its beginning; the `data` chunk's
    ///     size is checked against it. Without it, `bytes` is taken to be the whole file, and a prefix
    ///     shorter than the declared data is reported as truncated.
    public static func parse(_ bytes: [UInt8], fileSize: Int? = nil) throws(WAVError) -> WAVInfo {
        var reader = ChunkSource(size: Int64(max(fileSize ?? bytes.count, bytes.count))) { offset, count in
            let start = Int(min(offset, Int64(bytes.count)))
            return .success(Array(bytes[start..<min(start + count, bytes.count)]))
        }
        return try parse(&reader)
    }

    /// The largest `fmt ` chunk read (an extensible one is 40 bytes; anything far larger is not a format).
    private static let maxFormatChunkBytes = 1 << 16

    private static func parse(_ source: inout ChunkSource) throws(WAVError) -> WAVInfo {
        let riff = try source.bytes(at: 0, count: 12)
        guard riff.count == 12 else {
            if riff.isEmpty { throw .notWAV("the file is empty") }
            throw .notWAV("only \(riff.count) bytes")
        }
        let magic = String(decoding: riff[0..<4], as: UTF8.self)
        guard magic == "RIFF" || magic == "RF64" else {
            throw .notWAV("starts with \(printable(riff[0..<4])), not RIFF")
        }
        guard riff[8..<12].elementsEqual("WAVE".utf8) else {
            throw .notWAV("a RIFF file of type \(printable(riff[8..<12])), not WAVE")
        }
        var format: FormatChunk?
        var factSamples: Int?
        var ds64DataBytes: Int64?
        var offset: Int64 = 12
        while true {
            let header = try source.bytes(at: offset, count: 8)
            guard header.count == 8 else {
                throw .truncated(format == nil ? "no 'fmt ' chunk before the end" : "no 'data' chunk before the end")
            }
            let id = String(decoding: header[0..<4], as: UTF8.self)
            let declared = Int64(littleEndian32(header, 4))
            let bodyOffset = offset + 8
            switch id {
            case "fmt ":
                guard declared >= 16 else { throw .invalid("'fmt ' chunk of \(declared) bytes, at least 16 needed") }
                guard declared <= maxFormatChunkBytes else { throw .invalid("'fmt ' chunk of \(declared) bytes") }
                let body = try source.bytes(at: bodyOffset, count: Int(declared))
                guard body.count == Int(declared) else { throw .truncated("inside the 'fmt ' chunk") }
                format = try FormatChunk(body)
            case "fact":
                let body = try source.bytes(at: bodyOffset, count: 4)
                if body.count == 4 { factSamples = Int(littleEndian32(body, 0)) }
            case "ds64":
                let body = try source.bytes(at: bodyOffset, count: 16)
                guard body.count == 16 else { throw .truncated("inside the 'ds64' chunk") }
                ds64DataBytes = Int64(littleEndian32(body, 8)) | Int64(littleEndian32(body, 12)) << 32
            case "data":
                guard let format else { throw .invalid("'data' chunk before the 'fmt ' chunk") }
                let available = max(source.size - bodyOffset, 0)
                var dataBytes = declared
                if declared == 0xFFFF_FFFF {
                    // RF64 keeps the real size in ds64; a recorder that never finished writes all ones.
                    dataBytes = ds64DataBytes ?? available
                }
                guard dataBytes >= 0 else { throw .invalid("'ds64' data size \(dataBytes) is negative") }
                guard dataBytes <= available else {
                    throw .truncated("the 'data' chunk declares \(dataBytes) bytes, the file holds \(available)")
                }
                return try info(format: format, dataBytes: dataBytes, factSamples: factSamples)
            default:
                break
            }
            offset = try source.nextChunkOffset(after: bodyOffset, declaredSize: declared)
        }
    }

    private static func info(format: FormatChunk, dataBytes: Int64, factSamples: Int?) throws(WAVError) -> WAVInfo {
        let duration: Double
        if WAVFormatTag.uncompressed.contains(format.tag) {
            guard dataBytes % Int64(format.blockAlign) == 0 else {
                throw .invalid("\(dataBytes) data bytes are not whole frames of \(format.blockAlign) bytes")
            }
            duration = Double(dataBytes / Int64(format.blockAlign)) / Double(format.sampleRate)
        } else if let factSamples {
            duration = Double(factSamples) / Double(format.sampleRate)
        } else if format.byteRate > 0 {
            duration = Double(dataBytes) / Double(format.byteRate)
        } else {
            let name = WAVFormatTag.name(of: format.tag)
            throw .invalid("no byte rate and no 'fact' chunk: the duration of \(name) is unknown")
        }
        guard dataBytes <= Int64(Int.max) else { throw .invalid("data size \(dataBytes)") }
        return WAVInfo(
            formatTag: format.tag, isExtensible: format.isExtensible, channels: format.channels,
            sampleRate: format.sampleRate, bitsPerSample: format.bitsPerSample, blockAlign: format.blockAlign,
            byteRate: format.byteRate, dataBytes: Int(dataBytes), duration: duration)
    }

    static func littleEndian16(_ bytes: [UInt8], _ offset: Int) -> Int {
        Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
    }

    static func littleEndian32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }

    private static func printable(_ bytes: ArraySlice<UInt8>) -> String {
        "'" + String(bytes.map { (0x20...0x7E).contains($0) ? Character(UnicodeScalar($0)) : "?" }) + "'"
    }
}

/// Random access to the bytes of a WAV file, whether in memory or on disk.
private struct ChunkSource {
    let size: Int64
    let read: (Int64, Int) -> Result<[UInt8], WAVError>

    init(size: Int64, read: @escaping (Int64, Int) -> Result<[UInt8], WAVError>) {
        self.size = size
        self.read = read
    }

    /// Up to `count` bytes at `offset` (fewer at the end of the file).
    func bytes(at offset: Int64, count: Int) throws(WAVError) -> [UInt8] {
        guard offset < size else { return [] }
        return try read(offset, count).get()
    }

    /// Where the chunk after one at `bodyOffset` of `declaredSize` bytes starts. Chunks are padded to an
    /// even size; some writers forget the pad byte, which is tolerated when a well-known chunk id follows
    /// the unpadded end and none the padded one.
    func nextChunkOffset(after bodyOffset: Int64, declaredSize: Int64) throws(WAVError) -> Int64 {
        let unpadded = bodyOffset + declaredSize
        guard declaredSize % 2 == 1 else { return unpadded }
        let padded = unpadded + 1
        if try !isKnownChunkID(at: padded), try isKnownChunkID(at: unpadded) { return unpadded }
        return padded
    }

    private func isKnownChunkID(at offset: Int64) throws(WAVError) -> Bool {
        let id = try bytes(at: offset, count: 4)
        return id.count == 4 && Self.knownChunkIDs.contains(String(decoding: id, as: UTF8.self))
    }

    private static let knownChunkIDs: Set<String> = [
        "fmt ", "data", "fact", "LIST", "JUNK", "junk", "PAD ", "FLLR", "bext", "cue ", "smpl", "inst", "id3 ", "ID3 ",
        "iXML", "PEAK", "acid", "cart", "umid", "plst", "DISP", "afsp", "minf", "elm1", "regn", "levl", "axml",
    ]
}

/// The fields of a `fmt ` chunk (WAVEFORMATEX, and WAVEFORMATEXTENSIBLE's sub-format).
private struct FormatChunk {
    var tag: Int
    var isExtensible: Bool
    var channels: Int
    var sampleRate: Int
    var byteRate: Int
    var blockAlign: Int
    var bitsPerSample: Int

    init(_ body: [UInt8]) throws(WAVError) {
        var tag = WAVHeader.littleEndian16(body, 0)
        channels = WAVHeader.littleEndian16(body, 2)
        sampleRate = Int(WAVHeader.littleEndian32(body, 4))
        byteRate = Int(WAVHeader.littleEndian32(body, 8))
        blockAlign = WAVHeader.littleEndian16(body, 12)
        bitsPerSample = WAVHeader.littleEndian16(body, 14)
        isExtensible = tag == WAVFormatTag.extensible
        if isExtensible {
            // cbSize (2), valid bits (2), channel mask (4), then the sub-format GUID whose first two
            // bytes are the format tag.
            guard body.count >= 40 else {
                throw .invalid("extensible 'fmt ' chunk of \(body.count) bytes, 40 needed")
            }
            tag = WAVHeader.littleEndian16(body, 24)
        }
        self.tag = tag
        guard channels > 0 else { throw .invalid("0 channels") }
        guard sampleRate > 0 else { throw .invalid("sample rate 0") }
        guard blockAlign > 0 else { throw .invalid("block align 0") }
        if WAVFormatTag.uncompressed.contains(tag) {
            guard bitsPerSample > 0 else { throw .invalid("0 bits per sample") }
            let expected = channels * ((bitsPerSample + 7) / 8)
            guard blockAlign == expected else {
                throw .invalid(
                    "block align \(blockAlign) for \(channels) channel(s) of \(bitsPerSample) bits, expected \(expected)")
            }
        }
    }
}
