using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Timeline.Domain.Model;

namespace Timeline.Domain.ImportExport;

/// <summary>
/// Writes validated entities as rows inside the caller's transaction, with one prepared INSERT per table that
/// is bound and stepped again for every row. It talks to SQLite through the connection's own handle
/// (SQLitePCL.raw): binding by position skips the per-row name lookups and reader objects of ADO.NET, which
/// were most of the cost of a row. The rows carry the ids an <see cref="IdAllocator"/> gave them; the columns
/// are exactly what EF stores for the same entities (a test compares them): enums as their names, dates in
/// their storage form, the event's computed day bounds, Version 1, not deleted.
/// </summary>
internal sealed class BulkWriter : IDisposable
{
    private readonly Insert _event, _person, _name, _word, _participation, _source, _evidence, _claim;

    /// <param name="connection">Open, with the import's transaction begun on it.</param>
    public BulkWriter(SqliteConnection connection)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection must be open.");
        Insert Make(string table, params string[] columns) => new(db, table, columns);
        _event = Make("Events", "Id", "Key", "Kind", "Title", "SortTitle", "Summary", "Place", "ClaimStatus", "Start", "End",
            "EarliestDay", "LatestDay", "SortDay", "SortMonth", "SpanClass", "DateNote", "Court", "UnnamedDefendants", "DefendantsNote",
            "ArrestAgency", "ArrestPlace", "ArrestCharge", "ExpelledFrom", "ExpelledFromOrganisation", "ExpellingBody", "ExpulsionReason",
            "Version", "IsDeleted");
        _person = Make("Persons", "Id", "Key", "Name", "Born", "Died", "LifeDatesNote", "Description", "Version", "IsDeleted");
        _name = Make("PersonNames", "Id", "PersonId", "Name", "Folded", "IsPrimary", "Note");
        _word = Make("PersonNameWords", "Id", "PersonNameId", "Word");
        _participation = Make("Participations", "Id", "EventId", "PersonId", "Role", "Outcome", "Charge", "Verdict", "Sentence", "Position");
        _source = Make("Sources", "Id", "Key", "Title", "Author", "Kind", "Date", "Language", "Url", "Publication", "Description",
            "ArchiveName", "Fond", "Opis", "Delo", "Volume", "Pages", "Version", "IsDeleted");
        _evidence = Make("EvidenceLinks", "Id", "EventId", "SourceId", "Locator", "Stance", "Note", "EvidenceDate", "Version", "IsDeleted");
        _claim = Make("DateClaims", "Id", "EventId", "EvidenceLinkId", "Start", "End", "IsPreferred", "Note");
    }

    /// <summary>Every row written so far, all tables together.</summary>
    public long Rows => _event.Count + _person.Count + _name.Count + _word.Count + _participation.Count + _source.Count + _evidence.Count + _claim.Count;

    public int Events => (int)_event.Count;
    public int Persons => (int)_person.Count;
    public int Sources => (int)_source.Count;

    /// <summary>The id of the last event written.</summary>
    public int LastEventId { get; private set; }

    public void Write(Source s) =>
        _source.Int(s.Id).Text(s.Key).Text(s.Title).Text(s.Author).Text(Name(s.Kind)).Text(s.Date?.ToStorage()).Text(s.Language)
            .Text(s.Url).Text(s.Publication).Text(s.Description).Text(s.ArchiveName).Text(s.Fond).Text(s.Opis).Text(s.Delo)
            .Text(s.Volume).Text(s.Pages).Int(1).Int(0).Step();

    public void Write(Person p)
    {
        _person.Int(p.Id).Text(p.Key).Text(p.Name).Text(p.Born?.ToStorage()).Text(p.Died?.ToStorage()).Text(p.LifeDatesNote)
            .Text(p.Description).Int(1).Int(0).Step();
        foreach (var n in p.Names)
        {
            _name.Int(n.Id).Int(n.PersonId).Text(n.Name).Text(n.Folded).Int(n.IsPrimary ? 1 : 0).Text(n.Note).Step();
            foreach (var w in n.Words) _word.Int(w.Id).Int(w.PersonNameId).Text(w.Word).Step();
        }
    }

    /// <summary>Writes an event and its children; their people and sources must be written already.</summary>
    public void Write(Event e)
    {
        _event.Int(e.Id).Text(e.Key).Text(Name(e.Kind)).Text(e.Title).Text(e.SortTitle).Text(e.Summary).Text(e.Place).Text(Name(e.ClaimStatus))
            .Text(e.Start.ToStorage()).Text(e.End?.ToStorage()).Int(e.EarliestDay).Int(e.LatestDay).Int(e.SortDay).Int(e.SortMonth)
            .Int(e.SpanClass).Text(e.DateNote).Text(e.Court).NullableInt(e.UnnamedDefendants).Text(e.DefendantsNote).Text(e.ArrestAgency).Text(e.ArrestPlace).Text(e.ArrestCharge).Text(e.ExpelledFrom is { } from ? Name(from) : null)
            .Text(e.ExpelledFromOrganisation).Text(e.ExpellingBody).Text(e.ExpulsionReason).Int(1).Int(0).Step();
        foreach (var p in e.Participants)
            _participation.Int(p.Id).Int(p.EventId).Int(p.PersonId).Text(Name(p.Role)).Text(p.Outcome).Text(p.Charge).Text(p.Verdict)
                .Text(p.Sentence).Int(p.Position).Step();
        foreach (var x in e.Evidence)
            _evidence.Int(x.Id).Int(x.EventId).Int(x.SourceId).Text(x.Locator).Text(Name(x.Stance)).Text(x.Note)
                .Text(x.EvidenceDate?.ToStorage()).Int(1).Int(0).Step();
        foreach (var c in e.DateClaims)
            _claim.Int(c.Id).Int(c.EventId).Int(c.EvidenceLinkId).Text(c.Start.ToStorage()).Text(c.End?.ToStorage())
                .Int(c.IsPreferred ? 1 : 0).Text(c.Note).Step();
        LastEventId = e.Id;
    }

    // Enum names as EF's string conversion writes them, without a fresh string per row.
    private static string Name<T>(T value) where T : struct, Enum => EnumNames<T>.Of(value);

    private static class EnumNames<T> where T : struct, Enum
    {
        private static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(v => v, v => v.ToString());
        public static string Of(T value) => Names.TryGetValue(value, out var s) ? s : value.ToString();
    }

    public void Dispose()
    {
        foreach (var i in new[] { _event, _person, _name, _word, _participation, _source, _evidence, _claim }) i.Dispose();
    }

    /// <summary>One prepared INSERT: bind every column in order, then <see cref="Step"/> writes the row.</summary>
    private sealed class Insert : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;
        private readonly int _columns;
        private int _bound;
        private byte[] _utf8 = new byte[1024];

        public Insert(sqlite3 db, string table, string[] columns)
        {
            _db = db;
            _columns = columns.Length;
            var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(_ => "?"))});";
            Check(raw.sqlite3_prepare_v2(db, sql, out _statement));
        }

        public long Count { get; private set; }

        public Insert Int(long value)
        {
            Check(raw.sqlite3_bind_int64(_statement, ++_bound, value));
            return this;
        }

        public Insert NullableInt(long? value) => value is { } v ? Int(v) : Null();

        private Insert Null()
        {
            Check(raw.sqlite3_bind_null(_statement, ++_bound));
            return this;
        }

        public Insert Text(string? value)
        {
            if (value is null) return Null();
            // Encoded into a reused buffer (SQLite copies it), rather than a fresh array per value.
            var max = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (_utf8.Length < max) _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
            var length = Encoding.UTF8.GetBytes(value, _utf8);
            Check(raw.sqlite3_bind_text(_statement, ++_bound, _utf8.AsSpan(0, length)));
            return this;
        }

        public void Step()
        {
            if (_bound != _columns) throw new InvalidOperationException($"{_bound} values bound for {_columns} columns.");
            _bound = 0;
            var rc = raw.sqlite3_step(_statement);
            // The error code must be read before the reset, which clears it.
            var error = rc == raw.SQLITE_DONE ? null : Error(rc);
            raw.sqlite3_reset(_statement);
            if (error is not null) throw error;
            Count++;
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK) throw Error(rc);
        }

        // The same exception ADO.NET raises, so callers can tell a broken unique key from other failures.
        private SqliteException Error(int rc) =>
            new($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(_db));

        public void Dispose() => _statement.Dispose();
    }
}

