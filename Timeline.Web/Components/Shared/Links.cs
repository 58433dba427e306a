using System.Globalization;

namespace Timeline.Web.Components.Shared;

/// <summary>The app's addresses, in one place so that pages and tests agree on them.</summary>
public static class Links
{
    public static string Event(int id) => Path("/events/", id);
    public static string Person(int id) => Path("/persons/", id);
    public static string Source(int id) => Path("/sources/", id);
    public static string TimelineOfPerson(int id) => Path("/timeline?personId=", id);
    public static string TimelineOfSource(int id) => Path("/timeline?source=", id);

    /// <summary>A path with the query parameters that have a value, in the order given.</summary>
    public static string WithQuery(string path, params (string Key, string? Value)[] parameters)
    {
        var pairs = parameters.Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        return pairs.Count == 0 ? path : path + "?" + string.Join('&', pairs);
    }

    /// <summary>
    /// A 1-based page number from the address. Read as text, because a typed-in "page=abc" bound to an int
    /// makes the framework throw; anything but a positive number means the first page.
    /// </summary>
    public static int PageNumber(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;

    /// <summary>Only web addresses become links; a stored "javascript:" or file URL must never be clickable.</summary>
    public static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Path(string prefix, int id) => prefix + id.ToString(CultureInfo.InvariantCulture);
}
