using Timeline.Domain.Dates;
using Timeline.Domain.Model;

namespace Timeline.Domain.Queries;

public record Page<T>(int Total, IReadOnlyList<T> Items);

/// <summary>A page of events, with the persons each name of the filter matched (empty without names).</summary>
/// <param name="TotalIsLowerBound">
/// The total is a bound: more events match (a text search counts no further than <see cref="EventQueries.TextCountLimit"/>;
/// <see cref="EventQueries.CountAsync(EventFilter, CancellationToken)"/> gives the exact figure).
/// </param>
public sealed record EventPage(int Total, IReadOnlyList<EventView> Items, IReadOnlyList<NameMatch> MatchedPersons,
    bool TotalIsLowerBound = false) : Page<EventView>(Total, Items);

public sealed record ParticipantView(int PersonId, string Name, ParticipantRole Role, string? Outcome,
    string? Charge, string? Verdict, string? Sentence);

public sealed record EvidenceView(int Id, int SourceId, string Source, SourceKind SourceKind, string Locator,
    Stance Stance, string? Note, HistoricalDate? Date, string? ArchivalReference);

public sealed record DateClaimView(int Id, HistoricalDate Start, HistoricalDate? End, bool Preferred, int EvidenceId,
    int SourceId, string Source, string Locator, string? Note)
{
    public string Display => DateText.Display(Start, End);
}

/// <param name="UnnamedDefendants">How many defendants a source counts without naming them.</param>
/// <param name="DefendantsNote">Who the unnamed defendants were, per the sources.</param>
public sealed record TrialView(string? Court, int? UnnamedDefendants = null, string? DefendantsNote = null);

public sealed record ArrestView(string? Agency, string? Place, string? Charge);

public sealed record ExpulsionView(ExpulsionScope? From, string? Organisation, string? Body, string? Reason);

/// <summary>An event with everything a reader needs to judge it: its people, its evidence, its rival dates.</summary>
public sealed record EventView(
    int Id,
    string? Key,
    EventKind Kind,
    string Title,
    string Summary,
    string? Place,
    ClaimStatus ClaimStatus,
    HistoricalDate Start,
    HistoricalDate? End,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<DateClaimView> DateClaims,
    TrialView? Trial,
    ArrestView? Arrest,
    ExpulsionView? Expulsion,
    int Version,
    string? DateNote = null)
{
    public DateOnly Earliest => Start.Earliest;
    public DateOnly Latest => End is null || End.Latest < Start.Latest ? Start.Latest : End.Latest;
    public string DateDisplay => DateText.Display(Start, End);
    public bool IsUncertain => Start.IsUncertain || (End?.IsUncertain ?? false) || DateClaims.Count > 1;
}

/// <param name="VariantNotes">Editorial remarks on some variants ("misprint in Davies"), by variant.</param>
/// <param name="LifeDatesNote">What loose life dates rest on.</param>
public sealed record PersonView(int Id, string? Key, string Name, IReadOnlyList<string> Variants,
    HistoricalDate? Born, HistoricalDate? Died, string? Description, int EventCount,
    IReadOnlyDictionary<string, string>? VariantNotes = null, string? LifeDatesNote = null)
{
    /// <summary>"1889 – 16 Nov 1945", "c. 1895 – ?", with each date's uncertainty as historians write it.</summary>
    public string? LifeDisplay => Life(Born, Died);

    public static string? Life(HistoricalDate? born, HistoricalDate? died) => born is null && died is null ? null
        : $"{born?.Display ?? "?"} – {died?.Display ?? "?"}";

    /// <summary>
    /// Equal when every field is, the spellings and their notes by content (a record compares its lists by reference, so
    /// two reads of the same person were never equal). The person pickers' lists key each option by its record: when a
    /// second answer came for the same text (the focus opening the list while the typing's debounce ran), every option
    /// was re-created, and a click landing on one was lost (4 of 30 runs of BrowseTests' person test at load ~20).
    /// </summary>
    public bool Equals(PersonView? other) => other is not null && Id == other.Id && Key == other.Key && Name == other.Name
        && Variants.SequenceEqual(other.Variants) && Born == other.Born && Died == other.Died && Description == other.Description
        && EventCount == other.EventCount && LifeDatesNote == other.LifeDatesNote
        && (VariantNotes ?? Empty).OrderBy(n => n.Key, StringComparer.Ordinal).SequenceEqual((other.VariantNotes ?? Empty).OrderBy(n => n.Key, StringComparer.Ordinal));

    public override int GetHashCode() => HashCode.Combine(Id, Name, EventCount);

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}

