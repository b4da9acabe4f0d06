import Foundation
import PlanCore

/// Small helpers for writing SVG by hand: escaped text, fixed-precision numbers, and the
/// status colours the whole site uses.
enum SVG {
    static func esc(_ s: String) -> String { HTMLText.escape(s) }

    /// A coordinate with one decimal, so output is compact and byte-stable.
    static func n(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// Colours for statuses: distinct in hue and lightness (safe for colour-blind readers), at least
    /// 4.5:1 against white text, and always shown together with the status word.
    static func colour(_ s: IndicatorStatus) -> String {
        switch s {
        case .achieved: return "#006d4e"
        case .onTrack: return "#0a5a9c"
        case .moderateProgress: return "#e0a400"
        case .insufficientProgress: return "#b34700"
        case .movingAway: return "#9e1b32"
        case .missed: return "#5c1010"
        case .notYetAssessable: return "#5f6368"
        case .tooEarly: return "#465a75"
        case .reported: return "#6a4c93"
        }
    }

    /// The text colour of a badge on `s`'s colour: white, except on the light amber of moderate progress.
    static func textColour(_ s: IndicatorStatus) -> String { s == .moderateProgress ? "#3b2a00" : "#ffffff" }

    /// The WCAG relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        func channel(_ i: Int) -> Double {
            let c = Double(Int(String(digits[i * 2...i * 2 + 1]), radix: 16) ?? 0) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
    }

    /// The WCAG contrast ratio of two colours.
    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    static func colour(_ s: TaskStatus) -> String {
        switch s {
        case .done: return "#006d4e"
        case .onSchedule: return "#0a5a9c"
        case .late: return "#9e1b32"
        case .unreported: return "#6d4c41"
        case .notStarted: return "#5f6368"
        }
    }
}

/// Short axis labels: `12만`, `1.5조` in Korean; `120k`, `1.5T` in English.
enum AxisFormat {
    static func compact(_ v: Double, unit: PlanCore.Unit?, language: Language) -> String {
        let a = abs(v)
        let sign = v < 0 ? "-" : ""
        if unit?.kind == .percent { return QuantityFormatter.grouped(v, maxDecimals: 1) + "%" }
        if unit?.kind == .rank { return language == .ko ? "\(Int(v.rounded()))위" : QuantityFormatter.ordinal(Int(v.rounded())) }
        if language == .ko {
            for (scale, word) in [(1e12, "조"), (1e8, "억"), (1e4, "만")] where a >= scale {
                return sign + QuantityFormatter.grouped(a / scale, maxDecimals: 1) + word
            }
        } else {
            for (scale, word) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")] where a >= scale {
                return sign + QuantityFormatter.grouped(a / scale, maxDecimals: 1) + word
            }
        }
        return QuantityFormatter.grouped(v, maxDecimals: 1)
    }

    /// About five round tick values covering `lo…hi`.
    static func ticks(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        guard hi > lo else { return [lo] }
        let raw = (hi - lo) / Double(count)
        let magnitude = pow10(Int(floorLog10(raw)))
        let step = [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        // Each tick a whole number of steps (never a running sum, which drifts); the last is the
        // first at or above `hi`, so the highest value lies under a labelled line.
        var k = (lo / step).rounded(.down)
        var out: [Double] = []
        while true {
            let t = k * step
            if t >= lo - step * 0.001 { out.append(t) }
            if t >= hi - step * 0.001 { return out }
            k += 1
        }
    }

    static func floorLog10(_ x: Double) -> Double {
        var e = 0.0, v = x
        if v <= 0 { return 0 }
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }

    static func pow10(_ e: Int) -> Double {
        var r = 1.0
        if e >= 0 { for _ in 0..<e { r *= 10 } } else { for _ in 0..<(-e) { r /= 10 } }
        return r
    }
}
