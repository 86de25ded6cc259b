import Formats
import FuzzSupport

private let folder = ScratchFolder("helpdesk")

/// One input is one helpdesk export (JSON Lines), read to its end as the importer reads it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHelpdesk(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = folder.write(FuzzInput.bytes(data, size), as: "tickets.jsonl")
    guard let reader = try? HelpdeskExportReader(path: path) else { return 0 }
    for case .success(let record) in reader {
        _ = record.value.comments.count
    }
    return 0
}
