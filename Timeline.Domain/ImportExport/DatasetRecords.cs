using System.Text.Json;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Domain.Seeding;
using Timeline.Domain.Text;

namespace Timeline.Domain.ImportExport;

/// <summary>
/// Stored records back into dataset records, for exports. Records made in the app have no key; they are
/// exported as <c>event-12</c>, <c>person-7</c>, <c>source-3</c>, which re-import as their keys.
/// </summary>
public static class DatasetRecords
{
    public static string EventKey(int id, string? key) => key ?? $"event-{id}";
    public static string PersonKey(int id, string? key) => key ?? $"person-{id}";
    public static string SourceKey(int id, string? key) => key ?? $"source-{id}";

    public static SourceRecord From(Source s) => new()
    {
        Id = SourceKey(s.Id, s.Key),
        Title = s.Title,
        Author = s.Author,
        Kind = s.Kind.ToKebab(),
        Date = DatasetDates.ToOptionalElement(s.Date),
        Language = s.Language,
        Url = s.Url,
        Publication = s.Publication,
        Archive = s.ArchiveName is null ? null : new ArchiveRecord
        {
            Archive = s.ArchiveName, Fond = s.Fond, Opis = s.Opis, Delo = s.Delo, Volume = s.Volume, Pages = s.Pages,
        },
        Description = s.Description,
    };

    /// <param name="variants">The person's other names with their notes, in the order they were added.</param>
    public static PersonRecord From(Person p, IReadOnlyList<NameVariantRecord> variants) => new()
    {
        Id = PersonKey(p.Id, p.Key),
        Name = p.Name,
        Variants = variants.Count == 0 ? null : variants.ToList(),
        Born = DatasetDates.ToOptionalElement(p.Born),
        Died = DatasetDates.ToOptionalElement(p.Died),
        LifeDatesNote = p.LifeDatesNote,
        Description = p.Description,
    };

    /// <summary>An event with its people, evidence and rival dates; ids are turned into keys by the lookups.</summary>
    public static EventRecord From(EventView e, Func<int, string> personKey, Func<int, string> sourceKey) => new()
    {
        Id = EventKey(e.Id, e.Key),
        Kind = e.Kind.ToKebab(),
        Title = e.Title,
        Summary = e.Summary.Length == 0 ? null : e.Summary,
        Start = DatasetDates.ToElement(e.Start),
        End = DatasetDates.ToOptionalElement(e.End),
        DateNote = e.DateNote,
        Place = e.Place,
        ClaimStatus = e.ClaimStatus.ToKebab(),
        Participants = e.Participants.Count == 0 ? null : e.Participants.Select(p => new ParticipantRecord
        {
            Person = personKey(p.PersonId),
            Role = p.Role.ToKebab(),
            Outcome = p.Outcome,
            Charge = p.Charge,
            Verdict = p.Verdict,
            Sentence = p.Sentence,
        }).ToList(),
        Evidence = e.Evidence.Select(x => new EvidenceRecord
        {
            Source = sourceKey(x.SourceId),
            Locator = x.Locator,
            Stance = x.Stance.ToKebab(),
            Note = x.Note,
            Date = DatasetDates.ToOptionalElement(x.Date),
        }).ToList(),
        DateClaims = e.DateClaims.Count == 0 ? null : e.DateClaims.Select(c => new DateClaimRecord
        {
            Start = DatasetDates.ToElement(c.Start),
            End = DatasetDates.ToOptionalElement(c.End),
            Preferred = c.Preferred,
            Source = sourceKey(c.SourceId),
            Locator = c.Locator,
            Note = c.Note,
        }).ToList(),
        Trial = e.Trial is { } t && (t.Court is not null || t.UnnamedDefendants is not null || t.DefendantsNote is not null)
            ? new TrialRecord { Court = t.Court, UnnamedDefendants = t.UnnamedDefendants, DefendantsNote = t.DefendantsNote } : null,
        Arrest = e.Arrest is { } a && (a.Agency ?? a.Place ?? a.Charge) is not null
            ? new ArrestRecord { Agency = a.Agency, Place = a.Place, Charge = a.Charge } : null,
        Expulsion = e.Expulsion is { } x && (x.From is not null || (x.Organisation ?? x.Body ?? x.Reason) is not null)
            ? new ExpulsionRecord { From = x.From?.ToKebab(), Organisation = x.Organisation, Body = x.Body, Reason = x.Reason } : null,
    };

    /// <summary>The EDTF text and calendar of a record date (see <see cref="DatasetDates"/>).</summary>
    public static (string Edtf, CalendarSystem Calendar)? DateOf(JsonElement? element)
    {
        if (element is not { } e || e.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        if (e.ValueKind == JsonValueKind.String) return (e.GetString()!, CalendarSystem.Gregorian);
        var edtf = e.TryGetProperty("edtf", out var t) ? t.GetString() ?? "" : "";
        var calendar = e.TryGetProperty("calendar", out var c) && Kebab.TryParse<CalendarSystem>(c.GetString(), out var cal) ? cal : CalendarSystem.Gregorian;
        return (edtf, calendar);
    }
}
