using System.Diagnostics;

namespace Signpost.Bench.Running;

/// <summary>A server under test in its own process on loopback, so its memory and start-up can be measured.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address, TimeSpan timeToFirstAnswer)
    {
        _process = process;
        Address = address;
        TimeToFirstAnswer = timeToFirstAnswer;
    }

    public Uri Address { get; }

    /// <summary>From starting the process to the first successful answer to <c>probe</c>.</summary>
    public TimeSpan TimeToFirstAnswer { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts <c>dotnet dll args</c> and waits (at most a minute) until <paramref name="probe"/> answers 200.</summary>
    public static async Task<ServerProcess> StartAsync(string dll, string arguments, Uri address, Func<HttpClient, Task<bool>> probe)
    {
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Run from the app's own folder, as a deployed app is: from the repository, the host's
            // configuration watcher walked every folder under it (site output, bench data) at start,
            // which added about 2 s to the time to first answer.
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll)),
        };
        start.Environment["DOTNET_gcServer"] = "1";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  [server] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with code {process.ExitCode}.");
            }

            try
            {
                if (await probe(http))
                {
                    return new ServerProcess(process, address, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(20);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"{Path.GetFileName(dll)} did not answer within a minute.");
    }

    /// <summary>Peak resident set size (VmHWM) so far, in MiB.</summary>
    public double PeakResidentMiB() => StatusMiB("VmHWM:");

    /// <summary>The process's own resident memory now (RssAnon: heap and stacks, not mapped file pages), in MiB.</summary>
    public double PrivateResidentMiB() => StatusMiB("RssAnon:");

    /// <summary>Resident set size now (VmRSS), in MiB.</summary>
    public double ResidentMiB() => StatusMiB("VmRSS:");

    private double StatusMiB(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
