using System.Text.Json;
using Timeline.Domain.Seeding;
using Timeline.Domain.Text;

namespace Timeline.Domain.ImportExport;

/// <summary>
/// Reads dataset records one at a time from a JSON stream of any size: either an array of one kind of record
/// (the folder form: sources.json, persons.json, events/*.json) or the single-file form
/// <c>{ "sources": [...], "persons": [...], "events": [...] }</c>. Only one record is in memory at a time.
/// Each record comes with the line it starts on; a malformed file fails with its line, and inside a record with
/// the record's id and the field.
/// </summary>
/// <remarks>
/// The reading is strict: no comments, no trailing commas, no key twice in an object, no NUL character in text,
/// nothing that is not UTF-8. Each of those has a reading some tool takes and another does not (which of two equal
/// keys wins?), so the file is refused rather than read one way silently.
/// </remarks>
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
    private static readonly JsonReaderOptions Strict = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    private JsonReaderState _state = new(Strict);
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
                    if (!System.Text.Unicode.Utf8.IsValid(reader.ValueSpan)) throw Problem(ref reader, null, "the text is not valid UTF-8; save the file as UTF-8.");
                    var name = reader.GetString();
                    var index = Array.IndexOf(SectionNames, name);
                    if (index < 0) throw Problem(ref reader, name, $"{Excerpt.Quote(name)} is not a section; a single-file dataset holds \"sources\", \"persons\" and \"events\".");
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
                    // The whole record must be in the buffer before it is deserialized. A syntax error inside it is left
                    // for the serializer to meet, because the serializer's error names the field.
                    var start = (int)reader.TokenStartIndex;
                    var probe = reader;
                    int end;
                    var complete = true;
                    try
                    {
                        if (!probe.TrySkip())
                        {
                            reader = checkpoint;
                            return Step.NeedMore;
                        }
                        end = (int)probe.BytesConsumed;
                    }
                    catch (JsonException)
                    {
                        (end, complete) = (_length - _offset, false);
                    }
                    line = LineAt(start);
                    var bytes = _buffer.AsSpan(_offset + start, end - start);
                    if (complete && !System.Text.Unicode.Utf8.IsValid(bytes))
                    {
                        var bad = FirstInvalidUtf8(bytes);
                        var (id, field) = JsonProblems.Scan(bytes, bad);
                        throw new DatasetException(_file, id, field, "the text is not valid UTF-8; save the file as UTF-8.", LineAt(start + bad));
                    }
                    // A reader of the record alone counts lines from the record's first, for the serializer's errors and the
                    // syntax errors it meets alike.
                    var own = new Utf8JsonReader(bytes, complete || _eof, new JsonReaderState(Strict));
                    try
                    {
                        record = _section switch
                        {
                            0 => JsonSerializer.Deserialize<SourceRecord>(ref own, DatasetJson.Options),
                            1 => JsonSerializer.Deserialize<PersonRecord>(ref own, DatasetJson.Options),
                            _ => JsonSerializer.Deserialize<EventRecord>(ref own, DatasetJson.Options),
                        };
                    }
                    catch (JsonException ex)
                    {
                        // A syntax error has no path; the field is then the one the error's position falls in.
                        var (id, field) = JsonProblems.Scan(bytes, JsonProblems.Offset(bytes, ex));
                        throw Malformed(ex, line + (ex.LineNumber ?? 0), id, field);
                    }
                    if (!complete) throw new DatasetException(_file, null, null, "the record is malformed.", line);
                    reader = probe;
                    return Step.Record;
                default:
                    throw Problem(ref reader, null, "unexpected content after the end of the dataset.");
            }
        }
    }

    private long LineAt(int index) => _line + _buffer.AsSpan(_offset, index).Count((byte)'\n');

    private DatasetException Problem(ref Utf8JsonReader reader, string? field, string problem) =>
        new(_file, null, field, problem, LineAt((int)reader.TokenStartIndex));

    private DatasetException Malformed(JsonException ex, long line, string? record = null, string? fallbackField = null)
    {
        var field = ex.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : fallbackField;
        return new DatasetException(_file, record, field, JsonProblems.Describe(ex), line);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return read;
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
