namespace Book.Serving;

/// <summary>
/// One request for generated text (chapter 12): continue <paramref name="Prompt"/> by <paramref name="Tokens"/>
/// tokens, each drawn from softmax(logits / temperature) — temperature 0 always takes the most likely token,
/// so the same prompt gives the same text.
/// </summary>
/// <param name="Prompt">The text to continue.</param>
/// <param name="Tokens">How many tokens to add.</param>
/// <param name="Temperature">0 for greedy decoding; larger values spread the choice.</param>
public sealed record GenerationRequest(string Prompt, int Tokens, double Temperature = 0);
