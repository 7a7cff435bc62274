using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Signpost.Data.Configurations;

internal sealed class ScheduleConfiguration : IEntityTypeConfiguration<Schedule>
{
    public void Configure(EntityTypeBuilder<Schedule> builder)
    {
        builder.ToTable("schedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Freq).HasMaxLength(TextLimits.Code);
        builder.Property(s => s.ByDay).HasColumnName("byday").HasMaxLength(TextLimits.Code);
        builder.Property(s => s.DtStart).HasColumnName("dtstart");
        builder.Property(s => s.OpensAt).HasMaxLength(5);
        builder.Property(s => s.ClosesAt).HasMaxLength(5);
        builder.Property(s => s.Description).HasMaxLength(TextLimits.Short);
        builder.Property(s => s.Notes).HasMaxLength(TextLimits.Short);
        builder.HasIndex(s => s.ServiceId).HasFilter("\"service_id\" IS NOT NULL");
        builder.HasIndex(s => s.LocationId).HasFilter("\"location_id\" IS NOT NULL");
    }
}
