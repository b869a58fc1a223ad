using Roster.Core.Model;

namespace Roster.Core.Engine;

/// <summary>Someone who can be on duty.</summary>
public sealed record Person(string Id, string UnitId, EmploymentType EmploymentType, IReadOnlyList<string> Roles, IReadOnlyList<string> Tags);
