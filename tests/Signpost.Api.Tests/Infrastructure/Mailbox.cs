using System.Text.RegularExpressions;
using MimeKit;

namespace Signpost.Tests.Infrastructure;

/// <summary>The email an API wrote to its pickup folder, read back as a recipient would.</summary>
public static partial class Mailbox
{
    public static IReadOnlyList<MimeMessage> To(string folder, string address) =>
        !Directory.Exists(folder) ? [] : Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal)
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>The password link in a message, as a path and query on the API host.</summary>
    public static string PasswordLink(MimeMessage message)
    {
        var match = PasswordLinkPattern().Match(message.TextBody ?? "");
        Assert.True(match.Success, "no password link in: " + message.TextBody);
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/moderate/set-password\?account=[0-9a-f]{32}&token=\S+")]
    private static partial Regex PasswordLinkPattern();
}
