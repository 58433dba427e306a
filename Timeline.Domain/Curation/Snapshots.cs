using System.Text.Json;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Text;

namespace Timeline.Domain.Curation;

// What a record looked like at one revision: plain values, children included, serialised as JSON into
// Revision.Snapshot. Restoring a revision applies a snapshot back onto the live record.

public sealed record ParticipantSnapshot(int PersonId, string Person, string Role, string? Outcome = null, string? Charge = null,
    string? Verdict = null, string? Sentence = null);

public sealed record EvidenceSnapshot(int SourceId, string Source, string Locator, string Stance, string? Note = null, string? Date = null);

public sealed record DateClaimSnapshot(string Start, string? End, bool Preferred, int SourceId, string Locator, string? Note = null);

public sealed record EventSnapshot(
    string Kind, string Title, string Summary, string? Place, string ClaimStatus, string Start, string? End,
    string? Court, string? ArrestAgency, string? ArrestPlace, string? ArrestCharge,
    string? ExpelledFrom, string? ExpelledFromOrganisation, string? ExpellingBody, string? ExpulsionReason,
    IReadOnlyList<ParticipantSnapshot> Participants, IReadOnlyList<EvidenceSnapshot> Evidence,
    IReadOnlyList<DateClaimSnapshot> DateClaims, bool IsDeleted,
    // Added with issue 11; snapshots written before it read them as null.
    string? DateNote = null, int? UnnamedDefendants = null, string? DefendantsNote = null)
{
    public static EventSnapshot Of(Event e) => new(
        e.Kind.ToKebab(), e.Title, e.Summary, e.Place, e.ClaimStatus.ToKebab(), e.Start.ToStorage(), e.End?.ToStorage(),
        e.Court, e.ArrestAgency, e.ArrestPlace, e.ArrestCharge,
        e.ExpelledFrom?.ToKebab(), e.ExpelledFromOrganisation, e.ExpellingBody, e.ExpulsionReason,
        e.Participants.OrderBy(p => p.Position).Select(p => new ParticipantSnapshot(p.PersonId, p.Person?.Name ?? $"#{p.PersonId}",
            p.Role.ToKebab(), p.Outcome, p.Charge, p.Verdict, p.Sentence)).ToList(),
        e.Evidence.Where(x => !x.IsDeleted).Select(x => new EvidenceSnapshot(x.SourceId, x.Source?.Title ?? $"#{x.SourceId}", x.Locator,
            x.Stance.ToKebab(), x.Note, x.EvidenceDate?.ToStorage())).ToList(),
        e.DateClaims.Select(c => new DateClaimSnapshot(c.Start.ToStorage(), c.End?.ToStorage(), c.IsPreferred,
            c.Evidence?.SourceId ?? 0, c.Evidence?.Locator ?? "", c.Note)).ToList(),
        e.IsDeleted, e.DateNote, e.UnnamedDefendants, e.DefendantsNote);

    /// <summary>Flattened for diffs: list items are keyed by what identifies them, not by position.</summary>
    public IReadOnlyDictionary<string, string?> Fields()
    {
        var f = new Dictionary<string, string?>
        {
            ["Kind"] = Kind, ["Title"] = Title, ["Summary"] = Summary, ["Place"] = Place, ["Claim status"] = ClaimStatus,
            ["Date"] = DateText.Display(HistoricalDate.FromStorage(Start), End is null ? null : HistoricalDate.FromStorage(End)),
            ["Date note"] = DateNote,
            ["Court"] = Court,
            ["Unnamed defendants"] = UnnamedDefendants?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Defendants note"] = DefendantsNote, ["Arresting agency"] = ArrestAgency, ["Place of arrest"] = ArrestPlace, ["Charge"] = ArrestCharge,
            ["Expelled from"] = ExpelledFrom, ["Organisation"] = ExpelledFromOrganisation, ["Expelling body"] = ExpellingBody,
            ["Reason"] = ExpulsionReason, ["Deleted"] = IsDeleted ? "yes" : null,
        };
        foreach (var p in Participants)
            f[$"Participant {p.Person} ({p.Role})"] = Join(("outcome", p.Outcome), ("charge", p.Charge), ("verdict", p.Verdict), ("sentence", p.Sentence), ("present", "yes"));
        foreach (var x in Evidence)
            f[$"Evidence {x.Source}, {x.Locator}"] = Join(("stance", x.Stance), ("note", x.Note), ("date", x.Date is null ? null : HistoricalDate.FromStorage(x.Date).Display));
        foreach (var c in DateClaims)
            f[$"Date claim {DateText.Display(c.Start, c.End)} ({c.Locator})"] = Join(("preferred", c.Preferred ? "yes" : "no"), ("note", c.Note));
        return f;
    }

    private static string? Join(params (string Name, string? Value)[] parts) =>
        string.Join("; ", parts.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => p.Name == "present" ? "listed" : $"{p.Name}: {p.Value}"));
}

