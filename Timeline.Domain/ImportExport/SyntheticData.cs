using System.Globalization;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Seeding;
using Timeline.Domain.Text;

namespace Timeline.Domain.ImportExport;

/// <summary>How much synthetic data to make, and from which seed (the same seed always gives the same data).</summary>
public sealed record SyntheticOptions
{
    public int Events { get; init; } = 10_000;
    public int Persons { get; init; } = 2_000;
    public int Sources { get; init; } = 500;
    public int Seed { get; init; } = 1;
}

/// <summary>
/// A deterministic, realistically shaped dataset for load and speed work: most events between 1917 and 1991,
/// densest in 1936–38; usually one participant, sometimes dozens; one to five pieces of evidence; a few persons
/// and sources in thousands of events (Zipf); mixed precisions and qualifiers, Old Style dates before 1918,
/// disputed events with rival date claims, and kind details that satisfy the validators. Records are made
/// one at a time, so a million events never sit in memory; they can be written as the single-file JSON form
/// or fed straight to <see cref="DatasetImporter"/>.
/// </summary>
public sealed class SyntheticData(SyntheticOptions options)
{
    public const string FileName = "synthetic";

    public SyntheticOptions Options { get; } = options;

    public long TotalRecords => (long)Options.Sources + Options.Persons + Options.Events;

    /// <summary>Every record: sources, then persons, then events.</summary>
    public IEnumerable<DatasetEntry> Entries()
    {
        var g = new Generator(Options);
        for (var i = 0; i < Options.Sources; i++) yield return new DatasetEntry(g.Source(i), FileName);
        for (var i = 0; i < Options.Persons; i++) yield return new DatasetEntry(g.Person(i), FileName);
        for (var i = 0; i < Options.Events; i++) yield return new DatasetEntry(g.Event(i), FileName);
    }

    /// <summary>Writes the single-file JSON dataset, streaming.</summary>
    public async Task WriteJsonAsync(Stream stream, CancellationToken ct = default)
    {
        await using var writer = new DatasetJsonWriter(stream);
        foreach (var entry in Entries())
        {
            ct.ThrowIfCancellationRequested();
            switch (entry.Record)
            {
                case SourceRecord s: await writer.WriteAsync(s, ct); break;
                case PersonRecord p: await writer.WriteAsync(p, ct); break;
                case EventRecord e: await writer.WriteAsync(e, ct); break;
            }
        }
        await writer.CompleteAsync(ct);
    }

    private sealed class Generator
    {
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
        private readonly Random _rng;
        private readonly SyntheticOptions _o;
        private readonly string[] _personKeys;
        private readonly string[] _personNames;
        private readonly string[] _sourceKeys;
        private readonly SourceKind[] _sourceKinds;
        private readonly Zipf _personRank;
        private readonly Zipf _sourceRank;
        private readonly int[] _personOrder;
        private readonly int[] _sourceOrder;
        private readonly Weighted<int> _years;

        private static readonly Zipf ParticipantCount = new(60, 2.4);
        private static readonly double[] EvidenceCount = [0.40, 0.30, 0.17, 0.09, 0.04];

        public Generator(SyntheticOptions o)
        {
            if (o.Events < 0 || o.Persons < 0 || o.Sources < 0) throw new ArgumentException("Counts cannot be negative.", nameof(o));
            if (o.Events > 0 && (o.Persons < 1 || o.Sources < 1)) throw new ArgumentException("Events need at least one person and one source.", nameof(o));
            _o = o;
            _rng = new Random(o.Seed);
            _personKeys = new string[o.Persons];
            _personNames = new string[o.Persons];
            _sourceKeys = new string[o.Sources];
            _sourceKinds = new SourceKind[o.Sources];
            _personRank = new Zipf(Math.Max(o.Persons, 1), 1.0);
            _sourceRank = new Zipf(Math.Max(o.Sources, 1), 0.9);
            // Which persons and sources are the prolific ones is shuffled, so they are spread through the file.
            _personOrder = Shuffled(o.Persons);
            _sourceOrder = Shuffled(o.Sources);
            _years = new Weighted<int>(Enumerable.Range(1870, 131).Select(y => (y, YearWeight(y))));
        }

        private int[] Shuffled(int n)
        {
            var a = Enumerable.Range(0, n).ToArray();
            _rng.Shuffle(a);
            return a;
        }

