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

/// `attachment; filename="…"; filename*=UTF-8''…` with the name made safe for a header.
enum ContentDisposition {
    static func attachment(filename: String) -> String {
        let plain = String(filename.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F && !"\"\\/;".unicodeScalars.contains(scalar)
                ? Character(scalar) : "_"
        })
        let name = plain.trimmingCharacters(in: .whitespaces).isEmpty ? "download" : plain
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
        return "attachment; filename=\"\(name)\"; filename*=UTF-8''\(encoded)"
    }
}
