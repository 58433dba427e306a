using System.Globalization;
using Microsoft.Extensions.Primitives;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Domain.Text;

namespace Timeline.Web.Filtering;

/// <summary>
/// The event filter as URL query parameters, both ways. The API reads it, and the pages keep their
/// filter in the address bar with it, so a filtered view is a link that survives reload and back/forward.
/// Errors name the parameter they concern.
/// </summary>
public static class FilterQuery
{
    public const int MaxTextLength = 200;

    public static readonly IReadOnlySet<string> FilterParameters =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "person", "personId", "from", "to", "kind", "status", "q", "source" };

    public static EventFilter Parse(IEnumerable<KeyValuePair<string, StringValues>> query, Dictionary<string, string[]> errors)
    {
        var q = query.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        var filter = new EventFilter
        {
            PersonNames = Values(q, "person").Where(v => Check(errors, "person", v.Length <= MaxTextLength, $"A person name is at most {MaxTextLength} characters.")).ToList(),
            PersonIds = Values(q, "personId").Select(v => Int(errors, "personId", v, 1, int.MaxValue)).OfType<int>().ToList(),
            FromYear = Single(q, "from", errors) is { } f ? Int(errors, "from", f, 1, 9999) : null,
            ToYear = Single(q, "to", errors) is { } t ? Int(errors, "to", t, 1, 9999) : null,
            Kinds = Values(q, "kind").Select(v => EnumValue<EventKind>(errors, "kind", v)).OfType<EventKind>().Distinct().ToList(),
            Statuses = Values(q, "status").Select(v => EnumValue<ClaimStatus>(errors, "status", v)).OfType<ClaimStatus>().Distinct().ToList(),
            Text = Single(q, "q", errors) is { Length: > 0 } text && Check(errors, "q", text.Length <= MaxTextLength, $"The search text is at most {MaxTextLength} characters.") ? text : null,
            SourceId = Single(q, "source", errors) is { } s ? Int(errors, "source", s, 1, int.MaxValue) : null,
        };
        if (filter.FromYear > filter.ToYear)
            Add(errors, "from", $"'from' ({filter.FromYear}) is after 'to' ({filter.ToYear}).");
        return filter;
    }

    /// <summary>The query-string pairs for a filter, in a stable order (so equal filters give equal links).</summary>
    public static IEnumerable<KeyValuePair<string, string>> ToPairs(EventFilter f)
    {
        foreach (var p in f.PersonIds) yield return new("personId", p.ToString(CultureInfo.InvariantCulture));
        foreach (var p in f.PersonNames) yield return new("person", p);
        if (f.FromYear is { } from) yield return new("from", from.ToString(CultureInfo.InvariantCulture));
        if (f.ToYear is { } to) yield return new("to", to.ToString(CultureInfo.InvariantCulture));
        if (f.Kinds.Count > 0) yield return new("kind", string.Join(',', f.Kinds.Select(k => k.ToKebab())));
        if (f.Statuses.Count > 0) yield return new("status", string.Join(',', f.Statuses.Select(k => k.ToKebab())));
        if (!string.IsNullOrWhiteSpace(f.Text)) yield return new("q", f.Text);
        if (f.SourceId is { } s) yield return new("source", s.ToString(CultureInfo.InvariantCulture));
    }

    public static string ToQueryString(EventFilter f, params (string Key, string? Value)[] extra)
    {
        var pairs = ToPairs(f).Concat(extra.Where(e => e.Value is not null).Select(e => new KeyValuePair<string, string>(e.Key, e.Value!)));
        var s = string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return s.Length == 0 ? "" : "?" + s;
    }

    // Repeated parameters and comma-separated lists are both accepted for list filters.
    internal static IEnumerable<string> Values(Dictionary<string, StringValues> q, string key) =>
        q.TryGetValue(key, out var v)
            ? v.SelectMany(s => key is "person" ? [s ?? ""] : (s ?? "").Split(',')).Select(s => s.Trim()).Where(s => s.Length > 0)
            : [];

    /// <summary>
    /// A parameter that takes one value. Given twice (<c>from=1929&amp;from=1930</c>) it is an error naming it: picking
    /// either value would answer a question the caller may not have asked.
    /// </summary>
    internal static string? Single(Dictionary<string, StringValues> q, string key, Dictionary<string, string[]> errors)
    {
        if (!q.TryGetValue(key, out var v) || v.Count == 0) return null;
        if (v.Count == 1) return v[0]?.Trim();
        Add(errors, key, $"'{key}' is given {v.Count} times; give it once.");
        return null;
    }

    internal static int? Int(Dictionary<string, string[]> errors, string key, string text, int min, int max)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        Add(errors, key, $"'{key}' must be a whole number from {min} to {max}; got {Excerpt.Quote(text)}.");
        return null;
    }

    internal static T? EnumValue<T>(Dictionary<string, string[]> errors, string key, string text) where T : struct, Enum
    {
        if (Kebab.TryParse<T>(text, out var v)) return v;
        Add(errors, key, $"{Excerpt.Quote(text)} is not a known {key}; use one of: {Kebab.Names<T>()}.");
        return null;
    }

    private static bool Check(Dictionary<string, string[]> errors, string key, bool ok, string message)
    {
        if (!ok) Add(errors, key, message);
        return ok;
    }

    internal static void Add(Dictionary<string, string[]> errors, string key, string message) =>
        errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
}
