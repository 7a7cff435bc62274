using Signpost;
using Signpost.Data;
using Signpost.Embedding;
using Signpost.Moderation;
using Signpost.Moderation.Accounts;
using Signpost.Moderation.Console;
using Signpost.OpenReferral.Export;
using Signpost.OpenReferral.Import;
using Signpost.Operations;
using Signpost.Reminders;

var builder = WebApplication.CreateBuilder(args);

builder.AddDirectoryApi();
builder.AddReviewReminders();
builder.AddModerationConsole();

var app = builder.Build();

// "keys create|list|revoke": manage moderators' API keys on the server, then exit.
if (args is ["keys", .. var keyArgs])
{
    return await ReadyForCommandAsync(app) ?? await ApiKeysCommand.RunAsync(app.Services, keyArgs, Console.Out, Console.Error);
}

// "backup FILE [--force]": copy the database while the API serves it, then exit. It copies the
// database as it is, so it neither migrates nor seeds.
if (args is ["backup", .. var backupArgs])
{
    return await BackupCommand.RunAsync(app.Services, backupArgs, Console.Out, Console.Error);
}

// "optimize": rebuild the search indexes after a bulk load, then exit.
if (args is ["optimize", .. var optimizeArgs])
{
    return await ReadyForCommandAsync(app) ?? await OptimizeCommand.RunAsync(app.Services, optimizeArgs, Console.Out, Console.Error);
}

// "export --format json|ndjson|datapackage --out PATH": the public directory as HSDS 3.0, then exit.
if (args is ["export", .. var exportArgs])
{
    return await ReadyForCommandAsync(app) ?? await ExportCommand.RunAsync(app.Services, exportArgs, Console.Out, Console.Error);
}

// "import SOURCE [...]": import HSDS 3.0 / ORUK services from files or a feed, then exit.
if (args is ["import", .. var importArgs])
{
    return await ReadyForCommandAsync(app) ?? await ImportCommand.RunAsync(app.Services, importArgs, Console.Out, Console.Error);
}

// "accounts create|list|disable|enable": the people who sign in to the moderation console, then exit.
if (args is ["accounts", .. var accountArgs])
{
    return await ReadyForCommandAsync(app) ?? await AccountsCommand.RunAsync(app.Services, accountArgs, Console.Out, Console.Error);
}

// "clients create|list|revoke": the client keys of sites that embed the directory, then exit.
if (args is ["clients", .. var clientArgs])
{
    return await ReadyForCommandAsync(app) ?? await ClientKeysCommand.RunAsync(app.Services, clientArgs, Console.Out, Console.Error);
}

// "reminders send [--dry-run]": email the listings whose review reminder is due, then exit.
if (args is ["reminders", .. var reminderArgs])
{
    return await ReadyForCommandAsync(app) ?? await ReminderCommand.RunAsync(app.Services, reminderArgs, Console.Out, Console.Error);
}

await app.UseDirectoryApiAsync();
app.MapReviewReminders();
app.MapModerationConsole();
app.MapGet("/", () => Results.Redirect("/graphql")).ExcludeFromDescription();

await app.RunAsync();
return 0;

// A command waits for the database like the API does; if another process keeps migrating it, the
// command says so and exits 1 rather than ending in a stack trace.
static async Task<int?> ReadyForCommandAsync(WebApplication app)
{
    try
    {
        await app.InitializeDirectoryDatabaseAsync();
        return null;
    }
    catch (Exception e) when (e is MigrationLockTimeoutException or DatabaseUnavailableException)
    {
        await Console.Error.WriteLineAsync(e.Message);
        return 1;
    }
}

/// <summary>The API's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
