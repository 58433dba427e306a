using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Timeline.Tests.Support;

/// <summary>Finds things in rendered pages the way a reader (or a screen reader) would: by headings, captions and link text.</summary>
public static partial class Markup
{
    /// <summary>Text as read: whitespace runs become one space.</summary>
    public static string Text(this INode node) => Spaces().Replace(node.TextContent, " ").Trim();

    /// <summary>The section (or article) labelled by the heading with this text.</summary>
    public static IElement Region(this IParentNode root, string heading)
    {
        var matches = root.QuerySelectorAll("[aria-labelledby]")
            .Where(e => e.Owner?.GetElementById(e.GetAttribute("aria-labelledby")!)?.Text() == heading).ToList();
        return matches.Count == 1 ? matches[0] : throw new InvalidOperationException($"{matches.Count} regions labelled '{heading}'.");
    }

    /// <summary>The table whose caption is or starts with this text.</summary>
    public static IElement Table(this IParentNode root, string caption)
    {
        var matches = root.QuerySelectorAll("table")
            .Where(t => t.QuerySelector("caption")?.Text().StartsWith(caption, StringComparison.Ordinal) == true).ToList();
        return matches.Count == 1 ? matches[0] : throw new InvalidOperationException($"{matches.Count} tables captioned '{caption}'.");
    }

    public static string[] ColumnHeaders(this IElement table) =>
        table.QuerySelectorAll("thead th[scope=col]").Select(h => h.Text()).ToArray();

    /// <summary>Each body row as the texts of its cells, row header first.</summary>
    public static string[][] Rows(this IElement table) =>
        table.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.Text()).ToArray()).ToArray();

    /// <summary>The one link with exactly this text.</summary>
    public static IElement Link(this IParentNode root, string text)
    {
        var matches = root.QuerySelectorAll("a[href]").Where(a => a.Text() == text).ToList();
        return matches.Count == 1 ? matches[0] : throw new InvalidOperationException($"{matches.Count} links named '{text}'.");
    }

    public static string Href(this IElement link) => link.GetAttribute("href") ?? "";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
