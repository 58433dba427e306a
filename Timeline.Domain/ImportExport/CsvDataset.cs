using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Timeline.Domain.Dates;
using Timeline.Domain.Seeding;
using Timeline.Domain.Text;

namespace Timeline.Domain.ImportExport;

/// <summary>
/// The CSV form of the dataset (seed/README.md, "CSV"): events.csv with one row per event, and beside it
/// optional persons.csv and sources.csv. Rows become the same records the JSON form has, so validation and
/// loading are shared; errors name the file, the line and the column.
/// </summary>
public static partial class CsvDataset
{
    public const string EventsFile = "events.csv";
    public const string PersonsFile = "persons.csv";
    public const string SourcesFile = "sources.csv";

    public static readonly IReadOnlyList<string> EventColumns =
    [
        "key", "kind", "title", "summary", "place", "start", "end", "calendar", "date_note", "claim_status", "participants", "evidence",
        "date_claims", "court", "trial_unnamed_defendants", "trial_defendants_note", "arrest_agency", "arrest_place", "arrest_charge", "expelled_from", "expulsion_organisation",
        "expulsion_body", "expulsion_reason",
    ];

    public static readonly IReadOnlyList<string> PersonColumns = ["key", "name", "variants", "born", "died", "life_dates_note", "description"];

    public static readonly IReadOnlyList<string> SourceColumns =
    [
        "key", "title", "author", "kind", "date", "language", "url", "publication", "description",
        "archive", "fond", "opis", "delo", "volume", "pages",
    ];

    private static readonly string[] ArchiveColumns = ["archive", "fond", "opis", "delo", "volume", "pages"];
    private static readonly string[] RequiredEventColumns = ["key", "kind", "title", "start", "claim_status", "evidence"];
    private static readonly string[] RequiredPersonColumns = ["key", "name"];
    private static readonly string[] RequiredSourceColumns = ["key", "title", "kind"];

    /// <summary>
    /// What bytes that are not UTF-8 decode to: a noncharacter, which Unicode keeps for a program's internal use, so that
    /// the row holding them can be refused with its line and column. (The decoder reads ahead of the parser, so an
    /// exception from it would name the wrong row; the usual U+FFFD would let a damaged file through.)
    /// </summary>
    private const char NotUtf8 = '\uFDD0';

    private static readonly System.Text.Encoding StrictUtf8 = System.Text.Encoding.GetEncoding(
        System.Text.Encoding.UTF8.CodePage, System.Text.EncoderFallback.ReplacementFallback, new System.Text.DecoderReplacementFallback(NotUtf8.ToString()));

    internal static CsvConfiguration Configuration => new(CultureInfo.InvariantCulture) { DetectColumnCountChanges = false };

    /// <summary>
    /// Reads a CSV file. persons.csv or sources.csv alone hold just those records; any other file is an events
    /// file, read after the sources.csv and persons.csv beside it when they exist.
    /// </summary>
    public static IEnumerable<DatasetEntry> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No CSV file at {path}.", path);
        var name = Path.GetFileName(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (name.Equals(SourcesFile, StringComparison.OrdinalIgnoreCase)) return ReadSources(path, name);
        if (name.Equals(PersonsFile, StringComparison.OrdinalIgnoreCase)) return ReadPersons(path, name);
        return ReadWithCompanions(path, name, folder);
    }

    private static IEnumerable<DatasetEntry> ReadWithCompanions(string path, string name, string folder)
    {
        var sources = Path.Combine(folder, SourcesFile);
        if (File.Exists(sources)) foreach (var e in ReadSources(sources, SourcesFile)) yield return e;
        var persons = Path.Combine(folder, PersonsFile);
        if (File.Exists(persons)) foreach (var e in ReadPersons(persons, PersonsFile)) yield return e;
        foreach (var e in ReadEvents(path, name)) yield return e;
    }

