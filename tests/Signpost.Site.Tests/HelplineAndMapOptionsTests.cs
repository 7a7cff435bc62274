namespace Signpost.Site.Tests;

/// <summary>The helpline and map settings are checked before a build, each problem naming its option.</summary>
public sealed class HelplineAndMapOptionsTests
{
    [Fact]
    public void TheDefaultsHaveNoHelplineAndOpenStreetMapTiles()
    {
        var options = new SiteOptions();

        Assert.Empty(options.Validate());
        Assert.False(options.HasHelpline);
        Assert.Equal("https://tile.openstreetmap.org/{z}/{x}/{y}.png", options.MapTileUrl);
    }

    [Fact]
    public void AHelplineWithANameANumberAndHoursIsAccepted()
    {
        var options = new SiteOptions { HelplineName = "the Signpost helpline", HelplinePhone = "+44 (0)306 999-0123", HelplineHours = "Every day, 8am to 8pm" };

        Assert.Empty(options.Validate());
        Assert.True(options.HasHelpline);
    }

    [Theory]
    [InlineData("the Signpost helpline", null, null, "--helpline-name, --helpline-phone: give both")]
    [InlineData(null, "0306 999 0123", null, "--helpline-name, --helpline-phone: give both")]
    [InlineData(null, null, "Weekdays", "--helpline-hours: needs --helpline-name and --helpline-phone")]
    [InlineData("the Signpost helpline", "call us", null, "--helpline-phone: must be a phone number")]
    [InlineData("the Signpost helpline", "<script>", null, "--helpline-phone: must be a phone number")]
    public void AnIncompleteOrMalformedHelplineIsRefused(string? name, string? phone, string? hours, string problem)
    {
        var options = new SiteOptions { HelplineName = name, HelplinePhone = phone, HelplineHours = hours };

        Assert.Contains(options.Validate(), p => p.StartsWith(problem, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tile.openstreetmap.org/{z}/{x}/{y}.png")]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}.png")]
    [InlineData("javascript:alert(1)//{z}/{x}/{y}")]
    [InlineData("ftp://tiles.example.org/{z}/{x}/{y}.png")]
    public void ATileServerAddressThatIsNotHttpWithZxyIsRefused(string template)
    {
        var options = new SiteOptions { MapTileUrl = template };

        Assert.Contains(options.Validate(), p => p.StartsWith("--map-tile-url:", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutATileServerOrLeafletNoMapIsOffered()
    {
        Assert.Null(MapSettings.For(new SiteOptions { MapTileUrl = "" }, "/leaflet/dist"));
        Assert.Null(MapSettings.For(new SiteOptions(), null));
        Assert.Null(MapLibrary.Find(new SiteOptions { Leaflet = Path.Combine(Path.GetTempPath(), "no-leaflet-here") }));
        Assert.Equal(new MapSettings("https://tiles.example.org/{z}/{x}/{y}.png", "© Example", "Example Maps"),
            MapSettings.For(new SiteOptions { MapTileUrl = "https://tiles.example.org/{z}/{x}/{y}.png", MapAttribution = "© Example", MapProviderName = "Example Maps" }, "/leaflet/dist"));
    }
}
