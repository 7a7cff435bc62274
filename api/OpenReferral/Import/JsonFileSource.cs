using System.Text.Json;

namespace Signpost.OpenReferral.Import;

/// <summary>A file of HSDS 3.0 JSON, or a folder of them (read in name order).</summary>
public sealed class JsonFileSource(string path, long maxFileBytes)
{
    public async IAsyncEnumerable<SourceRecord> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.json").Where(f => !IsOtherObject(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToArray()
            : [path];
        if (files.Length == 0)
        {
            throw new ImportSourceException($"{path}: the folder has no .json files");
        }

        var index = 0;
        foreach (var file in files)
        {
            using var document = await ParseAsync(file, cancellationToken);
            foreach (var element in HsdsRecords.Services(document.RootElement, file))
            {
                yield return HsdsRecords.Read(element, $"{Path.GetFileName(file)}: services[{index++}]");
            }
        }
    }

    /// <summary>
    /// In a folder, files named for other HSDS objects (as the HSDS examples and ORUK mocks name
    /// them) hold no services and are left alone.
    /// </summary>
    private static bool IsOtherObject(string name) =>
        new[] { "organization", "taxonomy", "service_at_location", "location", "api_details", "base", "tabular", "datapackage" }
            .Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private async Task<JsonDocument> ParseAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            if (new FileInfo(file).Length > maxFileBytes)
            {
                throw new ImportSourceException($"{file}: larger than {maxFileBytes:N0} bytes (OpenReferralImport:MaxResponseBytes)");
            }

            await using var stream = File.OpenRead(file);
            return await JsonDocument.ParseAsync(stream, default, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportSourceException($"{file}: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new ImportSourceException($"{file}: not valid JSON ({e.Message})", e);
        }
    }
}
