import Foundation
import MIME

/// Outlook's `winmail.dat` (TNEF), unpacked by Debian's `tnef` into a private folder: the message
/// body (text, else HTML, else RTF) and the attached files, each read by its own format within the
/// nesting limit. The files are taken in name order, the same every time, so that
/// ``nested(at:in:)`` finds the attachment an ``OCRTarget/Step/tnefAttachment(_:)`` names.
struct TNEFText {
    var extractor: AttachmentExtractor
    var depth: Int

    /// The name `tnef` gives the body it saves (plus `.txt`, `.html` or `.rtf`).
    static let bodyName = "arkisto-body"

    func extract(_ file: AttachmentFile) -> AttachmentExtraction {
        let unpacked = unpack(file)
        var result = AttachmentExtraction(text: unpacked.body, source: .tnef, problems: unpacked.problems)
        for (index, inner) in unpacked.attachments.enumerated() {
            let name = inner.filename ?? "attachment \(index + 1)"
            result.append(Self.text(of: inner, with: extractor, depth: depth + 1), named: name, at: .tnefAttachment(index), container: file.label,
                textLimit: extractor.limits.maxTextBytes)
        }
        if result.text != nil { result.source = .tnef }
        return result
    }

    /// The file inside `file` that `step` names; nil when there is none.
    func nested(at step: OCRTarget.Step, in file: AttachmentFile) -> AttachmentFile? {
        guard case .tnefAttachment(let index) = step else { return nil }
        let attachments = unpack(file).attachments
        return attachments.indices.contains(index) ? attachments[index] : nil
    }

    /// A file from inside a container: plain text as it is, anything else by its format.
    static func text(of inner: AttachmentFile, with extractor: AttachmentExtractor, depth: Int) -> AttachmentExtraction {
        guard AttachmentFormat.detect(inner) == .text else { return extractor.extract(inner, depth: depth) }
        return AttachmentExtraction(text: LegacyText.decode(inner.bytes), source: .text)
    }

    private struct Unpacked {
        var body: String?
        var attachments: [AttachmentFile]
        var problems: [ExtractionProblem]
    }

    private func unpack(_ file: AttachmentFile) -> Unpacked {
        let limits = extractor.limits
        let failed = { (problem: ExtractionProblem) in Unpacked(body: nil, attachments: [], problems: [problem]) }
        return extractor.withCopy(of: file, named: "winmail.dat", failure: failed) { folder, path in
            var problems: [ExtractionProblem] = []
            let out: ScratchFolder
            do throws(ScratchFolder.Failure) {
                out = try folder.folder("out")
            } catch {
                return failed(ExtractionProblem(.failed, location: file.label, detail: error.description))
            }
            let arguments = [
                "-f", path, "-C", out.path, "--number-backups", "--save-body=\(Self.bodyName)", "--body-pref=thr",
                "--maxsize=\(limits.maxExpandedBytes)",
            ]
            switch extractor.run("tnef", arguments, in: folder, for: file.label) {
            case .failure(let problem): return failed(problem)
            case .success(let run):
                if let problem = run.problem(at: file.label) {
                    // tnef says little about a damaged stream; say what the file is not.
                    let reason: ExtractionProblem.Reason = problem.reason == .failed ? .malformed : problem.reason
                    problems.append(ExtractionProblem(reason, location: file.label, detail: "not a readable TNEF stream (\(problem.detail))"))
                }
            }
            var bodyText: String?
            var attachments: [AttachmentFile] = []
            var total = 0
            for (name, size) in out.files() {
                total += size
                guard total <= limits.maxExpandedBytes else {
                    problems.append(ExtractionProblem(.overLimit, location: file.label, detail: "the attachments expand past \(limits.maxExpandedBytes) bytes; the rest are not read"))
                    break
                }
                guard let bytes = out.read(name, limit: limits.maxExpandedBytes) else { continue }
                if name.hasPrefix(Self.bodyName + "."), bodyText == nil {
                    bodyText = Self.bodyText(bytes, kind: String(name.dropFirst(Self.bodyName.count + 1)), extractor: extractor, depth: depth)
                    continue
                }
                guard attachments.count < limits.maxArchiveEntries else {
                    problems.append(ExtractionProblem(.overLimit, location: file.label, detail: "more than \(limits.maxArchiveEntries) attachments; the rest are not read"))
                    break
                }
                attachments.append(AttachmentFile(filename: name, contentType: "application/octet-stream", bytes: bytes))
            }
            return Unpacked(body: bodyText, attachments: attachments, problems: problems)
        }
    }

    private static func bodyText(_ bytes: [UInt8], kind: String, extractor: AttachmentExtractor, depth: Int) -> String? {
        switch kind {
        case "html": return HTMLText.render(LegacyText.decode(bytes))
        case "rtf": return extractor.extract(AttachmentFile(filename: "body.rtf", contentType: "application/rtf", bytes: bytes), depth: depth + 1).text
        default: return LegacyText.decode(bytes)
        }
    }
}

/// Text from Outlook and old tools: UTF-8 when it is valid UTF-8, else Windows-1252.
enum LegacyText {
    static func decode(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(bytes: bytes, encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
    }
}
