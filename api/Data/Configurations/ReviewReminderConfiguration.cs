using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Signpost.Reminders;

namespace Signpost.Data.Configurations;

internal sealed class ReviewReminderConfiguration : IEntityTypeConfiguration<ReviewReminder>
{
    public void Configure(EntityTypeBuilder<ReviewReminder> builder)
    {
        builder.ToTable("review_reminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Recipient).HasMaxLength(TextLimits.Email);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(TextLimits.Code);
        // Once per threshold per verification: a second sender inserting the same reminder fails and leaves it.
        builder.HasIndex(r => new { r.ServiceId, r.VerifiedOn, r.ThresholdMonths }).IsUnique();
        builder.HasOne<Service>().WithMany().HasForeignKey(r => r.ServiceId).HasPrincipalKey(s => s.Id).OnDelete(DeleteBehavior.Cascade);
    }
}
