using Book.Display;
using Book.LargeModels;

namespace Book.Tests.LargeModels;

/// <summary>A notebook shows a count as a breakdown with a total row.</summary>
public class ParameterCountFormattersTests
{
    [Fact]
    public void A_count_shows_every_component_and_the_total_as_html_and_text()
    {
        var bundle = MimeBundle.Of(PublishedTransformers.BertBase.Count);
        Assert.Contains("<td>pooler</td>", bundle[MimeTypes.Html]);
        Assert.Contains(">109,482,240</td><td>109.48 M</td></tr></tbody>", bundle[MimeTypes.Html]);
        var lines = bundle[MimeTypes.PlainText].Split('\n');
        Assert.Equal(PublishedTransformers.BertBase.Count.Components.Count + 1, lines.Length);
        Assert.StartsWith("token-type embeddings", lines[2]);
        Assert.EndsWith("109,482,240  109.48 M", lines[^1]);
    }
}
