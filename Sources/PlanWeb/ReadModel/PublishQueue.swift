/// Coalesces read-model rebuilds. Every caller names the audit event its change was recorded
/// through and returns only once the published read model reflects it (so an approval is
/// public when its answer arrives). While one rebuild runs, all the callers that arrive share
/// the next one instead of queueing one rebuild each, and a caller whose change a rebuild has
/// already covered (the store follower's, say, racing a local approval) costs nothing.
/// At quarter end, when many coordinators approve at once, the cost is per rebuild, not per
/// approval. The caller whose rebuild finishes hands the next one to a waiting caller, so no
/// caller rebuilds on behalf of others for longer than one rebuild.
actor PublishQueue {
    private enum Turn { case done, rebuild }

    private var requested = 0
    private var neededSeq: Int64 = 0
    private var running = false
    private var waiting: [(ticket: Int, continuation: CheckedContinuation<Turn, any Error>)] = []

    /// Returns once a rebuild has covered audit event `seq`. `rebuild` gets the newest event
    /// any covered caller needs, and may skip the work when the model already reflects it.
    func publish(through seq: Int64, _ rebuild: @Sendable (_ needed: Int64) async throws -> Void) async throws {
        requested += 1
        neededSeq = max(neededSeq, seq)
        let ticket = requested
        if running {
            let turn = try await withCheckedThrowingContinuation { waiting.append((ticket, $0)) }
            if turn == .done { return }
        }
        running = true
        // Everything requested so far is covered by a rebuild that starts now.
        let covered = requested
        let needed = neededSeq
        let result = await Result { try await rebuild(needed) }
        let served = waiting.filter { $0.ticket <= covered }
        waiting.removeAll { $0.ticket <= covered }
        for w in served { w.continuation.resume(with: result.map { .done }) }
        if waiting.isEmpty {
            running = false
        } else {
            waiting.removeFirst().continuation.resume(returning: .rebuild)
        }
        try result.get()
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
