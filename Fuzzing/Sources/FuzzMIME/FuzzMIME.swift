import Foundation
import FuzzSupport
import MIME

/// One input is one raw message: parsed as `arkisto import mail` parses it, then every flattened
/// view the importer takes from it (text, HTML as text, attachments, the JSON summary).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIME(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let message = try? MessageParser.parse(bytes) else { return 0 }
    _ = message.plainText
    _ = message.htmlText
    _ = message.attachments.count
    _ = try? JSONEncoder().encode(MessageSummary(message: message, name: "fuzz.eml"))
    return 0
}
