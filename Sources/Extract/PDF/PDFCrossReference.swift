/// Where each object of a PDF is: the cross-reference tables and streams from `startxref` back
/// through /Prev (incremental updates; the newest entry for an object wins), or, when those are
/// missing or damaged, a table rebuilt by scanning the file for `N G obj`.
struct PDFCrossReference {
    enum Entry {
        case offset(Int)
        /// Object `index` of object stream `stream`.
        case compressed(stream: Int, index: Int)
    }

    var entries: [Int: Entry] = [:]
    var trailer = PDFDictionary()

    static let maxSections = 64
    /// Trailers read when the cross-reference is rebuilt by scanning the file: the last ones.
    static let maxTrailersRead = 16
    static let maxEntries = 4_000_000

    /// The chain from `startxref`; nil when it cannot be followed to a trailer with a /Root.
    static func read(_ bytes: [UInt8], limit: Int) -> PDFCrossReference? {
        guard let marker = PDFLexer.findLast(Array("startxref".utf8), in: bytes, max(0, bytes.count - 4096)..<bytes.count) else { return nil }
        var position = marker + 9
        PDFLexer.skipSpace(bytes, &position)
        guard case .int(let start)? = PDFLexer.number(bytes, PDFLexer.regularRun(bytes, &position)) else { return nil }
        var table = PDFCrossReference()
        var next: Int? = start
        var visited: Set<Int> = []
        while let offset = next, offset >= 0, offset < bytes.count, visited.count < maxSections, visited.insert(offset).inserted {
            guard let section = try? readSection(bytes, at: offset, limit: limit) else { return nil }
            table.merge(section)
            if let hybrid = section.trailer["XRefStm"]?.int, let stream = try? readSection(bytes, at: hybrid, limit: limit) {
                table.merge(stream)
            }
            next = section.trailer["Prev"]?.int
        }
        return table.trailer["Root"] == nil ? nil : table
    }

    /// Adds an older section: entries and trailer keys already present stay.
    mutating func merge(_ older: PDFCrossReference) {
        entries.merge(older.entries) { newer, _ in newer }
        trailer.entries.merge(older.trailer.entries) { newer, _ in newer }
    }

    private static func readSection(_ bytes: [UInt8], at offset: Int, limit: Int) throws(PDFReadError) -> PDFCrossReference {
        var parser = PDFObjectParser(bytes: bytes, position: offset)
        if case .keyword(let word) = try parser.nextToken(depth: 0), PDFLexer.matches(bytes, word, "xref") {
            return try readTable(&parser)
        }
        parser.position = offset
        let (_, object) = try parser.parseIndirectObject()
        guard let stream = object.stream, stream.dictionary["Type"]?.name == "XRef" else {
            throw .malformed("startxref points at neither a table nor a stream")
        }
        return try readStream(stream, limit: limit)
    }

    /// A classic table: `xref`, subsections `first count` of `offset generation n|f`, `trailer <<…>>`.
    private static func readTable(_ parser: inout PDFObjectParser) throws(PDFReadError) -> PDFCrossReference {
        var table = PDFCrossReference()
        while true {
            switch try parser.nextToken(depth: 0) {
            case .keyword(let word) where PDFLexer.matches(parser.bytes, word, "trailer"):
                guard let trailer = try parser.parseObject().dictionary else { throw .malformed("trailer is not a dictionary") }
                table.trailer = trailer
                return table
            case .object(.int(let first)):
                guard case .object(.int(let count)) = try parser.nextToken(depth: 0), count >= 0,
                      count <= (parser.bytes.count - parser.position) / 10, first >= 0
                else { throw .malformed("bad xref subsection") }
                for index in 0..<count {
                    guard case .object(let offsetToken) = try parser.nextToken(depth: 0), let offset = offsetToken.int,
                          case .object(.int) = try parser.nextToken(depth: 0),
                          case .keyword(let kind) = try parser.nextToken(depth: 0)
                    else { throw .malformed("bad xref entry") }
                    if PDFLexer.matches(parser.bytes, kind, "n"), table.entries[first + index] == nil, offset > 0 {
                        table.entries[first + index] = .offset(offset)
                    }
                }
                guard table.entries.count <= maxEntries else { throw .overLimit("more than \(maxEntries) objects") }
            default:
                throw .malformed("bad xref table")
            }
        }
    }

