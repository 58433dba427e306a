using System.Text;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Seeding;
using Timeline.Tests.Support;

namespace Timeline.Tests.Reliability;

/// <summary>
/// A few hundred damaged copies of a small dataset (a seeded generator: bytes deleted, inserted, swapped, lines doubled,
/// files cut short, values blown up, bytes that are not UTF-8). Each import is refused with a readable error and the
/// database byte-identical, or accepted whole; nothing else (no crash, no half import).
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ImportMutationTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    public const int MutationsPerFormat = 150;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timeline-tests", "mutations-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _db = NewDatabase();

    public void Dispose()
    {
        _db.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
    }

    private static TestDatabase NewDatabase()
    {
        var db = new TestDatabase();
        SmallDataset.LoadAsync(db).GetAwaiter().GetResult();
        return db;
    }

    private const string Json = """
        {
          "sources": [ { "id": "doc-m", "title": "A document", "kind": "archival-document", "archive": { "archive": "RGASPI", "fond": "17" } } ],
          "persons": [ { "id": "p-m", "name": "Gavriil Miasnikov", "variants": ["Myasnikov"], "born": "1889" } ],
          "events": [
            { "id": "e-m1", "kind": "arrest", "title": "An arrest", "start": { "edtf": "1917-10-25", "calendar": "julian" }, "claimStatus": "disputed",
              "participants": [ { "person": "p-m", "role": "arrested", "outcome": "released" } ],
              "evidence": [ { "source": "doc-m", "locator": "l. 94" } ],
              "dateClaims": [ { "start": { "edtf": "1917-10-25", "calendar": "julian" }, "source": "doc-m", "locator": "l. 94", "preferred": true } ] },
            { "id": "e-m2", "kind": "trial", "title": "A trial", "start": "1936-08-19", "end": "1936-08-24", "claimStatus": "stated",
              "participants": [ { "person": "zinoviev", "role": "defendant", "sentence": "death" } ],
              "evidence": [ { "source": "essay", "locator": "p. 3" } ], "trial": { "court": "Military Collegium" } }
          ]
        }
        """;

    private const string Csv = """
        key,kind,title,summary,start,end,calendar,claim_status,participants,evidence,date_claims,court
        e-c1,arrest,An arrest,"Two lines,
        of summary",1917-10-25,,julian,disputed,miasnikov:arrested;outcome=released,dossier@l. 94|essay@s. 2;stance=contradicts,dossier@l. 94;start=julian:1917-10-25;preferred,
        e-c2,trial,A trial,,1936-08-19,1936-08-24,,stated,zinoviev:defendant;sentence=death,essay@p. 3,,Military Collegium
        """;

    [Fact]
    public Task Damaged_json_files_are_refused_cleanly_or_imported_whole() => RunAsync("dataset.json", Json, seed: 1917);

    [Fact]
    public Task Damaged_csv_files_are_refused_cleanly_or_imported_whole() => RunAsync("events.csv", Csv.ReplaceLineEndings("\n") + "\n", seed: 1936);

    private async Task RunAsync(string name, string original, int seed)
    {
        Directory.CreateDirectory(_folder);
        var random = new Random(seed);
        var bytes = Encoding.UTF8.GetBytes(original);
        // Undamaged, the file imports.
        await File.WriteAllBytesAsync(Path.Combine(_folder, name), bytes);
        using (var clean = NewDatabase()) await clean.Get<DatasetImporter>().ImportAsync(Path.Combine(_folder, name));
        int refused = 0, accepted = 0;
        for (var i = 0; i < MutationsPerFormat; i++)
        {
            var mutated = Mutate(bytes, random);
            var path = Path.Combine(_folder, name);
            await File.WriteAllBytesAsync(path, mutated);
            var before = DatabaseSnapshot.Of(_db);
            var eventsBefore = DatabaseSnapshot.Count(_db, "Events");
            try
            {
                await _db.Get<DatasetImporter>().ImportAsync(path);
            }
            catch (DatasetException ex)
            {
                refused++;
                Assert.True(before.SequenceEqual(DatabaseSnapshot.Of(_db)), $"mutation {i} was refused but changed the database: {ex.Message}");
                Assert.True(ex.Message.Length < 600, $"mutation {i}: a {ex.Message.Length}-character message");
                Assert.DoesNotMatch(@"System\.|Timeline\.|`1|Exception", ex.Message);
                continue;
            }
            catch (Exception ex)
            {
                Assert.Fail($"mutation {i} crashed the import instead of being refused: {ex}\n--- file:\n{Encoding.UTF8.GetString(mutated)}");
            }
            // Accepted: every event the file holds is in, exactly once; then start again from a clean database.
            accepted++;
            Assert.Equal(eventsBefore + DatasetImporter.Open(path).Count(e => e.Record is EventRecord), DatabaseSnapshot.Count(_db, "Events"));
            _db.Dispose();
            _db = NewDatabase();
        }
        output.WriteLine($"{name}: {MutationsPerFormat} damaged copies, {refused} refused with the database unchanged, {accepted} imported whole");
        Assert.True(refused > MutationsPerFormat / 3 && accepted > 0, $"{refused} refused, {accepted} accepted");
    }

    private static readonly byte[][] Insertions =
    [
        "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(), "\""u8.ToArray(), "\\"u8.ToArray(), "\n"u8.ToArray(),
        "|"u8.ToArray(), ";"u8.ToArray(), "@"u8.ToArray(), "="u8.ToArray(), "/* */"u8.ToArray(), "\\u0000"u8.ToArray(), [0], [0xFF], [0xC3],
        "é"u8.ToArray(), "null"u8.ToArray(), "1e999"u8.ToArray(), "\"id\": \"dup\","u8.ToArray(),
    ];

    private static byte[] Mutate(byte[] original, Random random)
    {
        var b = original.ToList();
        switch (random.Next(8))
        {
            case 0: // delete a run
                var at = random.Next(b.Count);
                b.RemoveRange(at, Math.Min(b.Count - at, 1 + random.Next(4)));
                break;
            case 1: // insert a token
                b.InsertRange(random.Next(b.Count), Insertions[random.Next(Insertions.Length)]);
                break;
            case 2: // swap two bytes
                int x = random.Next(b.Count), y = random.Next(b.Count);
                (b[x], b[y]) = (b[y], b[x]);
                break;
            case 3: // cut short
                var keep = random.Next(b.Count);
                b.RemoveRange(keep, b.Count - keep);
                break;
            case 4: // double a line
                var lines = Encoding.UTF8.GetString([.. b]).Split('\n').ToList();
                var line = random.Next(lines.Count);
                lines.Insert(line, lines[line]);
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
            case 5: // blow a value up
                var text = Encoding.UTF8.GetString([.. b]);
                var word = new[] { "An arrest", "arrest", "1936-08-19", "p-m", "doc-m", "essay", "stated", "l. 94" }[random.Next(8)];
                return Encoding.UTF8.GetBytes(text.Replace(word, new string('x', 1 + random.Next(200_000)), StringComparison.Ordinal));
            case 6: // a byte that is not UTF-8
                b[random.Next(b.Count)] = (byte)(0x80 + random.Next(0x80));
                break;
            default: // flip a bit
                var i = random.Next(b.Count);
                b[i] ^= (byte)(1 << random.Next(7));
                break;
        }
        return [.. b];
    }
}
