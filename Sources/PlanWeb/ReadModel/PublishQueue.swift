/// Coalesces read-model rebuilds. Every caller returns only after a rebuild that began after
/// its call (so an approval is public when its answer arrives), but while one rebuild runs,
/// all the approvals that arrive share the next one instead of queueing one rebuild each.
/// At quarter end, when many coordinators approve at once, the cost is per rebuild, not per
/// approval. The caller whose rebuild finishes hands the next one to a waiting caller, so no
/// caller rebuilds on behalf of others for longer than one rebuild.
actor PublishQueue {
    private enum Turn { case done, rebuild }

    private var requested = 0
    private var running = false
    private var waiting: [(ticket: Int, continuation: CheckedContinuation<Turn, any Error>)] = []

    func publish(_ rebuild: @Sendable () async throws -> Void) async throws {
        requested += 1
        let ticket = requested
        if running {
            let turn = try await withCheckedThrowingContinuation { waiting.append((ticket, $0)) }
            if turn == .done { return }
        }
        running = true
        // Everything requested so far is covered by a rebuild that starts now.
        let covered = requested
        let result = await Result(catching: rebuild)
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
