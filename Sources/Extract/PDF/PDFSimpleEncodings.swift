/// The base encodings of simple fonts (ISO 32000-1 Annex D): code → Unicode text, nil where the
/// encoding has no glyph.
enum PDFSimpleEncodings {
    static func table(named name: String?) -> [String?]? {
        switch name {
        case "WinAnsiEncoding": winAnsi
        case "MacRomanEncoding": macRoman
        case "StandardEncoding": standard
        case "PDFDocEncoding": winAnsi
        default: nil
        }
    }

    private static func ascii(_ code: Int) -> String? {
        (0x20...0x7E).contains(code) ? String(UnicodeScalar(UInt8(code))) : nil
    }

    /// Windows-1252: ASCII, the 0x80–0x9F specials, Latin-1 above. (Codes WinAnsi leaves empty
    /// get what Acrobat shows: a space for 0xA0 and a hyphen for 0xAD are kept as Latin-1.)
    static let winAnsi: [String?] = (0..<256).map { code in
        if let text = ascii(code) { return text }
        if code >= 0xA0 { return String(UnicodeScalar(UInt8(code))) }
        if code >= 0x80 {
            let specials: [Int: String] = [
                0x80: "€", 0x82: "\u{201A}", 0x83: "ƒ", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}",
                0x87: "\u{2021}", 0x88: "ˆ", 0x89: "\u{2030}", 0x8A: "Š", 0x8B: "\u{2039}", 0x8C: "Œ", 0x8E: "Ž",
                0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}",
                0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "˜", 0x99: "\u{2122}", 0x9A: "š", 0x9B: "\u{203A}",
                0x9C: "œ", 0x9E: "ž", 0x9F: "Ÿ",
            ]
            return specials[code]
        }
        return nil
    }

    static let macRoman: [String?] = {
        let high = Array("ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{A0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄¤‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{F8FF}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ")
        return (0..<256).map { code in
            if let text = ascii(code) { return text }
            if code >= 0x80, code - 0x80 < high.count { return String(high[code - 0x80]) }
            return nil
        }
    }()

    static let standard: [String?] = {
        let high: [Int: String] = [
            0xA1: "exclamdown", 0xA2: "cent", 0xA3: "sterling", 0xA4: "fraction", 0xA5: "yen", 0xA6: "florin",
            0xA7: "section", 0xA8: "currency", 0xA9: "quotesingle", 0xAA: "quotedblleft", 0xAB: "guillemotleft",
            0xAC: "guilsinglleft", 0xAD: "guilsinglright", 0xAE: "fi", 0xAF: "fl", 0xB1: "endash", 0xB2: "dagger",
            0xB3: "daggerdbl", 0xB4: "periodcentered", 0xB6: "paragraph", 0xB7: "bullet", 0xB8: "quotesinglbase",
            0xB9: "quotedblbase", 0xBA: "quotedblright", 0xBB: "guillemotright", 0xBC: "ellipsis", 0xBD: "perthousand",
            0xBF: "questiondown", 0xC1: "grave", 0xC2: "acute", 0xC3: "circumflex", 0xC4: "tilde", 0xC5: "macron",
            0xC6: "breve", 0xC7: "dotaccent", 0xC8: "dieresis", 0xCA: "ring", 0xCB: "cedilla", 0xCD: "hungarumlaut",
            0xCE: "ogonek", 0xCF: "caron", 0xD0: "emdash", 0xE1: "AE", 0xE3: "ordfeminine", 0xE8: "Lslash",
            0xE9: "Oslash", 0xEA: "OE", 0xEB: "ordmasculine", 0xF1: "ae", 0xF5: "dotlessi", 0xF8: "lslash",
            0xF9: "oslash", 0xFA: "oe", 0xFB: "germandbls",
        ]
        return (0..<256).map { code in
            if code == 0x27 { return "\u{2019}" }
            if code == 0x60 { return "\u{2018}" }
            if let text = ascii(code) { return text }
            return high[code].flatMap(PDFGlyphNames.unicode)
        }
    }()
}
