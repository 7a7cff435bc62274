using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>HSDS 3.0 <c>cost_option</c> of a service.</summary>
public sealed record HsdsCostOption
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("service_id")] public Guid? ServiceId { get; init; }
    [JsonPropertyName("valid_from")] public DateOnly? ValidFrom { get; init; }
    [JsonPropertyName("valid_to")] public DateOnly? ValidTo { get; init; }
    [JsonPropertyName("option")] public string? Option { get; init; }
    /// <summary>ISO 4217 code, e.g. <c>GBP</c>.</summary>
    [JsonPropertyName("currency")] public string? Currency { get; init; }
    [JsonPropertyName("amount")] public decimal? Amount { get; init; }
    [JsonPropertyName("amount_description")] public string? AmountDescription { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}
