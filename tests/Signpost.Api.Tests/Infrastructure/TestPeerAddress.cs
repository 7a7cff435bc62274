using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Signpost.Tests.Infrastructure;

/// <summary>
/// Gives a request the connection address named in its <c>X-Test-Peer</c> header, as Kestrel gives it
/// the socket's: the test server leaves the address empty, and the forwarded-headers tests need to
/// say whether a request comes from a trusted proxy. Runs before the app's own middleware.
/// </summary>
public sealed class TestPeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
