using System.Text.Json.Serialization;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;

namespace Timeline.Web.Api;

// The API's wire shapes. They are a public contract for researchers' scripts, so they are explicit
// records rather than the domain views serialized as they happen to be.

public sealed record PageDto<T>(int Total, IReadOnlyList<T> Items);

/// <summary>A page of events; with a name filter, also which persons each name matched (namesakes included).</summary>
/// <param name="Total">How many events match; when <paramref name="TotalIsLowerBound"/>, more than this many.</param>
/// <param name="TotalIsLowerBound">
/// True when more events match than <paramref name="Total"/> says: a text search counts its matches no further than 20,000,
/// and /api/events/count gives the exact figure.
/// </param>
public sealed record EventPageDto(int Total, bool TotalIsLowerBound, IReadOnlyList<EventDto> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<NameMatchDto>? MatchedPersons)
{
    public static EventPageDto From(EventPage page) => new(page.Total, page.TotalIsLowerBound, page.Items.Select(EventDto.From).ToList(),
        page.MatchedPersons.Count == 0 ? null : page.MatchedPersons.Select(m => new NameMatchDto(m.Name, m.Total,
            m.Persons.Select(p => new MatchedPersonDto(p.Id, p.Name, p.LifeDates)).ToList())).ToList());
}

/// <param name="Total">How many events match the filter, exactly.</param>
public sealed record EventCountDto(int Total);

/// <param name="Name">The name as given in the filter.</param>
/// <param name="Total">How many persons it matched; at most the first 50 by name are listed.</param>
public sealed record NameMatchDto(string Name, int Total, IReadOnlyList<MatchedPersonDto> Persons);

public sealed record MatchedPersonDto(int Id, string Name, string? LifeDates);

/// <summary>A historical date as the API gives it: EDTF, the reader's form, its possible Gregorian days and its calendar.</summary>
public sealed record DateDto(string Edtf, string Display, DateOnly Earliest, DateOnly Latest,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CalendarSystem? Calendar)
{
    public static DateDto? From(HistoricalDate? d) => d is null ? null
        : new(d.ToEdtf(), d.Display, d.Earliest, d.Latest, d.Calendar == CalendarSystem.Julian ? CalendarSystem.Julian : null);
}

/// <summary>A person's life dates with their uncertainty: "c. 1895 – ?", each date in full, and what loose ones rest on.</summary>
public sealed record LifeDatesDto(string Display, DateDto? Born, DateDto? Died,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note);

public sealed record ParticipantDto(int PersonId, string Name, ParticipantRole Role, string? Outcome, string? Charge,
    string? Verdict, string? Sentence);

public sealed record EvidenceDto(int SourceId, string Source, string Locator, Stance Stance, string? Note,
    string? Date, string? ArchivalReference);

public sealed record DateClaimDto(string Start, string? End, string Display, bool Preferred, int SourceId, string Source,
    string Locator, string? Note,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CalendarSystem? Calendar);

public sealed record EventDto(
    int Id,
    string? Key,
    EventKind Kind,
    string Title,
    string Summary,
    string? Place,
    string Start,
    string? End,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CalendarSystem? Calendar,
    string Display,
    DateOnly Earliest,
    DateOnly Latest,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DateNote,
    ClaimStatus ClaimStatus,
    IReadOnlyList<ParticipantDto> Participants,
    IReadOnlyList<EvidenceDto> Evidence,
    IReadOnlyList<DateClaimDto> DateClaims,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TrialDto? Trial,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ArrestView? Arrest,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ExpulsionView? Expulsion)
{
    public static EventDto From(EventView e) => new(
        e.Id, e.Key, e.Kind, e.Title, e.Summary, e.Place,
        e.Start.ToEdtf(), e.End?.ToEdtf(), JulianOrNull(e.Start, e.End), e.DateDisplay, e.Earliest, e.Latest, e.DateNote, e.ClaimStatus,
        e.Participants.Select(p => new ParticipantDto(p.PersonId, p.Name, p.Role, p.Outcome, p.Charge, p.Verdict, p.Sentence)).ToList(),
        e.Evidence.Select(x => new EvidenceDto(x.SourceId, x.Source, x.Locator, x.Stance, x.Note, x.Date?.ToEdtf(), x.ArchivalReference)).ToList(),
        e.DateClaims.Select(c => new DateClaimDto(c.Start.ToEdtf(), c.End?.ToEdtf(), c.Display, c.Preferred, c.SourceId, c.Source,
            c.Locator, c.Note, JulianOrNull(c.Start, c.End))).ToList(),
        e.Trial is null ? null : new TrialDto(e.Trial.Court, e.Trial.UnnamedDefendants, e.Trial.DefendantsNote), e.Arrest, e.Expulsion);

    // EDTF has no calendar; an Old Style date says so explicitly rather than pass for Gregorian.
    private static CalendarSystem? JulianOrNull(HistoricalDate start, HistoricalDate? end) =>
        start.Calendar == CalendarSystem.Julian || end?.Calendar == CalendarSystem.Julian ? CalendarSystem.Julian : null;
}

