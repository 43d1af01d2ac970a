using System.Text.Json.Nodes;
using Book.Engine.Notebooks;
using Book.Site;
using Book.Site.Pages;

namespace Book.Tests;

/// <summary>The errata appendix quotes the chapter cells tagged <c>"book": {"erratum": N}</c> (see <see cref="ErrataPage"/>).</summary>
public sealed class ErrataPageTests
{
    const string Page = """
        ## 7. Gradient descent with the wrong gradient

        - **Correction.** The gradient of the MSE is 2/n Σ (ŷ − y) x.

        <!-- erratum 7: chapter 4 -->

        ## 9. A model summary

        <!-- erratum 9: chapter 8 -->

        ## 6. Two chapters

        <!-- erratum 6: chapters 4, 7 -->
        """;

    [Fact]
    public void A_tagged_cell_is_quoted_with_a_link_to_it()
    {
        var chapter = Chapter("04-gradient-descent.ipynb", Cell("cell-13", new JsonObject { ["erratum"] = 7 }, "source ∂J/∂w₁ = 11.3333\ncorrect  ∂J/∂w₁ = −22.6667\n"));
        var errata = ErrataPage.Render(Page, [chapter]);
        Assert.Contains("**Computed in** [Chapter 4, cell 2](chapter:04#cell-13), which prints:\n\n" +
                        "<pre class=\"nb-output nb-stream nb-stdout\">source ∂J/∂w₁ = 11.3333\ncorrect  ∂J/∂w₁ = −22.6667</pre>", errata.Markdown);
        Assert.DoesNotContain("<!-- erratum", errata.Markdown);
    }

    [Fact]
    public void An_unwritten_chapter_is_named_as_coming_and_a_written_one_without_a_tag_shows_not_yet_computed()
    {
        var chapter = Chapter("04-gradient-descent.ipynb", Cell("cell-2", null, "nothing tagged\n"));
        var errata = ErrataPage.Render(Page, [chapter]);
        Assert.Contains("**Corrected in** [Chapter 8](chapter:08).", errata.Markdown);
        Assert.Contains("**Not yet computed.** [Chapter 4](chapter:04) corrects this, but none of its cells is tagged as computing erratum 7", errata.Markdown);
        Assert.Equal(["erratum 7: chapter 4 (04-gradient-descent.ipynb) has no cell tagged \"book\": {\"erratum\": 7}",
                      "erratum 6: chapter 4 (04-gradient-descent.ipynb) has no cell tagged \"book\": {\"erratum\": 6}"], errata.Uncomputed);
        var resolved = ChapterLinks.Resolve(errata.Markdown, ErrataPage.PagePath, new Dictionary<string, string> { ["04"] = "04-gradient-descent.md" });
        Assert.Contains("**Corrected in** Chapter 8 (coming).", resolved);
        Assert.Contains("[Chapter 4](../04-gradient-descent.md) corrects this", resolved);
    }

    [Fact]
    public void A_cell_can_compute_two_errata()
    {
        var chapter = Chapter("04-gradient-descent.ipynb", Cell("cell-5", new JsonObject { ["erratum"] = new JsonArray(6, 7) }, "both\n"));
        var errata = ErrataPage.Render(Page, [chapter]);
        Assert.Equal(2, errata.Markdown.Split("(chapter:04#cell-5)").Length - 1);
        Assert.Empty(errata.Uncomputed);
    }

    [Theory]
    [InlineData("12", "04-gradient-descent.ipynb, cell 2: tagged \"book\": {\"erratum\": 12}, but appendices/errata.md has no erratum 12 (it has 7, 9, 6)")]
    [InlineData("9", "04-gradient-descent.ipynb, cell 2: tagged \"book\": {\"erratum\": 9}, but appendices/errata.md says erratum 9 is corrected in chapter 8; add chapter 4 to its line.")]
    [InlineData("\"seven\"", "04-gradient-descent.ipynb, cell 2: expected \"book\": {\"erratum\": N} with N the number of an erratum (or a list of them), got \"seven\".")]
    public void A_tag_the_page_cannot_place_is_an_error_naming_the_cell(string tag, string message)
    {
        var chapter = Chapter("04-gradient-descent.ipynb", Cell("cell-2", new JsonObject { ["erratum"] = JsonNode.Parse(tag) }, "value\n"));
        var error = Assert.Throws<SiteBuildException>(() => ErrataPage.Render(Page, [chapter]));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void A_tagged_cell_that_prints_nothing_is_an_error()
    {
        var chapter = Chapter("04-gradient-descent.ipynb", Cell("cell-2", new JsonObject { ["erratum"] = 7 }, null));
        var error = Assert.Throws<SiteBuildException>(() => ErrataPage.Render(Page, [chapter]));
        Assert.Equal("04-gradient-descent.ipynb, cell 2: tagged as computing erratum 7, but it prints nothing; expected it to print the corrected value.", error.Message);
    }

    [Fact]
    public void An_erratum_line_twice_is_an_error() =>
        Assert.Throws<SiteBuildException>(() => ErrataPage.Render(Page + "\n<!-- erratum 9: chapter 8 -->\n", []));

    /// <summary>A chapter notebook of a Markdown title cell and <paramref name="cell"/>.</summary>
    static Notebook Chapter(string file, JsonObject cell) => Notebook.FromJson(new JsonObject
    {
        ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(),
        ["cells"] = new JsonArray(
            new JsonObject { ["cell_type"] = "markdown", ["id"] = "cell-1", ["metadata"] = new JsonObject(), ["source"] = "# 4. Gradient descent" },
            cell),
    }, file);

    /// <summary>A code cell with the id, <c>book</c> metadata and printed text given (no output when null).</summary>
    static JsonObject Cell(string id, JsonObject? book, string? printed) => new()
    {
        ["cell_type"] = "code", ["id"] = id, ["execution_count"] = 1, ["source"] = "Console.WriteLine(value);",
        ["metadata"] = book is null ? new JsonObject() : new JsonObject { ["book"] = book },
        ["outputs"] = printed is null ? new JsonArray()
            : new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = printed }),
    };
}
