using System.Net;
using System.Text.RegularExpressions;
using Book.Engine.Notebooks;
using Book.Site;
using Book.Site.Pages;
using Book.Site.Rendering;

namespace Book.Tests;

/// <summary>A chapter notebook → Markdown page, checked on the fixture chapter without building a site.</summary>
public sealed class RenderingTests
{
    static readonly string Page = ChapterPage.Render(Notebook.Load(Path.Combine(BuiltSite.Fixture, "02-fixture-loss-functions.ipynb")),
        new Dictionary<string, string> { ["02"] = "02-fixture-loss-functions.md" });

    [Fact]
    public void The_title_comes_from_the_first_heading() =>
        Assert.StartsWith("---\ntitle: \"Loss functions (site fixture)\"\n---\n\n# Loss functions", Page);

    [Fact]
    public void Code_cells_become_csharp_fences() =>
        Assert.Contains("```csharp\nvar predictions = new[] { 0.7, 0.3, 0.9, 0.1 };", Page);

    [Fact]
    public void Text_output_is_escaped_so_it_is_neither_html_nor_markdown_nor_math_markup()
    {
        Assert.Contains("<pre class=\"nb-output nb-stream nb-stdout\">mean BCE = 0.2310\n&#96;&#96;&#96;not a fence&#96;&#96;&#96; and &lt;b&gt;not bold&lt;/b&gt; and $x$ not math</pre>", Page);
    }

    [Fact]
    public void Html_output_is_kept_as_html() =>
        Assert.Contains("<div class=\"nb-html\">\n<table>\n<thead><tr><th>ŷ</th>", Page);

    [Fact]
    public void Plotly_figures_travel_as_json_in_an_attribute()
    {
        var figures = Regex.Matches(Page, "<div class=\"nb-plotly\" data-figure=\"([^\"]*)\"></div>");
        Assert.Equal(2, figures.Count);
        var figure = System.Text.Json.Nodes.JsonNode.Parse(WebUtility.HtmlDecode(figures[0].Groups[1].Value))!;
        Assert.Equal("Two losses of the error ŷ − y", (string?)figure["layout"]!["title"]!["text"]);
        Assert.Equal(2, figure["data"]!.AsArray().Count);
    }

    [Fact]
    public void Each_code_cell_is_a_block_with_the_cells_id_so_other_pages_can_link_to_it()
    {
        var notebook = Notebook.Load(Path.Combine(BuiltSite.Fixture, "02-fixture-loss-functions.ipynb"));
        var cell = notebook.CodeCells.First();
        Assert.Contains($"<div class=\"nb-cell\" id=\"{ChapterPage.CellAnchor(cell)}\" markdown=\"1\">\n\n```", Page);
        Assert.Equal(notebook.CodeCells.Count(c => c.Source.Trim().Length > 0 || c.Outputs.Count > 0), Regex.Matches(Page, "<div class=\"nb-cell\"").Count);
    }

    [Fact]
    public void Images_become_data_uris() =>
        Assert.Matches("<img class=\"nb-image\" alt=\"\\[8×8 image\\]\" src=\"data:image/png;base64,iVBORw0KGgo[A-Za-z0-9+/=]+\">", Page);

    [Fact]
    public void A_markdown_solution_is_folded_too()
    {
        var solution = Regex.Match(Page, "<details class=\"nb-solution\" markdown=\"1\">\n<summary>Show solution</summary>\n\nThe absolute error grows linearly", RegexOptions.Singleline);
        Assert.True(solution.Success, "the Markdown solution cell is not folded");
    }

    [Fact]
    public void A_solution_is_folded_with_its_output_and_loses_its_markers()
    {
        var solution = Regex.Match(Page, "<details class=\"nb-solution\" markdown=\"1\">\n<summary>Show solution</summary>\n\n(.*?)</details>", RegexOptions.Singleline);
        Assert.True(solution.Success, "no <details> block for the solution cell");
        Assert.Contains("return predictions.Zip(labels, (p, y) => (p - y) * (p - y)).Average();", solution.Groups[1].Value);
        Assert.Contains("MSE = 0.0500", solution.Groups[1].Value);
        Assert.DoesNotContain("BEGIN SOLUTION", Page);
        Assert.DoesNotContain("END SOLUTION", Page);
    }

    [Fact]
    public void Hidden_tests_never_appear_but_the_public_check_does()
    {
        Assert.DoesNotContain("HIDDEN TESTS", Page);
        Assert.DoesNotContain("SECRET_VALUE", Page);
        Assert.Contains("<p class=\"nb-check__label\">Check · 2 points</p>", Page);
        Assert.Contains("Check.Equal(0.05, Mse(predictions, labels), 1e-12);\nConsole.WriteLine(\"All checks passed.\");", Page);
    }

    [Fact]
    public void Display_math_inside_a_paragraph_is_set_apart() =>
        Assert.Contains("The mean squared error of $n$ predictions is\n\n$$\\mathrm{MSE} = \\frac{1}{n}\\sum_{i=1}^{n} (\\hat{y}_i - y_i)^2$$\n\nand binary", Page);

    [Fact]
    public void A_heading_that_ends_in_a_words_hash_keeps_it()
    {
        const string markdown = "# 2. Tensors in C#\n## Closed ##\n### F#, C# and more\n```bash\n# echo C#\n```\nText in C#";
        Assert.Equal("# 2. Tensors in C# #\n## Closed ##\n### F#, C# and more\n```bash\n# echo C#\n```\nText in C#",
            Headings.KeepTrailingHash(markdown));
    }

    [Fact]
    public void Display_math_in_a_code_fence_is_left_alone()
    {
        const string markdown = "```latex\ntext\n$$x$$\n```\nline\n$$\ny\n$$\nafter";
        Assert.Equal("```latex\ntext\n$$x$$\n```\nline\n\n$$\ny\n$$\n\nafter", DisplayMath.SetApart(markdown));
    }

    [Fact]
    public void Unbalanced_hidden_test_markers_name_the_cell()
    {
        var error = Assert.Throws<SiteBuildException>(() => ExerciseSource.Visible("a\n// BEGIN HIDDEN TESTS\nb", "07-x.ipynb, cell 12"));
        Assert.Equal("07-x.ipynb, cell 12: expected '// END HIDDEN TESTS' after '// BEGIN HIDDEN TESTS'; the cell ended first.", error.Message);
    }

    [Fact]
    public void Chapter_links_resolve_to_pages_that_exist_and_otherwise_say_coming()
    {
        var pages = new Dictionary<string, string> { ["05"] = "05-backpropagation.md" };
        Assert.Equal("See [Chapter 5](../05-backpropagation.md#chain-rule) and Chapter 9 (coming).",
            ChapterLinks.Resolve("See [Chapter 5](chapter:05#chain-rule) and [Chapter 9](chapter:9).", "appendices/errata.md", pages));
        Assert.Equal("[five](05-backpropagation.md)", ChapterLinks.Resolve("[five](chapter:5)", "index.md", pages));
    }

    [Fact]
    public void Links_between_notebooks_go_to_the_chapter_pages()
    {
        var pages = new Dictionary<string, string> { ["05"] = "05-backpropagation.md" };
        Assert.Equal("as in [chapter 5](05-backpropagation.md#gradients), not chapter 9 (coming)",
            ChapterLinks.Resolve("as in [chapter 5](05-backpropagation.ipynb#gradients), not [chapter 9](./09-attention.ipynb)", "03-gradient-descent.md", pages));
    }
}
