using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Signpost.Data.Configurations;

internal sealed class TaxonomyConfiguration : IEntityTypeConfiguration<TaxonomyScheme>
{
    public void Configure(EntityTypeBuilder<TaxonomyScheme> builder)
    {
        builder.ToTable("taxonomies");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(TextLimits.Name);
        builder.Property(t => t.Description).HasMaxLength(TextLimits.Description);
        builder.Property(t => t.Uri).HasMaxLength(TextLimits.Url);
        builder.Property(t => t.Version).HasMaxLength(TextLimits.Code);
        builder.Property(t => t.ImportedFrom).HasMaxLength(TextLimits.Code);
    }
}
