import PlanCore

/// A cell's value as the text a Korean officer would have typed into a CSV file, so a worksheet
/// row is validated exactly as a CSV row is: `49000` not `49000.0` or `4.9E4`, `79%` for 0.79
/// shown as a percentage, `2021-06-30` for a date, and words as written.
enum XLSXCellText {
    /// A number in full precision without an exponent: `49000`, `0.5`, `-0.000012`.
    /// `shift` moves the decimal point right (2 for a percentage), exactly, on the digits.
    static func number(_ value: Double, shift: Int = 0) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == 0 { return "0" }
        // Whole numbers, most cells, without the digit shuffling below.
        if shift == 0, value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        // Swift prints the shortest digits that round-trip: "4.9e+20", "0.794", "49000.0".
        var text = "\(abs(value))"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let point = text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? text.count
        var digits = Array(text.replacingOccurrences(of: ".", with: ""))
        var pointAt = point + exponent + shift
        while digits.count > 1, digits.first == "0" {
            digits.removeFirst()
            pointAt -= 1
        }
        while digits.count > 1, digits.last == "0", digits.count > pointAt { digits.removeLast() }
        var out: String
        if pointAt <= 0 {
            out = "0." + String(repeating: "0", count: -pointAt) + String(digits)
        } else if pointAt >= digits.count {
            out = String(digits) + String(repeating: "0", count: pointAt - digits.count)
        } else {
            out = String(digits[..<pointAt]) + "." + String(digits[pointAt...])
        }
        if value < 0 { out = "-" + out }
        return out
    }

    /// The day a date serial stands for, as `2021-06-30`: days from 1899-12-30 in the 1900
    /// system (whose serial 60 is the 29 February 1900 that Lotus 1-2-3 invented and Excel
    /// kept; days before it count from 1899-12-31), from 1904-01-01 in the 1904 system
    /// (`date1904` in workbook.xml, old Mac Excel). The time of day is dropped.
    static func day(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 { return CalendarDay(year: 1904, month: 1, day: 1)!.adding(days: whole).iso }
        if whole == 60 { return "1900-02-29" }
        let epoch = whole < 60 ? CalendarDay(year: 1899, month: 12, day: 31)! : CalendarDay(year: 1899, month: 12, day: 30)!
        return epoch.adding(days: whole).iso
    }

    /// The serial of a day in the 1900 system, for writing.
    static func serial(_ day: CalendarDay) -> Int {
        day.ordinal - CalendarDay(year: 1899, month: 12, day: 30)!.ordinal
    }

    /// Decodes `_x000D_`-style escapes, with which Excel writes characters XML cannot hold.
    static func unescape(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = "", rest = Substring(s)
        while let r = rest.range(of: "_x") {
            out += rest[..<r.lowerBound]
            let hex = rest[r.upperBound...].prefix(5)
            if hex.count == 5, hex.last == "_", let v = UInt32(hex.dropLast(), radix: 16), let scalar = Unicode.Scalar(v) {
                out.unicodeScalars.append(scalar)
                rest = rest[rest.index(r.upperBound, offsetBy: 5)...]
            } else {
                out += "_x"
                rest = rest[r.upperBound...]
            }
        }
        return out + rest
    }

    /// Escapes what XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF) as `_xHHHH_`, and a
    /// literal `_xHHHH_` as `_x005F_xHHHH_`, as Excel does.
    static func escape(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { !XMLText.canCarry($0) || $0 == "_" }) else { return s }
        var out = ""
        let scalars = Array(s.unicodeScalars)
        for (i, c) in scalars.enumerated() {
            if !XMLText.canCarry(c) {
                out += "_x" + hex4(c.value) + "_"
            } else if c == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
                      scalars[(i + 2)...(i + 5)].allSatisfy({ $0.properties.isASCIIHexDigit }) {
                out += "_x005F_"
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

private func hex4(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}
