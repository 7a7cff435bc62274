namespace Signpost.Moderation;

public static class ModerationServiceCollectionExtensions
{
    /// <summary>API keys, the caller's identity, the moderation actions and the audit trail.</summary>
    public static IHostApplicationBuilder AddDirectoryModeration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ApiKeyStore>();
        builder.Services.AddScoped<Caller>();
        builder.Services.AddScoped<ModerationService>();
        return builder;
    }
}
