using FluentValidation;
using Timeline.Domain.Model;

namespace Timeline.Domain.Validation;

/// <summary>The rules an event must meet before it is saved, from any path: form, import or seed.</summary>
public sealed class EventValidator : AbstractValidator<Event>
{
    public EventValidator()
    {
        RuleFor(e => e.Title).NotEmpty().WithMessage("Give the event a title.").MaximumLength(Limits.Title);
        RuleFor(e => e.Summary).MaximumLength(Limits.Summary);
        RuleFor(e => e.Place).MaximumLength(Limits.Place);
        RuleFor(e => e.Key).MaximumLength(Limits.Key).Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
            .When(e => e.Key is not null).WithMessage("A key is lower-case letters, digits and hyphens.");
        RuleFor(e => e.Kind).DefinedEnum();
        RuleFor(e => e.ClaimStatus).DefinedEnum();
        RuleFor(e => e.Start).NotNull();
        RuleFor(e => e.End)
            .Must((e, end) => end is null || end.Latest >= e.Start.Earliest)
            .WithMessage("The end date comes before the start date.");
        // Every date should rest on a date claim or say what it rests on, but that is a rule for the seed, checked by
        // check-seed (SeedChecker), not here: forms make events before anyone has cited a date, and imports must take
        // back what the app exports, events made in forms included.
        RuleFor(e => e.DateNote).MaximumLength(Limits.Note);

        RuleFor(e => e.Court).MaximumLength(Limits.Court);
        RuleFor(e => e.UnnamedDefendants).GreaterThan(0).WithMessage("Give the number of unnamed defendants, or leave it empty.");
        RuleFor(e => e.DefendantsNote).MaximumLength(Limits.Note);
        RuleFor(e => e.ArrestAgency).MaximumLength(Limits.Agency);
        RuleFor(e => e.ArrestPlace).MaximumLength(Limits.Place);
        RuleFor(e => e.ArrestCharge).MaximumLength(Limits.Charge);
        RuleFor(e => e.ExpelledFrom).DefinedEnum();
        RuleFor(e => e.ExpelledFromOrganisation).MaximumLength(Limits.Organisation);
        RuleFor(e => e.ExpellingBody).MaximumLength(Limits.Body);
        RuleFor(e => e.ExpulsionReason).MaximumLength(Limits.Reason);

        RuleFor(e => e.Participants)
            .Must(ps => ps.Any(p => p.Role == ParticipantRole.Arrested))
            .When(e => e.Kind == EventKind.Arrest)
            .WithMessage("An arrest must name at least one arrested person.");
        // Sources often try people without naming them (the 53 engineers of the Shakhty trial); such a trial says
        // who they were in a note rather than being filed as something else.
        RuleFor(e => e.Participants)
            .Must((e, ps) => ps.Any(p => p.Role == ParticipantRole.Defendant) || !string.IsNullOrWhiteSpace(e.DefendantsNote))
            .When(e => e.Kind == EventKind.Trial)
            .WithMessage("A trial must name at least one defendant, or say in a defendants note who the unnamed defendants were.");
        RuleFor(e => e.Participants)
            .Must(ps => ps.Any(p => p.Role == ParticipantRole.Expelled))
            .When(e => e.Kind == EventKind.Expulsion)
            .WithMessage("An expulsion must name who was expelled.");
        // A chosen person is known by id (loaded graphs hold one Person copy per row), a new one by reference.
        RuleFor(e => e.Participants)
            .Must(ps => ps.Where(p => p.PersonId != 0 || p.Person is not null)
                .GroupBy(p => (Who: p.PersonId != 0 ? (object)p.PersonId : p.Person!, p.Role)).All(g => g.Count() == 1))
            .WithMessage("The same person is listed twice in the same role.");
        RuleForEach(e => e.Participants).SetValidator(new ParticipationValidator());

        // Product rule: nothing enters the database unattested.
        RuleFor(e => e.Evidence).NotEmpty()
            .WithMessage("An event needs at least one piece of evidence: link the source that attests it.");
        RuleForEach(e => e.Evidence).SetValidator(new EvidenceLinkValidator());

        RuleFor(e => e.DateClaims)
            .Must(cs => cs.Count(c => c.IsPreferred) == 1)
            .When(e => e.DateClaims.Count > 0)
            .WithMessage("Mark exactly one of the alternative dates as preferred.");
        RuleFor(e => e.DateClaims)
            .Must((e, cs) => cs.Where(c => c.IsPreferred).All(c => c.Start == e.Start && c.End == e.End))
            .When(e => e.DateClaims.Count > 0)
            .WithMessage("The event's date must be its preferred date claim.");
        RuleForEach(e => e.DateClaims).ChildRules(c =>
        {
            c.RuleFor(x => x.End).Must((x, end) => end is null || end.Latest >= x.Start.Earliest)
                .WithMessage("The end date comes before the start date.");
            c.RuleFor(x => x.Note).MaximumLength(Limits.Note);
            c.RuleFor(x => x).Must(x => x.Evidence is not null || x.EvidenceLinkId != 0)
                .WithName("Evidence").WithMessage("Each date claim must rest on a piece of evidence.");
        });
    }
}

public sealed class ParticipationValidator : AbstractValidator<Participation>
{
    public ParticipationValidator()
    {
        RuleFor(p => p.Role).DefinedEnum();
        RuleFor(p => p).Must(p => p.PersonId != 0 || p.Person is not null).WithName("Person").WithMessage("Choose a person.");
        // A person created with the event (no id yet) is checked where it sits: "Participants[0].Person.Name".
        RuleFor(p => p.Person!).SetValidator(new PersonValidator()).When(p => p.PersonId == 0 && p.Person is { Id: 0 });
        RuleFor(p => p.Outcome).MaximumLength(Limits.Outcome);
        RuleFor(p => p.Charge).MaximumLength(Limits.Charge);
        RuleFor(p => p.Verdict).MaximumLength(Limits.Verdict);
        RuleFor(p => p.Sentence).MaximumLength(Limits.Sentence);
    }
}

public sealed class EvidenceLinkValidator : AbstractValidator<EvidenceLink>
{
    public EvidenceLinkValidator()
    {
        RuleFor(x => x).Must(x => x.SourceId != 0 || x.Source is not null).WithName("Source").WithMessage("Choose the source.");
        // Likewise a source created with the event: "Evidence[0].Source.Title".
        RuleFor(x => x.Source!).SetValidator(new SourceValidator()).When(x => x.SourceId == 0 && x.Source is { Id: 0 });
        RuleFor(x => x.Locator).NotEmpty().WithMessage("Say where in the source: a page, folio, section or archival reference.")
            .MaximumLength(Limits.Locator);
        RuleFor(x => x.Stance).DefinedEnum();
        RuleFor(x => x.Note).MaximumLength(Limits.Note);
    }
}
