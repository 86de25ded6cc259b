import Formats
import FuzzSupport

private let folder = ScratchFolder("helpdesk")

/// One input is one helpdesk export (JSON Lines), read to its end as the importer reads it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHelpdesk(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    folder.readRecords(FuzzInput.bytes(data, size), as: "tickets.jsonl") { path throws(FormatFileError) in
        try HelpdeskExportReader(path: path)
    }
    return 0
}
