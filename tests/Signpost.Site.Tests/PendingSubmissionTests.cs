using Signpost.Site.Tests.Infrastructure;

namespace Signpost.Site.Tests;

/// <summary>Nothing the public sends reaches the site until a moderator approves it.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class PendingSubmissionTests(BuiltSite site) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("signpost-pending-").FullName;

    [Fact]
    public async Task APendingListingIsNotOnAnyPageInTheIndexOrInTheFeed()
    {
        var name = "Pending knit group " + Guid.NewGuid().ToString("N")[..8];
        await ApiQueries.RunAsync(site.Api.CreateClient(), "SubmitListing", new
        {
            input = new
            {
                organization = new { name = "Pending Hall Trust" },
                name,
                description = "Waiting for a moderator.",
                categories = new[] { "befriending" },
                isFree = true,
                locations = new[] { new { address1 = "Byes Lane", city = "Sidford", postcode = "EX10 9QX" } },
            },
        });

        var options = site.Options(Path.Combine(_root, "site"));
        await site.PublishAsync(options);

        var files = Directory.GetFiles(options.Output, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.DoesNotContain(files, f => File.ReadAllText(f).Contains(name, StringComparison.Ordinal) || File.ReadAllText(f).Contains("Pending Hall Trust", StringComparison.Ordinal));
    }

    public void Dispose() => SiteApiFactory.TryDelete(_root);
}
