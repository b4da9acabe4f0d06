import Foundation
import NIOCore
import PlanCore
import Synchronization

/// Holds the current read model and the caches derived from it: assessments as of past dates
/// and encoded responses with their ETags. Swapping in a new read model drops the caches.
public final class ReadModelHolder: Sendable {
    /// Past assessments kept per read model, the least recently used forgotten first.
    static let pastAssessmentLimit = 64

    private struct State {
        var model: ReadModel
        var pastAssessments = RecentCache<CalendarDay, PlanView>(capacity: ReadModelHolder.pastAssessmentLimit)
        /// Assessments being computed, so readers asking for the same date at once share one.
        var computing: [CalendarDay: Task<PlanView, Never>] = [:]
        var responses: [String: CachedResponse] = [:]
        var responseBytes = 0
    }

    private let state: Mutex<State>
    /// Bound on cached response bytes (a national plan has many pages; memory stays predictable).
    public let cacheLimitBytes: Int
    /// Heavy work for public pages (an assessment as of a past date) runs here, a bounded
    /// number at a time.
    let work = WorkLimiter()
    /// Uploads (parsing a multipart body, validating a file) run here, apart from `work`: a
    /// ministry's upload never waits for a stranger's `?asOf=`, nor a public page for an upload.
    let uploads = WorkLimiter()
    /// Assessments computed for past dates since start (for the tests).
    private let computed = Atomic<Int>(0)

    public init(_ model: ReadModel, cacheLimitBytes: Int = 256 << 20) {
        state = Mutex(State(model: model))
        self.cacheLimitBytes = cacheLimitBytes
    }

    var pastAssessmentsComputed: Int { computed.load(ordering: .relaxed) }

    /// The number of encoded responses kept (for the tests).
    var cachedResponseCount: Int { state.withLock { $0.responses.count } }

    public var current: ReadModel { state.withLock { $0.model } }

    public func replace(with model: ReadModel) {
        state.withLock { $0 = State(model: model) }
    }

    /// Replaces the model only if `expected` is still current, so two requests noticing the same
    /// change of day do not both rebuild and bump the version twice.
    func replace(with model: ReadModel, ifStill expected: ReadModel) {
        state.withLock { s in
            if s.model === expected { s = State(model: model) }
        }
    }

    /// The plan as of `day` (the version in force, judged) for the current model. A past date is
    /// computed once per model (0.6 s at national scale), shared by readers asking for it at the
    /// same time, and run through `work`, so new dates queue instead of taking every thread.
    public func view(asOf day: CalendarDay?) async -> (ReadModel, PlanView) {
        let model = current
        guard let day, day != model.today.day else { return (model, model.todayView) }
        enum Found { case cached(PlanView), running(Task<PlanView, Never>) }
        let found: Found = state.withLock { s in
            if s.model === model, let hit = s.pastAssessments.value(day) { return .cached(hit) }
            if s.model === model, let running = s.computing[day] { return .running(running) }
            let task = Task {
                await self.work.run {
                    self.computed.add(1, ordering: .relaxed)
                    return model.view(asOf: day)
                }
            }
            if s.model === model { s.computing[day] = task }
            return .running(task)
        }
        switch found {
        case .cached(let view):
            return (model, view)
        case .running(let task):
            let view = await task.value
            state.withLock { s in
                guard s.model === model else { return }
                s.pastAssessments.insert(view, for: day)
                s.computing[day] = nil
            }
            return (model, view)
        }
    }

    public func cachedResponse(_ key: String, version: Int) -> CachedResponse? {
        state.withLock { $0.model.version == version ? $0.responses[key] : nil }
    }

    public func store(_ response: CachedResponse, key: String, version: Int) {
        state.withLock { s in
            guard s.model.version == version else { return }
            if s.responseBytes + response.body.readableBytes > cacheLimitBytes {
                s.responses.removeAll()
                s.responseBytes = 0
            }
            s.responses[key] = response
            s.responseBytes += response.body.readableBytes
        }
    }
}

/// An encoded response body with its ETag and content type, served as is while the model lasts.
/// The body is a `ByteBuffer`, so serving it shares the bytes instead of copying them.
public struct CachedResponse: Sendable {
    public let body: ByteBuffer
    public let etag: String
    public let contentType: String

    /// `version` is the read model's (0 for files built into the binary), so a republished
    /// model changes every tag.
    init(bytes: [UInt8], version: Int, contentType: String) {
        body = ByteBuffer(bytes: bytes)
        etag = HTTPCaching.etag(bytes, version: version)
        self.contentType = contentType
    }
}
