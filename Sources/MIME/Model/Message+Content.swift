import CICU
import Foundation

/// An attachment as the flattened views of a ``Message`` see it.
public struct Attachment: Sendable {
    public var filename: String?
    /// Lowercased `type/subtype`.
    public var contentType: String
    /// The content after transfer decoding.
    public var data: [UInt8]
    /// The decoded text of a `text/*` attachment; nil for other types.
    public var text: String?

    public init(filename: String?, contentType: String, data: [UInt8], text: String?) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
        self.text = text
    }
}

extension Message {
    /// The text/plain leaves that are not attachments, in order, joined with "\n" and normalised
    /// (LF line breaks, no trailing blanks, NFC).
    public var plainText: String {
        var pieces: [String] = []
        forEachLeaf { part in
            if !part.isAttachment, part.contentType == "text/plain", case .text(let text) = part.content {
                pieces.append(text)
            }
        }
        return TextNormalization.normalize(pieces.joined(separator: "\n"))
    }

    /// The text/html leaves that are not attachments, converted to text with ``HTMLText``, joined and
    /// normalised as ``plainText``.
    public var htmlText: String {
        var pieces: [String] = []
        forEachLeaf { part in
            if !part.isAttachment, part.contentType == "text/html", case .text(let html) = part.content {
                pieces.append(HTMLText.render(html))
            }
        }
        return TextNormalization.normalize(pieces.joined(separator: "\n"))
    }

    /// Whether the message has a text/html leaf that is not an attachment.
    public var htmlPresent: Bool {
        var found = false
        forEachLeaf { part in
            if !part.isAttachment && part.contentType == "text/html" { found = true }
        }
        return found
    }

    /// Every leaf with disposition `attachment` or a file name, depth first.
    public var attachments: [Attachment] {
        var result: [Attachment] = []
        forEachLeaf { part in
            guard part.isAttachment else { return }
            switch part.content {
            case .text(let text):
                result.append(Attachment(filename: part.filename, contentType: part.contentType,
                                         data: part.attachmentBytes ?? Array(text.utf8), text: text))
            case .binary(let data):
                result.append(Attachment(filename: part.filename, contentType: part.contentType, data: data, text: nil))
            case .multipart, .message:
                break
            }
        }
        return result
    }

    /// Calls `body` for each leaf of the tree, depth first in order, descending into multiparts and
    /// nested messages. Iterative, so deep trees are safe.
    public func forEachLeaf(_ body: (MessagePart) -> Void) {
        var stack: [MessagePart] = [self.body]
        while let part = stack.popLast() {
            switch part.content {
            case .multipart(let children):
                stack.append(contentsOf: children.reversed())
            case .message(let message):
                stack.append(message.body)
            case .text, .binary:
                body(part)
            }
        }
    }
}

/// The normal form of extracted text.
enum TextNormalization {
    /// CRLF and lone CR become LF, trailing spaces and tabs of each line go, and the result is NFC.
    static func normalize(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingBlanks = 0
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == ASCIIByte.cr || byte == ASCIIByte.lf {
                if byte == ASCIIByte.lf && previousWasCR {
                    previousWasCR = false
                    continue
                }
                bytes.removeLast(pendingBlanks)
                pendingBlanks = 0
                bytes.append(ASCIIByte.lf)
                previousWasCR = byte == ASCIIByte.cr
                continue
            }
            previousWasCR = false
            if ASCIIByte.isBlank(byte) {
                pendingBlanks += 1
            } else {
                pendingBlanks = 0
            }
            bytes.append(byte)
        }
        bytes.removeLast(pendingBlanks)
        let joined = String(decoding: bytes, as: UTF8.self)
        if isNFC(bytes) { return joined }
        return CanonicalComposition.nfc(bytes) ?? joined.precomposedStringWithCanonicalMapping
    }

    /// Whether the text is NFC already, as nearly all mail text is. Every character below U+0300
    /// is (none decomposes or combines), and those are the bytes below 0xCC in UTF-8; for the
    /// rest ICU's quick check decides.
    private static func isNFC(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            !buffer.contains(where: { $0 >= 0xCC })
                || (buffer.count <= Int(Int32.max) && cicu_is_nfc_utf8(buffer.baseAddress, Int32(buffer.count)) == 1)
        }
    }
}
