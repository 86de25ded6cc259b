import Testing

@testable import MIME

@Suite("Transfer decodings")
struct TransferDecodingTests {
    private func base64(_ text: String) -> ([UInt8], TransferDecoding.Damage) {
        var damage = TransferDecoding.Damage()
        let bytes = Array(text.utf8).withUnsafeBufferPointer { TransferDecoding.decodeBase64($0, damage: &damage) }
        return (bytes, damage)
    }

    private func quotedPrintable(_ text: String) -> (String, TransferDecoding.Damage) {
        var damage = TransferDecoding.Damage()
        let bytes = Array(text.utf8).withUnsafeBufferPointer {
            TransferDecoding.decodeQuotedPrintable($0, damage: &damage)
        }
        return (String(decoding: bytes, as: UTF8.self), damage)
    }

    @Test func base64WithLineBreaksAndPadding() {
        #expect(base64("SGVs\r\nbG8g\nd29y bGQ=\n").0 == Array("Hello world".utf8))
        #expect(base64("SGVsbG8=").1.isEmpty)
        #expect(base64("").0.isEmpty)
    }

    @Test func base64ToleratesBadPaddingAndGarbage() {
        let unpadded = base64("SGVsbG8")
        #expect(unpadded.0 == Array("Hello".utf8))
        #expect(unpadded.1 == .invalidBase64Characters)

        let garbage = base64("SGV*sb!G8=")
        #expect(garbage.0 == Array("Hello".utf8))
        #expect(garbage.1.contains(.invalidBase64Characters))

        // Padding ends the data; what follows is ignored.
        #expect(base64("SGk=\n--boundary--").0 == Array("Hi".utf8))
        #expect(base64("====SGk=").0 == Array("Hi".utf8))
    }

    /// enmime's epilogue-sample.raw: a close delimiter spoilt by a ">" leaves it and the text after
    /// it in the base64 part; the text after the padding is reported, as Python reports it.
    @Test func textAfterThePaddingIsDamage() {
        let smuggled = base64("PGh0bWw+Cg==\n\n--Enmime-Test-100-->\nPotentially malicious content\n")
        #expect(smuggled.0 == Array("<html>\n".utf8))
        #expect(smuggled.1 == .invalidBase64Characters)
        #expect(base64("PGh0bWw+Cg==\r\n\r\n").1.isEmpty)
        #expect(base64("SGk=\n=\n").1.isEmpty)
        #expect(base64("SGk=SGk=").1 == .invalidBase64Characters)
    }

    @Test func truncatedBase64DecodesWhatItCan() {
        let truncated = base64("SGVsbG8gd29ybGQhI")
        #expect(truncated.0 == Array("Hello world!".utf8))
        #expect(truncated.1.contains(.truncatedBase64))
    }

    @Test func quotedPrintable() {
        #expect(quotedPrintable("a=C3=A4b").0 == "aäb")
        #expect(quotedPrintable("lower =c3=a4").0 == "lower ä")
        #expect(quotedPrintable("soft=\nbreak=\r\nand= \t\nblanks").0 == "softbreakandblanks")
        #expect(quotedPrintable("ends with=").0 == "ends with")
        let invalid = quotedPrintable("50=% off =ZZ =4")
        #expect(invalid.0 == "50=% off =ZZ =4")
        #expect(invalid.1 == .invalidQuotedPrintable)
    }

    @Test func encodingNames() {
        #expect(TransferDecoding.Encoding(headerValue: " BASE64 ") == .base64)
        #expect(TransferDecoding.Encoding(headerValue: "Quoted-Printable (comment)") == .quotedPrintable)
        #expect(TransferDecoding.Encoding(headerValue: "8bit") == .identity)
        #expect(TransferDecoding.Encoding(headerValue: "x-unknown") == .identity)
        #expect(TransferDecoding.Encoding(headerValue: nil) == .identity)
    }
}
