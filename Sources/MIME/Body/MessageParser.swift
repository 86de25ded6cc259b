import Foundation

/// Parses Internet messages (RFC 5322, MIME) from bytes.
///
/// Parsing is iterative (an explicit stack instead of recursion), so any input is safe on a thread
/// with a small stack. Malformed content never throws: it is repaired and recorded as a ``Defect``.
public enum MessageParser {
    /// Parses one message.
    ///
    /// - Throws: ``LimitExceeded`` only when the message is over one of `limits` (size, MIME nesting
    ///   depth, header line length, number of parts); such a message should be quarantined.
    public static func parse(_ bytes: [UInt8], limits: ParseLimits = .default) throws(LimitExceeded) -> Message {
        guard bytes.count <= limits.maxMessageBytes else {
            throw LimitExceeded(.messageSize, allowed: limits.maxMessageBytes, found: bytes.count)
        }
        let result: Result<Message, LimitExceeded> = bytes.withUnsafeBufferPointer { buffer in
            var run = ParseRun(source: bytes, buffer: buffer, limits: limits)
            return Result { () throws(LimitExceeded) in try run.parseMessage() }
        }
        return try result.get()
    }
}

/// The state of one `MessageParser.parse` call.
private struct ParseRun {
    /// The input, for the slices that keep an enclosed message's bytes; `buffer` is its storage.
    let source: [UInt8]
    let buffer: UnsafeBufferPointer<UInt8>
    let limits: ParseLimits
    let headerParser: HeaderParser
    var defects: [Defect] = []
    var partCount = 0
    /// Kinds recorded once per parse.
    var sawMixedLineEndings = false
    var sawNulBytes = false

    init(source: [UInt8], buffer: UnsafeBufferPointer<UInt8>, limits: ParseLimits) {
        self.source = source
        self.buffer = buffer
        self.limits = limits
        headerParser = HeaderParser(maxLineBytes: limits.maxHeaderLineBytes)
    }

    /// A container waiting for its children. Mutated in place on the stack, so that appending a
    /// child never copies the children before it.
    private struct Frame {
        enum Kind {
            /// A multipart entity; its parts are `partRanges`.
            case multipart(EntityHead)
            /// A message (the top-level one, or the body of the message/rfc822 part `enclosingPart`) waiting
            /// for its root entity; its defects start at `firstDefect` in `defects`.
            case message(enclosingPart: EntityHead?, firstDefect: Int)
        }

        var kind: Kind
        var depth: Int
        var partRanges: [Range<Int>] = []
        var next = 0
        var children: [MessagePart] = []
    }

    private typealias Request = (range: Range<Int>, defaultType: String, depth: Int, isMessageRoot: Bool)

    /// What opening an entity gave: a finished part, or a container to fill, starting with `firstChild`.
    private enum Opened {
        case part(MessagePart)
        case frame(Frame, firstChild: Request)
    }

