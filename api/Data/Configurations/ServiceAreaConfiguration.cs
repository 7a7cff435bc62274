using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Signpost.Data.Configurations;

internal sealed class ServiceAreaConfiguration : IEntityTypeConfiguration<ServiceArea>
{
    public void Configure(EntityTypeBuilder<ServiceArea> builder)
    {
        builder.ToTable("service_areas");
        builder.HasKey(a => a.RowId);
        builder.HasAlternateKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.Description).HasMaxLength(TextLimits.Description);
        builder.Property(a => a.ExtentType).HasMaxLength(TextLimits.Code);
        builder.Property(a => a.Uri).HasMaxLength(TextLimits.Url);
        builder.HasIndex(a => a.ServiceId);
    }
}
