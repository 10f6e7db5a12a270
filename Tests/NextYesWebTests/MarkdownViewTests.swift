import Plot
import Testing
@testable import NextYesWeb

@Suite("Markdown the app writes, shown as HTML")
struct MarkdownViewTests {
    @Test func headingsTablesListsQuotesAndBoldBecomeHTMLAndTextIsEscaped() {
        let html = Node<HTML.BodyContext>.div(MarkdownView.render("""
            # Career report

            You sent **25** applications <script>x</script>.

            | Stage | Reached |
            |---|---|
            | Applied | 25 |
            | A \\| B | 3 |

            - **Resume stage**: 7
            - Screening: 2
            > We'd have liked more structure.
            """)).render()
        #expect(html.contains("<h2>Career report</h2>"))
        #expect(html.contains("<p>You sent <strong>25</strong> applications &lt;script&gt;x&lt;/script&gt;.</p>"))
        #expect(html.contains("<thead><tr><th>Stage</th><th>Reached</th></tr></thead>"))
        #expect(html.contains("<tr><td>Applied</td><td>25</td></tr>") && html.contains("<td>A | B</td>"))
        #expect(!html.contains("---"))
        #expect(html.contains("<ul><li><strong>Resume stage</strong>: 7</li><li>Screening: 2</li></ul>"))
        #expect(html.contains("<blockquote><p>We&#39;d have liked more structure.</p></blockquote>") || html.contains("<blockquote><p>We'd have liked more structure.</p></blockquote>"))
    }
}
