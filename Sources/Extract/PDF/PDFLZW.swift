/// LZWDecode (ISO 32000-1 §7.4.4), still found in old PDFs' content streams.
enum PDFLZW {
    static func decode(_ data: [UInt8], earlyChange: Int, limit: Int) throws(PDFReadError) -> [UInt8] {
        var output: [UInt8] = []
        var table: [[UInt8]] = (0..<256).map { [UInt8($0)] } + [[], []]
        var codeLength = 9
        var bitBuffer: UInt32 = 0
        var bitCount = 0
        var previous: [UInt8]?
        let early = earlyChange == 0 ? 0 : 1
        for byte in data {
            bitBuffer = bitBuffer << 8 | UInt32(byte)
            bitCount += 8
            while bitCount >= codeLength {
                let code = Int((bitBuffer >> UInt32(bitCount - codeLength)) & ((1 << UInt32(codeLength)) - 1))
                bitCount -= codeLength
                if code == 256 {
                    table.removeSubrange(258...)
                    codeLength = 9
                    previous = nil
                    continue
                }
                if code == 257 { return output }
                let entry: [UInt8]
                if code < table.count {
                    entry = table[code]
                    if let previous, let first = entry.first, table.count < 4096 { table.append(previous + [first]) }
                } else if code == table.count, let previous, let first = previous.first, table.count < 4096 {
                    entry = previous + [first]
                    table.append(entry)
                } else {
                    throw .malformed("LZW code \(code) out of range")
                }
                output.append(contentsOf: entry)
                guard output.count <= limit else { throw .overLimit("a stream inflates past \(limit) bytes") }
                previous = entry
                if table.count + early >= (1 << codeLength), codeLength < 12 { codeLength += 1 }
            }
        }
        return output
    }
}
