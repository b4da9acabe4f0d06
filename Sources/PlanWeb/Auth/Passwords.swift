import HummingbirdBcrypt

/// Password rules and hashing. Passwords are at least 12 characters and kept only as bcrypt
/// hashes; there is no default password anywhere.
public enum Passwords {
    public static let minimumLength = 12

    /// Why a new password is refused, or nil when it is acceptable.
    public static func problem(_ password: String) -> String? {
        if password.count < minimumLength { return "tooShort" }
        if password.trimmingCharacters(in: .whitespaces).isEmpty { return "blank" }
        return nil
    }

    public static func hash(_ password: String, cost: UInt8) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

}

import Foundation
