namespace Timeline.Domain.Model;

/// <summary>Text length limits, read by both the EF configuration and the validators.</summary>
public static class Limits
{
    public const int Key = 100;
    public const int Title = 200;
    public const int Summary = 4000;
    public const int Place = 200;
    public const int PersonName = 200;
    public const int Description = 2000;
    public const int SourceTitle = 500;
    public const int Author = 300;
    public const int Publication = 500;
    public const int Url = 2000;
    public const int Language = 35;
    public const int ArchiveName = 100;
    public const int ArchivePart = 50;
    public const int Locator = 300;
    public const int Note = 2000;
    public const int Outcome = 500;
    public const int Charge = 500;
    public const int Verdict = 200;
    public const int Sentence = 500;
    public const int Court = 300;
    public const int Agency = 200;
    public const int Organisation = 300;
    public const int Body = 300;
    public const int Reason = 1000;
    public const int DateText = 40;
    public const int EnumText = 32;
    public const int MaxPageSize = 500;
}
