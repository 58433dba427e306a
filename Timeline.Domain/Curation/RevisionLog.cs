using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Domain.Model;

namespace Timeline.Domain.Curation;

/// <summary>What a save came to: saved, refused by validation, or overtaken by another editor's save.</summary>
public abstract record SaveOutcome
{
    public sealed record Saved(int Id, int Version) : SaveOutcome;

    public sealed record Invalid(IReadOnlyList<ValidationFailure> Errors) : SaveOutcome;

    /// <summary>Someone saved since the editor loaded version <paramref name="BaseVersion"/>; nothing was written.</summary>
    public sealed record Conflict(int BaseVersion, int CurrentVersion, string ChangedBy, DateTime? ChangedAt,
        IReadOnlyList<FieldChange> TheirChanges) : SaveOutcome;
}

public static class EntityTypes
{
    public const string Event = "event";
    public const string Person = "person";
    public const string Source = "source";

    /// <summary>An import from the web page: one revision for the whole import, not one per record (docs/curation.md).</summary>
    public const string Import = "import";
}

/// <summary>Writes revisions. Records that predate curation (seed, import) get a baseline revision first, so their original state can be restored too.</summary>
internal static class RevisionLog
{
    public const string BeforeCuration = "(seed or import)";

    public static async Task EnsureBaselineAsync(TimelineDbContext db, string type, int id, int version, string snapshot, DateTime at, CancellationToken ct)
    {
        if (await db.Revisions.AnyAsync(r => r.EntityType == type && r.EntityId == id, ct)) return;
        db.Revisions.Add(new Revision
        {
            EntityType = type, EntityId = id, Version = version, Action = RevisionAction.Created,
            UserId = "", UserName = BeforeCuration, At = at, Snapshot = snapshot,
        });
    }

    public static Revision Add(TimelineDbContext db, string type, int id, int version, RevisionAction action, Actor actor, string snapshot,
        IReadOnlyList<FieldChange> changes, DateTime at, string? details = null)
    {
        var revision = new Revision
        {
            EntityType = type, EntityId = id, Version = version, Action = action, UserId = actor.UserId, UserName = actor.UserName,
            At = at, Snapshot = snapshot, Changes = Diff.Serialize(changes), Details = details,
        };
        db.Revisions.Add(revision);
        return revision;
    }

    /// <summary>What changed between the version an editor loaded and the current one, for the conflict dialog.</summary>
    public static async Task<SaveOutcome.Conflict> ConflictAsync(TimelineDbContext db, string type, int id, int baseVersion, int currentVersion,
        IReadOnlyDictionary<string, string?> current, Func<string, IReadOnlyDictionary<string, string?>> fieldsOf, CancellationToken ct)
    {
        var revisions = await db.Revisions.AsNoTracking().Where(r => r.EntityType == type && r.EntityId == id && r.Version >= baseVersion)
            .OrderBy(r => r.Version).ToListAsync(ct);
        var baseline = revisions.FirstOrDefault(r => r.Version == baseVersion);
        var latest = revisions.LastOrDefault();
        var changes = Diff.Between(baseline is null ? null : fieldsOf(baseline.Snapshot), current);
        return new SaveOutcome.Conflict(baseVersion, currentVersion, latest?.UserName ?? "another editor", latest?.At, changes);
    }
}
