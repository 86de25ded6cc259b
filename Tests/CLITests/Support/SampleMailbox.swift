import Foundation

/// A small, realistic customer-service mailbox written by the test itself: Finnish threads of a
/// customer's message and an agent's quoting reply, in a Maildir (`cur/` and `new/`), an mboxrd
/// file and loose `.eml` files; UTF-8, ISO-8859-1 and quoted-printable and base64 bodies, some
/// with attachments, one message in two places, and records that must be quarantined.
struct SampleMailbox {
    /// How many message records the readers will yield (each goes somewhere in the archive).
    private(set) var records = 0
    /// The paths to pass to `arkisto import mail`.
    let paths: [String]
    let maildir: URL

    /// Writes `threads` threads (two or three messages each) under `root`.
    init(at root: URL, threads: Int, seed: UInt64 = 0x4152_4B49) throws {
        var random = SplitMix64(seed: seed)
        maildir = root.appendingPathComponent("Maildir")
        let mboxURL = root.appendingPathComponent("archive.mbox")
        let emlFolder = root.appendingPathComponent("eml")
        for folder in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(
                at: maildir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try FileManager.default.createDirectory(at: emlFolder, withIntermediateDirectories: true)
        var mbox = ""
        var duplicated: String?
        for thread in 0..<threads {
            for message in Self.thread(thread, random: &random) {
                switch random.next() % 10 {
                case 0..<7:
                    let folder = random.next() % 4 == 0 ? "new" : "cur"
                    let name = "17000\(String(format: "%05d", records)).\(records).arkisto-test" + (folder == "cur" ? ":2,S" : "")
                    try Data(message.utf8).write(to: maildir.appendingPathComponent(folder).appendingPathComponent(name))
                    if duplicated == nil { duplicated = message }
                case 7..<9:
                    mbox += "From \(Self.customerAddress(thread)) Mon Mar  3 09:15:00 2025\n" + Self.mboxrdEscaped(message) + "\n"
                default:
                    try Data(message.utf8).write(to: emlFolder.appendingPathComponent("viesti-\(records).eml"))
                }
                records += 1
            }
        }
        // The same message again as a loose file: one original, found in two places.
        if let duplicated {
            try Data(duplicated.utf8).write(to: emlFolder.appendingPathComponent("kopio.eml"))
            records += 1
        }
        // Not messages: quarantined, each with its reason.
        try Data().write(to: maildir.appendingPathComponent("cur/1699999999.empty.arkisto-test:2,S"))
        try Data("Tämä ei ole sähköpostiviesti vaan muistiinpano.\n".utf8)
            .write(to: emlFolder.appendingPathComponent("muistiinpano.eml"))
        records += 2
        try Data(mbox.utf8).write(to: mboxURL)
        paths = [maildir.path, mboxURL.path, emlFolder.path]
    }

    // MARK: Messages

    private static let topics: [(subject: String, body: String)] = [
        ("Virhe puhelinlaskussa", "Puhelinlaskussani on veloitus palvelusta, jota en ole tilannut. Pyydän hyvitystä laskusta."),
        ("Netti ei toimi", "Laajakaistayhteys on katkeillut koko viikon illalla. Modeemin valot vilkkuvat punaisina."),
        ("Numeronsiirto", "Haluaisin siirtää numeroni teille toiselta operaattorilta. Mitä tietoja tarvitsette?"),
        ("Reklamaatio laskusta", "Teen reklamaation laskusta, koska liittymän hinta on korkeampi kuin sopimuksessa."),
        ("Tietojen tarkastuspyyntö", "Pyydän saada nähdä kaikki minusta tallennetut henkilötiedot tietosuoja-asetuksen mukaisesti."),
        ("Sopimuksen irtisanominen", "Irtisanon matkapuhelinliittymäni sopimuksen päättymään kuun lopussa."),
        ("Osoitteenmuutos", "Muutan uuteen osoitteeseen ensi kuussa. Päivittäkää laskutusosoitteeni, kiitos."),
        ("Roaming-maksut", "Ulkomaanmatkan jälkeen laskulla oli suuria datamaksuja, vaikka datavierailu oli pois päältä."),
    ]

    private static let names = [
        "Matti Virtanen", "Aino Korhonen", "Pekka Mäkinen", "Liisa Nieminen", "Jari Hämäläinen", "Sari Laine",
        "Timo Heikkinen", "Päivi Järvinen",
    ]

    private static func customerAddress(_ thread: Int) -> String {
        "asiakas\(thread)@example.fi"
    }

    private static func thread(_ number: Int, random: inout SplitMix64) -> [String] {
        let topic = topics[Int(random.next() % UInt64(topics.count))]
        let name = names[Int(random.next() % UInt64(names.count))]
        let customer = customerAddress(number)
        let agent = "asiakaspalvelu@esimerkkiverkko.fi"
        let first = "<\(number).1.\(random.next() % 100_000)@example.fi>"
        let reply = "<\(number).2.\(random.next() % 100_000)@esimerkkiverkko.fi>"
        let account = "AS-\(1_000_000 + number * 37)"
        let day = 1 + number % 27
        let question = """
            Hei,

            \(topic.body)
            Asiakasnumeroni on \(account) ja puhelinnumeroni 040 \(100 + number % 900) \(1000 + number % 9000).

            Ystävällisin terveisin
            \(name)
            """
        var messages: [String] = []
        switch random.next() % 3 {
        case 0:
            messages.append(message(
                from: "\(name) <\(customer)>", to: agent, subject: topic.subject, id: first, day: day,
                body: quotedPrintable(question), encoding: "quoted-printable", charset: "utf-8"))
        case 1:
            messages.append(message(
                from: "\(name) <\(customer)>", to: agent, subject: topic.subject, id: first, day: day,
                body: Data(question.data(using: .isoLatin1) ?? Data()).base64EncodedString(options: .lineLength76Characters),
                encoding: "base64", charset: "iso-8859-1"))
        default:
            messages.append(withAttachment(
                from: "\(name) <\(customer)>", to: agent, subject: topic.subject, id: first, day: day, body: question,
                attachment: Data((0..<600).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ number) })))
        }
        let quoted = question.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        let answer = """
            Hei \(name.split(separator: " ").first ?? ""),

            Kiitos viestistäsi. Olemme tarkistaneet asian ja korjanneet tilanteen. Hyvitys näkyy seuraavalla laskulla.
            From now on the change is in effect.

            \(quoted)

            Ystävällisin terveisin
            Asiakaspalvelu, Esimerkkiverkko Oy
            """
        messages.append(message(
            from: "Esimerkkiverkko <\(agent)>", to: customer, subject: "Re: \(topic.subject)", id: reply, day: day + 1,
            body: answer, encoding: "8bit", charset: "utf-8", inReplyTo: first))
        if random.next() % 3 == 0 {
            messages.append(message(
                from: "\(name) <\(customer)>", to: agent, subject: "Re: Re: \(topic.subject)",
                id: "<\(number).3@example.fi>", day: day + 2, body: "Kiitos nopeasta avusta!\n", encoding: "8bit",
                charset: "utf-8", inReplyTo: reply, references: [first, reply]))
        }
        return messages
    }

    private static func headers(from: String, to: String, subject: String, id: String, day: Int) -> String {
        """
        From: \(encodedWord(from))
        To: \(to)
        Subject: \(encodedWord(subject))
        Date: \(String(format: "%02d", day)) Mar 2025 09:\(String(format: "%02d", day)):00 +0200
        Message-ID: \(id)
        MIME-Version: 1.0

        """
    }

    private static func message(
        from: String, to: String, subject: String, id: String, day: Int, body: String, encoding: String, charset: String,
        inReplyTo: String? = nil, references: [String] = []
    ) -> String {
        var text = headers(from: from, to: to, subject: subject, id: id, day: day)
        if let inReplyTo {
            text += "In-Reply-To: \(inReplyTo)\nReferences: \((references.isEmpty ? [inReplyTo] : references).joined(separator: " "))\n"
        }
        text += "Content-Type: text/plain; charset=\(charset)\nContent-Transfer-Encoding: \(encoding)\n\n\(body)\n"
        return text
    }

    private static func withAttachment(
        from: String, to: String, subject: String, id: String, day: Int, body: String, attachment: Data
    ) -> String {
        let boundary = "=_raja_\(id.count)_\(day)"
        return headers(from: from, to: to, subject: subject, id: id, day: day) + """
            Content-Type: multipart/mixed; boundary="\(boundary)"

            --\(boundary)
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            \(body)
            --\(boundary)
            Content-Type: application/pdf; name="lasku.pdf"
            Content-Disposition: attachment; filename="lasku.pdf"
            Content-Transfer-Encoding: base64

            \(attachment.base64EncodedString(options: .lineLength76Characters))
            --\(boundary)--

            """
    }

    /// RFC 2047 Q-encoding for header text that is not ASCII.
    private static func encodedWord(_ text: String) -> String {
        guard !text.allSatisfy(\.isASCII) else { return text }
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                encoded.append(Character(UnicodeScalar(byte)))
            case UInt8(ascii: " "): encoded += "_"
            default: encoded += String(format: "=%02X", byte)
            }
        }
        return "=?utf-8?Q?\(encoded)?="
    }

    private static func quotedPrintable(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var encoded = ""
            for byte in line.utf8 {
                if byte >= 0x80 || byte == UInt8(ascii: "=") {
                    encoded += String(format: "=%02X", byte)
                } else {
                    encoded.append(Character(UnicodeScalar(byte)))
                }
            }
            out += encoded + "\n"
        }
        return out
    }

    /// mboxrd: one more `>` on lines matching `^>*From `.
    private static func mboxrdEscaped(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.drop { $0 == ">" }.hasPrefix("From ") ? ">" + line : String(line)
        }.joined(separator: "\n")
    }
}

/// A small deterministic generator (SplitMix64), so a failing run can be repeated.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
