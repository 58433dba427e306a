using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Timeline.Domain.Dates;
using Timeline.Domain.Model;

namespace Timeline.Domain.Data.Configurations;

internal static class Conversions
{
    /// <summary>A historical date lives in one TEXT column as its EDTF form ("julian:" prefix for Old Style).</summary>
    public static readonly ValueConverter<HistoricalDate, string> Date =
        new(d => d.ToStorage(), s => HistoricalDate.FromStorage(s));

    // One method for required and optional dates: nullable reference annotations cannot overload.
    public static PropertyBuilder<T> IsHistoricalDate<T>(this PropertyBuilder<T> p) =>
        p.HasConversion(Date).HasMaxLength(Limits.DateText);

    public static PropertyBuilder<TEnum> IsEnumText<TEnum>(this PropertyBuilder<TEnum> p) =>
        p.HasConversion<string>().HasMaxLength(Limits.EnumText);

    public static void IsVersioned<T>(this EntityTypeBuilder<T> b) where T : Entity
    {
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasQueryFilter(e => !e.IsDeleted);
    }
}
