namespace Timeline.Domain.Model;

/// <summary>What every curated record shares: an id, an optimistic-concurrency version and a soft-delete flag.</summary>
public abstract class Entity
{
    public int Id { get; set; }

    /// <summary>Raised by one on every save; a stale copy fails with a concurrency conflict.</summary>
    public int Version { get; set; }

    public bool IsDeleted { get; set; }
}
