import Foundation
import Testing

@testable import MIME

/// Helpers shared by the MIME parser tests.
enum Fixture {
    /// The bytes of `Fixtures/messages/<name>`.
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/messages"))
        return Array(try Data(contentsOf: url))
    }

    static func message(_ name: String) throws -> Message {
        try MessageParser.parse(bytes(name))
    }

    static let names = [
        "latin1-quoted-printable.eml", "alternative-base64.eml", "mixed-attachments.eml", "forwarded-message.eml",
        "missing-closing-boundary.eml", "defects.eml", "groups-and-comments.eml",
    ]
}

/// Parses a message written in a test as a string (LF line ends unless the text has others).
func parse(_ text: String, limits: ParseLimits = .default) throws(LimitExceeded) -> Message {
    try MessageParser.parse(Array(text.utf8), limits: limits)
}

extension Message {
    var defectKinds: [Defect.Kind] { defects.map(\.kind) }
}

/// A small deterministic generator (SplitMix64) so that mutation tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
