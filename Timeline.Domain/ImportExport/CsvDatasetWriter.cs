using System.Text;
using CsvHelper;
using Timeline.Domain.Dates;
using Timeline.Domain.Seeding;

namespace Timeline.Domain.ImportExport;

/// <summary>
/// Writes dataset records in the CSV form <see cref="CsvDataset"/> reads (seed/README.md, "CSV"): one file per
/// kind of record, a header row first, flushing as it goes. No cell begins as a spreadsheet formula (<see cref="CsvCells"/>).
/// </summary>
public sealed class CsvDatasetWriter : IAsyncDisposable
{
    private const int FlushEvery = 500;
    private readonly StreamWriter _text;
    private readonly CsvWriter _csv;
    private int _rows;

    private CsvDatasetWriter(Stream stream, IReadOnlyList<string> columns)
    {
        // A byte order mark, so that spreadsheet programs read the file as UTF-8.
        _text = new StreamWriter(stream, new UTF8Encoding(true), bufferSize: 1 << 16, leaveOpen: true);
        _csv = new CsvWriter(_text, CsvDataset.Configuration);
        foreach (var c in columns) _csv.WriteField(c);
    }

    public static CsvDatasetWriter Events(Stream stream) => new(stream, CsvDataset.EventColumns);
    public static CsvDatasetWriter Persons(Stream stream) => new(stream, CsvDataset.PersonColumns);
    public static CsvDatasetWriter Sources(Stream stream) => new(stream, CsvDataset.SourceColumns);

    public Task WriteAsync(SourceRecord s, CancellationToken ct = default)
    {
        var a = s.Archive;
        return RowAsync(ct, s.Id, s.Title, s.Author, s.Kind, Cell(s.Date), s.Language, s.Url, s.Publication, s.Description,
            a?.Archive, a?.Fond, a?.Opis, a?.Delo, a?.Volume, a?.Pages);
    }

    public Task WriteAsync(PersonRecord p, CancellationToken ct = default) =>
        RowAsync(ct, p.Id, p.Name, string.Join(CsvLists.ItemSeparator, (p.Variants ?? []).Select(v => CsvLists.Item(v.Name, ("note", v.Note)))),
            Cell(p.Born), Cell(p.Died), p.LifeDatesNote, p.Description);

    public Task WriteAsync(EventRecord e, CancellationToken ct = default)
    {
        // The calendar column is the start's; an end in the other calendar carries a prefix.
        var calendar = DatasetRecords.DateOf(e.Start)?.Calendar ?? CalendarSystem.Gregorian;
        var participants = (e.Participants ?? []).Select(p => CsvLists.Item($"{p.Person}:{p.Role}",
            ("outcome", p.Outcome), ("charge", p.Charge), ("verdict", p.Verdict), ("sentence", p.Sentence)));
        var evidence = (e.Evidence ?? []).Select(x => CsvLists.Item($"{x.Source}@{x.Locator}",
            ("stance", x.Stance == "supports" ? null : x.Stance), ("note", x.Note), ("date", Cell(x.Date))));
        var claims = (e.DateClaims ?? []).Select(c => CsvLists.WithFlag(CsvLists.Item($"{c.Source}@{c.Locator}",
            ("start", Cell(c.Start)), ("end", Cell(c.End)), ("note", c.Note)), "preferred", c.Preferred));
        return RowAsync(ct, e.Id, e.Kind, e.Title, e.Summary, e.Place, Cell(e.Start, calendar), Cell(e.End, calendar),
            calendar == CalendarSystem.Julian ? "julian" : null, e.DateNote, e.ClaimStatus,
            string.Join(CsvLists.ItemSeparator, participants), string.Join(CsvLists.ItemSeparator, evidence),
            string.Join(CsvLists.ItemSeparator, claims),
            e.Trial?.Court, e.Trial?.UnnamedDefendants?.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Trial?.DefendantsNote,
            e.Arrest?.Agency, e.Arrest?.Place, e.Arrest?.Charge,
            e.Expulsion?.From, e.Expulsion?.Organisation, e.Expulsion?.Body, e.Expulsion?.Reason);
    }

    private static string? Cell(System.Text.Json.JsonElement? date, CalendarSystem column = CalendarSystem.Gregorian) =>
        DatasetRecords.DateOf(date) is { } d ? DatasetDates.ToCell(d.Edtf, d.Calendar, column) : null;

    private async Task RowAsync(CancellationToken ct, params string?[] cells)
    {
        await _csv.NextRecordAsync();
        // A cell a spreadsheet would run as a formula is written as text (CsvCells); the reader undoes it.
        foreach (var c in cells) _csv.WriteField(c is null ? null : CsvCells.Neutralise(c));
        if (++_rows % FlushEvery == 0)
        {
            await _csv.FlushAsync();
            await _text.FlushAsync(ct);
        }
    }

    /// <summary>Ends the last row and flushes everything to the stream.</summary>
    public async Task CompleteAsync(CancellationToken ct = default)
    {
        await _csv.NextRecordAsync();
        await _csv.FlushAsync();
        await _text.FlushAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _csv.DisposeAsync();
        await _text.DisposeAsync();
    }
}
