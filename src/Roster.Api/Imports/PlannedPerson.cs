using Roster.Core.Storage.People;

namespace Roster.Api.Imports;

/// <summary>A valid row of a staff list: the person as it will be stored, the person it matched (null: new), and whether it changes them.</summary>
internal sealed record PlannedPerson(int Row, PersonRow Person, string? Username, PersonRow? Existing, bool Changed);
