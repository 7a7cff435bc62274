using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Signpost.Data;
using Signpost.Moderation;

namespace Signpost.Reminders;

/// <summary>
/// Where a reminder's links land. "Still correct" is a GET that only shows a confirmation, so a
/// mail scanner fetching every link changes nothing; its button POSTs, and that verifies the listing
/// through <see cref="ModerationService.VerifyAsync"/>, audited as <see cref="Actor"/>. The POST
/// needs no antiforgery cookie: the signed token in the form is the proof, and a page elsewhere
/// cannot have it. "Something changed" checks the token and opens the site's suggest-a-change form.
/// </summary>
public static class ReminderEndpoints
{
    /// <summary>Who the audit trail names for a verification made through a reminder link.</summary>
    public static readonly Actor Actor = new("provider (reminder link)", ApiKeyRole.Moderator);

    public static void MapReviewReminders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer"; // the token must not follow a link off the page
            headers["X-Robots-Tag"] = "noindex";
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
            return await next(context);
        });
        group.MapGet(ReminderLinks.StillCorrectPath, ShowConfirmationAsync);
        group.MapPost(ReminderLinks.StillCorrectPath, ConfirmAsync).DisableAntiforgery();
        group.MapGet(ReminderLinks.SomethingChangedPath, OpenSuggestionForm);
    }

    private static async Task<IResult> ShowConfirmationAsync(Guid serviceId, string? token, ReminderLinks links, DirectoryDbContext db, IOptions<ReminderOptions> options, CancellationToken cancellationToken)
    {
        var site = options.Value;
        var (refusal, reminder) = await CheckAsync(links, db, site, token, serviceId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null || !Listed(service))
        {
            return ReminderPages.NotListed(site);
        }

        return reminder!.ConfirmedAt is not null
            ? ReminderPages.AlreadyUsed(site)
            : ReminderPages.Confirm(site, service.Name, service.AssuredDate, token!, ReminderLinks.SomethingChanged(serviceId, token!));
    }

    private static async Task<IResult> ConfirmAsync(Guid serviceId, HttpRequest request, ReminderLinks links, DirectoryDbContext db, Caller caller, ModerationService moderation,
        IOptions<ReminderOptions> options, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var site = options.Value;
        var token = await TokenFromFormAsync(request, cancellationToken);
        var (refusal, reminder) = await CheckAsync(links, db, site, token, serviceId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null || !Listed(service))
        {
            return ReminderPages.NotListed(site);
        }

        // The link is used up and the listing verified in one transaction: both or neither, and of
        // two presses at once only the one that marks the reminder first goes on.
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow();
            var claimed = await db.ReviewReminders.Where(r => r.Id == reminder!.Id && r.ConfirmedAt == null)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.ConfirmedAt, now), cancellationToken);
            if (claimed == 0)
            {
                return ReminderPages.AlreadyUsed(site);
            }

            caller.ActAs(Actor);
            var verified = await moderation.VerifyAsync(serviceId, expectedVersion: null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return ReminderPages.Confirmed(site, verified.Name, verified.AssuredDate!.Value);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(ReminderEndpoints)).LogError(e, "Could not record the reminder confirmation for listing {ServiceId}.", serviceId);
            return ReminderPages.TryAgain(site);
        }
    }

    private static async Task<IResult> OpenSuggestionForm(Guid serviceId, string? token, ReminderLinks links, DirectoryDbContext db, IOptions<ReminderOptions> options, CancellationToken cancellationToken)
    {
        var (refusal, _) = await CheckAsync(links, db, options.Value, token, serviceId, cancellationToken);
        return refusal ?? Results.Redirect(links.SuggestChangeForm(serviceId));
    }

    private static async Task<(IResult? Refusal, ReviewReminder? Reminder)> CheckAsync(ReminderLinks links, DirectoryDbContext db, ReminderOptions site, string? token, Guid serviceId, CancellationToken cancellationToken)
    {
        var check = links.Check(token, serviceId);
        switch (check.Problem)
        {
            case LinkProblem.NotGenuine or LinkProblem.OtherListing:
                return (ReminderPages.NotValid(site), null);
            case LinkProblem.Expired:
                return (ReminderPages.Expired(site), null);
        }

        var reminder = await db.ReviewReminders.FirstOrDefaultAsync(r => r.Id == check.ReminderId && r.ServiceId == serviceId, cancellationToken);
        return reminder is null ? (ReminderPages.NotValid(site), null) : (null, reminder);
    }

    /// <summary>The token the confirmation form sends; null for anything else (no form, one too big to read).</summary>
    private static async Task<string?> TokenFromFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return (await request.ReadFormAsync(cancellationToken))["token"].ToString();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool Listed(Service service) => service.Status is ServiceStatus.Active or ServiceStatus.TemporarilyClosed;
}
