using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Signpost.RateLimiting;

namespace Signpost.Data.Configurations;

internal sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> builder)
    {
        builder.ToTable("rate_limit_counters");
        // One row per client and bucket: a second instance inserting the same bucket fails and increments instead.
        builder.HasKey(c => new { c.Partition, c.ClientKey, c.BucketStart });
        builder.Property(c => c.Partition).HasMaxLength(TextLimits.Code);
        builder.Property(c => c.ClientKey).HasMaxLength(TextLimits.Code);
        // Expired buckets of every client are deleted by time.
        builder.HasIndex(c => new { c.Partition, c.BucketStart });
    }
}
