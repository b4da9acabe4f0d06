/// An email address with an optional display name, as a notification is sent to or from.
///
/// Only plain ASCII addresses (`local@domain`) are taken: every relay accepts them without
/// SMTPUTF8, and the strict form leaves no room for a space, angle bracket, CR or LF that could
/// break out of the `To:` header or the `RCPT TO:` command.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    public var name: String?
    public var address: String

    /// Checks `address`; a display name with a control character (CR, LF, tab…) is refused.
    public init(name: String? = nil, address: String) throws(MailError) {
        guard Self.isValid(address) else { throw .invalidAddress(address) }
        if let name, name.unicodeScalars.contains(where: MailHeader.isControl) { throw .headerInjection(field: "name") }
        self.name = name.flatMap { $0.isEmpty ? nil : $0 }
        self.address = address
    }

    /// Parses `Name <local@domain>` or a bare `local@domain`, as an operator writes `--smtp-from`.
    public init(parsing text: String) throws(MailError) {
        let trimmed = text.trimmingSpaces
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            var name = String(trimmed[..<open]).trimmingSpaces
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            try self.init(name: name.isEmpty ? nil : name, address: address)
        } else {
            try self.init(address: trimmed)
        }
    }

    /// `local@domain`, 3 to 254 characters: the local part of letters, digits and
    /// ``!#$%&'*+-/=?^_`{|}~.`` (no leading, trailing or double dot); the domain of labels of
    /// letters, digits and hyphens, with at least one dot.
    public static func isValid(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard (3...254).contains(bytes.count), let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        guard (1...64).contains(local.count), !domain.isEmpty else { return false }
        let localExtra = Set("!#$%&'*+-/=?^_`{|}~.".utf8)
        guard local.allSatisfy({ isAlphanumeric($0) || localExtra.contains($0) }),
              local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
              !zip(local, local.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") }) else { return false }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// The domain part, for a Message-ID of the sender's own domain.
    public var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    /// The header form: `=?UTF-8?B?…?= <local@domain>`, or the bare address.
    public var header: String {
        guard let name else { return address }
        let phrase = MailHeader.phrase(name)
        // The address goes on a line of its own when it would make the name's last line too long.
        let last = phrase.components(separatedBy: "\r\n").last ?? phrase
        return phrase + (last.utf8.count + address.utf8.count + 9 > 78 ? "\r\n <" : " <") + address + ">"
    }

    public var description: String { header }
}

/// Why a message could not be written.
public enum MailError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidAddress(String)
    /// A CR, LF or other control character in a header's value: refused, never folded into a new header.
    case headerInjection(field: String)

    public var description: String {
        switch self {
        case .invalidAddress(let a): return "\(a.debugDescription) is not an email address (local@domain, ASCII only)"
        case .headerInjection(let field): return "the \(field) contains a line break or another control character, which a mail header cannot carry"
        }
    }
}
