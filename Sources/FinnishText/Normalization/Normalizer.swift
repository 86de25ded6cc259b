import CICU

/// Folds a word for search: NFKC with Unicode case folding, and diacritics removed except the
/// letters ä, ö and å, which Finnish and Swedish treat as letters of their own (`Café` → `cafe`,
/// `Müller` → `muller`, `ÄÖ` → `äö`, `Straße` → `strasse`).
enum Normalizer {
    /// Folds one word given as UTF-8 bytes.
    static func fold(_ word: UnsafeBufferPointer<UInt8>) -> String {
        if let folded = foldFinnishASCII(word) {
            return folded
        }
        return foldWithICU(word)
    }

    static func fold(_ word: String) -> String {
        var word = word
        return word.withUTF8 { fold($0) }
    }

    /// The common case without ICU: ASCII letters and digits plus ä, ö, å in either case.
    /// Returns nil when anything else occurs.
    private static func foldFinnishASCII(_ word: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        while index < word.count {
            let byte = word[index]
            if byte < 0x80 {
                index += 1
            } else if byte == 0xC3, index + 1 < word.count, isFinnishLetterTail(word[index + 1]) {
                index += 2
            } else {
                return nil
            }
        }
        return String(unsafeUninitializedCapacity: word.count) { output in
            var index = 0
            while index < word.count {
                let byte = word[index]
                if byte >= 0x41 && byte <= 0x5A {
                    output[index] = byte | 0x20
                } else if byte == 0xC3 {
                    output[index] = byte
                    index += 1
                    // Ä Å Ö (C3 84, C3 85, C3 96) → ä å ö (C3 A4, C3 A5, C3 B6)
                    output[index] = word[index] | 0x20
                } else {
                    output[index] = byte
                }
                index += 1
            }
            return word.count
        }
    }

    private static func isFinnishLetterTail(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x84, 0x85, 0x96, 0xA4, 0xA5, 0xB6: true
        default: false
        }
    }

    private static func foldWithICU(_ word: UnsafeBufferPointer<UInt8>) -> String {
        let length = Int32(clamping: word.count)
        // NFKC can expand (ﬃ → ffi); start with room for that and retry once if needed.
        var capacity = word.count * 3 + 16
        for _ in 0..<2 {
            var needed: Int32 = 0
            let result = String(unsafeUninitializedCapacity: capacity) { output in
                needed = cicu_fold_utf8(word.baseAddress, length, output.baseAddress, Int32(clamping: output.count))
                return needed >= 0 && Int(needed) <= output.count ? Int(needed) : 0
            }
            if needed < 0 {
                break
            }
            if Int(needed) <= capacity {
                return result
            }
            capacity = Int(needed)
        }
        // ICU failed (it should not for a short word): fall back to the bytes as they are.
        return String(decoding: word, as: UTF8.self).lowercased()
    }
}
