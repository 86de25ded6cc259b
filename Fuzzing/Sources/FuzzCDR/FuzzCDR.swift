import Formats
import FuzzSupport

private let folder = ScratchFolder("cdr")

/// One input is one Asterisk `Master.csv`, read to its end as the importer reads it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCDR(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = folder.write(FuzzInput.bytes(data, size), as: "Master.csv")
    guard let reader = try? CDRReader(path: path) else { return 0 }
    for case .success(let record) in reader {
        _ = record.value.uniqueID
    }
    return 0
}
