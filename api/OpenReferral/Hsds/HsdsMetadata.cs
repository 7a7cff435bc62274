using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>HSDS 3.0 <c>metadata</c>: one recorded change to a resource's field.</summary>
public sealed record HsdsMetadata
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("resource_id")] public Guid? ResourceId { get; init; }
    [JsonPropertyName("resource_type")] public string? ResourceType { get; init; }
    [JsonPropertyName("last_action_date")] public DateOnly? LastActionDate { get; init; }
    [JsonPropertyName("last_action_type")] public string? LastActionType { get; init; }
    [JsonPropertyName("field_name")] public string? FieldName { get; init; }
    [JsonPropertyName("previous_value")] public string? PreviousValue { get; init; }
    [JsonPropertyName("replacement_value")] public string? ReplacementValue { get; init; }
    [JsonPropertyName("updated_by")] public string? UpdatedBy { get; init; }
}
