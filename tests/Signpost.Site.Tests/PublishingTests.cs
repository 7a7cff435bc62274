using System.Security.Cryptography;
using Signpost.Site.Api;
using Signpost.Site.Tests.Infrastructure;

namespace Signpost.Site.Tests;

/// <summary>A nightly build replaces the live site only when it is complete and sane.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class PublishingTests(BuiltSite site) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("signpost-publish-").FullName;

    private string Live => Path.Combine(_root, "live");

    [Fact]
    public async Task TheSameDirectoryBuildsTheSameBytes()
    {
        await site.PublishAsync(site.Options(Live));

        var first = Hashes(site.Output);
        var second = Hashes(Live);

        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, f => Assert.True(second[f.Key] == f.Value, $"{f.Key} differs between two builds of the same data"));
    }

    [Fact]
    public async Task ABuildWhoseServiceCountFellTooFarIsNotPublished()
    {
        PublishedSiteWith(services: site.Result.Manifest.Services * 2); // today's build has half as many

        var refused = await Assert.ThrowsAsync<SiteBuildException>(() => site.PublishAsync(site.OptionsWithoutWordSearch(Live)));

        Assert.Contains("more than the 20% allowed", refused.Message);
        Assert.Contains("--force", refused.Message);
        Assert.True(File.Exists(Path.Combine(Live, "last-good.html")), "the last good site must stay in place");
        Assert.False(Directory.Exists(Live + ".building"), "the failed build must be cleaned away");
    }

    [Fact]
    public async Task ForcePublishesDespiteTheFall()
    {
        PublishedSiteWith(services: site.Result.Manifest.Services * 2);
        var options = site.OptionsWithoutWordSearch(Live);
        options.Force = true;

        await site.PublishAsync(options);

        Assert.False(File.Exists(Path.Combine(Live, "last-good.html")));
        Assert.Equal(site.Result.Manifest, BuildManifest.Read(Live));
    }

    [Fact]
    public async Task AFallWithinTheLimitIsPublished()
    {
        PublishedSiteWith(services: (int)(site.Result.Manifest.Services * 1.1));

        await site.PublishAsync(site.OptionsWithoutWordSearch(Live));

        Assert.Equal(site.Result.Manifest, BuildManifest.Read(Live));
    }

    [Fact]
    public async Task WhenTheApiDoesNotAnswerTheLastGoodSiteStaysAndTheReasonIsClear()
    {
        PublishedSiteWith(services: 10);
        var options = site.Options(Live);
        using var http = new HttpClient();
        var unreachable = new DirectoryApiClient(http, new Uri("http://127.0.0.1:9/graphql"));

        var failed = await Assert.ThrowsAsync<SiteBuildException>(() =>
            new Publisher(new SiteBuilder(unreachable, options, BuildLog.Silent), options, BuildLog.Silent).PublishAsync(CancellationToken.None));

        Assert.Contains("did not answer", failed.Message);
        Assert.True(File.Exists(Path.Combine(Live, "last-good.html")));
        Assert.False(Directory.Exists(Live + ".building"));
    }

    [Fact]
    public async Task TheBuildCommandExitsNonZeroWithAClearMessageWhenItCannotPublish()
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var exit = await SiteProgram.Main(["build", "--api", "http://127.0.0.1:9/graphql", "--out", Live]);
            Assert.Equal(1, exit);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.StartsWith("The site was not published: The API at http://127.0.0.1:9/graphql did not answer", error.ToString());
    }

    [Theory]
    [InlineData("--api", "ftp://example.org/graphql", "--api: 'ftp://example.org/graphql' is not an http(s) address")]
    [InlineData("--base-url", "not a url", "--base-url: ")]
    [InlineData("--max-service-drop", "1.5", "--max-service-drop: ")]
    [InlineData("--port", "0", "--port: ")]
    public void BadOptionsAreRefusedNamingTheOption(string option, string value, string expected)
    {
        var problems = SiteProgram.Bind([option, value]).Validate();

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    public void Dispose() => SiteApiFactory.TryDelete(_root);

    private void PublishedSiteWith(int services)
    {
        Directory.CreateDirectory(Live);
        File.WriteAllText(Path.Combine(Live, "last-good.html"), "<!DOCTYPE html><title>last good</title>");
        new BuildManifest(services, 1, 1).Write(Live);
    }

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
