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

    private let seconds: Int?
    /// When the work began: the first check, so time spent waiting for a place is not counted.
    private let began = Mutex<ContinuousClock.Instant?>(nil)
    private let cancelled = Atomic(false)
    private let checks = Atomic(0)
    private let timeIsUp = Atomic(false)

    /// A budget of `seconds` of work, counted from the first check (nil: no limit, as on the
    /// command line).
    public init(seconds: Int?) {
        self.seconds = seconds
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
        guard let seconds else { return nil }
        if timeIsUp.load(ordering: .relaxed) { return .timeUp(seconds: seconds) }
        guard checks.wrappingAdd(1, ordering: .relaxed).oldValue % 64 == 0 else { return nil }
        let now = ContinuousClock.now
        let start = began.withLock { began in
            if began == nil { began = now }
            return began!
        }
        guard now >= start + .seconds(seconds) else { return nil }
        timeIsUp.store(true, ordering: .relaxed)
        return .timeUp(seconds: seconds)
    }

    /// Why the work stopped, once it has: what a failure the stop caused deeper down is reported as.
    public var stopped: Stop? {
        if isCancelled { return .clientGone }
        return timeIsUp.load(ordering: .relaxed) ? .timeUp(seconds: seconds ?? 0) : nil
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
