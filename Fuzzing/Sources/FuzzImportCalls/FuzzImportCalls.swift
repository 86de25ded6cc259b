import Foundation
import FuzzSupport
import Ingest

private let target = ImportTarget("import-calls", prepare: CallFiles.copy)

/// One input is one `Master.csv` imported end to end into a new archive, beside `recordings/` and
/// `transcripts/` folders holding the sample recording and its transcript (rows whose userfield
/// names them get their WAV header read and their transcript indexed).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImportCalls(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target.importing(FuzzInput.bytes(data, size), as: "Master.csv") { archive, key, path throws(ImportError) in
        _ = try CallImporter(archive: archive, personalIDKey: key).run(paths: [path])
    }
    return 0
}

/// The recordings and transcripts the seed CDRs name, from `$ARKISTO_FUZZ_CALL_FILES` (set by
/// `tools/fuzz` to Samples/calls).
enum CallFiles {
    static func copy(into folder: ScratchFolder) {
        guard let source = ProcessInfo.processInfo.environment["ARKISTO_FUZZ_CALL_FILES"] else { return }
        for sub in ["recordings", "transcripts"] {
            let target = folder.file(sub)
            try? FileManager.default.removeItem(atPath: target)
            do {
                try FileManager.default.copyItem(atPath: (source as NSString).appendingPathComponent(sub), toPath: target)
            } catch {
                ScratchFolder.harnessFailure("cannot copy the sample call files into \(target): \(error)")
            }
        }
    }
}
