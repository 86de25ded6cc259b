import Testing
@testable import FinnishText

@Suite struct CacheTests {
    @Test func analyzerCacheIsBounded() throws {
        let analyzer = try FinnishAnalyzer(cacheCapacity: 100)
        let text = (0..<500).map { "sana\($0)x" }.joined(separator: " ")
        _ = documentTerms(analyzer, text)
        #expect(analyzer.cachedWordCount == 100)
        // Results do not depend on whether a word came from the cache.
        let first = wordTerms(analyzer, "puhelinlaskusta")
        #expect(wordTerms(analyzer, "puhelinlaskusta") == first)
    }

    @Test func clockEvictionKeepsRecentlyUsedEntries() {
        var cache = AnalysisCache<Int>(capacity: 3)
        func key(_ text: String) -> WordKey {
            var text = text
            return text.withUTF8 { WordKey($0) }
        }
        cache.insert(1, for: key("a"))
        cache.insert(2, for: key("b"))
        cache.insert(3, for: key("c"))
        _ = cache.value(for: key("a"))
        cache.insert(4, for: key("d"))  // evicts b, the first entry not used since insertion
        #expect(cache.count == 3)
        #expect(cache.value(for: key("a")) == 1)
        #expect(cache.value(for: key("b")) == nil)
        #expect(cache.value(for: key("d")) == 4)
    }

    @Test func longWordsHaveDistinctKeys() {
        func key(_ text: String) -> WordKey {
            var text = text
            return text.withUTF8 { WordKey($0) }
        }
        let long = "palvelunestohyökkäyksentorjuntajärjestelmä"
        #expect(key(long) == key(long))
        #expect(key(long) != key(long + "ä"))
        #expect(key(long) != key(String(long.dropLast())))
        #expect(key("ab") != key("ab\u{0}"))
    }
}