/// <summary>
/// Hands out row ids for an import, from past the highest id each table has ever used (AUTOINCREMENT remembers
/// deleted ones, so none is reused), and sets the references between new rows. Ids are known before anything
/// is written, so children point at their parents without a round trip and records can be prepared ahead.
/// </summary>
internal sealed class IdAllocator
{
    private int _event, _person, _name, _word, _participation, _source, _evidence, _claim;

    public IdAllocator(SqliteConnection connection, SqliteTransaction transaction)
    {
        int Next(string table)
        {
            using var max = connection.CreateCommand();
            max.Transaction = transaction;
            max.CommandText = $"""
                SELECT MAX(COALESCE((SELECT "seq" FROM sqlite_sequence WHERE "name" = '{table}'), 0),
                           COALESCE((SELECT MAX("Id") FROM "{table}"), 0)) + 1;
                """;
            return Convert.ToInt32(max.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        FirstEventId = _event = Next("Events");
        _person = Next("Persons");
        _name = Next("PersonNames");
        _word = Next("PersonNameWords");
        _participation = Next("Participations");
        _source = Next("Sources");
        _evidence = Next("EvidenceLinks");
        _claim = Next("DateClaims");
    }

    /// <summary>The first id new events get: an import's events are exactly the ids from here on.</summary>
    public int FirstEventId { get; }

    public void Assign(Source s)
    {
        s.Id = _source++;
        s.Version = 1;
    }

    public void Assign(Person p)
    {
        p.Id = _person++;
        p.Version = 1;
        foreach (var n in p.Names)
        {
            n.Id = _name++;
            n.PersonId = p.Id;
            foreach (var w in n.Words)
            {
                w.Id = _word++;
                w.PersonNameId = n.Id;
            }
        }
    }

    /// <summary>Gives an event and its children ids; its people and sources must have theirs.</summary>
    public void Assign(Event e)
    {
        e.Id = _event++;
        e.Version = 1;
        foreach (var p in e.Participants)
        {
            p.Id = _participation++;
            p.EventId = e.Id;
            p.PersonId = p.Person?.Id ?? p.PersonId;
        }
        foreach (var x in e.Evidence)
        {
            x.Id = _evidence++;
            x.Version = 1;
            x.EventId = e.Id;
            x.SourceId = x.Source?.Id ?? x.SourceId;
        }
        foreach (var c in e.DateClaims)
        {
            c.Id = _claim++;
            c.EventId = e.Id;
            c.EvidenceLinkId = c.Evidence?.Id ?? c.EvidenceLinkId;
        }
    }
}
