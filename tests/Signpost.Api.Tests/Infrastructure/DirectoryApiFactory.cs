using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Signpost.Tests.Infrastructure;

/// <summary>
/// The real API (Program.cs) on a real database: migrated and seeded on start exactly as in
/// production, at a fixed "now" so open-now and staleness answers do not drift. The database is a
/// SQLite file in a fresh temporary folder per factory, or a fresh SQL Server database when the
/// suite runs on SQL Server (<see cref="TestDatabase"/>).
/// </summary>
public class DirectoryApiFactory : WebApplicationFactory<Program>
{
    /// <summary>Tuesday 24 November 2026, 10:30 in the UK (GMT).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 30, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("signpost-tests-").FullName;

    private readonly string? _sqlServerDatabase = TestDatabase.IsSqlServer ? TestDatabase.NewSqlServerDatabase() : null;

    /// <summary>The SQLite file (SQLite runs only).</summary>
    public string DatabasePath => Path.Combine(_folder, "signpost.db");

    /// <summary>What another API given this string shares this one's database through.</summary>
    public string ConnectionString => _sqlServerDatabase ?? $"Data Source={DatabasePath}";

    /// <summary>Where email is written as .eml files when no SMTP server is configured.</summary>
    public string MailFolder => Path.Combine(_folder, "mail");

    /// <summary>Every SQL command EF Core sends through this API.</summary>
    public SqlCommandCounter Commands { get; } = new();

    /// <summary>Everything the API logs, from start-up on.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TestDatabase.Engine);
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        // Reminders go only when a test sends them, and any email stays in this factory's folder.
        builder.UseSetting("Reminders:SendOnSchedule", "false");
        builder.UseSetting("Email:PickupFolder", MailFolder);
        // Tests sign in many times from one address; the limit itself is tested with its own factory.
        builder.UseSetting("Console:SignInPostsPerMinute", "100000");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Commands);
            if (_sqlServerDatabase is not null)
            {
                services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(new FullTextSettles());
            }
            else
            {
                // Every query the suite makes the app run is also translated for SQL Server and parsed.
                services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(SqlServer.SqlServerShadowTranslation.Instance);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_sqlServerDatabase is not null)
        {
            TestDatabase.DropSqlServerDatabase(_sqlServerDatabase);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>One seeded API shared by the read-only integration tests.</summary>
[CollectionDefinition(Name)]
public sealed class DirectoryCollection : ICollectionFixture<DirectoryApiFactory>
{
    public const string Name = "Seeded directory";
}
