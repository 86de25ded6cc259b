import CICU
import Foundation

extension Message {
    /// The message's own text: its ``plainText``, or its ``htmlText`` when it has no plain text.
    public var bodyText: String {
        let plain = plainText
        return plain.isEmpty ? htmlText : plain
    }

    /// The text/plain leaves that are not attachments, in order, joined with "\n" and normalised
    /// (LF line breaks, no trailing blanks, NFC). Attached messages are attachments: their text is
    /// not the message's own.
    public var plainText: String {
        var pieces: [String] = []
        forEachOwnLeaf { part in
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
        forEachOwnLeaf { part in
            if !part.isAttachment, part.contentType == "text/html", case .text(let html) = part.content {
                pieces.append(HTMLText.render(html))
            }
        }
        return TextNormalization.normalize(pieces.joined(separator: "\n"))
    }

    /// Whether the message has a text/html leaf that is not an attachment.
    public var htmlPresent: Bool {
        var found = false
        forEachOwnLeaf { part in
            if !part.isAttachment && part.contentType == "text/html" { found = true }
        }
        return found
    }

    /// Calls `body` for each leaf of the message's own MIME tree and for each attached message
    /// (a part whose content is a nested ``Message``, passed whole), depth first in order: the view
    /// of the message's own text and attachments. Iterative, so deep trees are safe.
    public func forEachOwnLeaf(_ body: (MessagePart) -> Void) {
        var stack: [MessagePart] = [self.body]
        while let part = stack.popLast() {
            switch part.content {
            case .multipart(let children):
                stack.append(contentsOf: children.reversed())
            case .message, .text, .binary:
                body(part)
            }
        }
    }

    /// Calls `body` for each leaf of the tree, depth first in order, descending into multiparts and
    /// into nested messages too. Iterative, so deep trees are safe.
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
