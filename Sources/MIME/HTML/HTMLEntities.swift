/// HTML character references: the named ones that occur in mail (the full HTML 4 set: Latin-1,
/// symbols, Greek, typography; plus common HTML5 names) and numeric ones, decoded as HTML5 does.
enum HTMLEntities {
    /// The scalar a numeric reference stands for: U+FFFD for zero, surrogates, values beyond
    /// U+10FFFF and control characters; the windows-1252 character for 0x80–0x9F (HTML5 §13.2.5.80).
    static func scalar(forCodePoint value: UInt32) -> Unicode.Scalar {
        let replacement: Unicode.Scalar = "\u{FFFD}"
        switch value {
        case 0x80...0x9F:
            let mapped = windows1252[Int(value - 0x80)]
            return mapped == 0 ? replacement : Unicode.Scalar(mapped) ?? replacement
        case 0, 0x01...0x08, 0x0B, 0x0E...0x1F, 0x7F:
            return replacement
        default:
            return Unicode.Scalar(value) ?? replacement
        }
    }

    /// 0x80–0x9F read as windows-1252 (0 where that code page leaves a hole).
    private static let windows1252: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The named references, without `&` and `;`.
    static let named: [String: UInt32] = {
        var table: [String: UInt32] = [:]
        for (offset, name) in latin1Names.enumerated() { table[name] = 0xA0 + UInt32(offset) }
        for (name, value) in otherNames { table[name] = value }
        for name in ["AMP", "LT", "GT", "QUOT", "COPY", "REG"] {
            table[name] = table[name.lowercased()]
        }
        return table
    }()

    /// The names HTML5 also accepts without a terminating `;` (the legacy Latin-1 set).
    static let namesWithoutSemicolon: Set<String> =
        Set(latin1Names).union(["amp", "lt", "gt", "quot", "AMP", "LT", "GT", "QUOT", "COPY", "REG"])

    /// The longest name in ``namesWithoutSemicolon``, in bytes.
    static let longestNameWithoutSemicolon = namesWithoutSemicolon.map(\.utf8.count).max() ?? 0

    /// U+00A0 … U+00FF in order.
    private static let latin1Names: [String] = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
        "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
        "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
        "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
        "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
        "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
        "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times",
        "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
        "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
        "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
        "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
        "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ]

