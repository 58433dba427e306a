using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Timeline.Domain.Model;

namespace Timeline.Domain.Data.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> b)
    {
        b.IsVersioned();
        b.Property(e => e.Key).HasMaxLength(Limits.Key);
        b.HasIndex(e => e.Key).IsUnique();
        b.Property(e => e.Kind).IsEnumText();
        b.Property(e => e.ClaimStatus).IsEnumText();
        b.Property(e => e.Title).HasMaxLength(Limits.Title);
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
        b.Property(e => e.Court).HasMaxLength(Limits.Court);
        b.Property(e => e.ArrestAgency).HasMaxLength(Limits.Agency);
        b.Property(e => e.ArrestPlace).HasMaxLength(Limits.Place);
        b.Property(e => e.ArrestCharge).HasMaxLength(Limits.Charge);
        b.Property(e => e.ExpelledFrom).HasConversion<string>().HasMaxLength(Limits.EnumText);
        b.Property(e => e.ExpelledFromOrganisation).HasMaxLength(Limits.Organisation);
        b.Property(e => e.ExpellingBody).HasMaxLength(Limits.Body);
        b.Property(e => e.ExpulsionReason).HasMaxLength(Limits.Reason);

        // Chronological order; overlap of a range, one span class at a time (covering: no table reads for counts);
        // kinds in date order.
        b.HasIndex(e => e.SortDay);
        b.HasIndex(e => new { e.SpanClass, e.EarliestDay, e.LatestDay, e.IsDeleted });
        b.HasIndex(e => new { e.Kind, e.SortDay });

        b.HasMany(e => e.Participants).WithOne(p => p.Event).HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Evidence).WithOne(x => x.Event).HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.DateClaims).WithOne(c => c.Event).HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(e => e.DateDisplay);
        b.Ignore(e => e.Earliest);
        b.Ignore(e => e.Latest);
    }
}
