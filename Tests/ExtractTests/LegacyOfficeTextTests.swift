import Foundation
import Testing
@testable import Extract

@Suite struct LegacyOfficeTextTests {
    @Test func aWordDocumentIsReadByAntiword() throws {
        let result = ToolFixtures.extractor.extract(try ToolFixtures.file("muistio.doc", type: "application/msword"))
        let recall = ToolFixtures.recall(of: try ToolFixtures.source("muistio.txt"), in: try #require(result.text))
        #expect(recall >= 0.95, "recall \(recall)")
        #expect(result.source == .doc)
        #expect(result.problems.isEmpty)
    }

    @Test func anExcelWorkbookIsReadByXls2csv() throws {
        let result = ToolFixtures.extractor.extract(try ToolFixtures.file("reskontra.xls", type: "application/vnd.ms-excel"))
        let recall = ToolFixtures.recall(of: try ToolFixtures.source("reskontra.csv"), in: try #require(result.text))
        #expect(recall >= 0.95, "recall \(recall)")
        #expect(result.source == .doc)
    }

    @Test func withoutANameOrTypeTheToolsAreTriedInTurn() throws {
        var workbook = try ToolFixtures.file("reskontra.xls")
        workbook.filename = nil
        #expect(LegacyOfficeText.readers(for: workbook) == [.antiword, .catdoc, .xls2csv])
        let text = try #require(ToolFixtures.extractor.extract(workbook).text)
        #expect(ToolFixtures.recall(of: try ToolFixtures.source("reskontra.csv"), in: text) >= 0.95)
    }

    @Test func garbageAfterTheOLESignatureIsAProblem() throws {
        let result = ToolFixtures.extractor.extract(try ToolFixtures.file("hostile/ole-garbage.doc"))
        #expect(result.text == nil)
        #expect(result.problems.map(\.reason) == [.failed])
        #expect(result.problems.first?.detail.hasPrefix("antiword exited with status 1") == true, "\(result.problems)")
    }
}