        // Most events fall in the Soviet years, densest in the Great Terror; a thin tail either side.
        private static double YearWeight(int y) => y switch
        {
            >= 1936 and <= 1938 => 8,
            >= 1929 and <= 1935 => 2.2,
            >= 1939 and <= 1941 => 2,
            >= 1917 and <= 1922 => 2.5,
            >= 1942 and <= 1953 => 1.6,
            >= 1923 and <= 1991 => 1,
            _ => 0.12,
        };

        private bool Chance(double p) => _rng.NextDouble() < p;
        private T Pick<T>(IReadOnlyList<T> list) => list[_rng.Next(list.Count)];

        // ---- sources ----

        private static readonly Weighted<SourceKind> SourceKinds = new([
            (SourceKind.ArchivalDocument, 35), (SourceKind.InterrogationRecord, 12), (SourceKind.TrialRecord, 8), (SourceKind.Newspaper, 12),
            (SourceKind.Memoir, 8), (SourceKind.Letter, 8), (SourceKind.Book, 7), (SourceKind.Article, 5), (SourceKind.Speech, 3),
            (SourceKind.WebPage, 1), (SourceKind.Other, 1)]);

        private static readonly string[] Archives = ["RGASPI", "GARF", "RGANI", "TsA FSB", "RGAE", "RGVA", "TsGAIPD SPb", "GAOPDF RK"];
        private static readonly string[] Newspapers = ["Pravda", "Izvestiia", "Trud", "Krasnaia zvezda", "Leningradskaia pravda", "Biulleten' oppozitsii"];
        private static readonly string[] Cities =
            ["Moscow", "Moscow", "Moscow", "Leningrad", "Leningrad", "Kiev", "Kharkov", "Tiflis", "Baku", "Sverdlovsk", "Novosibirsk", "Minsk",
             "Odessa", "Rostov-on-Don", "Tomsk", "Alma-Ata", "Tashkent", "Magadan", "Vorkuta", "Kolyma", "Solovki", "Berlin", "Paris", "Constantinople"];

        public SourceRecord Source(int i)
        {
            var kind = SourceKinds.Next(_rng);
            var key = $"{kind.ToKebab()}-{i + 1}";
            _sourceKeys[i] = key;
            _sourceKinds[i] = kind;
            var year = _years.Next(_rng);
            var date = Chance(0.8) ? DatasetDates.ToElement(HistoricalDate.Create(year, _rng.Next(1, 13))) : (System.Text.Json.JsonElement?)null;
            var n = i + 1;
            return kind switch
            {
                SourceKind.ArchivalDocument or SourceKind.InterrogationRecord or SourceKind.TrialRecord => new SourceRecord
                {
                    Id = key,
                    Kind = kind.ToKebab(),
                    Title = kind switch
                    {
                        SourceKind.InterrogationRecord => $"Record of interrogation No. {n}",
                        SourceKind.TrialRecord => $"Verbatim record of court session No. {n}",
                        _ => $"{Pick(["Protocol", "Memorandum", "Special report", "Resolution", "Directive"])} No. {n}",
                    },
                    Author = Chance(0.6) ? Pick(["OGPU", "NKVD", "Politburo", "Central Control Commission", "Procuracy of the USSR"]) : null,
                    Date = date,
                    Language = "ru",
                    Archive = new ArchiveRecord
                    {
                        Archive = Pick(Archives),
                        Fond = _rng.Next(1, 9000).ToString(Inv),
                        Opis = _rng.Next(1, 200).ToString(Inv),
                        Delo = _rng.Next(1, 20000).ToString(Inv),
                        Volume = Chance(0.1) ? _rng.Next(1, 40).ToString(Inv) : null,
                        Pages = Chance(0.7) ? $"{_rng.Next(1, 300)}-{_rng.Next(300, 600)}" : null,
                    },
                },
                SourceKind.Newspaper => new SourceRecord
                {
                    Id = key, Kind = kind.ToKebab(), Date = date, Language = "ru",
                    Title = $"{Pick(Newspapers)}, issue {n}",
                },
                SourceKind.WebPage => new SourceRecord
                {
                    Id = key, Kind = kind.ToKebab(), Language = "en",
                    Title = $"Online documents collection, page {n}", Url = $"https://example.org/documents/{n}",
                },
                _ => new SourceRecord
                {
                    Id = key, Kind = kind.ToKebab(), Date = date, Language = Chance(0.7) ? "ru" : "en",
                    Title = $"{Pick(["Recollections", "Letters", "Notes", "Studies", "Speeches", "Essays"])} on the years {year}-{year + _rng.Next(1, 20)}, vol. {n}",
                    Publication = Chance(0.6) ? $"{Pick(Cities)}, {Math.Min(2000, year + _rng.Next(1, 60))}" : null,
                    Description = Chance(0.3) ? "Synthetic source for load tests." : null,
                },
            };
        }

