using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Signpost.Data.Configurations;

internal sealed class ServiceAtLocationConfiguration : IEntityTypeConfiguration<ServiceAtLocation>
{
    public void Configure(EntityTypeBuilder<ServiceAtLocation> builder)
    {
        builder.ToTable("service_at_locations");
        builder.HasKey(x => x.RowId);
        builder.HasAlternateKey(x => x.Id);
        builder.Property(x => x.Description).HasMaxLength(TextLimits.Description);
        builder.HasIndex(x => new { x.ServiceId, x.LocationId }).IsUnique();
        // The spatial search joins from a location to its services.
        builder.HasIndex(x => new { x.LocationId, x.ServiceId });
        builder.HasOne(x => x.Service).WithMany(s => s.ServiceAtLocations)
            .HasForeignKey(x => x.ServiceId).HasPrincipalKey(s => s.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Location).WithMany(l => l.ServiceAtLocations)
            .HasForeignKey(x => x.LocationId).HasPrincipalKey(l => l.Id).OnDelete(DeleteBehavior.Cascade);
    }
}
