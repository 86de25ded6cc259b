/// A small non-validating XML scanner over UTF-8 bytes: element starts and ends, attributes, and
/// character data. It decodes only the five predefined entities and numeric character
/// references; a DTD is skipped, never read, so its entities (billion laughs, external files)
/// stay unexpanded references and cost nothing. Comments, processing instructions and CDATA
/// sections are handled; the scan is iterative, and elements nested past `maxDepth` stop it.
struct XMLScanner {
    let bytes: [UInt8]
    let maxDepth: Int

    init(_ bytes: [UInt8], maxDepth: Int = 1_000) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Calls `visit` with each event in document order; `visit` returns false to stop the scan.
    @discardableResult
    func scan(_ visit: (XMLEvent) -> Bool) -> XMLScanOutcome {
        var outcome = XMLScanOutcome()
        var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var depth = 0
        let count = bytes.count
        while position < count {
            if bytes[position] != UInt8(ascii: "<") {
                let end = bytes[position...].firstIndex(of: UInt8(ascii: "<")) ?? count
                if !visit(.text(XMLText.decode(bytes[position..<end]))) { return outcome }
                position = end
                continue
            }
            if matches("<!--", at: position) {
                guard let end = find("-->", from: position + 4) else { return stopped(&outcome, "a comment is not closed") }
                position = end + 3
            } else if matches("<![CDATA[", at: position) {
                guard let end = find("]]>", from: position + 9) else { return stopped(&outcome, "a CDATA section is not closed") }
                if !visit(.text(String(decoding: bytes[(position + 9)..<end], as: UTF8.self))) { return outcome }
                position = end + 3
            } else if matches("<?", at: position) {
                guard let end = find("?>", from: position + 2) else { return stopped(&outcome, "a processing instruction is not closed") }
                position = end + 2
            } else if matches("<!", at: position) {
                outcome.declaresDTD = true
                guard let end = declarationEnd(from: position + 2) else { return stopped(&outcome, "a DTD is not closed") }
                position = end + 1
            } else if matches("</", at: position) {
                guard let end = tagEnd(from: position + 2) else { return stopped(&outcome, "an end tag is not closed") }
                let name = String(decoding: bytes[(position + 2)..<end], as: UTF8.self).trimmingWhitespace
                depth -= 1
                if !visit(.end(name)) { return outcome }
                position = end + 1
            } else {
                guard let end = tagEnd(from: position + 1) else { return stopped(&outcome, "a start tag is not closed") }
                let selfClosing = end > position + 1 && bytes[end - 1] == UInt8(ascii: "/")
                let element = XMLTag.parse(bytes[(position + 1)..<(selfClosing ? end - 1 : end)])
                if !selfClosing {
                    depth += 1
                    if depth > maxDepth {
                        outcome.nestedTooDeep = true
                        return stopped(&outcome, "elements are nested deeper than \(maxDepth)")
                    }
                }
                if !visit(.start(element)) { return outcome }
                if selfClosing, !visit(.end(element.name)) { return outcome }
                position = end + 1
            }
        }
        return outcome
    }

    private func stopped(_ outcome: inout XMLScanOutcome, _ reason: String) -> XMLScanOutcome {
        outcome.stoppedEarly = reason
        return outcome
    }

    private func matches(_ literal: StaticString, at position: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard position + length <= bytes.count else { return false }
        return literal.withUTF8Buffer { Array($0) == Array(bytes[position..<(position + length)]) }
    }

    private func find(_ literal: StaticString, from position: Int) -> Int? {
        let pattern = literal.withUTF8Buffer { Array($0) }
        guard let first = pattern.first, position <= bytes.count else { return nil }
        var index = position
        while index + pattern.count <= bytes.count {
            guard let candidate = bytes[index...].firstIndex(of: first), candidate + pattern.count <= bytes.count else { return nil }
            if bytes[candidate..<(candidate + pattern.count)].elementsEqual(pattern) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    /// The `>` that ends a tag, skipping `>` inside quoted attribute values.
    private func tagEnd(from position: Int) -> Int? {
        var quote: UInt8?
        var index = position
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The `>` that ends a `<!DOCTYPE …>` (or other `<!…>`) declaration: an internal subset in
    /// brackets, quoted literals and comments inside it are skipped, not interpreted.
    private func declarationEnd(from position: Int) -> Int? {
        var quote: UInt8?
        var brackets = 0
        var index = position
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if matches("<!--", at: index) {
                guard let end = find("-->", from: index + 4) else { return nil }
                index = end + 3
                continue
            } else {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                case UInt8(ascii: "["): brackets += 1
                case UInt8(ascii: "]"): brackets = max(0, brackets - 1)
                case UInt8(ascii: ">") where brackets == 0: return index
                default: break
                }
            }
            index += 1
        }
        return nil
    }
}
