using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Timeline.Domain.Model;
using Timeline.Domain.Search;

namespace Timeline.Domain.Data;

/// <summary>The store: events and their evidence, revisions, and the Identity users who curate them.</summary>
public class TimelineDbContext(DbContextOptions<TimelineDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<Event> Events => Set<Event>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<PersonName> PersonNames => Set<PersonName>();
    public DbSet<PersonNameWord> PersonNameWords => Set<PersonNameWord>();
    public DbSet<Participation> Participations => Set<Participation>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<EvidenceLink> EvidenceLinks => Set<EvidenceLink>();
    public DbSet<DateClaim> DateClaims => Set<DateClaim>();
    public DbSet<Revision> Revisions => Set<Revision>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TimelineDbContext).Assembly);

        // Children of a soft-deleted event, person or source disappear with it. Written as "not among the
        // deleted ids" (a short list from a partial index, built once per query) rather than through the
        // navigation, which joins every row to its parent: counting two million evidence links that way read
        // two million event rows and took twelve seconds.
        builder.Entity<EvidenceLink>().HasQueryFilter(x => !x.IsDeleted
            && !Set<Event>().IgnoreQueryFilters().Where(e => e.IsDeleted).Select(e => e.Id).Contains(x.EventId)
            && !Set<Source>().IgnoreQueryFilters().Where(s => s.IsDeleted).Select(s => s.Id).Contains(x.SourceId));
        builder.Entity<Participation>().HasQueryFilter(p =>
            !Set<Event>().IgnoreQueryFilters().Where(e => e.IsDeleted).Select(e => e.Id).Contains(p.EventId)
            && !Set<Person>().IgnoreQueryFilters().Where(x => x.IsDeleted).Select(x => x.Id).Contains(p.PersonId));
        builder.Entity<DateClaim>().HasQueryFilter(c =>
            !Set<Event>().IgnoreQueryFilters().Where(e => e.IsDeleted).Select(e => e.Id).Contains(c.EventId));
        builder.Entity<PersonName>().HasQueryFilter(n =>
            !Set<Person>().IgnoreQueryFilters().Where(x => x.IsDeleted).Select(x => x.Id).Contains(n.PersonId));
    }

    /// <summary>Bulk loaders turn this off and rebuild the search index and event counts once at the end.</summary>
    public bool IndexOnSave { get; set; } = true;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        if (!IndexOnSave) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var effects = SaveEffects.Collect(ChangeTracker);
        // The rows and their search entries change together or not at all.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await SearchIndex.UpdateAsync(this, await effects.EventIdsAsync(this, cancellationToken), cancellationToken);
            await EventCounts.UpdateAsync(this, effects.Days(), cancellationToken);
            await PersonEventCounts.UpdateAsync(this, await effects.CountPersonIdsAsync(this, cancellationToken), cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    // The version is the concurrency token: an update matches only the version the editor loaded.
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Entity>())
        {
            if (entry.State == EntityState.Added) entry.Entity.Version = 1;
            else if (entry.State == EntityState.Modified)
                entry.Property(e => e.Version).CurrentValue = entry.Property(e => e.Version).OriginalValue + 1;
        }
    }
}
