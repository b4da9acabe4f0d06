import PlanCore

/// The quarterly report's tables as a workbook, one sheet per table, named by the heading it
/// stands under: what the office pastes into its own review deck. Counts are numbers (`#,##0`),
/// shares written `79%` are percentages, everything else is the report's own words.
public enum XLSXReport {
    public static func write(_ document: ReportDocument, to writer: XLSXWriter) throws(XLSXWriter.Failure) {
        var heading = document.title
        var wrote = false
        for block in document.blocks {
            switch block {
            case .heading(_, let text): heading = text
            case .table(let header, let rows):
                try writer.startSheet(sheetName(heading), columns: header.map { XLSXColumn($0) })
                for row in rows { try writer.append(row.map(value)) }
                wrote = true
            default: continue
            }
        }
        if !wrote { try writer.startSheet(document.title, columns: [XLSXColumn(document.title)]) }
    }

    /// `3. 부진하거나 주의가 필요한 지표 (4개)` → `부진하거나 주의가 필요한 지표`: the heading without its
    /// number and count, which a sheet tab has no room for.
    static func sheetName(_ heading: String) -> String {
        var name = Substring(heading)
        if let dot = name.firstIndex(of: "."), name[..<dot].allSatisfy(\.isNumber) { name = name[name.index(after: dot)...] }
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") { name = name[..<open] }
        return name.trimmingCharacters(in: .whitespaces)
    }

    /// A report cell: `12` and `1,234` as numbers, `79%` and `12.5%` as percentages, else text.
    static func value(_ text: String) -> XLSXValue {
        let plain = text.replacingOccurrences(of: ",", with: "")
        if !plain.isEmpty, plain.count <= 15, plain.allSatisfy(\.isASCII), let n = Int64(plain) { return .number(Double(n), .grouped) }
        if plain.hasSuffix("%"), let share = Double(plain.dropLast()), plain.dropLast().allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) {
            return .number(share / 100, .percent)
        }
        return text.isEmpty ? .empty : .text(text)
    }
}
