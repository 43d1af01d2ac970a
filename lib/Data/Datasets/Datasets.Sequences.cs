namespace Book.Data;

public static partial class Datasets
{
    /// <summary>
    /// Words of six languages (english, german, french, italian, spanish, dutch), 2 000 each from Debian's
    /// word lists, 400 of them marked test (chapter 09: which language is a word from?).
    /// </summary>
    public static WordDataset WordLanguages() => WordDataset.Load("word-languages");

    /// <summary>Weekly mean CO₂ at Mauna Loa in ppm, March 1958 – December 2001 (chapter 09's forecasting example).</summary>
    public static TimeSeries MaunaLoaCo2() => TimeSeries.Load("mauna-loa-co2", "ppm");
}
