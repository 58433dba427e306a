using System.Globalization;
using Timeline.Domain.ImportExport;
using static System.FormattableString;

namespace Timeline.Web.Importing;

/// <summary>
/// What the import page's progress bar shows: the stage, the counts, and how far along as a percentage, or
/// null while the end is unknown (counting records, building indexes), which the bar shows as indeterminate.
/// </summary>
public sealed record ImportStatus(string Stage, string Counts, double? Percent)
{
    public static ImportStatus Uploading(long sent, long total) =>
        new("Uploading", $"{Size(sent)} of {Size(total)}", total == 0 ? 100 : 100.0 * sent / total);

    public static ImportStatus Of(ImportProgress p) => p.Phase switch
    {
        ImportPhase.Counting => new("Counting the records", "", null),
        ImportPhase.Indexing => new("Building the indexes", Records(p), null),
        ImportPhase.Done => new("Done", Records(p), 100),
        _ => new($"Importing {p.Phase}", Records(p), p.Total is { } t && t > 0 ? Math.Min(100, 100.0 * p.Done / t) : null),
    };

    private static string Records(ImportProgress p) =>
        (p.Total is { } t ? Invariant($"{p.Done:N0} of {t:N0} records") : Invariant($"{p.Done:N0} records")) + Invariant($", {p.Rows:N0} rows written");

    /// <summary>Bytes for people: "812 KB", "12.4 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };
}
