import Testing

@testable import MIME

@Suite("Addresses")
struct AddressTests {
    private func addresses(_ value: String) -> [MailAddress] {
        AddressParser.parse(value).addresses
    }

    @Test func displayNamesQuotedStringsAndComments() {
        #expect(
            addresses("Joe Bloggs <JOE@Example.COM>, \"Doe, Jane\" <jane@x.org>, bob@y.org (Bob B)") == [
                MailAddress(name: "Joe Bloggs", address: "JOE@Example.COM"),
                MailAddress(name: "Doe, Jane", address: "jane@x.org"),
                MailAddress(name: "Bob B", address: "bob@y.org"),
            ])
        #expect(addresses("\"Joe \\\"Q\\\" Public\" <a@b> (comment)") == [MailAddress(name: "Joe \"Q\" Public", address: "a@b")])
        #expect(addresses("Joe   Q.  Public <p@x>") == [MailAddress(name: "Joe Q. Public", address: "p@x")])
        #expect(addresses("(lead) a@(mid)b.c") == [MailAddress(name: "lead mid", address: "a@b.c")])
    }

    /// RFC 822's `address (Full Name)`, still written by bounces and older mailers: the comment names
    /// a bare address (as `email.utils.parseaddr` reads it), never one with a phrase or angle brackets;
    /// nested comments and quoted pairs read as Python's parse tree has them.
    @Test func commentNamesABareAddress() {
        #expect(addresses("bbb@ddd.com (John X. Doe)") == [MailAddress(name: "John X. Doe", address: "bbb@ddd.com")])
        #expect(addresses("MAILER-DAEMON@host (Mail Delivery System)")
            == [MailAddress(name: "Mail Delivery System", address: "MAILER-DAEMON@host")])
        #expect(addresses("(Comment first) bbb@ddd.com") == [MailAddress(name: "Comment first", address: "bbb@ddd.com")])
        #expect(addresses("a@b.c (outer (nested) x)") == [MailAddress(name: "outer (nested) x", address: "a@b.c")])
        #expect(addresses("c@d.e (Q \\(x\\) \\\\ y)") == [MailAddress(name: "Q (x) \\ y", address: "c@d.e")])
        #expect(addresses("a@b.c (one) (two)") == [MailAddress(name: "one two", address: "a@b.c")])
        #expect(addresses("a@b.c (  spaced\r\n   out  )") == [MailAddress(name: "spaced out", address: "a@b.c")])
        #expect(addresses("a@b.c ()") == [MailAddress(name: nil, address: "a@b.c")])
        #expect(addresses("a@b.c (=?utf-8?q?J=C3=B6rg?= =?utf-8?q?_M=C3=A4kinen?=)")
            == [MailAddress(name: "Jörg Mäkinen", address: "a@b.c")])
        #expect(addresses("a@b.c (Päivi Ääkkönen)") == [MailAddress(name: "Päivi Ääkkönen", address: "a@b.c")])
        #expect(
            addresses("one@x.fi (Yksi), \"Kaksi\" <two@x.fi> (not a name), <three@x.fi> (nor this), four@x.fi") == [
                MailAddress(name: "Yksi", address: "one@x.fi"), MailAddress(name: "Kaksi", address: "two@x.fi"),
                MailAddress(name: nil, address: "three@x.fi"), MailAddress(name: nil, address: "four@x.fi"),
            ])
        #expect(addresses("Ryhmä: a@b.c (A), d@e.f (D);")
            == [MailAddress(name: "A", address: "a@b.c"), MailAddress(name: "D", address: "d@e.f")])
        let unterminated = AddressParser.parse("a@b.c (no end")
        #expect(unterminated.addresses == [MailAddress(name: "no end", address: "a@b.c")])
        #expect(unterminated.defects.map(\.kind) == [.malformedAddress])
    }

    @Test func commentNamesInMessageFields() throws {
        let message = try parse("""
            From: MAILER-DAEMON@posti.example (Mail Delivery System)
            To: asiakas@example.fi (Maija Meikäläinen), tuki@example.fi
            Cc: bbb@ddd.com (John X. Doe)
            Subject: Undelivered Mail Returned to Sender

            teksti
            """)
        #expect(message.from == [MailAddress(name: "Mail Delivery System", address: "MAILER-DAEMON@posti.example")])
        #expect(message.to == [
            MailAddress(name: "Maija Meikäläinen", address: "asiakas@example.fi"),
            MailAddress(name: nil, address: "tuki@example.fi"),
        ])
        #expect(message.cc == [MailAddress(name: "John X. Doe", address: "bbb@ddd.com")])
    }

    @Test func groupsAreFlattened() {
        #expect(
            addresses("Grp: a@b.c, D <d@e.f>;, undisclosed-recipients:;, last@x.y") == [
                MailAddress(name: nil, address: "a@b.c"), MailAddress(name: "D", address: "d@e.f"),
                MailAddress(name: nil, address: "last@x.y"),
            ])
        #expect(addresses("undisclosed-recipients:;").isEmpty)
    }

    @Test func encodedWordsInNamesAlsoInsideQuotes() {
        #expect(
            addresses("\"=?utf-8?q?J=C3=B6rg?=\" <j@x>, =?utf-8?q?M=C3=A4?= Smith <m@x>") == [
                MailAddress(name: "Jörg", address: "j@x"), MailAddress(name: "Mä Smith", address: "m@x"),
            ])
        #expect(
            addresses("=?iso-8859-1?q?Maija?= =?iso-8859-1?q?_M=E4kinen?= <m@x>") == [
                MailAddress(name: "Maija Mäkinen", address: "m@x")
            ])
    }

    @Test func obsoleteRoutesEmptyElementsAndSpacedDots() {
        #expect(
            addresses("Mary Smith <@machine.tld,@other.tld:mary@example.net>, , jdoe@test   . example") == [
                MailAddress(name: "Mary Smith", address: "mary@example.net"),
                MailAddress(name: nil, address: "jdoe@test.example"),
            ])
    }

    @Test func malformedAddressesAreReadAsFarAsPossible() {
        let missingBracket = AddressParser.parse("Joe <joe@x")
        #expect(missingBracket.addresses == [MailAddress(name: "Joe", address: "joe@x")])
        #expect(missingBracket.defects.map(\.kind) == [.malformedAddress])

        let noDomain = AddressParser.parse("joe")
        #expect(noDomain.addresses == [MailAddress(name: nil, address: "joe")])
        #expect(noDomain.defects.map(\.kind) == [.malformedAddress])

        #expect(AddressParser.parse("\"unterminated <a@b>").defects.map(\.kind).contains(.malformedAddress))
        #expect(addresses("").isEmpty)
        #expect(addresses("MAILER DAEMON <>") == [MailAddress(name: "MAILER DAEMON", address: "")])
    }

    /// HyperKitty's test data: list archives hide addresses as `user at example.com (Name)`.
    @Test func wordsOfALocalPartStayApart() {
        #expect(addresses("vondruch at redhat.com (=?utf-8?q?V=C3=ADt_Ondruch?=)")
            == [MailAddress(name: "Vít Ondruch", address: "\"vondruch at redhat.com\"")])
        #expect(addresses("a . b@c.d") == [MailAddress(name: nil, address: "a.b@c.d")])
        #expect(addresses("\"\"@c.d") == [MailAddress(name: nil, address: "\"\"@c.d")])
        #expect(addresses("John Doe <john doe@x.fi>") == [MailAddress(name: "John Doe", address: "\"john doe\"@x.fi")])
    }

    @Test func quotedLocalPartsKeepQuotesOnlyWhenNeeded() {
        #expect(addresses("\"john doe\"@example.com") == [MailAddress(name: nil, address: "\"john doe\"@example.com")])
        #expect(addresses("\"john\"@example.com") == [MailAddress(name: nil, address: "john@example.com")])
    }

    @Test func messageAddressFieldsFromAFixture() throws {
        let message = try Fixture.message("groups-and-comments.eml")
        #expect(message.from == [MailAddress(name: "Joe Q. Public", address: "john.q.public@example.com")])
        #expect(message.to.map(\.address) == ["mary@x.test", "jdoe@example.org", "one@y.test"])
        #expect(message.cc == [
            MailAddress(name: nil, address: "boss@nil.test"),
            MailAddress(name: "Giant; \"Big\" Box", address: "sysservices@example.net"),
        ])
        #expect(message.bcc.isEmpty)
        #expect(message.replyTo == [
            MailAddress(name: "Ed Jones", address: "c@a.test"), MailAddress(name: nil, address: "joe@where.test"),
            MailAddress(name: "John", address: "jdoe@one.test"),
        ])
    }
}
