using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Signpost.Moderation;

namespace Signpost.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Actor).HasMaxLength(TextLimits.Code);
        builder.Property(a => a.Action).HasMaxLength(TextLimits.Code);
        // The changes are read and written whole, with their entry: one JSON column.
        builder.Property(a => a.Changes)
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<List<FieldChange>>(v, JsonSerializerOptions.Web) ?? new List<FieldChange>(),
                new ValueComparer<List<FieldChange>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        builder.HasIndex(a => new { a.ServiceId, a.Id });
    }
}
