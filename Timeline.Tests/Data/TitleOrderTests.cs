using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Timeline.Domain.Data;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Queries;
using Timeline.Domain.Text;
using Timeline.Tests.Support;

namespace Timeline.Tests.Data;

/// <summary>Title order reads titles by their letters: leading quotes and punctuation, case and accents aside.</summary>
public class TitleOrderTests
{
    private static readonly string[] Titles =
    [
        "\u201CBloc\u201D of Rights and Trotskyites tried", "'Bloc' formed in exile", "...and the Left Opposition", "Zubatov exiled",
        "élie Halévy writes", "Arrest of Blumkin", "[Undated] note on Radek", "«Pravda» attacks Bukharin", "Elie Faure visits",
        "140 workers strike", "17th Party Congress",
    ];

    [Theory]
    [InlineData("'Bloc' of Rights and Trotskyites", "bloc' of rights and trotskyites")]
    [InlineData("\u201CLeft\u201D Communists", "left\u201D communists")]
    [InlineData("  ...  Zubatov   dismissed", "zubatov dismissed")]
    [InlineData("Élie Halévy", "elie halevy")]
    [InlineData("«Правда» о Бухарине", "правда» о бухарине")]
    [InlineData("1937: the year", "001937: the year")]
    [InlineData("17th Party Congress", "000017th party congress")]
    [InlineData("\"\"", "")]
    public void The_sort_key_skips_what_precedes_the_first_letter_and_ignores_case_and_accents(string title, string key)
    {
        Assert.Equal(key, TitleSorting.Key(title));
    }

    [Fact]
    public void An_event_keeps_its_sort_key_with_its_title()
    {
        var e = new Event { Title = "'Bloc' formed" };
        Assert.Equal("bloc' formed", e.SortTitle);
        e.Title = "Élie arrested";
        Assert.Equal("elie arrested", e.SortTitle);
    }

    [Fact]
    public async Task Sorting_by_title_files_quoted_and_accented_titles_under_their_first_letter()
    {
        using var db = new TestDatabase();
        await using (var ctx = db.NewContext())
        {
            ctx.Events.AddRange(Titles.Select((t, i) => new Event
            {
                Kind = i % 2 == 0 ? EventKind.Trial : EventKind.Arrest, Title = t, Summary = "s", ClaimStatus = ClaimStatus.Stated,
                Start = HistoricalDate.ParseEdtf($"19{20 + i}"),
            }));
            await ctx.SaveChangesAsync();
        }
        var queries = db.Get<EventQueries>();

        async Task<string[]> Sorted(EventFilter filter, EventSort sort) =>
            (await queries.SearchAsync(filter, 1, 50, sort)).Items.Select(e => e.Title).ToArray();

        string[] expected =
        [
            "17th Party Congress", "140 workers strike", "...and the Left Opposition", "Arrest of Blumkin", "'Bloc' formed in exile", "\u201CBloc\u201D of Rights and Trotskyites tried",
            "Elie Faure visits", "élie Halévy writes", "«Pravda» attacks Bukharin", "[Undated] note on Radek", "Zubatov exiled",
        ];
        Assert.Equal(expected, await Sorted(new EventFilter(), EventSort.Title));
        Assert.Equal(expected.Reverse(), await Sorted(new EventFilter(), EventSort.TitleDescending));
        // The same order under a year filter (read through the overlap ranges) and for one kind (its own title index).
        Assert.Equal(expected, await Sorted(new EventFilter { FromYear = 1900, ToYear = 1950 }, EventSort.Title));
        Assert.Equal(expected.Where((_, i) => Array.IndexOf(Titles, expected[i]) % 2 == 0),
            await Sorted(new EventFilter { Kinds = [EventKind.Trial] }, EventSort.Title));
    }

    [Fact]
    public void Migrating_a_database_from_before_sort_keys_fills_them_for_every_event_deleted_ones_included()
    {
        using var db = new TestDatabase();
        File.Delete(db.FilePath);
        using (var c = new SqliteConnection(db.ConnectionString))
        using (var ctx = new TimelineDbContext(DatabaseSetup.MigrationOptions(c)))
            ctx.GetService<IMigrator>().Migrate("DataFidelity");
        using (var c = db.OpenConnection())
        using (var cmd = c.CreateCommand())
        {
            var day = new DateOnly(1937, 1, 1).DayNumber;
            cmd.CommandText = $"""
                INSERT INTO "Events" ("Id", "Kind", "Title", "Summary", "ClaimStatus", "Start", "EarliestDay", "LatestDay", "SortDay",
                  "SortMonth", "SpanClass", "Version", "IsDeleted") VALUES
                (1, 'Trial', '"Bloc" of Rights', '', 'Stated', '1937', {day}, {day + 364}, {day}, {1937 * 12}, 9, 1, 0),
                (2, 'Other', '¿Élie?', '', 'Stated', '1937', {day}, {day + 364}, {day}, {1937 * 12}, 9, 1, 1);
                """;
            cmd.ExecuteNonQuery();
        }

        DatabaseSetup.Migrate(db.ConnectionString);

        using var check = db.NewContext();
        Assert.Equal(["bloc\" of rights", "elie?"],
            check.Events.IgnoreQueryFilters().OrderBy(e => e.Id).Select(e => e.SortTitle).ToList());
    }
}
