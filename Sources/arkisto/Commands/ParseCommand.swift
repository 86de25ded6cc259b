import ArgumentParser
import Extract
import Foundation
import MIME

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse", abstract: "Show how Arkisto reads e-mail messages (.eml files).")

    @Flag(help: "Print one JSON object per file, one per line.")
    var json = false

    @Flag(name: .customLong("no-ocr"), help: "Do not recognise the text of images and scanned PDF pages (OCR takes about a second a page).")
    var noOCR = false

    @Argument(help: ArgumentHelp("Message files.", valueName: "file"))
    var files: [String]

    func run() throws {
        var failures = 0
        let reading = AttachmentTextReading(extractor: AttachmentExtractor(), recognises: !noOCR)
        for file in files {
            let name = URL(fileURLWithPath: file).lastPathComponent
            guard let data = FileManager.default.contents(atPath: file) else {
                Output.error("\(file): cannot read the file")
                failures += 1
                continue
            }
            let message: Message
            do {
                message = try MessageParser.parse([UInt8](data))
            } catch {
                Output.error("\(file): not parsed: \(error)")
                failures += 1
                continue
            }
            var summary = MessageSummary(message: message, name: name)
            reading.read(message, into: &summary)
            if json {
                try Output.json(summary)
            } else {
                print(MessageDescription(message: message, summary: summary).text)
            }
        }
        if failures > 0 {
            throw ExitCode(1)
        }
    }
}

/// The human-readable form of `arkisto parse`.
private struct MessageDescription {
    var message: Message
    var summary: MessageSummary

    var text: String {
        var lines = ["== \(summary.name)"]
        func addresses(_ list: [MailAddress]) -> String {
            list.map { address in address.name.map { "\($0) <\(address.address)>" } ?? address.address }
                .joined(separator: ", ")
        }
        lines.append("Message-ID: \(message.messageID ?? "(none)")")
        if let parent = message.inReplyTo { lines.append("In-Reply-To: \(parent)") }
        lines.append("Date: \(message.date.map { ISO8601DateFormatter().string(from: $0) } ?? "(none)")")
        lines.append("From: \(addresses(message.from))")
        lines.append("To: \(addresses(message.to))")
        if !message.cc.isEmpty { lines.append("Cc: \(addresses(message.cc))") }
        lines.append("Subject: \(message.subject ?? "(none)")")
        lines.append("Structure:")
        appendTree(message.body, depth: 1, into: &lines)
        for attachment in summary.attachments {
            var line = "Attachment: \(attachment.filename ?? "(no name)") \(attachment.contentType) \(attachment.sizeDecodedBytes) bytes"
            if let text = attachment.text, let source = attachment.textSource { line += ", \(text.count) characters of text (\(source))" }
            lines.append(line)
            lines += attachment.defects.map { "  unreadable: \($0.location): \($0.detail) (\($0.reason))" }
        }
        var defects = message.defects.map { $0.detail.isEmpty ? $0.kind.rawValue : "\($0.kind.rawValue) (\($0.detail))" }
        if summary.defects.contains(AttachmentTextReading.unreadableDefect) { defects.append(AttachmentTextReading.unreadableDefect) }
        if !defects.isEmpty {
            lines.append("Defects: " + defects.joined(separator: "; "))
        }
        lines.append("")
        lines.append(message.bodyText)
        return lines.map(Output.escaped).joined(separator: "\n")
    }

    private func appendTree(_ part: MessagePart, depth: Int, into lines: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        var line = indent + part.contentType
        if let disposition = part.disposition { line += " (\(disposition))" }
        if let filename = part.filename { line += " \"\(filename)\"" }
        switch part.content {
        case .text(let text): line += " \(text.utf8.count) bytes of text"
        case .binary(let bytes): line += " \(bytes.count) bytes"
        case .multipart, .message: break
        }
        lines.append(line)
        switch part.content {
        case .multipart(let children): children.forEach { appendTree($0, depth: depth + 1, into: &lines) }
        case .message(let nested): appendTree(nested.body, depth: depth + 1, into: &lines)
        case .text, .binary: break
        }
    }
}
