import Foundation
import Hummingbird
import PlanCore
import PlanStore

/// `/data/TABLE.xlsx` beside every `/data/TABLE.csv`: the same table as an Excel workbook
/// (`XLSXTables`). A table is built once per read model and kept with its ETag, as the CSV
/// downloads are; `observations.xlsx` past `DownloadRoutes.streamObservationsPast` rows is
/// written to a temporary file a row at a time and sent from it, never held whole.
enum XLSXDownload {
    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    static func serve(_ file: String, request: Request, pages: PageResponder) async -> Response {
        let csvName = String(file.dropLast(5)) + ".csv"
        let model = pages.site.model
        if csvName == "observations.csv" && model.observations.count > DownloadRoutes.streamObservationsPast {
            return streamedObservations(model, request: request)
        }
        return await DownloadRoutes.cachedBytes(file, request: request, pages: pages, usesAsOf: DownloadRoutes.usesAsOf(file)) { model, asOf in
            guard let table = await DownloadRoutes.table(csvName, model: model, asOf: asOf, pages: pages),
                  let bytes = try? XLSXTables.bytes(table) else { return nil }
            return (bytes, contentType)
        }
    }

    static func streamedObservations(_ model: ReadModel, request: Request) -> Response {
        let (headers, answer) = DownloadRoutes.streamedHeaders("observations.xlsx", type: contentType, etag: "\"observations-xlsx-\(model.version)\"",
                                                               request: request)
        if let answer { return answer }
        let rows = model.observations.inIdOrder
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-observations-\(UUID().uuidString).xlsx").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try await Task.detached { try XLSXTables.writeObservations(rows, to: path) }.value
            guard let handle = FileHandle(forReadingAtPath: path) else { throw HTTPError(.internalServerError) }
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        })
    }
}
