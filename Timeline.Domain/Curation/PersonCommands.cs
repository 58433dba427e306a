using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Validation;

namespace Timeline.Domain.Curation;

/// <summary>What a merge moved, kept so the merge can be undone exactly.</summary>
public sealed record MergeDetails(int KeptId, int MergedId, IReadOnlyList<int> MovedParticipations,
    IReadOnlyList<ParticipantCopy> DroppedDuplicates, IReadOnlyList<string> AddedVariants);

/// <summary>A participation the merge removed because the kept person already had it.</summary>
public sealed record ParticipantCopy(int EventId, string Role, string? Outcome, string? Charge, string? Verdict, string? Sentence, int Position);

/// <summary>Changes to persons, including merging two records of one person and undoing that.</summary>
public sealed class PersonCommands(IDbContextFactory<TimelineDbContext> factory, TimeProvider clock)
{
    private readonly PersonValidator _validator = new();

    /// <param name="edited">The person as edited (Id 0 for new); its <see cref="Person.Names"/> hold the variants.</param>
    public async Task<SaveOutcome> SaveAsync(Actor actor, Person edited, int baseVersion, bool overwrite = false, CancellationToken ct = default)
    {
        actor.MustEdit(edited.Id == 0 ? "add persons" : "edit persons");
        var result = _validator.Validate(edited);
        if (!result.IsValid) return new SaveOutcome.Invalid(result.Errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Person target;
        PersonSnapshot? before = null;
        if (edited.Id == 0)
        {
            target = new Person();
            db.Persons.Add(target);
        }
        else
        {
            target = await LoadAsync(db, edited.Id, ct) ?? throw new CurationException("This person no longer exists.");
            if (target.Version != baseVersion && !overwrite) return await ConflictAsync(db, target, baseVersion, ct);
            before = PersonSnapshot.Of(target);
            await RevisionLog.EnsureBaselineAsync(db, EntityTypes.Person, target.Id, target.Version, Diff.Serialize(before), now, ct);
            db.Entry(target).Property(p => p.Version).OriginalValue = target.Version;
        }
        target.Name = edited.Name.Trim();
        target.Born = edited.Born;
        target.Died = edited.Died;
        target.LifeDatesNote = string.IsNullOrWhiteSpace(edited.LifeDatesNote) ? null : edited.LifeDatesNote.Trim();
        target.Description = string.IsNullOrWhiteSpace(edited.Description) ? null : edited.Description.Trim();
        target.SetNameVariants(edited.VariantsWithNotes());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            await using var fresh = await factory.CreateDbContextAsync(ct);
            return await ConflictAsync(fresh, (await LoadAsync(fresh, edited.Id, ct))!, baseVersion, ct);
        }
        var after = PersonSnapshot.Of(target);
        RevisionLog.Add(db, EntityTypes.Person, target.Id, target.Version, before is null ? RevisionAction.Created : RevisionAction.Updated,
            actor, Diff.Serialize(after), Diff.Between(before?.Fields(), after.Fields()), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SaveOutcome.Saved(target.Id, target.Version);
    }

    /// <summary>Soft delete; refused while the person takes part in events (merge or remove them from the events first).</summary>
    public async Task<SaveOutcome> DeleteAsync(Actor actor, int id, int baseVersion, CancellationToken ct = default)
    {
        actor.MustEdit("delete persons");
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var events = await db.Participations.Where(p => p.PersonId == id).Select(p => p.EventId).Distinct().CountAsync(ct);
            if (events > 0) throw new CurationException($"This person takes part in {events} event(s). Remove them from those events, or merge the person into another, before deleting.");
        }
        return await SetStateAsync(actor, id, baseVersion, p => p.IsDeleted = true, RevisionAction.Deleted, null, ct);
    }

    public Task<SaveOutcome> RestoreAsync(Actor actor, int id, CancellationToken ct = default)
    {
        actor.MustEdit("restore persons");
        return SetStateAsync(actor, id, null, p => p.IsDeleted = false, RevisionAction.Restored, null, ct);
    }

