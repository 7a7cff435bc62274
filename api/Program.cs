using Signpost.Data;
using Signpost.GraphQL;
using Signpost.Search;

var builder = WebApplication.CreateBuilder(args);

builder.AddDirectoryDatabase();
builder.AddDirectorySearch();
builder.AddDirectoryGraphQL();

var app = builder.Build();

await app.InitializeDirectoryDatabaseAsync();

app.UseStaticFiles();
app.MapDirectoryGraphQL();
app.MapGet("/", () => Results.Redirect("/graphql")).ExcludeFromDescription();

app.Run();

/// <summary>The API's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
