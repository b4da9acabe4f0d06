import Foundation
import PlanCore

/// Reads, validates and prepares import rows on a thread of their own, in batches, while the
/// store's writer inserts the previous batch: on two cores the two halves of an import overlap.
///
/// Ids are assigned here (the writer holds the database's write lock, so they are the next ones
/// in the table), and the audit digest is computed here too; the writer only binds and inserts.
final class ImportPipeline: @unchecked Sendable {
    private let rows: ImportRowSource
    private var template: StoredFact
    private let batchSize: Int
    private let depth: Int
    private let condition = NSCondition()
    private var queue: [[StoredFact]] = []
    private var finished = false
    private var cancelled = false
    private(set) var digest = FactDigest()

    init(rows: ImportRowSource, template: StoredFact, firstId: Int64, batchSize: Int = 4096, depth: Int = 4) {
        self.rows = rows
        self.template = template
        self.template.id = firstId
        self.batchSize = batchSize
        self.depth = depth
    }

    func start() {
        let thread = Thread { [self] in produce() }
        thread.stackSize = 4 << 20
        thread.start()
    }

    private func produce() {
        var batch: [StoredFact] = []
        batch.reserveCapacity(batchSize)
        var fact = template
        let firstId = template.id
        while let entry = rows.next() {
            if rows.hasErrors { continue }
            fact.entry = entry
            // A row that corrects an earlier row of the file supersedes the fact made of it.
            if let earlier = rows.correctedEntry { fact.entry.supersedes = firstId + Int64(earlier) }
            digest.add(fact)
            batch.append(fact)
            fact.id += 1
            if batch.count == batchSize {
                guard push(batch) else { return }
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty && !rows.hasErrors { _ = push(batch) }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    private func push(_ batch: [StoredFact]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= depth && !cancelled { condition.wait() }
        if cancelled { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    /// The next batch, or nil when the file is done (or had errors; check `rows.hasErrors`).
    func next() -> [StoredFact]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        if rows.hasErrors { return nil }
        guard !queue.isEmpty else { return nil }
        let batch = queue.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Waits for the reader to finish the file (so every error is counted).
    func drain() {
        condition.lock()
        while !finished {
            queue.removeAll()
            condition.broadcast()
            condition.wait()
        }
        condition.unlock()
    }

    /// Stops the reader early (the writer failed).
    func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
