using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Signpost.Data;
using Signpost.Moderation.Accounts;
using Signpost.Providers;

namespace Signpost.Moderation.Console;

/// <summary>
/// The moderation console at <c>/moderate</c>: server-rendered Razor Pages for the people who run
/// the directory, signed in with ASP.NET Core Identity on the directory's own database. It acts
/// through the same <see cref="ModerationService"/> and audit trail as the GraphQL mutations.
/// </summary>
public static class ConsoleServiceCollectionExtensions
{
    public const string Path = "/moderate";
    public const string ModeratorPolicy = "Moderator";
    public const string ProviderPolicy = "Provider";
    public const string SignedInPolicy = "SignedIn";

    /// <summary>Managing people's accounts is for admins only.</summary>
    public const string AdminPolicy = "Admin";

    /// <summary>Repeated wrong passwords lock an account for a while: 5 tries, then 15 minutes.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>Long passwords over symbol rules: 12 characters with a capital, a small letter and a number.</summary>
    public const int MinPasswordLength = 12;

    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public static IHostApplicationBuilder AddModerationConsole(this IHostApplicationBuilder builder)
    {
        // Over HTTPS only (Secure cookies), except when developing on this machine over plain HTTP.
        var secure = builder.Configuration.GetValue("Console:RequireHttps", !builder.Environment.IsDevelopment())
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;

        builder.Services.AddIdentityCore<ModeratorAccount>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = MinPasswordLength;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutTime;
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddUserStore<ModeratorAccountStore>()
            .AddClaimsPrincipalFactory<ModeratorClaimsFactory>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Between the password and the second factor, and for "remember this device" (never offered),
        // Identity keeps cookies of its own: they get the same flags as the console's own cookie.
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies(cookies =>
        {
            cookies.TwoFactorUserIdCookie!.Configure(o => ConsoleOnly(o.Cookie, "signpost-moderate-2fa", secure));
            cookies.TwoFactorRememberMeCookie!.Configure(o => ConsoleOnly(o.Cookie, "signpost-moderate-device", secure));
        });
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            ConsoleOnly(cookie.Cookie, "signpost-moderate", secure);
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = Path + "/sign-in";
            cookie.LogoutPath = Path + "/sign-out";
            cookie.AccessDeniedPath = Path + "/denied";
        });

        // A disabled or changed account is signed out within a minute, not at the cookie's end.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        // Emailed password links (a provider's first, anyone's forgotten) work for this long, and once.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = ProviderAccounts.LinkLifetime);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SignedInPolicy, policy => policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .AddPolicy(ModeratorPolicy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireRole(nameof(ApiKeyRole.Moderator), nameof(ApiKeyRole.Admin)))
            .AddPolicy(ProviderPolicy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireRole(nameof(ApiKeyRole.Provider)))
            .AddPolicy(AdminPolicy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireRole(nameof(ApiKeyRole.Admin)));

        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "signpost-moderate-form";
            options.Cookie.Path = Path;
            options.Cookie.SecurePolicy = secure;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        // Named, so the pages are found whichever app hosts the API (the site's one-command run too).
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Moderation/Console/Pages";
            // Everyone signed in reaches the start page (a provider is sent on to their listings);
            // the queue and listings are for moderators, "your listings" for providers.
            options.Conventions.AuthorizeFolder("/", SignedInPolicy);
            options.Conventions.AuthorizeFolder("/Submissions", ModeratorPolicy);
            options.Conventions.AuthorizeFolder("/Listings", ModeratorPolicy);
            options.Conventions.AuthorizeFolder("/Provider", ProviderPolicy);
            options.Conventions.AuthorizeFolder("/Accounts", AdminPolicy);
            options.Conventions.AllowAnonymousToPage("/SignIn");
            options.Conventions.AllowAnonymousToPage("/SignInCode");
            options.Conventions.AllowAnonymousToPage("/SetPassword");
            options.Conventions.AllowAnonymousToPage("/ForgotPassword");
            options.Conventions.ConfigureFilter(new ActAsSignedInModerator());
        }).AddApplicationPart(typeof(ConsoleServiceCollectionExtensions).Assembly);

        builder.Services.AddScoped<ModeratorAccounts>();
        builder.Services.AddSingleton<SignInLimiter>();
        builder.Services.AddScoped<ProviderAccounts>();
        builder.Services.AddMemoryCache();
        return builder;
    }

    private const string NotFoundPage = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
        <title>Not found – Signpost moderation</title><link rel="stylesheet" href="/moderate/console.css"></head>
        <body><header class="masthead"><p class="brand">Signpost moderation</p></header>
        <main id="main"><h1>There is nothing here</h1>
        <p>The page may have moved, or the listing may not be one your account looks after.</p>
        <p><a href="/moderate">Go to your start page</a></p></main></body>
        </html>
        """;

    /// <summary>HttpOnly, SameSite=Strict, Secure as configured, and sent only to the console.</summary>
    private static void ConsoleOnly(CookieBuilder cookie, string name, CookieSecurePolicy secure)
    {
        cookie.Name = name;
        cookie.Path = Path;
        cookie.HttpOnly = true;
        cookie.SecurePolicy = secure;
        cookie.SameSite = SameSiteMode.Strict;
    }

    public static WebApplication MapModerationConsole(this WebApplication app)
    {
        var httpsOnly = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>()
            .CurrentValue.Cookie.SecurePolicy == CookieSecurePolicy.Always;
        var limiter = app.Services.GetRequiredService<SignInLimiter>();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), console => console.Use(async (context, next) =>
        {
            if (httpsOnly && !context.Request.IsHttps)
            {
                // Its cookies are Secure: over plain HTTP nobody could stay signed in. Say so rather than fail.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("The moderation console works only over HTTPS. Open it with https://, or set Console:RequireHttps to false on a machine of your own.");
                return;
            }

            if (!limiter.Allows(context))
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "60";
                await context.Response.WriteAsync("Too many tries from your connection. Wait a minute, then try again.");
                return;
            }

            // No scripts at all, styles from this host only, forms only to this host, never framed.
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            await next(context);

            // A listing that is not there, or not this person's: a page that says so, not a browser error.
            if (context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted && string.IsNullOrEmpty(context.Response.ContentType))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(NotFoundPage);
            }
        }));
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        return app;
    }
}
