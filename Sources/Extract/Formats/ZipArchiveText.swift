/// The documents inside a ZIP archive, in central-directory order (folders skipped): each entry is
/// read by the same rules as an attachment (`depth + 1`), its text under its path; plain text
/// entries (`.txt`, `.csv`, `.log`) as text. The archive's expansion budget is shared: the entries
/// expand from it, and what is inside each entry (an Office file's parts, a nested archive's
/// entries) gets an equal share of what is left, so nested archives cannot multiply the work.
struct ZipArchiveText {
    var extractor: AttachmentExtractor
    var depth: Int

    func extract(_ file: AttachmentFile) -> AttachmentExtraction {
        let archive: ZipArchive
        do throws(ZipError) {
            archive = try ZipArchive(bytes: file.bytes, maxEntries: extractor.limits.maxArchiveEntries)
        } catch {
            return AttachmentExtraction(problems: [error.problem(location: file.label)])
        }
        var result = AttachmentExtraction()
        var budget = ExpansionBudget(limits: extractor.limits)
        let files = archive.entries.filter { !$0.isDirectory }
        for (index, entry) in files.enumerated() {
            let location = "\(file.label) › \(entry.name)"
            let bytes: [UInt8]
            do throws(ZipError) {
                bytes = try archive.contents(of: entry, budget: &budget)
            } catch {
                result.problems.append(error.problem(location: location))
                if error.kind == .overLimit && budget.remainingBytes <= 0 { break }
                continue
            }
            // The entry's own contents (an Office file's parts, a nested archive's entries) expand
            // from an equal share of what is left, charged as if used up: the work of the whole
            // tree stays within one archive's budget.
            var inner = extractor
            inner.limits.maxExpandedBytes = max(0, budget.remainingBytes) / (files.count - index)
            budget.remainingBytes -= inner.limits.maxExpandedBytes
            let entryFile = AttachmentFile(filename: entry.name, contentType: "application/octet-stream", bytes: bytes)
            let entryText = Self.isPlainText(entry.name) ? PlainText.extraction(of: entryFile, maxBytes: extractor.limits.maxTextBytes) : inner.extract(entryFile, depth: depth + 1)
            result.append(entryText, named: entry.name, at: .archiveEntry(entry.name), container: file.label,
                textLimit: extractor.limits.maxTextBytes)
            // The entries' text reached the limit (`append` said so): later entries are not read.
            if result.problems.contains(where: { $0.reason == .outputTooLarge && $0.location == file.label }) { break }
        }
        if result.text != nil { result.source = .zip }
        result.problems = Self.summarised(result.problems, container: file.label)
        return result
    }

    /// Problems listed one by one before the rest are counted in one line: a bomb of nested
    /// archives fails in hundreds of places for one reason.
    static let maxProblemsListed = 10

    static func summarised(_ problems: [ExtractionProblem], container: String) -> [ExtractionProblem] {
        guard problems.count > maxProblemsListed else { return problems }
        let rest = problems[maxProblemsListed...]
        guard let first = rest.first else { return problems }
        return Array(problems.prefix(maxProblemsListed))
            + [ExtractionProblem(first.reason, location: container, detail: "\(rest.count) more problems inside, the first: \(first.location): \(first.detail)")]
    }

    /// The entry `step` names, expanded within the limits; nil when there is none or it cannot be read.
    func nested(at step: OCRTarget.Step, in file: AttachmentFile) -> AttachmentFile? {
        guard case .archiveEntry(let path) = step,
            let archive = try? ZipArchive(bytes: file.bytes, maxEntries: extractor.limits.maxArchiveEntries),
            let entry = archive.entry(named: path)
        else { return nil }
        var budget = ExpansionBudget(limits: extractor.limits)
        guard let bytes = try? archive.contents(of: entry, budget: &budget) else { return nil }
        return AttachmentFile(filename: entry.name, contentType: "application/octet-stream", bytes: bytes)
    }

    static func isPlainText(_ name: String) -> Bool {
        let file = AttachmentFile(filename: name, contentType: "application/octet-stream", bytes: [])
        return ["txt", "csv", "log", "md"].contains(file.fileExtension ?? "")
    }
}
