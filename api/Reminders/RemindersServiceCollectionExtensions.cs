using Microsoft.AspNetCore.DataProtection;
using Signpost.Email;

namespace Signpost.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>Review reminders: options checked at start-up, the signed links, the sender, the command's services and the scheduled job.</summary>
    public static IHostApplicationBuilder AddReviewReminders(this IHostApplicationBuilder builder)
    {
        builder.AddDirectoryEmail();
        builder.Services.AddOptions<ReminderOptions>()
            .Bind(builder.Configuration.GetSection(ReminderOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ReminderOptions>, ReminderOptionsProblems>();

        // Link tokens, console cookies and form tokens must be readable by every instance for as long
        // as they live, and survive a restore: the keys are kept in the database every instance
        // shares (and its backups), or in Reminders:KeysFolder when one is given.
        var protection = builder.Services.AddDataProtection().SetApplicationName("Signpost");
        if (builder.Configuration[$"{ReminderOptions.SectionName}:{nameof(ReminderOptions.KeysFolder)}"] is { Length: > 0 } folder)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(folder, builder.Environment.ContentRootPath)));
        }
        else
        {
            protection.PersistKeysToDbContext<Signpost.Data.DirectoryDbContext>();
        }

        builder.Services.AddSingleton<ReminderLinks>();
        builder.Services.AddScoped<DueListings>();
        builder.Services.AddScoped<IReminderRecipients, ProviderOrServiceEmailRecipients>();
        builder.Services.AddScoped<ReminderSender>();
        builder.Services.AddScoped<Signpost.Scheduling.JobLeases>();
        builder.Services.AddHostedService<ReminderJob>();
        return builder;
    }
}

/// <summary>Names each problem with the reminder settings in the start-up failure.</summary>
internal sealed class ReminderOptionsProblems : Microsoft.Extensions.Options.IValidateOptions<ReminderOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems);
    }
}
