import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `arkisto extract` and the OCR pass after `arkisto import mail`, through the real executable
/// with screenshots (PNG) of Finnish text.
@Suite struct ExtractCLITests {
    let arkisto: ArkistoProcess

    init() throws {
        arkisto = try ArkistoProcess()
    }

    /// One message per word, each with a screenshot that shows the word in a sentence.
    static let words = [
        "laskutusvirhe", "puhelinliittymä", "hyvityspäätös", "kuukausimaksu", "toimitusmaksu", "reititin",
        "sopimusehdot", "maksumuistutus", "laajakaista", "asennuskäynti",
    ]

    static func mailFolder(words: [String], in scratch: borrowing ScratchFolder) throws -> String {
        let folder = scratch.url.appendingPathComponent("posti")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, word) in words.enumerated() {
            let latin = word.capitalized
            let image = try TextImages.png(lines: ["\(latin) näkyy kuvassa.", "Asiakasnumero AS-100000\(index % 10)"], in: scratch.url)
            let message = TextImages.message(
                id: "kuva-\(index)@posti.example", body: "Kuvakaappaus liitteenä (\(index)).", filename: "kuva\(index).png", image: image)
            try Data(message.utf8).write(to: folder.appendingPathComponent("\(index).eml"))
        }
        return folder.path
    }

    func run(_ arguments: [String], in scratch: borrowing ScratchFolder) throws -> ArkistoProcess.Result {
        let result = try arkisto.run(arguments, in: scratch.url)
        try #require(result.status == 0 && !result.killed, "arkisto \(arguments.joined(separator: " ")) failed: \(result.standardError)")
        return result
    }

    func json(_ result: ArkistoProcess.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    }

    @Test func noOCRLeavesThePagesQueuedAndExtractRecognisesEachOnce() throws {
        let scratch = try ScratchFolder()
        let mail = try Self.mailFolder(words: Array(Self.words.prefix(2)), in: scratch)
        let archive = scratch.path("a.sqlite")

        let imported = try json(try run(["import", "mail", "--archive", archive, "--json", "--quiet", "--no-ocr", mail], in: scratch))
        #expect(imported["archived"] as? Int == 2)
        let queued = try #require((imported["ocr"] as? [String: Any])?["queued"] as? Int)
        let text = try run(["import", "mail", "--archive", scratch.path("b.sqlite"), "--quiet", "--no-ocr", mail], in: scratch)
        #expect(text.standardOutput.contains("OCR: \(queued) pages queued (--no-ocr); run arkisto extract to recognise them"))

        let ocr = try json(try run(["extract", "--archive", archive, "--json", "--quiet"], in: scratch))
        #expect(ocr["left"] as? Int == 0)
        #expect((ocr["recognised"] as? Int ?? -1) + (ocr["failed"] as? Int ?? -1) == queued)

        // Nothing is done twice.
        let again = try json(try run(["extract", "--archive", archive, "--json", "--quiet"], in: scratch))
        #expect(again["recognised"] as? Int == 0)
        #expect(again["failed"] as? Int == 0)
        let summary = try run(["extract", "--archive", archive, "--quiet"], in: scratch)
        #expect(summary.standardOutput.hasPrefix("OCR: 0 pages recognised, 0 failed, 0 left"))
    }

    @Test func extractAllOnAnArchiveWithoutAttachmentsReadsNothing() throws {
        let scratch = try ScratchFolder()
        let message = scratch.path("kiitos.eml")
        try Data("From: a@example.fi\nTo: b@example.fi\nSubject: Kiitos\nMessage-ID: <k@example.fi>\n\nKiitos avusta.\n".utf8)
            .write(to: URL(fileURLWithPath: message))
        let archive = scratch.path("a.sqlite")
        _ = try run(["import", "mail", "--archive", archive, "--quiet", message], in: scratch)
        let result = try run(["extract", "--all", "--archive", archive, "--quiet"], in: scratch)
        #expect(result.standardOutput.contains("Attachments: 0 e-mails read again"))
        #expect(result.standardOutput.contains("OCR: 0 pages recognised, 0 failed, 0 left"))
        let summary = try json(try run(["extract", "--all", "--archive", archive, "--json", "--attachment-seconds", "5"], in: scratch))
        #expect((summary["reread"] as? [String: Any])?["interactions"] as? Int == 0)
        #expect(summary["recognised"] as? Int == 0)
        #expect(summary["left"] as? Int == 0)
    }
}

/// Whether this machine's `arkisto` recognises text in images (Tesseract and the OCR reader in
/// place): the tests that need real OCR run only then.
enum RecognitionProbe {
    static let works: Bool = {
        guard let arkisto = try? ArkistoProcess(), let scratch = try? ScratchFolder(),
              let mail = try? ExtractCLITests.mailFolder(words: ["laskutusvirhe"], in: scratch)
        else { return false }
        let archive = scratch.path("probe.sqlite")
        guard (try? arkisto.run(["import", "mail", "--archive", archive, "--quiet", "--no-ocr", mail], in: scratch.url))?.status == 0,
              let result = try? arkisto.run(["extract", "--archive", archive, "--json", "--quiet"], in: scratch.url),
              let ocr = try? JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        else { return false }
        return (ocr["recognised"] as? Int ?? 0) > 0
    }()
}

extension ExtractCLITests {
    /// kill -9 at random moments of the OCR pass, then running it again: the archive ends up as
    /// after one uninterrupted pass — every page's text once, the index the same — and what the
    /// pages say is found by `arkisto search`. Runs once the OCR reader works (Tesseract).
    @Test(.enabled(if: RecognitionProbe.works)) func anExtractKilledAndRunAgainEqualsAnUninterruptedOne() throws {
        let scratch = try ScratchFolder()
        let mail = try Self.mailFolder(words: Self.words, in: scratch)
        let reference = scratch.path("reference.sqlite")
        let resumed = scratch.path("resumed.sqlite")
        for archive in [reference, resumed] {
            _ = try run(["import", "mail", "--archive", archive, "--quiet", "--no-ocr", mail], in: scratch)
        }
        let started = Date()
        let whole = try json(try run(["extract", "--archive", reference, "--json", "--quiet", "--workers", "2"], in: scratch))
        let uninterrupted = Date().timeIntervalSince(started)
        #expect(whole["recognised"] as? Int == Self.words.count)

        var random = SystemRandomNumberGenerator()
        var killedWhileWorking = 0
        for _ in 0..<6 {
            let running = try arkisto.start(["extract", "--archive", resumed, "--quiet", "--workers", "2"], in: scratch.url)
            Thread.sleep(forTimeInterval: Double.random(in: 0.2...max(0.3, uninterrupted / 3), using: &random))
            kill(running.process.processIdentifier, SIGKILL)
            running.process.waitUntilExit()
            let result = running.result()
            if result.killed { killedWhileWorking += 1 } else { #expect(result.status == 0, "\(result.standardError)") }
        }
        let last = try json(try run(["extract", "--archive", resumed, "--json", "--quiet"], in: scratch))
        #expect(last["left"] as? Int == 0)
        #expect(killedWhileWorking > 0)

        let expected = try run(["import", "fingerprint", "--archive", reference], in: scratch).standardOutput
        let actual = try run(["import", "fingerprint", "--archive", resumed], in: scratch).standardOutput
        #expect(actual == expected)
        #expect(expected.contains("\"indexIntegrity\":\"ok\""))
        for word in Self.words.prefix(3) {
            let hits = try run(["search", "attachment:\(word)", "--archive", resumed, "--json"], in: scratch).standardOutput
            #expect(hits.contains("\"total\":1"), "\(word): \(hits)")
        }
    }
}
