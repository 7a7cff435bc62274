using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Signpost.Data.Configurations;

internal sealed class PhoneConfiguration : IEntityTypeConfiguration<Phone>
{
    public void Configure(EntityTypeBuilder<Phone> builder)
    {
        builder.ToTable("phones");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Number).HasMaxLength(TextLimits.Phone);
        builder.Property(p => p.Extension).HasMaxLength(TextLimits.Code);
        builder.Property(p => p.Type).HasMaxLength(TextLimits.Code);
        builder.Property(p => p.Description).HasMaxLength(TextLimits.Short);
        // Partial indexes: each phone has one owner, so most of each column is NULL, and with
        // statistics (ANALYZE) SQLite would judge a full index useless and scan the table.
        builder.HasIndex(p => p.ServiceId).HasFilter("\"service_id\" IS NOT NULL");
        builder.HasIndex(p => p.LocationId).HasFilter("\"location_id\" IS NOT NULL");
        builder.HasIndex(p => p.OrganizationId).HasFilter("\"organization_id\" IS NOT NULL");
        builder.HasIndex(p => p.ContactId).HasFilter("\"contact_id\" IS NOT NULL");
    }
}
