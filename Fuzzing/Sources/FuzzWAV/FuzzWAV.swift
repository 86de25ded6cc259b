import Formats
import FuzzSupport

/// One input is the start of a WAV file: read as the whole file, and again as the start of a
/// file whose size (up to 2⁴⁸ bytes) is given by the input's first six bytes (a header that claims
/// more or less data than the file holds).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWAV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    _ = try? WAVHeader.parse(bytes)
    _ = try? WAVHeader.parse(bytes, fileSize: bytes.count)
    let claimed = bytes.prefix(6).reduce(0) { $0 << 8 | Int($1) }
    _ = try? WAVHeader.parse(Array(bytes.dropFirst(6)), fileSize: claimed)
    return 0
}