    mutating func parseMessage() throws(LimitExceeded) -> Message {
        if ByteSearch.firstIndex(of: 0, in: buffer, from: 0, end: buffer.count) != nil {
            defects.append(Defect(.nulBytes, "NUL bytes in the message; dropped from text"))
            sawNulBytes = true
        }
        var stack = [Frame(kind: .message(enclosingPart: nil, firstDefect: 0), depth: 0)]
        var next: Request? = (0..<buffer.count, "text/plain", 0, true)

        while true {
            var finished: MessagePart
            if let request = next {
                next = nil
                switch try open(request.range, defaultType: request.defaultType, depth: request.depth,
                                isMessageRoot: request.isMessageRoot)
                {
                case .part(let part):
                    finished = part
                case .frame(let frame, let firstChild):
                    stack.append(frame)
                    next = firstChild
                    continue
                }
            } else {
                // Unreachable: every container asks for a child or finishes.
                return makeMessage(root: emptyPart(), firstDefect: 0)
            }

            // Hand the finished part to its container; finish containers that are complete.
            while true {
                let top = stack.count - 1
                switch stack[top].kind {
                case .multipart(let head):
                    stack[top].children.append(finished)
                    if stack[top].next < stack[top].partRanges.count {
                        let range = stack[top].partRanges[stack[top].next]
                        stack[top].next += 1
                        let childDefault = head.contentType == "multipart/digest" ? "message/rfc822" : "text/plain"
                        next = (range, childDefault, stack[top].depth + 1, false)
                    } else {
                        let children = stack.removeLast().children
                        finished = MessagePart(
                            headers: head.headers, contentType: head.contentType,
                            contentTypeParameters: head.parameters, disposition: head.disposition,
                            filename: head.filename, content: .multipart(children))
                        continue
                    }
                case .message(let enclosingPart, let firstDefect):
                    stack.removeLast()
                    let message = makeMessage(root: finished, firstDefect: firstDefect)
                    guard let enclosing = enclosingPart else { return message }
                    finished = MessagePart(
                        headers: enclosing.headers, contentType: enclosing.contentType,
                        contentTypeParameters: enclosing.parameters, disposition: enclosing.disposition,
                        filename: enclosing.filename, content: .message(message), enclosedBytes: source[enclosing.body])
                    continue
                }
                break
            }
        }
    }

    private func emptyPart() -> MessagePart {
        MessagePart(headers: HeaderFields(), contentType: "text/plain", contentTypeParameters: [:],
                    disposition: nil, filename: nil, content: .text(""))
    }

    /// Parses the headers of the entity in `range` and either finishes it (a leaf) or opens a container.
    private mutating func open(_ range: Range<Int>, defaultType: String, depth: Int, isMessageRoot: Bool)
        throws(LimitExceeded) -> Opened
    {
        partCount += 1
        if partCount > limits.maxParts {
            throw LimitExceeded(.partCount, allowed: limits.maxParts, found: partCount)
        }
        let parsed = try headerParser.parse(buffer, range: range)
        for defect in parsed.defects {
            if defect.kind == .mixedLineEndings {
                if sawMixedLineEndings { continue }
                sawMixedLineEndings = true
            }
            defects.append(defect)
        }
        let head = EntityHead(headers: parsed.fields, body: parsed.bodyStart..<range.upperBound,
                              defaultType: defaultType, defects: &defects)
        if isMessageRoot && depth == 0 && buffer[head.body].allSatisfy(ASCIIByte.isWhitespace) {
            defects.append(Defect(.emptyBody, "the message has no body"))
        }

        if head.isMultipart {
            guard let boundaryText = head.parameters["boundary"], !boundaryText.isEmpty else {
                defects.append(Defect(.missingBoundaryParameter, "\(head.contentType) without a boundary"))
                return .part(leaf(head))
            }
            if depth + 1 > limits.maxNestingDepth {
                return .part(tooDeep(head))
            }
            let boundary = Array(boundaryText.utf8)
            guard let split = MultipartSplitter.split(buffer, range: head.body, boundary: boundary,
                                                      maxParts: limits.maxParts)
            else {
                defects.append(Defect(.startBoundaryNotFound, "no \"--\(boundaryText)\" line in \(head.contentType)"))
                return .part(leaf(head))
            }
            if !split.foundCloseDelimiter {
                defects.append(Defect(.missingClosingBoundary, "no \"--\(boundaryText)--\" line"))
            }
            if partCount + split.parts.count > limits.maxParts {
                throw LimitExceeded(.partCount, allowed: limits.maxParts, found: partCount + split.parts.count)
            }
            guard let first = split.parts.first else {
                // RFC 2046 asks for at least one part; Python reports a missing start boundary.
                defects.append(Defect(.startBoundaryNotFound, "no part in \(head.contentType), only its close delimiter"))
                return .part(MessagePart(
                    headers: head.headers, contentType: head.contentType, contentTypeParameters: head.parameters,
                    disposition: head.disposition, filename: head.filename, content: .multipart([])))
            }
            let childDefault = head.contentType == "multipart/digest" ? "message/rfc822" : "text/plain"
            var frame = Frame(kind: .multipart(head), depth: depth, partRanges: split.parts, next: 1)
            frame.children.reserveCapacity(split.parts.count)
            return .frame(frame, firstChild: (first, childDefault, depth + 1, false))
        }

        if head.isEncapsulatedMessage {
            if depth + 1 > limits.maxNestingDepth {
                return .part(tooDeep(head))
            }
            let frame = Frame(kind: .message(enclosingPart: head, firstDefect: defects.count), depth: depth + 1)
            return .frame(frame, firstChild: (head.body, "text/plain", depth + 1, true))
        }
        return .part(leaf(head))
    }

