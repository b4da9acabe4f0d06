import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

/// The Excel half of the site: a reporter downloads the project's template as a workbook,
/// fills it and uploads it; every open-data table is also a workbook, with an ETag.
@Suite("XLSX on the site")
struct XLSXWebTests {
    struct Download: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var bytes: [UInt8]
    }

    func download(_ client: any TestClientProtocol, _ uri: String, headers: HTTPFields = [:]) async throws -> Download {
        try await client.execute(uri: uri, method: .get, headers: headers, body: nil) { r in
            Download(status: r.status, headers: r.headers, bytes: Array(r.body.readableBytesView))
        }
    }

    func records(_ bytes: [UInt8]) throws -> (sheet: String?, rows: [[String]]) {
        let book = try XLSXWorkbook(bytes: bytes)
        var reader = try book.reader(for: #require(book.sheets.first))
        var rows: [[String]] = []
        while let r = try reader.nextRecord() { rows.append(r.fields) }
        return (reader.sheetName, rows)
    }

    @Test("the template downloaded as a workbook, filled and uploaded, lands; a bad cell is named as Excel names it")
    func templateRoundTrip() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let template = try await download(client, "/admin/projects/1-1/template.xlsx?kind=observations", headers: [.cookie: lee.cookie])
            #expect(template.status == .ok && template.headers[.contentType] == XLSXDownload.contentType)
            #expect(template.headers[.contentDisposition] == "attachment; filename=\"1-1-observations.xlsx\"")
            let (sheet, rows) = try records(template.bytes)
            #expect(sheet == "observations")
            #expect(Array(rows[0].prefix(4)) == ["항목명", "지표ID", "기간", "값"])
            #expect(rows.contains { $0[1] == "1-1.data-market-size" })

            func upload(_ bytes: [UInt8], name: String) async throws -> Fetched {
                let boundary = "XyZ123"
                var body = ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(lee.csrf)\r\n"
                    + "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nobservations\r\n"
                    + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                body.writeBytes(bytes)
                body.writeString("\r\n--\(boundary)--\r\n")
                return try await client.execute(uri: "/admin/projects/1-1/upload", method: .post,
                                                headers: [.cookie: lee.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                                                body: body) { Fetched(status: $0.status, headers: $0.headers, body: String(buffer: $0.body)) }
            }
            func workbook(_ rows: [[String]]) throws -> [UInt8] {
                try XLSXWriter.bytes { w in
                    try w.startSheet("observations", columns: rows[0].map { XLSXColumn($0) })
                    for row in rows.dropFirst() { try w.append(row.map { $0.isEmpty ? .empty : .text($0) }) }
                }
            }
            var filled = rows
            for i in filled.indices where filled[i][1] == "1-1.data-market-size" { filled[i][3] = "44조원" }
            for i in filled.indices where filled[i][1] == "1-1.ai-specialist-firms" { filled[i][3] = "120" }
            let good = try await upload(workbook(filled), name: "2025.xlsx")
            #expect(good.status == .seeOther, "\(good.body.visibleText.prefix(400))")
            #expect(try await f.store.facts(.observation, states: [.submitted]).count == 2)

            let bad = try await upload(workbook([["지표ID", "기간", "값"], ["1-1.ai-specialist-firms", "2024", "많이"]]), name: "bad.xlsx")
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("bad.xlsx observations!C2: 숫자로 적어 주세요"), "\(bad.body.visibleText.prefix(600))")
            let broken = try await upload(Array("PK\u{3}\u{4} not really".utf8), name: "broken.xlsx")
            #expect(broken.status == .unprocessableContent && broken.body.contains("not an Excel workbook"))
            #expect(try await f.store.facts(.observation, states: nil).count == 2)
        }
    }

    @Test("every open-data table is a workbook beside its CSV, with the same header, and an ETag")
    func openData() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            for name in ["projects", "budget", "indicators", "observations", "budget_executions", "assessments"] {
                let csv = try await client.fetch("/data/\(name).csv")
                let xlsx = try await download(client, "/data/\(name).xlsx")
                #expect(xlsx.status == .ok && xlsx.headers[.contentType] == XLSXDownload.contentType, "\(name)")
                let (sheet, rows) = try records(xlsx.bytes)
                #expect(sheet == name)
                let header = csv.body.dropFirst().prefix { $0 != "\r\n" }.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                #expect(rows[0] == header, "\(name)")
                let etag = try #require(xlsx.headers[.eTag])
                let again = try await download(client, "/data/\(name).xlsx", headers: [.ifNoneMatch: etag])
                #expect(again.status == .notModified)
            }
            let budget = try records(try await download(client, "/data/budget.xlsx").bytes).rows
            let csvBudget = try await client.fetch("/data/budget.csv").body
            #expect(csvBudget.contains(budget[1].prefix(4).joined(separator: ",")), "\(budget[1])")
            #expect(try await download(client, "/data/nothing.xlsx").status == .notFound)
        }
    }
}
