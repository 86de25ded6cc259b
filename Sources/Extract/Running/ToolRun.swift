import Glibc

/// What one run of a Debian tool gave a reader: its output (all of it, or the part up to the
/// output limit), and the problem when it did not end well, worded for the attachment.
struct ToolRun: Sendable {
    var tool: String
    var outcome: ProcessOutcome
    var limits: ExtractionLimits
    /// The output read before the tool was killed.
    var outputLimit: Int

    /// Standard output when the tool finished, or its first ``ExtractionLimits/maxTextBytes`` when it
    /// was killed for writing more; nil otherwise.
    var output: [UInt8]? {
        switch outcome {
        case .finished(let output, _): output
        case .outputTooLarge(let partial): partial
        default: nil
        }
    }

    /// The output as UTF-8 text (invalid bytes replaced).
    var text: String? { output.map { String(decoding: $0, as: UTF8.self) } }

    /// Standard error's first non-empty line, for messages.
    var firstErrorLine: String? {
        let errors: String
        switch outcome {
        case .finished(_, let text), .failed(_, let text), .signalled(_, let text): errors = text
        default: return nil
        }
        return errors.split(whereSeparator: \.isNewline).lazy.map { String($0).trimmingWhitespace }.first { !$0.isEmpty }
    }

    /// Why the run gave nothing (or only part), at `location`; nil when it finished.
    func problem(at location: String) -> ExtractionProblem? {
        let because = firstErrorLine.map { ": \($0)" } ?? ""
        switch outcome {
        case .finished: return nil
        case .failed(let status, _):
            return ExtractionProblem(.failed, location: location, detail: "\(tool) exited with status \(status)\(because)")
        case .signalled(SIGXCPU, _):
            return ExtractionProblem(.timedOut, location: location, detail: "\(tool) used more than \(limits.toolSeconds) s of CPU")
        case .signalled(SIGXFSZ, _):
            return ExtractionProblem(.overLimit, location: location, detail: "\(tool) wrote a file over \(limits.maxExpandedBytes) bytes")
        case .signalled(let signal, _):
            return ExtractionProblem(.crashed, location: location, detail: "\(tool) died of signal \(signal)\(because)")
        case .timedOut:
            return ExtractionProblem(.timedOut, location: location, detail: "\(tool) killed after \(limits.toolSeconds) s")
        case .outputTooLarge:
            return ExtractionProblem(.outputTooLarge, location: location, detail: "\(tool) gave more than \(outputLimit) bytes of text; the rest is not read")
        case .notStarted(let reason):
            return ExtractionProblem(.failed, location: location, detail: reason)
        }
    }
}

extension AttachmentExtractor {
    /// Runs the Debian tool `name` under the limits (``LimitedProcess``), its files in `folder`.
    /// A tool (or prlimit) that is not installed is a ``ExtractionProblem/Reason/toolMissing``
    /// problem at `location`. Standard output is bounded by ``ExtractionLimits/maxTextBytes`` unless
    /// `outputLimit` says otherwise (for a tool's report rather than the attachment's text).
    func run(
        _ name: String, _ arguments: [String], in folder: ScratchFolder, for location: String, outputLimit: Int? = nil
    ) -> Result<ToolRun, ExtractionProblem> {
        guard let executable = tools.path(name) else {
            return .failure(ExtractionProblem(.toolMissing, location: location, detail: "\(name) is not installed"))
        }
        guard let prlimit = tools.path("prlimit") else {
            return .failure(ExtractionProblem(.toolMissing, location: location, detail: "prlimit (util-linux) is not installed; \(name) runs only under limits"))
        }
        let environment = [
            "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": folder.path, "TMPDIR": folder.path,
            // tesseract: one thread, since the OCR pass runs one tesseract per core.
            "OMP_THREAD_LIMIT": "1",
        ]
        var bounds = ProcessBounds(limits)
        if let outputLimit { bounds.outputBytes = outputLimit }
        let process = LimitedProcess(prlimit: prlimit, executable: executable, arguments: arguments, environment: environment, bounds: bounds)
        return .success(ToolRun(tool: name, outcome: process.run(), limits: limits, outputLimit: bounds.outputBytes))
    }

    /// Runs `body` with `file`'s bytes written as `name` into a private folder that is removed
    /// afterwards; a folder that cannot be made or written is `failure`'s problem.
    func withCopy<T>(of file: AttachmentFile, named name: String, failure: (ExtractionProblem) -> T, _ body: (ScratchFolder, String) -> T) -> T {
        let outcome = ScratchFolder.with { folder -> Result<T, ScratchFolder.Failure> in
            do throws(ScratchFolder.Failure) {
                let path = try folder.write(file.bytes, named: name)
                return .success(body(folder, path))
            } catch {
                return .failure(error)
            }
        }
        switch outcome.flatMap({ $0 }) {
        case .success(let value): return value
        case .failure(let error): return failure(ExtractionProblem(.failed, location: file.label, detail: error.description))
        }
    }
}

/// A problem is the error of the steps that read an attachment (`Result<_, ExtractionProblem>`).
extension ExtractionProblem: Error {
    /// This problem at `location` (a tool's problem told for the OCR target it was run for).
    func at(_ location: String) -> ExtractionProblem {
        ExtractionProblem(reason, location: location, detail: detail)
    }
}
