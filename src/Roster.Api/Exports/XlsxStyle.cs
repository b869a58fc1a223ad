namespace Roster.Api.Exports;

/// <summary>The cell styles our sheets use; the value is the index of the cell format in <see cref="XlsxStyles"/>.</summary>
internal enum XlsxStyle : uint
{
    Default = 0,
    Title = 1,
    Header = 2,
    Body = 3,

    /// <summary>A public holiday (节假日): light red.</summary>
    Holiday = 4,

    /// <summary>A make-up workday (调休上班日): light yellow.</summary>
    MakeUpWorkday = 5,

    /// <summary>Something that needs attention, e.g. unfilled slots: light red, bold.</summary>
    Alert = 6,
}
