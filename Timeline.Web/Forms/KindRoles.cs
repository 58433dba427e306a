using Timeline.Domain.Model;

namespace Timeline.Web.Forms;

/// <summary>Which participant roles an event kind's own section edits; every other role is listed under "other participants".</summary>
public static class KindRoles
{
    public static readonly IReadOnlyList<ParticipantRole> Court =
        [ParticipantRole.PresidingJudge, ParticipantRole.Judge, ParticipantRole.Prosecutor, ParticipantRole.Defence];

    public static IReadOnlyList<ParticipantRole> Managed(EventKind kind) => kind switch
    {
        EventKind.Trial => [ParticipantRole.Defendant, .. Court],
        EventKind.Arrest => [ParticipantRole.Arrested],
        EventKind.Expulsion => [ParticipantRole.Expelled],
        _ => [],
    };

    /// <summary>The roles of the general list: all but the kind's own, the general "participant" first as the default.</summary>
    public static IReadOnlyList<ParticipantRole> Others(EventKind kind)
    {
        var managed = Managed(kind);
        return Enum.GetValues<ParticipantRole>().Where(r => !managed.Contains(r))
            .OrderBy(r => r == ParticipantRole.Participant ? 0 : 1).ToList();
    }
}
