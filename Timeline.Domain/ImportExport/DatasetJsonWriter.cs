using System.Buffers;
using System.Text.Json;
using Timeline.Domain.Seeding;

namespace Timeline.Domain.ImportExport;

/// <summary>
/// Writes the single-file JSON dataset, <c>{ "sources": [...], "persons": [...], "events": [...] }</c>, one record
/// at a time, flushing to the stream as it goes. Records must come in that order (sources, persons, events);
/// all three sections are always written, empty ones as <c>[]</c>, so equal data gives equal bytes.
/// </summary>
public sealed class DatasetJsonWriter : IAsyncDisposable
{
    private const int FlushAt = 1 << 16;
    private static readonly string[] Sections = ["sources", "persons", "events"];

    private readonly Stream _stream;
    // The serializer flushes its writer after each value; into a buffer, so the stream is only written asynchronously.
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushAt * 2);
    private readonly Utf8JsonWriter _json;
    private int _section = -1;
    private bool _completed;

    public DatasetJsonWriter(Stream stream)
    {
        _stream = stream;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = DatasetJson.Options.Encoder });
        _json.WriteStartObject();
    }

    public Task WriteAsync(SourceRecord record, CancellationToken ct = default) => WriteAsync(0, record, ct);
    public Task WriteAsync(PersonRecord record, CancellationToken ct = default) => WriteAsync(1, record, ct);
    public Task WriteAsync(EventRecord record, CancellationToken ct = default) => WriteAsync(2, record, ct);

    private async Task WriteAsync<T>(int section, T record, CancellationToken ct)
    {
        Enter(section);
        JsonSerializer.Serialize(_json, record, DatasetJson.Options);
        if (_buffer.WrittenCount + _json.BytesPending >= FlushAt) await FlushAsync(ct);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        _json.Flush();
        await _stream.WriteAsync(_buffer.WrittenMemory, ct);
        _buffer.ResetWrittenCount();
    }

    private void Enter(int section)
    {
        if (_completed || section < _section)
            throw new InvalidOperationException($"Write {Sections[section]} before {Sections[Math.Max(_section, 0)]}: the sections come in the order sources, persons, events.");
        while (_section < section)
        {
            if (_section >= 0) _json.WriteEndArray();
            _section++;
            _json.WritePropertyName(Sections[_section]);
            _json.WriteStartArray();
        }
    }

    /// <summary>Closes the remaining sections and the object, and flushes.</summary>
    public async Task CompleteAsync(CancellationToken ct = default)
    {
        if (_completed) return;
        Enter(2);
        _json.WriteEndArray();
        _json.WriteEndObject();
        _completed = true;
        await FlushAsync(ct);
        await _stream.FlushAsync(ct);
    }

    public async ValueTask DisposeAsync() => await _json.DisposeAsync();
}
