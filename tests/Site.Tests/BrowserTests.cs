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
        foreach (string relative in AppendixPages)
        {
            await OpenAsync(page, site.Page(relative));
            Assert.True(await CountAsync(page, ".md-footer__link") > 0, $"{relative} has no previous/next links in its footer");
            await SaveScreenshotAsync(page, Path.GetFileNameWithoutExtension(relative));
        }
    }

    /// <summary>
    /// On a desktop window and on a phone, no code block, output, table, chart or formula reaches past the
    /// text column: a long line wraps or scrolls inside its own block, and the page itself never scrolls sideways.
    /// </summary>
    [Theory]
    [InlineData(1280, 1000)]
    [InlineData(390, 844)]
    public async Task Long_lines_wrap_or_scroll_inside_their_block(int width, int height)
    {
        await using var browser = await Chromium.StartAsync();
        var page = await browser.OpenPageAsync();
        await page.SetViewportAsync(width, height);
        var pages = site.Chapters.Select(c => c.Html).Concat(AppendixPages.Select(site.Page)).ToList();
        var problems = new List<string>();
        foreach (string html in pages)
        {
            await OpenAsync(page, html);
            var found = (await page.EvaluateAsync(OverflowingBlocks))!.AsArray().Select(p => (string)p!).ToList();
            problems.AddRange(found.Select(problem => $"{Path.GetFileName(html)} at {width} px: {problem}"));
            if (width < 600) await SaveScreenshotAsync(page, $"{Path.GetFileNameWithoutExtension(html)}-{width}px");
        }
        output.WriteLine($"{pages.Count} pages at {width} × {height}: {problems.Count} blocks past the text column");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// Every block that could be too wide must fit in the page's content area (the text column and the margin
    /// Material lets tables and display math bleed into), either itself or inside a box that scrolls or clips
    /// it (an ancestor with overflow-x auto, scroll or hidden); and the document must not be wider than the window.
    /// </summary>
    const string OverflowingBlocks = """
        (() => {
          const column = document.querySelector('.md-content__inner');
          const limit = document.querySelector('.md-content').getBoundingClientRect().right + 1;
          const right = node => node.getBoundingClientRect().right;
          const fits = element => {
            for (let node = element; node && node !== column; node = node.parentElement) {
              const overflow = getComputedStyle(node).overflowX;
              if ((overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') && right(node) <= limit) return true;
            }
            return right(element) <= limit;
          };
          const problems = [...column.querySelectorAll('pre, code, table, .nb-html, .nb-plotly, mjx-container, img')]
            .filter(element => !fits(element))
            .map(element => `${element.tagName.toLowerCase()}.${element.className} ends ${Math.round(right(element) - limit)} px past the content area: ${element.textContent.slice(0, 60)}`);
          const wider = document.documentElement.scrollWidth - window.innerWidth;
          if (wider > 0) problems.push(`the page is ${wider} px wider than the window`);
          return problems;
        })()
        """;

    static readonly string[] AppendixPages = ["index.html", "appendices/errata.html", "appendices/glossary.html", "appendices/references.html", "appendices/performance.html"];

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
