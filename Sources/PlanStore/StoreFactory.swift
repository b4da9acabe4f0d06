import Foundation
import Logging

/// Opens the store a `DatabaseURL` names.
public enum StoreFactory {
    /// The default logger reports errors only: the pool's start-up notices are noise on a command line.
    public static var quietLogger: Logger {
        var l = Logger(label: "planwatch.store")
        l.logLevel = .error
        return l
    }

    public static func open(_ url: DatabaseURL, logger: Logger = quietLogger) throws -> any Store {
        switch url {
        case .sqlite(let path):
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty, !FileManager.default.fileExists(atPath: dir) {
                throw StoreError.invalid("the folder \(dir) does not exist")
            }
            return try SQLiteStore(path: path)
        case .postgres(let settings):
            return PostgresStore(settings: settings, logger: logger)
        }
    }
}
