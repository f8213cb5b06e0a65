import CorpusTestSupport
import Foundation
import Testing

/// `stats --html`: one self-contained page that a real browser engine opens
/// without console errors and prints to PDF.
@Suite struct StatsHTMLTests {
    let dir = CLI.scratch()

    /// Runs headless Chromium on `page`, printing it to `pdf`; returns its console lines.
    static func chromium(_ page: String, pdf: String) throws -> [String] {
        let binary = ExternalTool.find("chromium") ?? ExternalTool.find("chromium-browser") ?? "chromium"
        let r = try ExternalTool.run([
            "timeout", "120", binary, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
            "--v=0", "--no-first-run", "--print-to-pdf=\(pdf)", "file://\(page)",
        ])
        #expect(r.status == 0, "chromium failed: \(r.output.suffix(500))")
        return r.output.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
    }

    @Test func pageIsSelfContained() throws {
        let page = dir + "/report.html"
        let r = try CLI.run(["stats", CLI.root.appendingPathComponent("samples").path, "--html", page])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 3, "histogram, script mix, sizes")
        for remote in ["<script", "<link", "src=", "href=", "@import", "url(", "http://", "https://"] {
            #expect(!html.contains(remote), "the page refers to \(remote)")
        }
        #expect(html.contains(">158<") || html.contains(">158</td>"), "sentence count")
    }

    @Test(.enabled(if: ToolGate.tool("chromium"), "needs chromium (apt-get install -y chromium)"))
    func chromiumOpensItWithoutConsoleErrorsAndPrintsPDF() throws {
        let page = dir + "/report.html", pdf = dir + "/report.pdf"
        let r = try CLI.run(["stats", CLI.root.appendingPathComponent("samples").path, "--html", page])
        #expect(r.status == 0, "\(r.stderr)")
        let console = try Self.chromium(page, pdf: pdf)
        #expect(console.isEmpty, "console: \(console)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        #expect(bytes.count > 10_000)

        // The check can fail: a page with a script error shows up in the console lines.
        let bad = dir + "/bad.html"
        try "<!DOCTYPE html><title>x</title><script>console.error('planted'); missing();</script>"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let badConsole = try Self.chromium(bad, pdf: dir + "/bad.pdf")
        #expect(badConsole.contains { $0.contains("planted") })
        #expect(badConsole.contains { $0.contains("ReferenceError") })
    }
}
