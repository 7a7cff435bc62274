using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Signpost.Moderation;
using Signpost.Moderation.Accounts;

namespace Signpost.Site.Tests.Infrastructure;

/// <summary>
/// The API with its console on a loopback port a browser can open, seeded, with its own database
/// and its email written to a folder of its own.
/// </summary>
public sealed class ConsoleApiFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("signpost-console-").FullName;

    public ConsoleApiFactory()
    {
        UseKestrel(0);
        StartServer();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri Address { get; }

    public string MailFolder => Path.Combine(_folder, "mail");

    public async Task<(string Email, string Password)> AccountAsync(string name, ApiKeyRole role = ApiKeyRole.Moderator)
    {
        using var scope = Services.CreateScope();
        var email = $"{Guid.NewGuid():N}@example.org";
        var (_, password) = await scope.ServiceProvider.GetRequiredService<ModeratorAccounts>().CreateAsync(email, name, role);
        return (email, password);
    }

    /// <summary>A moderator's API key, made by the real "keys create" command.</summary>
    public async Task<string> ModeratorKeyAsync()
    {
        var output = new StringWriter();
        Assert.Equal(0, await ApiKeysCommand.RunAsync(Services, ["create", "--name", "console-" + Guid.NewGuid().ToString("N")[..8], "--role", "moderator"], output, TextWriter.Null));
        return output.ToString().Trim().Split('\n')[^1].Trim();
    }

    /// <summary>Sends a GraphQL request over the loopback port, as any client would; the data, or an exception with the errors.</summary>
    public async Task<JsonNode> GraphQLAsync(string query, object variables, string? key = null)
    {
        using var http = new HttpClient { BaseAddress = Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (key is not null)
        {
            request.Headers.Authorization = new("Bearer", key);
        }

        var json = JsonNode.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync())!;
        return json["errors"] is null ? json["data"]! : throw new InvalidOperationException(json.ToJsonString());
    }

    /// <summary>A new listing sent as the public sends it; its reference.</summary>
    public async Task<string> SubmitAsync(string name)
    {
        using var http = new HttpClient { BaseAddress = Address };
        var response = await http.PostAsJsonAsync("/graphql", new
        {
            query = "mutation($input: SubmitListingInput!) { submitListing(input: $input) { reference } }",
            variables = new
            {
                input = new
                {
                    organization = new { name = "Sidford Community Hall Trust" },
                    name,
                    description = "A friendly weekly knitting and chat group.",
                    categories = new[] { "befriending" },
                    isFree = true,
                    locations = new[] { new { address1 = "Byes Lane", city = "Sidford", postcode = "EX10 9QX" } },
                },
            },
        });
        var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return json["data"]?["submitListing"]?["reference"]?.GetValue<string>() ?? throw new InvalidOperationException(json.ToJsonString());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "signpost.db")}");
        builder.UseSetting("Console:RequireHttps", "false"); // a loopback port without a certificate
        builder.UseSetting("Email:PickupFolder", MailFolder);
        builder.UseSetting("Console:SignInPostsPerMinute", "100000");
        builder.UseSetting("Reminders:SendOnSchedule", "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        SiteApiFactory.TryDelete(_folder);
    }
}
