using Timeline.Domain.ImportExport;
using Timeline.Tests.Support;

namespace Timeline.Tests.ImportExport;

public sealed class RecordCounterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timeline-tests", "count-" + Guid.NewGuid().ToString("N"));

    public RecordCounterTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    [Fact]
    public async Task A_single_json_file_counts_every_source_person_and_event_across_buffer_boundaries()
    {
        var data = new SyntheticData(new SyntheticOptions { Events = 700, Persons = 120, Sources = 30, Seed = 9 });
        var path = Path.Combine(_folder, "synthetic.json");
        await using (var stream = File.Create(path)) await data.WriteJsonAsync(stream);

        Assert.True(new FileInfo(path).Length > 4 * 65536);
        Assert.Equal(data.TotalRecords, RecordCounter.Count(path));
    }

    [Fact]
    public void The_seed_folder_counts_as_many_records_as_the_importer_reads() =>
        Assert.Equal(DatasetImporter.Open(Repo.SeedFolder).LongCount(), RecordCounter.Count(Repo.SeedFolder));

    [Fact]
    public void A_csv_events_file_counts_its_rows_and_those_of_the_companions_beside_it_but_not_headers_or_quoted_line_breaks()
    {
        Write("sources.csv", "key,title,kind\ndoc-a,A document,archival-document\nessay,\"An essay,\nin two lines\",web-page\n");
        Write("persons.csv", "key,name\nmias,Gavriil Miasnikov\n");
        var events = Write("purges.csv", "key,kind,title,start,claim_status,evidence\ne1,arrest,\"Arrested\nat night\",1929,stated,doc-a\n\ne2,trial,Tried,1930,stated,doc-a\n");

        Assert.Equal(5, RecordCounter.Count(events));
        Assert.Equal(2, RecordCounter.Count(Path.Combine(_folder, "sources.csv")));
    }

    [Fact]
    public void A_file_it_cannot_read_gives_no_count()
    {
        Assert.Null(RecordCounter.Count(Write("broken.json", "{ \"events\": [ { \"id\": \"a\" ")));
        Assert.Null(RecordCounter.Count(Write("notes.txt", "hello")));
        Assert.Null(RecordCounter.Count(Path.Combine(_folder, "absent.json")));
    }
}
