using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Timeline.Domain.Model;

namespace Timeline.Domain.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    /// <summary>The person search's order (PersonQueries.Ranked), named for the walk that reads it.</summary>
    public const string ByEventCount = "IX_Persons_EventCount_Name_Id";

    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.IsVersioned();
        b.Property(p => p.Key).HasMaxLength(Limits.Key);
        b.HasIndex(p => p.Key).IsUnique();
        b.Property(p => p.Name).HasMaxLength(Limits.PersonName);
        b.HasIndex(p => p.Name);
        // Derived (PersonEventCounts). Busiest first, then by name: the order of the person picker, read from this
        // index and stopped after a page. Live persons only, like the events' indexes.
        b.Property(p => p.EventCount).HasDefaultValue(0);
        b.HasIndex(p => new { p.EventCount, p.Name, p.Id }).IsDescending(true, false, false).HasFilter(EventConfiguration.LiveOnly)
            .HasDatabaseName(ByEventCount);
        // The few deleted ones, for the query filters of their children and the trash page.
        b.HasIndex(p => p.IsDeleted).HasFilter("\"IsDeleted\"");
        b.Property(p => p.Born).IsHistoricalDate();
        b.Property(p => p.Died).IsHistoricalDate();
        b.Property(p => p.LifeDatesNote).HasMaxLength(Limits.Note);
        b.Property(p => p.Description).HasMaxLength(Limits.Description);
        b.HasMany(p => p.Names).WithOne(n => n.Person).HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Participations).WithOne(x => x.Person).HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonNameConfiguration : IEntityTypeConfiguration<PersonName>
{
    public void Configure(EntityTypeBuilder<PersonName> b)
    {
        b.Property(n => n.Name).HasMaxLength(Limits.PersonName);
        b.Property(n => n.Folded).HasMaxLength(Limits.PersonName * 2);
        b.HasIndex(n => n.Folded);
        b.HasIndex(n => n.PersonId);
        b.Property(n => n.Note).HasMaxLength(Limits.Note);
        b.HasMany(n => n.Words).WithOne().HasForeignKey(w => w.PersonNameId).OnDelete(DeleteBehavior.Cascade);
        // Query filter: TimelineDbContext.OnModelCreating.
    }
}

internal sealed class PersonNameWordConfiguration : IEntityTypeConfiguration<PersonNameWord>
{
    public void Configure(EntityTypeBuilder<PersonNameWord> b)
    {
        b.Property(w => w.Word).HasMaxLength(Limits.PersonName * 2);
        // A word prefix is a range of this index; the name id comes with it, so the search reads no table row.
        b.HasIndex(w => new { w.Word, w.PersonNameId });
        b.HasIndex(w => w.PersonNameId);
    }
}

internal sealed class ParticipationConfiguration : IEntityTypeConfiguration<Participation>
{
    public void Configure(EntityTypeBuilder<Participation> b)
    {
        b.Property(p => p.Role).IsEnumText();
        b.Property(p => p.Outcome).HasMaxLength(Limits.Outcome);
        b.Property(p => p.Charge).HasMaxLength(Limits.Charge);
        b.Property(p => p.Verdict).HasMaxLength(Limits.Verdict);
        b.Property(p => p.Sentence).HasMaxLength(Limits.Sentence);
        // A person's events, and an event's people in order.
        b.HasIndex(p => new { p.PersonId, p.EventId });
        b.HasIndex(p => new { p.EventId, p.Position });
        // Query filter: TimelineDbContext.OnModelCreating.
    }
}
