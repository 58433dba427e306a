using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Timeline.Domain.Model;

namespace Timeline.Domain.Data.Configurations;

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> b)
    {
        b.Property(r => r.EntityType).HasMaxLength(Limits.EnumText);
        b.Property(r => r.Action).IsEnumText();
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.UserName).HasMaxLength(256);
        b.HasIndex(r => new { r.EntityType, r.EntityId, r.Version });
        b.HasIndex(r => r.At);
    }
}
