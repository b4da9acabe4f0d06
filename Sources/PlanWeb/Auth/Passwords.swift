import HummingbirdBcrypt
import PlanStore

/// Password rules and hashing. Passwords are at least 12 characters and kept only as bcrypt
/// hashes; there is no default password anywhere.
///
/// bcrypt reads a password only up to its first NUL byte and only its first 72 bytes, so the
/// rules would not mean what they say: `short\0padding…` would be the password `short`, and two
/// long passwords sharing their first 72 bytes (24 Hangul syllables) would be one. So a new
/// password may hold no NUL, and bcrypt is given the SHA-256 of the whole password (64 hex
/// digits) instead of the password: every character counts, up to the 128 that ASVS 2.1.2
/// allows. Hashes made that way carry the prefix `sha256+`; an older plain bcrypt hash still
/// verifies as it did until its password is next changed.
public enum Passwords {
    public static let minimumLength = 12
    /// ASVS 2.1.2: passwords of 64 characters or more are allowed, and no more than 128.
    public static let maximumLength = 128
    static let prehashed = "sha256+"

    /// Why a new password is refused, or nil when it is acceptable.
    public static func problem(_ password: String) -> String? {
        if password.count < minimumLength { return "tooShort" }
        if password.count > maximumLength { return "tooLong" }
        if password.unicodeScalars.contains("\u{0}") { return "nul" }
        if password.trimmingCharacters(in: .whitespaces).isEmpty { return "blank" }
        return nil
    }

    public static func hash(_ password: String, cost: UInt8) -> String {
        prehashed + Bcrypt.hash(Directory.digest(password), cost: cost)
    }

    /// Whether `password` is the one `hash` was made from. A password with a NUL never is: an
    /// older hash would compare only what precedes it.
    public static func verify(_ password: String, hash: String) -> Bool {
        guard !password.unicodeScalars.contains("\u{0}") else { return false }
        if hash.hasPrefix(prehashed) { return Bcrypt.verify(Directory.digest(password), hash: String(hash.dropFirst(prehashed.count))) }
        return Bcrypt.verify(password, hash: hash)
    }
}

import Foundation
