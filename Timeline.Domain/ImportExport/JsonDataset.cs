using Timeline.Domain.Seeding;

namespace Timeline.Domain.ImportExport;

/// <summary>The JSON dataset format (seed/README.md) read as a stream of records, from a folder or a single file.</summary>
public static class JsonDataset
{
    /// <summary>
    /// A folder like seed/ (sources.json, persons.json, events/*.json, each optional) or one file holding
    /// <c>{ "sources": [...], "persons": [...], "events": [...] }</c>. Records are read lazily, one at a time.
    /// </summary>
    public static IEnumerable<DatasetEntry> Read(string path)
    {
        if (Directory.Exists(path)) return ReadFolder(path);
        if (File.Exists(path)) return ReadFile(path, Path.GetFileName(path), null);
        throw new FileNotFoundException($"No dataset file or folder at {path}.", path);
    }

    /// <summary>The files of a dataset folder, in the order they are read.</summary>
    public static IReadOnlyList<(string Path, string Name, Type Record)> FolderFiles(string folder)
    {
        var files = new List<(string, string, Type)>();
        void Add(string name, Type type)
        {
            var full = Path.Combine(folder, name);
            if (File.Exists(full)) files.Add((full, name, type));
        }
        Add("sources.json", typeof(SourceRecord));
        Add("persons.json", typeof(PersonRecord));
        var events = Path.Combine(folder, "events");
        if (Directory.Exists(events))
            foreach (var f in Directory.GetFiles(events, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal))
                Add(Path.Combine("events", f!), typeof(EventRecord));
        return files;
    }

    private static IEnumerable<DatasetEntry> ReadFolder(string folder)
    {
        var files = FolderFiles(folder);
        if (files.Count == 0)
            throw new DatasetException(folder, null, null, "no dataset here: expected sources.json, persons.json or events/*.json.");
        foreach (var (path, name, type) in files)
            foreach (var entry in ReadFile(path, name, type))
                yield return entry;
    }

    private static IEnumerable<DatasetEntry> ReadFile(string path, string name, Type? arrayOf)
    {
        using var reader = new JsonRecordReader(File.OpenRead(path), name, arrayOf);
        while (reader.TryRead(out var entry)) yield return entry;
    }
}