    public static IEnumerable<DatasetEntry> ReadSources(string path, string file) =>
        Rows(path, file, SourceColumns, RequiredSourceColumns, row => new SourceRecord
        {
            Id = row.Text("key") ?? "",
            Title = row.Text("title") ?? "",
            Author = row.Text("author"),
            Kind = row.Text("kind") ?? "",
            Date = DatasetDates.FromCell(row.Text("date")),
            Language = row.Text("language"),
            Url = row.Text("url"),
            Publication = row.Text("publication"),
            Description = row.Text("description"),
            Archive = ArchiveColumns.Any(c => row.Text(c) is not null)
                ? new ArchiveRecord
                {
                    Archive = row.Text("archive") ?? "",
                    Fond = row.Text("fond"),
                    Opis = row.Text("opis"),
                    Delo = row.Text("delo"),
                    Volume = row.Text("volume"),
                    Pages = row.Text("pages"),
                }
                : null,
        });

    public static IEnumerable<DatasetEntry> ReadPersons(string path, string file) =>
        Rows(path, file, PersonColumns, RequiredPersonColumns, row => new PersonRecord
        {
            Id = row.Text("key") ?? "",
            Name = row.Text("name") ?? "",
            Variants = List(row, "variants", "a name", null, (name, _, attrs, _) => new NameVariantRecord(name, attrs.Take("note"))),
            Born = DatasetDates.FromCell(row.Text("born")),
            Died = DatasetDates.FromCell(row.Text("died")),
            LifeDatesNote = row.Text("life_dates_note"),
            Description = row.Text("description"),
        });

    public static IEnumerable<DatasetEntry> ReadEvents(string path, string file) =>
        Rows(path, file, EventColumns, RequiredEventColumns, row =>
        {
            var calendar = CalendarSystem.Gregorian;
            if (row.Text("calendar") is { } c && !Kebab.TryParse(c, out calendar))
                throw row.Error("calendar", $"{Excerpt.Quote(c)} is not gregorian or julian.");
            string? court = row.Text("court"), unnamed = row.Text("trial_unnamed_defendants"), defendantsNote = row.Text("trial_defendants_note");
            string? arrestAgency = row.Text("arrest_agency"), arrestPlace = row.Text("arrest_place"), arrestCharge = row.Text("arrest_charge");
            string? from = row.Text("expelled_from"), organisation = row.Text("expulsion_organisation"),
                body = row.Text("expulsion_body"), reason = row.Text("expulsion_reason");
            return new EventRecord
            {
                Id = row.Text("key") ?? "",
                Kind = row.Text("kind") ?? "",
                Title = row.Text("title") ?? "",
                Summary = row.Text("summary"),
                Place = row.Text("place"),
                Start = DatasetDates.FromCell(row.Text("start"), calendar) ?? default,
                End = DatasetDates.FromCell(row.Text("end"), calendar),
                DateNote = row.Text("date_note"),
                ClaimStatus = row.Text("claim_status") ?? "",
                Participants = Participants(row),
                Evidence = Evidence(row),
                DateClaims = DateClaims(row),
                Trial = (court ?? unnamed ?? defendantsNote) is not null
                    ? new TrialRecord { Court = court, UnnamedDefendants = Count(row, "trial_unnamed_defendants"), DefendantsNote = defendantsNote } : null,
                Arrest = (arrestAgency ?? arrestPlace ?? arrestCharge) is not null
                    ? new ArrestRecord { Agency = arrestAgency, Place = arrestPlace, Charge = arrestCharge } : null,
                Expulsion = (from ?? organisation ?? body ?? reason) is not null
                    ? new ExpulsionRecord { From = from, Organisation = organisation, Body = body, Reason = reason } : null,
            };
        });

    private static List<ParticipantRecord>? Participants(Row row) => List(row, "participants", "person-key:role", ':', (key, role, attrs, _) =>
        new ParticipantRecord
        {
            Person = key,
            Role = role,
            Outcome = attrs.Take("outcome"),
            Charge = attrs.Take("charge"),
            Verdict = attrs.Take("verdict"),
            Sentence = attrs.Take("sentence"),
        });

