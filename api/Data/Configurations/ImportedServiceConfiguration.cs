using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Signpost.OpenReferral.Import;

namespace Signpost.Data.Configurations;

internal sealed class ImportedServiceConfiguration : IEntityTypeConfiguration<ImportedService>
{
    public void Configure(EntityTypeBuilder<ImportedService> builder)
    {
        builder.ToTable("imported_services");
        builder.HasKey(i => i.ServiceId);
        builder.Property(i => i.ServiceId).ValueGeneratedNever();
        builder.Property(i => i.Source).HasMaxLength(TextLimits.Code);
        // A sync run reads every service of one source.
        builder.HasIndex(i => i.Source);
        builder.HasOne<Service>().WithOne().HasForeignKey<ImportedService>(i => i.ServiceId).HasPrincipalKey<Service>(s => s.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportSourceStateConfiguration : IEntityTypeConfiguration<ImportSourceState>
{
    public void Configure(EntityTypeBuilder<ImportSourceState> builder)
    {
        builder.ToTable("import_sources");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(TextLimits.Code);
        builder.Property(s => s.Location).HasMaxLength(TextLimits.Url);
    }
}
