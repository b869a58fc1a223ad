using NodaTime;

namespace Roster.Api.Submissions;

/// <summary>A comment on a returned roster, about one day (<c>date</c>), one slot (<c>slotKey</c>) or the whole roster (neither).</summary>
public sealed record ReturnComment(LocalDate? Date, string? SlotKey, string? Text);
