namespace Book.LargeModels;

/// <summary>
/// The projection from the last hidden state back to vocabulary logits, as chapter 01 counts it.
/// </summary>
public enum OutputHead
{
    /// <summary>No head is counted: an encoder's reported size stops at the encoder (and pooler).</summary>
    None,

    /// <summary>The head reuses the token-embedding matrix (GPT-2, GPT-3): 0 extra parameters.</summary>
    Tied,

    /// <summary>The head has its own V·d weight matrix.</summary>
    Untied,
}
