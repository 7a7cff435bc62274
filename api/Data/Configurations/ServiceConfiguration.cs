using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Signpost.Data.Configurations;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.ToTable("services");
        builder.HasKey(s => s.RowId);
        builder.HasAlternateKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(TextLimits.Name);
        builder.Property(s => s.AlternateName).HasMaxLength(TextLimits.Name);
        builder.Property(s => s.Description).HasMaxLength(TextLimits.Description);
        builder.Property(s => s.Url).HasMaxLength(TextLimits.Url);
        builder.Property(s => s.Email).HasMaxLength(TextLimits.Email);
        builder.Property(s => s.Status).HasMaxLength(TextLimits.Code)
            .HasConversion(v => v.ToHsds(), v => ParseStatus(v));
        builder.Property(s => s.InterpretationServices).HasMaxLength(TextLimits.Short);
        builder.Property(s => s.ApplicationProcess).HasMaxLength(TextLimits.Description);
        builder.Property(s => s.FeesDescription).HasMaxLength(TextLimits.Short);
        builder.Property(s => s.EligibilityDescription).HasMaxLength(TextLimits.Description);
        builder.Property(s => s.Alert).HasMaxLength(TextLimits.Short);
        builder.Property(s => s.Version).IsConcurrencyToken().HasDefaultValue(1);
        builder.HasIndex(s => s.OrganizationId);
        builder.HasIndex(s => s.Name);
        // Counting the listed services reads this index, not the wide rows: total_items on every feed page.
        builder.HasIndex(s => s.Status);

        builder.HasOne(s => s.Organization).WithMany(o => o.Services)
            .HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Schedules).WithOne().HasForeignKey(x => x.ServiceId).HasPrincipalKey(s => s.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.ServiceAreas).WithOne().HasForeignKey(x => x.ServiceId).HasPrincipalKey(s => s.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.CostOptions).WithOne().HasForeignKey(x => x.ServiceId).HasPrincipalKey(s => s.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Languages).WithOne().HasForeignKey(x => x.ServiceId).HasPrincipalKey(s => s.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Phones).WithOne().HasForeignKey(x => x.ServiceId).HasPrincipalKey(s => s.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Contacts).WithOne().HasForeignKey(x => x.ServiceId).HasPrincipalKey(s => s.Id).OnDelete(DeleteBehavior.Cascade);
    }

    private static ServiceStatus ParseStatus(string value) =>
        ServiceStatusNames.TryParse(value, out var status) ? status : throw new InvalidDataException($"Unknown service status '{value}'.");
}
