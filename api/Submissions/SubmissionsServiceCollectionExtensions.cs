namespace Signpost.Submissions;

public static class SubmissionsServiceCollectionExtensions
{
    /// <summary>Public submissions, their validated limits and the per-client rate limit.</summary>
    public static IHostApplicationBuilder AddDirectorySubmissions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SubmissionOptions>()
            .Bind(builder.Configuration.GetSection(SubmissionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Signpost.RateLimiting.DatabaseRateLimiter>();
        builder.Services.AddScoped<SubmissionRateLimiter>();
        builder.Services.AddScoped<SubmissionService>();
        return builder;
    }
}
