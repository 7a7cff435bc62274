namespace Signpost.Services;

/// <summary>HSDS <c>cost_option</c>. A service is free when none of its options costs more than zero.</summary>
public sealed class CostOption
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? Option { get; set; }
    public string? Currency { get; set; }
    public decimal? Amount { get; set; }
    public string? AmountDescription { get; set; }
}
