using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Signpost.Submissions;

namespace Signpost.Data.Configurations;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("submissions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Reference).HasMaxLength(TextLimits.Code);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(TextLimits.Code);
        // Two moderators deciding the same submission at once: only one update can match the status it read.
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(TextLimits.Code).IsConcurrencyToken();
        builder.Property(s => s.Topic).HasConversion<string>().HasMaxLength(TextLimits.Code);
        builder.Property(s => s.SubmitterName).HasMaxLength(TextLimits.Name);
        builder.Property(s => s.SubmitterEmail).HasMaxLength(TextLimits.Email);
        builder.Property(s => s.StatusTokenHash).HasMaxLength(TextLimits.Code);
        builder.Property(s => s.DecidedBy).HasMaxLength(TextLimits.Code);
        builder.Property(s => s.Reason).HasMaxLength(TextLimits.Description);
        // SQLite cannot order by a DateTimeOffset stored as text; as a number it orders (and indexes) by time.
        builder.Property(s => s.SubmittedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.HasIndex(s => s.Reference).IsUnique();
        builder.HasIndex(s => new { s.Status, s.SubmittedAt });
        builder.HasIndex(s => s.ServiceId);
    }
}
