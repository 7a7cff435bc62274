using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Signpost.GraphQL.Types;

/// <summary>
/// ISO 8601 date and time. Input with an offset or <c>Z</c> is an instant; input without one
/// is UK local wall-clock time (what a resident means by "Tuesday at 10"). Output is UTC.
/// </summary>
public sealed class DateTimeScalar : ScalarGraphType
{
    public DateTimeScalar()
    {
        Name = "DateTime";
        Description = "An ISO 8601 date and time, e.g. \"2026-11-24T10:30:00Z\". Input without an offset is taken as UK local time; output is always UTC.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => Parse((string)s.Value),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s => Parse(s),
        DateTime d => d,
        DateTimeOffset o => o.UtcDateTime,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    private static DateTime Parse(string text) =>
        // RoundtripKind keeps "no offset" as Unspecified, which UkLocalTime reads as UK local.
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) && text.Contains('T')
            ? parsed
            : throw new FormatException($"'{text}' is not an ISO 8601 date and time such as 2026-11-24T10:30:00Z.");
}
