import FuzzSupport
import Ingest

private let folder = ScratchFolder("import-customers")
private let archive = ThrowawayArchive(folder: folder)

/// One input is one customer list imported end to end into a new archive: the reader, the
/// identifiers' normalisation (personal identity codes hashed) and the customer writer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImportCustomers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = folder.write(FuzzInput.bytes(data, size), as: "customers.txt")
    let importer = CustomerImporter(archive: archive.fresh(), personalIDKey: archive.personalIDKey)
    ImportOutcome.check { () throws(ImportError) in _ = try importer.run(paths: [path]) }
    return 0
}
