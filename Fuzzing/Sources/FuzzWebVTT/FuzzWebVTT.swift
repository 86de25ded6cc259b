import Formats
import FuzzSupport

/// One input is one WebVTT transcript.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWebVTT(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let transcript = try? WebVTT.parse(bytes: FuzzInput.bytes(data, size)) else { return 0 }
    _ = transcript.text
    return 0
}
