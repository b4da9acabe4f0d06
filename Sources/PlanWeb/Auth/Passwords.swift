import HummingbirdBcrypt

/// Password rules and hashing. Passwords are at least 12 characters and kept only as bcrypt
/// hashes; there is no default password anywhere.
///
/// bcrypt reads a password only up to its first NUL byte and only its first 72 bytes, so
/// "twelve chars" would not mean what it says: `short\0padding…` is the password `short`, and
/// two long passwords sharing 72 bytes are the same. A new password may hold no NUL and at most
/// 72 bytes of UTF-8 (72 Latin letters, 24 Hangul syllables); sign-in refuses a NUL outright.
public enum Passwords {
    public static let minimumLength = 12
    public static let maximumBytes = 72

    /// Why a new password is refused, or nil when it is acceptable.
    public static func problem(_ password: String) -> String? {
        if password.count < minimumLength { return "tooShort" }
        if password.utf8.contains(0) { return "nul" }
        if password.utf8.count > maximumBytes { return "tooLong" }
        if password.trimmingCharacters(in: .whitespaces).isEmpty { return "blank" }
        return nil
    }

    public static func hash(_ password: String, cost: UInt8) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        guard !password.utf8.contains(0) else { return false }
        return Bcrypt.verify(password, hash: hash)
    }
}

import Foundation
