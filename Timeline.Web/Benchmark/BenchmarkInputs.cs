using System.Globalization;
using Microsoft.Data.Sqlite;
using Timeline.Domain.Model;

namespace Timeline.Web.Benchmark;

/// <summary>
/// What the benchmark draws its inputs from, read once per database: where in time the events are, how many events each
/// person is in, the commonest surnames, and words of events (common and rare). Drawing from these, rather than
/// uniformly, puts the samples where users' requests fall and where the work is: the busy years, the busiest persons,
/// the surnames thousands of persons share, the words in every event.
/// </summary>
public sealed class BenchmarkInputs
{
    /// <summary>Persons in this many events or more are sampled as busy ones in the report's header.</summary>
    public const int Busy = 1000;

    public required int MaxEventId { get; init; }
    public required int Events { get; init; }

    /// <summary>Months that hold events (month index = year × 12 + month − 1) and the running total of events up to each.</summary>
    public required int[] Months { get; init; }
    public required long[] Cumulative { get; init; }

    /// <summary>Persons with at least one live event, busiest first, and the same grouped by the decimal order of their count.</summary>
    public required (int Id, int Events)[] Persons { get; init; }
    public required (int Id, int Events)[][] Bands { get; init; }

    /// <summary>Every person's name, for drawing prefixes as often as names begin with them.</summary>
    public required string[] Names { get; init; }

    /// <summary>The commonest last words of names (surnames), most common first, with how many persons bear them.</summary>
    public required (string Surname, int Persons)[] Surnames { get; init; }

    /// <summary>Title words of a sample of events (names, kinds, places): the single-word searches.</summary>
    public required string[] TitleWords { get; init; }

    /// <summary>The words of each sampled event's title and summary, for multi-word searches that find something.</summary>
    public required string[][] EventWords { get; init; }

    /// <summary>Words in at least half of the sampled events, with the share they are in.</summary>
    public required (string Word, double Share)[] CommonWords { get; init; }

    public static async Task<BenchmarkInputs> ReadAsync(string connectionString, CancellationToken ct)
    {
        await using var db = new SqliteConnection(connectionString);
        await db.OpenAsync(ct);
        var maxId = (await RowsAsync(db, """SELECT max("Id") FROM "Events" """, r => r.IsDBNull(0) ? 0 : r.GetInt32(0), ct))[0];
        var months = await RowsAsync(db, """SELECT "Month", sum("Count") FROM "EventMonthCounts" GROUP BY "Month" HAVING sum("Count") > 0 ORDER BY "Month" """,
            r => (Month: r.GetInt32(0), Count: r.GetInt64(1)), ct);
        var cumulative = new long[months.Count];
        for (long i = 0, sum = 0; i < months.Count; i++) cumulative[i] = sum += months[(int)i].Count;
        var persons = (await RowsAsync(db, """
            SELECT p."PersonId", count(*) FROM "Participations" p
            WHERE p."EventId" NOT IN (SELECT "Id" FROM "Events" WHERE "IsDeleted")
            GROUP BY p."PersonId" ORDER BY 2 DESC, 1
            """, r => (Id: r.GetInt32(0), Events: r.GetInt32(1)), ct)).ToArray();
        var names = (await RowsAsync(db, """SELECT "Name" FROM "Persons" WHERE NOT "IsDeleted" """, r => r.GetString(0), ct)).ToArray();
        var surnames = names.Select(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
            .Where(s => s.Length > 2).GroupBy(s => s, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))
            .OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal).Take(30).ToArray();
        // A spread sample of about a thousand events (every k-th id; a prime step at a million, so no pattern of the generator repeats in it).
        var step = maxId >= 997_000 ? 997 : Math.Max(1, maxId / 1000);
        var sampled = await RowsAsync(db, $"""SELECT "Title", "Summary" FROM "Events" WHERE "Id" % {step} = 0 AND NOT "IsDeleted" """,
            r => (Title: r.GetString(0), Summary: r.GetString(1)), ct);
        var eventWords = sampled.Select(e => Words(e.Title + " " + e.Summary).Distinct(StringComparer.OrdinalIgnoreCase).ToArray()).ToArray();
        var common = eventWords.SelectMany(w => w.Select(x => x.ToLowerInvariant()).Distinct()).GroupBy(w => w)
            .Select(g => (Word: g.Key, Share: (double)g.Count() / Math.Max(1, eventWords.Length)))
            .Where(g => g.Share >= 0.5).OrderByDescending(g => g.Share).ThenBy(g => g.Word, StringComparer.Ordinal).ToArray();
        return new BenchmarkInputs
        {
            MaxEventId = maxId,
            Events = (int)(cumulative.Length == 0 ? 0 : cumulative[^1]),
            Months = months.Select(m => m.Month).ToArray(),
            Cumulative = cumulative,
            Persons = persons,
            Bands = persons.GroupBy(p => (int)Math.Log10(p.Events)).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray(),
            Names = names,
            Surnames = surnames,
            TitleWords = sampled.SelectMany(e => Words(e.Title)).Where(w => w.Length > 4).Distinct().Order(StringComparer.Ordinal).ToArray(),
            EventWords = eventWords.Where(w => w.Length >= 2).ToArray(),
            CommonWords = common,
        };
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', ',', '.', '(', ')', ';', ':', '?', '~'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3 && w.All(char.IsLetter));

