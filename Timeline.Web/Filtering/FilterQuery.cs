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

    public static readonly QueryParameter Person = QueryParameter.Text("person",
        "A person's name or one of its variants, ignoring case, diacritics and script (Miasnikov, myasnikov and Мясников are one man). " +
        "Repeat it for the events of any of several persons (names may contain commas, so they are not split).",
        MaxTextLength, Repetition.Repeat);

    public static readonly QueryParameter PersonId = QueryParameter.WholeNumber("personId",
        "A person id: the events that person takes part in; several ids mean any of them.", 1, int.MaxValue, repetition: Repetition.RepeatOrComma);

    public static readonly QueryParameter From = QueryParameter.WholeNumber("from",
        "First year. An event matches when the days its date can mean reach into the years from 'from' to 'to'.", 1, 9999);

    public static readonly QueryParameter To = QueryParameter.WholeNumber("to", "Last year (inclusive); not before 'from'.", 1, 9999);

    public static readonly QueryParameter Kind = QueryParameter.Choice<EventKind>("kind",
        "Kinds of event; several mean any of them.", Repetition.RepeatOrComma);

    public static readonly QueryParameter Status = QueryParameter.Choice<ClaimStatus>("status",
        "Claim status: a stated fact, an attributed claim (testimony, confession, allegation) or a disputed one; several mean any of them.",
        Repetition.RepeatOrComma);

    public static readonly QueryParameter Text = QueryParameter.Text("q",
        "Full-text search over titles, summaries, person names and source titles: every word must match (as a prefix); \"quoted phrases\" stay together.",
        MaxTextLength);

    public static readonly QueryParameter Source = QueryParameter.WholeNumber("source", "A source id: only the events it evidences.", 1, int.MaxValue);

    /// <summary>The filter's parameters: what the API's event list and the exports accept besides paging and order.</summary>
    public static readonly IReadOnlyList<QueryParameter> Parameters = [Person, PersonId, From, To, Kind, Status, Text, Source];

    public static EventFilter Parse(IEnumerable<KeyValuePair<string, StringValues>> query, Dictionary<string, string[]> errors)
    {
        var q = query.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        var filter = new EventFilter
        {
            PersonNames = Values(q, Person).Select(v => Person.Checked(errors, v)).OfType<string>().ToList(),
            PersonIds = Values(q, PersonId).Select(v => PersonId.Number(errors, v)).OfType<int>().ToList(),
            FromYear = Single(q, From, errors) is { } f ? From.Number(errors, f) : null,
            ToYear = Single(q, To, errors) is { } t ? To.Number(errors, t) : null,
            Kinds = Values(q, Kind).Select(v => Kind.EnumValue<EventKind>(errors, v)).OfType<EventKind>().Distinct().ToList(),
            Statuses = Values(q, Status).Select(v => Status.EnumValue<ClaimStatus>(errors, v)).OfType<ClaimStatus>().Distinct().ToList(),
            Text = Single(q, Text, errors) is { Length: > 0 } text ? Text.Checked(errors, text) : null,
            SourceId = Single(q, Source, errors) is { } s ? Source.Number(errors, s) : null,
        };
        if (filter.FromYear > filter.ToYear)
            Add(errors, From.Name, Reversed(filter.FromYear.Value, filter.ToYear!.Value));
        return filter;
    }

    /// <summary>The error of years given the wrong way round; the pages swap them instead, with this as their notice.</summary>
    public static string Reversed(int from, int to) => $"'from' ({from}) is after 'to' ({to}).";

    /// <summary>The query-string pairs for a filter, in a stable order (so equal filters give equal links).</summary>
    public static IEnumerable<KeyValuePair<string, string>> ToPairs(EventFilter f)
    {
        foreach (var p in f.PersonIds) yield return new(PersonId.Name, p.ToString(CultureInfo.InvariantCulture));
        foreach (var p in f.PersonNames) yield return new(Person.Name, p);
        if (f.FromYear is { } from) yield return new(From.Name, from.ToString(CultureInfo.InvariantCulture));
        if (f.ToYear is { } to) yield return new(To.Name, to.ToString(CultureInfo.InvariantCulture));
        if (f.Kinds.Count > 0) yield return new(Kind.Name, string.Join(',', f.Kinds.Select(k => k.ToKebab())));
        if (f.Statuses.Count > 0) yield return new(Status.Name, string.Join(',', f.Statuses.Select(k => k.ToKebab())));
        if (!string.IsNullOrWhiteSpace(f.Text)) yield return new(Text.Name, f.Text);
        if (f.SourceId is { } s) yield return new(Source.Name, s.ToString(CultureInfo.InvariantCulture));
    }

    public static string ToQueryString(EventFilter f, params (string Key, string? Value)[] extra)
    {
        var pairs = ToPairs(f).Concat(extra.Where(e => e.Value is not null).Select(e => new KeyValuePair<string, string>(e.Key, e.Value!)));
        var s = string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return s.Length == 0 ? "" : "?" + s;
    }

    // Repeated parameters and comma-separated lists are both accepted for list filters (person names only repeat).
    internal static IEnumerable<string> Values(Dictionary<string, StringValues> q, QueryParameter p) =>
        q.TryGetValue(p.Name, out var v)
            ? v.SelectMany(s => p.Repetition == Repetition.RepeatOrComma ? (s ?? "").Split(',') : [s ?? ""]).Select(s => s.Trim()).Where(s => s.Length > 0)
            : [];

    /// <summary>
    /// A parameter that takes one value. Given twice (<c>from=1929&amp;from=1930</c>) it is an error naming it: picking
    /// either value would answer a question the caller may not have asked.
    /// </summary>
    internal static string? Single(Dictionary<string, StringValues> q, QueryParameter p, Dictionary<string, string[]> errors)
    {
        if (!q.TryGetValue(p.Name, out var v) || v.Count == 0) return null;
        if (v.Count == 1) return v[0]?.Trim();
        Add(errors, p.Name, $"'{p.Name}' is given {v.Count} times; give it once.");
        return null;
    }

    internal static void Add(Dictionary<string, string[]> errors, string key, string message) =>
        errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
}
