namespace Signpost.Site;

/// <summary>A build that must not be published: the message says why, for the console and the pipeline log.</summary>
public sealed class SiteBuildException(string message) : Exception(message);
