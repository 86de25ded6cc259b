/// An Office Open XML or OpenDocument file opened as the ZIP package it is: its XML parts read
/// within the limits, every problem met (a damaged part, a DTD, the expansion limit) recorded
/// against the file and the part.
struct DocumentPackage {
    let archive: ZipArchive
    let file: AttachmentFile
    private(set) var budget: ExpansionBudget
    private(set) var problems: [ExtractionProblem] = []

    /// The package of `file`; throws when it is not a readable ZIP within the limits.
    init(_ file: AttachmentFile, limits: ExtractionLimits) throws(ZipError) {
        archive = try ZipArchive(bytes: file.bytes, maxEntries: limits.maxArchiveEntries)
        self.file = file
        budget = ExpansionBudget(limits: limits)
    }

    func contains(_ part: String) -> Bool { archive.entry(named: part) != nil }

    /// Part names in the package's order.
    var partNames: [String] { archive.entries.map(\.name) }

    /// The bytes of `part`; nil when it is missing (silently) or unreadable (recorded).
    mutating func bytes(of part: String) -> [UInt8]? {
        guard let entry = archive.entry(named: part) else { return nil }
        do throws(ZipError) {
            return try archive.contents(of: entry, budget: &budget)
        } catch {
            problems.append(error.problem(location: "\(file.label) › \(part)"))
            return nil
        }
    }

    /// Scans `part` as XML, recording a DTD (its entities are never expanded), elements nested too
    /// deep and malformed markup. Returns false when the part is missing or unreadable.
    @discardableResult
    mutating func scan(_ part: String, _ visit: (XMLEvent) -> Bool) -> Bool {
        guard let bytes = bytes(of: part) else { return false }
        let outcome = XMLScanner(bytes).scan(visit)
        let location = "\(file.label) › \(part)"
        if outcome.declaresDTD {
            problems.append(ExtractionProblem(.malformed, location: location, detail: "the part declares a DTD; its entities were not expanded"))
        }
        if let reason = outcome.stoppedEarly {
            problems.append(ExtractionProblem(outcome.nestedTooDeep ? .overLimit : .malformed, location: location, detail: "reading stopped: \(reason)"))
        }
        return true
    }

    /// The extraction: `builder`'s text and every problem recorded.
    func extraction(_ builder: TextBuilder, source: TextSource) -> AttachmentExtraction {
        var problems = self.problems
        if builder.isFull {
            problems.append(ExtractionProblem(.outputTooLarge, location: file.label, detail: "the text was cut at \(builder.maxBytes) bytes"))
        }
        return AttachmentExtraction(text: builder.text, source: source, problems: problems)
    }
}
