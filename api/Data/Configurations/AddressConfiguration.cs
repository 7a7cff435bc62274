using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Signpost.Data.Configurations;

internal sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> builder)
    {
        builder.ToTable("addresses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Attention).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.Address1).HasColumnName("address_1").HasMaxLength(TextLimits.Name);
        builder.Property(a => a.Address2).HasColumnName("address_2").HasMaxLength(TextLimits.Name);
        builder.Property(a => a.City).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.Region).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.StateProvince).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.PostalCode).HasMaxLength(TextLimits.Code);
        builder.Property(a => a.Country).HasMaxLength(2);
        builder.Property(a => a.AddressType).HasMaxLength(TextLimits.Code);
        builder.HasIndex(a => a.LocationId);
    }
}
