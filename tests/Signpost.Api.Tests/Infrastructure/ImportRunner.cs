using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Signpost.Data;
using Signpost.OpenReferral.Import;

namespace Signpost.Tests.Infrastructure;

/// <summary>Runs the real <c>import</c> command against a test API's database, and reads that database.</summary>
public static class ImportRunner
{
    public static string DataFile(params string[] parts) =>
        SharedMaterial.Path(["oruk", "datasets", .. parts]);

    public static async Task<ImportRun> ImportAsync(this DirectoryApiFactory factory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ImportCommand.RunAsync(factory.Services, args, output, error);
        return new ImportRun(exit, output.ToString(), error.ToString());
    }

    public static async Task<T> QueryAsync<T>(this DirectoryApiFactory factory, Func<DirectoryDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DirectoryDbContext>());
    }

    public static Task<int> ServiceCountAsync(this DirectoryApiFactory factory) =>
        factory.QueryAsync(db => db.Services.CountAsync());
}

public sealed record ImportRun(int Exit, string Output, string Error)
{
    public override string ToString() => $"exit {Exit}\n{Output}\n{Error}";
}

/// <summary>An empty directory (no seed) to import into.</summary>
public sealed class EmptyDirectoryFactory : ConfiguredDirectoryFactory
{
    public EmptyDirectoryFactory() => this["Database:SeedOnStartup"] = "false";
}