        // ---- persons ----

        public PersonRecord Person(int i)
        {
            var female = Chance(0.12);
            var (maleSurname, femaleSurname) = SyntheticNames.Surname(_rng);
            var surname = female ? femaleSurname : maleSurname;
            var first = female ? Pick(SyntheticNames.Female) : Pick(SyntheticNames.Male).Name;
            var patronymic = Pick(SyntheticNames.Male).Patronymic + (female ? "на" : "ич");
            string Popular(string s) => SyntheticNames.Latin(s);
            string Loc(string s) => SyntheticNames.Latin(s, libraryOfCongress: true);

            var name = $"{Popular(first)} {Popular(surname)}";
            var key = $"{SyntheticNames.Slug(Popular(surname))}-{SyntheticNames.Slug(Popular(first))}-{i + 1}";
            _personKeys[i] = key;
            _personNames[i] = name;
            var variants = new List<string> { $"{Loc(first)} {Loc(patronymic)} {Loc(surname)}", $"{first} {patronymic} {surname}" };
            if (Chance(0.6)) variants.Add($"{Popular(first)[0]}. {Popular(patronymic)[0]}. {Popular(surname)}");
            if (Chance(0.3)) variants.Add(Loc(surname));
            if (Chance(0.2)) variants.Add($"{surname} {first[0]}. {patronymic[0]}.");

            var born = Chance(0.7) ? _rng.Next(1850, 1925) : (int?)null;
            var died = born is { } b && Chance(0.8) ? Math.Min(2000, b + _rng.Next(20, 90)) : (int?)null;
            return new PersonRecord
            {
                Id = key,
                Name = name,
                Variants = variants.ConvertAll(v => new NameVariantRecord(v)),
                Born = born is { } by ? DatasetDates.ToElement(BirthDate(by)) : null,
                Died = died is { } dy ? DatasetDates.ToElement(HistoricalDate.Create(dy, Chance(0.5) ? _rng.Next(1, 13) : null)) : null,
                Description = Chance(0.5) ? $"Synthetic person: a {Pick(["party official", "worker", "Old Bolshevik", "oppositionist", "chekist", "writer", "military commander", "student"])} from {Pick(Cities)}." : null,
            };
        }

        private HistoricalDate BirthDate(int year)
        {
            if (!Chance(0.5)) return HistoricalDate.Create(year, qualifier: Chance(0.2) ? DateQualifier.Circa : DateQualifier.Exact);
            var month = _rng.Next(1, 13);
            // Births before 1918 were registered Old Style.
            return HistoricalDate.Create(year, month, _rng.Next(1, 29), DateQualifier.Exact, Chance(0.8) ? CalendarSystem.Julian : CalendarSystem.Gregorian);
        }

        private int PersonIndex() => Chance(0.6) ? _personOrder[_personRank.Next(_rng) - 1] : _rng.Next(_o.Persons);
        private int SourceIndex() => Chance(0.7) ? _sourceOrder[_sourceRank.Next(_rng) - 1] : _rng.Next(_o.Sources);

        // ---- events ----

        private static readonly Weighted<EventKind> Kinds = new([
            (EventKind.Arrest, 15), (EventKind.Interrogation, 10), (EventKind.Trial, 8), (EventKind.Expulsion, 8), (EventKind.Execution, 6),
            (EventKind.Exile, 7), (EventKind.Release, 4), (EventKind.Escape, 1), (EventKind.Death, 5), (EventKind.Meeting, 12),
            (EventKind.Appointment, 8), (EventKind.Document, 10), (EventKind.Protest, 3), (EventKind.Other, 3)]);

