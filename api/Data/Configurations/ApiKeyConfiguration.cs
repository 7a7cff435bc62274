using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Signpost.Moderation;

namespace Signpost.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(TextLimits.Code);
        builder.Property(k => k.Role).HasConversion<string>().HasMaxLength(TextLimits.Code);
        builder.Property(k => k.Prefix).HasMaxLength(TextLimits.Code);
        builder.Property(k => k.SecretHash).HasMaxLength(TextLimits.Code);
        builder.HasIndex(k => k.Name).IsUnique();
        builder.HasIndex(k => k.SecretHash).IsUnique();
    }
}
