namespace Timeline.Domain.Model;

public enum EventKind
{
    Trial,
    Arrest,
    Interrogation,
    Expulsion,
    Execution,
    /// <summary>Exile or deportation.</summary>
    Exile,
    Release,
    Escape,
    Death,
    /// <summary>A meeting, plenum or congress.</summary>
    Meeting,
    Appointment,
    Document,
    /// <summary>A strike, stoppage or unrest.</summary>
    Protest,
    Other,
}

/// <summary>Who says so: the product's central distinction.</summary>
public enum ClaimStatus
{
    /// <summary>A fact the sources state and none contradicts.</summary>
    Stated,
    /// <summary>Rests on someone's testimony, confession, allegation or argument.</summary>
    Attributed,
    /// <summary>Sources disagree.</summary>
    Disputed,
}

public enum ParticipantRole
{
    Defendant,
    PresidingJudge,
    Judge,
    Prosecutor,
    Defence,
    Arrested,
    Expelled,
    Exiled,
    Executed,
    Released,
    Deceased,
    Witness,
    Investigator,
    Author,
    Recipient,
    Victim,
    Accused,
    Informant,
    Appointee,
    Speaker,
    Organiser,
    Official,
    Subject,
    Participant,
}

public enum SourceKind
{
    ArchivalDocument,
    TrialRecord,
    InterrogationRecord,
    Memoir,
    Letter,
    Newspaper,
    Book,
    Article,
    Speech,
    WebPage,
    Other,
}

public enum Stance
{
    Supports,
    Contradicts,
    Mentions,
}

/// <summary>What a person was expelled from.</summary>
public enum ExpulsionScope
{
    Party,
    CentralCommittee,
    Country,
    Other,
}
