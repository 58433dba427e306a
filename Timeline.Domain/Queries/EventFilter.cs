using Timeline.Domain.Model;

namespace Timeline.Domain.Queries;

/// <summary>
/// What a reader narrows the events to. Shared by the API, the timeline, the list and the table, and
/// round-tripped through the URL query string by the web app. Empty means "no restriction".
/// </summary>
public sealed record EventFilter
{
    /// <summary>Person names or variants; an event matches when any matching person takes part.</summary>
    public IReadOnlyList<string> PersonNames { get; init; } = [];

    /// <summary>Person ids; an event matches when any of them takes part.</summary>
    public IReadOnlyList<int> PersonIds { get; init; } = [];

    /// <summary>First year (inclusive); an event matches when its possible dates reach into the range.</summary>
    public int? FromYear { get; init; }

    /// <summary>Last year (inclusive).</summary>
    public int? ToYear { get; init; }

    public IReadOnlyList<EventKind> Kinds { get; init; } = [];

    public IReadOnlyList<ClaimStatus> Statuses { get; init; } = [];

    /// <summary>Full-text query over titles, summaries, person names and source titles.</summary>
    public string? Text { get; init; }

    /// <summary>Only the events a source evidences.</summary>
    public int? SourceId { get; init; }

    public bool IsEmpty => PersonNames.Count == 0 && PersonIds.Count == 0 && FromYear is null && ToYear is null
        && Kinds.Count == 0 && Statuses.Count == 0 && string.IsNullOrWhiteSpace(Text) && SourceId is null;

    public bool HasPersons => PersonNames.Count > 0 || PersonIds.Count > 0;

    // Records compare lists by reference; filters are compared by value (URL state, caches).
    public bool Equals(EventFilter? other) => other is not null
        && PersonNames.SequenceEqual(other.PersonNames) && PersonIds.SequenceEqual(other.PersonIds)
        && FromYear == other.FromYear && ToYear == other.ToYear && Kinds.SequenceEqual(other.Kinds)
        && Statuses.SequenceEqual(other.Statuses) && Text == other.Text && SourceId == other.SourceId;

    public override int GetHashCode() => HashCode.Combine(PersonNames.Count, PersonIds.Count, FromYear, ToYear,
        Kinds.Count, Statuses.Count, Text, SourceId);
}

public enum EventSort
{
    Date,
    DateDescending,
    Title,
    TitleDescending,
    Kind,
    KindDescending,
    Status,
    StatusDescending,
}
