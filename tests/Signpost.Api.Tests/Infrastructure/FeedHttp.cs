using System.Net;
using System.Text.Json.Nodes;

namespace Signpost.Tests.Infrastructure;

/// <summary>Reading the ORUK feed in tests: every 200 answer is checked for the CORS header and for nulls.</summary>
public static class FeedHttp
{
    /// <summary>The body of a 200 answer, checked to hold no <c>null</c> anywhere.</summary>
    public static async Task<JsonNode?> GetFeedAsync(this HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var body = JsonNode.Parse(text);
        FeedAssert.HasNoNulls(body, url);
        return body;
    }

    /// <summary>The records of an ndjson answer, each checked to hold no <c>null</c>.</summary>
    public static async Task<List<JsonNode?>> GetFeedLinesAsync(this HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)).ToList();
        Assert.All(lines, line => FeedAssert.HasNoNulls(line, url));
        return lines;
    }

    /// <summary>A 400 answer, whose error names <paramref name="parameter"/>; returns the whole message.</summary>
    public static async Task<string> GetFeedErrorAsync(this HttpClient http, string url, string parameter)
    {
        var response = await http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {text}");
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var error = JsonNode.Parse(text)!["error"]!.GetValue<string>();
        Assert.StartsWith($"{parameter}: ", error);
        return error;
    }
}
