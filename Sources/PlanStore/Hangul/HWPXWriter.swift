import Foundation
import PlanCore
import ZIPFoundation

/// Writes a report as a Hangul document (HWPX, OWPML: KS X 6101), the format a Korean ministry
/// files and edits. The package is a ZIP whose first entry is `mimetype`, stored, as the
/// standard requires; every other part is deflated. The same report gives the same bytes: the
/// parts carry the report's own date, not the time they were written.
public enum HWPXWriter {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The document as bytes, for a download.
    public static func bytes(_ doc: ReportDocument) throws(Failure) -> [UInt8] {
        let stamp = doc.day.map { Date(timeIntervalSince1970: Double($0.ordinal - CalendarDay(year: 1970, month: 1, day: 1)!.ordinal) * 86_400 + 43_200) }
            ?? Date(timeIntervalSince1970: 315_532_800)
        do {
            let archive = try Archive(accessMode: .create)
            func add(_ name: String, _ text: String, stored: Bool = false) throws {
                let data = Data(text.utf8)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
                                     compressionMethod: stored ? .none : .deflate) { position, size in
                    data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
                }
            }
            try add("mimetype", HWPXPackage.mimetype, stored: true)
            try add("version.xml", HWPXPackage.version)
            try add("Contents/header.xml", HWPXHeader.xml)
            try add("Contents/section0.xml", HWPXSection.xml(doc))
            try add("Contents/content.hpf", HWPXPackage.content(doc))
            try add("Preview/PrvText.txt", HWPXPackage.preview(doc))
            try add("META-INF/container.xml", HWPXPackage.container)
            try add("META-INF/manifest.xml", HWPXPackage.manifest)
            guard let data = archive.data else { throw Failure(message: "the document could not be assembled") }
            return [UInt8](data)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(message: "the document could not be assembled: \(error)")
        }
    }

    /// Writes the document to `path` through a temporary file beside it, renamed into place
    /// only when complete: a failure leaves no file, or the one that was there before.
    public static func write(_ doc: ReportDocument, to path: String) throws(Failure) {
        let bytes = try bytes(doc)
        do { try ReportFile.write(Data(bytes), to: path) } catch { throw Failure(message: error.message) }
    }
}
