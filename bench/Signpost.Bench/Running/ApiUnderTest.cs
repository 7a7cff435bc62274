namespace Signpost.Bench.Running;

/// <summary>The Release build of the API, started on loopback against a database file with extra settings.</summary>
internal static class ApiUnderTest
{
    public static string Dll => Path.Combine(RunCommand.RepositoryRoot(), "api", "bin", "Release", "net10.0", "Signpost.Api.dll");

    /// <summary>False (with the reason on the console) when the API has not been built in Release.</summary>
    public static bool IsBuilt()
    {
        if (File.Exists(Dll))
        {
            return true;
        }

        Console.Error.WriteLine($"Build the API first: dotnet build -c Release Directory.sln ({Dll} is missing).");
        return false;
    }

    /// <summary>
    /// Starts the API on <paramref name="address"/> and waits until it answers a query. Review
    /// reminders are off: a generated directory's listings would all be due, and a run measures search.
    /// </summary>
    /// <param name="settings">Configuration on the command line, e.g. <c>--GraphQL:RequestTimeout=00:00:02</c>.</param>
    public static Task<ServerProcess> StartAsync(string databasePath, Uri address, params string[] settings) =>
        ServerProcess.StartAsync(Dll,
            $"--urls {address} --Database:ConnectionString=\"Data Source={Path.GetFullPath(databasePath)}\" --Database:SeedOnStartup=false --Reminders:SendOnSchedule=false --Logging:LogLevel:Default=Warning {string.Join(' ', settings)}",
            address,
            async http => (await http.GetAsync("/graphql?query=%7B__typename%7D")).IsSuccessStatusCode);
}
