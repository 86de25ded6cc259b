import Foundation
import HTTPTypes
import Hummingbird

/// The few kinds of response the server sends.
enum Responses {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        let buffer = ByteBuffer(string: text)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    static func text(_ text: String, status: HTTPResponse.Status = .ok, contentType: String = "text/plain; charset=utf-8")
        -> Response
    {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":"encoding failed"}"#.utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `{"error": message}` with a status.
    static func jsonError(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(APIError(error: message, status: status.code), status: status)
    }

    /// 303 See Other: after a form post, or to the sign-in page.
    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        return Response(status: .seeOther, headers: headers)
    }

    /// A file to save, never to render: `application/octet-stream` with `Content-Disposition: attachment`.
    static func download(_ bytes: [UInt8], filename: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/octet-stream"
        headers[.contentDisposition] = ContentDisposition.attachment(filename: filename)
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

struct APIError: Encodable {
    var error: String
    var status: Int
}

/// `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266, RFC 8187) with the name made safe:
/// control characters (C0, C1, line and paragraph separators) and bidirectional formatting
/// characters (which can make `exe.pdf` show as `fdp.exe`) removed, path separators replaced.
enum ContentDisposition {
    static func attachment(filename: String) -> String {
        let cleaned = String(String.UnicodeScalarView(filename.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if isInvisibleControl(scalar) { return nil }
            return "/\\".unicodeScalars.contains(scalar) ? "_" : scalar
        })).trimmingCharacters(in: .whitespaces)
        let name = cleaned.isEmpty || cleaned == "." || cleaned == ".." ? "download" : String(cleaned.prefix(200))
        let plain = String(name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F && !"\"\\;%".unicodeScalars.contains(scalar)
                ? Character(scalar) : "_"
        })
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? plain
        return "attachment; filename=\"\(plain)\"; filename*=UTF-8''\(encoded)"
    }

    /// C0 and C1 controls, DEL, U+2028/U+2029, and the bidirectional marks, embeddings,
    /// overrides and isolates (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069).
    static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