    private static List<EvidenceRecord>? Evidence(Row row) => List(row, "evidence", "source-key@locator", '@', (key, locator, attrs, _) =>
        new EvidenceRecord
        {
            Source = key,
            Locator = locator,
            Stance = attrs.Take("stance") ?? "supports",
            Note = attrs.Take("note"),
            Date = DatasetDates.FromCell(attrs.Take("date")),
        });

    private static List<DateClaimRecord>? DateClaims(Row row) => List(row, "date_claims", "source-key@locator", '@', (key, locator, attrs, at) =>
        new DateClaimRecord
        {
            Source = key,
            Locator = locator,
            Start = DatasetDates.FromCell(attrs.Take("start")) ?? throw row.Error(at, "a date claim needs start=DATE."),
            End = DatasetDates.FromCell(attrs.Take("end")),
            Preferred = attrs.Flag("preferred"),
            Note = attrs.Take("note"),
        });

    private static int? Count(Row row, string column) => row.Text(column) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw row.Error(column, $"{Excerpt.Quote(text)} is not a whole number.");

    /// <summary>
    /// Parses a list cell whose items are <c>key SEP value;attr=...</c> (or, without a separator, <c>value;attr=...</c>);
    /// unknown attributes are errors.
    /// </summary>
    private static List<T>? List<T>(Row row, string column, string shape, char? separator, Func<string, string, Attributes, string, T> make)
    {
        var items = CsvLists.Items(row.Text(column));
        if (items.Count == 0) return null;
        var list = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{column} #{i + 1}";
            var (head, attributes) = CsvLists.Item(items[i]);
            var cut = separator is { } s ? head.IndexOf(s, StringComparison.Ordinal) : head.Length;
            if (cut <= 0) throw row.Error(at, $"{Excerpt.Quote(head)} is not {shape}.");
            var attrs = new Attributes(attributes);
            var item = make(head[..cut].Trim(), separator is null ? "" : head[(cut + 1)..].Trim(), attrs, at);
            if (attrs.Unused() is { } unknown) throw row.Error(at, $"{Excerpt.Quote(unknown)} is not an attribute here.");
            list.Add(item);
        }
        return list;
    }

    private sealed class Attributes(List<KeyValuePair<string, string?>> pairs)
    {
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);

        public string? Take(string name)
        {
            _used.Add(name);
            var value = pairs.LastOrDefault(p => p.Key == name).Value;
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }

        public bool Flag(string name)
        {
            _used.Add(name);
            return pairs.Any(p => p.Key == name && p.Value is null or "true");
        }

        public string? Unused() => pairs.Select(p => p.Key).FirstOrDefault(k => !_used.Contains(k));
    }

    /// <summary>One data row: its cells by column name, its line, and its record id for errors.</summary>
    private sealed class Row(string file, long line, Dictionary<string, int> columns, string[] cells)
    {
        public long Line => line;

        // A cell the writer kept from running as a spreadsheet formula loses exactly the apostrophe it was given.
        public string? Text(string column) =>
            columns.TryGetValue(column, out var i) && i < cells.Length && !string.IsNullOrWhiteSpace(cells[i]) ? CsvCells.Restore(cells[i]).Trim() : null;

        /// <summary>
        /// Refuses what a reader would otherwise pass on quietly: cells past the header (which column did the writer
        /// mean?), a NUL character, and bytes that were not UTF-8 (decoded to <see cref="NotUtf8"/>).
        /// </summary>
        public void Check(int headerCells)
        {
            if (cells.Length > headerCells)
                throw Error($"cell {headerCells + 1}", $"the row has {cells.Length} cells; the header names {headerCells} columns. A comma in a value needs the value in double quotes.");
            foreach (var (name, i) in columns)
            {
                if (i >= cells.Length) continue;
                if (cells[i].Contains(NotUtf8, StringComparison.Ordinal)) throw Error(name, "the text is not valid UTF-8; save the file as UTF-8.");
                if (cells[i].Contains('\0', StringComparison.Ordinal)) throw Error(name, "the text holds a NUL character.");
            }
        }

        public DatasetException Error(string field, string problem) => new(file, Text("key"), field, problem, line);
    }

    private static IEnumerable<DatasetEntry> Rows(string path, string file, IReadOnlyList<string> known, string[] required, Func<Row, object> make)
    {
        using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, Configuration);
        var header = Next(parser, file) ?? throw new DatasetException(file, null, null, "the file is empty; it needs a header row.", 1);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().ToLowerInvariant();
            if (!known.Contains(name)) throw new DatasetException(file, null, header[i], $"{Excerpt.Quote(header[i])} is not a column; the columns are {string.Join(", ", known)}.", 1);
            if (!columns.TryAdd(name, i)) throw new DatasetException(file, null, name, "the column appears twice.", 1);
        }
        if (required.FirstOrDefault(r => !columns.ContainsKey(r)) is { } missing)
            throw new DatasetException(file, null, missing, $"the required column '{missing}' is missing.", 1);

        while (Next(parser, file) is { } cells)
        {
            var row = new Row(file, StartLine(parser), columns, cells);
            row.Check(header.Length);
            object record;
            try
            {
                record = make(row);
            }
            catch (DatasetException ex) when (ex.Line is null)
            {
                throw new DatasetException(file, ex.Record, ex.Field, ex.Problem, row.Line);
            }
            yield return new DatasetEntry(record, file, row.Line, ColumnOf);
        }
    }

    /// <summary>The next row's cells, or null at the end. The parser reads fields lazily, so bad quoting surfaces here.</summary>
    private static string[]? Next(CsvParser parser, string file)
    {
        try
        {
            return parser.Read() ? parser.Record : null;
        }
        catch (BadDataException ex)
        {
            throw new DatasetException(file, null, null,
                "the row is not valid CSV: a field with quotes must be quoted as a whole, and a quote inside it doubled (\"\").",
                ex.Context?.Parser?.RawRow ?? parser.RawRow);
        }
    }

    // RawRow is the line a record ends on; a quoted field may span lines.
    private static long StartLine(CsvParser parser) =>
        parser.RawRow - parser.RawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');

    /// <summary>The CSV column a record field comes from, for errors raised by the shared builder.</summary>
    public static string? ColumnOf(string? field)
    {
        if (field is null) return null;
        var mapped = field switch
        {
            "id" => "key",
            "claimStatus" => "claim_status",
            "trial" or "trial.court" => "court",
            "trial.unnamedDefendants" => "trial_unnamed_defendants",
            "trial.defendantsNote" => "trial_defendants_note",
            "dateNote" => "date_note",
            "lifeDatesNote" => "life_dates_note",
            "arrest" or "arrest.agency" => "arrest_agency",
            "arrest.place" => "arrest_place",
            "arrest.charge" => "arrest_charge",
            "expulsion" or "expulsion.from" => "expelled_from",
            "expulsion.organisation" => "expulsion_organisation",
            "expulsion.body" => "expulsion_body",
            "expulsion.reason" => "expulsion_reason",
            "archive.archive" => "archive",
            _ when field.StartsWith("archive.", StringComparison.Ordinal) => field["archive.".Length..],
            _ when field.StartsWith("dateClaims", StringComparison.Ordinal) => "date_claims" + field["dateClaims".Length..],
            _ when field.StartsWith("names", StringComparison.Ordinal) => "variants" + field["names".Length..],
            _ => field,
        };
        // "participants[0].role" -> "participants #1 role": items are counted from one in a cell.
        return ListItem().Replace(mapped, m => $"{m.Groups[1].Value} #{int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + 1}"
            + (m.Groups[3].Success ? " " + m.Groups[3].Value : ""));
    }

    [GeneratedRegex(@"^(\w+)\[(\d+)\](?:\.(\w+))?$")]
    private static partial Regex ListItem();
}
