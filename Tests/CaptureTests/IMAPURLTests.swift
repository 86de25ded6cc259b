import Capture
import Testing

@Suite struct IMAPURLTests {
    @Test func readsHostPortAndMailbox() throws {
        let server = try IMAPServer(url: "imaps://mail.example.fi:10993/Asiakaspalvelu/Saapuneet")
        #expect(server == IMAPServer(host: "mail.example.fi", port: 10993, mailbox: "Asiakaspalvelu/Saapuneet"))
        #expect(server.url == "imaps://mail.example.fi:10993/Asiakaspalvelu/Saapuneet")
    }

    @Test func defaultsToPort993AndTheInbox() throws {
        #expect(try IMAPServer(url: "imaps://127.0.0.1") == IMAPServer(host: "127.0.0.1", port: 993, mailbox: "INBOX"))
    }

    @Test func refusesPlainIMAPAndCredentialsInTheURL() {
        #expect(throws: SourceSettingsError.self) { try IMAPServer(url: "imap://mail.example.fi/INBOX") }
        #expect(throws: SourceSettingsError.self) { try IMAPServer(url: "imaps://user:secret@mail.example.fi/INBOX") }
        #expect(throws: SourceSettingsError.self) { try IMAPServer(url: "mail.example.fi") }
    }
}
