/// An e-mail address in normalised form: trimmed, without display name or angle brackets, lower case.
///
/// Lower-casing the local part is not strictly RFC 5321, but every provider the archive sees treats
/// it case-insensitively, and identity linking must not split one customer in two.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    /// `local@domain`, lower case.
    public let value: String

    public var localPart: Substring { value[..<(value.lastIndex(of: "@") ?? value.endIndex)] }
    public var domain: Substring {
        guard let at = value.lastIndex(of: "@") else { return "" }
        return value[value.index(after: at)...]
    }

    /// Parses an address as written in a header or a form: `Matti Virtanen <Matti.Virtanen@Example.FI>`,
    /// `"Virtanen, Matti" <matti@example.fi>`, `mailto:matti@example.fi`, ` matti@example.fi. `.
    public init?(_ written: String) {
        var text = Substring(written)
        // The last <...> holds the address when there is a display name.
        if let close = text.lastIndex(of: ">"), let open = text[..<close].lastIndex(of: "<") {
            text = text[text.index(after: open)..<close]
        }
        text = text.drop(while: Self.isNoise)
        while let last = text.last, Self.isNoise(last) { text = text.dropLast() }
        if text.lowercased().hasPrefix("mailto:") { text = text.dropFirst(7) }
        let candidate = text.lowercased()
        guard Self.isValid(Array(candidate.utf8)) else { return nil }
        value = candidate
    }

    /// Normalises a written address; nil when it holds no valid address.
    public static func normalized(_ written: String) -> String? {
        EmailAddress(written)?.value
    }

    /// The addresses written in free text (signatures, quoted headers, bodies), in order.
    public static func all(in text: String) -> [IdentifierMatch<EmailAddress>] {
        let bytes = Array(text.utf8)
        var matches: [IdentifierMatch<EmailAddress>] = []
        var searchFrom = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "@") else { index += 1; continue }
            var start = index
            while start > searchFrom, isLocalByte(bytes[start - 1]) { start -= 1 }
            var end = index + 1
            while end < bytes.count, isDomainByte(bytes[end]) { end += 1 }
            // A sentence's full stop or a dash after the address is not part of it.
            while end > index + 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
            while start < index, bytes[start] == UInt8(ascii: ".") { start += 1 }
            let candidate = Array(bytes[start..<end])
            if isValid(candidate) {
                let address = String(decoding: candidate, as: UTF8.self).lowercased()
                matches.append(IdentifierMatch(value: EmailAddress(validated: address),
                                               range: ASCIIText.range(start..<end, in: text)))
                searchFrom = end
                index = end
            } else {
                index += 1
            }
        }
        return matches
    }

    private init(validated: String) {
        value = validated
    }

    private static func isNoise(_ character: Character) -> Bool {
        character.isWhitespace || "<>\"'(),;:.[]".contains(character)
    }

    private static func isLocalByte(_ byte: UInt8) -> Bool {
        ASCIIText.isDigit(byte) || ASCIIText.isLetter(byte) || "._%+-'=!#$&*/?^`{|}~".utf8.contains(byte)
    }

    private static func isDomainByte(_ byte: UInt8) -> Bool {
        ASCIIText.isDigit(byte) || ASCIIText.isLetter(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// `local@domain.tld` with a dot-atom local part and a domain of letter/digit/hyphen labels.
    private static func isValid(_ bytes: [UInt8]) -> Bool {
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")), at > 0, at < bytes.count - 1, bytes.count <= 254 else {
            return false
        }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        guard local.count <= 64, local.allSatisfy(isLocalByte),
              local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
              !zip(local, local.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") }) else {
            return false
        }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard !label.isEmpty, label.count <= 63,
                  label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                  label.allSatisfy({ ASCIIText.isDigit($0) || ASCIIText.isLetter($0) || $0 == UInt8(ascii: "-") }) else {
                return false
            }
        }
        // The top-level domain is letters only.
        return labels.last?.allSatisfy(ASCIIText.isLetter) ?? false
    }

    public var description: String { value }
}
