import Foundation
import XMLCoder

/// The small parts of a workbook, decoded with XMLCoder: which sheets there are and where
/// (workbook.xml and its relationships), the date system, the number formats (styles.xml) and
/// the merged cells at a worksheet's end. The large parts are scanned (`XMLPullScanner`).
enum XLSXParts {
    /// `_rels/.rels` and `xl/_rels/workbook.xml.rels`.
    struct Relationships: Decodable {
        struct Relationship: Decodable {
            var id: String
            var type: String
            var target: String
            enum CodingKeys: String, CodingKey {
                case id = "Id", type = "Type", target = "Target"
            }
        }

        var relationship: [Relationship]
        enum CodingKeys: String, CodingKey { case relationship = "Relationship" }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            relationship = try c.decodeIfPresent([Relationship].self, forKey: .relationship) ?? []
        }
    }

    /// `xl/workbook.xml`.
    struct Workbook: Decodable {
        struct Properties: Decodable {
            var date1904: String?
        }

        struct Sheet: Decodable {
            var name: String
            var relationship: String
            var state: String?
            enum CodingKeys: String, CodingKey {
                case name, state
                case relationship = "r:id"
                case id
            }

            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                name = try c.decode(String.self, forKey: .name)
                state = try c.decodeIfPresent(String.self, forKey: .state)
                // The relationship id is `r:id`; a decoder that strips prefixes calls it `id`.
                relationship = try c.decodeIfPresent(String.self, forKey: .relationship) ?? c.decode(String.self, forKey: .id)
            }
        }

        struct Sheets: Decodable {
            var sheet: [Sheet]
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                sheet = try c.decodeIfPresent([Sheet].self, forKey: .sheet) ?? []
            }
            enum CodingKeys: String, CodingKey { case sheet }
        }

        var workbookPr: Properties?
        var sheets: Sheets

        var date1904: Bool { ["1", "true"].contains(workbookPr?.date1904?.lowercased() ?? "") }
    }

    /// The number formats of `xl/styles.xml`, enough to tell dates and percentages.
    struct Styles: Decodable {
        struct NumberFormat: Decodable {
            var numFmtId: Int
            var formatCode: String
        }

        struct NumberFormats: Decodable {
            var numFmt: [NumberFormat]?
        }

        struct CellFormat: Decodable {
            var numFmtId: Int?
        }

        struct CellFormats: Decodable {
            var xf: [CellFormat]?
        }

        var numFmts: NumberFormats?
        var cellXfs: CellFormats?

        /// What each cell style index (`s` of a cell) means for reading a number.
        var cellFormats: [XLSXCellFormat] {
            let codes = Dictionary((numFmts?.numFmt ?? []).map { ($0.numFmtId, $0.formatCode) }) { a, _ in a }
            return (cellXfs?.xf ?? []).map { xf in
                let id = xf.numFmtId ?? 0
                return XLSXCellFormat.of(id: id, code: codes[id])
            }
        }
    }

    /// `<mergeCells>` of a worksheet.
    struct MergeCells: Decodable {
        struct MergeCell: Decodable {
            var ref: String
        }

        var mergeCell: [MergeCell]?
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = XMLDecoder()
        decoder.shouldProcessNamespaces = true
        decoder.trimValueWhitespaces = false
        return try decoder.decode(type, from: data)
    }
}