    /// <summary>A day drawn as the events are distributed: a month in proportion to its events, then a day of it.</summary>
    public DateOnly Day(Random r)
    {
        var target = (long)(r.NextDouble() * Cumulative[^1]);
        var i = Array.BinarySearch(Cumulative, target + 1);
        var month = Months[i < 0 ? ~i : i];
        var first = new DateOnly(month / 12, month % 12 + 1, 1);
        return first.AddDays(r.Next(DateTime.DaysInMonth(first.Year, first.Month)));
    }

    /// <summary>The span the timeline page lets a user move in (timeline.js: min and max).</summary>
    public static readonly (DateOnly From, DateOnly To) Scrollable = (new DateOnly(1800, 1, 1), new DateOnly(2100, 1, 1));

    /// <summary>
    /// A window the timeline page can show, from a week (its smallest zoom) to two centuries, log-uniform in length,
    /// around a given day, kept inside the span the page scrolls in.
    /// </summary>
    public static (DateOnly From, DateOnly To) Window(Random r, DateOnly around)
    {
        var days = (int)Math.Round(Math.Exp(Math.Log(7) + r.NextDouble() * (Math.Log(200 * 365.25) - Math.Log(7))));
        var from = around.DayNumber - r.Next(days + 1);
        from = Math.Clamp(from, Scrollable.From.DayNumber, Scrollable.To.DayNumber - days);
        return (DateOnly.FromDayNumber(from), DateOnly.FromDayNumber(from + days));
    }

    /// <summary>
    /// A person drawn across the whole distribution of event counts: every tenth sample is one of the five busiest (the
    /// busiest first), the others a band of counts (1–9, 10–99, 100–999, …) drawn uniformly, then a person of it.
    /// </summary>
    public (int Id, int Events) Person(Random r, int sample)
    {
        if (sample % 10 == 0) return Persons[sample / 10 % Math.Min(5, Persons.Length)];
        var band = Bands[r.Next(Bands.Length)];
        return band[r.Next(band.Length)];
    }

    /// <summary>One of the commonest surnames: the name filters users find slowest (thousands of namesakes).</summary>
    public string Surname(Random r) => Surnames[r.Next(Surnames.Length)].Surname;

    /// <summary>Three letters as a user types them into the person picker: the start of a word of a random person's name.</summary>
    public string Prefix(Random r)
    {
        var words = Names[r.Next(Names.Length)].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3).ToArray();
        return words.Length == 0 ? "ale" : words[r.Next(words.Length)][..3].ToLowerInvariant();
    }

    /// <summary>Two to four words of one event, in a random order: a search that finds at least that event.</summary>
    public string Phrase(Random r)
    {
        var words = EventWords[r.Next(EventWords.Length)];
        return string.Join(' ', words.OrderBy(_ => r.Next()).Take(r.Next(2, Math.Min(4, words.Length) + 1)));
    }

    public EventKind Kind(Random r) => Enum.GetValues<EventKind>()[r.Next(Enum.GetValues<EventKind>().Length)];

    /// <summary>The sort day of one of a person's events, drawn uniformly, so that a person's windows fall where that person's events are.</summary>
    public static async Task<DateOnly> DayOfAsync(SqliteConnection db, (int Id, int Events) person, Random r, CancellationToken ct)
    {
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT e."SortDay" FROM "Participations" p JOIN "Events" e ON e."Id" = p."EventId"
            WHERE p."PersonId" = $p LIMIT 1 OFFSET $k
            """;
        command.Parameters.AddWithValue("$p", person.Id);
        command.Parameters.AddWithValue("$k", r.Next(person.Events));
        return await command.ExecuteScalarAsync(ct) is long day ? DateOnly.FromDayNumber((int)day) : new DateOnly(1937, 1, 1);
    }

    public string Describe()
    {
        string Pct(double p) => Persons.Length == 0 ? "-" : Persons[(int)((1 - p) * (Persons.Length - 1))].Events.ToString("N0", CultureInfo.InvariantCulture);
        var busiest = Persons.Length == 0 ? "none" : $"{Persons[0].Events:N0} (person {Persons[0].Id})";
        return $"  inputs: events per person with any: median {Pct(0.5)}, p90 {Pct(0.9)}, p99 {Pct(0.99)}, busiest {busiest}; " +
            $"{Persons.Count(p => p.Events >= Busy)} persons in {Busy:N0}+\n" +
            $"  commonest surnames: {string.Join(", ", Surnames.Take(5).Select(s => $"{s.Surname} ({s.Persons:N0} persons)"))}\n" +
            $"  words in half the events or more: {string.Join(", ", CommonWords.Take(8).Select(w => $"{w.Word} ({w.Share * 100:0}%)"))}";
    }

    private static async Task<List<T>> RowsAsync<T>(SqliteConnection db, string sql, Func<SqliteDataReader, T> read, CancellationToken ct)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }
}
