namespace Signpost.Data;

/// <summary>Column length limits, shared by the schema and by input validation.</summary>
public static class TextLimits
{
    public const int Code = 64;
    public const int Phone = 32;
    public const int Email = 254;
    public const int Url = 2048;
    public const int Name = 200;
    public const int Short = 1000;
    public const int Description = 10_000;
}
