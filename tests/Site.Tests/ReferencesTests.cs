using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Book.Engine.Notebooks;
using Book.Site.Pages;

namespace Book.Tests;

/// <summary>
/// Every work the book names by author and year — in a chapter's Markdown, code or printed output, or in a
/// hand-written page — is in the references appendix, with the same first author, the cited co-authors and
/// the cited year. The convention is in chapters/README.md ("Citations").
/// </summary>
public sealed class ReferencesTests
{
    static readonly string Root = BuiltSite.RepositoryRoot();
    static readonly string ReferencesPage = Path.Combine(Root, "site", "pages", "appendices", "references.md");
    static readonly ReferenceList References = ReferenceList.Parse(File.ReadAllText(ReferencesPage));

    [Fact]
    public void Every_work_a_chapter_or_page_cites_is_in_the_references()
    {
        var missing = new List<string>();
        int cited = 0;
        foreach (var (where, text) in CitingTexts())
            foreach (var citation in Citation.In(text))
            {
                cited++;
                if (References.Find(citation) is null) missing.Add($"{where}: \"{citation}\"");
            }
        Assert.True(cited > 0, "found no citations at all: the scanner is broken");
        Assert.True(missing.Count == 0,
            $"{missing.Count} citation(s) with no matching entry (same first author, co-authors and year) in {ReferencesPage}:\n" +
            string.Join("\n", missing.Distinct()));
    }

    [Theory]
    [InlineData("Dive into Deep Learning", "Zhang")]
    [InlineData("Effective approaches to attention-based neural machine translation", "Luong")]
    [InlineData("A theoretically grounded application of dropout in recurrent neural networks", "Gal")]
    [InlineData("The unreasonable effectiveness of data", "Halevy")]
    [InlineData("ReZero is all you need", "Bachlechner")]
    [InlineData("FaceNet: A unified embedding", "Schroff")]
    [InlineData("Improved techniques for training GANs", "Salimans")]
    [InlineData("Learning representations by back-propagating errors", "Rumelhart")]
    [InlineData("Deep Learning: Methods and Applications", "Deng")]
    [InlineData("Representation learning: A review and new perspectives", "Bengio")]
    [InlineData("Understanding machine learning: From theory to algorithms", "Shalev-Shwartz")]
    public void The_works_the_sources_misattributed_carry_their_real_first_author(string title, string firstAuthor)
    {
        var entry = References.Entries.SingleOrDefault(e => e.Text.Contains(title, StringComparison.OrdinalIgnoreCase));
        Assert.True(entry is not null, $"no reference titled \"{title}\"");
        Assert.Equal(firstAuthor, entry.Surnames[0]);
    }

    [Fact]
    public void Improved_techniques_for_training_GANs_is_by_Goodfellow_and_Zaremba_not_Le()
    {
        var entry = References.Entries.Single(e => e.Text.Contains("Improved techniques for training GANs", StringComparison.Ordinal));
        Assert.Equal(["Salimans", "Goodfellow", "Zaremba", "Cheung", "Radford", "Chen"], entry.Surnames);
    }

    [Fact]
    public void No_work_is_listed_twice()
    {
        var repeated = References.Entries.GroupBy(e => Title(e.Text), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, "listed twice:\n" + string.Join("\n", repeated));
    }

    [Theory]
    [InlineData("as Brown et al. (2020, Table 2.1) report", "Brown", true, 2020)]
    [InlineData("the PaLM paper, Chowdhery et al. 2022, reports", "Chowdhery", true, 2022)]
    [InlineData("He initialisation (He et al., 2015)", "He", true, 2015)]
    [InlineData("Xavier/Glorot (Glorot & Bengio, 2010)", "Glorot,Bengio", false, 2010)]
    [InlineData("AdamW (Loshchilov and Hutter, 2019)", "Loshchilov,Hutter", false, 2019)]
    [InlineData("(Efron, Hastie, Johnstone & Tibshirani, 2004)", "Efron,Hastie,Johnstone,Tibshirani", false, 2004)]
    [InlineData("Source = LeCun, Bottou, Bengio & Haffner 1998, Proc. IEEE", "LeCun,Bottou,Bengio,Haffner", false, 1998)]
    [InlineData("momentum as Nesterov (1983) proposed it", "Nesterov", false, 1983)]
    [InlineData("a method (Nesterov, 1983) that", "Nesterov", false, 1983)]
    [InlineData("van den Oord et al. (2016a)", "Oord", true, 2016)]
    public void Citations_are_recognised_in_the_books_forms(string text, string authors, bool etAl, int year)
    {
        var citation = Assert.Single(Citation.In(text));
        Assert.Equal(authors.Split(','), citation.Authors);
        Assert.Equal(etAl, citation.EtAl);
        Assert.Equal(year, citation.Year);
    }

