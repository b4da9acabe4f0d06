import Synchronization

/// Counts sign-in attempts per account name and per address in a sliding window. An attempt is
/// counted when it is admitted, before its password is checked: a bcrypt check takes a quarter
/// of a second, and guesses sent in parallel must not all pass the limit while the first is
/// still being checked. A successful sign-in clears its account and stops counting against its
/// address, so the limits are on failures, as before. When either limit is reached, sign-in is
/// refused with the same message whether or not the account exists. Kept in memory: each server
/// process limits on its own (docs/security.md).
final class SignInLimiter: Sendable {
    enum Admission: Equatable {
        case admitted
        /// Over a limit. `firstTime` is set once per account or address and window, so the audit
        /// chain records the limit being reached, not every attempt after it.
        case limited(firstTime: Bool)
    }

    private struct State {
        var attempts: [String: [Int64]] = [:]
        var reported: [String: Int64] = [:]
    }

    private let state = Mutex(State())
    let perAccount: Int
    let perAddress: Int
    let window: Int64

    init(perAccount: Int, perAddress: Int, window: Int64) {
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.window = window
    }

    /// Admits an attempt and counts it, or says the account or address is over its limit.
    func admit(account: String, address: String, now: Int64) -> Admission {
        let accountKey = "a:" + account, addressKey = "ip:" + address
        return state.withLock { s in
            let overAccount = count(&s, accountKey, now) >= perAccount
            let overAddress = count(&s, addressKey, now) >= perAddress
            guard !overAccount && !overAddress else {
                let key = overAccount ? accountKey : addressKey
                let first = s.reported[key].map { $0 <= now - window } ?? true
                if first { s.reported[key] = now }
                return .limited(firstTime: first)
            }
            s.attempts[accountKey, default: []].append(now)
            s.attempts[addressKey, default: []].append(now)
            if s.attempts.count > 100_000 {
                s.attempts = s.attempts.filter { $0.value.contains { $0 > now - window } }
                s.reported = s.reported.filter { $0.value > now - window }
            }
            return .admitted
        }
    }

    /// An admitted attempt signed in: the account starts afresh and the attempt no longer counts
    /// against the address.
    func succeeded(account: String, address: String, at time: Int64) {
        state.withLock { s in
            s.attempts["a:" + account] = nil
            if var times = s.attempts["ip:" + address], let i = times.lastIndex(of: time) {
                times.remove(at: i)
                s.attempts["ip:" + address] = times.isEmpty ? nil : times
            }
        }
    }

    private func count(_ s: inout State, _ key: String, _ now: Int64) -> Int {
        guard var times = s.attempts[key] else { return 0 }
        times.removeAll { $0 <= now - window }
        s.attempts[key] = times.isEmpty ? nil : times
        return times.count
    }
}
