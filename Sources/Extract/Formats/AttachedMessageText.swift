import MIME

/// An attached message (`message/rfc822`, a forwarded `.eml`): the text MIME gives it (its
/// Subject, From, To and Cc lines, its body, its text attachments and the messages inside it),
/// plus every other attachment of it read by the same rules as an attachment (`depth + 1`),
/// located by ``OCRTarget/Step/messageAttachment(_:)`` steps. Messages inside it are descended
/// into for their attachments within the nesting limit.
struct AttachedMessageText {
    var extractor: AttachmentExtractor
    var depth: Int

    func extract(_ file: AttachmentFile) -> AttachmentExtraction {
        let message: Message
        do throws(LimitExceeded) {
            message = try MessageParser.parse(file.bytes)
        } catch {
            return .problem(.overLimit, file, "the attached message cannot be read: \(error)")
        }
        var result = AttachmentExtraction(text: EnclosedMessageText.text(of: message), source: .message)
        appendAttachments(of: message, into: &result, container: file.label, depth: depth)
        if let text = result.text, text.utf8.count > extractor.limits.maxTextBytes {
            result.text = String(decoding: text.utf8.prefix(extractor.limits.maxTextBytes), as: UTF8.self)
            result.problems.append(ExtractionProblem(.outputTooLarge, location: file.label, detail: "the text was cut at \(extractor.limits.maxTextBytes) bytes"))
        }
        return result
    }

    /// The attachment `step` names, as its own file; nil when there is none.
    func nested(at step: OCRTarget.Step, in file: AttachmentFile) -> AttachmentFile? {
        guard case .messageAttachment(let index) = step, let message = try? MessageParser.parse(file.bytes) else { return nil }
        let attachments = message.attachments
        guard attachments.indices.contains(index) else { return nil }
        let attachment = attachments[index]
        return AttachmentFile(filename: attachment.filename, contentType: attachment.contentType, bytes: attachment.data)
    }

    /// The attachments whose text MIME does not give (binary ones), read by the extractor; the
    /// attachments of messages inside, through their own steps, down to the nesting limit (so a
    /// message nested 200 deep costs five levels, not 200).
    private func appendAttachments(of message: Message, into result: inout AttachmentExtraction, container: String, depth: Int) {
        guard depth < extractor.limits.maxNestingDepth else {
            if message.attachments.contains(where: { $0.text == nil || $0.contentType.hasPrefix("message/") }) {
                result.problems.append(ExtractionProblem(.nestingTooDeep, location: container,
                                                         detail: "messages nested deeper than \(extractor.limits.maxNestingDepth); the attachments inside were not read"))
            }
            return
        }
        for (index, attachment) in message.attachments.enumerated() {
            let name = attachment.filename ?? attachment.contentType
            if attachment.contentType.hasPrefix("message/") {
                // Its text is in MIME's text already; only its own attachments are still to read.
                guard let enclosed = try? MessageParser.parse(attachment.data) else { continue }
                var inner = AttachmentExtraction()
                appendAttachments(of: enclosed, into: &inner, container: name, depth: depth + 1)
                result.problems += inner.problems.map { $0.inside(container: container) }
                result.pendingOCR += inner.pendingOCR.map { $0.inside(.messageAttachment(index), container: container) }
                if let text = inner.text { result.text = [result.text, text].compactMap { $0 }.joined(separator: "\n\n") }
            } else if attachment.text == nil {
                let inner = AttachmentFile(filename: attachment.filename, contentType: attachment.contentType, bytes: attachment.data)
                result.append(extractor.extract(inner, depth: depth + 1), named: name, at: .messageAttachment(index), container: container,
                    textLimit: extractor.limits.maxTextBytes)
            }
        }
    }
}
