using System.Text;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Seeding;
using Timeline.Tests.Support;

namespace Timeline.Tests.ImportExport;

/// <summary>
/// What an import refuses rather than guesses at: each refusal names the file, the line, the record and the field,
/// quotes no more than about a hundred characters of a bad value, shows no .NET type name, and leaves the
/// database exactly as it was.
/// </summary>
public sealed class StrictImportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timeline-tests", "strict-" + Guid.NewGuid().ToString("N"));
    private readonly TestDatabase _db = new();

    public StrictImportTests()
    {
        Directory.CreateDirectory(_folder);
        SmallDataset.LoadAsync(_db).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_folder, true);
    }

    private const string Json = """
        { "sources": [ { "id": "doc-z", "title": "A document", "kind": "book" } ],
          "events": [
            { "id": "first-event", "kind": "meeting", "title": "A meeting", "start": "1929", "claimStatus": "stated",
              "evidence": [ { "source": "doc-z", "locator": "p. 1" } ] },
            { "id": "second-event", "kind": "meeting", "title": "Another meeting", "start": "1930", "claimStatus": "stated",
              "evidence": [ { "source": "doc-z", "locator": "p. 2" } ] }
          ] }
        """;

    private async Task<DatasetException> RefusedAsync(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, content);
        var before = DatabaseSnapshot.Of(_db);

        var ex = await Assert.ThrowsAsync<DatasetException>(() => _db.Get<DatasetImporter>().ImportAsync(path));

        Assert.Equal(before, DatabaseSnapshot.Of(_db));
        Assert.Equal(name, ex.File);
        Assert.DoesNotMatch(@"System\.|Timeline\.|`1|JsonElement|Nullable", ex.Message);
        return ex;
    }

    private Task<DatasetException> RefusedAsync(string name, string content) => RefusedAsync(name, Encoding.UTF8.GetBytes(content));

    private static string Replace(string json, string from, string to)
    {
        Assert.Contains(from, json, StringComparison.Ordinal);
        return json.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_is_refused_with_its_line_record_and_field()
    {
        var ex = await RefusedAsync("comment.json", Replace(Json, "\"title\": \"Another meeting\",", "\"title\": \"Another meeting\", // a note\n"));

        Assert.Equal(5, ex.Line);
        Assert.Equal("second-event", ex.Record);
        Assert.Equal("title", ex.Field);
    }

    [Fact]
    public async Task A_comment_between_records_is_refused_with_its_line()
    {
        var ex = await RefusedAsync("between.json", Replace(Json, "\"evidence\": [ { \"source\": \"doc-z\", \"locator\": \"p. 1\" } ] },",
            "\"evidence\": [ { \"source\": \"doc-z\", \"locator\": \"p. 1\" } ] }, /* next */"));

        Assert.Equal(4, ex.Line);
    }

    [Fact]
    public async Task A_trailing_comma_in_a_record_is_refused_with_its_line_record_and_field()
    {
        var ex = await RefusedAsync("comma.json", Replace(Json, "\"locator\": \"p. 2\" } ]", "\"locator\": \"p. 2\", } ]"));

        Assert.Equal(6, ex.Line);
        Assert.Equal("second-event", ex.Record);
        Assert.StartsWith("evidence", ex.Field, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trailing_comma_after_the_last_record_is_refused_with_its_line()
    {
        var ex = await RefusedAsync("last.json", Replace(Json, "\"locator\": \"p. 2\" } ] }", "\"locator\": \"p. 2\" } ] },"));

        Assert.Equal(7, ex.Line);
    }

    [Fact]
    public async Task A_key_given_twice_in_a_record_is_refused_naming_it()
    {
        var ex = await RefusedAsync("twice.json", Replace(Json, "\"title\": \"Another meeting\",", "\"title\": \"Another meeting\", \"title\": \"A third\","));

        Assert.Equal(5, ex.Line);
        Assert.Equal("second-event", ex.Record);
        Assert.Equal("title", ex.Field);
        Assert.Contains("twice", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_given_twice_inside_a_date_is_refused()
    {
        var ex = await RefusedAsync("date.json", Replace(Json, "\"start\": \"1930\"", "\"start\": { \"edtf\": \"1930\", \"edtf\": \"1931\" }"));

        Assert.Equal("second-event", ex.Record);
        Assert.StartsWith("start", ex.Field, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_character_in_json_text_is_refused_naming_its_field()
    {
        var ex = await RefusedAsync("nul.json", Replace(Json, "Another meeting", "Another\\u0000meeting"));

        Assert.Equal(5, ex.Line);
        Assert.Equal("second-event", ex.Record);
        Assert.Equal("title", ex.Field);
    }

    [Fact]
    public async Task Invalid_utf8_in_json_is_refused_naming_its_line_record_and_field()
    {
        var bytes = Encoding.UTF8.GetBytes(Replace(Json, "Another meeting", "Another XX meeting"));
        var at = Encoding.UTF8.GetString(bytes).IndexOf("XX", StringComparison.Ordinal);
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        var ex = await RefusedAsync("utf8.json", bytes);

        Assert.Equal(5, ex.Line);
        Assert.Equal("second-event", ex.Record);
        Assert.Equal("title", ex.Field);
        Assert.Contains("UTF-8", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_section_name_is_refused_not_a_crash()
    {
        // Found by the reliability suite's mutations: the section name was decoded unchecked and threw past the importer.
        var bytes = Encoding.UTF8.GetBytes(Replace(Json, "\"events\"", "\"evXnts\""));
        bytes[Encoding.UTF8.GetString(bytes).IndexOf('X', StringComparison.Ordinal)] = 0xBB;

        var ex = await RefusedAsync("section.json", bytes);

        Assert.Equal(2, ex.Line);
        Assert.Contains("UTF-8", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_explained_without_type_names()
    {
        var ex = await RefusedAsync("type.json", Replace(Json, "\"title\": \"Another meeting\"", "\"title\": [1, 2]"));

        Assert.Equal("second-event", ex.Record);
        Assert.Equal("title", ex.Field);
    }

    [Fact]
    public async Task A_misspelt_field_is_named_without_type_names()
    {
        var ex = await RefusedAsync("typo.json", Replace(Json, "\"title\": \"Another meeting\"", "\"titel\": \"Another meeting\""));

        Assert.Equal("second-event", ex.Record);
        Assert.Equal("titel", ex.Field);
    }

    [Fact]
    public async Task A_null_title_is_refused_without_type_names()
    {
        var ex = await RefusedAsync("null.json", Replace(Json, "\"title\": \"Another meeting\"", "\"title\": null"));

        Assert.Equal("title", ex.Field);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("kind")]
    [InlineData("claimStatus")]
    [InlineData("start")]
    [InlineData("source")]
    public async Task A_huge_bad_value_is_quoted_to_about_a_hundred_characters(string field)
    {
        var huge = new string('x', 1_000_000);
        var json = field switch
        {
            "id" => Replace(Json, "\"second-event\"", $"\"{huge}\""),
            "kind" => Replace(Json, "\"kind\": \"meeting\", \"title\": \"Another", $"\"kind\": \"{huge}\", \"title\": \"Another"),
            "claimStatus" => Replace(Json, "\"start\": \"1930\", \"claimStatus\": \"stated\"", $"\"start\": \"1930\", \"claimStatus\": \"{huge}\""),
            "start" => Replace(Json, "\"start\": \"1930\"", $"\"start\": \"{huge}\""),
            _ => Replace(Json, "\"source\": \"doc-z\", \"locator\": \"p. 2\"", $"\"source\": \"{huge}\", \"locator\": \"p. 2\""),
        };

        var ex = await RefusedAsync("huge.json", json);

        Assert.True(ex.Message.Length < 600, $"{ex.Message.Length} characters: {ex.Message[..Math.Min(300, ex.Message.Length)]}");
        Assert.Contains(new string('x', 100) + "…", ex.Message, StringComparison.Ordinal);
    }

    private const string CsvHeader = "key,kind,title,start,claim_status,evidence\n";
    private const string CsvRows = "first-event,meeting,A meeting,1929,stated,essay@p. 1\nsecond-event,meeting,Another meeting,1930,stated,essay@p. 2\n";

    [Fact]
    public async Task A_csv_row_with_more_cells_than_the_header_is_refused()
    {
        var ex = await RefusedAsync("events.csv", CsvHeader + CsvRows.Replace("essay@p. 2", "essay@p. 2,surplus", StringComparison.Ordinal));

        Assert.Equal(3, ex.Line);
        Assert.Equal("second-event", ex.Record);
        Assert.Contains("7 cells", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_character_in_csv_is_refused_naming_its_column()
    {
        var ex = await RefusedAsync("events.csv", CsvHeader + CsvRows.Replace("Another meeting", "Another\0meeting", StringComparison.Ordinal));

        Assert.Equal(3, ex.Line);
        Assert.Equal("second-event", ex.Record);
        Assert.Equal("title", ex.Field);
    }

    [Fact]
    public async Task Invalid_utf8_in_csv_is_refused_naming_its_line_record_and_column()
    {
        // Far enough into the file that the decoder reads it ahead of the row it belongs to.
        var rows = string.Concat(Enumerable.Range(0, 300).Select(i => $"event-{i},meeting,Meeting {i},1929,stated,essay@p. {i}\n"));
        var bytes = Encoding.UTF8.GetBytes(CsvHeader + rows + CsvRows.Replace("Another meeting", "Another XX meeting", StringComparison.Ordinal));
        var at = Encoding.UTF8.GetString(bytes).IndexOf("XX", StringComparison.Ordinal);
        bytes[at] = 0xFF;
        bytes[at + 1] = 0xFE;

        var ex = await RefusedAsync("events.csv", bytes);

        Assert.Equal(303, ex.Line);
        Assert.Equal("second-event", ex.Record);
        Assert.Equal("title", ex.Field);
        Assert.Contains("UTF-8", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_csv_value_is_quoted_to_about_a_hundred_characters()
    {
        var ex = await RefusedAsync("events.csv", CsvHeader + CsvRows.Replace("meeting,Another", new string('k', 1_000_000) + ",Another", StringComparison.Ordinal));

        Assert.True(ex.Message.Length < 600, $"{ex.Message.Length} characters");
        Assert.Contains(new string('k', 100) + "…", ex.Message, StringComparison.Ordinal);
    }
}
