namespace Book.Metrics;

/// <summary>How a per-class metric (precision, recall, F1) becomes one number (chapter 07).</summary>
public enum Averaging
{
    /// <summary>The metric of the positive class only, for two-class problems.</summary>
    Binary,
    /// <summary>The unweighted mean over classes, (1/K) Σₖ mₖ: every class counts the same, however rare.</summary>
    Macro,
}
