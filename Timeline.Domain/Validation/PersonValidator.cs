using FluentValidation;
using Timeline.Domain.Model;

namespace Timeline.Domain.Validation;

public sealed class PersonValidator : AbstractValidator<Person>
{
    public PersonValidator()
    {
        RuleFor(p => p.Name).NotEmpty().WithMessage("Give the person's name.").MaximumLength(Limits.PersonName);
        RuleFor(p => p.Key).MaximumLength(Limits.Key).Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
            .When(p => p.Key is not null).WithMessage("A key is lower-case letters, digits and hyphens.");
        RuleFor(p => p.Description).MaximumLength(Limits.Description);
        RuleFor(p => p.LifeDatesNote).MaximumLength(Limits.Note);
        RuleFor(p => p.Died)
            .Must((p, died) => died is null || p.Born is null || died.Latest >= p.Born.Earliest)
            .WithMessage("Death comes before birth.");
        RuleForEach(p => p.Names).ChildRules(n =>
        {
            n.RuleFor(x => x.Name).NotEmpty().WithMessage("A name variant cannot be empty.").MaximumLength(Limits.PersonName);
            n.RuleFor(x => x.Note).MaximumLength(Limits.Note);
        });
    }
}

public sealed class SourceValidator : AbstractValidator<Source>
{
    public SourceValidator()
    {
        RuleFor(s => s.Title).NotEmpty().WithMessage("Give the source a title.").MaximumLength(Limits.SourceTitle);
        RuleFor(s => s.Key).MaximumLength(Limits.Key).Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
            .When(s => s.Key is not null).WithMessage("A key is lower-case letters, digits and hyphens.");
        RuleFor(s => s.Kind).DefinedEnum();
        RuleFor(s => s.Author).MaximumLength(Limits.Author);
        RuleFor(s => s.Language).MaximumLength(Limits.Language);
        RuleFor(s => s.Url).MaximumLength(Limits.Url).HttpUrl();
        RuleFor(s => s.Publication).MaximumLength(Limits.Publication);
        RuleFor(s => s.Description).MaximumLength(Limits.Description);
        RuleFor(s => s.ArchiveName).MaximumLength(Limits.ArchiveName);
        RuleFor(s => s.ArchiveName).NotEmpty()
            .When(s => new[] { s.Fond, s.Opis, s.Delo, s.Volume, s.Pages }.Any(v => !string.IsNullOrWhiteSpace(v)))
            .WithMessage("Name the archive that holds this fond, opis and delo.");
        RuleFor(s => s.Fond).MaximumLength(Limits.ArchivePart);
        RuleFor(s => s.Opis).MaximumLength(Limits.ArchivePart);
        RuleFor(s => s.Delo).MaximumLength(Limits.ArchivePart);
        RuleFor(s => s.Volume).MaximumLength(Limits.ArchivePart);
        RuleFor(s => s.Pages).MaximumLength(Limits.ArchivePart);
    }
}
