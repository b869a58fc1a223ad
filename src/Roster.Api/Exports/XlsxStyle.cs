namespace Roster.Api.Exports;

/// <summary>The cell styles our sheets use; <see cref="XlsxStyles.Index"/> maps each (with or without a date format) to a cell format.</summary>
internal enum XlsxStyle : uint
{
    Default = 0,
    Header = 1,
    Body = 2,

    /// <summary>A public holiday (节假日): light red.</summary>
    Holiday = 3,

    /// <summary>A make-up workday (调休上班日): light yellow.</summary>
    MakeUpWorkday = 4,

    /// <summary>Something that needs attention, e.g. unfilled slots: light red, bold.</summary>
    Alert = 5,
}
