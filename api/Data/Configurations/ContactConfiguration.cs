using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Signpost.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("contacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(TextLimits.Name);
        builder.Property(c => c.Title).HasMaxLength(TextLimits.Name);
        builder.Property(c => c.Department).HasMaxLength(TextLimits.Name);
        builder.Property(c => c.Email).HasMaxLength(TextLimits.Email);
        builder.HasIndex(c => c.ServiceId).HasFilter("\"service_id\" IS NOT NULL");
        builder.HasIndex(c => c.OrganizationId).HasFilter("\"organization_id\" IS NOT NULL");
        builder.HasMany(c => c.Phones).WithOne().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
