namespace Signpost.Moderation;

/// <summary>The <c>--name value</c> options of the server's commands (<c>keys</c>, <c>accounts</c>, <c>clients</c>).</summary>
public static class CommandOptions
{
    /// <summary>The value after <paramref name="name"/>, or null when it is missing or has no value.</summary>
    public static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>
    /// The value after <paramref name="name"/>, or the one word after the action when no options are
    /// given, so <c>accounts enable maya@example.org</c> reads as <c>--email maya@example.org</c>.
    /// </summary>
    public static string? ValueOrSole(string[] args, string name) =>
        Value(args, name) ?? (args is [_, var sole] && !sole.StartsWith("--", StringComparison.Ordinal) ? sole : null);

    /// <summary>Every value given for an option that may repeat (<c>--origin a --origin b</c>); one without a value is an error naming it.</summary>
    public static IReadOnlyList<string> Values(string[] args, string name)
    {
        var values = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == name)
            {
                values.Add(i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name}: give a value"));
            }
        }

        return values;
    }
}
