import Foundation
import Testing

import MIME

@Suite("HTML to text")
struct HTMLTextTests {
    @Test("Realistic mail HTML renders to the expected text", arguments: ["outlook-reply", "newsletter"])
    func fixtures(name: String) throws {
        let html = try fixture("html/\(name).html")
        var expected = try fixture("html/\(name).txt")
        while expected.hasSuffix("\n") { expected.removeLast() }
        #expect(HTMLText.render(html) == expected)
    }

    @Test("Outlook markup: styles, conditional comments, the title and <o:p> leave no trace")
    func outlookNoise() throws {
        let text = HTMLText.render(try fixture("html/outlook-reply.html"))
        for noise in ["MsoNormal", "font-family", "shapedefaults", "Re: Reklamaatio", "o:p", "{", "&"] {
            #expect(!text.contains(noise), "\(noise)")
        }
        #expect(text.hasPrefix("Hei Matti,\n\nKiitos yhteydenotostasi."))
    }

    @Test("Paragraphs are separated by a blank line, div and br end a line")
    func blocks() {
        #expect(HTMLText.render("<p>Yksi</p><p>Kaksi</p>") == "Yksi\n\nKaksi")
        #expect(HTMLText.render("<div>Yksi</div><div>Kaksi</div>") == "Yksi\nKaksi")
        #expect(HTMLText.render("a<br>b<br/>c<BR >d") == "a\nb\nc\nd")
        #expect(HTMLText.render("a<br><br>b") == "a\n\nb")
        #expect(HTMLText.render("<h1>Otsikko</h1>teksti<hr>loppu") == "Otsikko\n\nteksti\n\nloppu")
        #expect(HTMLText.render("<blockquote><p>lainaus</p></blockquote><p>vastaus</p>") == "lainaus\n\nvastaus")
        #expect(HTMLText.render("<p></p><p>&nbsp;</p><br><br><br><p>x</p><p></p><br>") == "x")
    }

    @Test("White space collapses outside pre and is kept inside")
    func whiteSpace() {
        #expect(HTMLText.render("  Hei \n\t  maailma  ") == "Hei maailma")
        #expect(HTMLText.render("<b>Hei</b> <i>sinä</i>,<span> </span>moi") == "Hei sinä, moi")
        #expect(HTMLText.render("<pre>\n  a  b\n\tc\n</pre>") == "  a  b\n\tc")
        #expect(HTMLText.render("x<pre>1\r\n2</pre>y") == "x\n\n1\n2\n\ny")
    }

