import Foundation
import Synchronization

/// Files built into the binary (stylesheet, icon, the OpenAPI document), encoded and tagged
/// once on first use rather than on every request.
final class StaticAssets: Sendable {
    static let shared = StaticAssets()
    private let cache = Mutex<[String: CachedResponse]>([:])

    func response(_ path: String, type: String) -> CachedResponse? {
        if let hit = cache.withLock({ $0[path] }) { return hit }
        guard let data = EmbeddedFiles.data(path) else { return nil }
        let response = CachedResponse(bytes: [UInt8](data), version: 0, contentType: type)
        cache.withLock { $0[path] = response }
        return response
    }
}
