/// Korean particles that change with the word before them: 을/를, 은/는, 이/가. A word ending in
/// a syllable with a final consonant takes the first form ("2025년을"), one ending in a vowel
/// the second ("하반기를"). Digits and other characters are read as Koreans say them.
public enum KoreanParticle {
    /// 을 or 를.
    public static func object(after word: String) -> String { hasFinalConsonant(word) ? "을" : "를" }
    /// 이 or 가.
    public static func subject(after word: String) -> String { hasFinalConsonant(word) ? "이" : "가" }
    /// 은 or 는.
    public static func topic(after word: String) -> String { hasFinalConsonant(word) ? "은" : "는" }

    /// 으로 or 로: a final ㄹ takes 로 like a vowel ("1,000개로", "30조원으로", "1일로").
    public static func instrumental(after word: String) -> String {
        hasFinalConsonant(word) && !endsInRieul(word) ? "으로" : "로"
    }

    /// Marks after the last spoken syllable that a particle skips: 「대한민국 디지털 전략」으로.
    static let closing: Set<Unicode.Scalar> = [")", "」", "』", "\"", "'", "’", "”", "》", "〉"]

    static func endsInRieul(_ word: String) -> Bool {
        guard let last = word.unicodeScalars.last(where: { !$0.properties.isWhitespace && !closing.contains($0) }) else { return false }
        let v = last.value
        if (0xAC00...0xD7A3).contains(v) { return (v - 0xAC00) % 28 == 8 }
        // 1 일, 7 칠, 8 팔 end in ㄹ.
        if let digit = Int(String(last)) { return [1, 7, 8].contains(digit) }
        return false
    }

    static func hasFinalConsonant(_ word: String) -> Bool {
        guard let last = word.unicodeScalars.last(where: { !$0.properties.isWhitespace && !closing.contains($0) }) else { return false }
        let v = last.value
        if (0xAC00...0xD7A3).contains(v) { return (v - 0xAC00) % 28 != 0 }
        // 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔 end in a consonant; 2 이, 4 사, 5 오, 9 구 do not.
        if let digit = Int(String(last)) { return [0, 1, 3, 6, 7, 8].contains(digit) }
        return false
    }
}
