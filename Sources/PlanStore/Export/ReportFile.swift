import Foundation

/// Writes a report file whole or not at all: to a temporary file in the same folder, renamed
/// over the destination only when every byte is on disk. A failure names the file and the
/// reason in one line, and leaves nothing behind.
public enum ReportFile {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public static func write(_ data: Data, to path: String) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw Failure(message: "cannot write \(path): it is a folder")
        }
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure(message: "cannot write \(path): the folder \(folder) does not exist")
        }
        let partial = folder + "/." + url.lastPathComponent + ".\(getpid()).partial"
        let fd = open(partial, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw Failure(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
        var failure: String?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += n
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil && rename(partial, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(partial)
            throw Failure(message: "cannot write \(path): \(failure)")
        }
    }
}
