using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Signpost.Data.Configurations;

internal sealed class AccessibilityConfiguration : IEntityTypeConfiguration<Accessibility>
{
    public void Configure(EntityTypeBuilder<Accessibility> builder)
    {
        builder.ToTable("accessibility");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Description).HasMaxLength(TextLimits.Short);
        builder.Property(a => a.Details).HasMaxLength(TextLimits.Description);
        builder.Property(a => a.Url).HasMaxLength(TextLimits.Url);
        builder.HasIndex(a => a.LocationId);
    }
}