public sealed record PersonSnapshot(string Name, IReadOnlyList<string> Variants, string? Born, string? Died, string? Description, bool IsDeleted,
    // Added with issue 11; snapshots written before it read them as null.
    string? LifeDatesNote = null, IReadOnlyDictionary<string, string>? VariantNotes = null)
{
    public static PersonSnapshot Of(Person p) =>
        new(p.Name, p.Variants().ToList(), p.Born?.ToStorage(), p.Died?.ToStorage(), p.Description, p.IsDeleted, p.LifeDatesNote,
            p.VariantsWithNotes().Where(v => v.Note is not null).ToDictionary(v => v.Name, v => v.Note!) is { Count: > 0 } notes ? notes : null);

    /// <summary>The variants with their notes, as <see cref="PersonNameList.SetNameVariants"/> takes them.</summary>
    public IEnumerable<NameVariant> VariantsWithNotes() => Variants.Select(v => new NameVariant(v, VariantNotes?.GetValueOrDefault(v)));

    public IReadOnlyDictionary<string, string?> Fields() => new Dictionary<string, string?>
    {
        ["Name"] = Name,
        ["Variants"] = Variants.Count == 0 ? null
            : string.Join(", ", VariantsWithNotes().Select(v => v.Note is null ? v.Name : $"{v.Name} ({v.Note})")),
        ["Born"] = Born is null ? null : HistoricalDate.FromStorage(Born).Display,
        ["Died"] = Died is null ? null : HistoricalDate.FromStorage(Died).Display,
        ["Life dates note"] = LifeDatesNote,
        ["Description"] = Description,
        ["Deleted"] = IsDeleted ? "yes" : null,
    };
}

public sealed record SourceSnapshot(string Title, string? Author, string Kind, string? Date, string? Language, string? Url,
    string? Publication, string? Description, string? ArchiveName, string? Fond, string? Opis, string? Delo, string? Volume,
    string? Pages, bool IsDeleted)
{
    public static SourceSnapshot Of(Source s) => new(s.Title, s.Author, s.Kind.ToKebab(), s.Date?.ToStorage(), s.Language, s.Url,
        s.Publication, s.Description, s.ArchiveName, s.Fond, s.Opis, s.Delo, s.Volume, s.Pages, s.IsDeleted);

    public IReadOnlyDictionary<string, string?> Fields() => new Dictionary<string, string?>
    {
        ["Title"] = Title, ["Author"] = Author, ["Kind"] = Kind,
        ["Date"] = Date is null ? null : HistoricalDate.FromStorage(Date).Display,
        ["Language"] = Language, ["URL"] = Url, ["Publication"] = Publication, ["Description"] = Description,
        ["Archival reference"] = ArchiveName is null ? null : new ArchivalReference(ArchiveName, Fond, Opis, Delo, Volume, Pages).ToString(),
        ["Deleted"] = IsDeleted ? "yes" : null,
    };

    public void ApplyTo(Source s)
    {
        s.Title = Title;
        s.Author = Author;
        s.Kind = Kebab.TryParse<SourceKind>(Kind, out var k) ? k : s.Kind;
        s.Date = Date is null ? null : HistoricalDate.FromStorage(Date);
        s.Language = Language;
        s.Url = Url;
        s.Publication = Publication;
        s.Description = Description;
        (s.ArchiveName, s.Fond, s.Opis, s.Delo, s.Volume, s.Pages) = (ArchiveName, Fond, Opis, Delo, Volume, Pages);
    }
}

/// <summary>One field that differs between two states of a record; null means absent.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

public static class Diff
{
    public static IReadOnlyList<FieldChange> Between(IReadOnlyDictionary<string, string?>? before, IReadOnlyDictionary<string, string?> after)
    {
        before ??= new Dictionary<string, string?>();
        var changes = new List<FieldChange>();
        foreach (var key in before.Keys.Union(after.Keys))
        {
            var a = before.GetValueOrDefault(key);
            var b = after.GetValueOrDefault(key);
            if (!string.Equals(Normal(a), Normal(b), StringComparison.Ordinal)) changes.Add(new FieldChange(key, Normal(a), Normal(b)));
        }
        return changes;
    }

    private static string? Normal(string? s) => string.IsNullOrEmpty(s) ? null : s;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)
        ?? throw new InvalidOperationException("An empty snapshot.");
}
