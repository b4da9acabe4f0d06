import Foundation
import Synchronization

/// How long an import may work, and whether whoever asked for it is still there: an upload's
/// validation holds a place that other ministries wait for, so it stops when its time is up or
/// when its client has gone, instead of finishing work nobody will read. The readers check it
/// between rows (and the workbook reader between strings), so a stop comes within one row.
public final class ImportBudget: Sendable {
    /// Why the work stopped.
    public enum Stop: Sendable, Equatable {
        case timeUp(seconds: Int)
        case clientGone
    }

    private let deadline: ContinuousClock.Instant?
    private let seconds: Int
    private let cancelled = Atomic(false)
    private let checks = Atomic(0)
    private let timeIsUp = Atomic(false)

    /// A budget of `seconds` (nil: no limit, as on the command line).
    public init(seconds: Int?) {
        self.seconds = seconds ?? 0
        deadline = seconds.map { ContinuousClock.now + .seconds($0) }
    }

    /// No limit and nobody to lose: `planwatch import`.
    public static let unlimited = ImportBudget(seconds: nil)

    /// The client has gone: the work stops at its next check.
    public func cancel() { cancelled.store(true, ordering: .releasing) }

    public var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// Nil while the work may go on. The clock is read once in 64 checks: a check costs an
    /// atomic increment, so it can run for every row.
    public func stop() -> Stop? {
        if isCancelled { return .clientGone }
        guard let deadline else { return nil }
        if timeIsUp.load(ordering: .relaxed) { return .timeUp(seconds: seconds) }
        guard checks.wrappingAdd(1, ordering: .relaxed).oldValue % 64 == 0, ContinuousClock.now >= deadline else { return nil }
        timeIsUp.store(true, ordering: .relaxed)
        return .timeUp(seconds: seconds)
    }

    /// Why the work stopped, once it has: what a failure the stop caused deeper down is reported as.
    public var stopped: Stop? {
        if isCancelled { return .clientGone }
        return timeIsUp.load(ordering: .relaxed) ? .timeUp(seconds: seconds) : nil
    }

    /// The problem a stop is, for the list of an import's problems.
    public static func issue(_ stop: Stop) -> ImportIssue {
        switch stop {
        case .timeUp(let seconds): return .timeUp(seconds: seconds)
        case .clientGone: return .unreadable(message(stop))
        }
    }

    /// The English sentence for a stop.
    public static func message(_ stop: Stop) -> String {
        switch stop {
        case .timeUp(let seconds): return "the file took longer than \(seconds) s to check; split it into smaller files"
        case .clientGone: return "the upload was abandoned: its client went away before the file was checked"
        }
    }
}
