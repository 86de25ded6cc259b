/// Text an attachment still owes the index: an image or a text-less PDF page that OCR will read
/// later (`arkisto extract`). The archive keeps the target as its reader wrote it (the Extract
/// module's `OCRTarget` as JSON) and never looks inside.
public struct PendingRecognition: Sendable, Hashable {
    /// The way from the attachment's bytes to the image, as JSON.
    public var target: String
    /// For progress lines and problems: `kuvat.zip › sivu1.png`, `lasku.pdf, page 2`.
    public var label: String

    public init(target: String, label: String) {
        self.target = target
        self.label = label
    }
}
