import FinnishText

/// Customer numbers as people type them in free text: `AS-1234567`, `AS 1234567`, `as1234567`
/// (FinnishText's recogniser reads only the hyphenated form, which is what linking trusts; a
/// redactor must also catch the others).
enum LooseCustomerNumbers {
    static func all(in text: String) -> [IdentifierMatch<CustomerNumber>] {
        let bytes = Array(text.utf8)
        var matches: [IdentifierMatch<CustomerNumber>] = []
        var index = 0
        while index + 9 <= bytes.count {
            guard bytes[index] | 0x20 == UInt8(ascii: "a"), bytes[index + 1] | 0x20 == UInt8(ascii: "s"),
                  index == 0 || !isWord(bytes[index - 1]) else { index += 1; continue }
            var digitsStart = index + 2
            if digitsStart < bytes.count, bytes[digitsStart] == UInt8(ascii: " ") || bytes[digitsStart] == UInt8(ascii: "-") {
                digitsStart += 1
            }
            let end = digitsStart + 7
            guard end <= bytes.count, bytes[digitsStart..<end].allSatisfy(isDigit),
                  end == bytes.count || !isWord(bytes[end]),
                  let number = CustomerNumber(String(decoding: bytes[index..<end], as: UTF8.self)) else { index += 1; continue }
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: index)
            matches.append(IdentifierMatch(value: number, range: start..<utf8.index(start, offsetBy: end - index)))
            index = end
        }
        return matches
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isWord(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
    }
}
