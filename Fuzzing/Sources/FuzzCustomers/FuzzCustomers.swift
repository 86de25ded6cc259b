import Formats
import FuzzSupport

private let folder = ScratchFolder("customers")

/// One input is one customer list (JSON Lines or CSV, recognised by content), read to its end.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCustomers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    folder.readRecords(FuzzInput.bytes(data, size), as: "customers.txt") { path throws(FormatFileError) in
        try CustomerListReader(path: path)
    }
    return 0
}
