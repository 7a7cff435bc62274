namespace Signpost.OpenReferral.Feed;

/// <summary>
/// A request the feed cannot answer: 400 for a bad parameter, 404 for an unknown id. The body is
/// always <c>{"error": "&lt;parameter&gt;: &lt;what is wrong&gt;"}</c>.
/// </summary>
public sealed class FeedError(int status, string parameter, string message) : Exception($"{parameter}: {message}")
{
    public int Status { get; } = status;

    public static FeedError BadParameter(string parameter, string message) => new(StatusCodes.Status400BadRequest, parameter, message);

    public static FeedError NotFound(string what) => new(StatusCodes.Status404NotFound, "id", $"no {what} has this id");
}
