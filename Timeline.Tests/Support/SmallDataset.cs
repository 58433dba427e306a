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
        var blumkin = Person("blumkin", "Yakov Blumkin", "Jakov Bljumkin", "Blumkin");
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

    /// <summary>
    /// More rows for the detail pages, on top of <see cref="LoadAsync"/> (which must run first): Miasnikov's
    /// last year with a trial, its judges, an archival source and rival dates, and an Old Style date. Kept
    /// apart so that the filter tests above keep their exact answers.
    /// </summary>
    public static async Task<Dictionary<string, int>> LoadDetailsAsync(TestDatabase db)
    {
        using var ctx = db.NewContext();
        var miasnikov = ctx.Persons.Single(p => p.Key == "miasnikov");
        var essay = ctx.Sources.Single(s => s.Key == "essay");
        var caseFile = new Source
        {
            Key = "case-file", Title = "NKGB case file of G. I. Miasnikov", Author = "NKGB", Kind = SourceKind.ArchivalDocument,
            Date = HistoricalDate.ParseEdtf("1945"), Language = "ru", Url = "https://example.org/case-file",
            Publication = "Published in part, 1995", Description = "Interrogations, trial minutes and the execution certificate.",
            Archive = new ArchivalReference("TsA FSB", "R-33833", null, "1", "3", "94-126"),
        };
        var ulrikh = Person("ulrikh", "Vasily Ulrikh", "V. V. Ulrikh", "Василий Ульрих");
        var matulevich = Person("matulevich", "I. O. Matulevich");

        static Event E(string key, EventKind kind, HistoricalDate start, string title, ClaimStatus status)
            => new() { Key = key, Kind = kind, Title = title, Summary = $"Summary of {title}.", ClaimStatus = status, Start = start };
        static void Take(Event e, Person p, ParticipantRole role, string? outcome = null) =>
            e.Participants.Add(new Participation { Person = p, Role = role, Outcome = outcome, Position = e.Participants.Count });
        static EvidenceLink Cite(Event e, Source s, string locator, Stance stance = Stance.Supports, string? note = null, string? date = null)
        {
            var link = new EvidenceLink { Source = s, Locator = locator, Stance = stance, Note = note, EvidenceDate = date is null ? null : HistoricalDate.ParseEdtf(date) };
            e.Evidence.Add(link);
            return link;
        }

        var soviet = E("mias-soviet-1917", EventKind.Meeting, HistoricalDate.ParseEdtf("1917-10-25~", CalendarSystem.Julian),
            "Motovilikha soviet backs the rising", ClaimStatus.Stated);
        soviet.Place = "Motovilikha";
        Take(soviet, miasnikov, ParticipantRole.Speaker);
        Cite(soviet, essay, "p. 2");

        var arrest = E("mias-arrest-1945", EventKind.Arrest, HistoricalDate.ParseEdtf("1945-01~"), "Miasnikov arrested on arrival in Moscow", ClaimStatus.Stated);
        arrest.ArrestAgency = "NKGB";
        arrest.ArrestPlace = "Moscow";
        arrest.ArrestCharge = "Treason";
        Take(arrest, miasnikov, ParticipantRole.Arrested, "Held in Butyrki");
        Cite(arrest, caseFile, "l. 3", date: "1945-01");

        var trial = E("mias-trial-1945", EventKind.Trial, HistoricalDate.ParseEdtf("1945-10-24"), "Military Collegium tries Miasnikov", ClaimStatus.Disputed);
        trial.Court = "Military Collegium of the Supreme Court of the USSR";
        trial.Place = "Moscow";
        trial.Participants.Add(new Participation
        {
            Person = miasnikov, Role = ParticipantRole.Defendant, Charge = "Treason (art. 58-1a)", Verdict = "Guilty",
            Sentence = "Death by shooting", Outcome = "Shot on 16 Nov 1945", Position = 0,
        });
        Take(trial, ulrikh, ParticipantRole.PresidingJudge);
        Take(trial, matulevich, ParticipantRole.Judge);
        var minutes = Cite(trial, caseFile, "l. 94-126", note: "Minutes of the closed session");
        var retelling = Cite(trial, essay, "p. 7", Stance.Mentions);
        trial.DateClaims.Add(new DateClaim { Evidence = minutes, Start = HistoricalDate.ParseEdtf("1945-10-24"), IsPreferred = true });
        trial.DateClaims.Add(new DateClaim { Evidence = retelling, Start = HistoricalDate.ParseEdtf("1945-10-25"), Note = "A day late" });

        var shot = E("mias-shot-1945", EventKind.Execution, HistoricalDate.ParseEdtf("1945-11-16"), "Miasnikov shot", ClaimStatus.Stated);
        Take(shot, miasnikov, ParticipantRole.Executed);
        Take(shot, ulrikh, ParticipantRole.Official);
        Cite(shot, caseFile, "l. 130", date: "1945-11-16");

        var events = new[] { soviet, arrest, trial, shot };
        ctx.Events.AddRange(events);
        await ctx.SaveChangesAsync();
        return events.ToDictionary(e => e.Key!, e => e.Id);
    }

    public static int PersonId(TestDatabase db, string key)
    {
        using var ctx = db.NewContext();
        return ctx.Persons.Single(p => p.Key == key).Id;
    }

    public static int SourceId(TestDatabase db, string key)
    {
        using var ctx = db.NewContext();
        return ctx.Sources.Single(s => s.Key == key).Id;
    }

    private static Person Person(string key, string name, params string[] variants)
    {
        var p = new Person { Key = key, Name = name };
        p.SetNames(variants);
        return p;
    }
}
