namespace Signpost.Bench.Running;

/// <summary>Latency percentiles and throughput of one measured run.</summary>
public sealed record Latency(int Requests, int Errors, double P50Ms, double P95Ms, double P99Ms, double RequestsPerSecond)
{
    public static Latency From(List<double> millis, int errors, TimeSpan elapsed)
    {
        millis.Sort();
        double At(double p) => millis.Count == 0 ? double.NaN : millis[Math.Min(millis.Count - 1, (int)Math.Ceiling(p * millis.Count) - 1)];
        return new Latency(millis.Count, errors, At(0.50), At(0.95), At(0.99), millis.Count / elapsed.TotalSeconds);
    }
}
