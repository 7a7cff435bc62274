using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Signpost.Data.SqlServer;

namespace Signpost.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the directory database from the validated <c>Database</c> options: the engine's own
    /// context type (and so its own migrations), always asked for as <see cref="DirectoryDbContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddDirectoryDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, ConnectionStringValidation>();

        var contentRoot = builder.Environment.ContentRootPath;
        var provider = DatabaseOptions.ProviderIn(builder.Configuration);
        // A new context per request, not a pooled one: a pooled context outlives a request that
        // failed in the middle of a query (out of memory, say), and EF Core's pool takes it back
        // with its concurrency guard still set, so every later request given that context failed
        // with "A second operation was started on this context instance" until a restart. The
        // options, model and connection pool are shared, so a context is cheap to make.
        if (string.Equals(provider, DatabaseProviders.SqlServer, StringComparison.Ordinal))
        {
            builder.Services.AddDbContext<DirectoryDbContext, SqlServerDirectoryDbContext>((services, options) =>
            {
                var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                ConfigureSqlServer(options, database.ConnectionString)
                    .AddInterceptors(services.GetServices<IInterceptor>());
            }, optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            builder.Services.AddSingleton<IInterceptor>(services => new SqliteConnectionSetup(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MemoryMapMiB));
            builder.Services.AddDbContext<DirectoryDbContext>((services, options) =>
            {
                var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                ConfigureSqlite(options, ResolveSqlitePath(database.ConnectionString, contentRoot))
                    .AddInterceptors(services.GetServices<IInterceptor>());
            }, optionsLifetime: ServiceLifetime.Singleton);
        }

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

    /// <summary>SQL Server 2019's level, the oldest the directory supports; Azure SQL runs at it or later.</summary>
    public const int SqlServerCompatibilityLevel = 150;

    /// <summary>
    /// EF writes SQL for SQL Server 2019 (<see cref="SqlServerCompatibilityLevel"/>; by default it would
    /// use SQL Server 2022's functions). A list in a query (<c>ids.Contains(x.Id)</c>) goes as one JSON
    /// parameter read with OPENJSON, as on SQLite: one plan whatever the list's length, and no
    /// 2,100-parameter ceiling.
    /// </summary>
    public static DbContextOptionsBuilder ConfigureSqlServer(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString, sql => sql
                .MigrationsAssembly(typeof(DirectoryDbContext).Assembly.FullName)
                .UseCompatibilityLevel(SqlServerCompatibilityLevel)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
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

    /// <summary>What is wrong with the connection string for the chosen engine, or null.</summary>
    internal static string? ConnectionStringProblem(DatabaseOptions options)
    {
        try
        {
            if (options.Provider == DatabaseProviders.SqlServer)
            {
                var sql = new SqlConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrWhiteSpace(sql.DataSource))
                {
                    return "Database:ConnectionString must name the server (Server=…) when Database:Provider is SqlServer.";
                }

                return string.IsNullOrWhiteSpace(sql.InitialCatalog)
                    ? "Database:ConnectionString must name the database (Database=… or Initial Catalog=…) when Database:Provider is SqlServer."
                    : null;
            }

            _ = new SqliteConnectionStringBuilder(options.ConnectionString);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return $"Database:ConnectionString is not a valid {options.Provider} connection string: {e.Message}";
        }
    }

    /// <summary>Checks the connection string against the engine chosen, naming the problem.</summary>
    private sealed class ConnectionStringValidation : IValidateOptions<DatabaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
            ConnectionStringProblem(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
