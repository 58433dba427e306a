using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Domain.Model;
using Timeline.Domain.Validation;

namespace Timeline.Domain.Curation;

/// <summary>Changes to sources: documents, publications and archival files.</summary>
public sealed class SourceCommands(IDbContextFactory<TimelineDbContext> factory, TimeProvider clock)
{
    private readonly SourceValidator _validator = new();

    public async Task<SaveOutcome> SaveAsync(Actor actor, Source edited, int baseVersion, bool overwrite = false, CancellationToken ct = default)
    {
        actor.MustEdit(edited.Id == 0 ? "add sources" : "edit sources");
        var result = _validator.Validate(edited);
        if (!result.IsValid) return new SaveOutcome.Invalid(result.Errors);
        // Stored like a source created with an event: trimmed, and a blank field is no value (a cleared form box sends "").
        var raw = SourceSnapshot.Of(edited);
        var snapshot = raw with
        {
            Title = raw.Title.Trim(), Author = Clean(raw.Author), Language = Clean(raw.Language), Url = Clean(raw.Url),
            Publication = Clean(raw.Publication), Description = Clean(raw.Description), ArchiveName = Clean(raw.ArchiveName),
            Fond = Clean(raw.Fond), Opis = Clean(raw.Opis), Delo = Clean(raw.Delo), Volume = Clean(raw.Volume), Pages = Clean(raw.Pages),
        };
        return await ChangeAsync(actor, edited.Id, edited.Id == 0 ? null : baseVersion, overwrite, s => snapshot.ApplyTo(s),
            edited.Id == 0 ? RevisionAction.Created : RevisionAction.Updated, null, ct);
    }

    /// <summary>Soft delete; refused while events cite the source.</summary>
    public async Task<SaveOutcome> DeleteAsync(Actor actor, int id, int baseVersion, CancellationToken ct = default)
    {
        actor.MustEdit("delete sources");
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var links = await db.EvidenceLinks.CountAsync(x => x.SourceId == id, ct);
            if (links > 0) throw new CurationException($"{links} evidence link(s) cite this source. Remove them from their events before deleting it.");
        }
        return await ChangeAsync(actor, id, baseVersion, false, s => s.IsDeleted = true, RevisionAction.Deleted, null, ct);
    }

    public Task<SaveOutcome> RestoreAsync(Actor actor, int id, CancellationToken ct = default)
    {
        actor.MustEdit("restore sources");
        return ChangeAsync(actor, id, null, false, s => s.IsDeleted = false, RevisionAction.Restored, null, ct);
    }

    public async Task<SaveOutcome> RevertAsync(Actor actor, int revisionId, CancellationToken ct = default)
    {
        actor.MustEdit("restore revisions");
        Revision revision;
        await using (var db = await factory.CreateDbContextAsync(ct))
            revision = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId && r.EntityType == EntityTypes.Source, ct)
                ?? throw new CurationException("There is no such revision of a source.");
        var snapshot = Diff.Deserialize<SourceSnapshot>(revision.Snapshot);
        return await ChangeAsync(actor, revision.EntityId, null, true, s =>
        {
            snapshot.ApplyTo(s);
            s.IsDeleted = snapshot.IsDeleted;
        }, RevisionAction.Reverted, revisionId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public async Task<Source?> LoadForEditAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Sources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
    }

    private async Task<SaveOutcome> ChangeAsync(Actor actor, int id, int? baseVersion, bool overwrite, Action<Source> change,
        RevisionAction action, string? details, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Source target;
        SourceSnapshot? before = null;
        if (id == 0)
        {
            target = new Source();
            db.Sources.Add(target);
        }
        else
        {
            target = await db.Sources.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new CurationException("This source does not exist.");
            if (baseVersion is { } v && target.Version != v && !overwrite)
                return await RevisionLog.ConflictAsync(db, EntityTypes.Source, id, v, target.Version, SourceSnapshot.Of(target).Fields(),
                    s => Diff.Deserialize<SourceSnapshot>(s).Fields(), ct);
            before = SourceSnapshot.Of(target);
            await RevisionLog.EnsureBaselineAsync(db, EntityTypes.Source, id, target.Version, Diff.Serialize(before), now, ct);
            db.Entry(target).Property(s => s.Version).OriginalValue = target.Version;
        }
        change(target);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            await using var fresh = await factory.CreateDbContextAsync(ct);
            var current = await fresh.Sources.IgnoreQueryFilters().SingleAsync(s => s.Id == id, ct);
            return await RevisionLog.ConflictAsync(fresh, EntityTypes.Source, id, baseVersion ?? 0, current.Version, SourceSnapshot.Of(current).Fields(),
                s => Diff.Deserialize<SourceSnapshot>(s).Fields(), ct);
        }
        var after = SourceSnapshot.Of(target);
        RevisionLog.Add(db, EntityTypes.Source, target.Id, target.Version, action, actor, Diff.Serialize(after), Diff.Between(before?.Fields(), after.Fields()), now, details);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SaveOutcome.Saved(target.Id, target.Version);
    }
}
