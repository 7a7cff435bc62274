using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Signpost.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers the directory database from the validated <c>Database</c> options.</summary>
    public static IHostApplicationBuilder AddDirectoryDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => IsValidSqliteConnectionString(o.ConnectionString), "Database:ConnectionString is not a valid SQLite connection string.")
            .ValidateOnStart();

        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton<IInterceptor>(services => new SqliteConnectionSetup(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MemoryMapMiB));
        // A new context per request, not a pooled one: a pooled context outlives a request that
        // failed in the middle of a query (out of memory, say), and EF Core's pool takes it back
        // with its concurrency guard still set, so every later request given that context failed
        // with "A second operation was started on this context instance" until a restart. The
        // options, model and SQLite connection pool are shared, so a context is cheap to make.
        builder.Services.AddDbContext<DirectoryDbContext>((services, options) =>
        {
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            ConfigureSqlite(options, ResolveSqlitePath(database.ConnectionString, contentRoot))
                .AddInterceptors(services.GetServices<IInterceptor>());
        }, optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddSingleton<Signpost.Seed.SeedLoader>();
        return builder;
    }

    /// <summary>Applies migrations and loads the seed data, as the options ask.</summary>
    public static async Task InitializeDirectoryDatabaseAsync(this IHost app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(DirectoryDbContext).Assembly.FullName).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
               .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (source.Length > 0 && source != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(source))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, source));
        }

        return builder.ToString();
    }

    private static bool IsValidSqliteConnectionString(string value)
    {
        try
        {
            _ = new SqliteConnectionStringBuilder(value);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
