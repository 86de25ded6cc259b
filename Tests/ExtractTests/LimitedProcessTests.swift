import Foundation
import Testing
@testable import Extract

@Suite struct LimitedProcessTests {
    let tools = ExtractionTools.installed()

    func process(_ tool: String, _ arguments: [String], limits: ExtractionLimits = .default) throws -> LimitedProcess {
        LimitedProcess(
            prlimit: try #require(tools.path("prlimit")), executable: try #require(tools.path(tool)), arguments: arguments,
            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"], bounds: ProcessBounds(limits))
    }

    @Test func aToolsOutputIsReadWhole() throws {
        let pdf = try ToolFixtures.url("lasku.pdf").path
        let outcome = try process("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"]).run()
        guard case .finished(let output, _) = outcome else {
            Issue.record("pdftotext did not finish: \(outcome)")
            return
        }
        #expect(String(decoding: output, as: UTF8.self).contains("laskutusvirhe"))
    }

    @Test func theLimitsReachTheTool() throws {
        let limits = ToolFixtures.limits(toolSeconds: 7, memoryBytes: 300 << 20)
        let run = try process("prlimit", [], limits: limits)
        #expect(run.commandLine.contains("--as=\(300 << 20)"))
        #expect(run.commandLine.contains("--cpu=7:12"))
        #expect(run.commandLine.contains("--nofile=64"))
        // prlimit without a command lists its own (inherited) limits: those set by the outer prlimit.
        guard case .finished(let output, _) = run.run() else {
            Issue.record("prlimit did not list its limits")
            return
        }
        let listing = String(decoding: output, as: UTF8.self)
        let addressSpace = try #require(listing.split(separator: "\n").first { $0.hasPrefix("AS ") })
        #expect(addressSpace.contains(String(300 << 20)))
        let openFiles = try #require(listing.split(separator: "\n").first { $0.hasPrefix("NOFILE ") })
        #expect(openFiles.split(separator: " ").contains("64"))
    }

    @Test func aToolThatHangsIsKilledAtTheWallTimeLimit() throws {
        // pdfinfo opening a FIFO nobody writes to blocks for ever (no CPU used, so only the wall
        // clock ends it).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limited-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("endless.pdf").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let outcome = try process("pdfinfo", [fifo], limits: ToolFixtures.limits(toolSeconds: 1)).run()
        #expect(outcome == .timedOut)
    }

    @Test func aToolReadingEndlessInputIsStoppedByTheTimeLimits() throws {
        // catdoc reads /dev/zero for ever, using CPU and memory: the CPU limit (SIGXCPU) or the
        // wall clock stops it, whichever comes first (both are a time-out to the reader), unless
        // on a loaded machine its memory reaches the address-space limit first (a crash). Either
        // way it ends, and is not mistaken for a tool that failed or finished.
        let limits = ToolFixtures.limits(toolSeconds: 1)
        let outcome = try process("catdoc", ["/dev/zero"], limits: limits).run()
        let problem = try #require(ToolRun(tool: "catdoc", outcome: outcome, limits: limits, outputLimit: limits.maxTextBytes).problem(at: "zero.doc"))
        #expect([.timedOut, .crashed].contains(problem.reason), "\(outcome)")
    }

    @Test func outputPastTheLimitStopsTheToolAndKeepsTheFirstPart() throws {
        let pdf = try ToolFixtures.url("lasku.pdf").path
        let outcome = try process("pdftotext", ["-enc", "UTF-8", pdf, "-"], limits: ToolFixtures.limits(textBytes: 100)).run()
        guard case .outputTooLarge(let partial) = outcome else {
            Issue.record("expected the output limit, got \(outcome)")
            return
        }
        #expect(partial.count == 100)
        #expect(String(decoding: partial, as: UTF8.self).hasPrefix("Hyvä asiakaspalvelu"))
    }

    @Test func aFailingToolGivesItsStatusAndFirstErrorLine() throws {
        let missing = "/nonexistent-\(UUID().uuidString).pdf"
        let outcome = try process("pdfinfo", [missing]).run()
        guard case .failed(let status, let errors) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(status != 0)
        #expect(errors.contains("No such file"))
        let problem = try #require(ToolRun(tool: "pdfinfo", outcome: outcome, limits: .default, outputLimit: 100).problem(at: "x.pdf"))
        #expect(problem.reason == .failed)
        #expect(problem.detail.contains("pdfinfo exited with status \(status): I/O Error"))
    }

    @Test func aToolOverItsMemoryLimitFailsOrDiesWithoutHarm() throws {
        // tesseract cannot load its Finnish model in 20 MiB of address space.
        let image = try ToolFixtures.url("kuvakaappaus.png").path
        let outcome = try process("tesseract", [image, "stdout", "-l", "fin"], limits: ToolFixtures.limits(memoryBytes: 20 << 20)).run()
        switch outcome {
        case .failed, .signalled: break
        default: Issue.record("tesseract under 20 MiB should fail, got \(outcome)")
        }
    }

    @Test func aMissingToolIsAProblemNotACrash() {
        let extractor = AttachmentExtractor(tools: ExtractionTools(paths: [:]))
        let file = AttachmentFile(filename: "lasku.pdf", contentType: "application/pdf", bytes: Array("%PDF-1.4\n".utf8))
        let result = extractor.extract(file)
        #expect(result.text == nil)
        #expect(result.problems.map(\.reason) == [.toolMissing])
        #expect(result.problems.first?.description == "lasku.pdf: pdfinfo is not installed (tool_missing)")
    }
}
