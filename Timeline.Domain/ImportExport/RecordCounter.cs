using System.Text.Json;
using CsvHelper;
using Timeline.Domain.Seeding;

namespace Timeline.Domain.ImportExport;

/// <summary>
/// Counts the records at a path before it is imported, so that progress can say "of N" and the importer knows
/// how large the import is next to the database (<see cref="DeferredIndexes"/>). It only tokenizes, which costs a
/// small part of what reading and validating the records costs. The files are the ones
/// <see cref="DatasetImporter.Open"/> would read.
/// </summary>
public static class RecordCounter
{
    /// <summary>How many records the path holds; null when it cannot tell (the import then reports the problem with its line).</summary>
    public static long? Count(string path, CancellationToken ct = default)
    {
        try
        {
            return Files(path).Sum(f => f.Csv ? CountCsv(f.Path, ct) : CountJson(f.Path, f.RecordDepth, ct));
        }
        catch (Exception e) when (e is JsonException or CsvHelperException or IOException or DatasetException)
        {
            return null;
        }
    }

    /// <param name="RecordDepth">How deep record objects sit: 1 in a folder's array files, 2 in a single file's sections.</param>
    private readonly record struct CountedFile(string Path, bool Csv, int RecordDepth);

    private static IEnumerable<CountedFile> Files(string path)
    {
        if (Directory.Exists(path))
        {
            var events = Path.Combine(path, CsvDataset.EventsFile);
            return File.Exists(events) ? CsvFiles(events) : JsonDataset.FolderFiles(path).Select(f => new CountedFile(f.Path, false, 1));
        }
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => CsvFiles(path),
            ".json" => [new CountedFile(path, false, 2)],
            _ => throw new DatasetException(Path.GetFileName(path), null, null, "not a dataset file."),
        };
    }

    // As CsvDataset.Read: an events file brings the sources.csv and persons.csv beside it.
    private static IEnumerable<CountedFile> CsvFiles(string path)
    {
        var name = Path.GetFileName(path);
        if (!name.Equals(CsvDataset.SourcesFile, StringComparison.OrdinalIgnoreCase) && !name.Equals(CsvDataset.PersonsFile, StringComparison.OrdinalIgnoreCase))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            foreach (var companion in new[] { CsvDataset.SourcesFile, CsvDataset.PersonsFile }.Select(f => Path.Combine(folder, f)).Where(File.Exists))
                yield return new CountedFile(companion, true, 0);
        }
        yield return new CountedFile(path, true, 0);
    }

    private static long CountCsv(string path, CancellationToken ct)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, CsvDataset.Configuration);
        long rows = 0;
        while (parser.Read())
            if (++rows % 10_000 == 0) ct.ThrowIfCancellationRequested();
        // The first row is the header.
        return Math.Max(0, rows - 1);
    }

    private static long CountJson(string path, int recordDepth, CancellationToken ct)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        long records = 0;
        var length = 0;
        var first = true;
        var eof = false;
        while (!eof)
        {
            ct.ThrowIfCancellationRequested();
            var read = stream.Read(buffer, length, buffer.Length - length);
            eof = read == 0;
            length += read;
            // A byte order mark is not JSON; the reader skips it too.
            var start = first && length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
            first = false;
            var json = new Utf8JsonReader(buffer.AsSpan(start, length - start), eof, state);
            while (json.Read())
                if (json.TokenType == JsonTokenType.StartObject && json.CurrentDepth == recordDepth) records++;
            state = json.CurrentState;
            // Keep the unfinished token for the next read; a token larger than the buffer needs a larger one.
            var consumed = start + (int)json.BytesConsumed;
            var rest = length - consumed;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, rest);
            length = rest;
            if (rest == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        }
        return records;
    }
}