/// <param name="UnnamedDefendants">How many defendants a source counts without naming them.</param>
/// <param name="DefendantsNote">Who the unnamed defendants were, per the sources.</param>
public sealed record TrialDto(string? Court,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? UnnamedDefendants,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DefendantsNote);

/// <param name="Born">The birth date's EDTF (see <paramref name="LifeDates"/> for its display, bounds and calendar).</param>
/// <param name="LifeDates">Born and died with their uncertainty; null when neither is known.</param>
public sealed record PersonDto(int Id, string? Key, string Name, IReadOnlyList<string> Variants, string? Born, string? Died,
    string? Description, int EventCount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LifeDatesDto? LifeDates)
{
    public static PersonDto From(PersonView p) =>
        new(p.Id, p.Key, p.Name, p.Variants, p.Born?.ToEdtf(), p.Died?.ToEdtf(), p.Description, p.EventCount,
            p.LifeDisplay is { } life ? new LifeDatesDto(life, DateDto.From(p.Born), DateDto.From(p.Died), p.LifeDatesNote) : null);
}

public sealed record SourceDto(int Id, string? Key, string Title, string? Author, SourceKind Kind, string? Date, string? Language,
    string? Url, string? Publication, string? Description, string? ArchivalReference, ArchivalReference? Archive, int EvidenceCount)
{
    public static SourceDto From(SourceView s) => new(s.Id, s.Key, s.Title, s.Author, s.Kind, s.Date?.ToEdtf(), s.Language, s.Url,
        s.Publication, s.Description, s.Archive?.ToString(), s.Archive, s.EvidenceCount);
}

public sealed record StatsDto(int Events, int Persons, int Sources, int EvidenceLinks, DateOnly? First, DateOnly? Last);

/// <summary>
/// What the timeline page draws for a window: the events reaching into it when there are at most <paramref name="Cap"/>,
/// otherwise density bars (events per period and lane, each counted in the period of its sort date).
/// </summary>
/// <param name="Start">The window answered: the one asked for, or for bars the same widened to whole periods; null only when nothing matches and no window was given.</param>
/// <param name="Total">Events in the window: those reaching into it for items (less those counted in <paramref name="Loose"/>), those dated in it for bars.</param>
/// <param name="Cap">The most items (events or bars) one window gets.</param>
/// <param name="Unit">The period of one bar; left out when the answer is items.</param>
public sealed record TimelineWindowDto(DateOnly? Start, DateOnly? End, int Total, int Cap,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BucketUnit? Unit,
    IReadOnlyList<TimelineLaneDto> Lanes, IReadOnlyList<TimelineItemDto> Items, IReadOnlyList<TimelineBarDto> Bars,
    IReadOnlyList<TimelineLooseDto> Loose)
{
    public static TimelineWindowDto From(TimelineWindow w) => new(w.From, w.To, w.Total, TimelineQueries.Cap, w.Unit,
        w.Lanes.Select(l => new TimelineLaneDto(l.Id, l.Label)).ToList(),
        w.Items.Select(i => new TimelineItemDto(i.EventId, i.Lane, i.Title, i.Kind, i.Status, i.Earliest, i.Latest, i.Display,
            i.Uncertain, i.Disputed)).ToList(),
        w.Buckets.Select(b => new TimelineBarDto(b.Lane, b.Start, b.End, b.Count)).ToList(),
        w.Loose.Select(l => new TimelineLooseDto(l.Lane, l.Period, l.From, l.To, l.Count)).ToList());

    /// <summary>The answer when nothing matches the filter and no window was given: there is no window to open on.</summary>
    public static TimelineWindowDto NothingMatched() => new(null, null, 0, TimelineQueries.Cap, null, [], [], [], []);
}

/// <param name="Id">A kind's lane is <c>k-</c> and the kind (<c>k-trial</c>); with a person filter the lanes are persons, <c>p-</c> and the id.</param>
public sealed record TimelineLaneDto(string Id, string Label);

/// <summary>One event in one lane (with a person filter, an event of two of its persons is in both lanes).</summary>
/// <param name="Earliest">The first day its date can mean; a point when equal to <paramref name="Latest"/>.</param>
/// <param name="Uncertain">Its date is approximate, uncertain or less precise than a day.</param>
/// <param name="Disputed">Disputed, or its sources give rival dates.</param>
public sealed record TimelineItemDto(int EventId, string Lane, string Title, EventKind Kind, ClaimStatus ClaimStatus,
    DateOnly Earliest, DateOnly Latest, string Display, bool Uncertain, bool Disputed);

/// <summary>
/// Events of one lane that reach into the window only because they are dated more loosely than it is wide ("312 more dated
/// only to 1937"): counted, not listed in the items nor in the total, when listing them would pass the cap.
/// </summary>
/// <param name="Period">How they are dated: to a month, to a year, or a wider span.</param>
/// <param name="Start">The month or the year, or for a span the widest bounds of the events counted.</param>
public sealed record TimelineLooseDto(string Lane, LoosePeriod Period, DateOnly Start, DateOnly End, int Count);

/// <summary>How many events of one lane are dated in one period, from <paramref name="Start"/> to <paramref name="End"/> inclusive.</summary>
public sealed record TimelineBarDto(string Lane, DateOnly Start, DateOnly End, int Count);
