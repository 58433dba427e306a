namespace Timeline.Web.Components.Pages.Browse;

/// <summary>The table's columns, by the key the address names them with (<c>cols=date,title</c>) and their heading.</summary>
public static class TableColumns
{
    public static readonly IReadOnlyList<(string Key, string Title)> All =
    [
        ("date", "Date"), ("kind", "Kind"), ("title", "Title"), ("status", "Claim"), ("people", "People"),
        ("place", "Place"), ("sources", "Sources"), ("summary", "Summary"),
    ];

    public static readonly IReadOnlyList<string> Default = ["date", "kind", "title", "status", "people", "sources"];

    /// <summary>The columns an address asks for that exist, in the table's order; the defaults when it names none.</summary>
    public static IReadOnlyList<string> Shown(IReadOnlyList<string>? asked)
    {
        var known = All.Select(c => c.Key).Where(k => asked?.Contains(k, StringComparer.OrdinalIgnoreCase) == true).ToList();
        return known.Count == 0 ? Default : known;
    }

    /// <summary>The value of <c>cols</c> for a choice: none for the defaults, so default links stay bare.</summary>
    public static IReadOnlyList<string>? ToState(IReadOnlyList<string> shown) => shown.SequenceEqual(Default) ? null : shown;
}
