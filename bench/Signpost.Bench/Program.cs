// Signpost benchmarks: generate a synthetic national directory, then measure search, the
// Open Referral UK feed and the export over HTTP and as commands.
// See bench/README.md for the method and the commands.
using Signpost.Bench.Generation;
using Signpost.Bench.Running;

return args switch
{
    ["generate", .. var rest] => await GenerateCommand.RunAsync(
        Option(rest, "--db") ?? "bench/data/directory.db",
        int.Parse(Option(rest, "--services") ?? "10000", System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Option(rest, "--seed") ?? "2026", System.Globalization.CultureInfo.InvariantCulture)),
    ["run", .. var rest] => await RunCommand.RunAsync(
        Option(rest, "--db") ?? "bench/data/directory.db",
        Option(rest, "--label") ?? "directory",
        int.Parse(Option(rest, "--requests") ?? "1000", System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Option(rest, "--seconds") ?? "10", System.Globalization.CultureInfo.InvariantCulture)),
    ["plain-server", .. var rest] => await PlainSearchServer.RunAsync(rest),
    ["site", .. var rest] => await SiteBuildCommand.RunAsync(
        Option(rest, "--db") ?? "bench/data/directory.db",
        Option(rest, "--label") ?? "directory"),
    ["hostile", .. var rest] => await HostileCommand.RunAsync(
        Option(rest, "--db") ?? "bench/data/directory.db",
        Option(rest, "--label") ?? "directory",
        int.Parse(Option(rest, "--repeat") ?? "20", System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Option(rest, "--memory-rounds") ?? "2", System.Globalization.CultureInfo.InvariantCulture)),
    ["soak", .. var rest] => await SoakCommand.RunAsync(
        Option(rest, "--db") ?? "bench/data/directory.db",
        Option(rest, "--label") ?? "directory",
        int.Parse(Option(rest, "--seconds") ?? "60", System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Option(rest, "--clients") ?? "32", System.Globalization.CultureInfo.InvariantCulture)),
    ["feed", .. var rest] => await FeedCommand.RunAsync(
        Option(rest, "--db") ?? "bench/data/directory.db",
        Option(rest, "--label") ?? "directory",
        int.Parse(Option(rest, "--requests") ?? "300", System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Option(rest, "--seconds") ?? "5", System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static string? Option(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          dotnet run -c Release --project bench/Signpost.Bench -- generate --services N [--seed S] [--db PATH]
          dotnet run -c Release --project bench/Signpost.Bench -- run --db PATH --label NAME [--requests N] [--seconds S]
          dotnet run -c Release --project bench/Signpost.Bench -- site --db PATH --label NAME
          dotnet run -c Release --project bench/Signpost.Bench -- hostile --db PATH --label NAME [--repeat N] [--memory-rounds R]
          dotnet run -c Release --project bench/Signpost.Bench -- soak --db PATH --label NAME [--seconds S] [--clients N]
          dotnet run -c Release --project bench/Signpost.Bench -- feed --db PATH --label NAME [--requests N] [--seconds S]
        """);
    return 2;
}
