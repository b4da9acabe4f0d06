import PlanCore

/// The parts of an OWPML package (KS X 6101) around the content: the media type, the version,
/// the container that points at the package document (`Contents/content.hpf`), which lists the
/// header and the section in reading order, and the plain-text preview Hangul shows in its file
/// dialog.
enum HWPXPackage {
    static let mimetype = "application/hwp+zip"

    static let version = HWPXText.declaration
        + "<hv:HCFVersion xmlns:hv=\"http://www.hancom.co.kr/hwpml/2011/version\" tagetApplication=\"WORDPROCESSOR\" major=\"5\" minor=\"1\" "
        + "micro=\"1\" buildNumber=\"0\" os=\"1\" xmlVersion=\"1.5\" application=\"Planwatch\" appVersion=\"1\"/>"

    static let container = HWPXText.declaration
        + "<ocf:container xmlns:ocf=\"urn:oasis:names:tc:opendocument:xmlns:container\" xmlns:hpf=\"http://www.hancom.co.kr/schema/2011/hpf\">"
        + "<ocf:rootfiles><ocf:rootfile full-path=\"Contents/content.hpf\" media-type=\"application/hwpml-package+xml\"/>"
        + "<ocf:rootfile full-path=\"Preview/PrvText.txt\" media-type=\"text/plain\"/></ocf:rootfiles></ocf:container>"

    static let manifest = HWPXText.declaration + "<odf:manifest xmlns:odf=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>"

    /// The package document: what the report is (title, language, the day it is as of), its
    /// parts, and their reading order.
    static func content(_ doc: ReportDocument) -> String {
        let date = doc.day.map { $0.iso } ?? ""
        return HWPXText.declaration + "<opf:package\(HWPXText.namespaceAttributes) version=\"\" unique-identifier=\"\" id=\"\">"
            + "<opf:metadata><opf:title>\(HWPXText.escape(doc.title))</opf:title><opf:language>\(doc.language.rawValue)</opf:language>"
            + "<opf:meta name=\"creator\" content=\"text\">Planwatch</opf:meta>"
            + "<opf:meta name=\"subject\" content=\"text\">\(HWPXText.escape(doc.subtitle.first ?? ""))</opf:meta>"
            + "<opf:meta name=\"description\" content=\"text\">\(HWPXText.escape(doc.subtitle.dropFirst().joined(separator: " ")))</opf:meta>"
            + "<opf:meta name=\"date\" content=\"text\">\(date)</opf:meta></opf:metadata>"
            + "<opf:manifest><opf:item id=\"version\" href=\"version.xml\" media-type=\"application/xml\"/>"
            + "<opf:item id=\"header\" href=\"Contents/header.xml\" media-type=\"application/xml\"/>"
            + "<opf:item id=\"section0\" href=\"Contents/section0.xml\" media-type=\"application/xml\"/></opf:manifest>"
            + "<opf:spine><opf:itemref idref=\"header\" linear=\"yes\"/><opf:itemref idref=\"section0\" linear=\"yes\"/></opf:spine></opf:package>"
    }

    /// The first lines of the report as plain text, as Hangul previews a document.
    static func preview(_ doc: ReportDocument) -> String {
        var lines = [doc.title] + doc.subtitle
        for block in doc.blocks {
            switch block {
            case .heading(_, let text), .paragraph(let text): lines.append(text)
            case .outline(let items): lines += items.map(\.line)
            default: break
            }
            if lines.joined(separator: "\r\n").count > 900 { break }
        }
        return String(lines.map(HWPXText.clean).joined(separator: "\r\n").prefix(1000))
    }
}
