using Microsoft.EntityFrameworkCore;

namespace Signpost.Data;

/// <summary>
/// The directory's database: the HSDS tables. Each entity's mapping lives in Configurations/.
/// This is the SQLite context (its migrations are in Migrations/); SQL Server uses the
/// <see cref="SqlServer.SqlServerDirectoryDbContext"/> derived from it, with its own migrations,
/// and feature code asks for this type whichever engine is configured.
/// </summary>
public class DirectoryDbContext : DbContext, Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    public DirectoryDbContext(DbContextOptions<DirectoryDbContext> options)
        : base(options)
    {
    }

    /// <summary>For an engine's derived context, whose options name that context.</summary>
    protected DirectoryDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<ServiceAtLocation> ServiceAtLocations => Set<ServiceAtLocation>();
    public DbSet<Address> Addresses => Set<Address>();
    public DbSet<Phone> Phones => Set<Phone>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Schedule> Schedules => Set<Schedule>();
    public DbSet<ServiceArea> ServiceAreas => Set<ServiceArea>();
    public DbSet<CostOption> CostOptions => Set<CostOption>();
    public DbSet<Language> Languages => Set<Language>();
    public DbSet<Accessibility> Accessibility => Set<Accessibility>();
    public DbSet<TaxonomyScheme> Taxonomies => Set<TaxonomyScheme>();
    public DbSet<TaxonomyTerm> TaxonomyTerms => Set<TaxonomyTerm>();
    public DbSet<ServiceAttribute> Attributes => Set<ServiceAttribute>();
    public DbSet<Signpost.Submissions.Submission> Submissions => Set<Signpost.Submissions.Submission>();
    public DbSet<Signpost.Moderation.AuditEntry> AuditEntries => Set<Signpost.Moderation.AuditEntry>();
    public DbSet<Signpost.Moderation.ApiKey> ApiKeys => Set<Signpost.Moderation.ApiKey>();
    public DbSet<Signpost.Scheduling.JobLease> JobLeases => Set<Signpost.Scheduling.JobLease>();
    public DbSet<Signpost.Reminders.ReviewReminder> ReviewReminders => Set<Signpost.Reminders.ReviewReminder>();
    public DbSet<Signpost.RateLimiting.RateLimitCounter> RateLimitCounters => Set<Signpost.RateLimiting.RateLimitCounter>();
    public DbSet<Signpost.OpenReferral.Import.ImportedService> ImportedServices => Set<Signpost.OpenReferral.Import.ImportedService>();
    public DbSet<Signpost.OpenReferral.Import.ImportSourceState> ImportSources => Set<Signpost.OpenReferral.Import.ImportSourceState>();

    /// <summary>The keys that sign cookies, form tokens and reminder links, shared by every instance.</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DirectoryDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
