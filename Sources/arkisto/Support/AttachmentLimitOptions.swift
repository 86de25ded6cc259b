import ArgumentParser
import Extract

/// The limit commands that read attachments take: how long one external reader may run.
struct AttachmentLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Seconds one attachment reader (pdftotext, tesseract, ...) may run before it is killed and the attachment marked unreadable.",
        valueName: "seconds"))
    var attachmentSeconds: Int = ExtractionLimits.default.toolSeconds

    func validate() throws {
        if attachmentSeconds < 1 { throw ValidationError("--attachment-seconds must be at least 1") }
    }

    /// The reader the command uses.
    var extractor: AttachmentExtractor {
        var limits = ExtractionLimits.default
        limits.toolSeconds = attachmentSeconds
        return AttachmentExtractor(limits: limits)
    }
}
