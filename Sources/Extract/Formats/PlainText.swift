import MIME

/// A plain text file found inside a container: UTF-8 when it is valid UTF-8, else windows-1252
/// (what Finnish Windows writes).
enum PlainText {
    static func extraction(of file: AttachmentFile, maxBytes: Int) -> AttachmentExtraction {
        AttachmentExtraction(text: Charset(declared: nil).decodedText(Array(file.bytes.prefix(maxBytes))), source: .text)
    }
}
