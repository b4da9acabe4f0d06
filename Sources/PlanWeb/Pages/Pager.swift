/// One page of a long list: which rows it shows and the links to the pages either side, for
/// the `pager` partial. A national plan's lists run to thousands of rows; no page shows them all.
struct Pager {
    let page: Int
    let pages: Int
    private let count: Int
    private let size: Int

    init(count: Int, size: Int, page: Int) {
        self.count = count
        self.size = size
        pages = max(1, (count + size - 1) / size)
        self.page = page
    }

    /// The page asked for in the query's `page`, brought within the pages there are.
    init(count: Int, size: Int, query: String?) {
        let pages = max(1, (count + size - 1) / size)
        self.init(count: count, size: size, page: min(max(1, query.flatMap { Int($0) } ?? 1), pages))
    }

    /// Whether the page exists (a link to a page past the end is a 404, not an empty page).
    var exists: Bool { (1...pages).contains(page) }

    /// The rows of this page, as positions in the whole list.
    var rows: Range<Int> { min(count, (page - 1) * size)..<min(count, page * size) }

    /// `has_pages`, `page_label` and the `previous` and `next` links.
    func values(_ c: PageContext, link: (Int) -> String) -> [String: Any] {
        var values: [String: Any] = [
            "has_pages": pages > 1,
            "page_label": c.catalog.format("page_of", ["page": String(page), "pages": String(pages)]),
        ]
        if page > 1 { values["previous"] = link(page - 1) }
        if page < pages { values["next"] = link(page + 1) }
        return values
    }
}
