using Microsoft.AspNetCore.Mvc.Filters;
using Signpost.Moderation.Accounts;

namespace Signpost.Moderation.Console;

/// <summary>
/// Every console page acts as the person signed in, so <see cref="ModerationService"/> checks their
/// role and the audit trail names them, exactly as for an API key's holder.
/// </summary>
public sealed class ActAsSignedInModerator : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true
            && user.FindFirst(ModeratorClaimsFactory.DisplayNameClaim)?.Value is { } name
            && Enum.TryParse<ApiKeyRole>(user.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value, out var role))
        {
            var organization = Guid.TryParse(user.FindFirst(ModeratorClaimsFactory.OrganizationClaim)?.Value, out var id) ? id : (Guid?)null;
            context.HttpContext.RequestServices.GetRequiredService<Caller>().ActAs(new Actor(ModeratorAccount.AuditName(name, role), role, organization));
        }

        return next();
    }
}
