@testable import Capture
import Foundation
import Testing

@Suite struct SyncMarkerRemovalTests {
    @Test func mbsyncsMarkerLineLeavesTheHeaderAndNothingElseChanges() throws {
        let staged = "From: a@example.fi\nSubject: Lasku\nX-TUID: cCgJ2k51ws+E\n\nX-TUID: in the body stays\n"
        let cleaned = try #require(SyncMarkerRemoval.withoutMarker(Array(staged.utf8)))
        #expect(String(decoding: cleaned, as: UTF8.self) == "From: a@example.fi\nSubject: Lasku\n\nX-TUID: in the body stays\n")
        #expect(SyncMarkerRemoval.withoutMarker(Array("From: a@example.fi\r\n\r\nX-TUID: body\r\n".utf8)) == nil)
    }

    @Test func aStagedFileIsRewrittenInPlace() throws {
        let folder = NSTemporaryDirectory() + "arkisto-marker-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/1796584706.24682_1.vm,U=201:2,"
        try Data("Subject: x\r\nX-TUID: abc\r\n\r\nbody\r\n".utf8).write(to: URL(fileURLWithPath: path))
        try SyncMarkerRemoval.removeMarker(from: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Subject: x\r\n\r\nbody\r\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1)
    }
}
