using Timeline.Domain.Dates;
using Timeline.Domain.Model;

namespace Timeline.Domain.Queries;

/// <summary>A person named somewhere else on a page, enough to link to them.</summary>
public sealed record PersonRef(int Id, string Name);

/// <summary>An event, its neighbours by shared people, and how many neighbours there are beyond those shown.</summary>
public sealed record EventDetails(EventView Event, IReadOnlyList<RelatedEventView> Related, int RelatedTotal);

/// <summary>Another event with some of the same people, near in time; <see cref="Shared"/> says who links them.</summary>
public sealed record RelatedEventView(int Id, string Title, EventKind Kind, HistoricalDate Start, HistoricalDate? End,
    ClaimStatus ClaimStatus, IReadOnlyList<PersonRef> Shared)
{
    public string DateDisplay => DateText.Display(Start, End);
}

public sealed record PersonDetails(PersonView Person, IReadOnlyList<PersonEventView> Events, IReadOnlyList<CompanionView> Companions);

/// <summary>
/// One event in a person's life, with the person's part in it. A person can hold several roles in one
/// event (witness, then defendant), so roles are a list; their outcomes are joined.
/// </summary>
public sealed record PersonEventView(int EventId, string Title, EventKind Kind, HistoricalDate Start, HistoricalDate? End,
    int EarliestDay, int LatestDay, ClaimStatus ClaimStatus, IReadOnlyList<ParticipantRole> Roles, string? Outcome)
{
    public string DateDisplay => DateText.Display(Start, End);

    /// <summary>Where the event sorts, as a <see cref="DateOnly.DayNumber"/>.</summary>
    public int SortDay => Start.SortKey.DayNumber;
}

/// <summary>Someone who appears in <see cref="SharedEvents"/> of the same events as the person.</summary>
public sealed record CompanionView(int PersonId, string Name, int SharedEvents);

/// <summary>A source and one page of the evidence it gives, with the whole list's size and its spread over the years.</summary>
public sealed record SourceDetails(SourceView Source, IReadOnlyList<SourceEvidenceView> Events, int TotalLinks, int TotalEvents,
    int Page, int PageSize, IReadOnlyList<SourceYearView> Years)
{
    public int PageCount => Math.Max(1, (TotalLinks + PageSize - 1) / PageSize);
}

/// <summary>One year of a source's evidence: how many links and events, and the page its first row is on.</summary>
public sealed record SourceYearView(int Year, int Links, int Events, int Page);

/// <summary>One event a source evidences, with where in the source and how.</summary>
public sealed record SourceEvidenceView(int EvidenceId, int EventId, string Title, EventKind Kind, HistoricalDate Start,
    HistoricalDate? End, ClaimStatus ClaimStatus, string Locator, Stance Stance, string? Note, HistoricalDate? EvidenceDate)
{
    public string DateDisplay => DateText.Display(Start, End);
}
