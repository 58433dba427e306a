using FluentValidation;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Validation;

namespace Timeline.Tests.Domain;

public class ValidatorTests
{
    private static readonly Source Archive = new() { Id = 1, Title = "Agranov memorandum", Kind = SourceKind.ArchivalDocument };
    private static readonly Person Blumkin = new() { Id = 7, Name = "Yakov Blumkin" };

    private static Event ValidArrest() => new()
    {
        Title = "OGPU arrests Yakov Blumkin",
        Kind = EventKind.Arrest,
        Start = HistoricalDate.ParseEdtf("1929-10-15"),
        Participants = [new Participation { Person = Blumkin, Role = ParticipantRole.Arrested }],
        Evidence = [new EvidenceLink { Source = Archive, Locator = "l. 94" }],
    };

    private static List<string> Errors(Event e) => new EventValidator().Validate(e).Errors.Select(x => x.ErrorMessage).ToList();

    [Fact]
    public void A_complete_arrest_is_valid()
    {
        Assert.Empty(Errors(ValidArrest()));
    }

    [Fact]
    public void An_undefined_enum_value_is_refused_with_fluentvalidations_own_message()
    {
        var e = ValidArrest();
        e.Kind = (EventKind)99;
        e.ExpelledFrom = (ExpulsionScope)42;
        e.Evidence[0].Stance = (Stance)7;
        var expected = new InlineValidator<Event>();
        expected.RuleFor(x => x.Kind).IsInEnum();

        Assert.Contains(expected.Validate(e).Errors.Single().ErrorMessage, Errors(e));
        Assert.Equal(3, Errors(e).Count(m => m.Contains("has a range of values which does not include", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_event_needs_a_title()
    {
        var e = ValidArrest();
        e.Title = " ";
        Assert.Contains("Give the event a title.", Errors(e));
    }

    [Fact]
    public void A_title_longer_than_the_limit_is_refused()
    {
        var e = ValidArrest();
        e.Title = new string('x', Limits.Title + 1);
        Assert.Single(Errors(e));
    }

    [Fact]
    public void The_end_may_not_come_before_the_start()
    {
        var e = ValidArrest();
        e.End = HistoricalDate.ParseEdtf("1929-10-14");
        Assert.Contains("The end date comes before the start date.", Errors(e));
    }

    [Fact]
    public void An_uncertain_end_that_may_overlap_the_start_is_allowed()
    {
        var e = ValidArrest();
        e.End = HistoricalDate.ParseEdtf("1929-10-14~");
        Assert.Empty(Errors(e));
    }

    [Fact]
    public void An_arrest_names_the_arrested_person()
    {
        var e = ValidArrest();
        e.Participants[0].Role = ParticipantRole.Witness;
        Assert.Contains("An arrest must name at least one arrested person.", Errors(e));
    }

    [Fact]
    public void A_trial_has_at_least_one_defendant()
    {
        var e = ValidArrest();
        e.Kind = EventKind.Trial;
        Assert.Contains("A trial must name at least one defendant, or say in a defendants note who the unnamed defendants were.", Errors(e));
        e.Participants[0].Role = ParticipantRole.Defendant;
        Assert.Empty(Errors(e));
    }

    [Fact]
    public void A_trial_without_named_defendants_needs_a_note()
    {
        var e = ValidArrest();
        e.Kind = EventKind.Trial;
        e.Participants[0].Role = ParticipantRole.Prosecutor;
        e.UnnamedDefendants = 53;
        Assert.NotEmpty(Errors(e));

        e.DefendantsNote = "The source names none of the 53 engineers tried.";
        Assert.Empty(Errors(e));
    }

    [Fact]
    public void A_count_of_unnamed_defendants_is_positive()
    {
        var e = ValidArrest();
        e.Kind = EventKind.Trial;
        e.DefendantsNote = "Unnamed engineers.";
        e.UnnamedDefendants = 0;
        Assert.Contains("Give the number of unnamed defendants, or leave it empty.", Errors(e));
    }

    [Fact]
    public void An_expulsion_names_who_was_expelled()
    {
        var e = ValidArrest();
        e.Kind = EventKind.Expulsion;
        Assert.Contains("An expulsion must name who was expelled.", Errors(e));
    }

    [Fact]
    public void No_event_is_saved_without_evidence()
    {
        var e = ValidArrest();
        e.Evidence.Clear();
        Assert.Contains("An event needs at least one piece of evidence: link the source that attests it.", Errors(e));
    }

    [Fact]
    public void Evidence_says_where_in_the_source()
    {
        var e = ValidArrest();
        e.Evidence[0].Locator = "";
        Assert.Contains(Errors(e), m => m.StartsWith("Say where in the source", StringComparison.Ordinal));
    }

    [Fact]
    public void Alternative_dates_need_exactly_one_preferred_claim_matching_the_event()
    {
        var e = ValidArrest();
        var link = e.Evidence[0];
        e.DateClaims =
        [
            new DateClaim { Start = HistoricalDate.ParseEdtf("1929-10-15"), Evidence = link, IsPreferred = true },
            new DateClaim { Start = HistoricalDate.ParseEdtf("1929-10-16"), Evidence = link, IsPreferred = true },
        ];
        Assert.Contains("Mark exactly one of the alternative dates as preferred.", Errors(e));

        e.DateClaims[0].IsPreferred = false;
        Assert.Contains("The event's date must be its preferred date claim.", Errors(e));

        e.Start = HistoricalDate.ParseEdtf("1929-10-16");
        Assert.Empty(Errors(e));
    }

    [Fact]
    public void A_person_or_source_created_with_the_event_is_checked_at_its_place_in_the_event()
    {
        var e = ValidArrest();
        e.Participants[0].Person = new Person { Name = " " };
        e.Evidence[0].Source = new Source { Title = "Leaflet", Url = "javascript:alert(1)" };

        var errors = new EventValidator().Validate(e).Errors;

        Assert.Contains(errors, x => x.PropertyName == "Participants[0].Person.Name" && x.ErrorMessage == "Give the person's name.");
        Assert.Contains(errors, x => x.PropertyName == "Evidence[0].Source.Url");
    }

    [Fact]
    public void The_same_person_twice_in_one_role_is_refused_even_when_each_row_holds_its_own_copy()
    {
        var e = ValidArrest();
        // As loaded without tracking: one Person object per row, the same id.
        e.Participants =
        [
            new Participation { PersonId = 7, Person = new Person { Id = 7, Name = "Yakov Blumkin" }, Role = ParticipantRole.Arrested },
            new Participation { PersonId = 7, Person = new Person { Id = 7, Name = "Yakov Blumkin" }, Role = ParticipantRole.Arrested },
        ];
        Assert.Contains("The same person is listed twice in the same role.", Errors(e));

        e.Participants[1].Role = ParticipantRole.Witness;
        Assert.Empty(Errors(e));
    }

    [Theory]
    [InlineData("https://example.org/doc", true)]
    [InlineData("http://example.org", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://example.org/file", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("example.org", false)]
    [InlineData(null, true)]
    public void Source_urls_are_http_or_https_only(string? url, bool valid)
    {
        var source = new Source { Title = "A source", Kind = SourceKind.WebPage, Url = url };
        Assert.Equal(valid, new SourceValidator().Validate(source).IsValid);
    }

    [Fact]
    public void An_archival_reference_names_its_archive()
    {
        var source = new Source { Title = "File", Kind = SourceKind.ArchivalDocument, Fond = "17" };
        Assert.Contains(new SourceValidator().Validate(source).Errors, x => x.PropertyName == nameof(Source.ArchiveName));
    }

    [Fact]
    public void A_person_cannot_die_before_being_born()
    {
        var person = new Person { Name = "Someone", Born = HistoricalDate.ParseEdtf("1889"), Died = HistoricalDate.ParseEdtf("1888") };
        Assert.Contains(new PersonValidator().Validate(person).Errors, x => x.ErrorMessage == "Death comes before birth.");
        person.Died = HistoricalDate.ParseEdtf("1945-11-16");
        Assert.True(new PersonValidator().Validate(person).IsValid);
    }

    [Theory]
    [InlineData("1929-10-15", true)]
    [InlineData("c. 1929", true)]
    [InlineData("1936-08-19/1936-08-24", false)]
    [InlineData("someday", false)]
    public void Typed_single_dates_are_checked_with_their_own_explanation(string text, bool valid)
    {
        var validator = new FluentValidation.InlineValidator<DateHolder>();
        validator.RuleFor(h => h.Text).ReadableDate();
        Assert.Equal(valid, validator.Validate(new DateHolder(text)).IsValid);
    }

    public sealed record DateHolder(string? Text);
}
