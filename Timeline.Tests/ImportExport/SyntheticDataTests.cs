using System.Security.Cryptography;
using Timeline.Domain.Dates;
using Timeline.Domain.ImportExport;
using Timeline.Domain.Model;
using Timeline.Domain.Seeding;
using Timeline.Domain.Text;
using Timeline.Tests.Support;

namespace Timeline.Tests.ImportExport;

public sealed class SyntheticDataTests
{
    private static readonly SyntheticOptions Sample = new() { Events = 10_000, Persons = 2_000, Sources = 500, Seed = 42 };

    private static async Task<byte[]> Hash(SyntheticOptions options)
    {
        using var stream = new MemoryStream();
        await new SyntheticData(options).WriteJsonAsync(stream);
        return SHA256.HashData(stream.ToArray());
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_bytes_and_another_seed_other_bytes()
    {
        var options = Sample with { Events = 2000, Persons = 400, Sources = 100 };
        Assert.Equal(await Hash(options), await Hash(options));
        Assert.NotEqual(await Hash(options), await Hash(options with { Seed = 43 }));
    }

    [Fact]
    public void A_ten_thousand_event_sample_has_the_expected_shape()
    {
        var records = new SyntheticData(Sample).Entries().Select(e => e.Record).ToList();
        var events = records.OfType<EventRecord>().ToList();
        var persons = records.OfType<PersonRecord>().ToList();
        Assert.Equal((500, 2000, 10_000), (records.OfType<SourceRecord>().Count(), persons.Count, events.Count));

        var starts = events.Select(e => Date(e.Start)).ToList();
        // Mostly Soviet years, densest in 1936-38.
        Assert.InRange(starts.Count(d => d.Year is >= 1917 and <= 1991) / (double)events.Count, 0.85, 0.99);
        var perYear = starts.GroupBy(d => d.Year).ToDictionary(g => g.Key, g => g.Count());
        var terror = Enumerable.Range(1936, 3).Average(y => perYear.GetValueOrDefault(y));
        var later = Enumerable.Range(1960, 20).Average(y => perYear.GetValueOrDefault(y));
        Assert.True(terror > 4 * later, $"1936-38: {terror:0}/year, 1960-79: {later:0}/year");

        // Precisions, qualifiers and calendars are mixed; Old Style only before the 1918 switch.
        foreach (var p in Enum.GetValues<DatePrecision>()) Assert.InRange(starts.Count(d => d.Precision == p) / (double)events.Count, 0.1, 0.7);
        foreach (var q in Enum.GetValues<DateQualifier>()) Assert.Contains(starts, d => d.Qualifier == q);
        var julian = starts.Where(d => d.Calendar == CalendarSystem.Julian).ToList();
        Assert.NotEmpty(julian);
        Assert.All(julian, d => Assert.True(d.Year < 1918 || (d.Year == 1918 && d.Month is null or 1)));
        Assert.Contains(events, e => e.End is not null);

        // Usually one participant, sometimes dozens; one to five pieces of evidence.
        var people = events.Select(e => e.Participants!.Count).ToList();
        Assert.InRange(people.Count(n => n == 1) / (double)events.Count, 0.5, 0.85);
        Assert.InRange(people.Average(), 1.4, 2.6);
        Assert.True(people.Max() >= 12, $"largest event has {people.Max()} participants");
        var evidence = events.Select(e => e.Evidence!.Count).ToList();
        Assert.InRange(evidence.Min(), 1, 1);
        Assert.InRange(evidence.Max(), 5, 5);
        Assert.InRange(evidence.Average(), 1.8, 2.4);

        // A few persons are in a large share of the events (Zipf), most in a handful.
        var perPerson = events.SelectMany(e => e.Participants!.Select(p => p.Person)).GroupBy(p => p).Select(g => g.Count()).OrderDescending().ToList();
        Assert.True(perPerson[0] >= 500, $"busiest person in {perPerson[0]} events");
        Assert.True(perPerson[perPerson.Count / 2] <= 10, $"median person in {perPerson[perPerson.Count / 2]} events");

        // Disputed events may carry two or three rival dates, one preferred; every kind occurs.
        var disputed = events.Where(e => e.DateClaims is not null).ToList();
        Assert.InRange(disputed.Count, 100, 600);
        Assert.All(disputed, e =>
        {
            Assert.Equal("disputed", e.ClaimStatus);
            Assert.InRange(e.DateClaims!.Count, 2, 3);
            Assert.Single(e.DateClaims, c => c.Preferred);
        });
        Assert.Equal(Enum.GetValues<EventKind>().Select(k => k.ToKebab()).Order(), events.Select(e => e.Kind).Distinct().Order());

        // Names in Latin transliterations and in Cyrillic.
        Assert.All(persons, p => Assert.Contains(p.Variants!, v => v.Name.Any(c => c is >= 'А' and <= 'я')));
        Assert.All(persons, p => Assert.True(p.Variants!.Count >= 2));
    }

    private static HistoricalDate Date(System.Text.Json.JsonElement element)
    {
        var (edtf, calendar) = DatasetRecords.DateOf(element)!.Value;
        return HistoricalDate.ParseEdtf(edtf, calendar);
    }

    [Fact]
    public async Task Every_generated_record_passes_the_validators_and_loads()
    {
        using var db = new TestDatabase();
        var data = new SyntheticData(Sample);

        var result = await new DatasetImporter(db.Factory).ImportAsync(data.Entries(), data.TotalRecords);

        Assert.Equal((500, 2000, 10_000), (result.Sources, result.Persons, result.Events));
        Assert.Equal(10_000, DatabaseSnapshot.Count(db, "Events"));
        Assert.Equal(result.Rows, new[] { "Sources", "Persons", "PersonNames", "PersonNameWords", "Events", "Participations", "EvidenceLinks", "DateClaims" }
            .Sum(t => DatabaseSnapshot.Count(db, t)));
    }

    [Fact]
    public void Counts_that_cannot_make_events_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new SyntheticData(new SyntheticOptions { Events = 10, Persons = 0 }).Entries().First());
    }
}
