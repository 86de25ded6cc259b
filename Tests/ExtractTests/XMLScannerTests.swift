import Testing
@testable import Extract

@Suite struct XMLScannerTests {
    private func scan(_ xml: String, maxDepth: Int = 1_000) -> ([XMLEvent], XMLScanOutcome) {
        var events: [XMLEvent] = []
        let outcome = XMLScanner(Array(xml.utf8), maxDepth: maxDepth).scan { event in
            events.append(event)
            return true
        }
        return (events, outcome)
    }

    private func text(_ xml: String) -> String {
        scan(xml).0.compactMap { if case .text(let text) = $0 { text } else { nil } }.joined()
    }

    @Test func givesStartsEndsAttributesAndText() {
        let (events, outcome) = scan(#"<?xml version="1.0"?><w:p a="1" b='x>y'><w:t>Lasku</w:t><w:br/></w:p>"#)
        #expect(events == [
            .start(XMLStartTag(name: "w:p", attributes: [("a", "1"), ("b", "x>y")])),
            .start(XMLStartTag(name: "w:t", attributes: [])), .text("Lasku"), .end("w:t"),
            .start(XMLStartTag(name: "w:br", attributes: [])), .end("w:br"),
            .end("w:p"),
        ])
        #expect(outcome == XMLScanOutcome())
        let tag = XMLStartTag(name: "c", attributes: [("r:id", "rId1"), ("t", "s")])
        #expect(tag.attribute("id") == "rId1")
        #expect(tag.attribute("r:id") == "rId1")
        #expect(tag.attribute("x:id") == nil)
    }

    @Test func decodesOnlyPredefinedEntitiesAndCharacterReferences() {
        #expect(text("<a>&lt;&gt;&amp;&apos;&quot; &#228;&#xE4;&#XC4; &nbsp; &#0; &#x110000; &amp</a>")
            == "<>&'\" ääÄ &nbsp; &#0; &#x110000; &amp")
        #expect(scan(#"<a t="&quot;S&#xE4;&quot;"/>"#).0.first == .start(XMLStartTag(name: "a", attributes: [("t", "\"Sä\"")])))
    }

    @Test func skipsCommentsAndProcessingInstructionsAndKeepsCDATAAsText() {
        #expect(text("<a>yksi<!-- <b>ei</b> -- --><?pi <c> ?>kaksi<![CDATA[<kolme> & ]]></a>") == "yksikaksi<kolme> & ")
    }

    @Test func aBillionLaughsDTDIsSkippedAndItsEntitiesStayUnexpanded() {
        let laughs = (1...9).map { "<!ENTITY lol\($0) \"\(String(repeating: "&lol\($0 - 1);", count: 10))\">" }.joined()
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY lol0 \"lol\">\(laughs) <!-- ] > -->]><r>&lol9;</r>"
        let (events, outcome) = scan(xml)
        #expect(outcome.declaresDTD)
        #expect(outcome.stoppedEarly == nil)
        #expect(events == [.start(XMLStartTag(name: "r", attributes: [])), .text("&lol9;"), .end("r")])
    }

    @Test func anExternalEntityIsNeverRead() {
        let (events, outcome) = scan(#"<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>"#)
        #expect(outcome.declaresDTD)
        #expect(events.contains(.text("&x;")))
    }

    @Test func nestingPastTheLimitStopsTheScan() {
        let xml = String(repeating: "<s>", count: 100_000) + "syvä" + String(repeating: "</s>", count: 100_000)
        let (events, outcome) = scan(xml, maxDepth: 1_000)
        #expect(outcome.nestedTooDeep)
        #expect(outcome.stoppedEarly == "elements are nested deeper than 1000")
        #expect(events.count == 1_000)
    }

    @Test func unclosedMarkupStopsWithAReason() {
        #expect(scan("<a>teksti<!-- auki").1.stoppedEarly == "a comment is not closed")
        #expect(scan("<a>teksti<b attr='x").1.stoppedEarly == "a start tag is not closed")
        #expect(scan("<a><![CDATA[x").1.stoppedEarly == "a CDATA section is not closed")
        #expect(scan("<!DOCTYPE a [").1.stoppedEarly == "a DTD is not closed")
        #expect(scan("<a></a").1.stoppedEarly == "an end tag is not closed")
    }

    @Test func theVisitorCanStopTheScan() {
        var count = 0
        XMLScanner(Array("<a>1</a><b>2</b>".utf8)).scan { _ in
            count += 1
            return count < 2
        }
        #expect(count == 2)
    }
}
