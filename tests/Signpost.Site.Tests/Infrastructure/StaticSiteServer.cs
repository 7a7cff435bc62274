using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Signpost.Site.Hosting;

namespace Signpost.Site.Tests.Infrastructure;

/// <summary>The built site on a real loopback port, served by the site's own preview server, for the browser.</summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSiteServer(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public Uri Address { get; }

    /// <param name="api">Where /graphql is passed on to: the in-process API, so the site's forms reach it
    /// from the same origin, as they do when the site and API are served together.</param>
    public static async Task<StaticSiteServer> StartAsync(string folder, HttpClient api)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/graphql", async (HttpContext context) =>
        {
            using var forwarded = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StreamContent(context.Request.Body) };
            forwarded.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(context.Request.ContentType ?? "application/json");
            forwarded.Headers.TryAddWithoutValidation("Accept", context.Request.Headers.Accept.ToString());
            using var answer = await api.SendAsync(forwarded);
            context.Response.StatusCode = (int)answer.StatusCode;
            context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
            await answer.Content.CopyToAsync(context.Response.Body);
        });
        app.MapStaticSite(folder);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StaticSiteServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
