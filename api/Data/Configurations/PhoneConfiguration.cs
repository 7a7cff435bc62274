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
        builder.HasIndex(p => p.ServiceId);
        builder.HasIndex(p => p.LocationId);
        builder.HasIndex(p => p.OrganizationId);
        builder.HasIndex(p => p.ContactId);
    }
}
