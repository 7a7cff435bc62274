using Signpost.Geo.Postcodes;

namespace Signpost.Tests;

public sealed class PostcodeTests
{
    [Theory]
    [InlineData("EX10 8XX", "EX10", "8XX")]
    [InlineData("ex108xx", "EX10", "8XX")]
    [InlineData(" ex10   8xx ", "EX10", "8XX")]
    [InlineData("M1 1AE", "M1", "1AE")]
    [InlineData("CR2 6XH", "CR2", "6XH")]
    [InlineData("EC1A 1BB", "EC1A", "1BB")]
    [InlineData("W1A 0AX", "W1A", "0AX")]
    [InlineData("EX10", "EX10", null)]
    public void AnyCommonFormParsesToTheCanonicalForm(string input, string outcode, string? incode)
    {
        Assert.True(Postcode.TryParse(input, out var postcode));
        Assert.Equal(outcode, postcode!.Outcode);
        Assert.Equal(incode, postcode.Incode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("EX10 8CI")]   // C and I never appear in the inward code
    [InlineData("10EX 8XX")]
    [InlineData("EX10 88X")]
    [InlineData("EXETER")]
    [InlineData("EX10 8XX; DROP TABLE")]
    [InlineData("<script>")]
    public void MalformedPostcodesAreRefused(string input)
    {
        Assert.False(Postcode.TryParse(input, out _));
    }

    [Fact]
    public async Task TheDistrictTableCoversEveryPostcodeInTheSeedData()
    {
        var seed = Path.Combine(AppContext.BaseDirectory, "data-seed");
        var lookup = new OutcodeCentroidLookup(Directory.GetFiles(Path.Combine(seed, "postcodes"), "*.csv"));
        var postcodes = Directory.GetFiles(Path.Combine(seed, "services"), "*.json")
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "\"postal_code\":\\s*\"([^\"]+)\"").Select(m => m.Groups[1].Value))
            .ToList();

        Assert.NotEmpty(postcodes);
        foreach (var text in postcodes)
        {
            Assert.True(Postcode.TryParse(text, out var postcode), text);
            Assert.NotNull(await lookup.FindAsync(postcode!, CancellationToken.None));
        }
    }
}
