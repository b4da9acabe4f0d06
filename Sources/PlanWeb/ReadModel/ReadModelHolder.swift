import Foundation
import NIOCore
import PlanCore
import Synchronization

/// Holds the current read model and the caches derived from it: assessments as of past dates
/// and encoded responses with their ETags. Swapping in a new read model drops the caches.
public final class ReadModelHolder: Sendable {
    private struct State {
        var model: ReadModel
        var pastAssessments: [CalendarDay: PlanAssessment] = [:]
        var responses: [String: CachedResponse] = [:]
        var responseBytes = 0
    }

    private let state: Mutex<State>
    /// Bound on cached response bytes (a national plan has many pages; memory stays predictable).
    public let cacheLimitBytes: Int

    public init(_ model: ReadModel, cacheLimitBytes: Int = 256 << 20) {
        state = Mutex(State(model: model))
        self.cacheLimitBytes = cacheLimitBytes
    }

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

    /// The assessment as of `day` for the current model, computed once per day and model.
    public func assessment(asOf day: CalendarDay?) -> (ReadModel, PlanAssessment) {
        let model = current
        guard let day, day != model.today.day else { return (model, model.assessment) }
        if let cached = state.withLock({ $0.model === model ? $0.pastAssessments[day] : nil }) { return (model, cached) }
        let computed = model.assessment(asOf: day)
        state.withLock { s in
            if s.model === model {
                if s.pastAssessments.count > 64 { s.pastAssessments.removeAll() }
                s.pastAssessments[day] = computed
            }
        }
        return (model, computed)
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
