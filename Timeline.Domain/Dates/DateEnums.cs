namespace Timeline.Domain.Dates;

/// <summary>How much of a historical date is known.</summary>
public enum DatePrecision
{
    Year,
    Month,
    Day,
}

/// <summary>How far a historical date can be trusted, in the terms historians use.</summary>
public enum DateQualifier
{
    Exact,
    /// <summary>Approximately (EDTF <c>~</c>).</summary>
    Circa,
    /// <summary>Possibly, the source is unsure (EDTF <c>?</c>).</summary>
    Uncertain,
    /// <summary>Approximately, and even that is unsure (EDTF <c>%</c>).</summary>
    CircaUncertain,
    /// <summary>At the latest this date; a terminus ante quem (EDTF <c>../date</c>).</summary>
    Before,
    /// <summary>At the earliest this date; a terminus post quem (EDTF <c>date/..</c>).</summary>
    After,
}

/// <summary>The calendar a date is written in. Russia used the Julian calendar until 1 (14) Feb 1918.</summary>
public enum CalendarSystem
{
    Gregorian,
    Julian,
}
