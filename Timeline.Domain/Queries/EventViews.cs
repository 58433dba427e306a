using Timeline.Domain.Dates;
using Timeline.Domain.Model;

namespace Timeline.Domain.Queries;

public sealed record Page<T>(int Total, IReadOnlyList<T> Items);

public sealed record ParticipantView(int PersonId, string Name, ParticipantRole Role, string? Outcome,
    string? Charge, string? Verdict, string? Sentence);

public sealed record EvidenceView(int Id, int SourceId, string Source, SourceKind SourceKind, string Locator,
    Stance Stance, string? Note, HistoricalDate? Date, string? ArchivalReference);

public sealed record DateClaimView(int Id, HistoricalDate Start, HistoricalDate? End, bool Preferred, int EvidenceId,
    int SourceId, string Source, string Locator, string? Note)
{
    public string Display => DateText.Display(Start, End);
}

public sealed record TrialView(string? Court);

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
    int Version)
{
    public DateOnly Earliest => Start.Earliest;
    public DateOnly Latest => End is null || End.Latest < Start.Latest ? Start.Latest : End.Latest;
    public string DateDisplay => DateText.Display(Start, End);
    public bool IsUncertain => Start.IsUncertain || (End?.IsUncertain ?? false) || DateClaims.Count > 1;
}

public sealed record PersonView(int Id, string? Key, string Name, IReadOnlyList<string> Variants,
    HistoricalDate? Born, HistoricalDate? Died, string? Description, int EventCount)
{
    public string? LifeDisplay => Born is null && Died is null ? null
        : $"{Born?.Display ?? "?"} – {Died?.Display ?? "?"}";
}

public sealed record SourceView(int Id, string? Key, string Title, string? Author, SourceKind Kind, HistoricalDate? Date,
    string? Language, string? Url, string? Publication, string? Description, ArchivalReference? Archive, int EvidenceCount);

public sealed record YearCount(int Year, int Count);

public sealed record DatabaseStats(int Events, int Persons, int Sources, int EvidenceLinks, DateOnly? First, DateOnly? Last,
    IReadOnlyList<YearCount> Years);
