import Formats
import FuzzSupport

private let folder = ScratchFolder("customers")

/// One input is one customer list (JSON Lines or CSV, recognised by content), read to its end.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCustomers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = folder.write(FuzzInput.bytes(data, size), as: "customers.txt")
    guard let reader = try? CustomerListReader(path: path) else { return 0 }
    for case .success(let record) in reader {
        _ = record.value.sourceID
    }
    return 0
}
