using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Timeline.Domain.Model;

namespace Timeline.Domain.Data.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> b)
    {
        b.IsVersioned();
        b.Property(s => s.Key).HasMaxLength(Limits.Key);
        b.HasIndex(s => s.Key).IsUnique();
        b.Property(s => s.Title).HasMaxLength(Limits.SourceTitle);
        b.HasIndex(s => s.Title);
        // The few deleted ones, for the query filters of their children and the trash page.
        b.HasIndex(s => s.IsDeleted).HasFilter("\"IsDeleted\"");
        b.Property(s => s.Author).HasMaxLength(Limits.Author);
        b.Property(s => s.Kind).IsEnumText();
        b.Property(s => s.Date).IsHistoricalDate();
        b.Property(s => s.Language).HasMaxLength(Limits.Language);
        b.Property(s => s.Url).HasMaxLength(Limits.Url);
        b.Property(s => s.Publication).HasMaxLength(Limits.Publication);
        b.Property(s => s.Description).HasMaxLength(Limits.Description);
        b.Property(s => s.ArchiveName).HasMaxLength(Limits.ArchiveName);
        b.Property(s => s.Fond).HasMaxLength(Limits.ArchivePart);
        b.Property(s => s.Opis).HasMaxLength(Limits.ArchivePart);
        b.Property(s => s.Delo).HasMaxLength(Limits.ArchivePart);
        b.Property(s => s.Volume).HasMaxLength(Limits.ArchivePart);
        b.Property(s => s.Pages).HasMaxLength(Limits.ArchivePart);
        b.Ignore(s => s.Archive);
        b.HasMany(s => s.Evidence).WithOne(x => x.Source).HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceLinkConfiguration : IEntityTypeConfiguration<EvidenceLink>
{
    public void Configure(EntityTypeBuilder<EvidenceLink> b)
    {
        b.IsVersioned();
        // Query filter: TimelineDbContext.OnModelCreating.
        b.Property(x => x.Locator).HasMaxLength(Limits.Locator);
        b.Property(x => x.Stance).IsEnumText();
        b.Property(x => x.Note).HasMaxLength(Limits.Note);
        b.Property(x => x.EvidenceDate).IsHistoricalDate();
        b.HasIndex(x => x.EventId);
        // A source's citations, counted from the index alone (the query filter names all three columns).
        b.HasIndex(x => new { x.SourceId, x.EventId, x.IsDeleted });
    }
}

internal sealed class DateClaimConfiguration : IEntityTypeConfiguration<DateClaim>
{
    public void Configure(EntityTypeBuilder<DateClaim> b)
    {
        b.Property(c => c.Start).IsHistoricalDate();
        b.Property(c => c.End).IsHistoricalDate();
        b.Property(c => c.Note).HasMaxLength(Limits.Note);
        b.HasOne(c => c.Evidence).WithMany().HasForeignKey(c => c.EvidenceLinkId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.EventId);
        // Query filter: TimelineDbContext.OnModelCreating.
    }
}
