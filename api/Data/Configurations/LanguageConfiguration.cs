using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Signpost.Data.Configurations;

internal sealed class LanguageConfiguration : IEntityTypeConfiguration<Language>
{
    public void Configure(EntityTypeBuilder<Language> builder)
    {
        builder.ToTable("languages");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Name).HasMaxLength(TextLimits.Name);
        builder.Property(l => l.Code).HasMaxLength(TextLimits.Code);
        builder.Property(l => l.Note).HasMaxLength(TextLimits.Short);
        builder.HasIndex(l => l.ServiceId).HasFilter("\"service_id\" IS NOT NULL");
        builder.HasIndex(l => l.LocationId).HasFilter("\"location_id\" IS NOT NULL");
    }
}
