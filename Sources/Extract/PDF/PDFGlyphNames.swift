import Foundation

/// Glyph names (as in /Differences and Type 1 encodings) → Unicode, for the Latin glyphs of
/// Finnish, Swedish and English text: letters, digits, punctuation, accented letters (composed
/// from the base letter and the accent's name: `adieresis` → ä), ligatures, and `uniXXXX`/`uXXXX`.
enum PDFGlyphNames {
    static func unicode(_ name: String) -> String? {
        if let known = named[name] { return known }
        let scalars = Array(name.unicodeScalars)
        if scalars.count == 1, scalars[0].isASCII, scalars[0].properties.isAlphabetic { return name }
        if name.hasPrefix("uni"), name.count == 7, let value = UInt32(name.dropFirst(3), radix: 16), let scalar = Unicode.Scalar(value) {
            return String(Character(scalar))
        }
        if name.hasPrefix("u"), (5...7).contains(name.count), let value = UInt32(name.dropFirst(1), radix: 16), let scalar = Unicode.Scalar(value) {
            return String(Character(scalar))
        }
        // A suffix after a dot names a variant of the same glyph: `a.sc`, `one.oldstyle`.
        if let dot = name.firstIndex(of: "."), dot != name.startIndex { return unicode(String(name[..<dot])) }
        // Ligatures named by their parts: `f_f_i`.
        if name.contains("_") {
            let parts = name.split(separator: "_").map { named[String($0)] ?? (($0.count == 1 && $0.first?.isLetter == true) ? String($0) : nil) }
            return parts.contains(nil) || parts.isEmpty ? nil : parts.compactMap { $0 }.joined()
        }
        return accented(name)
    }

    /// `Adieresis`, `aring`, `eacute`...: a base letter and an accent, composed.
    private static func accented(_ name: String) -> String? {
        guard let base = name.first, base.isASCII, base.isLetter else { return nil }
        let accentName = String(name.dropFirst())
        guard let mark = accents[accentName] else { return nil }
        let baseText = base == "i" && ["dieresis", "acute", "grave", "circumflex"].contains(accentName) ? "i" : String(base)
        return (baseText + String(Character(mark))).precomposedStringWithCanonicalMapping
    }

    private static let accents: [String: Unicode.Scalar] = [
        "acute": "\u{301}", "grave": "\u{300}", "circumflex": "\u{302}", "dieresis": "\u{308}", "tilde": "\u{303}",
        "ring": "\u{30A}", "cedilla": "\u{327}", "caron": "\u{30C}", "macron": "\u{304}", "breve": "\u{306}",
        "ogonek": "\u{328}", "dotaccent": "\u{307}", "hungarumlaut": "\u{30B}", "commaaccent": "\u{326}",
    ]

    private static let named: [String: String] = [
        "space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$", "percent": "%",
        "ampersand": "&", "quotesingle": "'", "quoteright": "\u{2019}", "parenleft": "(", "parenright": ")",
        "asterisk": "*", "plus": "+", "comma": ",", "hyphen": "-", "period": ".", "slash": "/",
        "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
        "eight": "8", "nine": "9", "colon": ":", "semicolon": ";", "less": "<", "equal": "=", "greater": ">",
        "question": "?", "at": "@", "bracketleft": "[", "backslash": "\\", "bracketright": "]",
        "asciicircum": "^", "underscore": "_", "grave": "`", "quoteleft": "\u{2018}", "braceleft": "{",
        "bar": "|", "braceright": "}", "asciitilde": "~", "exclamdown": "¡", "cent": "¢", "sterling": "£",
        "fraction": "\u{2044}", "yen": "¥", "florin": "ƒ", "section": "§", "currency": "¤",
        "quotedblleft": "\u{201C}", "guillemotleft": "«", "guilsinglleft": "\u{2039}", "guilsinglright": "\u{203A}",
        "fi": "fi", "fl": "fl", "ff": "ff", "ffi": "ffi", "ffl": "ffl", "endash": "\u{2013}", "emdash": "\u{2014}",
        "dagger": "\u{2020}", "daggerdbl": "\u{2021}", "periodcentered": "·", "paragraph": "¶", "bullet": "\u{2022}",
        "quotesinglbase": "\u{201A}", "quotedblbase": "\u{201E}", "quotedblright": "\u{201D}", "guillemotright": "»",
        "ellipsis": "\u{2026}", "perthousand": "\u{2030}", "questiondown": "¿", "acute": "´", "circumflex": "ˆ",
        "tilde": "˜", "macron": "¯", "breve": "˘", "dotaccent": "˙", "dieresis": "¨", "ring": "˚", "cedilla": "¸",
        "hungarumlaut": "˝", "ogonek": "˛", "caron": "ˇ", "AE": "Æ", "ae": "æ", "OE": "Œ", "oe": "œ",
        "Oslash": "Ø", "oslash": "ø", "Lslash": "Ł", "lslash": "ł", "ordfeminine": "ª", "ordmasculine": "º",
        "dotlessi": "ı", "germandbls": "ß", "Eth": "Ð", "eth": "ð", "Thorn": "Þ", "thorn": "þ",
        "trademark": "\u{2122}", "copyright": "©", "registered": "®", "degree": "°", "plusminus": "±",
        "multiply": "×", "divide": "÷", "minus": "\u{2212}", "mu": "µ", "logicalnot": "¬", "brokenbar": "¦",
        "onehalf": "½", "onequarter": "¼", "threequarters": "¾", "onesuperior": "¹", "twosuperior": "²",
        "threesuperior": "³", "Euro": "€", "euro": "€", "nbspace": "\u{A0}", "nonbreakingspace": "\u{A0}",
        "sfthyphen": "\u{AD}", "softhyphen": "\u{AD}", "quoteleftreversed": "\u{201B}", "dotlessj": "ȷ",
        "Ydieresis": "Ÿ", "ydieresis": "ÿ", "idieresis": "ï", "Idieresis": "Ï",
    ]
}