public sealed record SourceView(int Id, string? Key, string Title, string? Author, SourceKind Kind, HistoricalDate? Date,
    string? Language, string? Url, string? Publication, string? Description, ArchivalReference? Archive, int EvidenceCount);

public sealed record YearCount(int Year, int Count);

public sealed record DatabaseStats(int Events, int Persons, int Sources, int EvidenceLinks, DateOnly? First, DateOnly? Last,
    IReadOnlyList<YearCount> Years);

/// <summary>The columns an event list can be ordered by, compared in memory exactly as SQLite orders them.</summary>
internal sealed record SortKey
{
    public int Id { get; init; }
    public int SortDay { get; init; }
    /// <summary>The title's sort key (<see cref="Model.Event.SortTitle"/>).</summary>
    public string Title { get; init; } = "";
    public EventKind Kind { get; init; }
    public ClaimStatus Status { get; init; }

    /// <summary>The order in SQL, as <see cref="EventQueries.Sort"/> orders events (the key must carry the columns it sorts by).</summary>
    public static IQueryable<SortKey> Sort(IQueryable<SortKey> q, EventSort sort) => sort switch
    {
        EventSort.DateDescending => q.OrderByDescending(k => k.SortDay).ThenByDescending(k => k.Id),
        EventSort.Title => q.OrderBy(k => k.Title).ThenBy(k => k.SortDay).ThenBy(k => k.Id),
        EventSort.TitleDescending => q.OrderByDescending(k => k.Title).ThenByDescending(k => k.SortDay).ThenByDescending(k => k.Id),
        EventSort.Kind => q.OrderBy(k => k.Kind).ThenBy(k => k.SortDay).ThenBy(k => k.Id),
        EventSort.KindDescending => q.OrderByDescending(k => k.Kind).ThenByDescending(k => k.SortDay).ThenByDescending(k => k.Id),
        EventSort.Status => q.OrderBy(k => k.Status).ThenBy(k => k.SortDay).ThenBy(k => k.Id),
        EventSort.StatusDescending => q.OrderByDescending(k => k.Status).ThenByDescending(k => k.SortDay).ThenByDescending(k => k.Id),
        _ => q.OrderBy(k => k.SortDay).ThenBy(k => k.Id),
    };

    // Kind and status are stored as their names, and SQLite compares text bytewise: ordinal order.
    public static IComparer<SortKey> Comparer(EventSort sort)
    {
        Comparison<SortKey> byDate = (x, y) => x.SortDay != y.SortDay ? x.SortDay.CompareTo(y.SortDay) : x.Id.CompareTo(y.Id);
        Comparison<SortKey> ascending = sort switch
        {
            EventSort.Title or EventSort.TitleDescending => (x, y) => Then(string.CompareOrdinal(x.Title, y.Title), x, y, byDate),
            EventSort.Kind or EventSort.KindDescending => (x, y) => Then(string.CompareOrdinal(x.Kind.ToString(), y.Kind.ToString()), x, y, byDate),
            EventSort.Status or EventSort.StatusDescending => (x, y) => Then(string.CompareOrdinal(x.Status.ToString(), y.Status.ToString()), x, y, byDate),
            _ => byDate,
        };
        var descending = sort is EventSort.DateDescending or EventSort.TitleDescending or EventSort.KindDescending or EventSort.StatusDescending;
        return Comparer<SortKey>.Create(descending ? (x, y) => ascending(y, x) : ascending);
    }

    private static int Then(int first, SortKey x, SortKey y, Comparison<SortKey> next) => first != 0 ? first : next(x, y);
}
