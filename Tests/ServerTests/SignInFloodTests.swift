import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import ArkistoServer

/// Password hashing runs on a bounded pool outside the user lookup: a flood of sign-ins neither
/// holds up token or session requests nor piles up without end.
@Suite struct SignInFloodTests {
    /// A gate the pool's work waits at, opened by the test.
    final class Latch: Sendable {
        private let semaphore = DispatchSemaphore(value: 0)
        func wait() { semaphore.wait() }
        func open(_ count: Int) { for _ in 0..<count { semaphore.signal() } }
    }

    /// A count shared by concurrent tasks.
    final class Counter: Sendable {
        private let value = Mutex(0)
        func add() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    @Test func thePoolRunsAtMostItsWidthQueuesALimitAndTurnsAwayTheRest() async throws {
        let pool = HashingPool(width: 2, queueLimit: 3)
        let latch = Latch()
        let started = Counter()
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    (try? await pool.run { started.add(); latch.wait(); return true }) ?? false
                }
            }
            // Wait until both slots are taken, then fill the queue and overflow it.
            while started.count < 2 { await Task.yield() }
            for _ in 0..<3 { group.addTask { (try? await pool.run { started.add(); return true }) ?? false } }
            while await pool.waitingCount < 3 { await Task.yield() }
            var refused = 0
            for _ in 0..<4 {
                do {
                    _ = try await pool.run { true }
                } catch {
                    refused += 1
                }
            }
            #expect(refused == 4)
            #expect(started.count == 2)
            latch.open(2)
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 5 && results.allSatisfy { $0 })
        #expect(started.count == 5)
        #expect(await pool.runningCount == 0)
    }

    @Test func aFloodOfSignInsDoesNotHoldUpAPICalls() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        // Unknown names are checked against a decoy hash of full strength: the flood is a real load.
        let users = fixture.users
        var configuration = fixture.configuration
        configuration.trustForwardedFor = true
        try await WebServer.application(configuration, users: users).test(.router) { client in
            let page = try await client.execute(uri: "/login", method: .get)
            let cookie = try #require(page.setCookie("arkisto_login"))
            let csrf = try #require(csrfField(page.text))
            let finished = Counter()
            let statuses = await withTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<30 {
                    group.addTask {
                        var headers = HTTPFields()
                        headers[.cookie] = cookie
                        headers[.contentType] = "application/x-www-form-urlencoded"
                        headers[HTTPField.Name("X-Forwarded-For")!] = "192.0.2.\(index)"
                        let response = try? await client.execute(
                            uri: "/login", method: .post, headers: headers,
                            body: formBody([("csrf", csrf), ("username", "user\(index)"), ("password", "väärä-\(index)")]))
                        if response?.status == .unauthorized { finished.add() }
                        return response?.status ?? .internalServerError
                    }
                }
                // While the sign-ins are being hashed, a token request is answered.
                group.addTask {
                    let response = try? await client.api("/api/v1/complaints", token: fixture.tokens["olli"])
                    #expect(finished.count < 16, "the API call waited for the hashing")
                    return response?.status ?? .internalServerError
                }
                var all: [HTTPResponse.Status] = []
                for await status in group { all.append(status) }
                return all
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.contains(.serviceUnavailable))
            #expect(!statuses.contains(.internalServerError))
            #expect(statuses.allSatisfy { [.ok, .unauthorized, .serviceUnavailable, .tooManyRequests].contains($0) })
        }
    }
}
