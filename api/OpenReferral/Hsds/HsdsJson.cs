using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace Signpost.OpenReferral.Hsds;

/// <summary>
/// The one way Signpost writes and reads HSDS JSON: the feed, the export and the importer share it,
/// so the same data always gives the same bytes.
/// </summary>
public static class HsdsJson
{
    /// <summary>
    /// Omits nulls (the ORUK schemas have no <c>null</c> type, so the validator fails them), writes
    /// UUIDs in lowercase, date-times in UTC with <c>Z</c> and dates as <c>yyyy-MM-dd</c>. Reading
    /// accepts numbers written as strings and ignores fields it does not know; anything of the
    /// wrong type is a <see cref="JsonException"/> with its path.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create(writeIndented: false);

    /// <summary>The same, indented, for files people read.</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = Create(writeIndented: true);

    private static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            // Readable UTF-8 for every language; HTML-sensitive characters are still escaped.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            WriteIndented = writeIndented,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Converters = { new DateOnlyConverter(), new DateTimeOffsetConverter() },
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Writes <c>yyyy-MM-dd</c>. Reads that, or the date of an ISO 8601 date-time, since HSDS
    /// declares these fields as plain strings and publishers write both.
    /// </summary>
    private sealed class DateOnlyConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is not null)
            {
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date;
                }

                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dateTime))
                {
                    return DateOnly.FromDateTime(dateTime.DateTime);
                }
            }

            throw new JsonException("Expected a date (yyyy-MM-dd).");
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Writes ISO 8601 in UTC with <c>Z</c>: the schemas' <c>date-time</c> needs a zone.</summary>
    private sealed class DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value))
            {
                return value;
            }

            throw new JsonException("Expected a date-time (ISO 8601, e.g. 2026-11-24T10:30:00Z).");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
