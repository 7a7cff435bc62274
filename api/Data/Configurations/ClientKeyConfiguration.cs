using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Signpost.Embedding;

namespace Signpost.Data.Configurations;

internal sealed class ClientKeyConfiguration : IEntityTypeConfiguration<ClientKey>
{
    public void Configure(EntityTypeBuilder<ClientKey> builder)
    {
        builder.ToTable("client_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(TextLimits.Name);
        builder.Property(k => k.Key).HasMaxLength(TextLimits.Code);
        builder.HasIndex(k => k.Name).IsUnique();
        builder.HasIndex(k => k.Key).IsUnique();
    }
}
