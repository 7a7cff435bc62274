using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Signpost.Moderation.Accounts;

namespace Signpost.Data.Configurations;

internal sealed class ModeratorAccountConfiguration : IEntityTypeConfiguration<ModeratorAccount>
{
    public void Configure(EntityTypeBuilder<ModeratorAccount> builder)
    {
        builder.ToTable("moderator_accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.NormalizedUserName).HasMaxLength(256);
        builder.Property(a => a.Email).HasMaxLength(256);
        builder.Property(a => a.NormalizedEmail).HasMaxLength(256);
        builder.Property(a => a.DisplayName).HasMaxLength(TextLimits.Code);
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(TextLimits.Code);
        builder.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(a => a.NormalizedUserName).IsUnique();
        builder.HasIndex(a => a.NormalizedEmail).IsUnique();

        // A provider's organisation, by id without a foreign key: adding one to this table would make
        // SQLite rebuild it with foreign keys off, outside the migration's transaction. An organisation
        // that is gone (an import dropped it) simply leaves the provider nothing to look after.
        builder.HasIndex(a => a.OrganizationId);
        builder.HasMany<IdentityUserClaim<Guid>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
        builder.HasMany<IdentityUserLogin<Guid>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
        builder.HasMany<IdentityUserToken<Guid>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
    }
}

/// <summary>Identity's per-account claims (unused by the console today, required by its store).</summary>
internal sealed class ModeratorAccountClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder)
    {
        builder.ToTable("moderator_account_claims");
        builder.HasKey(c => c.Id);
    }
}

/// <summary>Identity's outside sign-ins (none are configured; required by its store).</summary>
internal sealed class ModeratorAccountLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder)
    {
        builder.ToTable("moderator_account_logins");
        builder.HasKey(l => new { l.LoginProvider, l.ProviderKey });
        builder.Property(l => l.LoginProvider).HasMaxLength(128);
        builder.Property(l => l.ProviderKey).HasMaxLength(128);
    }
}

/// <summary>Identity's stored tokens: the authenticator key of an account's second factor.</summary>
internal sealed class ModeratorAccountTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder)
    {
        builder.ToTable("moderator_account_tokens");
        builder.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
        builder.Property(t => t.LoginProvider).HasMaxLength(128);
        builder.Property(t => t.Name).HasMaxLength(128);
    }
}