    @Test("Lists get a dash, table cells a tab, rows a line")
    func listsAndTables() {
        #expect(HTMLText.render("<ul><li>yksi</li><li>kaksi<li>kolme</ul>") == "- yksi\n- kaksi\n- kolme")
        #expect(HTMLText.render("<ol><li>a<ul><li>b</li></ul></li></ol>") == "- a\n- b")
        #expect(HTMLText.render("<table><tr><th>Tuote</th><th>Hinta</th></tr><tr><td>Kuitu</td><td>29 €</td></tr></table>")
            == "Tuote\tHinta\nKuitu\t29 €")
        #expect(HTMLText.render("<table><tr><td></td><td>vain toinen</td></tr></table>") == "vain toinen")
    }

    @Test("Scripts, styles, templates, head, comments, CDATA and doctypes are dropped")
    func dropped() {
        let html = """
            <!DOCTYPE html><?xml version="1.0"?><html><head><title>Otsikko</title><meta charset=utf-8>
            <style>p { content: "<p>ei</p>" }</style><script>if (a < b && c) document.write("</p>ei")</script></head>
            <body><!-- piilossa <p>ei</p> -->näkyy<template><p>ei</p></template><![CDATA[ ei ]]> myös
            <SCRIPT type="text/javascript">var s = "</scr" + "ipt>";</SCRIPT>loppu<!--></body>
            """
        #expect(HTMLText.render(html) == "näkyy myös loppu")
        #expect(HTMLText.render("ennen<!-- ei loppua") == "ennen")
        #expect(HTMLText.render("a<!---->b<!-->c<!--->d") == "abcd")
    }

    @Test("Head content without a closing tag ends at the first body element")
    func unclosedHead() {
        #expect(HTMLText.render("<html><head><title>T</title><p>Teksti</p>") == "Teksti")
        #expect(HTMLText.render("<head><meta x=y>Suoraan tekstiä") == "Suoraan tekstiä")
    }

    @Test("Named entities: Latin-1, typography, euro, legacy names without a semicolon")
    func namedEntities() {
        #expect(HTMLText.render("&Auml;&auml;&Ouml;&ouml;&Aring;&aring;&uuml;&eacute;&szlig;&THORN;&yuml;") == "ÄäÖöÅåüéßÞÿ")
        #expect(HTMLText.render("&euro;&pound;&copy;&reg;&trade;&deg;&plusmn;&frac12;&sect;&para;&middot;") == "€£©®™°±½§¶·")
        #expect(HTMLText.render("&ndash;&mdash;&hellip;&lsquo;&rsquo;&ldquo;&rdquo;&bdquo;&laquo;&raquo;") == "–—…‘’“”„«»")
        #expect(HTMLText.render("&lt;b&gt; &amp; &quot;x&quot; &apos;y&apos;") == "<b> & \"x\" 'y'")
        #expect(HTMLText.render("a&nbsp;b&shy;c &Scaron;&zcaron;") == "a bc Šž")
        #expect(HTMLText.render("&auml &amp &copy2025 &notit; &AMP;") == "ä & ©2025 ¬it; &")
        #expect(HTMLText.render("&unknown; & &; &#; AT&T") == "&unknown; & &; &#; AT&T")
    }

    @Test("Numeric references: decimal, hexadecimal, windows-1252 range, invalid ones become U+FFFD")
    func numericEntities() {
        #expect(HTMLText.render("&#228;&#xE4;&#XC4;&#0228;&#x20AC;") == "ääÄä€")
        #expect(HTMLText.render("&#150;&#151;&#128;&#153;") == "–—€™")
        #expect(HTMLText.render("[&#0;][&#xD800;][&#x110000;][&#99999999999;][&#1;]") == "[\u{FFFD}][\u{FFFD}][\u{FFFD}][\u{FFFD}][\u{FFFD}]")
        #expect(HTMLText.render("&#228 ja &#x1F600;") == "ä ja 😀")
    }

    @Test("Broken markup is read as a browser would")
    func brokenMarkup() {
        #expect(HTMLText.render("1 < 2 ja 3 > 2") == "1 < 2 ja 3 > 2")
        #expect(HTMLText.render("<p class=\"a>b\" data-x='<p>' hidden>teksti</p>") == "teksti")
        #expect(HTMLText.render("<div   \n class = x>a</div\n>b") == "a\nb")
        #expect(HTMLText.render("alku<p class=\"katkennut") == "alku")
        #expect(HTMLText.render("a</>b</ c>d") == "abd")
        #expect(HTMLText.render("<p>auki<p>toinen</b></i>") == "auki\n\ntoinen")
        #expect(HTMLText.render("<scriptx>näkyy</scriptx>") == "näkyy")
        #expect(HTMLText.render("<script>ei loppua") == "")
        #expect(HTMLText.render("") == "")
    }

    @Test("Non-ASCII text passes through unchanged")
    func unicode() {
        #expect(HTMLText.render("<p>Hyvä asiakas, Åbo – 😀 日本</p>") == "Hyvä asiakas, Åbo – 😀 日本")
        #expect(HTMLText.render("x\u{00A0}y") == "x y")
    }

    @Test("A large newsletter renders in linear time")
    func largeInput() throws {
        let html = String(repeating: try fixture("html/newsletter.html"), count: 500)
        let clock = ContinuousClock()
        var text = ""
        let elapsed = clock.measure { text = HTMLText.render(html) }
        #expect(text.components(separatedBy: "Peru tilaus.").count == 501)
        #expect(elapsed < .seconds(10))
    }

    private func fixture(_ relative: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/" + relative, withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }
}
