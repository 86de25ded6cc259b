import Formats
import FuzzSupport

private let folder = ScratchFolder("cdr")

/// One input is one Asterisk `Master.csv`, read to its end as the importer reads it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCDR(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    folder.readRecords(FuzzInput.bytes(data, size), as: "Master.csv") { path throws(FormatFileError) in
        try CDRReader(path: path)
    }
    return 0
}
