import NIOCore

/// The address a sign-in attempt is counted against. Behind the load balancer of
/// docs/deploy.md every request comes from the balancer's address, so one address limit
/// would be shared by everyone; the balancer names the client in `X-Forwarded-For`. That header
/// is believed only from a proxy named with `--trusted-proxy`, and only its last entry (the one
/// the proxy itself appended): anyone else could write any address there.
public enum ClientAddress {
    static func of(peer: String?, forwardedFor: String?, trustedProxies: Set<String>) -> String {
        let peer = peer ?? "unknown"
        guard trustedProxies.contains(peer), let header = forwardedFor,
              let last = header.split(separator: ",").last.map({ $0.trimmingCharacters(in: .whitespaces) }), isAddress(last) else { return peer }
        return last
    }

    /// Whether `text` is an IPv4 or IPv6 address.
    public static func isAddress(_ text: String) -> Bool {
        (try? SocketAddress(ipAddress: text, port: 0)) != nil
    }
}
