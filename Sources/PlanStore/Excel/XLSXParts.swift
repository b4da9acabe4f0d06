/// The small parts of a workbook, read with the same `XMLPullScanner` as the sheets (so a
/// DOCTYPE is refused here too, and no entity is ever expanded): which sheets there are and
/// where (workbook.xml and its relationships), the date system, and the number formats
/// (styles.xml). Only the elements and attributes these need are looked at; the rest is skipped.
enum XLSXParts {
    /// A relationship of `_rels/.rels` or `xl/_rels/workbook.xml.rels`.
    struct Relationship: Sendable, Hashable {
        var id: String
        var type: String
        var target: String
    }

    /// A `<sheet>` of workbook.xml: its name and the relationship that says where it is.
    struct Sheet: Sendable, Hashable {
        var name: String
        var relationship: String
    }

    /// What workbook.xml says.
    struct Workbook: Sendable {
        var sheets: [Sheet] = []
        /// The 1904 date system (`<workbookPr date1904="1"/>`).
        var date1904 = false
    }

    /// The longest lists the small parts may hold: more sheets or styles than Excel allows.
    static let maxSheets = 4096
    static let maxStyles = 65_536
    static let maxRelationships = 8192

    static func relationships(_ bytes: [UInt8]) throws(XMLPullScanner.Failure) -> [Relationship] {
        var out: [Relationship] = []
        try each(bytes) { (name, attributes) throws(XMLPullScanner.Failure) in
            guard name == "Relationship" else { return }
            guard out.count < maxRelationships else { throw XMLPullScanner.Failure(message: "more than \(maxRelationships) relationships") }
            if let id = value("Id", attributes), let type = value("Type", attributes), let target = value("Target", attributes) {
                out.append(Relationship(id: id, type: type, target: target))
            }
        }
        return out
    }

    static func workbook(_ bytes: [UInt8]) throws(XMLPullScanner.Failure) -> Workbook {
        var book = Workbook()
        try each(bytes) { (name, attributes) throws(XMLPullScanner.Failure) in
            switch name {
            case "workbookPr":
                book.date1904 = ["1", "true"].contains(value("date1904", attributes)?.lowercased() ?? "")
            case "sheet":
                guard book.sheets.count < maxSheets else { throw XMLPullScanner.Failure(message: "more than \(maxSheets) sheets") }
                // The relationship id is `r:id`, in the relationships namespace, whatever its prefix.
                let relationship = attributes.first { $0.name.hasSuffix(":id") }?.value
                if let sheetName = value("name", attributes), let relationship {
                    book.sheets.append(Sheet(name: sheetName, relationship: relationship))
                }
            default: break
            }
        }
        return book
    }

    /// What each cell style index (`s` of a cell) means for reading a number, from the number
    /// formats (`<numFmts>`) and the cell formats (`<cellXfs>`, not `<cellStyleXfs>`).
    static func cellFormats(_ bytes: [UInt8]) throws(XMLPullScanner.Failure) -> [XLSXCellFormat] {
        var codes: [Int: String] = [:]
        var ids: [Int] = []
        var inCellFormats = false
        var scanner = XMLPullScanner(bytes: bytes)
        while let token = try scanner.next() {
            switch token {
            case .open(let name, let attributes, let selfClosing):
                switch name {
                case "numFmt":
                    if let id = value("numFmtId", attributes).flatMap({ Int($0) }), let code = value("formatCode", attributes), codes[id] == nil {
                        guard codes.count < maxStyles else { throw XMLPullScanner.Failure(message: "more than \(maxStyles) number formats") }
                        codes[id] = code
                    }
                case "cellXfs":
                    inCellFormats = !selfClosing
                case "xf" where inCellFormats:
                    guard ids.count < maxStyles else { throw XMLPullScanner.Failure(message: "more than \(maxStyles) cell styles") }
                    ids.append(value("numFmtId", attributes).flatMap { Int($0) } ?? 0)
                default: break
                }
            case .close(let name):
                if name == "cellXfs" { inCellFormats = false }
            case .text: break
            }
        }
        return ids.map { XLSXCellFormat.of(id: $0, code: codes[$0]) }
    }

    /// Calls `visit` with every start tag of a part (name without prefix, attributes as written).
    private static func each(_ bytes: [UInt8],
                             _ visit: (String, [(name: String, value: String)]) throws(XMLPullScanner.Failure) -> Void) throws(XMLPullScanner.Failure) {
        var scanner = XMLPullScanner(bytes: bytes)
        while let token = try scanner.next() {
            if case .open(let name, let attributes, _) = token { try visit(name, attributes) }
        }
    }

    /// An attribute's value by its name without a prefix.
    static func value(_ name: String, _ attributes: [(name: String, value: String)]) -> String? {
        attributes.first { $0.name == name || $0.name.hasSuffix(":" + name) && !$0.name.hasPrefix("xmlns") }?.value
    }
}
