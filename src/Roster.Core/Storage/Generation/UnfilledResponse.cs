using NodaTime;

namespace Roster.Core.Storage.Generation;

/// <summary>A required slot left empty, and for every candidate of its role the rule that excluded them.</summary>
public sealed record UnfilledResponse(string SlotKey, string ShiftCode, string Role, LocalDate Date, Instant Start, Instant End, IReadOnlyList<CandidateResponse> Candidates);

/// <summary>Why one person cannot take the slot, e.g. rule <c>availability</c>, "on leave 2027-01-03…05".</summary>
public sealed record CandidateResponse(Guid PersonId, string PersonName, string RuleType, string Message, IReadOnlyDictionary<string, string> Data);
