using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Signpost.Scheduling;

namespace Signpost.Data.Configurations;

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.ToTable("job_leases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(TextLimits.Code);
        builder.Property(l => l.Holder).HasMaxLength(TextLimits.Code);
    }
}
