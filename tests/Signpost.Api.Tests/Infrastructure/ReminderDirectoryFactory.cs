using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Signpost.Data;
using Signpost.Reminders;
using Signpost.Services;

namespace Signpost.Tests.Infrastructure;

/// <summary>
/// A seeded directory of its own for review reminders: its email goes to an in-process SMTP server,
/// its clock can be moved on, and every listing starts verified today except those a test makes stale.
/// </summary>
public sealed class ReminderDirectoryFactory : ModeratedDirectoryFactory
{
    public const string SiteBaseUrl = "https://signpost.example.org";

    private readonly Dictionary<string, string> _settings = [];

    /// <param name="sharedDatabase">Another API's <see cref="DirectoryApiFactory.ConnectionString"/>, to share its database.</param>
    public ReminderDirectoryFactory(InProcessSmtpServer? smtp = null, string? sharedDatabase = null)
    {
        foreach (var (key, value) in smtp?.Settings ?? [])
        {
            _settings[key] = value;
        }

        if (sharedDatabase is not null)
        {
            _settings["Database:ConnectionString"] = sharedDatabase;
        }
    }

    public MovableTimeProvider Clock { get; } = new(Now);

    public string this[string key]
    {
        set => _settings[key] = value;
    }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>A client that shows redirects instead of following them, as a test of where links lead needs.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Marks every listing verified today, then the given ones as the test says.</summary>
    public async Task ListingsAsync(params Listing[] listings)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var today = Today;
        await db.Services.ExecuteUpdateAsync(s => s.SetProperty(x => x.AssuredDate, today));
        foreach (var listing in listings)
        {
            await db.Services.Where(s => s.Id == listing.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.AssuredDate, listing.LastVerified)
                .SetProperty(x => x.Email, listing.Email)
                .SetProperty(x => x.Name, x => listing.Name ?? x.Name));
        }
    }

    /// <summary>The ids of the first <paramref name="count"/> active listings.</summary>
    public async Task<Guid[]> ActiveListingsAsync(int count)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        return await db.Services.Where(s => s.Status == ServiceStatus.Active).OrderBy(s => s.RowId).Select(s => s.Id).Take(count).ToArrayAsync();
    }

    public async Task<List<ReviewReminder>> RemindersAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().ReviewReminders.OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>One run of the sender, as the scheduled job and the command run it.</summary>
    public async Task<ReminderReport> SendAsync(bool dryRun = false)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderSender>().RunAsync(dryRun, CancellationToken.None);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reminders:ApiBaseUrl", "http://localhost");
        builder.UseSetting("Reminders:SiteBaseUrl", SiteBaseUrl);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}

/// <summary>A listing as a reminder test needs it: when it was last verified and where its email goes.</summary>
public sealed record Listing(Guid Id, DateOnly? LastVerified, string? Email, string? Name = null);

/// <summary>A clock the test moves on, a month at a time if it likes.</summary>
public sealed class MovableTimeProvider(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void MoveTo(DateTimeOffset now) => _now = now;
}
