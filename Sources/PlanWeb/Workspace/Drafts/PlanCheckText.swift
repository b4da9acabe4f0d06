import Foundation
import PlanCore

/// A problem `plan check` reports, as the editor shows it: in Korean, a sentence an official
/// would write, followed by `plan check`'s own words (so a coordinator who also reads the file
/// sees the same message); in English, `plan check`'s words alone. Messages without a Korean
/// sentence here are shown in `plan check`'s words in both languages.
enum PlanCheckText {
    struct Shown {
        var text: String
        /// `plan check`'s words, shown beside a Korean sentence.
        var original: String?
    }

    static func shown(_ message: String, _ language: Language) -> Shown {
        guard language == .ko, let korean = korean(message) else { return Shown(text: message) }
        return Shown(text: korean, original: message)
    }

    /// One line: the Korean sentence and, in parentheses, the original words.
    static func line(_ message: String, _ language: Language) -> String {
        let s = shown(message, language)
        return s.original.map { "\(s.text) (plan check: \($0))" } ?? s.text
    }

    static func korean(_ message: String) -> String? {
        for (pattern, template) in rules {
            guard let match = pattern.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)) else { continue }
            var out = template
            for g in stride(from: match.numberOfRanges - 1, through: 1, by: -1) {
                let r = match.range(at: g)
                let captured = r.location == NSNotFound ? "" : (Range(r, in: message).map { String(message[$0]) } ?? "")
                out = out.replacingOccurrences(of: "$\(g)", with: captured)
            }
            return particles(out)
        }
        return nil
    }

    /// `{을}`, `{이}`, `{은}` after a word become the particle that word takes: ‘2,400회’를.
    static func particles(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let token = String(rest[rest.index(after: open)..<close])
            out += rest[..<open]
            let word = String(out.split(separator: " ").last ?? "")
            switch token {
            case "을": out += KoreanParticle.object(after: word)
            case "이": out += KoreanParticle.subject(after: word)
            case "은": out += KoreanParticle.topic(after: word)
            default: out += "{\(token)}"
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// Patterns of the plan loader's messages (most specific first) and their Korean sentences.
    nonisolated(unsafe) static let rules: [(NSRegularExpression, String)] = [
        (#"cannot read '(.*)' as a number"#, "‘$1’{을} 숫자로 읽을 수 없습니다. 1,234, 4.9만, 3.2조원, 85%처럼 적으십시오."),
        (#"unknown unit '(.*)' in '(.*)' \(known units"#, "‘$2’의 단위 ‘$1’{을} 알 수 없습니다."),
        (#"unknown unit '(.*)' in .*"#, "단위 ‘$1’{을} 알 수 없습니다. 목록에서 고르십시오."),
        (#"digit grouping in '(.*)' is not in thousands"#, "‘$1’의 자릿수 쉼표가 세 자리마다 있지 않습니다."),
        (#"Korean number words in '(.*)' must go from large to small"#, "‘$1’의 수 단위는 큰 단위부터 적어야 합니다(예: 1조 2,000억)."),
        (#"^'(.*)' is too large"#, "‘$1’{은} 너무 큰 수입니다."),
        (#"cannot read '(.*)' as a period"#, "‘$1’{을} 기간으로 읽을 수 없습니다. 2022, 2022-H2, '22.下, 2022-06처럼 적으십시오."),
        (#"'(.*)' is not a real date"#, "‘$1’{은} 달력에 없는 날짜입니다."),
        (#"empty (number|period)"#, "값이 비어 있습니다."),
        (#"the value '(.*)' is in '(.*)' but .* is measured in '(.*)'"#, "‘$1’의 단위($2)가 이 지표의 단위($3)와 다릅니다."),
        (#"^(.*)% in .* is outside 0–100"#, "$1%는 0~100% 범위를 벗어납니다."),
        (#"^rank (.*) in .* is below 1"#, "순위 $1{은} 1위보다 높을 수 없습니다."),
        (#"^rank (.*) in .* is not a whole number"#, "순위 $1{은} 정수가 아닙니다."),
        (#"^(.*) in .* is outside the indicator's bounds"#, "$1{은} 이 지표가 가질 수 있는 값의 범위를 벗어납니다."),
        (#"target due (.*) is before the baseline \((.*)\)"#, "목표 기한($1)이 기준치 시점($2)보다 앞섭니다."),
        (#"has two targets due (.*); give one target per due period"#, "기한이 같은($1) 목표가 두 개입니다. 기한마다 목표는 하나만 둘 수 있습니다."),
        (#"must be listed in due order \((.*) comes after (.*)\)"#, "목표는 기한 순서대로 적어야 합니다($1{은} $2보다 뒤에 와야 합니다)."),
        (#"has no targets"#, "목표가 없습니다. 목표를 하나 이상 입력하십시오."),
        (#"'due' in .* is open-ended \('(.*)'\)"#, "목표 기한 ‘$1’에는 마감 시점이 없습니다. 언제까지인지 적으십시오."),
        (#"comparator '(.*)' contradicts the direction '(.*)'"#, "비교 기준($1)이 지표의 방향($2)과 맞지 않습니다."),
        (#"comparator '(.*)' contradicts the value's '(.*)'"#, "비교 기준($1)이 값에 적힌 ‘$2’와 다릅니다."),
        (#"is qualitative; write words under 'text'"#, "정성 지표이므로 숫자가 아니라 문장으로 적어야 합니다."),
        (#"is qualitative but has a numeric target"#, "정성 지표인데 숫자 목표가 있습니다. 목표를 문장으로 적거나 단위를 정하십시오."),
        (#"has both 'value' and 'text'"#, "값과 문장 가운데 하나만 적어야 합니다."),
        (#"^the baseline of .* needs a 'value' or a 'text'"#, "기준치의 값이나 문장을 적으십시오. 기준치가 없으면 모두 비워 두십시오."),
        (#"needs a 'value' or a 'text'"#, "목표 값이나 문장을 적으십시오."),
        (#"is a measured value and cannot be '(.*)'"#, "기준치는 측정된 값이므로 ‘$1’{을} 붙일 수 없습니다."),
        (#"missing required field 'period' in the baseline"#, "기준치의 시점을 적으십시오."),
        (#"missing required field 'unit'"#, "단위를 고르십시오(정성 지표라면 ‘정성’을 고르십시오)."),
        (#"missing required field 'en'"#, "영문도 적어야 합니다."),
        (#"missing required field 'ko'"#, "국문을 적어야 합니다."),
        (#"needs an English translation"#, "영문도 적어야 합니다."),
        (#"missing required field 'totalCost' in the budget"#, "총사업비나 국고, 또는 구분 없는 금액 가운데 하나 이상을 적으십시오."),
        (#"missing required field '(.*)'"#, "필수 항목(‘$1’)이 비어 있습니다."),
        (#"'(.*)' in .* must not be empty"#, "비워 둘 수 없습니다."),
        (#"must not be empty"#, "비워 둘 수 없습니다."),
        (#"is '(.*)', which is not one of"#, "‘$1’{은} 고를 수 있는 값이 아닙니다."),
        (#"period (.*) is outside the plan's period \((.*)–(.*)\)"#, "기간 $1{이} 계획 기간($2~$3)을 벗어납니다."),
        (#"^treasury \((.*)\) exceeds the total cost \((.*)\)"#, "국고($1)가 총사업비($2)보다 많습니다."),
        (#"the total cost by (.*) is smaller than by (.*);"#, "$1까지의 총사업비가 $2까지보다 적습니다. 예산은 계획 첫해부터의 누계입니다."),
        (#"the treasury share by (.*) is smaller than by (.*);"#, "$1까지의 국고가 $2까지보다 적습니다. 예산은 계획 첫해부터의 누계입니다."),
        (#"commitments of .* must be listed by increasing 'by' period"#, "기한(‘까지’)이 빠른 것부터 차례로 적어야 합니다."),
        (#"^'amount' is for money whose kind"#, "구분 없는 금액은 총사업비·국고와 함께 적을 수 없습니다."),
        (#"is money, but '(.*)' is not 원"#, "금액에는 ‘원’ 단위만 쓸 수 있습니다(‘$1’ 불가)."),
        (#"must be a single amount of zero or more"#, "금액은 0 이상의 한 값이어야 합니다."),
        (#"is not a whole number of won"#, "금액은 원 단위까지 떨어지는 수여야 합니다."),
        (#"jobs are counted, but '(.*)' is not a counting unit"#, "일자리는 개수이므로 ‘$1’ 단위를 쓸 수 없습니다."),
        (#"a number of jobs must be a whole number of zero or more"#, "일자리 수는 0 이상의 정수여야 합니다."),
        (#"must be a single number, not a range or a change"#, "범위나 변화가 아니라 한 값을 적으십시오. 계획의 표기는 ‘원문 표기’에 적으십시오."),
        (#"^duplicate (indicator|task) id '(.*)'"#, "식별자 ‘$2’{은} 이미 쓰이고 있습니다."),
        (#"^(indicator|task) id '(.*)' was used by the version of the plan in force from (.*) and dropped since"#,
         "식별자 ‘$2’{은} $3부터 시행된 판에서 쓰였다가 삭제되었습니다. 보고된 값은 식별자로만 연결되므로 한 번 쓴 식별자는 다른 항목에 쓸 수 없습니다."),
        (#"id '(.*)' is not valid"#, "식별자 ‘$1’{은} 쓸 수 없습니다. 영문자·숫자·‘.’·‘-’·‘_’만 쓰고, 영문자나 숫자로 시작하며, 80자 이내여야 합니다."),
        (#"unknown organization '(.*)'"#, "등록되지 않은 기관 ‘$1’입니다."),
        (#"write the law's name without 「 」"#, "법령 이름은 「 」 없이 적으십시오."),
        (#"must be a day written YYYY-MM-DD"#, "날짜는 2022-01-26처럼 적으십시오."),
        (#"the revision takes effect on (.*), not after the plan was published \((.*)\)"#, "시행일($1)은 계획 발표일($2) 이후여야 합니다."),
        (#"the plan cannot end \((.*)\) before this version took effect \((.*)\)"#, "계획은 $1에 종료되었으므로 시행일($2)을 그보다 앞선 날로 정해야 합니다."),
        (#"'url' in a source of .*: (.*)"#, "주소가 올바르지 않습니다: $1"),
        (#"measure '(.*)' does not fit the unit '(.*)'"#, "측정 방식($1)이 단위($2)와 맞지 않습니다."),
        (#"is a rank, where lower is better, so its direction cannot be 'increase'"#, "순위는 낮을수록 좋으므로 방향을 ‘증가’로 둘 수 없습니다."),
        (#"already meets the target .* so it is judged as a level to hold"#, "기준치가 이미 목표를 충족하므로 도달 경로가 아니라 유지할 수준으로 판정됩니다(평가 방법 §5). 기준치와 목표, 비교 기준을 확인하십시오."),
        (#"speaks of amending or enacting a law but lists none"#, "법령 개정·제정을 말하지만 관련 법령이 없습니다."),
        (#"has no 'due' period, so it can never be judged late"#, "기한이 없어 지연 여부를 판단할 수 없습니다. 계획에 기한이 없으면 계획 종료 연도를 적고 비고에 그렇게 밝히십시오."),
        (#"is an investment but lists laws"#, "투자 과제인데 법령이 있습니다. 제도 개선 과제가 아닌지 확인하십시오."),
        (#"unknown indicator '(.*)' in 'tracks'"#, "연결된 지표 ‘$1’{이} 변경안에 없습니다."),
        (#"parent task '(.*)' is not a task of"#, "상위 과제 ‘$1’{이} 같은 사업에 없습니다."),
        (#"task '(.*)' is filed under this one \('parent'\)"#, "과제 ‘$1’{이} 이 과제의 하위 과제입니다. 먼저 그 과제를 삭제하거나 옮기십시오."),
        (#"records that its successor took up '(.*)'"#, "후속 계획이 ‘$1’{을} 이어받았다고 기록되어 있어 삭제할 수 없습니다."),
        (#"give the reason for dropping"#, "삭제 사유를 적으십시오."),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }
}
