import Synchronization

/// Counts failed sign-ins per account name and per address in a sliding window. When either
/// is over its limit, sign-in is refused with the same message whether or not the account
/// exists. Kept in memory: each server process limits on its own (docs/security.md).
final class SignInLimiter: Sendable {
    private let failures = Mutex<[String: [Int64]]>([:])
    let perAccount: Int
    let perAddress: Int
    let window: Int64

    init(perAccount: Int, perAddress: Int, window: Int64) {
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.window = window
    }

    func isLimited(account: String, address: String, now: Int64) -> Bool {
        failures.withLock { f in
            count(&f, "a:" + account, now) >= perAccount || count(&f, "ip:" + address, now) >= perAddress
        }
    }

    func recordFailure(account: String, address: String, now: Int64) {
        failures.withLock { f in
            f["a:" + account, default: []].append(now)
            f["ip:" + address, default: []].append(now)
            if f.count > 100_000 { f = f.filter { $0.value.contains { $0 > now - window } } }
        }
    }

    func clear(account: String) {
        failures.withLock { _ = $0.removeValue(forKey: "a:" + account) }
    }

    private func count(_ f: inout [String: [Int64]], _ key: String, _ now: Int64) -> Int {
        guard var times = f[key] else { return 0 }
        times.removeAll { $0 <= now - window }
        f[key] = times.isEmpty ? nil : times
        return times.count
    }
}
