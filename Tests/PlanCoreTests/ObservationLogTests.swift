import PropertyBased
import Testing
@testable import PlanCore

/// The compact columns must hold exactly the observations put in, and behave as an array of
/// them does, whatever edits are made and however the strings happen to be numbered.
@Suite("Observation log")
struct ObservationLogTests {
    typealias P = AssessmentPropertyTests

    /// Facts with everything an observation can carry: words, sources, notes, reporters, and
    /// indicators the plan does not have.
    static func facts(seed: UInt64, count: Int) -> [Observation] {
        var rng = SplitMix(seed: seed ^ 0x106)
        let words = ["", "추진 중", "완료 (법 개정 공포)", "Done", String(repeating: "가", count: 40)]
        return P.facts(seed: seed, count: count).map { o in
            var o = o
            switch rng.next() % 6 {
            case 0: o.indicatorId = "9-9.retired-\(rng.next() % 3)"
            case 1: o.value = nil; o.text = words[Int(rng.next() % UInt64(words.count))]
            default: break
            }
            o.record.recordedBy = ["msit", "moe", "계획관리과 담당자", ""][Int(rng.next() % 4)]
            o.record.source = rng.next() % 2 == 0 ? nil : ["KOSIS", "부처 자체 집계", ""][Int(rng.next() % 3)]
            o.record.note = rng.next() % 3 == 0 ? "잠정치, 3월에 확정" : nil
            return o
        }
    }

    @Test("every observation reads back as it was put in")
    func roundTrip() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...1_000_000)) { seed in
            let facts = Self.facts(seed: UInt64(seed), count: 60)
            let log = ObservationLog(facts)
            #expect(Array(log) == facts)
            #expect(log.count == facts.count)
        }
    }

    @Test("edits give what the same edits to an array give")
    func editsLikeAnArray() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...1_000_000)) { seed in
            let facts = Self.facts(seed: UInt64(seed), count: 50)
            let more = Self.facts(seed: UInt64(seed) &+ 1, count: 20)
            var array = facts, log = ObservationLog(facts)
            array.removeAll { $0.value == nil }
            log.removeAll { $0.value == nil }
            array.insert(more[0], at: array.count / 2)
            log.insert(more[0], at: log.count / 2)
            array[0] = more[1]
            log[0] = more[1]
            array += more
            log.append(contentsOf: ObservationLog(more.reversed()).reversed())
            #expect(Array(log) == array)
            // Strings numbered in another order make an equal log.
            #expect(log == ObservationLog(array))
            #expect(log.hashValue == ObservationLog(array).hashValue)
        }
    }

    @Test("the table keeps every fact: by indicator in the order of the table of values, and all in id order")
    func tableKeepsEverything() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...1_000_000), Gen.int(in: 1...5)) { seed, steps in
            let facts = Self.facts(seed: UInt64(seed), count: 80)
            var rng = SplitMix(seed: UInt64(seed))
            let shuffled = facts.shuffled(using: &rng)
            let index = P.index
            let chunk = (shuffled.count + steps - 1) / steps
            var table = ObservationTable(ObservationLog(shuffled.prefix(chunk)), index: index)
            for start in stride(from: chunk, to: shuffled.count, by: chunk) {
                table = table.adding(ObservationLog(shuffled[start..<min(shuffled.count, start + chunk)]), index: index,
                                     compactingPast: seed % 2 == 0 ? 10 : nil)
            }
            #expect(table.count == facts.count)
            #expect(Array(table.all) == facts.sorted { $0.record.id < $1.record.id })
            #expect(table.unmatchedCount == facts.filter { index.indicatorIndex[$0.indicatorId] == nil }.count)
            for (i, indicator) in index.indicators.enumerated() {
                let expected = facts.filter { $0.indicatorId == indicator.id }
                    .sorted { ($0.period, $0.record.recordedAt.seconds, $0.record.id) < ($1.period, $1.record.recordedAt.seconds, $1.record.id) }
                #expect(table.history(of: i) == expected)
            }
        }
    }

    @Test("ids too large for the packed sort key are put in order all the same")
    func largeIds() {
        var facts = Self.facts(seed: 7, count: 30)
        for k in facts.indices { facts[k].record.id = (Int64(1) << 40) - Int64(k) * 1_000_003 }
        let table = ObservationTable(ObservationLog(facts), index: P.index)
        #expect(table.inIdOrder.map(\.record.id) == facts.map(\.record.id).sorted())
    }

    @Test("strings are found by their bytes as by themselves, and each is held once")
    func pool() {
        var pool = StringPool()
        let words = (0..<5_000).map { "지표-\($0)" } + ["", "a", "가나다"]
        let refs = words.map { pool.intern($0) }
        #expect(pool.count == words.count)
        for (word, ref) in zip(words, refs) {
            #expect(pool[ref] == word)
            #expect(pool.reference(of: word) == ref)
            var utf8 = word
            #expect(utf8.withUTF8 { pool.intern(bytes: UnsafeRawBufferPointer($0)) } == ref)
        }
        #expect(pool.count == words.count)
        #expect(pool.reference(of: "없는 말") == nil)
    }
}