    [Theory]
    [InlineData("GPT-3 (2020) has 2,917 times the parameters of AlexNet (2012)")]
    [InlineData("BERT-large (2018) → GPT-3 (2020): × 22.7 per year")]
    [InlineData("BERT 2018, T5 2019, GPT-3 2020; source 002 §9.1; Chapter 7 (coming); in 2020 the model")]
    [InlineData("Devlin et al. introduced BERT")]
    [InlineData("the ReZero paper by \"He et al.,\n2019\" (001)")]
    public void Model_names_dates_and_citations_without_a_year_are_not_citations(string text) =>
        Assert.Empty(Citation.In(text));

    [Fact]
    public void A_citation_matches_only_an_entry_with_its_first_author_co_authors_and_year()
    {
        var list = ReferenceList.Parse("""
            # References

            - Efron, B., Hastie, T., Johnstone, I., & Tibshirani, R. (2004). Least angle regression. *Annals of
              Statistics*, 32(2), 407–499.
            - Micikevicius, P., Narang, S., et al. (2018). Mixed precision training. ICLR. arXiv:1710.03740 (2017).
            - Nesterov, Y. (1983). A method for solving the convex programming problem.
            """);
        Assert.Equal(3, list.Entries.Count);
        Assert.Equal(["Efron", "Hastie", "Johnstone", "Tibshirani"], list.Entries[0].Surnames);
        Assert.NotNull(list.Find(Citation.In("Efron, Hastie, Johnstone & Tibshirani, 2004").Single()));
        Assert.NotNull(list.Find(Citation.In("Efron et al. (2004)").Single()));
        Assert.Null(list.Find(Citation.In("Johnstone & Tibshirani, 2004").Single()));   // not the first author
        Assert.Null(list.Find(Citation.In("Efron & Hastie (2004)").Single()));          // two of four, without et al.
        Assert.Null(list.Find(Citation.In("Efron et al. (2005)").Single()));            // wrong year
        Assert.NotNull(list.Find(Citation.In("Micikevicius et al. (2017)").Single()));   // the preprint's year
        Assert.NotNull(list.Find(Citation.In("Micikevicius et al. 2018").Single()));
        Assert.NotNull(list.Find(Citation.In("Nesterov (1983)").Single()));
        Assert.Null(list.Find(Citation.In("Polyak (1964)").Single()));
    }

    [Fact]
    public void An_entry_without_a_year_is_an_error_naming_it()
    {
        var error = Assert.Throws<Book.Site.SiteBuildException>(() => ReferenceList.Parse("- Nobody, A. A paper without a year."));
        Assert.Contains("Nobody, A. A paper without a year.", error.Message);
    }

    /// <summary>Every chapter's Markdown, code and text outputs, and every hand-written page except the references themselves.</summary>
    static IEnumerable<(string Where, string Text)> CitingTexts()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(Root, "chapters"), "*.ipynb").Order(StringComparer.Ordinal))
            foreach (var cell in Notebook.Load(file).Cells)
            {
                string where = $"{Path.GetFileName(file)}, cell {cell.Number}";
                yield return (where, cell.Source);
                if (cell.IsCode)
                    foreach (var output in cell.Outputs.OfType<JsonObject>())
                        yield return ($"{where} (output)", OutputText(output));
            }
        foreach (string page in Directory.GetFiles(Path.Combine(Root, "site", "pages"), "*.md", SearchOption.AllDirectories))
            if (Path.GetFullPath(page) != Path.GetFullPath(ReferencesPage))
                yield return (Path.GetRelativePath(Root, page), File.ReadAllText(page));
    }

    static string OutputText(JsonObject output)
    {
        if (output["text"] is { } stream) return NotebookCell.JoinText(stream);
        if (output["data"] is not JsonObject data) return "";
        if (data["text/plain"] is { } plain) return NotebookCell.JoinText(plain);
        return data["text/html"] is { } html ? Regex.Replace(NotebookCell.JoinText(html), "<[^>]+>", " ") : "";
    }

    /// <summary>The title: the entry after "(Year). " up to the next full stop.</summary>
    static string Title(string entry)
    {
        string rest = entry[(Regex.Match(entry, @"\(\d{4}\)\.").Index + 7)..].Trim();
        return rest.Split(". ")[0];
    }
}
