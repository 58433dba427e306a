using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Data;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;
using Timeline.Domain.Text;
using Timeline.Domain.Validation;

namespace Timeline.Domain.Curation;

/// <summary>
/// Every change to events: create, edit, delete, restore, revert to a revision. Each call checks the
/// actor's role, re-runs the validators, guards against stale copies and writes a revision, in one
/// transaction. The edited event is a detached graph, as a form holds it.
/// </summary>
public sealed class EventCommands(IDbContextFactory<TimelineDbContext> factory, TimeProvider clock)
{
    private readonly EventValidator _validator = new();

    /// <param name="edited">The event as edited; Id 0 for a new one. Participants and evidence may carry new persons and sources.</param>
    /// <param name="baseVersion">The version the editor loaded; ignored for new events.</param>
    /// <param name="overwrite">Save even though someone else saved since (the editor chose to after seeing their changes).</param>
    public Task<SaveOutcome> SaveAsync(Actor actor, Event edited, int baseVersion, bool overwrite = false, CancellationToken ct = default) =>
        SaveAsync(actor, edited, baseVersion, overwrite, null, ct);

    /// <param name="reverting">The revision being restored, recorded with the change in its transaction; null for an edit.</param>
    private async Task<SaveOutcome> SaveAsync(Actor actor, Event edited, int baseVersion, bool overwrite, int? reverting, CancellationToken ct)
    {
        actor.MustEdit(edited.Id == 0 ? "create events" : "edit events");
        // The validator also checks persons and sources created inline, at their paths in the event.
        var errors = _validator.Validate(edited).Errors;
        if (errors.Count > 0) return new SaveOutcome.Invalid(errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Event target;
        EventSnapshot? before = null;
        if (edited.Id == 0)
        {
            target = new Event();
            db.Events.Add(target);
        }
        else
        {
            target = await LoadAsync(db, edited.Id, ct) ?? throw new CurationException("This event no longer exists.");
            if (target.Version != baseVersion && !overwrite)
                return await RevisionLog.ConflictAsync(db, EntityTypes.Event, target.Id, baseVersion, target.Version,
                    EventSnapshot.Of(target).Fields(), s => Diff.Deserialize<EventSnapshot>(s).Fields(), ct);
            before = EventSnapshot.Of(target);
            await RevisionLog.EnsureBaselineAsync(db, EntityTypes.Event, target.Id, target.Version, Diff.Serialize(before), now, ct);
            // The update matches only the version just read: a save racing this one fails instead of being lost.
            db.Entry(target).Property(e => e.Version).OriginalValue = target.Version;
        }
        var created = Apply(db, target, edited);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            return await ConflictAfterRaceAsync(edited.Id, baseVersion, ct);
        }
        var after = await SnapshotAsync(db, target.Id, ct);
        var action = reverting is not null ? RevisionAction.Reverted : before is null ? RevisionAction.Created : RevisionAction.Updated;
        RevisionLog.Add(db, EntityTypes.Event, target.Id, target.Version, action, actor, Diff.Serialize(after), Diff.Between(before?.Fields(), after.Fields()), now,
            reverting?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var p in created.Persons)
            RevisionLog.Add(db, EntityTypes.Person, p.Id, p.Version, RevisionAction.Created, actor, Diff.Serialize(PersonSnapshot.Of(p)),
                Diff.Between(null, PersonSnapshot.Of(p).Fields()), now);
        foreach (var s in created.Sources)
            RevisionLog.Add(db, EntityTypes.Source, s.Id, s.Version, RevisionAction.Created, actor, Diff.Serialize(SourceSnapshot.Of(s)),
                Diff.Between(null, SourceSnapshot.Of(s).Fields()), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SaveOutcome.Saved(target.Id, target.Version);
    }

    public Task<SaveOutcome> DeleteAsync(Actor actor, int id, int baseVersion, CancellationToken ct = default) =>
        SetDeletedAsync(actor, id, baseVersion, deleted: true, ct);

    public Task<SaveOutcome> RestoreAsync(Actor actor, int id, CancellationToken ct = default) =>
        SetDeletedAsync(actor, id, baseVersion: null, deleted: false, ct);

    /// <summary>
    /// Brings back the state recorded in a revision; the restore is itself a new revision, written in the same transaction
    /// as the change (as persons and sources do), so a failure leaves neither.
    /// </summary>
    public async Task<SaveOutcome> RevertAsync(Actor actor, int revisionId, CancellationToken ct = default)
    {
        actor.MustEdit("restore revisions");
        Event edited;
        int current;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var revision = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId && r.EntityType == EntityTypes.Event, ct)
                ?? throw new CurationException("There is no such revision of an event.");
            var snapshot = Diff.Deserialize<EventSnapshot>(revision.Snapshot);
            current = await db.Events.IgnoreQueryFilters().Where(e => e.Id == revision.EntityId).Select(e => e.Version).SingleOrDefaultAsync(ct);
            edited = FromSnapshot(snapshot, revision.EntityId);
            if (snapshot.IsDeleted) throw new CurationException("That revision is the deletion; restore the event from the trash instead.");
        }
        return await SaveAsync(actor, edited, current, overwrite: true, reverting: revisionId, ct);
    }

    /// <summary>An editable copy of an event: a detached graph a form can change freely.</summary>
    public async Task<Event?> LoadForEditAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Events.AsNoTracking()
            .Include(e => e.Participants.OrderBy(p => p.Position)).ThenInclude(p => p.Person).ThenInclude(p => p!.Names)
            .Include(e => e.Evidence).ThenInclude(x => x.Source)
            .Include(e => e.DateClaims).ThenInclude(c => c.Evidence)
            .AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == id, ct) is { } e ? Relink(e) : null;
    }

    // No-tracking queries give each date claim its own copy of its evidence; point it back at the event's.
    private static Event Relink(Event e)
    {
        foreach (var c in e.DateClaims) c.Evidence = e.Evidence.FirstOrDefault(x => x.Id == c.EvidenceLinkId) ?? c.Evidence;
        return e;
    }

    private async Task<SaveOutcome> SetDeletedAsync(Actor actor, int id, int? baseVersion, bool deleted, CancellationToken ct)
    {
        actor.MustEdit(deleted ? "delete events" : "restore events");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var target = await LoadAsync(db, id, ct) ?? throw new CurationException("This event does not exist.");
        if (target.IsDeleted == deleted) return new SaveOutcome.Saved(target.Id, target.Version);
        if (baseVersion is { } v && target.Version != v)
            return await RevisionLog.ConflictAsync(db, EntityTypes.Event, id, v, target.Version, EventSnapshot.Of(target).Fields(),
                s => Diff.Deserialize<EventSnapshot>(s).Fields(), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var before = EventSnapshot.Of(target);
        await RevisionLog.EnsureBaselineAsync(db, EntityTypes.Event, id, target.Version, Diff.Serialize(before), now, ct);
        target.IsDeleted = deleted;
        await db.SaveChangesAsync(ct);
        var after = EventSnapshot.Of(target);
        RevisionLog.Add(db, EntityTypes.Event, id, target.Version, deleted ? RevisionAction.Deleted : RevisionAction.Restored, actor,
            Diff.Serialize(after), Diff.Between(before.Fields(), after.Fields()), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SaveOutcome.Saved(target.Id, target.Version);
    }

    private static Task<Event?> LoadAsync(TimelineDbContext db, int id, CancellationToken ct) =>
        db.Events.IgnoreQueryFilters()
            .Include(e => e.Participants).ThenInclude(p => p.Person)
            .Include(e => e.Evidence).ThenInclude(x => x.Source)
            .Include(e => e.DateClaims).ThenInclude(c => c.Evidence)
            .AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == id, ct);

    private static async Task<EventSnapshot> SnapshotAsync(TimelineDbContext db, int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return EventSnapshot.Of((await LoadAsync(db, id, ct))!);
    }

    private async Task<SaveOutcome> ConflictAfterRaceAsync(int id, int baseVersion, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var current = await LoadAsync(db, id, ct) ?? throw new CurationException("This event was removed meanwhile.");
        return await RevisionLog.ConflictAsync(db, EntityTypes.Event, id, baseVersion, current.Version, EventSnapshot.Of(current).Fields(),
            s => Diff.Deserialize<EventSnapshot>(s).Fields(), ct);
    }

    private sealed record Created(List<Person> Persons, List<Source> Sources);

    /// <summary>Copies the edited graph onto the tracked event; children are replaced, evidence kept by id where it still exists.</summary>
    private static Created Apply(TimelineDbContext db, Event target, Event edited)
    {
        var created = new Created([], []);
        target.Kind = edited.Kind;
        target.Title = edited.Title.Trim();
        target.Summary = edited.Summary.Trim();
        target.Place = Clean(edited.Place);
        target.ClaimStatus = edited.ClaimStatus;
        target.Start = edited.Start;
        target.End = edited.End;
        target.DateNote = Clean(edited.DateNote);
        // Details that belong to another kind are dropped rather than kept invisibly.
        (target.Court, target.UnnamedDefendants, target.DefendantsNote) = edited.Kind == EventKind.Trial
            ? (Clean(edited.Court), edited.UnnamedDefendants, Clean(edited.DefendantsNote)) : (null, null, null);
        (target.ArrestAgency, target.ArrestPlace, target.ArrestCharge) = edited.Kind == EventKind.Arrest
            ? (Clean(edited.ArrestAgency), Clean(edited.ArrestPlace), Clean(edited.ArrestCharge)) : (null, null, null);
        (target.ExpelledFrom, target.ExpelledFromOrganisation, target.ExpellingBody, target.ExpulsionReason) = edited.Kind == EventKind.Expulsion
            ? (edited.ExpelledFrom, Clean(edited.ExpelledFromOrganisation), Clean(edited.ExpellingBody), Clean(edited.ExpulsionReason))
            : (null, null, null, null);

        foreach (var c in target.DateClaims.ToList()) db.DateClaims.Remove(c);
        target.DateClaims.Clear();
        foreach (var p in target.Participants.ToList()) db.Participations.Remove(p);
        target.Participants.Clear();
        foreach (var (p, i) in edited.Participants.Select((p, i) => (p, i)))
        {
            var participation = new Participation
            {
                Role = p.Role, Outcome = Clean(p.Outcome), Charge = Clean(p.Charge), Verdict = Clean(p.Verdict),
                Sentence = Clean(p.Sentence), Position = i,
            };
            if (p.PersonId != 0) participation.PersonId = p.PersonId;
            else
            {
                var person = NewPerson(p.Person!);
                created.Persons.Add(person);
                participation.Person = person;
            }
            target.Participants.Add(participation);
        }

        var kept = edited.Evidence.Where(x => x.Id != 0).Select(x => x.Id).ToHashSet();
        foreach (var old in target.Evidence.Where(x => !kept.Contains(x.Id)).ToList())
        {
            db.EvidenceLinks.Remove(old);
            target.Evidence.Remove(old);
        }
        var map = new Dictionary<EvidenceLink, EvidenceLink>(ReferenceEqualityComparer.Instance);
        foreach (var x in edited.Evidence)
        {
            var link = x.Id != 0 ? target.Evidence.Single(t => t.Id == x.Id) : new EvidenceLink();
            if (x.Id == 0) target.Evidence.Add(link);
            if (x.SourceId != 0) link.SourceId = x.SourceId;
            else
            {
                var source = NewSource(x.Source!);
                created.Sources.Add(source);
                link.Source = source;
            }
            link.Locator = x.Locator.Trim();
            link.Stance = x.Stance;
            link.Note = Clean(x.Note);
            link.EvidenceDate = x.EvidenceDate;
            map[x] = link;
        }
        foreach (var c in edited.DateClaims)
        {
            var evidence = c.Evidence is not null && map.TryGetValue(c.Evidence, out var mapped) ? mapped
                : target.Evidence.FirstOrDefault(x => x.Id == c.EvidenceLinkId && c.EvidenceLinkId != 0)
                ?? throw new CurationException("Each alternative date must rest on one of the event's evidence links.");
            target.DateClaims.Add(new DateClaim { Start = c.Start, End = c.End, IsPreferred = c.IsPreferred, Note = Clean(c.Note), Evidence = evidence });
        }
        return created;
    }

    private static Person NewPerson(Person p)
    {
        var person = new Person
        {
            Name = p.Name.Trim(), Born = p.Born, Died = p.Died, LifeDatesNote = Clean(p.LifeDatesNote), Description = Clean(p.Description),
        };
        person.SetNameVariants(p.VariantsWithNotes());
        return person;
    }

    private static Source NewSource(Source s) => new()
    {
        Title = s.Title.Trim(), Author = Clean(s.Author), Kind = s.Kind, Date = s.Date, Language = Clean(s.Language), Url = Clean(s.Url),
        Publication = Clean(s.Publication), Description = Clean(s.Description), ArchiveName = Clean(s.ArchiveName), Fond = Clean(s.Fond),
        Opis = Clean(s.Opis), Delo = Clean(s.Delo), Volume = Clean(s.Volume), Pages = Clean(s.Pages),
    };

    private static Event FromSnapshot(EventSnapshot s, int id)
    {
        var e = new Event
        {
            Id = id,
            Kind = Kebab.TryParse<EventKind>(s.Kind, out var k) ? k : EventKind.Other,
            Title = s.Title, Summary = s.Summary, Place = s.Place,
            ClaimStatus = Kebab.TryParse<ClaimStatus>(s.ClaimStatus, out var cs) ? cs : ClaimStatus.Attributed,
            Start = HistoricalDate.FromStorage(s.Start), End = s.End is null ? null : HistoricalDate.FromStorage(s.End),
            DateNote = s.DateNote, Court = s.Court, UnnamedDefendants = s.UnnamedDefendants, DefendantsNote = s.DefendantsNote,
            ArrestAgency = s.ArrestAgency, ArrestPlace = s.ArrestPlace, ArrestCharge = s.ArrestCharge,
            ExpelledFrom = Kebab.TryParse<ExpulsionScope>(s.ExpelledFrom, out var x) ? x : null,
            ExpelledFromOrganisation = s.ExpelledFromOrganisation, ExpellingBody = s.ExpellingBody, ExpulsionReason = s.ExpulsionReason,
        };
        foreach (var p in s.Participants)
            e.Participants.Add(new Participation
            {
                PersonId = p.PersonId, Role = Kebab.TryParse<ParticipantRole>(p.Role, out var r) ? r : ParticipantRole.Participant,
                Outcome = p.Outcome, Charge = p.Charge, Verdict = p.Verdict, Sentence = p.Sentence,
            });
        // Evidence is recreated (the old links may be gone); claims find theirs by source and locator.
        foreach (var ev in s.Evidence)
            e.Evidence.Add(new EvidenceLink
            {
                SourceId = ev.SourceId, Locator = ev.Locator, Stance = Kebab.TryParse<Stance>(ev.Stance, out var st) ? st : Stance.Supports,
                Note = ev.Note, EvidenceDate = ev.Date is null ? null : HistoricalDate.FromStorage(ev.Date),
            });
        foreach (var c in s.DateClaims)
            e.DateClaims.Add(new DateClaim
            {
                Start = HistoricalDate.FromStorage(c.Start), End = c.End is null ? null : HistoricalDate.FromStorage(c.End),
                IsPreferred = c.Preferred, Note = c.Note,
                Evidence = e.Evidence.FirstOrDefault(ev => ev.SourceId == c.SourceId && ev.Locator == c.Locator),
            });
        return e;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
