using System.Text.RegularExpressions;

namespace Book.Site.Pages;

/// <summary>
/// A work named in the text the way the book cites: the first author's surname, "et al." or the other
/// authors, and the year — <c>Brown et al. (2020)</c>, <c>Brown et al. 2020</c>, <c>(He et al., 2015)</c>,
/// <c>Glorot &amp; Bengio (2010)</c>, <c>Loshchilov and Hutter (2019)</c>,
/// <c>Efron, Hastie, Johnstone &amp; Tibshirani, 2004</c>, and for one author <c>Nesterov (1983)</c> or
/// <c>(Nesterov, 1983)</c>. <see cref="ReferenceList.Find"/> looks it up in the references appendix.
/// Text in double quotes is a quotation, not a citation: the errata quote the sources' wrong attributions
/// as <c>by "He et al., 2019"</c>.
/// </summary>
/// <param name="Authors">The surnames as cited, first author first.</param>
/// <param name="EtAl">True when the citation ends its authors with "et al.".</param>
/// <param name="Year">The year as cited (a letter suffix, 2020a, is dropped).</param>
/// <param name="Text">The citation as it appears.</param>
public sealed partial record Citation(IReadOnlyList<string> Authors, bool EtAl, int Year, string Text)
{
    /// <summary>The citations in <paramref name="text"/>, in order.</summary>
    public static IEnumerable<Citation> In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match match in Pattern().Matches(Quotation().Replace(text, quoted => new string(' ', quoted.Length))))
        {
            var authors = match.Groups["author"].Captures.Select(c => c.Value).ToList();
            yield return new Citation(authors, match.Groups["etal"].Success, int.Parse(match.Groups["year"].Value), match.Value.Trim());
        }
    }

    /// <summary>"Brown et al. 2020" as written; records print the parts.</summary>
    public override string ToString() => Text;

    // A surname: a capital, then letters (at least one lower-case, so "GPT" or "BERT" is not one), apostrophes
    // or hyphens. Several authors: "A, B & C", "A and B". A single author needs the year in parentheses,
    // "Nesterov (1983)" or "(Nesterov, 1983)", and a plain capitalised word, so that model names such as
    // "AlexNet (2012)" or "BERT-large (2018)" are not taken for citations.
    const string Surname = @"\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*";
    const string SingleSurname = @"\p{Lu}\p{Ll}+";
    const string YearPattern = @"(?<year>1[5-9]\d\d|20\d\d)[a-z]?\b";

    [GeneratedRegex(
        $@"(?<![\p{{L}}\d])(?:" +
        $@"(?<author>{Surname})(?<etal>\s+et\s+al\.?)\s*,?\s*\(?{YearPattern}" +
        $@"|(?<author>{Surname})(?:,\s+(?<author>{Surname}))*,?\s+(?:&|and)\s+(?<author>{Surname}),?\s*\(?{YearPattern}" +
        $@"|(?<author>{SingleSurname})\s+\({YearPattern}" +
        $@"|(?<=\()(?<author>{SingleSurname}),\s+{YearPattern}" +
        ")")]
    private static partial Regex Pattern();

    /// <summary>A quotation: "…" or “…”, within one paragraph and at most 300 characters.</summary>
    [GeneratedRegex(@"""(?:[^""\n]|\n(?!\s*\n)){1,300}?""|“(?:[^”\n]|\n(?!\s*\n)){1,300}?”")]
    private static partial Regex Quotation();
}
