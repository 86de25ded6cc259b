/// Reads PDF objects from bytes (a file, or an object stream's decoded data). Nesting of arrays and
/// dictionaries is bounded by ``maxDepth``; a stream's data is found by its /Length when that is
/// right and by its `endstream` otherwise, and never runs past the end of the bytes.
struct PDFObjectParser {
    static let maxDepth = 64

    enum Token {
        case object(PDFObject)
        /// A bare word that is not a number, `true`, `false` or `null`: a content-stream operator,
        /// `obj`, `R`, `stream`...
        case keyword(Range<Int>)
        case end
    }

    let bytes: [UInt8]
    var position: Int
    /// The positions of every `endstream` in ``bytes``, in order, when the caller found them
    /// (``endstreamPositions(in:)``); nil: searched for as needed.
    var endstreams: [Int]?
    /// Whether `1 0 R` is read as a reference (not in content streams, where it never occurs).
    var readsReferences = true

    init(bytes: [UInt8], position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    mutating func parseObject(depth: Int = 0) throws(PDFReadError) -> PDFObject {
        switch try nextToken(depth: depth) {
        case .object(let object): return object
        case .keyword(let range): throw .malformed("unexpected '\(String(decoding: bytes[range].prefix(20), as: UTF8.self))' at offset \(range.lowerBound)")
        case .end: throw .malformed("unexpected end at offset \(position)")
        }
    }

    /// `12 0 obj ... endobj`: the number and the object.
    mutating func parseIndirectObject() throws(PDFReadError) -> (PDFReference, PDFObject) {
        guard case .object(.int(let number)) = try nextToken(depth: 0),
              case .object(.int(let generation)) = try nextToken(depth: 0),
              case .keyword(let word) = try nextToken(depth: 0), PDFLexer.matches(bytes, word, "obj")
        else { throw .malformed("no object header at offset \(position)") }
        let object = try parseObject()
        return (PDFReference(number: number, generation: generation), object)
    }

    mutating func nextToken(depth: Int) throws(PDFReadError) -> Token {
        guard depth < Self.maxDepth else { throw .overLimit("objects nested deeper than \(Self.maxDepth)") }
        PDFLexer.skipSpace(bytes, &position)
        guard position < bytes.count else { return .end }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "/"):
            position += 1
            return .object(.name(PDFLexer.name(bytes, &position)))
        case UInt8(ascii: "("):
            position += 1
            return .object(.string(PDFLexer.literalString(bytes, &position)))
        case UInt8(ascii: "<"):
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "<") {
                position += 2
                return .object(try dictionaryOrStream(depth: depth))
            }
            position += 1
            return .object(.string(PDFLexer.hexString(bytes, &position)))
        case UInt8(ascii: "["):
            position += 1
            var elements: [PDFObject] = []
            while true {
                PDFLexer.skipSpace(bytes, &position)
                guard position < bytes.count else { throw .malformed("array not closed") }
                if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .object(.array(elements))
                }
                elements.append(try parseObject(depth: depth + 1))
            }
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: ">"):
            position += 1
            return .keyword(position - 1..<position)
        default:
            let run = PDFLexer.regularRun(bytes, &position)
            if let number = PDFLexer.number(bytes, run) {
                if readsReferences, case .int(let objectNumber) = number, let reference = referenceAfter(objectNumber) {
                    return .object(.reference(reference))
                }
                return .object(number)
            }
            if PDFLexer.matches(bytes, run, "true") { return .object(.bool(true)) }
            if PDFLexer.matches(bytes, run, "false") { return .object(.bool(false)) }
            if PDFLexer.matches(bytes, run, "null") { return .object(.null) }
            return .keyword(run)
        }
    }

    /// After an integer: `G R` makes it a reference; otherwise the position is left alone.
    private mutating func referenceAfter(_ number: Int) -> PDFReference? {
        var probe = position
        PDFLexer.skipSpace(bytes, &probe)
        let generationRun = PDFLexer.regularRun(bytes, &probe)
        guard case .int(let generation)? = PDFLexer.number(bytes, generationRun) else { return nil }
        PDFLexer.skipSpace(bytes, &probe)
        let word = PDFLexer.regularRun(bytes, &probe)
        guard PDFLexer.matches(bytes, word, "R") else { return nil }
        position = probe
        return PDFReference(number: number, generation: generation)
    }

    private mutating func dictionaryOrStream(depth: Int) throws(PDFReadError) -> PDFObject {
        var entries: [String: PDFObject] = [:]
        while true {
            PDFLexer.skipSpace(bytes, &position)
            guard position < bytes.count else { throw .malformed("dictionary not closed") }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: ">") { position += 1 }
                break
            }
            let key = try parseObject(depth: depth + 1)
            let value = try parseObject(depth: depth + 1)
            if let name = key.name { entries[name] = value }
        }
        let dictionary = PDFDictionary(entries)
        var probe = position
        PDFLexer.skipSpace(bytes, &probe)
        let word = PDFLexer.regularRun(bytes, &probe)
        guard PDFLexer.matches(bytes, word, "stream") else { return .dictionary(dictionary) }
        // The data starts after the end of line that follows `stream`.
        if probe < bytes.count, bytes[probe] == 0x0D { probe += 1 }
        if probe < bytes.count, bytes[probe] == 0x0A { probe += 1 }
        let start = probe
        let data = start..<streamEnd(start: start, declaredLength: dictionary["Length"]?.int)
        position = data.upperBound
        var after = position
        PDFLexer.skipSpace(bytes, &after)
        let end = PDFLexer.regularRun(bytes, &after)
        if PDFLexer.matches(bytes, end, "endstream") { position = after }
        return .stream(PDFStream(dictionary: dictionary, data: bytes[data]))
    }

    private static let endstream = Array("endstream".utf8)

    /// Every position of `endstream` in `bytes`, in order (one pass).
    static func endstreamPositions(in bytes: [UInt8]) -> [Int] {
        var positions: [Int] = []
        var from = 0
        while let found = PDFLexer.find(endstream, in: bytes, from..<bytes.count) {
            positions.append(found)
            from = found + endstream.count
        }
        return positions
    }

    /// Where a stream's data ends: at its /Length when `endstream` follows there, else before the
    /// next `endstream` (its end of line dropped), else at the end of the bytes.
    private func streamEnd(start: Int, declaredLength: Int?) -> Int {
        if let length = declaredLength, length >= 0, length <= bytes.count - start {
            var probe = start + length
            PDFLexer.skipSpace(bytes, &probe)
            if PDFLexer.find(Self.endstream, in: bytes, probe..<min(bytes.count, probe + 9)) != nil { return start + length }
        }
        let next: Int?
        if let endstreams {
            var low = 0, high = endstreams.count
            while low < high {
                let middle = (low + high) / 2
                if endstreams[middle] < start { low = middle + 1 } else { high = middle }
            }
            next = low < endstreams.count ? endstreams[low] : nil
        } else {
            next = PDFLexer.find(Self.endstream, in: bytes, start..<bytes.count)
        }
        guard var end = next else { return bytes.count }
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }
}
