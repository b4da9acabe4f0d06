import PlanCore
import Testing
@testable import PlanWeb

@Suite struct CatalogTests {
    @Test func bothLanguagesHaveTheSameKeys() {
        let ko = Set(Catalog.ko.strings.keys), en = Set(Catalog.en.strings.keys)
        #expect(ko.count > 100)
        #expect(ko.subtracting(en).sorted() == [], "missing in en.json")
        #expect(en.subtracting(ko).sorted() == [], "missing in ko.json")
    }

    @Test func noStringIsEmpty() {
        for catalog in [Catalog.ko, Catalog.en] {
            #expect(catalog.strings.filter { $0.value.trimmingSpaces.isEmpty }.keys.sorted() == [])
        }
    }
}
