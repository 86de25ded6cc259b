/// Which decoder a declared charset name means: the labels of the WHATWG Encoding Standard
/// (encoding.spec.whatwg.org, "Names and labels"), which say what mail and web readers actually do
/// with the names senders write. A name the table does not list goes to ICU as written.
///
/// Where the standard's encoding is a superset of what the label names, the superset decodes it:
/// `gb2312` is GBK/GB18030, `euc-kr` and `ks_c_5601-1987` are windows-949, `shift_jis` is
/// windows-31j, `big5` is Big5-HKSCS, `iso-8859-1` and `latin1` are windows-1252, `iso-8859-9` is
/// windows-1254, `tis-620` and `iso-8859-11` are windows-874. Senders label text with the old name
/// and write the superset's bytes, so the strict reading turns their text into U+FFFD.
///
/// Three departures, for mail:
/// - `us-ascii`, `ascii`, `ansi_x3.4-1968` (windows-1252 in the standard) read valid UTF-8 as UTF-8
///   first, as undeclared text is read: 8-bit bytes under an ASCII label are far more often UTF-8
///   from a client that did not relabel than windows-1252; anything else is windows-1252.
/// - `iso-2022-kr`, `iso-2022-cn`, `iso-2022-cn-ext`, `hz-gb-2312` and `csiso2022kr` are the
///   standard's "replacement" encoding (a browser's guard against script injection); in mail they
///   are real encodings (RFC 1557, 1922, 1843) and ICU decodes them.
/// - ISO-8859-16 and x-user-defined have no ICU converter: they fall back as an unknown name does.
enum CharsetLabels {
    /// How a label decodes.
    enum Decoder: Hashable, Sendable {
        case utf8
        /// UTF-8 when valid, else windows-1252 (the ASCII labels).
        case asciiOrGuess
        case windows1252
        case latin9
        /// UTF-16 with this byte order unless a byte order mark says otherwise.
        case utf16(bigEndian: Bool)
        /// An ICU converter; `asciiCompatible` when bytes below 0x80 always mean ASCII.
        case icu(converter: String, asciiCompatible: Bool)
    }

    /// The decoder for `label` (lowercased, trimmed), nil for a label the standard does not list.
    static func decoder(for label: String) -> Decoder? {
        table[label]
    }

    private static let table: [String: Decoder] = {
        var table: [String: Decoder] = [:]
        func add(_ decoder: Decoder, _ labels: [String]) {
            for label in labels { table[label] = decoder }
        }
        func icu(_ converter: String, _ labels: [String], asciiCompatible: Bool = true) {
            add(.icu(converter: converter, asciiCompatible: asciiCompatible), labels)
        }

        add(.utf8, ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"])
        icu("ibm866", ["866", "cp866", "csibm866", "ibm866"])
        icu("iso-8859-2", ["csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2",
                           "iso_8859-2:1987", "l2", "latin2"])
        icu("iso-8859-3", ["csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3",
                           "iso_8859-3:1988", "l3", "latin3"])
        icu("iso-8859-4", ["csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4",
                           "iso_8859-4:1988", "l4", "latin4"])
        icu("iso-8859-5", ["csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595",
                           "iso_8859-5", "iso_8859-5:1988"])
        icu("iso-8859-6", ["arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114",
                           "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596",
                           "iso_8859-6", "iso_8859-6:1987"])
        icu("iso-8859-7", ["csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126",
                           "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek"])
        // Visual and logical Hebrew order differ in display only: one converter reads both.
        icu("iso-8859-8", ["csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138",
                           "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual",
                           "csiso88598i", "iso-8859-8-i", "logical"])
        icu("iso-8859-10", ["csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6"])
        icu("iso-8859-13", ["iso-8859-13", "iso8859-13", "iso885913"])
        icu("iso-8859-14", ["iso-8859-14", "iso8859-14", "iso885914"])
        add(.latin9, ["csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"])
        icu("koi8-r", ["cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"])
        icu("koi8-u", ["koi8-ru", "koi8-u"])
        icu("macintosh", ["csmacintosh", "mac", "macintosh", "x-mac-roman"])
        icu("windows-874", ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"])
        icu("windows-1250", ["cp1250", "windows-1250", "x-cp1250"])
        icu("windows-1251", ["cp1251", "windows-1251", "x-cp1251"])
        add(.windows1252, ["cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1",
                           "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "windows-1252", "x-cp1252"])
        add(.asciiOrGuess, ["ansi_x3.4-1968", "ascii", "us-ascii"])
        icu("windows-1253", ["cp1253", "windows-1253", "x-cp1253"])
        icu("windows-1254", ["cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599",
                             "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254"])
        icu("windows-1255", ["cp1255", "windows-1255", "x-cp1255"])
        icu("windows-1256", ["cp1256", "windows-1256", "x-cp1256"])
        icu("windows-1257", ["cp1257", "windows-1257", "x-cp1257"])
        icu("windows-1258", ["cp1258", "windows-1258", "x-cp1258"])
        icu("x-mac-cyrillic", ["x-mac-cyrillic", "x-mac-ukrainian"])
        // GBK's decoder is gb18030's in the standard.
        icu("gb18030", ["chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk",
                        "iso-ir-58", "x-gbk", "gb18030"])
        icu("big5-hkscs", ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"])
        icu("euc-jp", ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"])
        icu("iso-2022-jp", ["csiso2022jp", "iso-2022-jp"], asciiCompatible: false)
        icu("windows-31j", ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j",
                            "x-sjis"])
        icu("windows-949", ["cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
                            "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"])
        icu("iso-2022-kr", ["csiso2022kr", "iso-2022-kr"], asciiCompatible: false)
        icu("iso-2022-cn", ["iso-2022-cn"], asciiCompatible: false)
        icu("iso-2022-cn-ext", ["iso-2022-cn-ext"], asciiCompatible: false)
        icu("hz-gb-2312", ["hz-gb-2312"], asciiCompatible: false)
        add(.utf16(bigEndian: true), ["unicodefffe", "utf-16be"])
        add(.utf16(bigEndian: false), ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16",
                                       "utf-16le"])

        // Not in the standard, seen in mail: spellings of its names.
        add(.asciiOrGuess, ["us_ascii", "iso646-us", "646", "csascii", "us"])
        add(.windows1252, ["latin-1", "cp-1252", "win-1252", "windows1252"])
        add(.latin9, ["latin-9", "latin9"])
        return table
    }()
}
