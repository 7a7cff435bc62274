using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Signpost.Data.Configurations;

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> builder)
    {
        builder.ToTable("locations");
        builder.HasKey(l => l.RowId);
        builder.HasAlternateKey(l => l.Id);
        builder.Property(l => l.LocationType).HasMaxLength(TextLimits.Code)
            .HasConversion(v => v.ToString().ToLowerInvariant(), v => Enum.Parse<LocationType>(v, true));
        builder.Property(l => l.Name).HasMaxLength(TextLimits.Name);
        builder.Property(l => l.AlternateName).HasMaxLength(TextLimits.Name);
        builder.Property(l => l.Description).HasMaxLength(TextLimits.Description);
        builder.Property(l => l.Transportation).HasMaxLength(TextLimits.Short);
        builder.Property(l => l.ExternalIdentifier).HasMaxLength(TextLimits.Short);
        builder.HasIndex(l => l.OrganizationId).HasFilter("\"organization_id\" IS NOT NULL");

        builder.HasOne(l => l.Organization).WithMany(o => o.Locations)
            .HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Addresses).WithOne().HasForeignKey(a => a.LocationId).HasPrincipalKey(l => l.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Accessibility).WithOne().HasForeignKey(a => a.LocationId).HasPrincipalKey(l => l.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Phones).WithOne().HasForeignKey(p => p.LocationId).HasPrincipalKey(l => l.Id).OnDelete(DeleteBehavior.Cascade);
    }
}
