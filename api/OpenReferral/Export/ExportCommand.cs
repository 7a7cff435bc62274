using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.OpenReferral.Hsds;

namespace Signpost.OpenReferral.Export;

/// <summary>
/// <c>export --format json|ndjson|datapackage --out PATH [--force]</c>: the whole public directory
/// as fully nested HSDS 3.0 services, sorted by id, with the feed's mapping. <c>json</c> is one
/// JSON array (one service a line inside it); <c>ndjson</c> one service a line; <c>datapackage</c>
/// a folder holding an HSDS 3.0 Tabular Data Package (<see cref="DatapackageExport"/>). The same
/// data always gives the same bytes. The output is written beside the target and renamed into
/// place when complete.
/// </summary>
public static class ExportCommand
{
    private const int BatchSize = 100;
    private const string Usage = "usage: export --format json|ndjson|datapackage --out PATH [--force]";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? format = null, target = null;
        var force = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--format" when i + 1 < args.Count: format = args[++i]; break;
                case "--out" when i + 1 < args.Count: target = args[++i]; break;
                case "--force": force = true; break;
                default:
                    await error.WriteLineAsync($"export: unexpected '{args[i]}'. {Usage}");
                    return 2;
            }
        }

        if (format is not ("json" or "ndjson" or "datapackage") || target is null)
        {
            await error.WriteLineAsync($"export: {(target is null ? "--out is required" : "--format must be json, ndjson or datapackage")}. {Usage}");
            return 2;
        }

        var path = Path.GetFullPath(target.TrimEnd('/', Path.DirectorySeparatorChar));
        if ((File.Exists(path) || Directory.Exists(path)) && !force)
        {
            await error.WriteLineAsync($"export: {path} exists; use --force to replace it.");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<HsdsLoader>();
        if (format == "datapackage")
        {
            return await ExportPackageAsync(loader, scope.ServiceProvider.GetRequiredService<DirectoryDbContext>(), path, output);
        }

        if (Directory.Exists(path))
        {
            await error.WriteLineAsync($"export: {path} is a folder; --format {format} writes a file.");
            return 1;
        }
        var partial = path + ".partial";
        var count = 0;
        await using (var file = File.Create(partial))
        {
            var json = format == "json";
            await file.WriteAsync(json ? "[\n"u8.ToArray() : []);
            await foreach (var service in AllAsync(loader, CancellationToken.None))
            {
                if (json && count > 0)
                {
                    await file.WriteAsync(",\n"u8.ToArray());
                }

                await file.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(service, HsdsJson.Options));
                if (!json)
                {
                    await file.WriteAsync("\n"u8.ToArray());
                }

                count++;
            }

            await file.WriteAsync(json ? (count > 0 ? "\n]\n"u8.ToArray() : "]\n"u8.ToArray()) : []);
        }

        File.Move(partial, path, overwrite: true);
        await output.WriteLineAsync($"Exported {count} services as HSDS 3.0 {format} to {path}.");
        return 0;
    }

    /// <summary>Writes the package into a folder beside the target, then swaps it into place.</summary>
    private static async Task<int> ExportPackageAsync(HsdsLoader loader, DirectoryDbContext db, string path, TextWriter output)
    {
        var partial = path + ".partial";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true); // left by an export that was stopped
        }

        Directory.CreateDirectory(partial);
        var (count, rows) = await DatapackageExport.WriteAsync(loader, db, partial, CancellationToken.None);

        var replaced = path + ".replaced";
        if (Directory.Exists(replaced))
        {
            Directory.Delete(replaced, recursive: true);
        }

        if (File.Exists(path))
        {
            File.Delete(path);
        }
        else if (Directory.Exists(path))
        {
            Directory.Move(path, replaced);
        }

        Directory.Move(partial, path);
        if (Directory.Exists(replaced))
        {
            Directory.Delete(replaced, recursive: true);
        }

        await output.WriteLineAsync($"Exported {count} services ({rows} rows) as an HSDS 3.0 tabular data package to {path}.");
        return 0;
    }

    /// <summary>
    /// Every listed service by id, a batch at a time. The ids are read once, in one pass of the
    /// index (16 bytes each: 16 MB at a million services); paging them with OFFSET walked the index
    /// from the start for every batch, 0.38 s a batch deep into 100,000 services, most of the export.
    /// </summary>
    public static async IAsyncEnumerable<HsdsService> AllAsync(HsdsLoader loader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = await loader.ListedServices.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var batch in ids.Chunk(BatchSize))
        {
            foreach (var service in await loader.ServicesAsync(batch, minimal: false, cancellationToken))
            {
                yield return service;
            }
        }
    }
}