    public async Task<SaveOutcome> RevertAsync(Actor actor, int revisionId, CancellationToken ct = default)
    {
        actor.MustEdit("restore revisions");
        PersonSnapshot snapshot;
        int id;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var revision = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId && r.EntityType == EntityTypes.Person, ct)
                ?? throw new CurationException("There is no such revision of a person.");
            snapshot = Diff.Deserialize<PersonSnapshot>(revision.Snapshot);
            id = revision.EntityId;
        }
        return await SetStateAsync(actor, id, null, p =>
        {
            p.Name = snapshot.Name;
            p.Born = snapshot.Born is null ? null : HistoricalDate.FromStorage(snapshot.Born);
            p.Died = snapshot.Died is null ? null : HistoricalDate.FromStorage(snapshot.Died);
            p.LifeDatesNote = snapshot.LifeDatesNote;
            p.Description = snapshot.Description;
            p.SetNameVariants(snapshot.VariantsWithNotes());
            p.IsDeleted = snapshot.IsDeleted;
        }, RevisionAction.Reverted, revisionId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
    }

    /// <summary>
    /// Merges <paramref name="mergedId"/> into <paramref name="keptId"/>: its participations move, its names become
    /// variants of the kept person, and it is soft-deleted. Nothing is lost; <see cref="UndoMergeAsync"/> reverses it.
    /// </summary>
    public async Task<MergeDetails> MergeAsync(Actor actor, int keptId, int mergedId, CancellationToken ct = default)
    {
        actor.MustEdit("merge persons");
        if (keptId == mergedId) throw new CurationException("Choose two different persons to merge.");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var kept = await LoadAsync(db, keptId, ct) ?? throw new CurationException("The person to keep does not exist.");
        var merged = await LoadAsync(db, mergedId, ct) ?? throw new CurationException("The person to merge does not exist.");
        if (kept.IsDeleted || merged.IsDeleted) throw new CurationException("Both persons must be live records; restore them from the trash first.");
        var keptBefore = PersonSnapshot.Of(kept);
        var mergedBefore = PersonSnapshot.Of(merged);
        await RevisionLog.EnsureBaselineAsync(db, EntityTypes.Person, kept.Id, kept.Version, Diff.Serialize(keptBefore), now, ct);
        await RevisionLog.EnsureBaselineAsync(db, EntityTypes.Person, merged.Id, merged.Version, Diff.Serialize(mergedBefore), now, ct);

        var keptRoles = await db.Participations.Where(p => p.PersonId == keptId).Select(p => new { p.EventId, p.Role }).ToListAsync(ct);
        var moved = new List<int>();
        var dropped = new List<ParticipantCopy>();
        foreach (var p in await db.Participations.IgnoreQueryFilters().Where(p => p.PersonId == mergedId).ToListAsync(ct))
        {
            if (keptRoles.Any(k => k.EventId == p.EventId && k.Role == p.Role))
            {
                dropped.Add(new ParticipantCopy(p.EventId, p.Role.ToString(), p.Outcome, p.Charge, p.Verdict, p.Sentence, p.Position));
                db.Participations.Remove(p);
            }
            else
            {
                p.PersonId = keptId;
                moved.Add(p.Id);
            }
        }
        var existing = kept.Names.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var added = merged.Names.Select(n => n.Name).Where(n => !existing.Contains(n)).ToList();
        kept.SetNameVariants(kept.VariantsWithNotes().Concat(merged.Names.Where(n => added.Contains(n.Name)).Select(n => new NameVariant(n.Name, n.Note))));
        kept.Description ??= merged.Description;
        // The note on loose life dates goes with the dates it explains.
        if (kept.Born is null && kept.Died is null) kept.LifeDatesNote ??= merged.LifeDatesNote;
        kept.Born ??= merged.Born;
        kept.Died ??= merged.Died;
        merged.IsDeleted = true;
        await db.SaveChangesAsync(ct);

        var details = new MergeDetails(keptId, mergedId, moved, dropped, added);
        var json = Diff.Serialize(details);
        RevisionLog.Add(db, EntityTypes.Person, kept.Id, kept.Version, RevisionAction.Absorbed, actor, Diff.Serialize(PersonSnapshot.Of(kept)),
            [.. Diff.Between(keptBefore.Fields(), PersonSnapshot.Of(kept).Fields()), new FieldChange("Merged in", null, $"{merged.Name} (#{merged.Id}), {moved.Count} participation(s)")],
            now, json);
        RevisionLog.Add(db, EntityTypes.Person, merged.Id, merged.Version, RevisionAction.Merged, actor, Diff.Serialize(PersonSnapshot.Of(merged)),
            [.. Diff.Between(mergedBefore.Fields(), PersonSnapshot.Of(merged).Fields()), new FieldChange("Merged into", null, $"{kept.Name} (#{kept.Id})")],
            now, json);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return details;
    }

    /// <summary>Undoes a merge recorded in a revision (of either person).</summary>
    public async Task UndoMergeAsync(Actor actor, int revisionId, CancellationToken ct = default)
    {
        actor.MustEdit("undo merges");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var revision = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId, ct);
        if (revision is not { Action: RevisionAction.Merged or RevisionAction.Absorbed, Details: not null })
            throw new CurationException("That revision is not a merge.");
        var d = Diff.Deserialize<MergeDetails>(revision.Details);
        if (await db.Revisions.AnyAsync(r => r.Action == RevisionAction.Unmerged && r.Details == revision.Details, ct))
            throw new CurationException("This merge has already been undone.");
        var now = clock.GetUtcNow().UtcDateTime;
        var kept = await LoadAsync(db, d.KeptId, ct) ?? throw new CurationException("The kept person no longer exists.");
        var merged = await LoadAsync(db, d.MergedId, ct) ?? throw new CurationException("The merged person no longer exists.");
        var keptBefore = PersonSnapshot.Of(kept);
        var mergedBefore = PersonSnapshot.Of(merged);

        var moved = d.MovedParticipations.ToList();
        foreach (var p in await db.Participations.IgnoreQueryFilters().Where(p => moved.Contains(p.Id) && p.PersonId == d.KeptId).ToListAsync(ct))
            p.PersonId = d.MergedId;
        foreach (var c in d.DroppedDuplicates)
            db.Participations.Add(new Participation
            {
                EventId = c.EventId, PersonId = d.MergedId, Role = Enum.Parse<ParticipantRole>(c.Role), Outcome = c.Outcome,
                Charge = c.Charge, Verdict = c.Verdict, Sentence = c.Sentence, Position = c.Position,
            });
        kept.SetNames(kept.Variants().Where(v => !d.AddedVariants.Contains(v)));
        merged.IsDeleted = false;
        await db.SaveChangesAsync(ct);
        RevisionLog.Add(db, EntityTypes.Person, kept.Id, kept.Version, RevisionAction.Unmerged, actor, Diff.Serialize(PersonSnapshot.Of(kept)),
            [.. Diff.Between(keptBefore.Fields(), PersonSnapshot.Of(kept).Fields()), new FieldChange("Merged in", $"{merged.Name} (#{merged.Id})", null)], now, revision.Details);
        RevisionLog.Add(db, EntityTypes.Person, merged.Id, merged.Version, RevisionAction.Unmerged, actor, Diff.Serialize(PersonSnapshot.Of(merged)),
            [.. Diff.Between(mergedBefore.Fields(), PersonSnapshot.Of(merged).Fields()), new FieldChange("Merged into", $"{kept.Name} (#{kept.Id})", null)], now, revision.Details);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<Person?> LoadForEditAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Persons.AsNoTracking().Include(p => p.Names.OrderBy(n => n.Id)).SingleOrDefaultAsync(p => p.Id == id, ct);
    }

    private async Task<SaveOutcome> SetStateAsync(Actor actor, int id, int? baseVersion, Action<Person> change, RevisionAction action,
        string? details, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var target = await LoadAsync(db, id, ct) ?? throw new CurationException("This person does not exist.");
        if (baseVersion is { } v && target.Version != v) return await ConflictAsync(db, target, v, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var before = PersonSnapshot.Of(target);
        await RevisionLog.EnsureBaselineAsync(db, EntityTypes.Person, id, target.Version, Diff.Serialize(before), now, ct);
        change(target);
        await db.SaveChangesAsync(ct);
        var after = PersonSnapshot.Of(target);
        RevisionLog.Add(db, EntityTypes.Person, id, target.Version, action, actor, Diff.Serialize(after), Diff.Between(before.Fields(), after.Fields()), now, details);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SaveOutcome.Saved(target.Id, target.Version);
    }

    private static Task<Person?> LoadAsync(TimelineDbContext db, int id, CancellationToken ct) =>
        db.Persons.IgnoreQueryFilters().Include(p => p.Names).SingleOrDefaultAsync(p => p.Id == id, ct);

    private static Task<SaveOutcome.Conflict> ConflictAsync(TimelineDbContext db, Person current, int baseVersion, CancellationToken ct) =>
        RevisionLog.ConflictAsync(db, EntityTypes.Person, current.Id, baseVersion, current.Version, PersonSnapshot.Of(current).Fields(),
            s => Diff.Deserialize<PersonSnapshot>(s).Fields(), ct);
}