        private static readonly Weighted<DateQualifier> Qualifiers = new([
            (DateQualifier.Exact, 76), (DateQualifier.Circa, 8), (DateQualifier.Uncertain, 7), (DateQualifier.CircaUncertain, 2),
            (DateQualifier.Before, 3.5), (DateQualifier.After, 3.5)]);

        private static readonly Weighted<ClaimStatus> Statuses = new([(ClaimStatus.Stated, 60), (ClaimStatus.Attributed, 30), (ClaimStatus.Disputed, 10)]);

        public EventRecord Event(int i)
        {
            var kind = Kinds.Next(_rng);
            var status = Statuses.Next(_rng);
            var start = EventDate();
            var end = start.Precision == DatePrecision.Day && start.Qualifier == DateQualifier.Exact
                && Chance(kind is EventKind.Trial or EventKind.Meeting or EventKind.Exile or EventKind.Protest ? 0.35 : 0.05)
                ? Later(start, _rng.Next(1, 21)) : null;

            var people = Participants(kind);
            var claims = status == ClaimStatus.Disputed && Chance(0.3) ? _rng.Next(2, 4) : 0;
            var evidence = Evidence(status, claims);
            var lead = _personNames[people[0].Person];
            var place = Pick(Cities);

            return new EventRecord
            {
                Id = $"{kind.ToKebab()}-{i + 1}",
                Kind = kind.ToKebab(),
                Title = Title(kind, lead, people.Count, place),
                Summary = $"Synthetic {kind.ToKebab()} event involving {lead}{(people.Count > 1 ? $" and {people.Count - 1} other(s)" : "")}, " +
                    $"dated {DateText.Display(start, end)}. Generated for load and speed tests.",
                Start = DatasetDates.ToElement(start),
                End = DatasetDates.ToOptionalElement(end),
                Place = Chance(0.85) ? place : null,
                ClaimStatus = status.ToKebab(),
                Participants = people.Select(p => new ParticipantRecord
                {
                    Person = _personKeys[p.Person],
                    Role = p.Role.ToKebab(),
                    Outcome = p.Role is ParticipantRole.Arrested && Chance(0.3) ? Pick(["released", "sentenced", "shot", "sent to a camp"]) : null,
                    Charge = p.Role == ParticipantRole.Defendant && Chance(0.7) ? Pick(Charges) : null,
                    Verdict = p.Role == ParticipantRole.Defendant && Chance(0.6) ? Pick(["guilty", "guilty", "guilty", "acquitted"]) : null,
                    Sentence = p.Role == ParticipantRole.Defendant && Chance(0.6) ? Pick(["death", "10 years", "5 years", "exile", "25 years"]) : null,
                }).ToList(),
                Evidence = evidence,
                DateClaims = claims > 0 ? Claims(start, end, evidence, claims) : null,
                Trial = kind == EventKind.Trial ? new TrialRecord { Court = Court(start.Year) } : null,
                Arrest = kind == EventKind.Arrest ? new ArrestRecord { Agency = Agency(start.Year), Place = place, Charge = Chance(0.6) ? Pick(Charges) : null } : null,
                Expulsion = kind == EventKind.Expulsion ? new ExpulsionRecord
                {
                    From = Pick(["party", "party", "party", "central-committee", "country", "other"]),
                    Body = Chance(0.6) ? Pick(["Central Control Commission", "Party cell", "Plenum of the Central Committee", "District committee"]) : null,
                    Reason = Chance(0.5) ? Pick(["factional activity", "Trotskyism", "anti-party statements", "concealing his past", "passivity"]) : null,
                } : null,
            };
        }

        private HistoricalDate EventDate()
        {
            var year = _years.Next(_rng);
            var month = _rng.Next(1, 13);
            var r = _rng.NextDouble();
            int? m = r < 0.82 ? month : null;
            int? d = r < 0.55 ? _rng.Next(1, DateTime.DaysInMonth(year, month) + 1) : null;
            var qualifier = Qualifiers.Next(_rng);
            // Russian sources before the switch of 1 (14) Feb 1918 mostly date Old Style.
            var julian = (year < 1918 || (year == 1918 && month == 1)) && Chance(0.7);
            return HistoricalDate.Create(year, m, d, qualifier, julian ? CalendarSystem.Julian : CalendarSystem.Gregorian);
        }

        private static readonly JulianCalendar Julian = new();

