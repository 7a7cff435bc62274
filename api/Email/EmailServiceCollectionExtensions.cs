namespace Signpost.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>The email sender and its options, checked at start-up.</summary>
    public static IHostApplicationBuilder AddDirectoryEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>()
            .Bind(builder.Configuration.GetSection(EmailOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<SmtpOptions>()
            .Bind(builder.Configuration.GetSection(SmtpOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrEmpty(o.Password) || !string.IsNullOrEmpty(o.UserName), "Email:Smtp:UserName is required with Email:Smtp:Password.")
            .ValidateOnStart();
        builder.Services.AddSingleton<EmailSender>();
        return builder;
    }
}
