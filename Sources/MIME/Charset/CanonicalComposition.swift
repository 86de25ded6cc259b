import CICU

/// Unicode Normalization Form C through ICU, in time linear in the text's length. Foundation's
/// `precomposedStringWithCanonicalMapping` moves the rest of the text for each change it makes,
/// which made a large body of garbage (random bytes declared UTF-16 or UTF-8: many characters to
/// compose) take time quadratic in its size.
enum CanonicalComposition {
    /// The NFC form of UTF-8 bytes (invalid sequences become U+FFFD); nil when ICU fails or the
    /// text is too large for it.
    static func nfc(_ bytes: [UInt8]) -> String? {
        if bytes.isEmpty { return "" }
        guard bytes.count < Int(Int32.max / 2) else { return nil }
        var capacity = bytes.count + bytes.count / 4 + 16
        while true {
            var needed: Int32 = 0
            let text = bytes.withUnsafeBufferPointer { source in
                String(unsafeUninitializedCapacity: capacity) { output in
                    needed = cicu_nfc_utf8(source.baseAddress, Int32(source.count), output.baseAddress, Int32(clamping: capacity))
                    return needed >= 0 && Int(needed) <= capacity ? Int(needed) : 0
                }
            }
            if needed < 0 { return nil }
            if Int(needed) > capacity {
                capacity = Int(needed)
                continue
            }
            return text
        }
    }
}
