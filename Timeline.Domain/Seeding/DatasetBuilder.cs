using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Text;
using Timeline.Domain.Validation;

namespace Timeline.Domain.Seeding;

/// <summary>A record that cannot be loaded, named precisely enough to find and fix it.</summary>
public sealed class DatasetException(string file, string? record, string? field, string problem, long? line = null)
    : Exception(Format(file, record, field, problem, line))
{
    public string File { get; } = file;
    public string? Record { get; } = record;
    public string? Field { get; } = field;
    public string Problem { get; } = problem;
    public long? Line { get; } = line;

    private static string Format(string file, string? record, string? field, string problem, long? line) =>
        file + (line is { } l ? $" line {l}" : "")
        + (record is null ? "" : $", record {Excerpt.Quote(record)}")
        + (field is null ? "" : $", field {Excerpt.Quote(field)}")
        + ": " + problem;
}

/// <summary>
/// Turns dataset records into validated entities, resolving ids between them. Every problem is reported
/// with its file, record id and field; the first one stops the build, so nothing half-valid is saved.
/// </summary>
public sealed class DatasetBuilder
{
    private readonly EventValidator _events = new();
    private readonly PersonValidator _persons = new();
    private readonly SourceValidator _sources = new();

    public Dictionary<string, Source> Sources { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Person> Persons { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Event> Events { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// False for streaming imports: built entities are returned but not kept, so memory stays flat. Duplicate
    /// ids are still caught; references to records added earlier then go through ResolvePerson/ResolveSource.
    /// </summary>
    public bool KeepRecords { get; init; } = true;

    private readonly HashSet<string> _sourceIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _personIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _eventIds = new(StringComparer.Ordinal);

    /// <summary>Looks up a person or source id missing from the dataset, e.g. in the database an import adds to.</summary>
    public Func<string, Person?>? ResolvePerson { get; init; }
    public Func<string, Source?>? ResolveSource { get; init; }

    public Source Add(SourceRecord r, string file)
    {
        var f = new Field(file, r.Id);
        f.RequireId(_sourceIds.Contains(r.Id));
        var source = new Source
        {
            Key = r.Id,
            Title = r.Title.Trim(),
            Author = Clean(r.Author),
            Kind = f.Enum<SourceKind>("kind", r.Kind),
            Date = f.OptionalDate("date", r.Date),
            Language = Clean(r.Language),
            Url = Clean(r.Url),
            Publication = Clean(r.Publication),
            Description = Clean(r.Description),
        };
        if (r.Archive is { } a)
            source.Archive = new ArchivalReference(a.Archive.Trim(), Clean(a.Fond), Clean(a.Opis), Clean(a.Delo), Clean(a.Volume), Clean(a.Pages));
        f.Check(_sources.Validate(source), ArchiveFieldNames);
        _sourceIds.Add(r.Id);
        if (KeepRecords) Sources.Add(r.Id, source);
        return source;
    }

    public Person Add(PersonRecord r, string file)
    {
        var f = new Field(file, r.Id);
        f.RequireId(_personIds.Contains(r.Id));
        var person = new Person
        {
            Key = r.Id,
            Name = r.Name.Trim(),
            Born = f.OptionalDate("born", r.Born),
            Died = f.OptionalDate("died", r.Died),
            LifeDatesNote = Clean(r.LifeDatesNote),
            Description = Clean(r.Description),
        };
        person.SetNameVariants((r.Variants ?? []).Select(v => new NameVariant(v.Name, v.Note)));
        f.Check(_persons.Validate(person), null);
        _personIds.Add(r.Id);
        if (KeepRecords) Persons.Add(r.Id, person);
        return person;
    }

    public Event Add(EventRecord r, string file)
    {
        var f = new Field(file, r.Id);
        f.RequireId(_eventIds.Contains(r.Id));
        var kind = f.Enum<EventKind>("kind", r.Kind);
        var e = new Event
        {
            Key = r.Id,
            Kind = kind,
            Title = r.Title.Trim(),
            Summary = r.Summary?.Trim() ?? "",
            Place = Clean(r.Place),
            ClaimStatus = f.Enum<ClaimStatus>("claimStatus", r.ClaimStatus),
            Start = f.Date("start", r.Start),
            End = f.OptionalDate("end", r.End),
            DateNote = Clean(r.DateNote),
        };
        f.DetailsOnlyOn(kind, EventKind.Trial, "trial", r.Trial);
        f.DetailsOnlyOn(kind, EventKind.Arrest, "arrest", r.Arrest);
        f.DetailsOnlyOn(kind, EventKind.Expulsion, "expulsion", r.Expulsion);
        e.Court = Clean(r.Trial?.Court);
        e.UnnamedDefendants = r.Trial?.UnnamedDefendants;
        e.DefendantsNote = Clean(r.Trial?.DefendantsNote);
        e.ArrestAgency = Clean(r.Arrest?.Agency);
        e.ArrestPlace = Clean(r.Arrest?.Place);
        e.ArrestCharge = Clean(r.Arrest?.Charge);
        if (r.Expulsion is { } ex)
        {
            e.ExpelledFrom = ex.From is null ? null : f.Enum<ExpulsionScope>("expulsion.from", ex.From);
            e.ExpelledFromOrganisation = Clean(ex.Organisation);
            e.ExpellingBody = Clean(ex.Body);
            e.ExpulsionReason = Clean(ex.Reason);
        }

        foreach (var (p, i) in (r.Participants ?? []).Select((p, i) => (p, i)))
        {
            var at = $"participants[{i}]";
            e.Participants.Add(new Participation
            {
                Person = FindPerson(p.Person) ?? throw f.Error($"{at}.person", $"no person has the id {Excerpt.Quote(p.Person)}."),
                Role = f.Enum<ParticipantRole>($"{at}.role", p.Role),
                Outcome = Clean(p.Outcome),
                Charge = Clean(p.Charge),
                Verdict = Clean(p.Verdict),
                Sentence = Clean(p.Sentence),
                Position = i,
            });
        }
        foreach (var (x, i) in (r.Evidence ?? []).Select((x, i) => (x, i)))
        {
            var at = $"evidence[{i}]";
            e.Evidence.Add(new EvidenceLink
            {
                Source = FindSource(x.Source) ?? throw f.Error($"{at}.source", $"no source has the id {Excerpt.Quote(x.Source)}."),
                Locator = x.Locator.Trim(),
                Stance = f.Enum<Stance>($"{at}.stance", x.Stance),
                Note = Clean(x.Note),
                EvidenceDate = f.OptionalDate($"{at}.date", x.Date),
            });
        }
        foreach (var (c, i) in (r.DateClaims ?? []).Select((c, i) => (c, i)))
        {
            var at = $"dateClaims[{i}]";
            var source = FindSource(c.Source) ?? throw f.Error($"{at}.source", $"no source has the id {Excerpt.Quote(c.Source)}.");
            var locator = c.Locator.Trim();
            if (locator.Length == 0) throw f.Error($"{at}.locator", "each date claim needs the locator of its evidence.");
            // A claim rests on the event's evidence from that place in that source; add it if the event lacks it.
            var link = e.Evidence.FirstOrDefault(x => x.Source == source && x.Locator == locator);
            if (link is null) e.Evidence.Add(link = new EvidenceLink { Source = source, Locator = locator, Stance = Stance.Supports });
            e.DateClaims.Add(new DateClaim
            {
                Start = f.Date($"{at}.start", c.Start),
                End = f.OptionalDate($"{at}.end", c.End),
                IsPreferred = c.Preferred,
                Note = Clean(c.Note),
                Evidence = link,
            });
        }
        f.Check(_events.Validate(e), EventFieldNames);
        _eventIds.Add(r.Id);
        if (KeepRecords) Events.Add(r.Id, e);
        return e;
    }

    private Person? FindPerson(string id) => Persons.GetValueOrDefault(id) ?? ResolvePerson?.Invoke(id);
    private Source? FindSource(string id) => Sources.GetValueOrDefault(id) ?? ResolveSource?.Invoke(id);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // Entity property paths to the names the file uses.
    private static readonly Dictionary<string, string> EventFieldNames = new(StringComparer.Ordinal)
    {
        ["Court"] = "trial.court",
        ["UnnamedDefendants"] = "trial.unnamedDefendants",
        ["DefendantsNote"] = "trial.defendantsNote",
        ["ArrestAgency"] = "arrest.agency",
        ["ArrestPlace"] = "arrest.place",
        ["ArrestCharge"] = "arrest.charge",
        ["ExpelledFrom"] = "expulsion.from",
        ["ExpelledFromOrganisation"] = "expulsion.organisation",
        ["ExpellingBody"] = "expulsion.body",
        ["ExpulsionReason"] = "expulsion.reason",
        ["Key"] = "id",
    };

    private static readonly Dictionary<string, string> ArchiveFieldNames = new(StringComparer.Ordinal)
    {
        ["ArchiveName"] = "archive.archive",
        ["Fond"] = "archive.fond",
        ["Opis"] = "archive.opis",
        ["Delo"] = "archive.delo",
        ["Volume"] = "archive.volume",
        ["Pages"] = "archive.pages",
        ["Key"] = "id",
    };

    private readonly struct Field(string file, string record)
    {
        public DatasetException Error(string field, string problem) => new(file, record, field, problem);

        public void RequireId(bool duplicate)
        {
            if (string.IsNullOrWhiteSpace(record)) throw new DatasetException(file, null, "id", "every record needs an id.");
            if (duplicate) throw Error("id", "another record already has this id.");
        }

        public T Enum<T>(string field, string? text) where T : struct, Enum =>
            Kebab.TryParse<T>(text, out var v) ? v : throw Error(field, $"{Excerpt.Quote(text)} is not one of: {Kebab.Names<T>()}.");

        public HistoricalDate Date(string field, JsonElement value) =>
            OptionalDate(field, value) ?? throw Error(field, "a date is required.");

        public HistoricalDate? OptionalDate(string field, JsonElement? value)
        {
            if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
            string? edtf;
            var calendar = CalendarSystem.Gregorian;
            if (v.ValueKind == JsonValueKind.String) edtf = v.GetString();
            else if (v.ValueKind == JsonValueKind.Object)
            {
                edtf = v.TryGetProperty("edtf", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (v.TryGetProperty("calendar", out var c) && !Kebab.TryParse(c.GetString(), out calendar))
                    throw Error(field, $"calendar {Excerpt.Quote(c.ToString())} is not gregorian or julian.");
            }
            else throw Error(field, "a date is an EDTF string or { \"edtf\", \"calendar\" }.");
            return HistoricalDate.TryParseEdtf(edtf, calendar, out var date, out var problem) ? date : throw Error(field, problem!);
        }

        public void DetailsOnlyOn(EventKind kind, EventKind owner, string field, object? details)
        {
            if (details is not null && kind != owner) throw Error(field, $"'{field}' details belong to {owner.ToKebab()} events, not {kind.ToKebab()}.");
        }

        public void Check(ValidationResult result, Dictionary<string, string>? names)
        {
            if (result.IsValid) return;
            var first = result.Errors[0];
            throw Error(FieldName(first.PropertyName, names), first.ErrorMessage);
        }

        private static string FieldName(string property, Dictionary<string, string>? names)
        {
            if (names is not null && names.TryGetValue(property, out var mapped)) return mapped;
            // "Participants[0].Role" -> "participants[0].role"
            return string.Join('.', property.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
        }
    }
}