    /// A cross-reference stream (PDF 1.5): /W field widths, /Index subsections.
    private static func readStream(_ stream: PDFStream, limit: Int) throws(PDFReadError) -> PDFCrossReference {
        let dictionary = stream.dictionary
        let widths = (dictionary["W"]?.array ?? []).compactMap(\.int)
        guard widths.count == 3, widths.allSatisfy({ (0...8).contains($0) }) else { throw .malformed("bad /W in xref stream") }
        let rowBytes = widths.reduce(0, +)
        guard rowBytes > 0 else { throw .malformed("empty xref stream rows") }
        let size = dictionary["Size"]?.int ?? 0
        let index = (dictionary["Index"]?.array ?? [.int(0), .int(size)]).compactMap(\.int)
        let data = try PDFFilters.decode(stream, filters: filterList(dictionary["Filter"]), parameters: filterList(dictionary["DecodeParms"]), limit: limit)
        var table = PDFCrossReference()
        table.trailer = dictionary
        var row = 0
        var pair = 0
        while pair + 1 < index.count {
            let first = index[pair], count = index[pair + 1]
            pair += 2
            guard first >= 0, count >= 0, count <= maxEntries else { throw .malformed("bad /Index in xref stream") }
            for number in first..<(first + count) {
                let start = row * rowBytes
                guard start + rowBytes <= data.count else { return table }
                row += 1
                var fields = [0, 0, 0]
                var cursor = start
                for field in 0..<3 {
                    for _ in 0..<widths[field] {
                        fields[field] = fields[field] << 8 | Int(data[cursor])
                        cursor += 1
                    }
                }
                let type = widths[0] == 0 ? 1 : fields[0]
                guard table.entries[number] == nil else { continue }
                if type == 1, fields[1] > 0 { table.entries[number] = .offset(fields[1]) }
                if type == 2 { table.entries[number] = .compressed(stream: fields[1], index: fields[2]) }
            }
        }
        return table
    }

    static func filterList(_ object: PDFObject?) -> [PDFObject] {
        switch object {
        case .array(let list)?: list
        case nil, .null?: []
        case let single?: [single]
        }
    }

    /// Offsets of every `N G obj` in the file (the last one of a number wins) and the last
    /// `trailer` dictionary that names a /Root.
    static func reconstruct(_ bytes: [UInt8]) -> PDFCrossReference {
        var table = PDFCrossReference()
        let obj = Array("obj".utf8)
        var searchFrom = 0
        while let found = PDFLexer.find(obj, in: bytes, searchFrom..<bytes.count) {
            searchFrom = found + 3
            guard found + 3 >= bytes.count || !PDFLexer.isRegular(bytes[found + 3]) else { continue }
            // Backwards: spaces, generation digits, spaces, number digits.
            var cursor = found - 1
            func skipSpaces() { while cursor >= 0, PDFLexer.isWhitespace(bytes[cursor]) { cursor -= 1 } }
            func digits() -> Int {
                var count = 0
                while cursor >= 0, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]), count < 12 { cursor -= 1; count += 1 }
                return count
            }
            skipSpaces()
            guard digits() > 0 else { continue }
            let afterNumber = cursor
            skipSpaces()
            guard cursor < afterNumber, digits() > 0 else { continue }
            let start = cursor + 1
            guard cursor < 0 || !PDFLexer.isRegular(bytes[cursor]) else { continue }
            var position = start
            if case .int(let number)? = PDFLexer.number(bytes, PDFLexer.regularRun(bytes, &position)), number > 0 {
                table.entries[number] = .offset(start)
            }
            if table.entries.count > maxEntries { break }
        }
        let trailerWord = Array("trailer".utf8)
        searchFrom = 0
        var trailers: [Int] = []
        while let found = PDFLexer.find(trailerWord, in: bytes, searchFrom..<bytes.count) {
            searchFrom = found + 7
            trailers.append(found)
        }
        // The last few only (a file's updates append theirs): parsing a dictionary at each of
        // thousands of `trailer` words, each reading to the end of the file, would be quadratic.
        for found in trailers.suffix(Self.maxTrailersRead) {
            var parser = PDFObjectParser(bytes: bytes, position: found + 7)
            if let dictionary = (try? parser.parseObject())?.dictionary, dictionary["Root"] != nil {
                table.trailer.entries.merge(dictionary.entries) { _, newer in newer }
            }
        }
        return table
    }
}
