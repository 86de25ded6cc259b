import Foundation
import Glibc
import Testing
@testable import Extract

@Suite struct ScratchFolderTests {
    @Test func theFolderIsPrivateAndGoneAfterwards() throws {
        let seen = ScratchFolder.with { folder -> (path: String, folderMode: mode_t, fileMode: mode_t, bytes: [UInt8]?)? in
            guard let file = try? folder.write([1, 2, 3], named: "liite.pdf") else { return nil }
            var folderInfo = stat()
            var fileInfo = stat()
            guard stat(folder.path, &folderInfo) == 0, stat(file, &fileInfo) == 0 else { return nil }
            return (folder.path, folderInfo.st_mode & 0o777, fileInfo.st_mode & 0o777, folder.read("liite.pdf", limit: 3))
        }
        let folder = try #require(try seen.get())
        #expect(folder.folderMode == 0o700)
        #expect(folder.fileMode == 0o600)
        #expect(folder.bytes == [1, 2, 3])
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func aFileIsNeverWrittenTwiceOrReadPastItsLimit() throws {
        let outcome = ScratchFolder.with { folder -> (second: Bool, overLimit: [UInt8]?) in
            _ = try? folder.write([1, 2, 3], named: "x")
            let second = (try? folder.write([4], named: "x")) != nil
            return (second, folder.read("x", limit: 2))
        }
        let result = try outcome.get()
        #expect(!result.second)
        #expect(result.overLimit == nil)
    }
}
