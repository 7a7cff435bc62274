using Signpost.Data;
using Signpost.GraphQL;
using Signpost.Moderation;
using Signpost.Search;
using Signpost.Submissions;

var builder = WebApplication.CreateBuilder(args);

builder.AddDirectoryDatabase();
builder.AddDirectorySearch();
builder.AddDirectorySubmissions();
builder.AddDirectoryModeration();
builder.AddDirectoryGraphQL();

var app = builder.Build();

await app.InitializeDirectoryDatabaseAsync();

// "keys create|list|revoke": manage moderators' API keys, then exit.
if (args is ["keys", .. var keyArgs])
{
    return await ApiKeysCommand.RunAsync(app.Services, keyArgs, Console.Out, Console.Error);
}

app.UseStaticFiles();
app.MapDirectoryGraphQL();
app.MapGet("/", () => Results.Redirect("/graphql")).ExcludeFromDescription();

await app.RunAsync();
return 0;

/// <summary>The API's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