    private static let otherNames: [(String, UInt32)] = [
        // ASCII
        ("quot", 0x22), ("amp", 0x26), ("apos", 0x27), ("lt", 0x3C), ("gt", 0x3E),
        ("Tab", 0x09), ("NewLine", 0x0A), ("excl", 0x21), ("num", 0x23), ("dollar", 0x24),
        ("percnt", 0x25), ("lpar", 0x28), ("rpar", 0x29), ("ast", 0x2A), ("plus", 0x2B),
        ("comma", 0x2C), ("period", 0x2E), ("sol", 0x2F), ("colon", 0x3A), ("semi", 0x3B),
        ("equals", 0x3D), ("quest", 0x3F), ("commat", 0x40), ("lsqb", 0x5B), ("lbrack", 0x5B),
        ("bsol", 0x5C), ("rsqb", 0x5D), ("rbrack", 0x5D), ("Hat", 0x5E), ("lowbar", 0x5F),
        ("grave", 0x60), ("lcub", 0x7B), ("lbrace", 0x7B), ("verbar", 0x7C), ("vert", 0x7C),
        ("rcub", 0x7D), ("rbrace", 0x7D),
        // Latin Extended
        ("OElig", 0x152), ("oelig", 0x153), ("Scaron", 0x160), ("scaron", 0x161), ("Yuml", 0x178),
        ("Zcaron", 0x17D), ("zcaron", 0x17E), ("Ccaron", 0x10C), ("ccaron", 0x10D), ("fnof", 0x192),
        ("circ", 0x2C6), ("tilde", 0x2DC), ("half", 0xBD), ("centerdot", 0xB7),
        // Greek
        ("Alpha", 0x391), ("Beta", 0x392), ("Gamma", 0x393), ("Delta", 0x394), ("Epsilon", 0x395),
        ("Zeta", 0x396), ("Eta", 0x397), ("Theta", 0x398), ("Iota", 0x399), ("Kappa", 0x39A),
        ("Lambda", 0x39B), ("Mu", 0x39C), ("Nu", 0x39D), ("Xi", 0x39E), ("Omicron", 0x39F),
        ("Pi", 0x3A0), ("Rho", 0x3A1), ("Sigma", 0x3A3), ("Tau", 0x3A4), ("Upsilon", 0x3A5),
        ("Phi", 0x3A6), ("Chi", 0x3A7), ("Psi", 0x3A8), ("Omega", 0x3A9), ("ohm", 0x3A9),
        ("alpha", 0x3B1), ("beta", 0x3B2), ("gamma", 0x3B3), ("delta", 0x3B4), ("epsilon", 0x3B5),
        ("zeta", 0x3B6), ("eta", 0x3B7), ("theta", 0x3B8), ("iota", 0x3B9), ("kappa", 0x3BA),
        ("lambda", 0x3BB), ("mu", 0x3BC), ("nu", 0x3BD), ("xi", 0x3BE), ("omicron", 0x3BF),
        ("pi", 0x3C0), ("rho", 0x3C1), ("sigmaf", 0x3C2), ("sigma", 0x3C3), ("tau", 0x3C4),
        ("upsilon", 0x3C5), ("phi", 0x3C6), ("chi", 0x3C7), ("psi", 0x3C8), ("omega", 0x3C9),
        ("thetasym", 0x3D1), ("upsih", 0x3D2), ("piv", 0x3D6),
        // Spaces and typography
        ("ensp", 0x2002), ("emsp", 0x2003), ("numsp", 0x2007), ("puncsp", 0x2008), ("thinsp", 0x2009),
        ("hairsp", 0x200A), ("ZeroWidthSpace", 0x200B), ("zwnj", 0x200C), ("zwj", 0x200D),
        ("lrm", 0x200E), ("rlm", 0x200F), ("hyphen", 0x2010), ("dash", 0x2010), ("ndash", 0x2013),
        ("mdash", 0x2014), ("horbar", 0x2015), ("lsquo", 0x2018), ("rsquo", 0x2019), ("rsquor", 0x2019),
        ("sbquo", 0x201A), ("ldquo", 0x201C), ("rdquo", 0x201D), ("rdquor", 0x201D), ("bdquo", 0x201E),
        ("dagger", 0x2020), ("Dagger", 0x2021), ("bull", 0x2022), ("bullet", 0x2022), ("nldr", 0x2025),
        ("hellip", 0x2026), ("mldr", 0x2026), ("permil", 0x2030), ("prime", 0x2032), ("Prime", 0x2033),
        ("lsaquo", 0x2039), ("rsaquo", 0x203A), ("oline", 0x203E), ("frasl", 0x2044), ("NoBreak", 0x2060),
        ("euro", 0x20AC), ("numero", 0x2116), ("trade", 0x2122), ("TRADE", 0x2122),
        ("frac13", 0x2153), ("frac23", 0x2154), ("frac15", 0x2155), ("frac18", 0x215B),
        // Letterlike, arrows, mathematics, shapes
        ("image", 0x2111), ("weierp", 0x2118), ("real", 0x211C), ("alefsym", 0x2135),
        ("larr", 0x2190), ("uarr", 0x2191), ("rarr", 0x2192), ("darr", 0x2193), ("harr", 0x2194),
        ("crarr", 0x21B5), ("lArr", 0x21D0), ("uArr", 0x21D1), ("rArr", 0x21D2), ("dArr", 0x21D3),
        ("hArr", 0x21D4), ("forall", 0x2200), ("part", 0x2202), ("exist", 0x2203), ("empty", 0x2205),
        ("nabla", 0x2207), ("isin", 0x2208), ("notin", 0x2209), ("ni", 0x220B), ("prod", 0x220F),
        ("sum", 0x2211), ("minus", 0x2212), ("lowast", 0x2217), ("radic", 0x221A), ("prop", 0x221D),
        ("infin", 0x221E), ("ang", 0x2220), ("and", 0x2227), ("or", 0x2228), ("cap", 0x2229),
        ("cup", 0x222A), ("int", 0x222B), ("there4", 0x2234), ("sim", 0x223C), ("cong", 0x2245),
        ("asymp", 0x2248), ("ne", 0x2260), ("equiv", 0x2261), ("le", 0x2264), ("ge", 0x2265),
        ("sub", 0x2282), ("sup", 0x2283), ("nsub", 0x2284), ("sube", 0x2286), ("supe", 0x2287),
        ("oplus", 0x2295), ("otimes", 0x2297), ("perp", 0x22A5), ("sdot", 0x22C5),
        ("lceil", 0x2308), ("rceil", 0x2309), ("lfloor", 0x230A), ("rfloor", 0x230B),
        ("lang", 0x27E8), ("rang", 0x27E9), ("loz", 0x25CA), ("spades", 0x2660), ("clubs", 0x2663),
        ("hearts", 0x2665), ("diams", 0x2666), ("starf", 0x2605), ("star", 0x2606), ("phone", 0x260E),
        ("check", 0x2713), ("cross", 0x2717), ("copysr", 0x2117),
    ]

    /// Decodes the character reference starting at `bytes[start]` (an `&`).
    /// Returns the scalar and the index after the reference, or nil when it is not one.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        guard index < end else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            return decodeNumeric(bytes, from: index + 1, end: end)
        }
        let nameStart = index
        while index < end, index - nameStart < 40, isAlphanumeric(bytes[index]) { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self)
        if index < end, bytes[index] == UInt8(ascii: ";"), let value = named[name], let scalar = Unicode.Scalar(value) {
            return (scalar, index + 1)
        }
        // A legacy name without `;`: the longest one that prefixes what was written ("&auml", "&notit").
        var length = min(index - nameStart, longestNameWithoutSemicolon)
        while length >= 2 {
            let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<(nameStart + length)]), as: UTF8.self)
            if namesWithoutSemicolon.contains(prefix), let value = named[prefix], let scalar = Unicode.Scalar(value) {
                return (scalar, nameStart + length)
            }
            length -= 1
        }
        return nil
    }

    private static func decodeNumeric(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> (Unicode.Scalar, Int)? {
        var index = start
        var hexadecimal = false
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "x") {
            hexadecimal = true
            index += 1
        }
        let digitsStart = index
        var value: UInt32 = 0
        while index < end {
            let digit: UInt32
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(bytes[index] - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hexadecimal: digit = UInt32(bytes[index] - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hexadecimal: digit = UInt32(bytes[index] - UInt8(ascii: "A") + 10)
            default: digit = 100
            }
            if digit == 100 { break }
            // Saturate past U+10FFFF: the value only has to stay invalid.
            value = min(value * (hexadecimal ? 16 : 10) + digit, 0x11_0000)
            index += 1
        }
        guard index > digitsStart else { return nil }
        if index < end, bytes[index] == UInt8(ascii: ";") { index += 1 }
        return (scalar(forCodePoint: value), index)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: false
        }
    }
}
