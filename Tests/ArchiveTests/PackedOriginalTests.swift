@testable import Archive
import Foundation
import GRDB
import Testing

/// Originals packed ahead of the writer are stored exactly as the writer would pack them.
@Suite struct PackedOriginalTests {
    @Test func packedOriginalsAreStoredAsTheWriterWouldStoreThem() throws {
        let originals = (0..<6).map { index in
            // Short ones stay as they are, longer ones are compressed.
            let text = index < 2 ? "Subject: \(index)\n\nHei" : "Subject: \(index)\n\n" + String(repeating: "Laskussa on virhe. ", count: 50 * index)
            return IncomingOriginal(bytes: Array(text.utf8), position: SourcePosition(path: "/m/\(index)", offset: 0))
        }
        var fingerprints: [ArchiveFingerprint] = []
        var stored: [[String]] = []
        for packAhead in [false, true] {
            let archive = try TemporaryArchive()
            defer { archive.remove() }
            let run = try archive.store.beginImportRun(sourceKind: "mail", arguments: [])
            let items = originals.enumerated().map { index, original in
                ImportItem.archive(original, email(ref: "m\(index)@x", subject: "S\(index)", body: "Viesti \(index)"))
            }
            // Packing ahead may cover only some of the batch; the writer packs the rest.
            let packed = packAhead ? originals.enumerated().filter { $0.offset % 3 != 0 }.map { PackedOriginal($0.element) } : []
            #expect(try archive.store.write(items, packed: packed, run: run) == Array(repeating: .archived, count: originals.count))
            fingerprints.append(try archive.store.fingerprint())
            stored.append(try archive.store.write { db in
                try String.fetchAll(db, sql: "SELECT hex(sha256) || compression || size || hex(data) FROM original ORDER BY sha256")
            })
            var read: [ContentDigest: [UInt8]] = [:]
            try archive.store.forEachOriginal { read[$0.digest] = $0.bytes }
            #expect(originals.allSatisfy { read[$0.digest] == $0.bytes })
        }
        #expect(fingerprints[0] == fingerprints[1])
        #expect(stored[0] == stored[1])
        #expect(stored[0].contains { $0.contains("zstd") } && stored[0].contains { $0.contains("none") })
    }
}
