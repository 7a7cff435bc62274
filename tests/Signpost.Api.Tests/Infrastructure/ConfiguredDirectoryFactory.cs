using Microsoft.AspNetCore.Hosting;

namespace Signpost.Tests.Infrastructure;

/// <summary>
/// A directory API of its own with some settings changed, e.g.
/// <c>new ConfiguredDirectoryFactory { ["Database:SeedOnStartup"] = "false" }</c>.
/// </summary>
public class ConfiguredDirectoryFactory : DirectoryApiFactory
{
    private readonly Dictionary<string, string> _settings = [];

    public string this[string key]
    {
        get => _settings[key];
        set => _settings[key] = value;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
