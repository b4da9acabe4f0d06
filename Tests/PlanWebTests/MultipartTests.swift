import Testing
@testable import PlanWeb

/// The multipart reader that `AccessMiddleware` runs on uploads: RFC 2046 boundaries only, and
/// searches whose work is linear in the body (counted, never timed).
@Suite struct MultipartTests {
    @Test func searchingForADelimiterIsLinearInTheBody() {
        // The worst case of a naive search: a body of dashes under a boundary of dashes.
        let body = [UInt8](repeating: UInt8(ascii: "-"), count: 1 << 20)
        var search = ByteSearch(Array(("--" + String(repeating: "-", count: 69) + "x").utf8))
        #expect(search.firstIndex(in: body, from: 0) == nil)
        #expect(search.comparisons <= 2 * body.count)
        // And it finds what a naive search finds, wherever it is.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let haystack = (0..<Int.random(in: 0..<60, using: &generator)).map { _ in UInt8.random(in: 0...2, using: &generator) }
            let needle = (0..<Int.random(in: 1..<5, using: &generator)).map { _ in UInt8.random(in: 0...2, using: &generator) }
            let start = Int.random(in: 0...haystack.count, using: &generator)
            let naive = haystack.count < needle.count ? nil
                : (start...max(start, haystack.count - needle.count)).first { $0 + needle.count <= haystack.count && Array(haystack[$0..<($0 + needle.count)]) == needle }
            var kmp = ByteSearch(needle)
            #expect(kmp.firstIndex(in: haystack, from: start) == naive, "\(needle) in \(haystack) from \(start)")
            #expect(kmp.firstIndex(in: haystack[...], from: start) == naive)
        }
    }

    @Test func boundariesFollowRFC2046() {
        #expect(SubmittedForm.isValidBoundary("----WebKitFormBoundary7MA4YWxkTrZu0gW"))
        #expect(SubmittedForm.isValidBoundary(String(repeating: "a", count: 70)))
        #expect(!SubmittedForm.isValidBoundary(String(repeating: "a", count: 71)))
        #expect(!SubmittedForm.isValidBoundary(""))
        #expect(!SubmittedForm.isValidBoundary("ends in a space "))
        #expect(!SubmittedForm.isValidBoundary("new\r\nline"))
        let form = DenialOfServiceTests.multipart([("_csrf", "t"), ("kind", "observations")], boundary: String(repeating: "-", count: 71))
        #expect(SubmittedForm.multipart(Array(form.utf8), boundary: String(repeating: "-", count: 71)) == nil)
        let ok = DenialOfServiceTests.multipart([("_csrf", "t"), ("kind", "observations")], boundary: String(repeating: "-", count: 70))
        #expect(SubmittedForm.multipart(Array(ok.utf8), boundary: String(repeating: "-", count: 70))?["kind"] == "observations")
    }

}
