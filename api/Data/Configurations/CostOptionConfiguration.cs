using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Signpost.Data.Configurations;

internal sealed class CostOptionConfiguration : IEntityTypeConfiguration<CostOption>
{
    public void Configure(EntityTypeBuilder<CostOption> builder)
    {
        builder.ToTable("cost_options");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Option).HasMaxLength(TextLimits.Short);
        builder.Property(c => c.Currency).HasMaxLength(3);
        // Stored as a REAL so SQLite can compare amounts in the "free" filter.
        builder.Property(c => c.Amount).HasConversion<double?>();
        builder.Property(c => c.AmountDescription).HasMaxLength(TextLimits.Short);
        builder.HasIndex(c => new { c.ServiceId, c.Amount });
    }
}
