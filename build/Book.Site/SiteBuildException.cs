namespace Book.Site;

/// <summary>The site could not be built: the message says which step failed and what it printed.</summary>
public sealed class SiteBuildException(string message) : Exception(message);
