namespace Book.Kernel.Messages;

/// <summary>A message the kernel will not act on: malformed frames or JSON, or a missing or wrong signature.</summary>
public sealed class InvalidMessageException(string reason) : Exception(reason);
