import CZlib

extension ZipArchive {
    /// The expanded bytes of `entry`, charged to `budget`. Deflate output stops as soon as it passes
    /// the entry's allowance (the budget left, or its ratio), and the bytes expanded are charged
    /// even then; a size or CRC-32 that differs from the declared one is an error.
    func contents(of entry: ZipEntry, budget: inout ExpansionBudget) throws(ZipError) -> [UInt8] {
        guard !entry.isEncrypted else { throw ZipError(.encrypted, "entry \"\(entry.name)\" is encrypted") }
        let range = try dataRange(of: entry)
        let allowance = budget.allowance(compressedSize: entry.compressedSize)
        let expanded: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize <= allowance else { throw overLimit(entry, budget: budget) }
            expanded = Array(bytes[range])
        case 8:
            guard let output = try Inflater.inflate(bytes[range], limit: allowance, name: entry.name) else {
                // The work up to the allowance was done: it is charged, so that entries refused one
                // after another cannot each cost a full allowance.
                let refusal = overLimit(entry, budget: budget)
                budget.remainingBytes -= allowance
                throw refusal
            }
            expanded = output
        default:
            throw ZipError(.unsupported, "entry \"\(entry.name)\" uses compression method \(entry.method), which is not read")
        }
        budget.remainingBytes -= expanded.count
        guard expanded.count == entry.declaredSize else {
            throw .malformed("entry \"\(entry.name)\" declares \(entry.declaredSize) bytes but holds \(expanded.count)")
        }
        guard Inflater.crc32(expanded) == entry.crc32 else {
            throw .malformed("entry \"\(entry.name)\" fails its CRC-32 check")
        }
        return expanded
    }

    private func overLimit(_ entry: ZipEntry, budget: ExpansionBudget) -> ZipError {
        let allowance = budget.allowance(compressedSize: entry.compressedSize)
        if allowance == budget.remainingBytes {
            return ZipError(.overLimit, "entry \"\(entry.name)\" expands past the \(budget.remainingBytes) bytes left of the archive's expansion limit")
        }
        return ZipError(.overLimit, "entry \"\(entry.name)\" expands more than \(budget.maxRatio) times its compressed size of \(entry.compressedSize) bytes")
    }
}

/// Raw deflate (RFC 1951) through zlib, with a hard cap on the output.
enum Inflater {
    private static let chunk = 64 << 10

    /// The inflated bytes; nil when they would pass `limit`. Throws when the stream is damaged or
    /// ends early.
    static func inflate(_ input: ArraySlice<UInt8>, limit: Int, name: String) throws(ZipError) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .malformed("zlib could not start inflating entry \"\(name)\"")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: chunk)
        var status = Z_OK
        let result: Result<[UInt8]?, ZipError> = input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(clamping: source.count)
            while status == Z_OK {
                let produced: Int = buffer.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return target.count - Int(stream.avail_out)
                }
                if status != Z_OK && status != Z_STREAM_END {
                    let reason = status == Z_BUF_ERROR ? "its compressed data ends early" : "its compressed data is damaged"
                    return .failure(.malformed("entry \"\(name)\" cannot be expanded: \(reason)"))
                }
                guard output.count + produced <= limit else { return .success(nil) }
                output.append(contentsOf: buffer[0..<produced])
            }
            return .success(output)
        }
        return try result.get()
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt = CZlib.crc32(0, nil, 0)
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let length = min(buffer.count - offset, Int(UInt32.max))
                crc = CZlib.crc32(crc, buffer.baseAddress.map { $0 + offset }, UInt32(length))
                offset += length
            }
        }
        return UInt32(truncatingIfNeeded: crc)
    }
}
