using System.Text.RegularExpressions;

namespace Book.Site.Pages;

/// <summary>
/// The references appendix (<c>site/pages/appendices/references.md</c>) as entries. Each entry is a list item
/// in APA style — <c>- Surname, I., Surname, I., &amp; Surname, I. (Year). Title. Venue.</c> — with "et al." after
/// the first authors of a long list. A version cited by another year (a preprint, a first edition) adds
/// that year in parentheses after it: <c>arXiv:1710.03740 (2017)</c>.
/// </summary>
public sealed partial class ReferenceList
{
    ReferenceList(IReadOnlyList<Reference> entries) => Entries = entries;

    /// <summary>The entries, in page order.</summary>
    public IReadOnlyList<Reference> Entries { get; }

    /// <summary>Reads the entries of the page's Markdown; a list item without a parenthesised year is an error naming it.</summary>
    public static ReferenceList Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var entries = new List<Reference>();
        foreach (Match item in Item().Matches(markdown.Replace("\r\n", "\n")))
        {
            string text = Regex.Replace(item.Groups["text"].Value, @"\s+", " ").Trim();
            var firstYear = ParenthesisedYear().Match(text);
            if (!firstYear.Success)
                throw new SiteBuildException($"references: expected \"Authors (Year). Title.\" in the entry \"{text}\"; found no year in parentheses.");
            string authors = text[..firstYear.Index];
            var years = ParenthesisedYear().Matches(text).Select(m => int.Parse(m.Groups["year"].Value)).ToHashSet();
            entries.Add(new Reference(Surnames(authors), authors.Contains("et al.", StringComparison.Ordinal), years, text));
        }
        return new ReferenceList(entries);
    }

    /// <summary>
    /// The entry <paramref name="citation"/> names: same first author, every cited author among the entry's
    /// authors, the cited year among its years — and, when the citation names all authors (no "et al.")
    /// and the entry lists all of its own, the same number of authors. Null when there is none.
    /// </summary>
    public Reference? Find(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return Entries.FirstOrDefault(entry =>
            entry.Years.Contains(citation.Year)
            && entry.Surnames.Count > 0 && SameSurname(entry.Surnames[0], citation.Authors[0])
            && citation.Authors.All(cited => entry.Surnames.Any(surname => SameSurname(surname, cited)))
            && (citation.EtAl || entry.Truncated || entry.Surnames.Count == citation.Authors.Count));
    }

    /// <summary>"van den Oord" is cited as "Oord" or "van den Oord".</summary>
    static bool SameSurname(string listed, string cited) =>
        listed == cited || listed.EndsWith(" " + cited, StringComparison.Ordinal);

    /// <summary>
    /// The surnames of "Zhang, A., Lipton, Z. C., Li, M., &amp; Smola, A. J." — every part between commas that is not
    /// initials; a parenthesis, such as the transcription in "周志华 (Zhou, Z.-H.)", is left out.
    /// </summary>
    static List<string> Surnames(string authors) =>
        Regex.Replace(authors, @"\([^)]*\)", "").Replace("et al.", "", StringComparison.Ordinal).Split(',')
            .Select(part => part.Replace("&", "", StringComparison.Ordinal).Trim())
            .Where(part => part.Length > 0 && !Initials().IsMatch(part))
            .ToList();

    [GeneratedRegex(@"^- (?<text>.+(?:\n[ \t]+\S.*)*)", RegexOptions.Multiline)]
    private static partial Regex Item();

    [GeneratedRegex(@"\((?<year>\d{4})[a-z]?\)")]
    private static partial Regex ParenthesisedYear();

    [GeneratedRegex(@"^(?:\p{Lu}\.(?:[\s-]*\p{Lu}\.)*)$")]
    private static partial Regex Initials();
}

/// <summary>One entry of the references appendix.</summary>
/// <param name="Surnames">The authors' surnames, in order (those listed before "et al." for a long list).</param>
/// <param name="Truncated">True when the list of authors ends with "et al.".</param>
/// <param name="Years">The years in parentheses: the publication's, and any earlier version's.</param>
/// <param name="Text">The entry as written (Markdown, on one line).</param>
public sealed record Reference(IReadOnlyList<string> Surnames, bool Truncated, IReadOnlySet<int> Years, string Text);
