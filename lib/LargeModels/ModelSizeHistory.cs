namespace Book.LargeModels;

/// <summary>
/// Well-known models and the parameter counts their papers report — the data of chapter 01's
/// "model size over time" chart. Only dense models are listed (a mixture-of-experts model's total count
/// is not comparable), and only counts stated in the papers themselves.
/// </summary>
public static class ModelSizeHistory
{
    /// <summary>The milestones, oldest first.</summary>
    public static IReadOnlyList<PublishedModelSize> Milestones { get; } =
    [
        new("LeNet-5", 1998, 60e3, "LeCun, Bottou, Bengio & Haffner 1998, Proc. IEEE 86(11)"),
        new("AlexNet", 2012, 60e6, "Krizhevsky, Sutskever & Hinton 2012, NeurIPS"),
        new("VGG-16", 2014, 138e6, "Simonyan & Zisserman 2014, arXiv:1409.1556"),
        new("Transformer (big)", 2017, 213e6, "Vaswani et al. 2017, arXiv:1706.03762"),
        new("BERT-large", 2018, 340e6, "Devlin et al. 2018, arXiv:1810.04805"),
        new("GPT-2", 2019, 1.5e9, "Radford et al. 2019, OpenAI report"),
        new("Megatron-LM", 2019, 8.3e9, "Shoeybi et al. 2019, arXiv:1909.08053"),
        new("T5-11B", 2019, 11e9, "Raffel et al. 2019, arXiv:1910.10683"),
        new("GPT-3", 2020, 175e9, "Brown et al. 2020, arXiv:2005.14165"),
        new("Gopher", 2021, 280e9, "Rae et al. 2021, arXiv:2112.11446"),
        new("Chinchilla", 2022, 70e9, "Hoffmann et al. 2022, arXiv:2203.15556"),
        new("PaLM", 2022, 540e9, "Chowdhery et al. 2022, arXiv:2204.02311"),
        new("LLaMA-65B", 2023, 65e9, "Touvron et al. 2023, arXiv:2302.13971"),
    ];
}
