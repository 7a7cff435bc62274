using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Signpost.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(TextLimits.Name);
        builder.Property(o => o.AlternateName).HasMaxLength(TextLimits.Name);
        builder.Property(o => o.Description).HasMaxLength(TextLimits.Description);
        builder.Property(o => o.Email).HasMaxLength(TextLimits.Email);
        builder.Property(o => o.Website).HasMaxLength(TextLimits.Url);
        builder.Property(o => o.LegalStatus).HasMaxLength(TextLimits.Short);
        builder.Property(o => o.Uri).HasMaxLength(TextLimits.Url);
        builder.HasMany(o => o.Phones).WithOne().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Contacts).WithOne().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
