using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Signpost.Data.Configurations;

internal sealed class ServiceAttributeConfiguration : IEntityTypeConfiguration<ServiceAttribute>
{
    public void Configure(EntityTypeBuilder<ServiceAttribute> builder)
    {
        builder.ToTable("attributes");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.LinkEntity).HasMaxLength(TextLimits.Code);
        builder.Property(a => a.LinkType).HasMaxLength(TextLimits.Code);
        builder.Property(a => a.Value).HasMaxLength(TextLimits.Short);
        // Both directions are searched: a service's categories, and a category's services.
        builder.HasIndex(a => new { a.LinkId, a.TaxonomyTermId }).IsUnique();
        builder.HasIndex(a => new { a.TaxonomyTermId, a.LinkId });
        builder.HasOne<TaxonomyTerm>().WithMany().HasForeignKey(a => a.TaxonomyTermId).OnDelete(DeleteBehavior.Cascade);
    }
}
