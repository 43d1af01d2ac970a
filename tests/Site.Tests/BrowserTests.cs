using System.Text.Json.Nodes;
using Book.Engine.Notebooks;
using Book.Site.Rendering;
using Book.Tests.Browser;
using Xunit.Abstractions;

namespace Book.Tests;

/// <summary>
/// The built site as a reader's browser shows it, opened from file:// in headless Chromium: every page
/// loads without an error, every chart is drawn, every formula typeset, and search finds pages.
/// Screenshots of the pages are kept under the test output's artifacts/screenshots/.
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class BrowserTests(BuiltSite site, ITestOutputHelper output)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    [Fact]
    public async Task Every_chapter_loads_without_errors_with_its_charts_drawn_and_math_typeset()
    {
        await using var browser = await Chromium.StartAsync();
        var page = await browser.OpenPageAsync();
        foreach (var (html, notebook) in site.Chapters)
        {
            string name = Path.GetFileNameWithoutExtension(html);
            await OpenAsync(page, html);

            int charts = PlotlyOutputs(notebook);
            Assert.Equal(charts, await CountAsync(page, ".nb-plotly.js-plotly-plot"));
            Assert.Equal(charts, await CountAsync(page, ".nb-plotly .main-svg:first-of-type"));

            int math = await CountAsync(page, ".arithmatex");
            Assert.Equal(HasMath(notebook), math > 0);
            Assert.Equal(math, await CountAsync(page, ".arithmatex mjx-container"));
            Assert.Equal(0, await CountAsync(page, "mjx-merror, [data-mjx-error]"));
            Assert.Equal(0, (int)(await page.EvaluateAsync(
                "[...document.querySelectorAll('.arithmatex svg')].filter(svg => svg.getBoundingClientRect().width < 2).length"))!);

            Assert.Equal(SolutionCells(notebook), await CountAsync(page, "details.nb-solution"));
            Assert.Equal(0, await CountAsync(page, "details.nb-solution[open]"));
            Assert.DoesNotContain("HIDDEN TESTS", (string?)await page.EvaluateAsync("document.body.textContent"));
            await SaveScreenshotAsync(page, name);
            output.WriteLine($"{name}: {charts} charts drawn, {math} formulas typeset, no errors");
        }
    }

    [Fact]
    public async Task The_home_page_and_appendices_load_without_errors()
    {
        await using var browser = await Chromium.StartAsync();
        var page = await browser.OpenPageAsync();
        foreach (string relative in new[] { "index.html", "appendices/errata.html", "appendices/glossary.html", "appendices/references.html" })
        {
            await OpenAsync(page, site.Page(relative));
            Assert.True(await CountAsync(page, ".md-footer__link") > 0, $"{relative} has no previous/next links in its footer");
            await SaveScreenshotAsync(page, Path.GetFileNameWithoutExtension(relative));
        }
    }

    [Theory]
    [InlineData("Halevy", "appendices/references.html")]
    [InlineData("梯度下降", "appendices/glossary.html")]
    public async Task Search_finds_the_page(string query, string expected)
    {
        await using var browser = await Chromium.StartAsync();
        var page = await browser.OpenPageAsync();
        await AssertSearchFindsAsync(page, query, expected);
    }

    [Fact]
    public async Task Search_finds_the_first_chapter_by_a_word_of_its_title()
    {
        var (html, notebook) = site.Chapters[0];
        string word = notebook.Title.Split(' ', '(', ')', ',', ':').OrderByDescending(w => w.Length).First();
        await using var browser = await Chromium.StartAsync();
        var page = await browser.OpenPageAsync();
        await AssertSearchFindsAsync(page, word, Path.GetFileName(html));
    }

    async Task AssertSearchFindsAsync(BrowserPage page, string query, string expected)
    {
        await page.NavigateAsync(new UriBuilder(new Uri(site.Layout.HomePage)) { Query = $"q={Uri.EscapeDataString(query)}" }.Uri);
        const string results = "[...document.querySelectorAll('.md-search-result__item a')].map(a => a.href)";
        Assert.True(await page.WaitUntilAsync($"{results}.length > 0", Patience), $"searching '{query}' showed no results; page errors: {string.Join("; ", page.Errors)}");
        var links = (await page.EvaluateAsync(results))!.AsArray().Select(link => (string)link!).ToList();
        output.WriteLine($"search '{query}': {string.Join(", ", links)}");
        Assert.Contains(links, link => new Uri(link).AbsolutePath.EndsWith("/" + expected, StringComparison.Ordinal));
        Assert.Empty(page.Errors);
        await SaveScreenshotAsync(page, $"search-{expected.Replace('/', '-')}");
    }

    static async Task OpenAsync(BrowserPage page, string file)
    {
        await page.NavigateAsync(new Uri(file));
        Assert.True(await page.WaitUntilAsync("document.documentElement.dataset.bookReady", Patience), $"{file}: book.js never finished");
        Assert.Equal("true", (string?)await page.EvaluateAsync("document.documentElement.dataset.bookReady"));
        Assert.True(page.Errors.Count == 0, $"{file} reported errors:\n{string.Join('\n', page.Errors)}");
    }

    static async Task<int> CountAsync(BrowserPage page, string selector) =>
        (int)(await page.EvaluateAsync($"document.querySelectorAll({JsonValue.Create(selector).ToJsonString()}).length"))!;

    async Task SaveScreenshotAsync(BrowserPage page, string name)
    {
        string path = Path.Combine(Screenshots, name + ".png");
        await page.ScreenshotAsync(path);
        output.WriteLine($"screenshot: {path}");
    }

    static int PlotlyOutputs(Notebook notebook) =>
        notebook.CodeCells.SelectMany(cell => cell.Outputs).Count(o => o?["data"] is JsonObject data && data.ContainsKey(OutputHtml.PlotlyJson));

    static int SolutionCells(Notebook notebook) =>
        notebook.Cells.Count(cell => ExerciseRole.Of(cell.Metadata).IsSolution && (cell.Source.Trim().Length > 0 || cell.Outputs.Count > 0));

    static bool HasMath(Notebook notebook) =>
        notebook.Cells.Any(cell => cell.Type == "markdown" && cell.Source.Contains('$'));
}
