using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Timeline.Tests.Support;

/// <summary>
/// Finds things in rendered pages the way a reader (or a screen reader) would: by headings, captions and link text.
/// A rendered page is a list of nodes (bUnit's <c>cut.Nodes</c>); a part of it is an element.
/// </summary>
public static partial class Markup
{
    /// <summary>Text as read: whitespace runs become one space.</summary>
    public static string Read(this INode node) => Spaces().Replace(node.TextContent, " ").Trim();

    /// <summary>The section (or article) labelled by the heading with this text.</summary>
    public static IElement Region(this INodeList page, string heading) =>
        One(page.QuerySelectorAll("[aria-labelledby]")
            .Where(e => page.QuerySelector($"[id='{e.GetAttribute("aria-labelledby")}']")?.Read() == heading), $"regions labelled '{heading}'");

    /// <summary>The table whose caption is or starts with this text.</summary>
    public static IElement Table(this IElement root, string caption) =>
        One(root.QuerySelectorAll("table")
            .Where(t => t.QuerySelector("caption")?.Read().StartsWith(caption, StringComparison.Ordinal) == true), $"tables captioned '{caption}'");

    public static string[] ColumnHeaders(this IElement table) =>
        table.QuerySelectorAll("thead th[scope=col]").Select(h => h.Read()).ToArray();

    /// <summary>Each body row as the texts of its cells, row header first.</summary>
    public static string[][] Rows(this IElement table) =>
        table.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.Read()).ToArray()).ToArray();

    /// <summary>The one link with exactly this text.</summary>
    public static IElement Link(this IElement root, string text) => Link(root.QuerySelectorAll("a[href]"), text);

    public static IElement Link(this INodeList page, string text) => Link(page.QuerySelectorAll("a[href]"), text);

    /// <summary>The control a label with exactly this text is for, or the one named so by aria-label.</summary>
    public static IElement Field(this INodeList page, string label)
    {
        var ids = page.QuerySelectorAll("label[for]").Where(l => l.Read() == label).Select(l => l.GetAttribute("for")).ToList();
        return One(page.QuerySelectorAll("input, select, textarea")
            .Where(e => (e.Id is not null && ids.Contains(e.Id)) || e.GetAttribute("aria-label") == label), $"fields labelled '{label}'");
    }

    /// <summary>The one button with exactly this text or accessible name.</summary>
    public static IElement Button(this INodeList page, string name) =>
        One(page.QuerySelectorAll("button").Where(b => b.Read() == name || b.GetAttribute("aria-label") == name), $"buttons named '{name}'");

    /// <summary>The text of the form field that holds this control (label, hints and messages), as a reader sees it beside the control.</summary>
    public static string FieldText(this IElement control) =>
        (control.Closest(".tl-field") ?? throw new InvalidOperationException($"#{control.Id} is not in a form field.")).Read();

    public static string Href(this IElement link) => link.GetAttribute("href") ?? "";

    private static IElement Link(IEnumerable<IElement> links, string text) => One(links.Where(a => a.Read() == text), $"links named '{text}'");

    private static IElement One(IEnumerable<IElement> matches, string what)
    {
        var list = matches.ToList();
        return list.Count == 1 ? list[0] : throw new InvalidOperationException($"{list.Count} {what}.");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
