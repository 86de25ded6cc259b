import CICU

/// Turns bytes in a declared charset into a `String`.
///
/// The declared name is read as the WHATWG Encoding Standard's labels say (``CharsetLabels``:
/// `gb2312` decodes as GB18030, `iso-8859-1` as windows-1252...). UTF-8, US-ASCII and windows-1252 /
/// ISO-8859-15 are decoded in Swift; every other name goes to an ICU converter, so any IANA name or
/// alias ICU knows works. Bytes that are not valid in the charset become U+FFFD. A missing or unknown
/// charset falls back to UTF-8 when the bytes are valid UTF-8 and to windows-1252 otherwise.
public struct Charset: Hashable, Sendable {
    /// The declared name, lowercased and trimmed.
    let name: String
    private let kind: Kind

    private enum Kind: Hashable, Sendable {
        /// No declaration: guess UTF-8, else windows-1252.
        case undeclared
        /// A name no converter knows: guessed like ``undeclared``, always reported.
        case unknown
        case known(CharsetLabels.Decoder)
    }

    /// A charset from a `charset` parameter or an encoded word; nil or blank means undeclared.
    public init(declared: String?) {
        let name = (declared ?? "").trimmingASCIIWhitespace.asciiLowercased
        self.name = name
        kind = Charset.classify(name)
    }

    /// What went wrong while decoding, if anything.
    struct Problems: OptionSet, Sendable {
        let rawValue: UInt8
        /// The charset is missing or unknown and 8-bit bytes had to be guessed.
        static let unknownCharset = Problems(rawValue: 1)
        /// Bytes invalid in the charset were replaced with U+FFFD.
        static let invalidCharacters = Problems(rawValue: 2)
        /// The text held NUL characters, which were dropped.
        static let nulBytes = Problems(rawValue: 4)
    }

    /// Decodes `bytes`, dropping NUL characters, and reports what needed repair.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, problems: Problems) {
        var problems: Problems = []
        var text: String
        switch kind {
        case .undeclared:
            text = Charset.decodeGuessing(bytes, problems: &problems, declared: false)
        case .unknown:
            problems.insert(.unknownCharset)
            text = Charset.decodeGuessing(bytes, problems: &problems, declared: false)
        case .known(.utf8):
            text = Charset.decodeUTF8(bytes, problems: &problems)
        case .known(.asciiOrGuess):
            text = Charset.decodeGuessing(bytes, problems: &problems, declared: true)
        case .known(.windows1252):
            text = Windows1252.decode(bytes)
        case .known(.latin9):
            text = Windows1252.decodeLatin9(bytes)
        case .known(.utf16(let bigEndian)):
            text = Charset.decodeUTF16(bytes, bigEndian: bigEndian, problems: &problems)
        case .known(.icu(let converter, let asciiCompatible)):
            text = asciiCompatible && bytes.isASCII
                ? String(decoding: bytes, as: UTF8.self) : Charset.decodeWithICU(bytes, converter: converter, problems: &problems)
        }
        if text.utf8Contains(0) {
            problems.insert(.nulBytes)
            text = String(decoding: text.utf8.filter { $0 != 0 }, as: UTF8.self)
        }
        return (text, problems)
    }

    func decode(_ bytes: [UInt8]) -> (text: String, problems: Problems) {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    // MARK: - Decoders

    private static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, problems: inout Problems) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        problems.insert(.invalidCharacters)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// UTF-8 when valid (ASCII included), else windows-1252.
    private static func decodeGuessing(
        _ bytes: UnsafeBufferPointer<UInt8>, problems: inout Problems, declared: Bool
    ) -> String {
        if let text = String(validating: bytes, as: UTF8.self) {
            if !declared && !bytes.isASCII { problems.insert(.unknownCharset) }
            return text
        }
        problems.insert(declared ? .invalidCharacters : .unknownCharset)
        return Windows1252.decode(bytes)
    }

    /// UTF-16 in the byte order a byte order mark gives (the mark dropped), else in `bigEndian`'s.
    private static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool, problems: inout Problems) -> String {
        var order = bigEndian
        var body = bytes
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) {
            order = bytes[0] == 0xFE
            body = UnsafeBufferPointer(rebasing: bytes[2...])
        }
        return decodeWithICU(body, converter: order ? "UTF-16BE" : "UTF-16LE", problems: &problems)
    }

    private static func decodeWithICU(
        _ bytes: UnsafeBufferPointer<UInt8>, converter: String, problems: inout Problems
    ) -> String {
        guard bytes.count < Int(Int32.max / 4), let base = bytes.baseAddress else {
            return bytes.isEmpty ? "" : Charset.decodeGuessing(bytes, problems: &problems, declared: false)
        }
        var capacity = bytes.count * 3 + 16
        while true {
            var substitutions: Int32 = 0
            var length: Int32 = 0
            let text = converter.withCString { charsetName in
                String(unsafeUninitializedCapacity: capacity) { output in
                    length = cicu_decode_to_utf8(
                        charsetName, base, Int32(bytes.count), output.baseAddress, Int32(capacity), &substitutions)
                    return length >= 0 && Int(length) <= capacity ? Int(length) : 0
                }
            }
            if length == CICU_UNKNOWN_CHARSET || length < 0 {
                // An unknown name, or ICU failed: fall back as for an undeclared charset.
                problems.insert(.unknownCharset)
                return Charset.decodeGuessing(bytes, problems: &problems, declared: false)
            }
            if Int(length) > capacity {
                capacity = Int(length)
                continue
            }
            if substitutions > 0 { problems.insert(.invalidCharacters) }
            return text
        }
    }

    // MARK: - Names

    private static func classify(_ name: String) -> Kind {
        if name.isEmpty { return .undeclared }
        if let decoder = CharsetLabels.decoder(for: name) { return .known(decoder) }
        // Whether ICU knows the name shows when converting; an unknown one falls back then.
        guard isPlausibleName(name) else { return .unknown }
        return .known(.icu(converter: name, asciiCompatible: isASCIICompatible(name)))
    }

    /// ICU opens its default converter for an empty name and does fuzzy matching; only plain names go there.
    private static func isPlausibleName(_ name: String) -> Bool {
        let bytes = name.utf8
        return bytes.count <= 64
            && bytes.allSatisfy { byte in
                ASCIIByte.isLetter(byte) || ASCIIByte.isDigit(byte) || byte == ASCIIByte.minus || byte == ASCIIByte.underscore
                    || byte == ASCIIByte.dot || byte == ASCIIByte.colon || byte == ASCIIByte.plus
            }
    }

    /// Families whose bytes below 0x80 are always ASCII (not UTF-7, UTF-16/32, ISO-2022, HZ, EBCDIC...).
    private static func isASCIICompatible(_ name: String) -> Bool {
        let prefixes = ["iso-8859-", "iso8859-", "iso_8859-", "windows-125", "cp125", "koi8", "gb2312", "gbk",
                        "gb18030", "big5", "euc-", "tis-620", "latin"]
        return prefixes.contains { name.hasPrefix($0) }
    }
}
