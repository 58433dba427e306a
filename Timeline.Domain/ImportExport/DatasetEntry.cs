using Timeline.Domain.Seeding;

namespace Timeline.Domain.ImportExport;

/// <summary>
/// One record of a dataset as a reader found it: a <see cref="SourceRecord"/>, <see cref="PersonRecord"/> or
/// <see cref="EventRecord"/>, with the file and line it came from for error messages. Readers (JSON, CSV, the
/// synthetic generator) yield these one at a time, sources first, then persons, then events.
/// <paramref name="FieldName"/> turns a record field ("claimStatus") into what the file calls it (a CSV column).
/// </summary>
public readonly record struct DatasetEntry(object Record, string File, long? Line = null, Func<string?, string?>? FieldName = null);

/// <summary>
/// How far an import has got. <paramref name="Done"/> counts records read so far, <paramref name="Total"/> is
/// the number of records when the reader knows it in advance, <paramref name="Rows"/> the rows written.
/// </summary>
public sealed record ImportProgress(string Phase, long Done, long? Total, long Rows);

/// <summary>What an import added. <see cref="Rows"/> counts every inserted row (events, people, names, links...).</summary>
public sealed record ImportResult(int Sources, int Persons, int Events, long Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}

/// <summary>The phases an import reports, in order.</summary>
public static class ImportPhase
{
    /// <summary>Before the import: the records of a file are counted, so progress can say "of N" (<see cref="RecordCounter"/>).</summary>
    public const string Counting = "counting";
    public const string Sources = "sources";
    public const string Persons = "persons";
    public const string Events = "events";
    public const string Indexing = "indexing";
    public const string Done = "done";
}
