using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Signpost.Data;

namespace Signpost.Operations;

/// <summary>
/// Probes for whatever runs the API (a load balancer, systemd, Kubernetes): <c>/health/live</c>
/// says the process answers HTTP and checks nothing else, so a database outage never gets a
/// healthy process restarted; <c>/health/ready</c> also asks the database a question, so traffic
/// goes elsewhere while it cannot answer. 200 "Healthy" or 503 "Unhealthy", never cached.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    private const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddDirectoryHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<DirectoryDbContext>(
                "database",
                HealthStatus.Unhealthy,
                [ReadyTag],
                // A real read: EF's default only checks that a SQLite file exists.
                customTestQuery: async (db, cancellationToken) =>
                {
                    _ = await db.Services.AnyAsync(cancellationToken);
                    return true;
                });
        return builder;
    }

    public static IEndpointRouteBuilder MapDirectoryHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        // Outside /graphql, so no query cost or read budget ever applies to a probe.
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
