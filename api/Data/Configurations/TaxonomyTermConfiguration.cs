using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Signpost.Data.Configurations;

internal sealed class TaxonomyTermConfiguration : IEntityTypeConfiguration<TaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<TaxonomyTerm> builder)
    {
        builder.ToTable("taxonomy_terms");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Code).HasMaxLength(TextLimits.Code);
        builder.Property(t => t.Name).HasMaxLength(TextLimits.Name);
        builder.Property(t => t.Description).HasMaxLength(TextLimits.Description);
        builder.Property(t => t.Language).HasMaxLength(TextLimits.Code);
        builder.Property(t => t.TermUri).HasMaxLength(TextLimits.Url);
        // Codes are unique within a taxonomy: imported taxonomies may reuse a code Signpost's has.
        builder.HasIndex(t => new { t.TaxonomyId, t.Code }).IsUnique();
        builder.HasIndex(t => t.ParentId);
        builder.HasOne<TaxonomyTerm>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TaxonomyScheme>().WithMany().HasForeignKey(t => t.TaxonomyId).OnDelete(DeleteBehavior.Restrict);
    }
}
