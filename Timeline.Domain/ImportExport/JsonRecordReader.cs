using System.Text.Json;
using Timeline.Domain.Seeding;

namespace Timeline.Domain.ImportExport;

/// <summary>
/// Reads dataset records one at a time from a JSON stream of any size: either an array of one kind of record
/// (the folder form: sources.json, persons.json, events/*.json) or the single-file form
/// <c>{ "sources": [...], "persons": [...], "events": [...] }</c>. Only one record is in memory at a time.
/// Each record comes with the line it starts on; a malformed file fails with its line.
/// </summary>
internal sealed class JsonRecordReader : IDisposable
{
    private static readonly string[] SectionNames = ["sources", "persons", "events"];

    private readonly Stream _stream;
    private readonly string _file;
    private readonly Type? _arrayOf;
    private byte[] _buffer = new byte[1 << 16];
    private int _offset;
    private int _length;
    private bool _eof;
    private bool _started;
    private long _line = 1;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
    private Stage _stage = Stage.BeforeRoot;
    private int _section = -1;

    private enum Stage { BeforeRoot, InObject, BeforeArray, InArray, AfterRoot }

    /// <param name="arrayOf">The record type of a top-level array file; null for the single-file object form.</param>
    public JsonRecordReader(Stream stream, string file, Type? arrayOf)
    {
        _stream = stream;
        _file = file;
        _arrayOf = arrayOf;
        if (arrayOf is not null) _section = Array.IndexOf(SectionNames, SectionOf(arrayOf));
    }

    public static string SectionOf(Type record) =>
        record == typeof(SourceRecord) ? "sources" : record == typeof(PersonRecord) ? "persons" : "events";

    /// <summary>Reads the next record; false at the end of the file.</summary>
    public bool TryRead(out DatasetEntry entry)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_offset, _length - _offset), _eof, _state);
            Step result;
            object? record = null;
            long line = 0;
            try
            {
                result = Advance(ref reader, ref record, ref line);
            }
            catch (JsonException ex)
            {
                // The reader's state carries the line count across buffers (0-based).
                throw Malformed(ex, ex.LineNumber is { } l ? l + 1 : _line);
            }
            Consume((int)reader.BytesConsumed);
            _state = reader.CurrentState;
            switch (result)
            {
                case Step.Record:
                    entry = new DatasetEntry(record!, _file, line);
                    return true;
                case Step.End:
                    entry = default;
                    return false;
                default:
                    if (_eof) throw new DatasetException(_file, null, null, "the file ends in the middle of a record.", _line);
                    Refill();
                    break;
            }
        }
    }

    private enum Step { Record, End, NeedMore }

    private Step Advance(ref Utf8JsonReader reader, ref object? record, ref long line)
    {
        while (true)
        {
            var checkpoint = reader;
            if (!reader.Read())
            {
                reader = checkpoint;
                return _stage == Stage.AfterRoot && _eof ? Step.End : Step.NeedMore;
            }
            switch (_stage)
            {
                case Stage.BeforeRoot when _arrayOf is not null:
                    if (reader.TokenType != JsonTokenType.StartArray) throw Problem(ref reader, null, "the file must hold a JSON array of records.");
                    _stage = Stage.InArray;
                    break;
                case Stage.BeforeRoot:
                    if (reader.TokenType != JsonTokenType.StartObject)
                        throw Problem(ref reader, null, "a single-file dataset is an object: { \"sources\": [...], \"persons\": [...], \"events\": [...] }.");
                    _stage = Stage.InObject;
                    break;
                case Stage.InObject:
                    if (reader.TokenType == JsonTokenType.EndObject) { _stage = Stage.AfterRoot; break; }
                    var name = reader.GetString();
                    var index = Array.IndexOf(SectionNames, name);
                    if (index < 0) throw Problem(ref reader, name, $"'{name}' is not a section; a single-file dataset holds \"sources\", \"persons\" and \"events\".");
                    if (index <= _section)
                        throw Problem(ref reader, name, "the sections come in the order sources, persons, events, each at most once (records refer only to records before them).");
                    _section = index;
                    _stage = Stage.BeforeArray;
                    break;
                case Stage.BeforeArray:
                    if (reader.TokenType != JsonTokenType.StartArray) throw Problem(ref reader, SectionNames[_section], "a section is an array of records.");
                    _stage = Stage.InArray;
                    break;
                case Stage.InArray:
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        _stage = _arrayOf is null ? Stage.InObject : Stage.AfterRoot;
                        break;
                    }
                    if (reader.TokenType != JsonTokenType.StartObject) throw Problem(ref reader, null, "each record is a JSON object.");
                    // The whole record must be in the buffer before it is deserialized.
                    var probe = reader;
                    if (!probe.TrySkip())
                    {
                        reader = checkpoint;
                        return Step.NeedMore;
                    }
                    line = LineAt((int)reader.TokenStartIndex);
                    try
                    {
                        record = _section switch
                        {
                            0 => JsonSerializer.Deserialize<SourceRecord>(ref reader, DatasetJson.Options),
                            1 => JsonSerializer.Deserialize<PersonRecord>(ref reader, DatasetJson.Options),
                            _ => JsonSerializer.Deserialize<EventRecord>(ref reader, DatasetJson.Options),
                        };
                    }
                    catch (JsonException ex)
                    {
                        // The serializer counts lines from the start of the record.
                        throw Malformed(ex, line + (ex.LineNumber ?? 0));
                    }
                    return Step.Record;
                default:
                    throw Problem(ref reader, null, "unexpected content after the end of the dataset.");
            }
        }
    }

    private long LineAt(int index) => _line + _buffer.AsSpan(_offset, index).Count((byte)'\n');

    private DatasetException Problem(ref Utf8JsonReader reader, string? field, string problem) =>
        new(_file, null, field, problem, LineAt((int)reader.TokenStartIndex));

    private DatasetException Malformed(JsonException ex, long line)
    {
        // "... Path: $.participants[0].role | LineNumber: 3 | BytePositionInLine: 5." -> field and line apart.
        var message = ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd();
        var field = ex.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
        return new DatasetException(_file, null, field, message, line);
    }

    private void Consume(int bytes)
    {
        _line += _buffer.AsSpan(_offset, bytes).Count((byte)'\n');
        _offset += bytes;
    }

    private void Refill()
    {
        var pending = _length - _offset;
        if (_offset == 0 && pending == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        else if (_offset > 0)
        {
            Buffer.BlockCopy(_buffer, _offset, _buffer, 0, pending);
            _offset = 0;
            _length = pending;
        }
        while (_length < _buffer.Length)
        {
            var read = _stream.Read(_buffer, _length, _buffer.Length - _length);
            if (read == 0) { _eof = true; break; }
            _length += read;
        }
        if (!_started)
        {
            _started = true;
            // Editors on Windows like to start UTF-8 files with a byte order mark; the reader does not skip it.
            if (_length >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) _offset = 3;
        }
    }

    public void Dispose() => _stream.Dispose();
}
