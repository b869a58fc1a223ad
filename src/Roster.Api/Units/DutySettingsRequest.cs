using NodaTime;

namespace Roster.Api.Units;

/// <summary>
/// A unit's duty settings; a field left out keeps its value. <c>checkInOpensBefore</c>/<c>checkInClosesAfter</c>: the
/// check-in window around a shift's start (PT0S to PT24H); <c>swapNeedsApproval</c>: an accepted swap waits for an admin;
/// <c>standbyStepsIn</c>: a gap on the published roster is filled at once by the slot's standby (备班自动顶岗).
/// </summary>
public sealed record DutySettingsRequest(Duration? CheckInOpensBefore, Duration? CheckInClosesAfter, bool? SwapNeedsApproval, bool? StandbyStepsIn);
