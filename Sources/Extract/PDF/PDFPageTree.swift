/// The pages of a document in order, each with the /Resources it has or inherits. The tree is
/// walked without recursion; a node met twice (a /Kids loop) is skipped; more pages than the limit
/// is an error (the caller's fallback reports the limit).
struct PDFPage {
    var dictionary: PDFDictionary
    var resources: PDFDictionary
}

enum PDFPageTree {
    static let maxDepth = 64

    static func pages(of document: PDFDocument, maxPages: Int) throws(PDFReadError) -> [PDFPage] {
        guard let catalog = document.resolve(document.trailer["Root"]).dictionary else { throw .malformed("no document catalog") }
        // /Count is not trusted (it may lie either way): the pages are counted as they are found.
        let root = catalog["Pages"]
        var pages: [PDFPage] = []
        var visited: Set<Int> = []
        // Work list of (node, inherited resources, depth), last = next; kids pushed in reverse.
        var pending: [(PDFObject, PDFDictionary?, Int)] = [(root ?? .null, nil, 0)]
        var nodesSeen = 0
        while let (node, inherited, depth) = pending.popLast() {
            if let reference = node.reference, !visited.insert(reference.number).inserted { continue }
            nodesSeen += 1
            guard nodesSeen <= maxPages * 4 + 1_000 else { throw .overLimit("page tree larger than \(maxPages) pages allow") }
            guard let dictionary = document.resolve(node).dictionary else { continue }
            let resources = document.resolve(dictionary["Resources"]).dictionary ?? inherited
            if let kids = document.resolve(dictionary["Kids"]).array, dictionary["Type"]?.name != "Page" {
                guard depth < maxDepth else { throw .overLimit("page tree deeper than \(maxDepth)") }
                for kid in kids.reversed() { pending.append((kid, resources, depth + 1)) }
            } else {
                pages.append(PDFPage(dictionary: dictionary, resources: resources ?? PDFDictionary()))
                guard pages.count <= maxPages else { throw .overLimit("over \(maxPages) pages") }
            }
            if let exceeded = document.exceeded { throw exceeded }
        }
        guard !pages.isEmpty else { throw .malformed("no pages") }
        return pages
    }
}
