using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Signpost.OpenReferral.Import;

/// <summary>
/// Turns imported text that may hold HTML into plain text: Signpost stores and serves text, never
/// markup, so a publisher's <c>&lt;b&gt;</c> or <c>&lt;script&gt;</c> can never reach a page as
/// markup. Parsed by a real HTML parser (AngleSharp), as browsers would read it; scripts, styles
/// and other non-text content are dropped; paragraphs and line breaks are kept as blank lines and
/// new lines.
/// </summary>
public static partial class PlainText
{
    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math", "head", "title", "select", "button",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "address", "hr",
    };

    /// <summary>The text, or null when nothing but markup and white space is left.</summary>
    public static string? From(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // Most text has no markup at all: keep it exactly (line breaks too), but trimmed.
        if (!value.Contains('<', StringComparison.Ordinal))
        {
            return value.Trim();
        }

        var document = Parser.ParseDocument("");
        var body = document.Body!;
        body.InnerHtml = value;
        var text = new StringBuilder();
        Write(body, text);
        var result = BlankLines().Replace(SpacesAroundNewLines().Replace(text.ToString(), "\n"), "\n\n").Trim();
        return result.Length == 0 ? null : result;
    }

    private static void Write(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(Spaces().Replace(t.Data, " "));
                    break;
                case IElement e when Dropped.Contains(e.LocalName):
                    break;
                case IElement e when e.LocalName == "br":
                    text.Append('\n');
                    break;
                case IElement e when Blocks.Contains(e.LocalName):
                    text.Append(e.LocalName is "li" or "tr" or "dt" or "dd" ? "\n" : "\n\n");
                    Write(e, text);
                    text.Append(e.LocalName is "li" or "tr" or "dt" or "dd" ? "\n" : "\n\n");
                    break;
                case IElement e when e.LocalName is "td" or "th":
                    Write(e, text);
                    text.Append(' ');
                    break;
                case IElement e:
                    Write(e, text);
                    break;
            }
        }
    }

    // In HTML a line break in the source is just a space; <br> and blocks make the real ones.
    [GeneratedRegex(@"[ \t\r\n\f\v\u00A0]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[ ]*\n[ ]*")]
    private static partial Regex SpacesAroundNewLines();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
