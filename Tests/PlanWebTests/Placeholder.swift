import Testing
import HummingbirdTesting
@Test func webPlaceholder() { #expect(Bool(true)) }