    /// A container nested deeper than the limit: kept whole as an opaque leaf, so the message is
    /// still archived (its original stays byte for byte) and the defect says what was not read.
    private mutating func tooDeep(_ head: EntityHead) -> MessagePart {
        defects.append(Defect(
            .nestingTooDeep, "\(head.contentType) below \(limits.maxNestingDepth) levels of nesting kept unparsed"))
        return MessagePart(
            headers: head.headers, contentType: head.contentType, contentTypeParameters: head.parameters,
            disposition: head.disposition, filename: head.filename,
            content: .binary(Array(UnsafeBufferPointer(rebasing: buffer[head.body]))))
    }

    /// Decodes a leaf: transfer decoding, then charset conversion for text.
    private mutating func leaf(_ head: EntityHead) -> MessagePart {
        let raw = UnsafeBufferPointer(rebasing: buffer[head.body])
        var damage = TransferDecoding.Damage()
        let decoded: [UInt8]?
        switch head.transferEncoding {
        case .identity: decoded = nil
        case .base64: decoded = TransferDecoding.decodeBase64(raw, damage: &damage)
        case .quotedPrintable: decoded = TransferDecoding.decodeQuotedPrintable(raw, damage: &damage)
        }
        if damage.contains(.truncatedBase64) {
            defects.append(Defect(.invalidBase64, "base64 ends in the middle of a quantum (truncated)"))
        } else if damage.contains(.invalidBase64Characters) {
            defects.append(Defect(.invalidBase64, "invalid base64 characters or padding"))
        }
        if damage.contains(.invalidQuotedPrintable) {
            defects.append(Defect(.invalidQuotedPrintable, "\"=\" not followed by two hex digits"))
        }

        let content: MessagePart.Content
        var attachmentBytes: [UInt8]? = nil
        if head.isText {
            let charset = Charset(declared: head.parameters["charset"])
            let (text, problems) = decoded.map { charset.decode($0) } ?? charset.decode(raw)
            if problems.contains(.unknownCharset) {
                defects.append(Defect(.unknownCharset, "charset \"\(charset.name)\" of \(head.contentType)"))
            }
            if problems.contains(.invalidCharacters) {
                defects.append(Defect(.invalidCharacters, "bytes invalid in \"\(charset.name)\" replaced"))
            }
            if problems.contains(.nulBytes) && !sawNulBytes {
                sawNulBytes = true
                defects.append(Defect(.nulBytes, "NUL characters dropped from text"))
            }
            content = .text(text)
            if head.isAttachment { attachmentBytes = decoded ?? Array(raw) }
        } else {
            content = .binary(decoded ?? Array(raw))
        }
        return MessagePart(
            headers: head.headers, contentType: head.contentType, contentTypeParameters: head.parameters,
            disposition: head.disposition, filename: head.filename, content: content, attachmentBytes: attachmentBytes)
    }

    /// A message from its root entity: the fields Arkisto needs are read from the root's headers.
    private mutating func makeMessage(root: MessagePart, firstDefect: Int) -> Message {
        let fields = MessageFields(root.headers)
        defects.append(contentsOf: fields.defects)
        return Message(
            headers: root.headers, messageID: fields.messageID, inReplyTo: fields.inReplyTo,
            references: fields.references, date: fields.date, subject: fields.subject, from: fields.from,
            to: fields.to, cc: fields.cc, bcc: fields.bcc, replyTo: fields.replyTo, body: root,
            defects: Array(defects[firstDefect...]))
    }
}
