import Foundation
import Testing

@testable import MIME

/// Feeds thousands of damaged versions of the fixtures to the parser: each parse must return (a
/// message or `LimitExceeded`), and quickly.
@Suite("Robustness")
struct FuzzTests {
    private enum Mutation: CaseIterable {
        case truncate, flipBytes, duplicateBoundaryLine, deleteLineBreaks, insertNULs, insertBoundaryNoise, shuffleLines
    }

    private static func mutate(_ input: [UInt8], _ mutation: Mutation, using rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        guard !bytes.isEmpty else { return bytes }
        switch mutation {
        case .truncate:
            bytes.removeSubrange(Int.random(in: 0..<bytes.count, using: &rng)...)
        case .flipBytes:
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
        case .duplicateBoundaryLine:
            let lines = bytes.split(separator: ASCIIByte.lf, omittingEmptySubsequences: false)
            let boundaryLines = lines.filter { $0.starts(with: [ASCIIByte.minus, ASCIIByte.minus]) }
            if let line = boundaryLines.randomElement(using: &rng) {
                let at = Int.random(in: 0...bytes.count, using: &rng)
                bytes.insert(contentsOf: [ASCIIByte.lf] + Array(line) + [ASCIIByte.lf], at: at)
            }
        case .deleteLineBreaks:
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                if let index = bytes.indices.filter({ bytes[$0] == ASCIIByte.lf || bytes[$0] == ASCIIByte.cr })
                    .randomElement(using: &rng)
                {
                    bytes.remove(at: index)
                }
            }
        case .insertNULs:
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                bytes.insert(0, at: Int.random(in: 0...bytes.count, using: &rng))
            }
        case .insertBoundaryNoise:
            let noise = ["=?utf-8?q?", "=?", "?=", "\"", "(", "<", ";", "--", "=\n", "*0*=", "'", "\r", ":"]
            for _ in 0..<Int.random(in: 1...5, using: &rng) {
                let piece = Array((noise.randomElement(using: &rng) ?? "=").utf8)
                bytes.insert(contentsOf: piece, at: Int.random(in: 0...bytes.count, using: &rng))
            }
        case .shuffleLines:
            var lines = bytes.split(separator: ASCIIByte.lf, omittingEmptySubsequences: false).map(Array.init)
            if lines.count > 2 {
                let a = Int.random(in: 0..<lines.count, using: &rng)
                let b = Int.random(in: 0..<lines.count, using: &rng)
                lines.swapAt(a, b)
            }
            bytes = Array(lines.joined(separator: [ASCIIByte.lf]))
        }
        return bytes
    }

    @Test func mutatedFixturesAlwaysParse() throws {
        let fixtures = try Fixture.names.map(Fixture.bytes)
        var rng = SeededGenerator(seed: 0x4152_4B49_5354_4F)
        let clock = ContinuousClock()
        var parsed = 0
        var limited = 0
        let elapsed = try clock.measure {
            for round in 0..<2000 {
                let original = fixtures[round % fixtures.count]
                var bytes = original
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    bytes = Self.mutate(bytes, Mutation.allCases.randomElement(using: &rng) ?? .truncate, using: &rng)
                }
                do {
                    let message = try MessageParser.parse(bytes)
                    // The flattened views and the summary must hold up too.
                    _ = MessageSummary(message: message, name: "fuzz.eml")
                    parsed += 1
                } catch {
                    limited += 1
                }
            }
            // Truncation at every offset of one fixture.
            let whole = try Fixture.bytes("mixed-attachments.eml")
            for end in 0...whole.count {
                _ = try MessageParser.parse(Array(whole[..<end]))
            }
        }
        #expect(parsed + limited == 2000)
        #expect(limited == 0)
        #expect(elapsed < .seconds(20))
    }

    @Test func hostileShapesReturnQuickly() throws {
        let hostile: [String] = [
            String(repeating: "--", count: 50_000),
            "Content-Type: multipart/mixed; boundary=a\n\n" + String(repeating: "--a\n", count: 5_000),
            "Subject: " + String(repeating: "=?utf-8?q?", count: 20_000) + "\n\n",
            "From: " + String(repeating: "(", count: 50_000) + "\n\n",
            "From: " + String(repeating: "<", count: 50_000) + "\n\n",
            "From: " + String(repeating: "a:", count: 20_000) + "\n\n",
            "Date: " + String(repeating: "1 ", count: 50_000) + "\n\n",
            "Content-Type: text/plain; " + String(repeating: "a*1*=x; ", count: 10_000) + "\n\nx",
            "Content-Transfer-Encoding: base64\n\n" + String(repeating: "=", count: 100_000),
            "Content-Transfer-Encoding: quoted-printable\n\n" + String(repeating: "=\r", count: 50_000),
            String(repeating: " x\n", count: 30_000),
        ]
        let clock = ContinuousClock()
        for input in hostile {
            let elapsed = clock.measure { _ = try? parse(input) }
            #expect(elapsed < .seconds(2), "took \(elapsed) on \(input.prefix(40))")
        }
    }
}
