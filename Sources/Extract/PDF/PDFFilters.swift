import CZlib

/// Decodes a stream's data through its /Filter chain (FlateDecode, ASCIIHexDecode, ASCII85Decode,
/// RunLengthDecode, and PNG predictors), never giving more than `limit` bytes. Image filters (DCT,
/// JPX, CCITT, JBIG2) are not decoded: only text and structure streams are read here.
enum PDFFilters {
    static func decode(_ stream: PDFStream, filters: [PDFObject], parameters: [PDFObject], limit: Int) throws(PDFReadError) -> [UInt8] {
        var data = Array(stream.data)
        for (index, filter) in filters.enumerated() {
            let name = filter.name ?? ""
            let parms = index < parameters.count ? parameters[index].dictionary : nil
            switch name {
            case "FlateDecode", "Fl":
                data = try inflate(data, limit: limit)
                data = try unpredict(data, parms: parms, limit: limit)
            case "ASCIIHexDecode", "AHx": data = asciiHex(data)
            case "ASCII85Decode", "A85": data = ascii85(data)
            case "RunLengthDecode", "RL": data = try runLength(data, limit: limit)
            case "LZWDecode", "LZW":
                data = try PDFLZW.decode(data, earlyChange: parms?["EarlyChange"]?.int ?? 1, limit: limit)
                data = try unpredict(data, parms: parms, limit: limit)
            default: throw .unsupported("filter \(name)")
            }
            guard data.count <= limit else { throw .overLimit("a stream inflates past \(limit) bytes") }
        }
        return data
    }

    /// zlib inflate; a damaged stream gives what came out before the damage (as poppler does).
    static func inflate(_ input: [UInt8], limit: Int) throws(PDFReadError) -> [UInt8] {
        guard !input.isEmpty else { return [] }
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .malformed("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, input.count * 4))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var overLimit = false
        input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { target -> (Int32, Int) in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, target.count - Int(stream.avail_out))
                }
                if output.count + produced > limit {
                    overLimit = true
                    return
                }
                output.append(contentsOf: chunk[0..<produced])
                if status != Z_OK || (produced == 0 && stream.avail_in == 0) { return }
            }
        }
        if overLimit { throw .overLimit("a stream inflates past \(limit) bytes") }
        return output
    }

    /// Undoes PNG row predictors (Predictor ≥ 10), as xref and object streams use them.
    static func unpredict(_ data: [UInt8], parms: PDFDictionary?, limit: Int) throws(PDFReadError) -> [UInt8] {
        let predictor = parms?["Predictor"]?.int ?? 1
        guard predictor > 1 else { return data }
        guard predictor >= 10 else { throw .unsupported("TIFF predictor") }
        let colors = max(1, min(parms?["Colors"]?.int ?? 1, 32))
        let bits = max(1, min(parms?["BitsPerComponent"]?.int ?? 8, 16))
        let columns = max(1, min(parms?["Columns"]?.int ?? 1, 1 << 20))
        let pixelBytes = max(1, (colors * bits + 7) / 8)
        // A row longer than the data is a hostile /Columns: rows never exceed the data.
        let rowBytes = min((colors * bits * columns + 7) / 8, max(1, data.count))
        var output: [UInt8] = []
        output.reserveCapacity(data.count)
        var previous = [UInt8](repeating: 0, count: rowBytes)
        var row = [UInt8](repeating: 0, count: rowBytes)
        var index = 0
        while index < data.count {
            let type = data[index]
            index += 1
            let available = min(rowBytes, data.count - index)
            for column in 0..<rowBytes {
                let raw = column < available ? data[index + column] : 0
                let left = column >= pixelBytes ? row[column - pixelBytes] : 0
                let up = previous[column]
                let upLeft = column >= pixelBytes ? previous[column - pixelBytes] : 0
                switch type {
                case 1: row[column] = raw &+ left
                case 2: row[column] = raw &+ up
                case 3: row[column] = raw &+ UInt8((Int(left) + Int(up)) / 2)
                case 4: row[column] = raw &+ paeth(left, up, upLeft)
                default: row[column] = raw
                }
            }
            index += available
            output.append(contentsOf: row[0..<available])
            guard output.count <= limit else { throw .overLimit("a stream inflates past \(limit) bytes") }
            swap(&previous, &row)
        }
        return output
    }

    private static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }

    static func asciiHex(_ data: [UInt8]) -> [UInt8] {
        var position = 0
        var bytes = data
        if !bytes.contains(UInt8(ascii: ">")) { bytes.append(UInt8(ascii: ">")) }
        return PDFLexer.hexString(bytes, &position)
    }

    static func ascii85(_ data: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count * 4 / 5)
        var group: [UInt32] = []
        var index = 0
        if data.starts(with: Array("<~".utf8)) { index = 2 }
        func flush(_ count: Int) {
            var value: UInt32 = 0
            for position in 0..<5 {
                value = value &* 85 &+ (position < group.count ? group[position] : 84)
            }
            let bytes = [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
            output.append(contentsOf: bytes[0..<count])
        }
        while index < data.count {
            let byte = data[index]
            index += 1
            if byte == UInt8(ascii: "~") { break }
            if byte == UInt8(ascii: "z"), group.isEmpty {
                output.append(contentsOf: [0, 0, 0, 0])
                continue
            }
            guard byte >= 33, byte <= 117 else { continue }
            group.append(UInt32(byte - 33))
            if group.count == 5 {
                flush(4)
                group.removeAll(keepingCapacity: true)
            }
        }
        if group.count > 1 { flush(group.count - 1) }
        return output
    }

    static func runLength(_ data: [UInt8], limit: Int) throws(PDFReadError) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < data.count {
            let length = Int(data[index])
            index += 1
            if length == 128 { break }
            if length < 128 {
                let end = min(data.count, index + length + 1)
                output.append(contentsOf: data[index..<end])
                index = end
            } else if index < data.count {
                output.append(contentsOf: repeatElement(data[index], count: 257 - length))
                index += 1
            }
            guard output.count <= limit else { throw .overLimit("a stream inflates past \(limit) bytes") }
        }
        return output
    }
}
