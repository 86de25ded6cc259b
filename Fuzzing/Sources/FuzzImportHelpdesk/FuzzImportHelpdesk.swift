import FuzzSupport
import Ingest

private let folder = ScratchFolder("import-helpdesk")
private let archive = ThrowawayArchive(folder: folder)

/// One input is one helpdesk export imported end to end into a new archive: the reader, the
/// interactions built from its tickets (HTML bodies, identifier mentions) and the archive writer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImportHelpdesk(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = folder.write(FuzzInput.bytes(data, size), as: "tickets.jsonl")
    let importer = HelpdeskImporter(archive: archive.fresh(), personalIDKey: archive.personalIDKey)
    ImportOutcome.check { () throws(ImportError) in _ = try importer.run(paths: [path]) }
    return 0
}