        private static HistoricalDate Later(HistoricalDate day, int days)
        {
            var cal = day.Calendar == CalendarSystem.Julian ? (Calendar)Julian : new GregorianCalendar();
            var t = cal.ToDateTime(day.Year, day.Month!.Value, day.Day!.Value, 0, 0, 0, 0).AddDays(days);
            return HistoricalDate.Create(cal.GetYear(t), cal.GetMonth(t), cal.GetDayOfMonth(t), DateQualifier.Exact, day.Calendar);
        }

        private List<(int Person, ParticipantRole Role)> Participants(EventKind kind)
        {
            var count = ParticipantCount.Next(_rng);
            if (kind == EventKind.Trial && Chance(0.5)) count += _rng.Next(1, 4);
            var chosen = new HashSet<int>();
            var list = new List<(int, ParticipantRole)>(count);
            for (var tries = 0; list.Count < Math.Min(count, _o.Persons) && tries < count * 4; tries++)
            {
                var p = PersonIndex();
                if (chosen.Add(p)) list.Add((p, Role(kind, list.Count)));
            }
            return list;
        }

        // The first person carries the role the validators require of the kind; the others vary.
        private ParticipantRole Role(EventKind kind, int position)
        {
            var lead = position == 0;
            return kind switch
            {
                EventKind.Trial => lead || Chance(0.6) ? ParticipantRole.Defendant
                    : Pick([ParticipantRole.PresidingJudge, ParticipantRole.Judge, ParticipantRole.Prosecutor, ParticipantRole.Defence, ParticipantRole.Witness]),
                EventKind.Arrest => lead || Chance(0.5) ? ParticipantRole.Arrested : Pick([ParticipantRole.Investigator, ParticipantRole.Informant, ParticipantRole.Official]),
                EventKind.Expulsion => lead || Chance(0.5) ? ParticipantRole.Expelled : Pick([ParticipantRole.Speaker, ParticipantRole.Organiser, ParticipantRole.Official]),
                EventKind.Execution => lead || Chance(0.7) ? ParticipantRole.Executed : ParticipantRole.Official,
                EventKind.Exile => lead || Chance(0.7) ? ParticipantRole.Exiled : ParticipantRole.Official,
                EventKind.Release => lead || Chance(0.7) ? ParticipantRole.Released : ParticipantRole.Official,
                EventKind.Death => lead ? ParticipantRole.Deceased : ParticipantRole.Witness,
                EventKind.Interrogation => lead ? ParticipantRole.Subject : Pick([ParticipantRole.Investigator, ParticipantRole.Witness, ParticipantRole.Accused]),
                EventKind.Appointment => lead || Chance(0.5) ? ParticipantRole.Appointee : ParticipantRole.Official,
                EventKind.Document => Pick([ParticipantRole.Author, ParticipantRole.Recipient, ParticipantRole.Subject]),
                EventKind.Meeting or EventKind.Protest => Pick([ParticipantRole.Participant, ParticipantRole.Participant, ParticipantRole.Speaker, ParticipantRole.Organiser]),
                _ => Pick([ParticipantRole.Participant, ParticipantRole.Subject, ParticipantRole.Victim]),
            };
        }

        private List<EvidenceRecord> Evidence(ClaimStatus status, int atLeast)
        {
            var count = Math.Max(atLeast, 1 + Draw(EvidenceCount));
            var used = new HashSet<int>();
            var list = new List<EvidenceRecord>(count);
            for (var tries = 0; list.Count < Math.Min(count, _o.Sources) && tries < count * 4; tries++)
            {
                var s = SourceIndex();
                if (!used.Add(s)) continue;
                var stance = status == ClaimStatus.Stated ? (Chance(0.9) ? "supports" : "mentions")
                    : Pick(["supports", "supports", "supports", "mentions", "contradicts"]);
                list.Add(new EvidenceRecord
                {
                    Source = _sourceKeys[s],
                    Locator = Locator(_sourceKinds[s]),
                    Stance = stance,
                    Note = Chance(0.1) ? Pick(["Gives the date.", "Names the participants.", "A hostile account.", "Repeats an earlier report."]) : null,
                });
            }
            return list;
        }

