namespace Signpost.Tests.Infrastructure;

/// <summary>
/// The project's shared reference material (the official ORUK schemas and public test datasets),
/// which sits beside the repository as <c>../shared</c> on every machine and in CI; tests read it
/// where it is and never change it.
/// </summary>
public static class SharedMaterial
{
    public static string Path(params string[] parts)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine([RepositoryRoot(), "..", "shared", .. parts]));
        return File.Exists(path) || Directory.Exists(path) ? path : throw new InvalidOperationException($"The shared material is not at {path}.");
    }

    /// <summary>The folder holding Directory.sln, above the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Directory.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("No Directory.sln above " + AppContext.BaseDirectory);
    }
}
