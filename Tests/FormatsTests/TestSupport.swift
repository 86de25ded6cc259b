import Foundation
import Testing

/// Paths of the hand-written fixtures under `Fixtures/`.
enum Fixture {
    static func path(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil))
        return url.path
    }
}

/// A file in a fresh temporary folder, removed with the folder when the value goes away.
final class TemporaryFile {
    let directory: URL
    let path: String

    init(name: String, bytes: [UInt8]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("FormatsTests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    convenience init(name: String, text: String) throws {
        try self.init(name: name, bytes: Array(text.utf8))
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

extension Sequence {
    /// The successes and the failures of a reader, in file order.
    func split<Value, Failure: Error>() -> (records: [Value], errors: [Failure]) where Element == Result<Value, Failure> {
        var records: [Value] = []
        var errors: [Failure] = []
        for element in self {
            switch element {
            case .success(let value): records.append(value)
            case .failure(let error): errors.append(error)
            }
        }
        return (records, errors)
    }
}

extension Date {
    init(utc seconds: TimeInterval) {
        self.init(timeIntervalSince1970: seconds)
    }
}