        private string Locator(SourceKind kind) => kind switch
        {
            SourceKind.ArchivalDocument or SourceKind.InterrogationRecord or SourceKind.TrialRecord =>
                Chance(0.7) ? $"l. {_rng.Next(1, 400)}" : $"ll. {_rng.Next(1, 300)}-{_rng.Next(300, 400)}",
            SourceKind.Newspaper => $"p. {_rng.Next(1, 8)}",
            SourceKind.WebPage => $"section {_rng.Next(1, 30)}",
            _ => Chance(0.8) ? $"p. {_rng.Next(1, 600)}" : $"pp. {_rng.Next(1, 300)}-{_rng.Next(300, 600)}",
        };

        // The preferred claim is the event's own date; the rivals move it by a year or a month.
        private List<DateClaimRecord> Claims(HistoricalDate start, HistoricalDate? end, List<EvidenceRecord> evidence, int count)
        {
            var claims = new List<DateClaimRecord>(count)
            {
                new() { Start = DatasetDates.ToElement(start), End = DatasetDates.ToOptionalElement(end), Preferred = true,
                        Source = evidence[0].Source, Locator = evidence[0].Locator },
            };
            for (var i = 1; i < count && i < evidence.Count; i++)
            {
                var year = Math.Clamp(start.Year + Pick([-2, -1, 1, 2]), 1, 9999);
                int? day = start.Day is { } d ? Math.Min(d, 28) : null;
                var rival = HistoricalDate.Create(year, start.Month, day, Chance(0.3) ? DateQualifier.Circa : DateQualifier.Exact, start.Calendar);
                claims.Add(new DateClaimRecord
                {
                    Start = DatasetDates.ToElement(rival), Source = evidence[i].Source, Locator = evidence[i].Locator,
                    Note = Chance(0.5) ? "A rival date given by this source." : null,
                });
            }
            return claims;
        }

        private static readonly string[] Charges =
            ["Article 58-10 (anti-Soviet agitation)", "Article 58-8 (terrorism)", "Article 58-11 (counter-revolutionary organisation)",
             "Article 58-1a (treason)", "Article 58-7 (wrecking)", "Trotskyist activity", "espionage", "sabotage"];

        private string Court(int year) => year switch
        {
            < 1923 => Pick(["Supreme Revolutionary Tribunal of the VTsIK", "Moscow Revolutionary Tribunal"]),
            < 1934 => Pick(["Supreme Court of the USSR", "OGPU Collegium", "Special Board of the OGPU"]),
            < 1954 => Pick(["Military Collegium of the Supreme Court of the USSR", "Special Board of the NKVD", "NKVD troika", "Moscow City Court"]),
            _ => Pick(["Supreme Court of the RSFSR", "Moscow City Court", "Military Collegium of the Supreme Court of the USSR"]),
        };

        private static string Agency(int year) => year switch
        {
            < 1917 => "Okhrana",
            < 1922 => "Cheka",
            < 1934 => "OGPU",
            < 1946 => "NKVD",
            < 1954 => "MGB",
            _ => "KGB",
        };

        private static string Title(EventKind kind, string lead, int people, string place)
        {
            var others = people > 1 ? $" and {people - 1} other{(people > 2 ? "s" : "")}" : "";
            return kind switch
            {
                EventKind.Trial => $"Trial of {lead}{others}",
                EventKind.Arrest => $"Arrest of {lead}{others} in {place}",
                EventKind.Interrogation => $"Interrogation of {lead}",
                EventKind.Expulsion => $"Expulsion of {lead}{others}",
                EventKind.Execution => $"Execution of {lead}{others}",
                EventKind.Exile => $"{lead}{others} exiled from {place}",
                EventKind.Release => $"Release of {lead}",
                EventKind.Escape => $"Escape of {lead}",
                EventKind.Death => $"Death of {lead}",
                EventKind.Meeting => $"Meeting in {place} with {lead}{others}",
                EventKind.Appointment => $"Appointment of {lead}",
                EventKind.Document => $"Document concerning {lead}{others}",
                EventKind.Protest => $"Unrest in {place}",
                _ => $"Episode involving {lead}",
            };
        }

        private int Draw(double[] weights)
        {
            var r = _rng.NextDouble() * weights.Sum();
            for (var i = 0; i < weights.Length; i++)
                if ((r -= weights[i]) < 0) return i;
            return weights.Length - 1;
        }
    }
}
