using GraphQL.Types;

namespace Signpost.GraphQL.Types;

public sealed class ServiceStatusGraphType : EnumerationGraphType<ServiceStatus>
{
    public ServiceStatusGraphType()
    {
        Name = "ServiceStatus";
        Description = "Whether a service is running (HSDS service.status).";
        Values["ACTIVE"]!.Description = "The service is running.";
        Values["INACTIVE"]!.Description = "The service is not running at the moment and is not listed in search results.";
        Values["DEFUNCT"]!.Description = "The service has stopped for good.";
        Values["TEMPORARILY_CLOSED"]!.Description = "The service is paused for a while; it is listed, but never counts as open.";
    }
}
