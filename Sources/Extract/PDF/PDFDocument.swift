/// A PDF's objects, found through its cross-reference and read on demand (each once). Reading is
/// bounded: inflated bytes in total (``ExtractionLimits/maxExpandedBytes``), objects read, and
/// reference cycles (an object met again while it is being read resolves to null).
/// Used by one reader on one thread; never shared.
final class PDFDocument {
    let bytes: [UInt8]
    private var crossReference: PDFCrossReference
    private var rebuilt: PDFCrossReference?
    private var cache: [Int: PDFObject] = [:]
    private var reading: Set<Int> = []
    private var objectStreams: [Int: ObjectStream] = [:]
    /// Bytes that may still be inflated in this document.
    private var inflateBudget: Int
    private var objectsRead = 0
    /// The first bound this document ran into; the reader gives up with it.
    private(set) var exceeded: PDFReadError?
    /// Where every `endstream` of the file stands, found once: a stream whose /Length is wrong
    /// ends at the next one, without a search through the rest of the file for each such stream
    /// (quadratic in a file made of them).
    private lazy var endstreams: [Int] = PDFObjectParser.endstreamPositions(in: bytes)

    static let maxObjectsRead = 500_000

    private struct ObjectStream {
        var data: [UInt8]
        /// Object number → offset in `data`, in the stream's order.
        var offsets: [(number: Int, offset: Int)]
    }

    init(bytes: [UInt8], limits: ExtractionLimits) throws(PDFReadError) {
        self.bytes = bytes
        self.inflateBudget = limits.maxExpandedBytes
        if let table = PDFCrossReference.read(bytes, limit: limits.maxExpandedBytes) {
            crossReference = table
        } else {
            let table = PDFCrossReference.reconstruct(bytes)
            crossReference = table
            rebuilt = table
        }
        if crossReference.trailer["Root"] == nil, let catalog = findCatalog() {
            crossReference.trailer.entries["Root"] = .reference(catalog)
        }
    }

    var trailer: PDFDictionary { crossReference.trailer }

    /// The object a reference points at (null when it cannot be read); other objects as they are.
    func resolve(_ object: PDFObject?) -> PDFObject {
        guard let object else { return .null }
        guard case .reference(let reference) = object else { return object }
        return self.object(reference.number)
    }

    func object(_ number: Int) -> PDFObject {
        if let cached = cache[number] { return cached }
        guard exceeded == nil, reading.insert(number).inserted else { return .null }
        defer { reading.remove(number) }
        objectsRead += 1
        guard objectsRead <= Self.maxObjectsRead else {
            exceeded = .overLimit("more than \(Self.maxObjectsRead) objects read")
            return .null
        }
        var object = read(number, from: crossReference)
        if object == nil {
            if rebuilt == nil { rebuilt = PDFCrossReference.reconstruct(bytes) }
            if let rebuilt { object = read(number, from: rebuilt) }
        }
        let found = object ?? .null
        cache[number] = found
        return found
    }

    private func read(_ number: Int, from table: PDFCrossReference) -> PDFObject? {
        switch table.entries[number] {
        case .offset(let offset)?:
            guard offset >= 0, offset < bytes.count else { return nil }
            var parser = PDFObjectParser(bytes: bytes, position: offset)
            parser.endstreams = endstreams
            guard let (reference, object) = try? parser.parseIndirectObject(), reference.number == number else { return nil }
            return object
        case .compressed(let streamNumber, let index)?:
            guard let stream = objectStream(streamNumber) else { return nil }
            let position: Int
            if index < stream.offsets.count, stream.offsets[index].number == number {
                position = stream.offsets[index].offset
            } else if let entry = stream.offsets.first(where: { $0.number == number }) {
                position = entry.offset
            } else {
                return nil
            }
            var parser = PDFObjectParser(bytes: stream.data, position: position)
            return try? parser.parseObject()
        case nil:
            return nil
        }
    }

    private func objectStream(_ number: Int) -> ObjectStream? {
        if let cached = objectStreams[number] { return cached }
        guard let stream = object(number).stream, let data = try? decode(stream) else { return nil }
        let count = max(0, min(stream.dictionary["N"]?.int ?? 0, data.count / 2))
        let first = stream.dictionary["First"]?.int ?? 0
        guard first >= 0, first <= data.count else { return nil }
        var parser = PDFObjectParser(bytes: data, position: 0)
        parser.readsReferences = false
        var offsets: [(number: Int, offset: Int)] = []
        offsets.reserveCapacity(count)
        for _ in 0..<count {
            guard case .object(.int(let objectNumber))? = try? parser.nextToken(depth: 0),
                  case .object(.int(let offset))? = try? parser.nextToken(depth: 0),
                  offset >= 0, first + offset < data.count
            else { break }
            offsets.append((objectNumber, first + offset))
        }
        let objectStream = ObjectStream(data: data, offsets: offsets)
        objectStreams[number] = objectStream
        return objectStream
    }

    /// A stream's decoded data, counted against the document's inflate budget.
    func decode(_ stream: PDFStream) throws(PDFReadError) -> [UInt8] {
        if let exceeded { throw exceeded }
        let filters = PDFCrossReference.filterList(resolve(stream.dictionary["Filter"])).map { resolve($0) }
        let parameters = PDFCrossReference.filterList(resolve(stream.dictionary["DecodeParms"])).map { resolve($0) }
        do {
            let data = try PDFFilters.decode(stream, filters: filters, parameters: parameters, limit: inflateBudget)
            inflateBudget -= data.count
            return data
        } catch {
            if case .overLimit = error { exceeded = error }
            throw error
        }
    }

    /// For a file whose trailer was lost: the object of /Type /Catalog, looking through the
    /// rebuilt table's objects and the object streams among them.
    private func findCatalog() -> PDFReference? {
        let table = rebuilt ?? PDFCrossReference.reconstruct(bytes)
        rebuilt = table
        for number in table.entries.keys.sorted() {
            let found = object(number)
            if found.dictionary?["Type"]?.name == "Catalog" { return PDFReference(number: number, generation: 0) }
            if let stream = found.stream, stream.dictionary["Type"]?.name == "ObjStm", let contents = objectStream(number) {
                for (index, entry) in contents.offsets.enumerated() where crossReference.entries[entry.number] == nil {
                    crossReference.entries[entry.number] = .compressed(stream: number, index: index)
                }
                for entry in contents.offsets where object(entry.number).dictionary?["Type"]?.name == "Catalog" {
                    return PDFReference(number: entry.number, generation: 0)
                }
            }
            if exceeded != nil { return nil }
        }
        return nil
    }
}
