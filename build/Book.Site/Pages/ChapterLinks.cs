using System.Text.RegularExpressions;

namespace Book.Site.Pages;

/// <summary>
/// Links to chapters, made to work on the site. Hand-written pages link by number —
/// <c>[Chapter 7](chapter:07)</c>, <c>[the derivation](chapter:05#the-chain-rule)</c> — so they need not know
/// the chapters' file names; notebooks link to each other's files — <c>[chapter 3](03-loss-functions.ipynb)</c>,
/// as VS Code and Jupyter follow them. Both become links to the chapter's page. A chapter that has no page
/// yet is named without a link and marked "(coming)", so the site never links to a page that does not exist.
/// </summary>
public static partial class ChapterLinks
{
    /// <summary>
    /// Resolves every chapter link in <paramref name="markdown"/>, a page at <paramref name="pagePath"/>
    /// (relative to the docs folder, '/'-separated), against <paramref name="chapterPages"/>: chapter number
    /// ("07") → page file name at the docs root ("07-convolutional-networks.md").
    /// </summary>
    public static string Resolve(string markdown, string pagePath, IReadOnlyDictionary<string, string> chapterPages)
    {
        string up = string.Concat(Enumerable.Repeat("../", pagePath.Count(c => c == '/')));
        return Link().Replace(markdown, match =>
        {
            string text = match.Groups["text"].Value, number = match.Groups["number"].Value.PadLeft(2, '0');
            return chapterPages.TryGetValue(number, out string? page)
                ? $"[{text}]({up}{page}{match.Groups["anchor"].Value})"
                : $"{text} (coming)";
        });
    }

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?:chapter:(?<number>\d{1,2})|(?:\./)?(?<number>\d\d)-[\w-]+\.ipynb)(?<anchor>#[^)\s]*)?\)")]
    private static partial Regex Link();
}
