import Foundation

/// Asterisk CDR rows, recordings and transcripts for the call tests.
enum CallFixtures {
    /// One answered inbound call from 050 999 8877 (a number in no register), recorded as
    /// `rec-ID.wav` when `recorded`.
    static func row(_ id: Int, recorded: Bool = true, callerName: String = "Asiakas") -> String {
        let userField = recorded ? "rec-\(id).1.wav" : ""
        return #""","0509998877","0104005700","from-external","""\#(callerName)"" <0509998877>","SIP/trunk-1","SIP/222-1","Dial","SIP/200,30","2025-03-09 08:52:00","2025-03-09 08:52:18","2025-03-09 09:02:29","629","611","ANSWERED","DOCUMENTATION","\#(id).1","\#(userField)""#
            + "\n"
    }

    static func rows(_ ids: ClosedRange<Int>, recorded: Bool = false) -> String {
        ids.map { row($0, recorded: recorded) }.joined()
    }

    /// A customer who reports a fault and gives their customer number.
    static let transcript = """
        WEBVTT

        1
        00:00:00.000 --> 00:00:03.000
        <v Asiakaspalvelija>Esimerkkiverkko Oy, asiakaspalvelu, miten voin auttaa?

        2
        00:00:03.000 --> 00:00:09.000
        <v Asiakas>Teen reklamaation: netti pätkii jatkuvasti. Asiakasnumeroni on AS-1000001.

        """

    static let register = """
        {"id": "C1", "kind": "person", "name": "Aino Mäkelä", "emails": [], "phones": [], "customer_number": "AS-1000001"}

        """

    static func append(_ text: String, to path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }
}
