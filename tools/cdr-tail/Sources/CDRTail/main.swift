// One run of `CallImporter.runTail` over a Master.csv, timed in the process (no start-up in the
// figure), as a capture source's cycle runs it:
//
//     CDRTail ARCHIVE MASTER_CSV CHECKPOINT_KEY
//
// Prints one JSON object: records read, the tally, seconds.
import Archive
import Foundation
import Ingest

struct Measurement: Encodable {
    var records: Int
    var archived: Int
    var alreadyPresent: Int
    var quarantined: Int
    var seconds: Double
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: CDRTail ARCHIVE MASTER_CSV CHECKPOINT_KEY\n".utf8))
    exit(2)
}
let archivePath = arguments[arguments.startIndex], cdr = arguments[arguments.startIndex + 1]
let key = arguments[arguments.startIndex + 2]
do {
    let store = try ArchiveStore(path: archivePath)
    let importer = CallImporter(archive: store, personalIDKey: try PersonalIDKey.loadOrCreate(at: archivePath + ".pidkey"))
    let started = ContinuousClock.now
    let result = try importer.runTail(path: cdr, checkpointKey: key)
    let elapsed = ContinuousClock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let measurement = Measurement(
        records: result.records, archived: result.tally.archived, alreadyPresent: result.tally.alreadyPresent,
        quarantined: result.tally.quarantined, seconds: seconds)
    let json = try JSONEncoder().encode(measurement)
    print(String(decoding: json, as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("CDRTail: \(error)\n".utf8))
    exit(1)
}
