import FuzzSupport
import Ingest

private let target = ImportTarget("import-helpdesk")

/// One input is one helpdesk export imported end to end into a new archive: the reader, the
/// interactions built from its tickets (HTML bodies, identifier mentions) and the archive writer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImportHelpdesk(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target.importing(FuzzInput.bytes(data, size), as: "tickets.jsonl") { archive, key, path throws(ImportError) in
        _ = try HelpdeskImporter(archive: archive, personalIDKey: key).run(paths: [path])
    }
    return 0
}
