import FuzzSupport
import Ingest

private let target = ImportTarget("import-mail")

/// One input is imported end to end into a new archive: as an mbox file when it starts with
/// `From ` (the mbox reader splits it), else as one `.eml` message; then parsing, interaction
/// building (threading, mentions, attachments) and the archive writer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImportMail(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let name = bytes.starts(with: Array("From ".utf8)) ? "mail.mbox" : "message.eml"
    target.importing(bytes, as: name) { archive, key, path throws(ImportError) in
        var importer = MailImporter(archive: archive, personalIDKey: key)
        importer.jobs = 1
        _ = try importer.run(paths: [path])
    }
    return 0
}
