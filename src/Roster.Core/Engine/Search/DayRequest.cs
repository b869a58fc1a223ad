namespace Roster.Core.Engine.Search;

/// <summary>Compiled request: Shift −1 = any shift that day, −2 = a shift that does not exist.</summary>
internal readonly record struct DayRequest(int Shift, bool Want, double Weight);
