import FuzzSupport
import Ingest

private let target = ImportTarget("import-customers")

/// One input is one customer list imported end to end into a new archive: the reader, the
/// identifiers' normalisation (personal identity codes hashed) and the customer writer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImportCustomers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target.importing(FuzzInput.bytes(data, size), as: "customers.txt") { archive, key, path throws(ImportError) in
        _ = try CustomerImporter(archive: archive, personalIDKey: key).run(paths: [path])
    }
    return 0
}
