namespace Signpost.Bench.Running;

/// <summary>Time to answer a series of requests: median, 95th percentile and the slowest, in milliseconds.</summary>
public sealed record AnswerTimes(int Count, double P50Ms, double P95Ms, double MaxMs)
{
    public static AnswerTimes From(IEnumerable<double> millis)
    {
        var sorted = millis.Order().ToList();
        double At(double p) => sorted.Count == 0 ? double.NaN : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 2);
        return new AnswerTimes(sorted.Count, At(0.50), At(0.95), sorted.Count == 0 ? double.NaN : Math.Round(sorted[^1], 2));
    }

    public override string ToString() => $"{P50Ms:N1} / {P95Ms:N1} / {MaxMs:N1}";
}
