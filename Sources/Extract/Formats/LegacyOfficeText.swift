/// Legacy binary Office files (OLE2 compound files): Word `.doc` by `antiword` (else `catdoc`),
/// Excel `.xls` by `xls2csv`, PowerPoint `.ppt` by `catppt`, chosen by the name's extension or the
/// declared type; a file that says neither is tried with antiword, catdoc, then xls2csv.
struct LegacyOfficeText {
    var extractor: AttachmentExtractor

    enum Reader: String, CaseIterable {
        case antiword, catdoc, xls2csv, catppt

        var arguments: [String] {
            switch self {
            // -w 0: a paragraph is one line.
            case .antiword: ["-m", "UTF-8.txt", "-w", "0"]
            case .catdoc: ["-d", "utf-8", "-w"]
            case .xls2csv, .catppt: ["-d", "utf-8"]
            }
        }
    }

    static func readers(for file: AttachmentFile) -> [Reader] {
        let type = file.contentType
        switch file.fileExtension {
        case "doc", "dot": return [.antiword, .catdoc]
        case "xls", "xlt": return [.xls2csv]
        case "ppt", "pps", "pot": return [.catppt]
        default: break
        }
        if type == "application/msword" { return [.antiword, .catdoc] }
        if type.contains("ms-excel") { return [.xls2csv] }
        if type.contains("ms-powerpoint") { return [.catppt] }
        return [.antiword, .catdoc, .xls2csv]
    }

    func extract(_ file: AttachmentFile) -> AttachmentExtraction {
        extractor.withCopy(of: file, named: "input", failure: { AttachmentExtraction(problems: [$0]) }) { folder, path in
            // The first reader that gives text wins; when none does, the first one's problem says why.
            var problems: [ExtractionProblem] = []
            for reader in Self.readers(for: file) {
                switch extractor.run(reader.rawValue, reader.arguments + [path], in: folder, for: file.label) {
                case .failure(let problem): problems.append(problem)
                case .success(let run):
                    // xls2csv separates sheets with form feeds.
                    let text = run.text.map { String($0.map { $0 == "\u{0C}" ? "\n" : $0 }) }
                    let problem = run.problem(at: file.label)
                    if let text, !text.trimmingWhitespace.isEmpty {
                        return AttachmentExtraction(text: text, source: .doc, problems: problem.map { [$0] } ?? [])
                    }
                    problems.append(problem ?? ExtractionProblem(.malformed, location: file.label, detail: "\(reader.rawValue) finds no text"))
                }
            }
            return AttachmentExtraction(problems: Array(problems.prefix(1)))
        }
    }
}
