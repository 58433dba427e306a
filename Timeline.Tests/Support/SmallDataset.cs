using Timeline.Domain.Dates;
using Timeline.Domain.Model;

namespace Timeline.Tests.Support;

/// <summary>A handful of hand-made events whose right answers to every filter are known exactly.</summary>
public static class SmallDataset
{
    public static async Task<Dictionary<string, int>> LoadAsync(TestDatabase db)
    {
        using var ctx = db.NewContext();
        var dossier = new Source { Key = "dossier", Title = "OGPU dossier on Blumkin", Kind = SourceKind.ArchivalDocument, ArchiveName = "RGASPI", Fond = "17" };
        var essay = new Source { Key = "essay", Title = "Essay on the Moscow Trials", Kind = SourceKind.WebPage };
        var miasnikov = Person("miasnikov", "Gavriil Miasnikov", "Myasnikov", "Гавриил Мясников");
        var blumkin = Person("blumkin", "Yakov Blumkin", "Jakov Bljumkin");
        var trotsky = Person("trotsky", "Leon Trotsky", "Лев Троцкий", "Trotskii");
        var zinoviev = Person("zinoviev", "Grigory Zinoviev", "Zinovyev");

        Event E(string key, EventKind kind, string start, string title, ClaimStatus status, Source source, params (Person P, ParticipantRole R)[] people)
        {
            var e = new Event
            {
                Key = key, Kind = kind, Title = title, Summary = $"Summary of {title}.", ClaimStatus = status,
                Start = HistoricalDate.ParseEdtf(start),
                Evidence = [new EvidenceLink { Source = source, Locator = "p. 1" }],
            };
            foreach (var (p, i) in people.Select((p, i) => (p, i))) e.Participants.Add(new Participation { Person = p.P, Role = p.R, Position = i });
            return e;
        }

        var events = new[]
        {
            E("mias-expelled", EventKind.Expulsion, "1922-02-20", "Miasnikov expelled from the party", ClaimStatus.Stated, essay, (miasnikov, ParticipantRole.Expelled)),
            E("mias-arrest", EventKind.Arrest, "1923-05~", "Miasnikov arrested in Moscow", ClaimStatus.Attributed, essay, (miasnikov, ParticipantRole.Arrested)),
            E("trotsky-deported", EventKind.Exile, "1929-02", "Trotsky deported to Turkey", ClaimStatus.Disputed, essay, (trotsky, ParticipantRole.Exiled)),
            E("blumkin-meets-trotsky", EventKind.Meeting, "1929-04-16", "Blumkin meets Trotsky on Prinkipo", ClaimStatus.Attributed, dossier, (blumkin, ParticipantRole.Participant), (trotsky, ParticipantRole.Participant)),
            E("blumkin-arrest", EventKind.Arrest, "1929-10-15", "OGPU arrests Blumkin", ClaimStatus.Stated, dossier, (blumkin, ParticipantRole.Arrested)),
            E("blumkin-shot", EventKind.Execution, "1929-11~", "Blumkin shot", ClaimStatus.Stated, essay, (blumkin, ParticipantRole.Executed)),
            E("trial-1936", EventKind.Trial, "1936-08-19", "Trial of the sixteen", ClaimStatus.Stated, essay, (zinoviev, ParticipantRole.Defendant)),
            E("mias-return", EventKind.Other, "../1945", "Miasnikov returns to Moscow", ClaimStatus.Stated, essay, (miasnikov, ParticipantRole.Subject)),
        };
        events[6].End = HistoricalDate.ParseEdtf("1936-08-24");
        ctx.Events.AddRange(events);
        await ctx.SaveChangesAsync();
        return events.ToDictionary(e => e.Key!, e => e.Id);
    }

    private static Person Person(string key, string name, params string[] variants)
    {
        var p = new Person { Key = key, Name = name };
        p.SetNames(variants);
        return p;
    }
}
