import FileInput
/// Streams the messages of an mbox file.
///
/// A message starts at a line beginning with `From ` that is the first line of the file or follows
/// an empty line (before the first message, any `From ` line does). Its bytes run to the next such
/// line, without the `From ` line and without the one empty line that separates it from the next
/// (at the end of the file, the last line when it is empty), with `>From ` lines un-escaped for the
/// flavour. Lines may end in LF or CRLF. Bytes before the first message that are not blank are
/// reported as unreadable, and so is a message over the size limit (scanned past, never held).
struct MboxReader: IteratorProtocol, Sendable {
    private struct PendingMessage {
        var offset: Int64
        /// The `From ` line after `From `, kept up to ``maxEnvelopeBytes``.
        var envelope: [UInt8]
        var bytes: [UInt8] = []
        /// The size after un-escaping, counted on even when the bytes are dropped for the limit.
        var size: Int64 = 0
        var tooLarge = false
        /// The envelope line was longer than a fragment: skip its continuation.
        var insideEnvelope = false
    }

    private struct Garbage {
        var offset: Int64
        var size: Int64 = 0
        var hasText = false
    }

    private let path: String
    private let flavour: MboxFlavour
    private let maxMessageBytes: Int
    private var scanner: LineScanner?
    private var openError: SystemError?
    private var current: PendingMessage?
    private var garbage: Garbage?
    /// An empty line not yet added to the current message: it is the separator if a `From ` line follows.
    private var pendingEmptyLine: [UInt8]?
    private var finished = false

    /// `chunkBytes` and `maxFragmentBytes` are for tests of chunk boundaries and very long lines.
    init(path: String, flavour: MboxFlavour, maxMessageBytes: Int, chunkBytes: Int = 1 << 20, maxFragmentBytes: Int = 4 << 20) {
        self.path = path
        self.flavour = flavour
        self.maxMessageBytes = maxMessageBytes
        do {
            scanner = LineScanner(file: try ReadOnlyFile(path: path), chunkBytes: chunkBytes, maxFragmentBytes: maxFragmentBytes)
        } catch {
            openError = error
        }
    }

    mutating func next() -> MailboxItem? {
        guard !finished else { return nil }
        if let openError {
            finished = true
            return .unreadable(SourceLocation(path: path), reason: openError.description)
        }
        guard var scanner else { return nil }
        self.scanner = nil  // not shared while advanced: no copy of its buffer
        defer { self.scanner = scanner }
        while true {
            guard let result = scanner.nextLine() else {
                finished = true
                pendingEmptyLine = nil
                return finishCurrent() ?? reportGarbage()
            }
            let line: LineScanner.Line
            switch result {
            case .success(let read): line = read
            case .failure(let error):
                finished = true
                let location = SourceLocation(path: path, offset: current?.offset)
                current = nil
                return .unreadable(location, reason: "read error: \(error)")
            }

            if !line.isContinuation && Self.isFromLine(line.bytes)
                && (current == nil || pendingEmptyLine != nil) {
                pendingEmptyLine = nil
                let previous = finishCurrent() ?? reportGarbage()
                current = PendingMessage(
                    offset: line.offset, envelope: Array(line.bytes.dropFirst(Self.fromPrefix.count).prefix(Self.maxEnvelopeBytes)),
                    insideEnvelope: !Self.endsWithNewline(line.bytes))
                if let previous { return previous }
                continue
            }
            guard current != nil else {
                noteGarbage(line)
                continue
            }
            if line.isContinuation {
                if current?.insideEnvelope == true {
                    let room = Self.maxEnvelopeBytes - (current?.envelope.count ?? 0)
                    current?.envelope.append(contentsOf: line.bytes.prefix(max(room, 0)))
                    continue
                }
                append(line.bytes)
                continue
            }
            current?.insideEnvelope = false
            if Self.isEmptyLine(line.bytes) {
                if let empty = pendingEmptyLine { append(empty[...]) }
                // Not a slice of the scanner's buffer: holding one would make its next read copy it.
                pendingEmptyLine = line.bytes.count == 1 ? Self.lineFeed : Self.carriageReturnLineFeed
                continue
            }
            if let empty = pendingEmptyLine {
                append(empty[...])
                pendingEmptyLine = nil
            }
            append(unescaped(line.bytes))
        }
    }

    // MARK: Messages

    private mutating func append(_ bytes: ArraySlice<UInt8>) {
        guard current != nil else { return }
        current?.size += Int64(bytes.count)
        if current?.tooLarge == true { return }
        if let size = current?.size, size > Int64(maxMessageBytes) {
            current?.tooLarge = true
            current?.bytes = []
            return
        }
        current?.bytes.append(contentsOf: bytes)
    }

    private mutating func finishCurrent() -> MailboxItem? {
        guard let message = current else { return nil }
        current = nil
        let location = SourceLocation(path: path, offset: message.offset)
        if message.tooLarge {
            return .oversized(location, size: message.size, limit: maxMessageBytes)
        }
        return .message(RawMessage(bytes: message.bytes, location: location, envelope: Self.envelope(message.envelope)))
    }

    private mutating func noteGarbage(_ line: LineScanner.Line) {
        if garbage == nil { garbage = Garbage(offset: line.offset) }
        garbage?.size += Int64(line.bytes.count)
        if !line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) {
            garbage?.hasText = true
        }
    }

    private mutating func reportGarbage() -> MailboxItem? {
        guard let found = garbage else { return nil }
        garbage = nil
        guard found.hasText else { return nil }
        return .unreadable(
            SourceLocation(path: path, offset: found.offset),
            reason: "\(found.size) bytes that are not an mbox message (no \"From \" line before them)")
    }

    // MARK: Lines

    private static let fromPrefix: [UInt8] = Array("From ".utf8)
    private static let lineFeed: [UInt8] = [0x0A]
    private static let carriageReturnLineFeed: [UInt8] = [0x0D, 0x0A]

    static func isFromLine(_ line: ArraySlice<UInt8>) -> Bool {
        line.starts(with: fromPrefix)
    }

    static func isEmptyLine(_ line: ArraySlice<UInt8>) -> Bool {
        line.elementsEqual([0x0A]) || line.elementsEqual([0x0D, 0x0A])
    }

    static func endsWithNewline(_ line: ArraySlice<UInt8>) -> Bool {
        line.last == 0x0A
    }

    /// Longer `From ` lines are cut: the envelope is information, not the message.
    static let maxEnvelopeBytes = 4096

    /// The `From ` line content without its line terminator.
    static func envelope(_ bytes: [UInt8]) -> String {
        var content = bytes[...]
        while let last = content.last, last == 0x0A || last == 0x0D { content = content.dropLast() }
        return String(decoding: content, as: UTF8.self)
    }

    /// The line with one `>` removed when it is an escaped `From ` line of this flavour.
    private func unescaped(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard line.first == UInt8(ascii: ">") else { return line }
        let afterQuotes: ArraySlice<UInt8>
        switch flavour {
        case .mboxrd: afterQuotes = line.drop { $0 == UInt8(ascii: ">") }
        case .mboxo: afterQuotes = line.dropFirst()
        }
        return afterQuotes.starts(with: Self.fromPrefix) ? line.dropFirst() : line
    }
}
