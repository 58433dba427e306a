using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Timeline.Domain.Model;

namespace Timeline.Domain.Data.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    /// <summary>The condition of the partial indexes; queries carry the same term through the query filter.</summary>
    public const string LiveOnly = "NOT \"IsDeleted\"";

    // The indexes a table page may be told to read in order (EventQueries.InSortOrder), by name.
    public const string ByTitle = "IX_Events_SortTitle_SortDay_Id_IsDeleted";
    public const string ByKind = "IX_Events_Kind_SortDay_Id_ClaimStatus_IsDeleted";
    public const string ByStatus = "IX_Events_ClaimStatus_SortDay_Id_Kind_IsDeleted";

    public void Configure(EntityTypeBuilder<Event> b)
    {
        b.IsVersioned();
        b.Property(e => e.Key).HasMaxLength(Limits.Key);
        b.HasIndex(e => e.Key).IsUnique();
        b.Property(e => e.Kind).IsEnumText();
        b.Property(e => e.ClaimStatus).IsEnumText();
        b.Property(e => e.Title).HasMaxLength(Limits.Title);
        // Kept by the entity from the title; the migration that added it filled it (SQLite needs a default to add it).
        b.Property(e => e.SortTitle).HasMaxLength(Limits.Title).HasDefaultValue("");
        b.Property(e => e.Summary).HasMaxLength(Limits.Summary);
        b.Property(e => e.Place).HasMaxLength(Limits.Place);
        b.Property(e => e.Start).IsHistoricalDate().HasField("_start");
        b.Property(e => e.End).IsHistoricalDate().HasField("_end");
        b.Property(e => e.EarliestDay);
        b.Property(e => e.LatestDay);
        b.Property(e => e.SortDay);
        // SQLite can only add a NOT NULL column with a default (migration 0003); the model says the same.
        b.Property(e => e.SortMonth).HasDefaultValue(0);
        b.Property(e => e.SpanClass).HasDefaultValue(0);
        b.Property(e => e.DateNote).HasMaxLength(Limits.Note);
        b.Property(e => e.Court).HasMaxLength(Limits.Court);
        b.Property(e => e.DefendantsNote).HasMaxLength(Limits.Note);
        b.Property(e => e.ArrestAgency).HasMaxLength(Limits.Agency);
        b.Property(e => e.ArrestPlace).HasMaxLength(Limits.Place);
        b.Property(e => e.ArrestCharge).HasMaxLength(Limits.Charge);
        b.Property(e => e.ExpelledFrom).HasConversion<string>().HasMaxLength(Limits.EnumText);
        b.Property(e => e.ExpelledFromOrganisation).HasMaxLength(Limits.Organisation);
        b.Property(e => e.ExpellingBody).HasMaxLength(Limits.Body);
        b.Property(e => e.ExpulsionReason).HasMaxLength(Limits.Reason);

        // Every view reads live events only, so the indexes hold live events only (partial indexes), and each
        // also carries the flag itself: SQLite counts an index as covering only if it holds every column the
        // query names, and the soft-delete test names IsDeleted. Covering indexes answer range counts and
        // date-ordered pages without reading a table row, which at a million events is the difference
        // between milliseconds and a second. The explicit Id gives each order its tie-break from the index.
        b.HasIndex(e => new { e.SortDay, e.Id, e.IsDeleted }).HasFilter(LiveOnly);
        // With kind and claim status, the overlap index also answers those filters on its own.
        b.HasIndex(e => new { e.SpanClass, e.EarliestDay, e.LatestDay, e.SortDay, e.Kind, e.ClaimStatus, e.IsDeleted }).HasFilter(LiveOnly);
        // Kind and claim status each carry the other, so that either filter under the other's order stays in the index.
        b.HasIndex(e => new { e.Kind, e.SortDay, e.Id, e.ClaimStatus, e.IsDeleted }).HasFilter(LiveOnly).HasDatabaseName(ByKind);
        b.HasIndex(e => new { e.ClaimStatus, e.SortDay, e.Id, e.Kind, e.IsDeleted }).HasFilter(LiveOnly).HasDatabaseName(ByStatus);
        // Title order is the order of the sort key, not of the title as written (migration SortTitle).
        b.HasIndex(e => new { e.SortTitle, e.SortDay, e.Id, e.IsDeleted }).HasFilter(LiveOnly).HasDatabaseName(ByTitle);
        // Titles follow their kind, so one kind sorted by title needs an order of its own (migration 0008).
        b.HasIndex(e => new { e.Kind, e.SortTitle, e.SortDay, e.Id, e.ClaimStatus, e.IsDeleted }).HasFilter(LiveOnly);
        // The trash page: the few deleted ones.
        b.HasIndex(e => e.IsDeleted).HasFilter("\"IsDeleted\"");

        b.HasMany(e => e.Participants).WithOne(p => p.Event).HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Evidence).WithOne(x => x.Event).HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.DateClaims).WithOne(c => c.Event).HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(e => e.DateDisplay);
        b.Ignore(e => e.Earliest);
        b.Ignore(e => e.Latest);
    }
}
