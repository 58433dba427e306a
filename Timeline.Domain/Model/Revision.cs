namespace Timeline.Domain.Model;

public enum RevisionAction
{
    Created,
    Updated,
    Deleted,
    Restored,
    Reverted,
    Merged,
    Absorbed,
    Unmerged,
}

/// <summary>
/// One change to a curated record: who, when, what it looked like afterwards (a JSON snapshot of the
/// whole record, children included) and what changed, field by field. Past states can be restored from it.
/// </summary>
public sealed class Revision
{
    public int Id { get; set; }

    /// <summary>"event", "person" or "source".</summary>
    public string EntityType { get; set; } = "";
    public int EntityId { get; set; }

    /// <summary>The record's version after this change.</summary>
    public int Version { get; set; }

    public RevisionAction Action { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public DateTime At { get; set; }
    public string Snapshot { get; set; } = "";
    public string Changes { get; set; } = "[]";

    /// <summary>Extra data an action needs to be undone (a merge's moved rows).</summary>
    public string? Details { get; set; }
}
