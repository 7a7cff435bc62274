using Microsoft.AspNetCore.Hosting;
using Signpost.Moderation;

namespace Signpost.Tests.Infrastructure;

/// <summary>
/// A seeded directory of its own for tests that write (submissions and moderation), with keys for
/// each role made by the real "keys create" command.
/// </summary>
public class ModeratedDirectoryFactory : DirectoryApiFactory
{
    private readonly Lazy<Task<Dictionary<string, string>>> _keys;

    public ModeratedDirectoryFactory() => _keys = new(CreateKeysAsync);

    /// <summary>Submissions allowed per client per window; high here so tests do not trip it.</summary>
    protected virtual int SubmissionLimit => 10_000;

    public async Task<GraphQLClient> ClientAsync(string keyName) => new(CreateClient(), (await _keys.Value)[keyName]);

    public GraphQLClient Anonymous() => new(CreateClient());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Submissions:PerClientLimit", SubmissionLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<Dictionary<string, string>> CreateKeysAsync()
    {
        var keys = new Dictionary<string, string>();
        foreach (var (name, role) in new[] { ("maya", "moderator"), ("omar", "moderator"), ("ada", "admin"), ("nia", "navigator"), ("rex", "moderator") })
        {
            var output = new StringWriter();
            var exit = await ApiKeysCommand.RunAsync(Services, ["create", "--name", name, "--role", role], output, TextWriter.Null);
            Assert.Equal(0, exit);
            keys[name] = output.ToString().Trim().Split('\n')[^1].Trim();
        }

        Assert.Equal(0, await ApiKeysCommand.RunAsync(Services, ["revoke", "--name", "rex"], TextWriter.Null, TextWriter.Null));
        return keys;
    }
}

[CollectionDefinition(Name)]
public sealed class ModeratedDirectoryCollection : ICollectionFixture<ModeratedDirectoryFactory>
{
    public const string Name = "Moderated directory";
}
