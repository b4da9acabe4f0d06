import Logging
import ServiceLifecycle

/// Polls the store's audit head and catches the site up with changes made by other processes,
/// so several `planwatch serve` instances on one PostgreSQL show an approval made through any of
/// them within one interval. Stops with the application's graceful shutdown.
struct StoreFollower: Service {
    let site: Site
    let interval: Duration

    func run() async {
        // Shutting down cancels the sleep; that ends the loop quietly, not as a failure.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
                do {
                    try await site.catchUp()
                } catch {
                    site.logger.warning("could not catch up with the store: \(error)")
                }
            }
        }
    }
}
