using System.Text.Json;

namespace Timeline.Domain.Seeding.Checks;

/// <summary>An event record and the file it came from.</summary>
public sealed record EventEntry(string File, EventRecord Record);

/// <summary>A problem check-seed found, and which of its checks found it (for the tally).</summary>
public sealed record SeedProblem(string Check, DatasetException Problem)
{
    public string Message => Problem.Message;
}

/// <summary>A pair of events the duplicate check flags but a reviewer judged distinct (seed/distinct-events.json).</summary>
public sealed record DistinctPair(string? A, string? B, string? Why);

/// <summary>
/// The seed's quality rules (issue 11), beyond what the validators demand of every dataset: trials filed as
/// something else, likely duplicates, disputes that record no dispute, dates that rest on nothing, day and month
/// dates before the calendar switch that do not say their calendar, repeated date claims, editorial remarks
/// inside names, life dates the descriptions give but the records lack, and line locators that miss their
/// excerpt. Every problem names its file, record and field; <c>check-seed</c> prints them after the validators'.
/// </summary>
public static class SeedChecker
{
    public const string DistinctFile = "distinct-events.json";

    /// <param name="folder">The dataset folder (seed/).</param>
    /// <param name="documents">The folder of the documents the seed was made from, for the line locators; null skips that check.</param>
    public static IReadOnlyList<SeedProblem> Check(string folder, string? documents)
    {
        var problems = new List<SeedProblem>();
        List<PersonRecord> persons;
        List<EventEntry> events;
        List<DistinctPair> distinct;
        try
        {
            persons = SeedLoader.ReadFile<PersonRecord>(folder, "persons.json");
            events = EventFiles(folder).SelectMany(f => SeedLoader.ReadFile<EventRecord>(folder, f).Select(r => new EventEntry(f, r))).ToList();
            distinct = File.Exists(Path.Combine(folder, DistinctFile)) ? SeedLoader.ReadFile<DistinctPair>(folder, DistinctFile) : [];
        }
        catch (DatasetException ex)
        {
            // A file that does not parse is already a validation problem; there is nothing to check here.
            return [new SeedProblem("file", ex)];
        }

        foreach (var e in events) problems.AddRange(EventChecks.Check(e));
        problems.AddRange(DuplicateEvents.Check(events, distinct));
        foreach (var p in persons) problems.AddRange(PersonChecks.Check(p));
        if (documents is not null) problems.AddRange(LineLocators.Check(events, folder, documents));
        return problems;
    }

    /// <summary>The documents folder to use by default: the nearest <c>shared/seeds</c> above the dataset, if any.</summary>
    public static string? DefaultDocuments(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    internal static IEnumerable<string> EventFiles(string folder)
    {
        var dir = Path.Combine(folder, "events");
        return Directory.Exists(dir)
            ? Directory.GetFiles(dir, "*.json").Select(p => Path.Combine("events", Path.GetFileName(p))).Order(StringComparer.Ordinal)
            : [];
    }

    internal static SeedProblem Problem(string check, string file, string? record, string? field, string problem) =>
        new(check, new DatasetException(file, record, field, problem));

    /// <summary>A record date as written: the date (null when missing or invalid: the validators report those) and whether it names its calendar.</summary>
    internal static (Dates.HistoricalDate? Date, bool NamesCalendar) DateOf(JsonElement? element)
    {
        if (ImportExport.DatasetRecords.DateOf(element) is not { } d) return (null, false);
        var named = element!.Value.ValueKind == JsonValueKind.Object && element.Value.TryGetProperty("calendar", out _);
        return Dates.HistoricalDate.TryParseEdtf(d.Edtf, d.Calendar, out var date, out _) ? (date, named) : (null, named);
    }
}
