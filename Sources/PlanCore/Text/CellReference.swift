/// A cell as Excel names it: `C7`, and `Sheet1!C7` or `'My data'!C7` with its sheet, so a
/// problem in a workbook is reported where the officer will look for it.
public struct CellReference: Hashable, Sendable, CustomStringConvertible {
    /// From 1.
    public var row: Int
    /// From 1 (A is 1).
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Reads `C7` (also `$C$7`); nil for anything else.
    public init?(_ text: some StringProtocol) {
        var column = 0, row = 0, sawDigit = false
        for b in text.utf8 where b != UInt8(ascii: "$") {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !sawDigit: column = column * 26 + Int(b - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !sawDigit: column = column * 26 + Int(b - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                row = row * 10 + Int(b - UInt8(ascii: "0"))
            default: return nil
            }
            if column > 16_384 || row > 1_048_576 { return nil }
        }
        guard column > 0, row > 0 else { return nil }
        self.init(row: row, column: column)
    }

    /// The column's letters: 1 is A, 27 is AA.
    public static func letters(_ column: Int) -> String {
        var n = column, out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.insert(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(r))), at: 0)
            n = (n - 1) / 26
        }
        return String(out)
    }

    public var description: String { Self.letters(column) + String(row) }

    /// A sheet name as a formula writes it: quoted when it holds anything but letters, digits,
    /// `_` and `.`, or starts with a digit.
    public static func quotedSheet(_ name: String) -> String {
        let plain = !name.isEmpty && !name.first!.isNumber
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `Sheet1!C7`.
    public func placed(in sheet: String) -> String { Self.quotedSheet(sheet) + "!" + description }
}
